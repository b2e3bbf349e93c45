"""The reading history: what was read, how far, for how long, and where the reader stopped.

It lives in the library database and never leaves the machine. The reader controls it:
it can be paused (nothing is recorded), cleared, trimmed entry by entry, and kept only
for a chosen number of days. Each write is its own small transaction.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import NamedTuple

from reader.core.store import Library
from reader.core.store.history_table import Reading, ReadingTable

# Reaching this far (a fraction of the article) counts as having read it to the end.
FINISHED_AT = 0.98

STATES = ("unread", "in_progress", "finished")


class HistoryEntry(NamedTuple):
    reading: Reading
    title: str
    source: str | None


class History:
    def __init__(self, library: Library, clock: Callable[[], float] = time.time) -> None:
        self._library = library
        self._table = ReadingTable(library)
        self.clock = clock
        self.paused = False

    # -- recording ------------------------------------------------------------------------

    def open_session(self, article_id: int) -> None:
        """The reader opened an article: one more session, and now is its last opening."""
        if self.paused:
            return
        self._table.open_session(article_id, self.clock())

    def record_progress(
        self,
        article_id: int,
        block: int,
        block_fraction: float,
        seen: float,
        active_seconds: float = 0.0,
    ) -> None:
        """Where the reader is (block and fraction of it), how far down they have seen
        (0..1), and reading time to add. The furthest point only grows."""
        if self.paused:
            return
        seen = max(0.0, min(1.0, seen))
        self._table.record_progress(
            article_id,
            self.clock(),
            block,
            block_fraction,
            seen,
            max(0.0, active_seconds),
            FINISHED_AT,
        )

    # -- reading it back ------------------------------------------------------------------

    def get(self, article_id: int) -> Reading | None:
        return self._table.get(article_id)

    def readings_for(self, ids: list[int]) -> dict[int, Reading]:
        return self._table.readings_for(ids)

    def entry_ids(self, text: str = "") -> list[int]:
        """Entry ids, most recent first, optionally only those whose title contains ``text``
        (case and ё/е ignored)."""
        return self._table.entry_ids(text)

    def grouped_ids(self, text: str = "") -> tuple[list[int], list[tuple[str, int]]]:
        """Entry ids, most recent first, and how many fall in each day group (in order,
        empty groups left out). Counted by the index, so 100,000 entries stay quick."""
        ids = self.entry_ids(text)
        edges = (float("inf"), *group_boundaries(self.clock()), float("-inf"))
        counts = []
        for name, upper, lower in zip(GROUPS, edges, edges[1:], strict=False):
            count = self._table.count_between(upper, lower, text)
            if count:
                counts.append((name, count))
        return ids, counts

    def entries(self, limit: int | None = None, text: str = "") -> list[HistoryEntry]:
        ids = self.entry_ids(text)[: limit or None]
        return self.entries_for(ids)

    def entries_for(self, ids: list[int]) -> list[HistoryEntry]:
        readings = self.readings_for(ids)
        summaries = self._library.summaries_for(ids)
        return [
            HistoryEntry(readings[i], summaries[i].title, summaries[i].source)
            for i in ids
            if i in readings and i in summaries
        ]

    def most_recent_unfinished(self) -> Reading | None:
        return self._table.most_recent_unfinished()

    def count(self) -> int:
        return self._table.count()

    # -- the reader's control -------------------------------------------------------------

    def remove(self, article_id: int) -> bool:
        return self._table.remove(article_id)

    def clear(self) -> int:
        return self._table.clear()

    def apply_retention(self, days: int) -> int:
        """Forget entries last opened more than ``days`` days ago (0 keeps all)."""
        if not days:
            return 0
        return self._table.forget_before(self.clock() - days * 86400)


GROUPS = ("today", "yesterday", "this_week", "earlier")


def group_boundaries(now: float) -> tuple[float, float, float]:
    """Local midnights that start today, yesterday and the last seven days."""
    today = datetime.fromtimestamp(now).replace(hour=0, minute=0, second=0, microsecond=0)
    return (
        today.timestamp(),
        (today - timedelta(days=1)).timestamp(),
        (today - timedelta(days=6)).timestamp(),
    )


def group_of(moment: float, boundaries: tuple[float, float, float]) -> str:
    today, yesterday, week = boundaries
    if moment >= today:
        return "today"
    if moment >= yesterday:
        return "yesterday"
    if moment >= week:
        return "this_week"
    return "earlier"


def day_group(moment: float, now: float) -> str:
    """today, yesterday, this_week (the last 7 days) or earlier, in local time."""
    return group_of(moment, group_boundaries(now))


def reading_state(reading: Reading | None) -> str:
    """unread (never opened, or its history was cleared), in_progress or finished."""
    if reading is None:
        return "unread"
    return "finished" if reading.finished else "in_progress"
