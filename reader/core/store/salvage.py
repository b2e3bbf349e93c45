"""Resetting a damaged library without losing what can still be read.

``reset_library`` asks SQLite whether the library is damaged (opening it read-only, then
``PRAGMA quick_check``); only then is the file moved aside, with its -wal and -shm files,
and every article SQLite can still read from it (with its reading history and its own
settings) copied into a fresh library in its place. The moved file is never written to.

The copy is best effort: rows are read by ranges of their ids, and a range that fails is
narrowed down until the rows that cannot be read are skipped one by one. How many
articles there were is taken from every part of the file that still tells it (the table
itself, its indexes, the search index).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple

from reader.core.article import content_hash
from reader.core.errors import LibraryDamaged, LibraryError
from reader.core.store.library import Library
from reader.core.store.library_file import (
    check_database_file,
    connect,
    move_aside,
    our_version,
    problem,
    quick_check,
)
from reader.core.store.rows import COLUMNS
from reader.core.store.schema import SCHEMA_VERSION, filter_text, index_row
from reader.core.text_index import LEMMAS

CHUNK = 256  # ids per read

_ARTICLE_COLUMNS = ("id", *COLUMNS.split(", "))
_HASH = _ARTICLE_COLUMNS.index("content_hash")
_TEXT = ("title", "body", "content_hash", "imported_at")  # must be text
_OPTIONAL_TEXT = ("published", "source", "url", "language", "lead", "original_path", "format")


class Salvaged(NamedTuple):
    articles: int  # copied into the fresh library
    known: int  # articles the damaged file was seen to hold
    history: int  # reading history entries copied


class Reset(NamedTuple):
    state: str  # "absent" (no library yet), "healthy" (nothing done) or "recovered"
    kept: Path | None = None  # where the damaged file is now
    salvaged: Salvaged | None = None

    def summary(self) -> str:
        """What a reset that recovered did, in one sentence (the window and the command
        line say the same)."""
        salvaged = self.salvaged or Salvaged(0, 0, 0)
        if salvaged.known or salvaged.articles:
            total = max(salvaged.known, salvaged.articles)
            found = f"recovered {salvaged.articles} of {total} articles"
            if salvaged.history:
                found += f" and {salvaged.history} reading history entries"
        else:
            found = "no articles could be read from it"
        return f"{found} into a fresh library; the damaged file is kept at {self.kept}"


def reset_library(path: Path) -> Reset:
    """Move a damaged library aside and recover what can be read into a fresh one; a
    healthy library (or one that is busy, read-only or not ours: those raise) is left
    exactly as it is."""
    if not path.exists():
        return Reset("absent")
    if not find_damage(path):
        return Reset("healthy")
    kept = move_aside(path)  # (a read-only folder raises LibraryReadOnly: nothing moved)
    try:
        with Library.open(path) as fresh:
            salvaged = salvage(kept, fresh)
    except LibraryError as exc:
        raise type(exc)(f"{exc}; the damaged library is kept at {kept}") from None
    return Reset("recovered", kept, salvaged)


def find_damage(path: Path) -> list[str]:
    """What SQLite finds wrong with the library at ``path``: [] when it is healthy.

    Looked at through a read-only connection: nothing is written, and a write-ahead log
    is left as it is (a read-write connection would fold it into the file on closing)."""
    try:
        check_database_file(path)
        db = connect(path, read_only=True)
    except LibraryDamaged as exc:
        return [str(exc)]
    try:
        our_version(db, path, SCHEMA_VERSION)  # (another program's file raises)
        return quick_check(db, path)
    except sqlite3.DatabaseError as exc:
        error = problem(path, exc)
        if isinstance(error, LibraryDamaged):
            return [str(exc)]
        raise error from exc
    finally:
        db.close()


def salvage(source: Path, library: Library) -> Salvaged:
    """Copy every article (and its history and settings) SQLite can read from the
    library file ``source`` into ``library``, a fresh one. ``source`` is only read."""
    if not library.is_empty():
        raise ValueError("salvage fills a fresh library only")
    try:
        db = sqlite3.connect(source.absolute().as_uri() + "?mode=ro", uri=True)
    except sqlite3.Error:
        return Salvaged(0, 0, 0)
    try:
        with library.transaction():
            return _copy(db, library._db)
    finally:
        db.close()


def _copy(source: sqlite3.Connection, target: sqlite3.Connection) -> Salvaged:
    columns = [c for c in _ARTICLE_COLUMNS if c in _columns(source, "articles")]
    if not set(_TEXT) <= set(columns):
        return Salvaged(0, 0, 0)
    known = _known_ids(
        source,
        "articles",
        "id",
        _index_names(source, "articles"),
        ("SELECT id FROM search_index_docsize",),
    )
    seen: set[int] = set()
    recovered: set[int] = set()
    insert = (
        f"INSERT INTO articles ({', '.join(_ARTICLE_COLUMNS)}) "
        f"VALUES ({', '.join('?' * len(_ARTICLE_COLUMNS))})"
    )
    for row in _rows(source, "articles", "id", columns[1:], known):
        seen.add(row[0])
        values = _article_values(dict(zip(columns, row, strict=True)))
        if values is None:
            continue
        try:
            target.execute(insert, values)
        except sqlite3.IntegrityError:
            # (Text stored twice: the damage made a copy. Or two articles kept apart
            # under an older duplicate check: the second keeps the key it had.)
            stored = row[columns.index("content_hash")]
            if stored == values[_HASH]:
                continue
            try:
                target.execute(insert, (*values[:_HASH], stored, *values[_HASH + 1 :]))
            except sqlite3.IntegrityError:
                continue
        fields = dict(zip(_ARTICLE_COLUMNS, values, strict=True))
        author = ", ".join(json.loads(fields["authors"]))
        target.execute(
            "INSERT INTO search_index (rowid, title, author, source, body) VALUES (?, ?, ?, ?, ?)",
            index_row(
                fields["id"], fields["title"], author, fields["source"], fields["body"], LEMMAS
            ),
        )
        recovered.add(row[0])
    history = _copy_by_article(source, target, "reading", recovered)
    _copy_by_article(source, target, "article_settings", recovered)
    _copy_pictures(source, target, recovered)
    _copy_meta(source, target)
    return Salvaged(len(recovered), len(known | seen), history)


def _article_values(row: dict) -> tuple | None:
    """The row as the fresh library stores it, or None when the damage left it unusable."""
    if not all(isinstance(row.get(name), str) for name in _TEXT):
        return None
    if any(
        row.get(name) is not None and not isinstance(row.get(name), str) for name in _OPTIONAL_TEXT
    ):
        return None
    lists = {}
    for name in ("authors", "tags"):
        try:
            value = json.loads(row.get(name) or "[]")
        except (TypeError, ValueError):
            return None
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            return None
        lists[name] = value
    views, words = row.get("views"), row.get("words") or 0
    if (views is not None and not isinstance(views, int)) or not isinstance(words, int):
        return None
    fields = {name: row.get(name) for name in _ARTICLE_COLUMNS}
    fields.update(
        # The key of a text with pictures as this version makes it (schema 10).
        content_hash=content_hash(row["title"], row["body"])
        if "![" in row["body"]
        else row["content_hash"],
        authors=json.dumps(lists["authors"], ensure_ascii=False),
        tags=json.dumps(lists["tags"], ensure_ascii=False),
        words=words,
        # Made from the other fields, as the library makes them (never trusted from the file).
        sort_key=(row.get("published") or row["imported_at"])[:19],
        filter_text=filter_text(row["title"], row.get("source"), ", ".join(lists["authors"])),
    )
    return tuple(fields[name] for name in _ARTICLE_COLUMNS)


def _copy_by_article(
    source: sqlite3.Connection, target: sqlite3.Connection, table: str, articles: set[int]
) -> int:
    """Copy the rows of ``table`` (keyed by article_id) for the recovered articles."""
    columns = [c for c in _columns(target, table) if c in _columns(source, table)]
    if "article_id" not in columns or not articles:
        return 0
    rest = [c for c in columns if c != "article_id"]
    insert = f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"
    copied = 0
    for row in _rows(source, table, "article_id", rest, articles):
        if row[0] not in articles:
            continue
        try:
            target.execute(insert, row)
        except (sqlite3.IntegrityError, sqlite3.InterfaceError):
            continue
        copied += 1
    return copied


def _copy_pictures(
    source: sqlite3.Connection, target: sqlite3.Connection, articles: set[int]
) -> None:
    """The recovered articles' pictures whose bytes are still what their digest says."""
    import hashlib

    from reader.core.pictures import KINDS

    if not articles or "digest" not in _columns(source, "article_pictures"):
        return
    try:
        links = source.execute("SELECT article_id, digest FROM article_pictures").fetchall()
    except sqlite3.DatabaseError:
        return
    kept = set()
    for digest in {d for a, d in links if a in articles and isinstance(d, str)}:
        try:
            row = source.execute(
                "SELECT kind, width, height, data FROM pictures WHERE digest = ?", (digest,)
            ).fetchone()
        except sqlite3.DatabaseError:
            continue
        if (
            row
            and row[0] in (*KINDS.values(), "svg")
            and isinstance(row[3], bytes)
            and hashlib.sha256(row[3]).hexdigest() == digest
        ):
            target.execute(
                "INSERT INTO pictures (digest, kind, width, height, data) VALUES (?, ?, ?, ?, ?)",
                (digest, *row),
            )
            kept.add(digest)
    target.executemany(
        "INSERT OR IGNORE INTO article_pictures (article_id, digest) VALUES (?, ?)",
        [(a, d) for a, d in links if a in articles and d in kept],
    )


