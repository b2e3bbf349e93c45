"""Benchmark: search over a large synthetic library.

    python benchmarks/bench_search.py [--articles 100000] [--queries 200]

Ours (stemmed FTS5 index, bm25, top 20 with snippets) against, in the same run: a plain
unicode61 FTS5 index of the same text without stemming (top 20 by bm25 with FTS5's own
snippet()), and a LIKE '%word%' scan of every body (what finding all matches without an index costs). Also the index size against the raw text size.
"""

from __future__ import annotations

import argparse
import random
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import synthetic  # noqa: E402
from bench_library import build_big_library  # noqa: E402

from reader.core.store import Library  # noqa: E402
from reader.core.search import search  # noqa: E402


def pct(values, q):
    values = sorted(values)
    return values[min(len(values) - 1, int(len(values) * q))] * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--library", type=Path, help="a library built by build_big_library "
                        "before (copied, not changed), instead of building one")
    args = parser.parse_args()
    rng = random.Random(11)
    words = [w for w in synthetic.RU_WORDS + synthetic.EN_WORDS if len(w) > 3]

    with tempfile.TemporaryDirectory(prefix="reader-bench-") as tmp:
        path = Path(tmp) / "library.sqlite3"
        start = time.perf_counter()
        if args.library:
            shutil.copyfile(args.library, path)
        else:
            build_big_library(path, args.articles)
            print(f"built and indexed {args.articles} articles in {time.perf_counter() - start:.0f} s")
        db = sqlite3.connect(path)
        raw = db.execute("SELECT sum(length(CAST(title || body AS BLOB))) FROM articles").fetchone()[0]
        db.execute("CREATE VIRTUAL TABLE plain_index USING fts5(title, body, tokenize = 'unicode61')")
        db.execute("INSERT INTO plain_index (rowid, title, body) SELECT id, title, body FROM articles")
        db.commit()
        sizes = dict(db.execute(
            "SELECT name, sum(pgsize) FROM dbstat WHERE name LIKE 'search_index%' OR name LIKE 'plain_index%' "
            "GROUP BY substr(name, 1, 6)").fetchall()) if _has_dbstat(db) else {}
        ours_size = sum(v for k, v in sizes.items() if k.startswith("search"))
        plain_size = sum(v for k, v in sizes.items() if k.startswith("plain_"))
        if sizes:
            print(f"index size: ours {ours_size / 1e6:.0f} MB, plain unicode61 {plain_size / 1e6:.0f} MB, "
                  f"raw text {raw / 1e6:.0f} MB (ours = {ours_size / raw:.2f}x the text)")

        library = Library.open(path)
        # Queries are words a reader remembers from an article: drawn from random articles,
        # so frequent words come up often and rare ones sometimes, as in real use. The last
        # row takes only the most frequent content words, the worst case for ranking.
        bodies = [row[0] for row in db.execute(
            "SELECT body FROM articles WHERE id IN (SELECT id FROM articles ORDER BY random() LIMIT 2000)")]

        def remembered(count: int) -> str:
            candidates = [w.strip(".,!?").lower() for w in rng.choice(bodies).split()]
            candidates = [w for w in candidates if len(w) > 3]
            return " ".join(rng.sample(candidates, count))

        # What makes an article memorable are its less common words: the vocabulary's
        # frequent words and the 200 most frequent tail words are left out here.
        frequent = {w.lower() for w in synthetic.RU_WORDS + synthetic.EN_WORDS + synthetic.RU_GLUE + synthetic.EN_GLUE}
        for tail in (synthetic.RU_TAIL, synthetic.EN_TAIL):
            frequent |= {tail[(rank * 7919) % len(tail)] for rank in range(200)}

        def distinctive(count: int) -> str:
            while True:
                candidates = {w.strip(".,!?").lower() for w in rng.choice(bodies).split()} - frequent
                if len(candidates) >= count:
                    return " ".join(rng.sample(sorted(candidates), count))

        kinds = {
            "1 word": lambda: distinctive(1),
            "2 words": lambda: distinctive(2),
            "3 words": lambda: distinctive(3),
            "prefix": lambda: distinctive(1)[:4] + "*",
            "1 remembered word (any, by frequency)": lambda: remembered(1),
            "2 remembered words": lambda: remembered(2),
            "1 common word": lambda: rng.choice(words),
        }
        for kind, make in kinds.items():
            queries = [make() for _ in range(args.queries)]
            ours, plain, like = [], [], []
            for text in queries:
                t = time.perf_counter()
                search(library, text, limit=20)
                ours.append(time.perf_counter() - t)
                terms = " AND ".join('"' + w.rstrip("*") + '"' + ("*" if w.endswith("*") else "")
                                     for w in text.split())
                t = time.perf_counter()
                db.execute(
                    "SELECT rowid, snippet(plain_index, 1, '[', ']', '…', 20) FROM plain_index "
                    "WHERE plain_index MATCH ? ORDER BY bm25(plain_index) LIMIT 20", (terms,)).fetchall()
                plain.append(time.perf_counter() - t)
            for text in queries[: max(5, args.queries // 20)]:
                first = text.split()[0].rstrip("*")
                t = time.perf_counter()
                db.execute("SELECT count(*) FROM articles WHERE body LIKE ?", (f"%{first}%",)).fetchall()
                like.append(time.perf_counter() - t)
            print(f"{kind}: ours p50 {pct(ours, .5):.1f} ms p95 {pct(ours, .95):.1f} ms | plain FTS5 "
                  f"p50 {pct(plain, .5):.1f} p95 {pct(plain, .95):.1f} ms (ratio p50 "
                  f"{statistics.median(ours) / statistics.median(plain):.2f}, p95 {pct(ours, .95) / pct(plain, .95):.2f}) | "
                  f"LIKE scan p50 {pct(like, .5):.1f} ms (ours/LIKE {statistics.median(ours) / statistics.median(like):.3f})")
        library.close()


def _has_dbstat(db) -> bool:
    try:
        db.execute("SELECT 1 FROM dbstat LIMIT 1").fetchall()
        return True
    except sqlite3.OperationalError:
        return False


if __name__ == "__main__":
    main()
