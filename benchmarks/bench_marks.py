"""Benchmark: highlights, notes and bookmarks (issue 18).

  python benchmarks/bench_marks.py [--highlights 500] [--notes 20000] [--runs 7]

open     the window opens a 3,000-word article (laid out, its marks found in the text
         and drawn, the first screen painted) with --highlights highlights, against the
         same article with none: medians over --runs opens, in the same run.
         Target: under 50 ms with the highlights.
panels   a library holding --notes highlights with notes over 200 articles: All Notes
         and Highlights opened (the dialog built, its rows read and the first screen
         painted), and its filter answering a word; medians over --runs.
         Target: under 200 ms to open.
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

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

WORDS = [
    "harbour",
    "boats",
    "evening",
    "moorings",
    "summer",
    "families",
    "pontoon",
    "landings",
    "crews",
    "council",
    "autumn",
    "breakwater",
    "north",
    "visitors",
    "inland",
    "towns",
    "weekend",
    "trains",
    "survey",
    "wall",
    "stones",
    "storms",
    "tide",
    "lighthouse",
    "keeper",
    "ferry",
    "island",
    "market",
    "square",
    "bakery",
    "bridge",
    "river",
    "meadow",
    "school",
]


def article_text(rng: random.Random, words: int, title: str) -> str:
    paragraphs = []
    left = words
    while left > 0:
        size = min(left, rng.randint(60, 110))
        text = " ".join(rng.choice(WORDS) for _ in range(size))
        paragraphs.append(text[0].upper() + text[1:] + ".")
        left -= size
    return f"# {title}\n\n" + "\n\n".join(paragraphs) + "\n"


def _marks_over(text: str, count: int, rng: random.Random, with_notes: bool):
    from reader.core.marks import highlight

    marks = []
    starts = sorted(rng.sample(range(len(text) - 40), count))
    for start in starts:
        while start < len(text) and not text[start].isalpha():
            start += 1
        end = text.find(" ", start + 12)
        if end <= start:
            continue
        note = f"Note about {rng.choice(WORDS)} and {rng.choice(WORDS)}" if with_notes else ""
        marks.append(highlight(text, start, end, rng.choice(("yellow", "green")), note))
    return marks


def bench_open(work: Path, args: argparse.Namespace) -> None:
    from PySide6.QtWidgets import QApplication

    from reader.core.file_import import import_paths
    from reader.core.preferences import Preferences, State
    from reader.core.store import Library
    from reader.ui.shell.main_window import MainWindow

    app = QApplication.instance() or QApplication([])
    rng = random.Random(7)
    results, drawn = {}, 0
    for kind in ("without", "with"):
        folder = work / f"open-{kind}"
        folder.mkdir()
        (folder / "a.md").write_text(article_text(random.Random(1), 3000, "Harbour"), "utf-8")
        (folder / "b.md").write_text(article_text(random.Random(2), 800, "Other"), "utf-8")
        library = Library.open(folder / "library.sqlite3")
        first, second = import_paths(library, [folder / "a.md", folder / "b.md"]).imported
        window = MainWindow(library, Preferences(folder / "p.json"), State(folder / "s.json"))
        window.resize(1100, 760)
        window.show()
        window.load_content()
        app.processEvents()
        view = window.article_view
        if kind == "with":
            window.open_article(first)
            text = view.document().toRawText()
            for mark in _marks_over(text, args.highlights, rng, with_notes=False):
                library.add_mark(first, mark)
        times = []
        for _ in range(args.runs):
            window.open_article(second)  # (away, so each open is a real one)
            app.processEvents()
            start = time.perf_counter()
            window.open_article(first)
            document = view.document()
            document.documentLayout().blockBoundingRect(document.lastBlock())
            view.viewport().repaint()
            times.append(time.perf_counter() - start)
        results[kind] = statistics.median(times)
        if kind == "with":
            drawn = sum(1 for p in window.marks.located if p.span is not None)
        window.close()
        library.close()
    print(
        f"open a 3000-word article with {drawn} highlights (found and drawn), laid out and "
        f"first screen painted: median {results['with'] * 1000:.1f} ms; without marks "
        f"{results['without'] * 1000:.1f} ms; ratio {results['with'] / results['without']:.2f}"
    )


def bench_panels(work: Path, args: argparse.Namespace) -> None:
    from PySide6.QtWidgets import QApplication

    from reader.core.article import Article
    from reader.core.store import Library
    from reader.ui.reading.all_notes import AllNotesDialog

    app = QApplication.instance() or QApplication([])
    rng = random.Random(11)
    library = Library.open(work / "notes.sqlite3")
    articles = 200
    per = max(1, args.notes // articles)
    ids = []
    for n in range(articles):
        body = article_text(random.Random(100 + n), 600, f"Article {n}").split("\n", 2)[2]
        article = Article(title=f"Article {n}", body=body).with_derived_fields()
        article.imported_at = "2026-12-01T10:00:00+00:00"
        article.marks = _marks_over(body, per, rng, with_notes=True)
        ids.append(library.add(article).id)
    total = sum(library.mark_counts().values())
    opens, filters = [], []
    for _ in range(args.runs):
        start = time.perf_counter()
        dialog = AllNotesDialog(library)
        dialog.show()
        dialog.table.viewport().repaint()
        opens.append(time.perf_counter() - start)
        start = time.perf_counter()
        dialog.filter_box.setText("lighthouse")
        dialog.refresh()
        dialog.table.viewport().repaint()
        filters.append(time.perf_counter() - start)
        shown = len(dialog.model.ids)
        dialog.close()
        dialog.deleteLater()
        app.processEvents()
    library.close()
    print(
        f"All Notes over {total} notes in {articles} articles: opened (rows read, first "
        f"screen painted) median {statistics.median(opens) * 1000:.1f} ms; filtered to "
        f"'lighthouse' ({shown} rows) median {statistics.median(filters) * 1000:.1f} ms"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--highlights", type=int, default=500)
    parser.add_argument("--notes", type=int, default=20_000)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="reader-bench-marks-") as tmp:
        work = Path(tmp)
        bench_open(work, args)
        bench_panels(work, args)


if __name__ == "__main__":
    main()
