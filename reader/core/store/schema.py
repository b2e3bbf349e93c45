"""The library's schema: ordered migrations, and the search index's table and rows.

Migration N+1 takes a database at version N to version N+1; the list is append-only.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from typing import TYPE_CHECKING

from reader.core.folding import fold

if TYPE_CHECKING:
    from reader.core.article import Article


def filter_text(title: str | None, source: str | None, authors: str | None) -> str:
    """What the list's filter looks in: title, source and authors, folded."""
    return fold("\n".join(part for part in (title, source, authors) if part))


def _v1(db: sqlite3.Connection) -> None:
    db.execute(
        """
        CREATE TABLE articles (
            id            INTEGER PRIMARY KEY,
            title         TEXT NOT NULL,
            authors       TEXT NOT NULL DEFAULT '[]',
            published     TEXT,
            source        TEXT,
            url           TEXT,
            language      TEXT,
            views         INTEGER,
            lead          TEXT,
            body          TEXT NOT NULL,
            words         INTEGER NOT NULL DEFAULT 0,
            content_hash  TEXT NOT NULL UNIQUE,
            imported_at   TEXT NOT NULL,
            original_path TEXT,
            format        TEXT,
            tags          TEXT NOT NULL DEFAULT '[]'
        )
        """
    )


def _v2(db: sqlite3.Connection) -> None:
    # "Newest first" needs one sortable key: the publication date where the source gave
    # one, else the import time, cut to the second so mixed precisions still compare.
    db.execute("ALTER TABLE articles ADD COLUMN sort_key TEXT NOT NULL DEFAULT ''")
    db.execute("UPDATE articles SET sort_key = substr(coalesce(published, imported_at), 1, 19)")
    db.execute("CREATE INDEX articles_by_date ON articles (sort_key DESC, id DESC)")


def _v3(db: sqlite3.Connection) -> None:
    # Facts about the library itself (e.g. that the sample articles were offered once).
    db.execute("CREATE TABLE library_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")


def _v4(db: sqlite3.Connection) -> None:
    # What the reader chose for one article (its own text size); gone with the article.
    db.execute(
        """
        CREATE TABLE article_settings (
            article_id INTEGER PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
            text_size  INTEGER
        )
        """
    )
    # Title, source and authors folded for the list's instant filter. SQLite's lower()
    # knows only ASCII, so the folding (Cyrillic, ё/е) is done here in Python.
    db.execute("ALTER TABLE articles ADD COLUMN filter_text TEXT NOT NULL DEFAULT ''")
    db.create_function("reader_fold", 3, lambda *parts: filter_text(*parts), deterministic=True)
    db.execute("UPDATE articles SET filter_text = reader_fold(title, source, authors)")


def _v5(db: sqlite3.Connection) -> None:
    # The reading history: one row per article read, gone with the article. Times are
    # seconds since the epoch (UTC); positions are a block index and a fraction of it,
    # never pixels, so they hold at any text size and window width.
    db.execute(
        """
        CREATE TABLE reading (
            article_id     INTEGER PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
            first_opened   REAL NOT NULL,
            last_opened    REAL NOT NULL,
            sessions       INTEGER NOT NULL DEFAULT 0,
            active_seconds REAL NOT NULL DEFAULT 0,
            furthest       REAL NOT NULL DEFAULT 0,
            block          INTEGER NOT NULL DEFAULT 0,
            block_fraction REAL NOT NULL DEFAULT 0,
            finished       INTEGER NOT NULL DEFAULT 0
        )
        """
    )
    db.execute("CREATE INDEX reading_by_time ON reading (last_opened DESC)")


# The library_meta keys of the search index: what its terms are (text_index.LEMMAS or
# STEMS; no key: STEMS, as every index made before schema 9), and, while a new one is
# being built beside it (Library.upgrade_search_index), the last article id it holds.
INDEX_KIND_KEY = "search_index_kind"
NEXT_INDEX_UPTO_KEY = "search_next_upto"
NEXT_INDEX = "search_next"


