"""The library: one SQLite database holding every imported article.

WAL journal, foreign keys on, the schema version in ``PRAGMA user_version`` and an ordered
list of migrations (reader.core.schema). Each article is written all or nothing on its own
(its own transaction, or a savepoint in a group of writes during an import), so a failure
while importing one file never touches another. A file that is not a healthy database is never
overwritten: it is reported, and can be moved aside (kept, renamed) for a fresh library.
"""

from __future__ import annotations

import json
import logging
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from reader.core.errors import LibraryDamaged, LibraryError
from reader.core.library_file import check_database_file, damaged_message, move_aside  # noqa: F401
from reader.core.schema import (
    _SEARCH_INDEX_VERSION,
    MIGRATIONS,
    SCHEMA_VERSION,
    _create_search_index,
    _fill_search_index,
    filter_text,
    fold,
    index_terms,
)

if TYPE_CHECKING:  # made when read (the window's first paint needs no article)
    from reader.core.article import Article

log = logging.getLogger(__name__)

# Callers find these here too: the library is the one door to the store.
__all__ = ["Library", "damaged_message", "index_terms", "move_aside", "select_by_ids"]

_COLUMNS = (
    "title, authors, published, source, url, language, views, lead, body, words, "
    "content_hash, imported_at, original_path, format, tags, sort_key, filter_text"
)
_PLACEHOLDERS = ", ".join("?" * 17)
_SUMMARY_COLUMNS = (
    "id, title, authors, published, source, url, language, views, lead, words, imported_at, format"
)


class AddResult(NamedTuple):
    id: int
    duplicate: bool


class ArticleSummary(NamedTuple):
    """What a list needs of an article: everything but the body."""

    id: int
    title: str
    authors: list[str]
    published: str | None
    source: str | None
    url: str | None
    language: str | None
    views: int | None
    lead: str | None
    words: int
    imported_at: str
    format: str | None

    @property
    def author(self) -> str:
        return ", ".join(self.authors)


def select_by_ids(db: sqlite3.Connection, query: str, ids: list[int]) -> Iterator[tuple]:
    """The rows of ``query`` (with ``{marks}`` where the ids go) for any number of ids,
    asked in chunks that SQLite accepts."""
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        yield from db.execute(query.format(marks=", ".join("?" * len(chunk))), chunk)


def sort_key(article: Article) -> str:
    return (article.published or article.imported_at or "")[:19]


