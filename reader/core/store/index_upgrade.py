"""The search index's kind (what its terms are: reader.core.text_index), and building an
index of the current kind beside an older one, in steps that survive being interrupted.

While the new index (``search_next``) is built, searches read the old one as it is, with
the old kind's terms; every step adds a batch of articles and the id reached, in one
transaction, so a build stopped anywhere (the window closed, the process killed) goes on
from its last step. Articles written meanwhile go into both; the new index takes the old
one's place, in one transaction, once it holds every article; the notes' index
(reader.core.store.note_index) is made anew with the new kind's terms in that transaction.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from typing import TYPE_CHECKING

from reader.core.store import note_index
from reader.core.store.schema import (
    INDEX_KIND_KEY,
    NEXT_INDEX,
    NEXT_INDEX_UPTO_KEY,
    create_search_index,
    index_row,
)

if TYPE_CHECKING:
    from reader.core.store.library import Library

STEMS = "stems"  # (text_index.STEMS: what an index without a recorded kind holds)


def kind_of(db: sqlite3.Connection) -> tuple[str, bool]:
    """The kind of the library's index, and whether a new one is being built beside it."""
    kind, building = db.execute(
        "SELECT (SELECT value FROM library_meta WHERE key = ?), "
        "EXISTS (SELECT 1 FROM sqlite_master WHERE name = ?)",
        (INDEX_KIND_KEY, NEXT_INDEX),
    ).fetchone()
    return kind or STEMS, bool(building)


def write_terms(
    db: sqlite3.Connection, article_id: int, terms: tuple[str, ...], table: str = NEXT_INDEX
) -> None:
    db.execute(
        f"INSERT OR REPLACE INTO {table} (rowid, title, author, source, body) "
        "VALUES (?, ?, ?, ?, ?)",
        (article_id, *terms),
    )


def forget(db: sqlite3.Connection, article_id: int) -> None:
    """An article removed while a new index is built leaves it too."""
    db.execute(f"DELETE FROM {NEXT_INDEX} WHERE rowid = ?", (article_id,))


def set_kind(db: sqlite3.Connection, kind: str) -> None:
    db.execute(
        "INSERT OR REPLACE INTO library_meta (key, value) VALUES (?, ?)", (INDEX_KIND_KEY, kind)
    )


def drop_next(db: sqlite3.Connection) -> None:
    db.execute(f"DROP TABLE IF EXISTS {NEXT_INDEX}")
    db.execute("DELETE FROM library_meta WHERE key = ?", (NEXT_INDEX_UPTO_KEY,))


def build(
    library: Library,
    kind: str,
    progress: Callable[[int, int], None] | None = None,
    stop: Callable[[], bool] | None = None,
    batch: int = 200,
    again: bool = False,
) -> bool:
    """Build the index of ``kind`` beside the library's, from where a build stopped last,
    then put it in the old one's place; True when done, False when ``stop()`` said to
    stop (what was built is kept for the next time). ``progress(done, total)`` is told
    after every step. With ``again``, an index of the same kind is built anew too."""
    db = library._db
    current, building = kind_of(db)
    if current == kind and not building and not again:
        return True
    if not building:
        with library.transaction():
            if not kind_of(db)[1]:  # (another process may have begun it meanwhile)
                create_search_index(db, NEXT_INDEX)
                db.execute(
                    "INSERT OR REPLACE INTO library_meta (key, value) VALUES (?, '0')",
                    (NEXT_INDEX_UPTO_KEY,),
                )
    total = library.count()
    while True:
        upto = int(library.get_meta(NEXT_INDEX_UPTO_KEY) or 0)
        rows = db.execute(
            "SELECT id, title, authors, source, body FROM articles WHERE id > ? "
            "ORDER BY id LIMIT ?",
            (upto, batch),
        ).fetchall()
        done = db.execute("SELECT count(*) FROM articles WHERE id <= ?", (upto,)).fetchone()[0]
        if progress:
            progress(done, max(total, done))
        if not rows:
            break
        if stop and stop():
            return False
        # The terms are made before the write lock is taken (the slow part), and articles
        # removed meanwhile are left out when writing.
        made = [index_row(r[0], r[1], ", ".join(json.loads(r[2])), r[3], r[4], kind) for r in rows]
        with library.transaction():
            if kind_of(db) != (current, True):
                return build(library, kind, progress, stop, batch)  # (another process moved on)
            for row in made:
                write_terms(db, row[0], row[1:])
            ids = ",".join(str(row[0]) for row in made)
            db.execute(
                f"DELETE FROM {NEXT_INDEX} WHERE rowid IN ({ids}) "
                "AND rowid NOT IN (SELECT id FROM articles)"
            )
            db.execute(
                "UPDATE library_meta SET value = ? WHERE key = ?",
                (str(rows[-1][0]), NEXT_INDEX_UPTO_KEY),
            )
    with library.transaction():
        if kind_of(db) == (current, True):
            db.execute("DROP TABLE search_index")
            db.execute(f"ALTER TABLE {NEXT_INDEX} RENAME TO search_index")
            db.execute("DELETE FROM library_meta WHERE key = ?", (NEXT_INDEX_UPTO_KEY,))
            # The notes' index takes the new kind with it (notes are few: made here whole).
            note_index.refill(db, kind)
            set_kind(db, kind)
    return True
