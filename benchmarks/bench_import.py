"""Benchmark: where an import reads its files (issue 13: never fork from the window).

    python benchmarks/bench_import.py [--files 500] [--runs 5]

Imports the same folder of --files distinct full pages, Markdown and Windows-1251 text
(tests/helpers.mixed_folder) into a fresh library, --runs times for each way of reading:
  in-process    parse_for_import in the importing thread (no limits; what the window did)
  spawn 1 / 2   worker processes started fresh, as the window does now
  fork 2        forked worker processes, as the command line does (one thread only)
and a single file the same ways (the wait for "article-reader FILE" to show it). Each run
starts in a new process, so every way pays its own start-up (the window's first import
loads the parsers either way). Medians, and the ratio to in-process from the same run.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

CHILD = r"""
import json, sys, tempfile, time
from pathlib import Path
from reader.core.file_import import import_paths
from reader.core.store import Library
from reader.core.parse_workers import ParsePool
import reader.core.file_import as importing

way, folder = sys.argv[1], Path(sys.argv[2])
if __name__ == "__main__":
    with tempfile.TemporaryDirectory() as work, Library.open(Path(work) / "l.sqlite3") as library:
        if way.startswith(("spawn", "fork")):
            method, workers = way.split()
            real = ParsePool.__init__
            def forced(self, count, **kw):
                real(self, count, method=method, **kw)
            ParsePool.__init__ = forced
            start = time.perf_counter()
            report = import_paths(library, [folder], workers=int(workers))
        else:
            start = time.perf_counter()
            report = import_paths(library, [folder], workers=0)
        seconds = time.perf_counter() - start
    print(json.dumps({"seconds": seconds, "imported": len(report.imported)}))
"""

WAYS = ("in-process", "spawn 1", "spawn 2", "fork 2")


def run(way: str, folder: Path) -> float:
    done = subprocess.run(
        [sys.executable, "-c", CHILD, way, str(folder)],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    return json.loads(done.stdout.splitlines()[-1])["seconds"]


def main() -> None:
    from helpers import mixed_folder

    parser = argparse.ArgumentParser()
    parser.add_argument("--files", type=int, default=500)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as work:
        many, one = Path(work) / "many", Path(work) / "one"
        mixed_folder(many, args.files)
        mixed_folder(one, 1)
        for label, folder in ((f"{args.files} files", many), ("1 file", one)):
            times: dict[str, list[float]] = {way: [] for way in WAYS}
            for _ in range(args.runs):  # interleaved: drift on a shared machine hits all
                for way in WAYS:
                    times[way].append(run(way, folder))
            base = statistics.median(times["in-process"])
            print(f"{label}: median of {args.runs} runs")
            for way in WAYS:
                median = statistics.median(times[way])
                print(f"  {way:<11} {median * 1000:8.0f} ms  {median / base:5.2f}x")


if __name__ == "__main__":
    main()
