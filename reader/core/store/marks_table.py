"""The reader's marks: highlights (with their notes) and bookmarks, each of one article
and gone with it."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass

from reader.core.folding import fold
from reader.core.marks import Anchor, Mark
from reader.core.store import note_index
from reader.core.store.index_upgrade import kind_of

_COLUMNS = (
    "id, article_id, kind, quote, prefix, suffix, start, colour, note, name, created, updated, lost"
)


@dataclass(frozen=True)
class MarkRow:
    """A mark with its article's title and source (the library-wide list)."""

    mark: Mark
    title: str
    source: str | None


def _mark(row: tuple) -> Mark:
    (mark_id, article_id, kind, quote, prefix, suffix, start, colour, note, name, created,
     updated, lost) = row  # fmt: skip
    return Mark(
        kind=kind,
        anchor=Anchor(quote, prefix, suffix, start),
        colour=colour,
        note=note,
        name=name,
        created=created,
        updated=updated,
        lost=bool(lost),
        id=mark_id,
        article_id=article_id,
    )


def add(db: sqlite3.Connection, article_id: int, mark: Mark) -> int:
    anchor = mark.anchor
    cursor = db.execute(
        "INSERT INTO marks (article_id, kind, quote, prefix, suffix, start, colour, note, name,"
        " created, updated, lost, folded) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            article_id,
            mark.kind,
            anchor.quote,
            anchor.prefix,
            anchor.suffix,
            anchor.start,
            mark.colour,
            mark.note,
            mark.name,
            mark.created,
            mark.updated,
            int(mark.lost),
            _folded(mark),
        ),
    )
    mark_id: int = cursor.lastrowid  # type: ignore[assignment]  # (a row was inserted)
    if mark.note.strip():
        note_index.write(db, mark_id, mark.note, kind_of(db)[0])
    return mark_id


def add_all(db: sqlite3.Connection, article_id: int, marks: Iterable[Mark]) -> None:
    """Keep ``marks`` for the article, leaving out any it holds already (same kind, words
    and place): importing an export twice does not double them."""
    for mark in marks:
        anchor = mark.anchor
        if db.execute(
            "SELECT 1 FROM marks WHERE article_id = ? AND kind = ? AND quote = ? AND start = ?",
            (article_id, mark.kind, anchor.quote, anchor.start),
        ).fetchone():
            continue
        add(db, article_id, mark)


def update(db: sqlite3.Connection, mark: Mark) -> bool:
    anchor = mark.anchor
    before = db.execute("SELECT note FROM marks WHERE id = ?", (mark.id,)).fetchone()
    if before is None:
        return False
    updated = bool(
        db.execute(
            "UPDATE marks SET quote = ?, prefix = ?, suffix = ?, start = ?, colour = ?, "
            "note = ?, name = ?, updated = ?, lost = ?, folded = ? WHERE id = ?",
            (
                anchor.quote,
                anchor.prefix,
                anchor.suffix,
                anchor.start,
                mark.colour,
                mark.note,
                mark.name,
                mark.updated,
                int(mark.lost),
                _folded(mark),
                mark.id,
            ),
        ).rowcount
    )
    if updated and before[0] != mark.note:  # (a mark found again keeps its note's row)
        note_index.write(db, mark.id, mark.note, kind_of(db)[0])  # type: ignore[arg-type]
    return updated


def remove(db: sqlite3.Connection, mark_ids: Iterable[int]) -> int:
    mark_ids = list(mark_ids)
    note_index.forget(db, mark_ids)
    return sum(
        db.execute("DELETE FROM marks WHERE id = ?", (mark_id,)).rowcount for mark_id in mark_ids
    )


def of_article(db: sqlite3.Connection, article_id: int) -> list[Mark]:
    """The article's marks in the order of the text."""
    return [
        _mark(row)
        for row in db.execute(
            f"SELECT {_COLUMNS} FROM marks WHERE article_id = ? ORDER BY start, id",
            (article_id,),
        )
    ]


@dataclass(frozen=True)
class MarkLine:
    """A line of the library-wide list: what it shows of a mark, cut short."""

    mark_id: int
    article_id: int
    kind: str
    words: str  # the marked words, or a bookmark's name
    note: str
    created: str
    title: str


# What a line shows of the words and of the note (the rest is read when the mark is).
_LINE_CHARS = 300


