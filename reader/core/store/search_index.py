"""Reading the full-text index: matches of an FTS5 expression among the articles a search's
filters keep, counted, ranked by bm25, or listed newest first; and the notes that match
one (the notes' index, reader.core.store.note_index). The query language, the ranking
policy and the snippets are the search's (reader.core.search).

The index is made from the articles and can always be made again: a read that SQLite
cannot do is tried once more on a rebuilt index (``SearchIndex.read``).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Collection, Sequence
from typing import TYPE_CHECKING, NamedTuple, TypeVar

from reader.core.store.history_table import STATE_CONDITIONS
from reader.core.store.library_file import is_library_problem
from reader.core.store.rows import select_by_ids

if TYPE_CHECKING:
    from reader.core.store.library import Library

T = TypeVar("T")


class Found(NamedTuple):
    """What a search shows of a matching article."""

    id: int
    title: str
    source: str | None
    published: str | None
    body: str
    sort_key: str


class NoteMatch(NamedTuple):
    """A note that matches, of an article the filters keep."""

    article_id: int
    mark_id: int
    score: float  # bm25 among the notes, lower is better


class SearchIndex:
    """The index of one open library, over the articles that pass these filters: from
    ``source``, published between two ISO dates (inclusive), in a reading ``state``
    (unread, in_progress, finished), opened at or after the moment ``read_since``."""

    def __init__(
        self,
        library: Library,
        source: str | None = None,
        published_from: str | None = None,
        published_to: str | None = None,
        state: str | None = None,
        read_since: float | None = None,
    ) -> None:
        self._library = library
        self._db = library._db
        self.kind = library.index_kind  # what its terms are: a query is made of the same
        self.has_notes = library._has_note_index  # (a read-only library before schema 12: no)
        conditions: list[str] = []
        params: list[str | float] = []
        if source:
            conditions.append("articles.source = ?")
            params.append(source)
        if published_from:
            conditions.append("substr(articles.published, 1, 10) >= ?")
            params.append(published_from[:10])
        if published_to:
            conditions.append("substr(articles.published, 1, 10) <= ?")
            params.append(published_to[:10])
        if state:
            conditions.append(STATE_CONDITIONS[state])
        if read_since is not None:
            conditions.append(
                "EXISTS (SELECT 1 FROM reading r WHERE r.article_id = articles.id "
                "AND r.last_opened >= ?)"
            )
            params.append(read_since)
        if conditions:
            self._from = (
                "FROM search_index JOIN articles ON articles.id = search_index.rowid "
                "WHERE search_index MATCH ? AND " + " AND ".join(conditions)
            )
            self._notes_from = (
                "FROM note_index JOIN articles ON articles.id = note_index.article_id "
                "WHERE note_index MATCH ? AND " + " AND ".join(conditions)
            )
        else:
            # Without filters FTS5 ranks on its own, with no join for every match.
            self._from = "FROM search_index WHERE search_index MATCH ?"
            self._notes_from = "FROM note_index WHERE note_index MATCH ?"
        self._params = tuple(params)

    def read(self, steps: Callable[[], T]) -> T:
        """``steps()``, the reads of one search. When SQLite cannot do them (the index is
        missing or damaged) the index is rebuilt (a damaged file raises LibraryDamaged
        instead) and they are done again; a second failure is raised as a LibraryError."""
        try:
            return steps()
        except sqlite3.DatabaseError:
            self._library.rebuild_search_index("the search index was damaged")
        try:
            return steps()
        except sqlite3.DatabaseError as exc:
            if not is_library_problem(exc):
                raise
            raise self._library.problem(exc) from exc

    def leave_out(self, article_ids: Collection[int]) -> None:
        """From now on no read finds these articles (those with a note holding a word the
        query excludes)."""
        if article_ids:
            listed = ", ".join(str(int(article_id)) for article_id in sorted(article_ids))
            self._from += f" AND search_index.rowid NOT IN ({listed})"

    def count(self, match: str) -> int:
        """How many articles match."""
        return self._db.execute(f"SELECT count(*) {self._from}", (match, *self._params)).fetchone()[
            0
        ]

    def more_than(self, match: str, count: int) -> bool:
        """Whether more than ``count`` articles match: FTS5 streams row ids without
        ranking, so this costs little even for a very common word."""
        return (
            self._db.execute(
                f"SELECT search_index.rowid {self._from} LIMIT 1 OFFSET ?",
                (match, *self._params, count),
            ).fetchone()
            is not None
        )

    def ranked(
        self, match: str, weights: Sequence[float], limit: int, offset: int
    ) -> list[tuple[int, float]]:
        """(id, bm25 score) of the best matches, best (lowest) first; ``weights`` are the
        columns' (title, author, source, body)."""
        columns = ", ".join(str(float(weight)) for weight in weights)
        return self._db.execute(
            f"SELECT search_index.rowid, bm25(search_index, {columns}) AS score {self._from} "
            "ORDER BY score LIMIT ? OFFSET ?",
            (match, *self._params, limit, offset),
        ).fetchall()

    def scores(
        self, match: str, weights: Sequence[float], ids: Collection[int]
    ) -> dict[int, float]:
        """The bm25 scores (as ``ranked``'s) of those of these articles that match."""
        if not ids:
            return {}
        columns = ", ".join(str(float(weight)) for weight in weights)
        listed = ", ".join(str(int(article_id)) for article_id in ids)
        return dict(
            self._db.execute(
                f"SELECT search_index.rowid, bm25(search_index, {columns}) {self._from} "
                f"AND search_index.rowid IN ({listed})",
                (match, *self._params),
            ).fetchall()
        )

    def among(self, match: str, ids: Collection[int]) -> set[int]:
        """Those of these articles that match (no score computed)."""
        if not ids:
            return set()
        listed = ", ".join(str(int(article_id)) for article_id in ids)
        sql = f"SELECT search_index.rowid {self._from} AND search_index.rowid IN ({listed})"
        return {row[0] for row in self._db.execute(sql, (match, *self._params))}

    def newest(
        self, match: str, limit: int, offset: int, without: Collection[int] = ()
    ) -> list[int]:
        """Ids of matching articles, the most recently added first (no score computed),
        leaving out those ``without``."""
        but = ""
        if without:
            listed = ", ".join(str(int(article_id)) for article_id in without)
            but = f" AND search_index.rowid NOT IN ({listed})"
        return [
            row[0]
            for row in self._db.execute(
                f"SELECT search_index.rowid {self._from}{but} ORDER BY search_index.rowid DESC "
                "LIMIT ? OFFSET ?",
                (match, *self._params, limit, offset),
            )
        ]

    def notes(self, match: str, unless: str | None = None) -> list[NoteMatch]:
        """The notes matching ``match`` (an FTS5 expression over their terms), of the
        articles the filters keep and, with ``unless``, whose text does not match that
        (an expression over the articles' index). Notes are few: all of them."""
        if not self.has_notes:
            return []
        sql = f"SELECT note_index.article_id, note_index.rowid, bm25(note_index) {self._notes_from}"
        params: tuple = (match, *self._params)
        if unless is not None:
            sql += (
                " AND note_index.article_id NOT IN "
                "(SELECT rowid FROM search_index WHERE search_index MATCH ?)"
            )
            params += (unless,)
        return [NoteMatch(*row) for row in self._db.execute(sql, params)]

    def noted(self, match: str) -> set[int]:
        """The articles with a note matching ``match`` (whatever the filters)."""
        if not self.has_notes:
            return set()
        return {
            row[0]
            for row in self._db.execute(
                "SELECT note_index.article_id FROM note_index WHERE note_index MATCH ?", (match,)
            )
        }

    def note_texts(self, mark_ids: list[int]) -> dict[int, tuple[str, str]]:
        """These marks' notes and the words they are on, by mark id."""
        query = "SELECT id, note, quote FROM marks WHERE id IN ({marks})"
        return {row[0]: (row[1], row[2]) for row in select_by_ids(self._db, query, mark_ids)}

    def articles(self, ids: list[int]) -> dict[int, Found]:
        """What a search shows of these articles, by id (missing ones are left out)."""
        query = (
            "SELECT id, title, source, published, body, sort_key FROM articles "
            "WHERE id IN ({marks})"
        )
        return {row[0]: Found(*row) for row in select_by_ids(self._db, query, ids)}
