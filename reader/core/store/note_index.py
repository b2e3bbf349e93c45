"""The notes' full-text index: one row per highlight with a note (its rowid is the mark's
id, ``article_id`` says whose it is), holding the note's terms as the article index holds
the text's (reader.core.text_index), so a search finds an article by the reader's notes
on it, in any form of their words.

A table of its own, beside the articles' ``search_index``: a note is written, changed or
removed with its mark, in the mark's transaction, without touching the article's row
(thousands of terms), and a search knows which note matched, to show it and open the
article there. Notes are few and short, so the whole table is made again in moments: when
the articles' index is rebuilt or takes another kind of terms, this one follows at once.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable

NOTE_INDEX = "note_index"


def create(db: sqlite3.Connection) -> None:
    db.execute(
        f"CREATE VIRTUAL TABLE {NOTE_INDEX} USING fts5(article_id UNINDEXED, note, "
        "tokenize = 'unicode61 remove_diacritics 0', prefix = '2 3')"
    )


def refill(db: sqlite3.Connection, kind: str) -> None:
    """The table made anew from every note, with terms of ``kind`` (the caller's
    transaction)."""
    from reader.core.text_index import index_text

    db.execute(f"DROP TABLE IF EXISTS {NOTE_INDEX}")
    create(db)
    rows = db.execute(
        "SELECT id, article_id, note FROM marks WHERE kind = 'highlight' AND trim(note) != ''"
    ).fetchall()
    db.executemany(
        f"INSERT INTO {NOTE_INDEX} (rowid, article_id, note) VALUES (?, ?, ?)",
        ((mark_id, article_id, index_text(note, kind)) for mark_id, article_id, note in rows),
    )


def write(db: sqlite3.Connection, mark_id: int, note: str, kind: str) -> None:
    """The mark's note as it is now (no note: no row), in the caller's transaction."""
    forget(db, [mark_id])
    if note.strip():
        from reader.core.text_index import index_text

        db.execute(
            f"INSERT INTO {NOTE_INDEX} (rowid, article_id, note) "
            "SELECT id, article_id, ? FROM marks WHERE id = ? AND kind = 'highlight'",
            (index_text(note, kind), mark_id),
        )


def forget(db: sqlite3.Connection, mark_ids: Iterable[int]) -> None:
    db.executemany(f"DELETE FROM {NOTE_INDEX} WHERE rowid = ?", ((i,) for i in mark_ids))


def forget_articles(db: sqlite3.Connection, article_ids: Iterable[int]) -> None:
    """The notes of these articles (before the articles, and their marks, go)."""
    db.executemany(
        f"DELETE FROM {NOTE_INDEX} WHERE rowid IN (SELECT id FROM marks WHERE article_id = ?)",
        ((i,) for i in article_ids),
    )