def create_search_index(db: sqlite3.Connection, name: str = "search_index") -> None:
    # Terms, not words: text_index.index_text() fills it, in the article's transaction.
    db.execute(
        f"CREATE VIRTUAL TABLE {name} USING fts5(title, author, source, body, "
        "tokenize = 'unicode61 remove_diacritics 0', prefix = '2 3')"
    )
    # Each imported file is its own transaction, so each adds a small index segment;
    # merging them less eagerly makes imports ~1.5x faster for a few more segments to read.
    db.execute(f"INSERT INTO {name} ({name}, rank) VALUES ('automerge', 16)")


def _v6(db: sqlite3.Connection) -> None:
    from reader.core.text_index import STEMS

    create_search_index(db)
    fill_search_index(db, STEMS)  # (what schema 6 made; schema 9 tells it apart)


def fill_search_index(db: sqlite3.Connection, kind: str) -> None:
    rows = db.execute("SELECT id, title, authors, source, body FROM articles").fetchall()
    db.executemany(
        "INSERT INTO search_index (rowid, title, author, source, body) VALUES (?, ?, ?, ?, ?)",
        (index_row(r[0], r[1], ", ".join(json.loads(r[2])), r[3], r[4], kind) for r in rows),
    )


def index_row(
    article_id: int, title: str, author: str, source: str | None, body: str, kind: str
) -> tuple:
    from reader.core.article import plain_text
    from reader.core.text_index import index_text

    return (
        article_id,
        index_text(title, kind),
        index_text(author, kind),
        index_text(source, kind),
        index_text(plain_text(body), kind),
    )


def index_terms(article: Article, kind: str | None = None) -> tuple[str, str, str, str]:
    """What the search index keeps of an article (the terms of its title, author, source
    and body), in the index of ``kind`` (by default the current one, text_index.LEMMAS)."""
    from reader.core.text_index import LEMMAS

    row = index_row(0, article.title, article.author, article.source, article.body, kind or LEMMAS)
    return row[1:]


def _v7(db: sqlite3.Connection) -> None:
    # The filter text folded as search folds (Latin accents dropped: "cafe" finds "Café"),
    # and made of the authors as an import makes it (v4 took them as stored, in JSON).
    db.create_function("reader_filter_text", 3, _filter_text_of_row, deterministic=True)
    db.execute("UPDATE articles SET filter_text = reader_filter_text(title, source, authors)")


def _filter_text_of_row(title: str | None, source: str | None, authors: str | None) -> str:
    try:
        names = json.loads(authors or "[]")
    except ValueError:
        names = None
    if isinstance(names, list) and all(isinstance(name, str) for name in names):
        authors = ", ".join(names)
    return filter_text(title, source, authors)


def _v8(db: sqlite3.Connection) -> None:
    # Pictures, stored once per content (SHA-256 of the bytes) however many articles show
    # them; an article's rows go with it, and a picture no article shows is deleted with
    # the last one (Library.remove).
    db.execute(
        """
        CREATE TABLE pictures (
            digest TEXT PRIMARY KEY,
            kind   TEXT NOT NULL,
            width  INTEGER NOT NULL,
            height INTEGER NOT NULL,
            data   BLOB NOT NULL
        )
        """
    )
    db.execute(
        """
        CREATE TABLE article_pictures (
            article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
            digest     TEXT NOT NULL REFERENCES pictures (digest),
            PRIMARY KEY (article_id, digest)
        ) WITHOUT ROWID
        """
    )
    db.execute("CREATE INDEX article_pictures_by_digest ON article_pictures (digest)")


