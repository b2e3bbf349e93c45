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

from reader.core.store.library import Library, select_by_ids

# Reaching this far (a fraction of the article) counts as having read it to the end.
FINISHED_AT = 0.98
RETENTION_CHOICES = (0, 30, 90, 365)  # days; 0 keeps everything

STATES = ("unread", "in_progress", "finished")


class Reading(NamedTuple):
    article_id: int
    first_opened: float
    last_opened: float
    sessions: int
    active_seconds: float
    furthest: float  # 0..1
    block: int
    block_fraction: float
    finished: bool

    @property
    def percent(self) -> int:
        return 100 if self.finished else round(self.furthest * 100)


class HistoryEntry(NamedTuple):
    reading: Reading
    title: str
    source: str | None


_READING_COLUMNS = (
    "article_id, first_opened, last_opened, sessions, active_seconds, furthest, block, "
    "block_fraction, finished"
)


class History:
    def __init__(self, library: Library, clock: Callable[[], float] = time.time) -> None:
        self._library = library
        self._db = library._db
        self.clock = clock
        self.paused = False

    # -- recording ------------------------------------------------------------------------

    def open_session(self, article_id: int) -> None:
        """The reader opened an article: one more session, and now is its last opening."""
        if self.paused:
            return
        now = self.clock()
        with self._library._transaction():
            self._db.execute(
                "INSERT INTO reading (article_id, first_opened, last_opened, sessions) "
                "VALUES (?, ?, ?, 1) ON CONFLICT (article_id) DO UPDATE SET "
                "last_opened = excluded.last_opened, sessions = sessions + 1",
                (article_id, now, now),
            )

    def record_progress(self, article_id: int, block: int, block_fraction: float,
                        seen: float, active_seconds: float = 0.0) -> None:
        """Where the reader is (block and fraction of it), how far down they have seen
        (0..1), and reading time to add. The furthest point only grows."""
        if self.paused:
            return
        seen = max(0.0, min(1.0, seen))
        now = self.clock()
        with self._library._transaction():
            self._db.execute(
                "INSERT INTO reading (article_id, first_opened, last_opened, sessions, "
                "active_seconds, furthest, block, block_fraction, finished) "
                "VALUES (?1, ?2, ?2, 1, ?3, ?4, ?5, ?6, ?4 >= ?7) "
                "ON CONFLICT (article_id) DO UPDATE SET last_opened = ?2, "
                "active_seconds = active_seconds + ?3, furthest = max(furthest, ?4), "
                "block = ?5, block_fraction = ?6, finished = finished OR ?4 >= ?7",
                (article_id, now, max(0.0, active_seconds), seen, block, block_fraction, FINISHED_AT),
            )

    # -- reading it back ------------------------------------------------------------------

    def get(self, article_id: int) -> Reading | None:
        row = self._db.execute(
            f"SELECT {_READING_COLUMNS} FROM reading WHERE article_id = ?", (article_id,)
        ).fetchone()
        return _reading(row) if row else None

    def readings_for(self, ids: list[int]) -> dict[int, Reading]:
        query = f"SELECT {_READING_COLUMNS} FROM reading WHERE article_id IN ({{marks}})"
        return {row[0]: _reading(row) for row in select_by_ids(self._db, query, ids)}

    def _text_filter(self, text: str) -> tuple[str, str, tuple]:
        """The join, condition and parameters that keep entries whose title holds ``text``."""
        from reader.core.store.library import fold

        if not text.strip():
            return "", "", ()
        return (" JOIN articles ON articles.id = reading.article_id",
                " AND instr(articles.filter_text, ?)", (fold(text.strip()),))

    def entry_ids(self, text: str = "") -> list[int]:
        """Entry ids, most recent first, optionally only those whose title contains ``text``
        (case and ё/е ignored)."""
        join, where, params = self._text_filter(text)
        return [row[0] for row in self._db.execute(
            f"SELECT reading.article_id FROM reading{join} WHERE 1{where} "
            "ORDER BY last_opened DESC, reading.article_id DESC", params)]

    def grouped_ids(self, text: str = "") -> tuple[list[int], list[tuple[str, int]]]:
        """Entry ids, most recent first, and how many fall in each day group (in order,
        empty groups left out). Counted by the index, so 100,000 entries stay quick."""
        join, where, params = self._text_filter(text)
        ids = self.entry_ids(text)
        edges = (float("inf"), *group_boundaries(self.clock()), float("-inf"))
        counts = []
        for name, upper, lower in zip(GROUPS, edges, edges[1:]):
            count = self._db.execute(
                f"SELECT count(*) FROM reading{join} WHERE last_opened < ? AND last_opened >= ?{where}",
                (upper, lower, *params),
            ).fetchone()[0]
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
            for i in ids if i in readings and i in summaries
        ]

    def most_recent_unfinished(self) -> Reading | None:
        row = self._db.execute(
            f"SELECT {_READING_COLUMNS} FROM reading WHERE NOT finished "
            "ORDER BY last_opened DESC LIMIT 1"
        ).fetchone()
        return _reading(row) if row else None

    def count(self) -> int:
        return self._db.execute("SELECT count(*) FROM reading").fetchone()[0]

    # -- the reader's control -------------------------------------------------------------

    def remove(self, article_id: int) -> bool:
        with self._library._transaction():
            return bool(self._db.execute("DELETE FROM reading WHERE article_id = ?", (article_id,)).rowcount)

    def clear(self) -> int:
        with self._library._transaction():
            return self._db.execute("DELETE FROM reading").rowcount

    def apply_retention(self, days: int) -> int:
        """Forget entries last opened more than ``days`` days ago (0 keeps all)."""
        if not days:
            return 0
        cutoff = self.clock() - days * 86400
        with self._library._transaction():
            return self._db.execute("DELETE FROM reading WHERE last_opened < ?", (cutoff,)).rowcount


def _reading(row: tuple) -> Reading:
    return Reading(row[0], row[1], row[2], row[3], row[4], row[5], row[6], row[7], bool(row[8]))


GROUPS = ("today", "yesterday", "this_week", "earlier")


def group_boundaries(now: float) -> tuple[float, float, float]:
    """Local midnights that start today, yesterday and the last seven days."""
    today = datetime.fromtimestamp(now).replace(hour=0, minute=0, second=0, microsecond=0)
    return (today.timestamp(), (today - timedelta(days=1)).timestamp(),
            (today - timedelta(days=6)).timestamp())


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