class Library:
    """An open library database. Build one per process with ``Library.open(path)``."""

    def __init__(self, db: sqlite3.Connection, path: Path) -> None:
        self._db = db
        self.path = path
        # Things the reader should be told once (e.g. the search index was rebuilt).
        self.notices: list[str] = []
        self._bulk: _BulkWrites | None = None

    # -- opening -------------------------------------------------------------------------

    @classmethod
    def open(cls, path: Path) -> Library:
        path = Path(path)
        check_database_file(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            db = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        except sqlite3.Error as exc:
            raise LibraryError(f"the library {path} cannot be opened: {exc}") from None
        try:
            db.execute("PRAGMA busy_timeout = 5000")
            db.execute("PRAGMA foreign_keys = ON")
            mode = db.execute("PRAGMA journal_mode = WAL").fetchone()[0]
            if mode.lower() != "wal":
                raise LibraryError(f"the library {path} cannot use write-ahead logging ({mode})")
            db.execute("PRAGMA synchronous = NORMAL")
            _migrate(db, path)
        except sqlite3.DatabaseError as exc:
            db.close()
            raise LibraryDamaged(damaged_message(path, exc)) from None
        except BaseException:
            db.close()
            raise
        library = cls(db, path)
        has_index_schema = library.schema_version >= _SEARCH_INDEX_VERSION
        if has_index_schema and not db.execute(
            "SELECT 1 FROM sqlite_master WHERE name = 'search_index'"
        ).fetchone():
            library.rebuild_search_index("the search index was missing")
        return library

    def rebuild_search_index(self, reason: str | None = None) -> int:
        """Build the search index again from the articles; returns how many it holds."""
        with self._transaction():
            self._db.execute("DROP TABLE IF EXISTS search_index")
            _create_search_index(self._db)
            _fill_search_index(self._db)
        if reason:
            self.notices.append(f"{reason}; it has been rebuilt")
        return self.count()

    def tidy_search_index(self, pages: int = 1000, stop: Callable[[], bool] | None = None) -> None:
        """Merge the search index's small pieces, a step of about ``pages`` pages at a
        time, each step its own transaction (readers are never held up for long); ``stop``
        is asked before each step (a cancelled import leaves the rest for the next one).

        FTS5 keeps an index as segments and looks a word up in each; imports add them
        faster than is best for searching (automerge is 16, for speed), so after an import
        every level with four or more segments (FTS5's "usermerge") is merged. In a 100,000
        article library this took 20 segments to 4 in 1.4 s, and made searches for
        two or three rare words about 1.5x faster."""
        try:
            while not (stop and stop()):
                before = self._db.total_changes
                self._db.execute("INSERT INTO search_index (search_index, rank) VALUES ('merge', ?)", (pages,))
                if self._db.total_changes - before < 2:  # (FTS5's sign that nothing was left)
                    break
        except sqlite3.Error as exc:  # searching still works, only a little slower
            log.warning("could not tidy the search index: %s", exc)

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def schema_version(self) -> int:
        return self._db.execute("PRAGMA user_version").fetchone()[0]

    # -- writing -------------------------------------------------------------------------

    def add(self, article: Article) -> AddResult:
        """Store ``article`` in its own transaction; an article already kept is not doubled."""
        row = _row(article)
        with self._transaction():
            cursor = self._db.execute(
                f"INSERT INTO articles ({_COLUMNS}) VALUES ({_PLACEHOLDERS}) "
                "ON CONFLICT (content_hash) DO NOTHING",
                row,
            )
            if cursor.rowcount:
                terms = article.index_terms or index_terms(article)
                # In a group of writes the index rows wait in a temporary table and go into
                # the index together at the group's commit: FTS5 writes a segment per
                # statement, and one segment per article made imports slow.
                table = "temp.pending_index" if self._bulk else "search_index"
                self._db.execute(
                    f"INSERT INTO {table} (rowid, title, author, source, body) VALUES (?, ?, ?, ?, ?)",
                    (cursor.lastrowid, *terms),
                )
                return AddResult(cursor.lastrowid, duplicate=False)
            existing = self._db.execute(
                "SELECT id FROM articles WHERE content_hash = ?", (article.content_hash,)
            ).fetchone()
        return AddResult(existing[0], duplicate=True)

    def bulk_writes(self, window: float = 0.05) -> _BulkWrites:
        """Many small writes ahead (an import). Each write is still all-or-nothing on its
        own (a savepoint: a failure undoes that article alone), but commits are grouped,
        at most ``window`` seconds apart, and the WAL is checkpointed less often. A crash
        loses at most the last window's articles, never half of one."""
        return _BulkWrites(self, window)

    def remove(self, ids: Iterable[int]) -> list[int]:
        """Delete the articles with these ids; returns the ids that existed."""
        removed = []
        with self._transaction():
            for article_id in ids:
                if self._db.execute("DELETE FROM articles WHERE id = ?", (article_id,)).rowcount:
                    self._db.execute("DELETE FROM search_index WHERE rowid = ?", (article_id,))
                    removed.append(article_id)
        return removed

    # -- reading -------------------------------------------------------------------------

    def get(self, article_id: int) -> Article | None:
        row = self._db.execute(
            f"SELECT id, {_COLUMNS} FROM articles WHERE id = ?", (article_id,)
        ).fetchone()
        return _article(row) if row else None

    def count(self) -> int:
        return self._db.execute("SELECT count(*) FROM articles").fetchone()[0]

    def is_empty(self) -> bool:
        return self._db.execute("SELECT 1 FROM articles LIMIT 1").fetchone() is None

    def summaries(self, limit: int | None = None, offset: int = 0) -> Iterator[ArticleSummary]:
        """Articles newest first (publication date, else import time), without bodies."""
        cursor = self._db.execute(
            f"SELECT {_SUMMARY_COLUMNS} FROM articles ORDER BY sort_key DESC, id DESC "
            "LIMIT ? OFFSET ?",
            (-1 if limit is None else limit, offset),
        )
        for row in cursor:
            yield _summary(row)

    def ids(self, order: str = "date", descending: bool | None = None, text: str = "",
            state: str | None = None) -> list[int]:
        """Article ids in display order, optionally only those whose title, source or
        author contains ``text`` (case-insensitive), and only those in a reading ``state``
        (unread, in_progress, finished). Cheap enough for 100,000 articles."""
        column, default_descending = _ORDERS[order]
        descending = default_descending if descending is None else descending
        direction = "DESC" if descending else "ASC"
        conditions, params = [], []
        if text.strip():
            conditions.append("instr(filter_text, ?)")
            params.append(fold(text.strip()))
        if state:
            conditions.append(_STATE_CONDITIONS[state])
        sql = "SELECT id FROM articles"
        if conditions:
            sql += " WHERE " + " AND ".join(conditions)
        sql += f" ORDER BY {column} {direction}, id {direction}"
        return [row[0] for row in self._db.execute(sql, params)]

    def summaries_for(self, ids: list[int]) -> dict[int, ArticleSummary]:
        """The summaries of these articles, by id (missing ids are left out)."""
        query = f"SELECT {_SUMMARY_COLUMNS} FROM articles WHERE id IN ({{marks}})"
        return {row[0]: _summary(row) for row in select_by_ids(self._db, query, ids)}

    def text_size(self, article_id: int) -> int | None:
        """The article's own text size (percent), or None when it follows the global one."""
        row = self._db.execute(
            "SELECT text_size FROM article_settings WHERE article_id = ?", (article_id,)
        ).fetchone()
        return row[0] if row else None

    def set_text_size(self, article_id: int, percent: int | None) -> None:
        with self._transaction():
            if percent is None:
                self._db.execute("DELETE FROM article_settings WHERE article_id = ?", (article_id,))
            else:
                self._db.execute(
                    "INSERT INTO article_settings (article_id, text_size) VALUES (?, ?) "
                    "ON CONFLICT (article_id) DO UPDATE SET text_size = excluded.text_size",
                    (article_id, percent),
                )

    def articles(self) -> Iterator[Article]:
        """Every article with its body, oldest id first (for export)."""
        for row in self._db.execute(f"SELECT id, {_COLUMNS} FROM articles ORDER BY id"):
            yield _article(row)

    def get_meta(self, key: str) -> str | None:
        row = self._db.execute("SELECT value FROM library_meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def set_meta(self, key: str, value: str) -> None:
        with self._transaction():
            self._db.execute(
                "INSERT INTO library_meta (key, value) VALUES (?, ?) "
                "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (key, value),
            )

    # -- internals -----------------------------------------------------------------------

    def _transaction(self) -> _Transaction:
        return _Transaction(self)


class _BulkWrites:
    def __init__(self, library: Library, window: float) -> None:
        self._library = library
        self._db = library._db
        self._window = window
        self._started = 0.0

    def __enter__(self) -> _BulkWrites:
        import time

        self._clock = time.monotonic
        self._previous = self._db.execute("PRAGMA wal_autocheckpoint").fetchone()[0]
        self._db.execute("PRAGMA wal_autocheckpoint = 10000")
        self._db.execute(
            "CREATE TEMP TABLE IF NOT EXISTS pending_index "
            "(rowid INTEGER PRIMARY KEY, title, author, source, body)"
        )
        self._library._bulk = self
        return self

    def _commit(self) -> None:
        self._db.execute(
            "INSERT INTO search_index (rowid, title, author, source, body) "
            "SELECT rowid, title, author, source, body FROM temp.pending_index"
        )
        self._db.execute("DELETE FROM temp.pending_index")
        self._db.execute("COMMIT")

    def in_transaction(self) -> bool:
        """Called before each write: open the group's transaction, or commit it when due."""
        now = self._clock()
        if self._db.in_transaction and now - self._started >= self._window:
            self._commit()
        if not self._db.in_transaction:
            self._db.execute("BEGIN IMMEDIATE")
            self._started = now
        return True

    def __exit__(self, exc_type: object, *exc: object) -> None:
        self._library._bulk = None
        if self._db.in_transaction:
            self._commit()  # each article in it is whole: keep them
        self._db.execute(f"PRAGMA wal_autocheckpoint = {int(self._previous)}")
        self._db.execute("PRAGMA wal_checkpoint(PASSIVE)")


class _Transaction:
    """One write, all or nothing: its own transaction, or a savepoint inside a group."""

    def __init__(self, library: Library) -> None:
        self._library = library
        self._db = library._db

    def __enter__(self) -> None:
        bulk = self._library._bulk
        self._nested = bulk is not None and bulk.in_transaction()
        self._db.execute("SAVEPOINT one_write" if self._nested else "BEGIN IMMEDIATE")

    def __exit__(self, exc_type: object, *rest: object) -> None:
        if self._nested:
            if exc_type:
                self._db.execute("ROLLBACK TO one_write")
            self._db.execute("RELEASE one_write")
        else:
            self._db.execute("ROLLBACK" if exc_type else "COMMIT")


# Display orders: the column to sort by and whether it runs downwards by default.
_ORDERS = {
    "date": ("sort_key", True),
    "title": ("title COLLATE NOCASE", False),
    "source": ("coalesce(source, '') COLLATE NOCASE", False),
}


_STATE_CONDITIONS = {
    "unread": "NOT EXISTS (SELECT 1 FROM reading WHERE reading.article_id = articles.id)",
    "in_progress": "EXISTS (SELECT 1 FROM reading WHERE reading.article_id = articles.id AND NOT finished)",
    "finished": "EXISTS (SELECT 1 FROM reading WHERE reading.article_id = articles.id AND finished)",
}


def _summary(row: tuple) -> ArticleSummary:
    return ArticleSummary(row[0], row[1], json.loads(row[2]), *row[3:12])


def _row(article: Article) -> tuple:
    return (
        article.title,
        json.dumps(article.authors, ensure_ascii=False),
        article.published,
        article.source,
        article.url,
        article.language,
        article.views,
        article.lead,
        article.body,
        article.words,
        article.content_hash,
        article.imported_at,
        article.original_path,
        article.format,
        json.dumps(article.tags, ensure_ascii=False),
        sort_key(article),
        filter_text(article.title, article.source, article.author),
    )


def _article(row: tuple) -> Article:
    from reader.core.article import Article

    (article_id, title, authors, published, source, url, language, views, lead, body, words,
     content_hash, imported_at, original_path, fmt, tags, _sort_key, _filter_text) = row
    return Article(
        id=article_id, title=title, authors=json.loads(authors), published=published,
        source=source, url=url, language=language, views=views, lead=lead, body=body,
        words=words, content_hash=content_hash, imported_at=imported_at,
        original_path=original_path, format=fmt, tags=json.loads(tags),
    )


def _migrate(db: sqlite3.Connection, path: Path) -> None:
    version = db.execute("PRAGMA user_version").fetchone()[0]
    if version > SCHEMA_VERSION:
        raise LibraryError(
            f"the library {path} was written by a newer Article Reader (schema {version}; "
            f"this version knows up to {SCHEMA_VERSION}); update the application"
        )
    if version == 0 and db.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]:
        raise LibraryError(f"{path} is an SQLite database, but not an Article Reader library")
    for number in range(version, SCHEMA_VERSION):
        db.execute("BEGIN IMMEDIATE")
        try:
            MIGRATIONS[number](db)
            db.execute(f"PRAGMA user_version = {number + 1}")
        except BaseException:
            db.execute("ROLLBACK")
            raise
        db.execute("COMMIT")
