"""The library's pictures: stored once per content, linked to the articles that show them."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # (made when read: the window's first paint needs none)
    from reader.core.pictures import Picture


def add_pictures(db: sqlite3.Connection, article_id: int, pictures: Mapping[str, Picture]) -> None:
    """Keep ``pictures`` for the article (in the caller's transaction); a picture the
    library already holds is not stored twice."""
    db.executemany(
        "INSERT INTO pictures (digest, kind, width, height, data) VALUES (?, ?, ?, ?, ?) "
        "ON CONFLICT (digest) DO NOTHING",
        ((p.digest, p.kind, p.width, p.height, p.data) for p in pictures.values()),
    )
    db.executemany(
        "INSERT INTO article_pictures (article_id, digest) VALUES (?, ?) ON CONFLICT DO NOTHING",
        ((article_id, digest) for digest in pictures),
    )


def digests_of(db: sqlite3.Connection, article_ids: Iterable[int]) -> set[str]:
    found: set[str] = set()
    for article_id in article_ids:
        found.update(
            row[0]
            for row in db.execute(
                "SELECT digest FROM article_pictures WHERE article_id = ?", (article_id,)
            )
        )
    return found


def drop_unused(db: sqlite3.Connection, digests: Iterable[str]) -> None:
    """Delete those of ``digests`` that no article shows any more."""
    db.executemany(
        "DELETE FROM pictures WHERE digest = ? AND NOT EXISTS "
        "(SELECT 1 FROM article_pictures AS a WHERE a.digest = pictures.digest)",
        ((digest,) for digest in digests),
    )


def sizes(db: sqlite3.Connection, article_id: int) -> dict[str, tuple[int, int]]:
    """Each picture of the article, by digest: its width and height in pixels."""
    return {
        digest: (width, height)
        for digest, width, height in db.execute(
            "SELECT p.digest, p.width, p.height FROM article_pictures AS a "
            "JOIN pictures AS p ON p.digest = a.digest WHERE a.article_id = ?",
            (article_id,),
        )
    }


def picture(db: sqlite3.Connection, digest: str) -> Picture | None:
    from reader.core.pictures import Picture

    row = db.execute(
        "SELECT digest, kind, width, height, data FROM pictures WHERE digest = ?", (digest,)
    ).fetchone()
    return Picture(row[0], row[1], row[2], row[3], bytes(row[4])) if row else None


def pictures_of(db: sqlite3.Connection, article_id: int) -> dict[str, Picture]:
    from reader.core.pictures import Picture

    return {
        row[0]: Picture(row[0], row[1], row[2], row[3], bytes(row[4]))
        for row in db.execute(
            "SELECT p.digest, p.kind, p.width, p.height, p.data FROM article_pictures AS a "
            "JOIN pictures AS p ON p.digest = a.digest WHERE a.article_id = ?",
            (article_id,),
        )
    }


def totals(db: sqlite3.Connection) -> tuple[int, int]:
    """How many pictures the library holds, and their bytes."""
    count, size = db.execute(
        "SELECT count(*), coalesce(sum(length(data)), 0) FROM pictures"
    ).fetchone()
    return count, size
