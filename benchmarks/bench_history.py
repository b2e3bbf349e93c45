"""Benchmark: reading history — the UI thread's cost per progress write, and opening the
History panel over 100,000 entries.

    python benchmarks/bench_history.py [--entries 100000] [--runs 200]

Baselines measured in the same run: the same UPDATE with bare sqlite3 in its own
transaction, and the bare query that lists the entries.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bare_sqlite import BareHistory
from bench_library import build_big_library


def ms(values):
    return statistics.median(values) * 1000


def p95(values):
    return sorted(values)[int(len(values) * 0.95)] * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=200)
    args = parser.parse_args()

    from PySide6.QtWidgets import QApplication

    from reader.core.history import History
    from reader.core.preferences import Preferences, State
    from reader.core.store import Library
    from reader.core.store.history_table import Reading, ReadingTable
    from reader.ui.shell.main_window import MainWindow

    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory(prefix="reader-bench-") as tmp:
        path = Path(tmp) / "library.sqlite3"
        build_big_library(path, args.entries)
        now = time.time()
        with Library.open(path) as library:
            rng = random.Random(5)
            ReadingTable(library).add_all(
                Reading(
                    i,
                    now - rng.uniform(0, 400 * 86400),
                    now - rng.uniform(0, 400 * 86400),
                    1,
                    0.0,
                    rng.random(),
                    rng.randint(0, 40),
                    0.0,
                    False,
                )
                for i in library.ids()
            )

        library = Library.open(path)
        history = History(library)
        ids = library.ids()[:1000]
        ours = []
        for n in range(args.runs):
            start = time.perf_counter()
            history.record_progress(ids[n % len(ids)], n % 40, 0.5, 0.3, 2.0)
            ours.append(time.perf_counter() - start)
        bare_history = BareHistory(path)
        bare = [bare_history.time_update(ids[n % len(ids)], n % 40) for n in range(args.runs)]
        ratio = statistics.median(ours) / statistics.median(bare)
        print(
            f"progress write on the UI thread: median {ms(ours):.3f} ms, p95 {p95(ours):.3f} ms; "
            f"bare sqlite3 UPDATE median {ms(bare):.3f} ms; ratio {ratio:.2f}"
        )

        window = MainWindow(library, Preferences(Path(tmp) / "p.json"), State(Path(tmp) / "s.json"))
        window.resize(1100, 760)
        window.show()
        app.processEvents()
        window.load_content()
        panel_times, bare_query = [], []
        for _ in range(7):
            start = time.perf_counter()
            window.history_ui.show()
            window.history_ui.panel.view.viewport().repaint()
            panel_times.append(time.perf_counter() - start)
            bare_query.append(bare_history.time_listing())
            window.side_tabs.setCurrentIndex(0)
        print(
            f"History panel with {history.count()} entries, shown and painted: median "
            f"{ms(panel_times):.0f} ms (max {max(panel_times) * 1000:.0f}); the bare query alone "
            f"{ms(bare_query):.0f} ms; "
            f"ratio {statistics.median(panel_times) / statistics.median(bare_query):.1f}"
        )
        window.close()
        bare_history.close()
        library.close()


if __name__ == "__main__":
    main()