def _copy_meta(source: sqlite3.Connection, target: sqlite3.Connection) -> None:
    known = _known_ids(source, "library_meta", "rowid", (), ())
    for _rowid, key, value in _rows(source, "library_meta", "rowid", ["key", "value"], known):
        # (the fresh library's search index is its own: what the old one was is not copied)
        if isinstance(key, str) and isinstance(value, str) and not key.startswith("search_"):
            target.execute(
                "INSERT OR IGNORE INTO library_meta (key, value) VALUES (?, ?)", (key, value)
            )


def _rows(
    db: sqlite3.Connection, table: str, key: str, columns: list[str], known: set[int]
) -> Iterator[tuple]:
    """Every row of ``table`` SQLite can still read: (key, *columns), in key order."""
    select = (
        f"SELECT {', '.join([key, *columns])} FROM {table} "
        f"WHERE {key} BETWEEN ? AND ? ORDER BY {key}"
    )
    top = max(known, default=0)
    for low in range(min(min(known, default=1), 1), top + 1, CHUNK):
        yield from _read_range(db, select, low, min(low + CHUNK - 1, top))
    # Rows past the last id anything else knew of: read on while the file allows.
    low = top + 1
    while True:
        try:
            rows = _read_range(db, select, low, low + CHUNK - 1, narrow=False)
        except sqlite3.DatabaseError:
            rows = _read_range(db, select, low, low + CHUNK - 1)
            if not rows:
                return
        if not rows:
            return
        yield from rows
        low += CHUNK


