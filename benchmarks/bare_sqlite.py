"""The benchmarks' baselines: SQLite itself, without Article Reader's store.

Each benchmark compares our code with the bare SQLite work it stands on, measured in the
same run on the same file. This module opens its own connections for that, and is the one
module outside reader.core.store that imports sqlite3 (tests/core/test_layers.py allows
it here alone); the benchmarks build and read their libraries through the store.
"""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

INDEX_COLUMNS = "rowid, title, author, source, body"


def stored_rows(path: Path) -> tuple[list[str], list[tuple[tuple, tuple]]]:
    """The articles' columns (all but id) and, for each article, its row and its search
    index row, as our store wrote them into the library at ``path``."""
    db = sqlite3.connect(path)
    try:
        columns = [row[1] for row in db.execute("PRAGMA table_info(articles)") if row[1] != "id"]
        terms = {row[0]: row[1:] for row in db.execute(f"SELECT {INDEX_COLUMNS} FROM search_index")}
        rows = db.execute(f"SELECT id, {', '.join(columns)} FROM articles ORDER BY id").fetchall()
    finally:
        db.close()
    return columns, [(row[1:], terms[row[0]]) for row in rows]


def time_inserts(path: Path, columns: list[str], rows: list[tuple[tuple, tuple]]) -> float:
    """Seconds to insert ``rows`` (article row, index row) into the library at ``path``,
    one transaction each, with our pragmas and schema."""
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("PRAGMA journal_mode = WAL")
    db.execute("PRAGMA synchronous = NORMAL")
    sql = f"INSERT INTO articles ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"
    index_sql = f"INSERT INTO search_index ({INDEX_COLUMNS}) VALUES (?, ?, ?, ?, ?)"
    start = time.perf_counter()
    for row, terms in rows:
        db.execute("BEGIN IMMEDIATE")
        cursor = db.execute(sql, row)
        db.execute(index_sql, (cursor.lastrowid, *terms))
        db.execute("COMMIT")
    elapsed = time.perf_counter() - start
    db.close()
    return elapsed


class BareHistory:
    """The reading history's table through a connection of its own."""

    def __init__(self, path: Path) -> None:
        self.db = sqlite3.connect(path, isolation_level=None)
        self.db.execute("PRAGMA synchronous = NORMAL")

    def time_update(self, article_id: int, block: int) -> float:
        """Seconds for one position UPDATE in its own transaction."""
        start = time.perf_counter()
        self.db.execute("BEGIN IMMEDIATE")
        self.db.execute(
            "UPDATE reading SET block = ?, last_opened = ? WHERE article_id = ?",
            (block, time.time(), article_id),
        )
        self.db.execute("COMMIT")
        return time.perf_counter() - start

    def time_listing(self) -> float:
        """Seconds for the query that lists every entry, most recent first."""
        start = time.perf_counter()
        self.db.execute(
            "SELECT article_id, last_opened FROM reading ORDER BY last_opened DESC"
        ).fetchall()
        return time.perf_counter() - start

    def close(self) -> None:
        self.db.close()


class BareSearch:
    """A plain unicode61 FTS5 index of the same text (no stemming), and LIKE scans, in the
    library file itself (a copy made for the benchmark)."""

    def __init__(self, path: Path) -> None:
        self.db = sqlite3.connect(path)

    def raw_text_bytes(self) -> int:
        return self.db.execute(
            "SELECT sum(length(CAST(title || body AS BLOB))) FROM articles"
        ).fetchone()[0]

    def build_plain_index(self) -> None:
        self.db.execute(
            "CREATE VIRTUAL TABLE plain_index USING fts5(title, body, tokenize = 'unicode61')"
        )
        self.db.execute(
            "INSERT INTO plain_index (rowid, title, body) SELECT id, title, body FROM articles"
        )
        self.db.commit()

    def index_sizes(self) -> dict[str, int]:
        """Bytes of our index and of the plain one (by name prefix); {} without dbstat."""
        try:
            self.db.execute("SELECT 1 FROM dbstat LIMIT 1").fetchall()
        except sqlite3.OperationalError:
            return {}
        return dict(
            self.db.execute(
                "SELECT name, sum(pgsize) FROM dbstat WHERE name LIKE 'search_index%' "
                "OR name LIKE 'plain_index%' GROUP BY substr(name, 1, 6)"
            ).fetchall()
        )

    def sample_bodies(self, count: int) -> list[str]:
        return [
            row[0]
            for row in self.db.execute(
                "SELECT body FROM articles WHERE id IN "
                "(SELECT id FROM articles ORDER BY random() LIMIT ?)",
                (count,),
            )
        ]

    def time_plain_query(self, terms: str) -> float:
        """Seconds for the top 20 by bm25, with FTS5's own snippet()."""
        start = time.perf_counter()
        self.db.execute(
            "SELECT rowid, snippet(plain_index, 1, '[', ']', '…', 20) FROM plain_index "
            "WHERE plain_index MATCH ? ORDER BY bm25(plain_index) LIMIT 20",
            (terms,),
        ).fetchall()
        return time.perf_counter() - start

    def time_like_scan(self, word: str) -> float:
        """Seconds to count the bodies holding ``word`` without an index."""
        start = time.perf_counter()
        self.db.execute(
            "SELECT count(*) FROM articles WHERE body LIKE ?", (f"%{word}%",)
        ).fetchall()
        return time.perf_counter() - start

    def close(self) -> None:
        self.db.close()