def _v9(db: sqlite3.Connection) -> None:
    # The index's kind is recorded from now on. A library with articles keeps its stems
    # until the index is built again with lemmas (Library.upgrade_search_index, in the
    # background); an empty one has nothing to rebuild.
    from reader.core.text_index import LEMMAS

    if db.execute("SELECT 1 FROM articles LIMIT 1").fetchone() is None:
        db.execute(
            "INSERT OR REPLACE INTO library_meta (key, value) VALUES (?, ?)",
            (INDEX_KIND_KEY, LEMMAS),
        )


def _v10(db: sqlite3.Connection) -> None:
    # The duplicate check no longer counts pictures' alt text and captions (the same page
    # saved with its pictures and without them is one article): the keys of the texts
    # that have images are made again as an import now makes them. Two articles kept
    # apart that now have the same key keep their own (neither is lost or merged).
    from reader.core.article import content_hash

    rows = db.execute(
        "SELECT id, title, body, content_hash FROM articles WHERE instr(body, '![') > 0"
    ).fetchall()
    for article_id, title, body, old in rows:
        new = content_hash(title, body)
        if new != old:
            db.execute(
                "UPDATE OR IGNORE articles SET content_hash = ? WHERE id = ?", (new, article_id)
            )


def _v11(db: sqlite3.Connection) -> None:
    # The reader's marks: highlights (a colour, perhaps a note) and bookmarks (a name),
    # anchored by their words, the text around them and where they started
    # (reader.core.marks); gone with their article. ``folded`` is the words, note and
    # name folded for the library-wide list's filter.
    db.execute(
        """
        CREATE TABLE marks (
            id         INTEGER PRIMARY KEY,
            article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
            kind       TEXT NOT NULL CHECK (kind IN ('highlight', 'bookmark')),
            quote      TEXT NOT NULL,
            prefix     TEXT NOT NULL DEFAULT '',
            suffix     TEXT NOT NULL DEFAULT '',
            start      INTEGER NOT NULL DEFAULT 0,
            colour     TEXT,
            note       TEXT NOT NULL DEFAULT '',
            name       TEXT NOT NULL DEFAULT '',
            created    TEXT NOT NULL,
            updated    TEXT NOT NULL,
            lost       INTEGER NOT NULL DEFAULT 0,
            folded     TEXT NOT NULL DEFAULT ''
        )
        """
    )
    db.execute("CREATE INDEX marks_by_article ON marks (article_id, start)")
    db.execute("CREATE INDEX marks_by_time ON marks (created DESC, id DESC)")


def _v12(db: sqlite3.Connection) -> None:
    # The notes are searched too: their terms in an index of their own (store/note_index.py),
    # of the same kind as the articles' (an index still of stems gets stems; it is made
    # again with the articles' when they take lemmas). Notes are few: made here at once.
    from reader.core.store.note_index import refill
    from reader.core.text_index import STEMS

    kind = db.execute("SELECT value FROM library_meta WHERE key = ?", (INDEX_KIND_KEY,)).fetchone()
    refill(db, kind[0] if kind else STEMS)


MIGRATIONS: list[Callable[[sqlite3.Connection], None]] = [
    _v1,
    _v2,
    _v3,
    _v4,
    _v5,
    _v6,
    _v7,
    _v8,
    _v9,
    _v10,
    _v11,
    _v12,
]
SEARCH_INDEX_VERSION = MIGRATIONS.index(_v6) + 1
SCHEMA_VERSION = len(MIGRATIONS)
# Migrations from this version on change stored values, not tables: a read-only library
# this new is read as it is (it cannot be brought up to date), with what it stores.
READABLE_AS_IS = MIGRATIONS.index(_v7)
ACCENTS_FOLDED = MIGRATIONS.index(_v7) + 1  # the stored filter text drops Latin accents
PICTURES_VERSION = MIGRATIONS.index(_v8) + 1  # the library keeps pictures
MARKS_VERSION = MIGRATIONS.index(_v11) + 1  # the library keeps highlights and bookmarks
NOTE_INDEX_VERSION = MIGRATIONS.index(_v12) + 1  # the library's notes are searched
