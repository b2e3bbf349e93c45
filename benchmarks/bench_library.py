"""Benchmark: importing into a large library, and listing it.

    python benchmarks/bench_library.py [--existing 100000] [--new 10000] [--runs 3]

1. Builds a library holding --existing synthetic articles (not timed).
2. Writes --new article files (page dumps, Markdown, plain text; ~300 words each).
3. Times `import_paths` of those files into a copy of the big library (--runs times), and,
   in the same run, the bare-sqlite3 insert of the same parsed rows and their search index
   rows (one transaction each, the same pragmas and schema) as the baseline; reports
   medians and the ratio.
4. Times `article-reader list --json` over the big library as a subprocess (median).
The machine is shared and noisy: read the medians and the ratio, not single runs.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import synthetic
from bare_sqlite import stored_rows, time_inserts

from reader.core.file_import import import_paths
from reader.core.parsers import finish, now_iso, read_article
from reader.core.store import Library


def build_big_library(path: Path, count: int) -> None:
    stamp = now_iso()

    def made():
        for article in synthetic.articles(count, seed=1):
            article = article.with_derived_fields()
            article.imported_at = stamp
            yield article

    # Closing the library folds its write-ahead log into the file: the file alone can be
    # copied afterwards.
    with Library.open(path) as library:
        library.add_all(made())  # one transaction, for speed
        # As an import leaves it (the rows above are written in one go).
        library.tidy_search_index()


def time_import(big: Path, files_dir: Path, work: Path) -> tuple[float, int]:
    target = work / "import.sqlite3"
    shutil.copyfile(big, target)
    with Library.open(target) as library:
        start = time.perf_counter()
        report = import_paths(library, [files_dir])
        elapsed = time.perf_counter() - start
    assert not report.failures, report.failures[:3]
    return elapsed, len(report.imported)


def time_bare_sqlite(big: Path, columns: list[str], rows: list[tuple], work: Path) -> float:
    target = work / "bare.sqlite3"
    shutil.copyfile(big, target)
    return time_inserts(target, columns, rows)


def rows_as_stored(articles: list, work: Path) -> tuple[list[str], list[tuple]]:
    """The rows our store makes of ``articles`` (and their search index rows), written
    into a scratch library and read back: the baseline inserts exactly these."""
    scratch = work / "rows.sqlite3"
    with Library.open(scratch) as library:
        library.add_all(articles)
    return stored_rows(scratch)


def time_list_json(data_dir: Path) -> tuple[float, int]:
    start = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "reader", "--data-dir", str(data_dir), "list", "--json"],
        capture_output=True,
        check=True,
    )
    return time.perf_counter() - start, result.stdout.count(b'"id"')


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--existing", type=int, default=100_000)
    parser.add_argument("--new", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument(
        "--library",
        type=Path,
        help="a library built by build_big_library before (copied, not changed), instead "
        "of building one (to compare two versions of the code on one machine in one run)",
    )
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="reader-bench-") as tmp:
        work = Path(tmp)
        data_dir = work / "data"
        data_dir.mkdir()
        big = data_dir / "library.sqlite3"
        t = time.perf_counter()
        if args.library:
            shutil.copyfile(args.library, big)
        else:
            build_big_library(big, args.existing)
        print(
            f"built library of {args.existing} articles in {time.perf_counter() - t:.1f} s "
            f"({big.stat().st_size / 1e6:.0f} MB)"
        )
        files_dir = work / "files"
        files = synthetic.write_files(files_dir, args.new)
        # Parse once (not timed) for the baseline's rows.
        articles = [finish(read_article(p)) for p in files]
        columns, rows = rows_as_stored(articles, work)
        words = sum(a.words for a in articles) / len(articles)
        print(
            f"wrote {len(files)} files (page dumps, Markdown, plain text), "
            f"{words:.0f} article words each on average"
        )

        ours, bare = [], []
        for run in range(args.runs):
            elapsed, imported = time_import(big, files_dir, work)
            ours.append(elapsed)
            bare.append(time_bare_sqlite(big, columns, rows, work))
            print(
                f"run {run + 1}: import {imported} in {elapsed:.2f} s "
                f"({imported / elapsed:.0f}/s); bare sqlite3 insert {bare[-1]:.2f} s "
                f"({len(rows) / bare[-1]:.0f}/s)"
            )
        ours_rate = args.new / statistics.median(ours)
        bare_rate = args.new / statistics.median(bare)
        print(
            f"import: median {ours_rate:.0f} articles/s; bare sqlite3 insert median "
            f"{bare_rate:.0f} rows/s; ratio ours/bare = {ours_rate / bare_rate:.3f}"
        )

        listings = [time_list_json(data_dir) for _ in range(5)]
        times = [t for t, _ in listings]
        print(
            f"list --json over {listings[0][1]} articles: median {statistics.median(times):.2f} s "
            f"(min {min(times):.2f}, max {max(times):.2f})"
        )


if __name__ == "__main__":
    main()
