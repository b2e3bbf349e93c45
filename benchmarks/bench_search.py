"""Benchmark: search over a large synthetic library.

    python benchmarks/bench_search.py [--articles 100000] [--queries 200] [--notes 0]

Ours (stemmed FTS5 index, bm25, top 20 with snippets) against, in the same run: a plain
unicode61 FTS5 index of the same text without stemming (top 20 by bm25 with FTS5's own
snippet()), and a LIKE '%word%' scan of every body (what finding all matches without an
index costs). Also the index size against the raw text size. With --notes N, N highlights
with a note of 4 to 12 words are added to random articles first (each search then looks
in the notes' index too), and one more row searches words drawn from the notes; the
queries of the other rows are the same with or without notes.
"""

from __future__ import annotations

import argparse
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import synthetic
from bare_sqlite import BareSearch
from bench_library import build_big_library

from reader.core.search import search
from reader.core.store import Library


def pct(values, q):
    values = sorted(values)
    return values[min(len(values) - 1, int(len(values) * q))] * 1000


def add_notes(library: Library, count: int) -> list[str]:
    """``count`` highlights with notes of 4 to 12 words (the vocabulary's words, common and
    rare), on random articles; the notes. A random generator of their own: the queries
    drawn afterwards are the same as without notes."""
    from reader.core.marks import highlight

    rng = random.Random(12)
    pool = (
        synthetic.RU_WORDS
        + synthetic.EN_WORDS
        + synthetic.RU_TAIL[:2000]
        + synthetic.EN_TAIL[:2000]
    )
    ids = library.ids()
    notes = []
    start = time.perf_counter()
    for _ in range(count):
        article_id = rng.choice(ids)
        body = library.get(article_id).body
        note = " ".join(rng.choice(pool) for _ in range(rng.randint(4, 12)))
        library.add_mark(article_id, highlight(body, 0, min(len(body), 40), note=note))
        notes.append(note)
    print(f"added {count} notes in {time.perf_counter() - start:.1f} s")
    return notes


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--notes", type=int, default=0, help="highlights with a note to add")
    parser.add_argument(
        "--library",
        type=Path,
        help="a library built by build_big_library "
        "before (copied, not changed), instead of building one",
    )
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
            print(
                f"built and indexed {args.articles} articles in {time.perf_counter() - start:.0f} s"
            )
        bare = BareSearch(path)
        raw = bare.raw_text_bytes()
        bare.build_plain_index()
        sizes = bare.index_sizes()
        ours_size = sum(v for k, v in sizes.items() if k.startswith(("search", "note_index")))
        plain_size = sum(v for k, v in sizes.items() if k.startswith("plain_"))
        if sizes:
            print(
                f"index size: ours {ours_size / 1e6:.0f} MB, "
                f"plain unicode61 {plain_size / 1e6:.0f} MB, "
                f"raw text {raw / 1e6:.0f} MB (ours = {ours_size / raw:.2f}x the text)"
            )

        library = Library.open(path)
        notes = add_notes(library, args.notes) if args.notes else []
        # Queries are words a reader remembers from an article: drawn from random articles,
        # so frequent words come up often and rare ones sometimes, as in real use. The last
        # row takes only the most frequent content words, the worst case for ranking.
        bodies = bare.sample_bodies(2000)

        def remembered(count: int) -> str:
            candidates = [w.strip(".,!?").lower() for w in rng.choice(bodies).split()]
            candidates = [w for w in candidates if len(w) > 3]
            return " ".join(rng.sample(candidates, count))

        # What makes an article memorable are its less common words: the vocabulary's
        # frequent words and the 200 most frequent tail words are left out here.
        frequent = {
            w.lower()
            for w in synthetic.RU_WORDS + synthetic.EN_WORDS + synthetic.RU_GLUE + synthetic.EN_GLUE
        }
        for tail in (synthetic.RU_TAIL, synthetic.EN_TAIL):
            frequent |= {tail[(rank * 7919) % len(tail)] for rank in range(200)}

        def distinctive(count: int) -> str:
            while True:
                candidates = {
                    w.strip(".,!?").lower() for w in rng.choice(bodies).split()
                } - frequent
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
        if notes:
            kinds["1 word from a note"] = lambda: rng.choice(rng.choice(notes).split())
        for kind, make in kinds.items():
            queries = [make() for _ in range(args.queries)]
            ours, plain, like = [], [], []
            for text in queries:
                t = time.perf_counter()
                search(library, text, limit=20)
                ours.append(time.perf_counter() - t)
                terms = " AND ".join(
                    '"' + w.rstrip("*") + '"' + ("*" if w.endswith("*") else "")
                    for w in text.split()
                )
                plain.append(bare.time_plain_query(terms))
            for text in queries[: max(5, args.queries // 20)]:
                first = text.split()[0].rstrip("*")
                like.append(bare.time_like_scan(first))
            print(
                f"{kind}: ours p50 {pct(ours, 0.5):.1f} ms p95 {pct(ours, 0.95):.1f} ms | "
                f"plain FTS5 p50 {pct(plain, 0.5):.1f} p95 {pct(plain, 0.95):.1f} ms "
                f"(ratio p50 {statistics.median(ours) / statistics.median(plain):.2f}, "
                f"p95 {pct(ours, 0.95) / pct(plain, 0.95):.2f}) | "
                f"LIKE scan p50 {pct(like, 0.5):.1f} ms "
                f"(ours/LIKE {statistics.median(ours) / statistics.median(like):.3f})"
            )
        library.close()
        bare.close()


if __name__ == "__main__":
    main()