def _read_range(
    db: sqlite3.Connection, select: str, low: int, high: int, narrow: bool = True
) -> list[tuple]:
    try:
        return db.execute(select, (low, high)).fetchall()
    except sqlite3.DatabaseError:
        if not narrow:
            raise
        if low >= high:
            return []  # this row cannot be read: skipped
        middle = (low + high) // 2
        return _read_range(db, select, low, middle) + _read_range(db, select, middle + 1, high)


def _known_ids(
    db: sqlite3.Connection,
    table: str,
    key: str,
    indexes: tuple[str, ...] | list[str],
    extra: tuple[str, ...],
) -> set[int]:
    """Every id the table, its indexes and ``extra`` queries still show (each read up to
    its first unreadable page)."""
    found: set[int] = set()
    queries = [
        f"SELECT {key} FROM {table} NOT INDEXED",
        *(f'SELECT {key} FROM {table} INDEXED BY "{name}"' for name in indexes),
        *extra,
    ]
    for query in queries:
        try:
            for (value,) in db.execute(query):
                if isinstance(value, int):
                    found.add(value)
        except sqlite3.DatabaseError:
            continue
    return found


def _index_names(db: sqlite3.Connection, table: str) -> list[str]:
    try:
        return [
            row[0]
            for row in db.execute(
                "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = ?", (table,)
            )
        ]
    except sqlite3.DatabaseError:
        return ["articles_by_date", "sqlite_autoindex_articles_1"]


def _columns(db: sqlite3.Connection, table: str) -> list[str]:
    try:
        return [row[1] for row in db.execute(f"PRAGMA table_info({table})")]
    except sqlite3.DatabaseError:
        return []
