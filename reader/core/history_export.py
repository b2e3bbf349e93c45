"""The reading history as plain records, JSON and CSV files."""

from __future__ import annotations

import csv
import json
from datetime import datetime
from pathlib import Path

from reader.core.history import HistoryEntry

FIELDS = (
    "id",
    "title",
    "source",
    "first_opened",
    "last_opened",
    "sessions",
    "active_seconds",
    "progress",
    "finished",
    "block",
    "block_fraction",
)


def _local(moment: float) -> str:
    return datetime.fromtimestamp(moment).astimezone().isoformat(timespec="seconds")


def record(entry: HistoryEntry) -> dict:
    reading = entry.reading
    return {
        "id": reading.article_id,
        "title": entry.title,
        "source": entry.source,
        "first_opened": _local(reading.first_opened),
        "last_opened": _local(reading.last_opened),
        "sessions": reading.sessions,
        "active_seconds": round(reading.active_seconds),
        "progress": reading.percent,
        "finished": reading.finished,
        "block": reading.block,
        "block_fraction": round(reading.block_fraction, 4),
    }


def write(entries: list[HistoryEntry], target: Path) -> None:
    """Write JSON or CSV (by extension) through a temporary file: never half a file."""
    partial = target.with_name(target.name + ".part")
    records = [record(e) for e in entries]
    if target.suffix.lower() == ".csv":
        with partial.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=FIELDS)
            writer.writeheader()
            writer.writerows(records)
    else:
        partial.write_text(
            json.dumps(records, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
        )
    partial.replace(target)
