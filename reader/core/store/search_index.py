"""Reading the full-text index: matches of an FTS5 expression among the articles a search's
filters keep, counted, ranked by bm25, or listed newest first. The query language, the
ranking policy and the snippets are the search's (reader.core.search).

The index is made from the articles and can always be made again: a read that SQLite
cannot do is tried once more on a rebuilt index (``SearchIndex.read``).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence
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
        else:
            # Without filters FTS5 ranks on its own, with no join for every match.
            self._from = "FROM search_index WHERE search_index MATCH ?"
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

    def newest(self, match: str, limit: int, offset: int) -> list[int]:
        """Ids of matching articles, the most recently added first (no score computed)."""
        return [
            row[0]
            for row in self._db.execute(
                f"SELECT search_index.rowid {self._from} ORDER BY search_index.rowid DESC "
                "LIMIT ? OFFSET ?",
                (match, *self._params, limit, offset),
            )
        ]

    def articles(self, ids: list[int]) -> dict[int, Found]:
        """What a search shows of these articles, by id (missing ones are left out)."""
        query = (
            "SELECT id, title, source, published, body, sort_key FROM articles "
            "WHERE id IN ({marks})"
        )
        return {row[0]: Found(*row) for row in select_by_ids(self._db, query, ids)}
