"""The reading history's table: its rows in and out. What counts as finished, how entries
are grouped and how long they are kept are the history's rules (reader.core.history).

Reads raise what SQLite reports as a LibraryError (as the library's own reads do); a write
is one small transaction of its own (Library.transaction).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, NamedTuple

from reader.core.errors import LibraryError
from reader.core.store.library_file import reads

if TYPE_CHECKING:
    from reader.core.store.library import Library

# The articles in each reading state, as a condition on a row of ``articles``.
STATE_CONDITIONS = {
    "unread": "NOT EXISTS (SELECT 1 FROM reading WHERE reading.article_id = articles.id)",
    "in_progress": "EXISTS (SELECT 1 FROM reading WHERE reading.article_id = articles.id "
    "AND NOT finished)",
    "finished": "EXISTS (SELECT 1 FROM reading WHERE reading.article_id = articles.id "
    "AND finished)",
}


class Reading(NamedTuple):
    """One article's reading record."""

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


_COLUMNS = (
    "article_id, first_opened, last_opened, sessions, active_seconds, furthest, block, "
    "block_fraction, finished"
)


class ReadingTable:
    """The ``reading`` table of one open library."""

    def __init__(self, library: Library) -> None:
        self._library = library
        self._db = library._db

    def problem(self, exc: BaseException) -> LibraryError:
        return self._library.problem(exc)

    # -- writing --------------------------------------------------------------------------

    def open_session(self, article_id: int, now: float) -> None:
        """One more session of the article, opened ``now``."""
        with self._recording(article_id):
            self._db.execute(
                "INSERT INTO reading (article_id, first_opened, last_opened, sessions) "
                "VALUES (?, ?, ?, 1) ON CONFLICT (article_id) DO UPDATE SET "
                "last_opened = excluded.last_opened, sessions = sessions + 1",
                (article_id, now, now),
            )

    def record_progress(
        self,
        article_id: int,
        now: float,
        block: int,
        block_fraction: float,
        seen: float,
        active_seconds: float,
        finished_at: float,
    ) -> None:
        """Where the reader is, how far down they have seen (the furthest point only
        grows; reaching ``finished_at`` finishes the article for good) and time to add."""
        with self._recording(article_id):
            self._db.execute(
                "INSERT INTO reading (article_id, first_opened, last_opened, sessions, "
                "active_seconds, furthest, block, block_fraction, finished) "
                "VALUES (?1, ?2, ?2, 1, ?3, ?4, ?5, ?6, ?4 >= ?7) "
                "ON CONFLICT (article_id) DO UPDATE SET last_opened = ?2, "
                "active_seconds = active_seconds + ?3, furthest = max(furthest, ?4), "
                "block = ?5, block_fraction = ?6, finished = finished OR ?4 >= ?7",
                (article_id, now, active_seconds, seen, block, block_fraction, finished_at),
            )

    def add_all(self, readings: Iterable[Reading]) -> int:
        """Store many whole records in one transaction (a benchmark's big history, say);
        returns how many."""
        with self._library.transaction():
            return self._db.executemany(
                f"INSERT INTO reading ({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", readings
            ).rowcount

    def remove(self, article_id: int) -> bool:
        with self._library.transaction():
            return bool(
                self._db.execute("DELETE FROM reading WHERE article_id = ?", (article_id,)).rowcount
            )

    def clear(self) -> int:
        with self._library.transaction():
            return self._db.execute("DELETE FROM reading").rowcount

    def forget_before(self, moment: float) -> int:
        """Forget the entries last opened before ``moment``; returns how many."""
        with self._library.transaction():
            return self._db.execute("DELETE FROM reading WHERE last_opened < ?", (moment,)).rowcount

    @contextmanager
    def _recording(self, article_id: int) -> Iterator[None]:
        # The article may have been removed meanwhile (by another process, say): its
        # reading cannot be kept, which the reader is told as any other failed write.
        try:
            with self._library.transaction():
                yield
        except sqlite3.IntegrityError:
            raise LibraryError(
                f"the reading of article {article_id} was not recorded: it is no longer in "
                f"the library {self._library.path}"
            ) from None

    # -- reading --------------------------------------------------------------------------

    @reads
    def get(self, article_id: int) -> Reading | None:
        row = self._db.execute(
            f"SELECT {_COLUMNS} FROM reading WHERE article_id = ?", (article_id,)
        ).fetchone()
        return _reading(row) if row else None

    @reads
    def readings_for(self, ids: list[int]) -> dict[int, Reading]:
        """The records of these articles, by id (articles never read are left out); rows
        SQLite cannot read are handled as in Library.summaries_for."""
        query = f"SELECT {_COLUMNS} FROM reading WHERE article_id IN ({{marks}})"
        return {row[0]: _reading(row) for row in self._library._rows_by_ids(query, ids)}

    @reads
    def entry_ids(self, text: str = "") -> list[int]:
        """Entry ids, most recent first, optionally only those whose title, source or
        author contains ``text`` (folded as the library's filter folds it)."""
        join, where, params = _text_filter(self._library, text)
        return [
            row[0]
            for row in self._db.execute(
                f"SELECT reading.article_id FROM reading{join} WHERE 1{where} "
                "ORDER BY last_opened DESC, reading.article_id DESC",
                params,
            )
        ]

    @reads
    def count_between(self, upper: float, lower: float, text: str = "") -> int:
        """How many entries (with ``text``, as in entry_ids) were last opened at or after
        ``lower`` and before ``upper``. Counted by the index: quick for 100,000 entries."""
        join, where, params = _text_filter(self._library, text)
        return self._db.execute(
            f"SELECT count(*) FROM reading{join} WHERE last_opened < ? AND last_opened >= ?{where}",
            (upper, lower, *params),
        ).fetchone()[0]

    @reads
    def most_recent_unfinished(self) -> Reading | None:
        row = self._db.execute(
            f"SELECT {_COLUMNS} FROM reading WHERE NOT finished ORDER BY last_opened DESC LIMIT 1"
        ).fetchone()
        return _reading(row) if row else None

    @reads
    def count(self) -> int:
        return self._db.execute("SELECT count(*) FROM reading").fetchone()[0]


def _text_filter(library: Library, text: str) -> tuple[str, str, tuple]:
    """The join, condition and parameters that keep entries whose title holds ``text``."""
    if not text.strip():
        return "", "", ()
    return (
        " JOIN articles ON articles.id = reading.article_id",
        " AND instr(articles.filter_text, ?)",
        (library.filter_needle(text),),
    )


def _reading(row: tuple) -> Reading:
    return Reading(row[0], row[1], row[2], row[3], row[4], row[5], row[6], row[7], bool(row[8]))