def line_ids(
    db: sqlite3.Connection,
    needle: str = "",
    kinds: Iterable[str] = (),
    notes_only: bool = False,
) -> list[int]:
    """The ids of the library-wide list's marks, newest first (see ``everywhere``);
    ``notes_only`` leaves out highlights without a note. Only ids: tens of thousands are
    read in milliseconds, and the lines a reader scrolls to are read by ``lines``."""
    where, values = _conditions(needle, kinds, None)
    where = where.replace("m.", "")
    if notes_only:
        where = (where + " AND " if where else "WHERE ") + "(kind != 'highlight' OR note != '')"
    query = f"SELECT id FROM marks {where} ORDER BY created DESC, id DESC"
    return [row[0] for row in db.execute(query, values)]


def lines(db: sqlite3.Connection, mark_ids: list[int]) -> list[MarkLine | None]:
    """What the list shows of these marks, in the order given (None for one removed)."""
    found: dict[int, MarkLine] = {}
    for at in range(0, len(mark_ids), 500):
        chunk = mark_ids[at : at + 500]
        query = (
            f"SELECT m.id, m.article_id, m.kind, CASE m.kind WHEN 'bookmark' THEN m.name "
            f"ELSE substr(m.quote, 1, {_LINE_CHARS}) END, substr(m.note, 1, {_LINE_CHARS}), "
            f"m.created, a.title FROM marks AS m JOIN articles AS a ON a.id = m.article_id "
            f"WHERE m.id IN ({', '.join('?' * len(chunk))})"
        )
        for row in db.execute(query, chunk):
            found[row[0]] = MarkLine(*row)
    return [found.get(i) for i in mark_ids]


def _conditions(
    needle: str, kinds: Iterable[str], article_ids: Iterable[int] | None
) -> tuple[str, list[object]]:
    conditions: list[str] = []
    values: list[object] = []
    if needle:
        conditions.append("instr(m.folded, ?) > 0")
        values.append(fold(needle))
    kinds = list(kinds)
    if kinds:
        conditions.append(f"m.kind IN ({', '.join('?' * len(kinds))})")
        values.extend(kinds)
    if article_ids is not None:
        ids = list(article_ids)
        conditions.append(f"m.article_id IN ({', '.join('?' * len(ids))})")
        values.extend(ids)
    return (f"WHERE {' AND '.join(conditions)}" if conditions else ""), values


def everywhere(
    db: sqlite3.Connection,
    needle: str = "",
    kinds: Iterable[str] = (),
    limit: int | None = None,
    article_ids: Iterable[int] | None = None,
) -> list[MarkRow]:
    """Marks of every article, newest first; ``needle`` (folded) keeps those whose words,
    note or name hold it, ``kinds`` those of these kinds."""
    where, values = _conditions(needle, kinds, article_ids)
    columns = ", ".join(f"m.{c.strip()}" for c in _COLUMNS.split(","))
    query = (
        f"SELECT {columns}, a.title, a.source FROM marks AS m JOIN articles AS a "
        f"ON a.id = m.article_id {where} ORDER BY m.created DESC, m.id DESC"
    )
    if limit is not None:
        query += " LIMIT ?"
        values.append(limit)
    return [MarkRow(_mark(row[:13]), row[13], row[14]) for row in db.execute(query, values)]


def counts(db: sqlite3.Connection) -> dict[str, int]:
    return dict(db.execute("SELECT kind, count(*) FROM marks GROUP BY kind").fetchall())


def _folded(mark: Mark) -> str:
    return fold("\n".join(part for part in (mark.anchor.quote, mark.note, mark.name) if part))


def by_id(db: sqlite3.Connection, mark_ids: Iterable[int]) -> list[MarkRow]:
    """These marks whole, with their article's title and source, in the order given."""
    columns = ", ".join(f"m.{c.strip()}" for c in _COLUMNS.split(","))
    found: dict[int, MarkRow] = {}
    ids = list(mark_ids)
    for at in range(0, len(ids), 500):
        chunk = ids[at : at + 500]
        query = (
            f"SELECT {columns}, a.title, a.source FROM marks AS m JOIN articles AS a "
            f"ON a.id = m.article_id WHERE m.id IN ({', '.join('?' * len(chunk))})"
        )
        for row in db.execute(query, chunk):
            found[row[0]] = MarkRow(_mark(row[:13]), row[13], row[14])
    return [found[i] for i in ids if i in found]
