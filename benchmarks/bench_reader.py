"""Benchmark: the reader window — text size steps, opening an article, cold start, memory.

    python benchmarks/bench_reader.py [--library-size 100000] [--runs 15]

Each timing is compared with Qt's own work measured in the same run:
- a size step (new default font + full relayout) of a 3,000-word article vs a bare
  QTextDocument given the same HTML, width and font change; and of a 100,000-word article;
- opening a 3,000-word article until it is laid out;
- cold start to the first painted window with a large library vs a bare PySide6 window that
  shows one QMainWindow (all as fresh processes; ours started as the desktop launcher
  starts it), and the resident memory of ours. For scale, a third window is timed too: the
  widgets of our first frame, built directly with no application code. Then what follows
  the filled window: when the toolbar's icons are painted, and the longest the event loop
  is held meanwhile (what a key pressed then would wait).
Medians, because the machine is shared and noisy.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))

import synthetic

# The end of the two reference scripts: show the window ``w`` and print the seconds from
# ``t0`` to its first paint.
SHOW_AND_TIME = """
class F(QObject):
    def eventFilter(self, o, e):
        if e.type() == QEvent.Type.Paint:
            print(time.perf_counter() - t0); sys.stdout.flush(); app.quit()
        return False
f = F(); w.installEventFilter(f); w.show(); app.exec()
"""

BARE_START = (
    """
import time, sys
t0 = time.perf_counter()
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
w = QMainWindow(); w.resize(1100, 760)
"""
    + SHOW_AND_TIME
)

# The same window with no application code: the widgets of our first frame (menus with
# their actions, the toolbar with − o + and the read-aloud controls, the side tabs with a
# filter box, a combo box and a table over a Python model, the article view, the status
# bar), drawn as ours is (Fusion, a palette chosen by the desktop's colour scheme, the
# focus-ring style sheet). No preferences, library, modules or rules of ours: it shows
# what PySide6 itself costs for this window.
SAME_WIDGETS_START = (
    """
import time, sys
t0 = time.perf_counter()
from PySide6.QtCore import QAbstractTableModel, QEvent, QObject, Qt
from PySide6.QtGui import QAction, QColor, QKeySequence, QPalette
from PySide6.QtWidgets import (QApplication, QComboBox, QHBoxLayout, QLabel, QLineEdit,
    QMainWindow, QSlider, QSplitter, QTableView, QTabWidget, QTextBrowser, QToolBar,
    QToolButton, QVBoxLayout, QWidget)
app = QApplication(sys.argv[:1] + ["-style", "Fusion"])
dark = app.styleHints().colorScheme() == Qt.ColorScheme.Dark
palette = QPalette()
for role, colour in ((QPalette.ColorRole.Window, "#2b2b2e" if dark else "#f3f3f1"),
                     (QPalette.ColorRole.Base, "#1f1f22" if dark else "#ffffff"),
                     (QPalette.ColorRole.Text, "#e8e6e3" if dark else "#1a1a1a"),
                     (QPalette.ColorRole.Highlight, "#2a5d9f")):
    palette.setColor(role, QColor(colour))
app.setPalette(palette)
app.setStyleSheet(
    "QAbstractItemView, QTextBrowser, QLineEdit { border: 1px solid #888; padding: 1px; }"
    "QAbstractItemView:focus, QTextBrowser:focus, QLineEdit:focus {"
    " border: 2px solid #1b4fa0; padding: 0px; }"
    "QToolButton { padding: 3px 6px; border: 1px solid transparent; border-radius: 3px; }"
    "QToolButton:focus { border: 2px solid #1b4fa0; padding: 2px 5px; }")


class Model(QAbstractTableModel):
    def rowCount(self, parent=None):
        return 0

    def columnCount(self, parent=None):
        return 4

    def data(self, index, role=0):
        return None

    def headerData(self, section, orientation, role=0):
        if orientation == Qt.Orientation.Horizontal and role == 0:
            return ("Title", "Source", "Date", "Read")[section]
        return None


w = QMainWindow()
w.setWindowTitle("Article Reader")
actions = []
for menu_title, count in (("&File", 4), ("&Edit", 4), ("&View", 14), ("Hi&story", 7), ("&Help", 2)):
    menu = w.menuBar().addMenu(menu_title)
    for i in range(count):
        action = QAction(f"{menu_title} item {i}", w)
        action.setShortcut(QKeySequence(f"Ctrl+Shift+{chr(65 + len(actions) % 26)}"))
        menu.addAction(action)
        actions.append(action)
bar = QToolBar("Main Toolbar", w)
bar.setMovable(False)
bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
size = QWidget()
row = QHBoxLayout(size)
row.setContentsMargins(4, 0, 4, 0)
for text in ("\u2212", "o", "+"):
    button = QToolButton(size)
    button.setText(text)
    button.setAccessibleName(text)
    row.addWidget(button)
row.addWidget(QLabel("100%"))
bar.addWidget(size)
bar.addSeparator()
bar.addAction(actions[0])
bar.addAction(actions[-3])
bar.addSeparator()
speech = QWidget()
row = QHBoxLayout(speech)
row.setContentsMargins(0, 0, 0, 0)
for text in ("\u25b6", "\u25a0"):
    button = QToolButton(speech)
    button.setText(text)
    row.addWidget(button)
slider = QSlider(Qt.Orientation.Horizontal, speech)
slider.setRange(-10, 10)
slider.setMaximumWidth(120)
row.addWidget(slider)
row.addWidget(QLabel("Speed: normal"))
bar.addWidget(speech)
w.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)
panel = QWidget()
box = QLineEdit()
box.setPlaceholderText("Filter by title, source or author")
box.setClearButtonEnabled(True)
states = QComboBox()
for text in ("All articles", "Unread", "In progress", "Finished"):
    states.addItem(text)
top = QHBoxLayout()
top.addWidget(box, 1)
shown = QLabel("Sho&w:")
shown.setBuddy(states)
top.addWidget(shown)
top.addWidget(states)
table = QTableView()
model = Model()
table.setModel(model)
table.verticalHeader().hide()
column = QVBoxLayout(panel)
column.setContentsMargins(0, 0, 0, 0)
column.addLayout(top)
column.addWidget(table)
tabs = QTabWidget()
tabs.addTab(panel, "&Library")
tabs.addTab(QWidget(), "Hi&story")
tabs.addTab(QWidget(), "Sea&rch")
article = QTextBrowser()
article.setOpenLinks(False)
splitter = QSplitter(Qt.Orientation.Horizontal)
splitter.addWidget(tabs)
splitter.addWidget(article)
splitter.setSizes([380, 720])
w.setCentralWidget(splitter)
w.statusBar().addPermanentWidget(QLabel(""))
w.resize(1100, 760)
"""
    + SHOW_AND_TIME
)

# Ours is started as the desktop launcher starts it (reader.app.main with no arguments:
# the platform's folders, the single-instance check, then the window), with one observer
# added to the window it makes.
OUR_START = """
import time, sys, resource
t0 = time.perf_counter()
import reader.ui.shell.application as application

_create_window = application.create_window
# After the filled window: the longest the event loop is held (what a key pressed then
# waits), for STALL_WINDOW seconds, and when the toolbar's icons are painted (-1: none).
STALL_WINDOW = 1.5


def create_window(paths):
    window = _create_window(paths)
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication

    first, full = [], []
    gaps = {"last": 0.0, "longest": 0.0}
    icons = getattr(getattr(window, "menus", None), "icons", None)  # (not in older trees)

    def tick():
        now = time.perf_counter()
        gaps["longest"] = max(gaps["longest"], now - gaps["last"])
        gaps["last"] = now
        if now - full[0] - t0 > STALL_WINDOW:
            clock.stop()
            QApplication.instance().quit()

    clock = QTimer(window)
    clock.setInterval(1)
    clock.timeout.connect(tick)

    class Watch(QObject):
        def eventFilter(self, watched, event):
            if watched is window.toolbar and event.type() == QEvent.Type.Paint:
                if icons is not None and icons.loaded and "icons" not in gaps:
                    gaps["icons"] = time.perf_counter() - t0
            elif watched is window and event.type() == QEvent.Type.Paint:
                if not first:
                    first.append(time.perf_counter() - t0)
                elif window.content_loaded and not full:
                    full.append(time.perf_counter() - t0)
                    gaps["last"] = time.perf_counter()
                    gaps["rss"] = (
                        int(open("/proc/self/statm").read().split()[1]) * resource.getpagesize()
                    )
                    clock.start()
            return False

    def report():
        print(first[0], full[0], gaps["rss"], gaps.get("icons", -1), gaps["longest"], flush=True)

    window.bench_watch = Watch(window)
    window.installEventFilter(window.bench_watch)
    window.toolbar.installEventFilter(window.bench_watch)
    QApplication.instance().aboutToQuit.connect(report)
    return window


application.create_window = create_window
from reader.app import main

sys.exit(main([]))
"""


def laid_out(document) -> float:
    """Lay the whole document out (Qt does it lazily) and return its height."""
    return document.documentLayout().blockBoundingRect(document.lastBlock()).bottom()


def median_ms(values: list[float]) -> float:
    return statistics.median(values) * 1000


def article_markdown(words: int, seed: int = 3, with_structure: bool = False) -> str:
    """A synthetic article of about ``words`` words; ``with_structure``: with a heading,
    a link, a list and a quote every few paragraphs, as a long news article has."""
    import random

    rng = random.Random(seed)
    article = synthetic.make_article(rng, 0, words)
    body = article.body
    if with_structure:
        paragraphs = body.split("\n\n")
        for n in range(0, len(paragraphs), 6):
            paragraphs[n] = (
                f"## Section {n}\n\n{paragraphs[n]} See [source {n}](https://example.org/{n}).\n\n"
                f"- first point {n}\n- second point {n}\n\n> A quoted line {n}."
            )
        body = "\n\n".join(paragraphs)
    return f"# Benchmark article\n\n{body}\n"


def bench_size_steps(runs: int) -> None:
    from PySide6.QtGui import QFont, QTextDocument

    from reader.core.render import body_html
    from reader.ui.reading.article_view import ARTICLE_CSS

    def doc_with(html: str, width: float) -> QTextDocument:
        doc = QTextDocument()
        doc.setDefaultStyleSheet(ARTICLE_CSS)
        doc.setHtml(html)
        doc.setTextWidth(width)
        return doc

    for words in (3000, 100_000):
        window, view = make_view(article_markdown(words))
        width = view.viewport().width()
        html = body_html(article_markdown(words))
        ours, bare = [], []
        sizes = [110, 100]
        for run in range(runs if words < 50_000 else max(3, runs // 3)):
            percent = sizes[run % 2]
            start = time.perf_counter()
            view.set_percent(percent)
            laid_out(view.document())
            ours.append(time.perf_counter() - start)

            doc = doc_with(html, width)
            laid_out(doc)
            font = QFont(doc.defaultFont())
            font.setPointSizeF(12 * percent / 100)
            start = time.perf_counter()
            doc.setDefaultFont(font)
            laid_out(doc)
            bare.append(time.perf_counter() - start)
        print(
            f"size step, {words} words: ours median {median_ms(ours):.1f} ms, bare QTextDocument "
            f"{median_ms(bare):.1f} ms, "
            f"ratio {statistics.median(ours) / statistics.median(bare):.2f}"
        )
        window.close()


def make_view(markdown_text: str):
    from reader.core.parsers import finish, parse_text
    from reader.core.preferences import Preferences, State
    from reader.core.store import Library
    from reader.ui.shell.main_window import MainWindow

    folder = Path(tempfile.mkdtemp(prefix="reader-bench-"))
    library = Library.open(folder / "library.sqlite3")
    library.add(finish(parse_text(markdown_text, ".md")))
    window = MainWindow(library, Preferences(folder / "p.json"), State(folder / "s.json"))
    window.resize(1100, 760)
    window.show()
    window.load_content()
    return window, window.article_view


def bench_open(runs: int) -> None:
    window, view = make_view(article_markdown(3000))
    article_id = window.model.id_at(0)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        window.open_article(article_id)
        laid_out(view.document())
        times.append(time.perf_counter() - start)
    print(f"open a 3000-word article to laid out: median {median_ms(times):.1f} ms")
    window.close()


def bench_structure(runs: int) -> None:
    """What opening does not pay for: the article's structure, read when first asked for
    (the first structural key, the Contents or Links list, a screen reader), and the
    accessible tree a screen reader is given from it."""
    from PySide6.QtGui import QAccessible

    from reader.ui.reading.structure import read_structure

    window, view = make_view(article_markdown(3000, with_structure=True))
    article_id = window.model.id_at(0)
    window.open_article(article_id)
    laid_out(view.document())
    reads, trees = [], []
    for _ in range(runs):
        start = time.perf_counter()
        structure = read_structure(view.document())
        reads.append(time.perf_counter() - start)
        window.open_article(article_id)  # (a new article: the tree is made again)
        laid_out(view.document())
        document = QAccessible.queryAccessibleInterface(view)
        start = time.perf_counter()
        count = document.childCount()
        trees.append(time.perf_counter() - start)
    print(
        f"structure of a 3000-word article ({len(structure.parts)} parts): read in median "
        f"{median_ms(reads):.1f} ms; its accessible tree ({count} top-level parts) made in "
        f"median {median_ms(trees):.1f} ms"
    )
    window.close()


def bench_cold_start(library_size: int, runs: int, library: Path | None = None) -> None:
    from bench_library import build_big_library

    with tempfile.TemporaryDirectory(prefix="reader-bench-") as tmp:
        # The platform's folders, as a launcher start finds them (platformdirs and all),
        # moved into the temporary folder.
        xdg = {
            name: str(Path(tmp) / name.lower())
            for name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_RUNTIME_DIR")
        }
        data = Path(xdg["XDG_DATA_HOME"]) / "article-reader"
        data.mkdir(parents=True)
        if library:
            shutil.copyfile(library, data / "library.sqlite3")
        else:
            build_big_library(data / "library.sqlite3", library_size)
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
        env.pop("ARTICLE_READER_HOME", None)
        # An installed app has its bytecode compiled (pip does it), as PySide6 has; a source
        # tree under PYTHONDONTWRITEBYTECODE would recompile every module at every start.
        import reader

        subprocess.run(
            [sys.executable, "-m", "compileall", "-q", str(Path(reader.__file__).parent)],
            check=True,
        )
        bare, same, ours, full, rss, icons, stalls = [], [], [], [], [], [], []
        for _ in range(runs):
            out = subprocess.run(
                [sys.executable, "-c", BARE_START],
                capture_output=True,
                text=True,
                env=env,
                check=True,
            ).stdout.split()
            bare.append(float(out[0]))
            out = subprocess.run(
                [sys.executable, "-c", SAME_WIDGETS_START],
                capture_output=True,
                text=True,
                env=env,
                check=True,
            ).stdout.split()
            same.append(float(out[0]))
            out = subprocess.run(
                [sys.executable, "-c", OUR_START],
                capture_output=True,
                text=True,
                env={**env, **xdg},
                check=True,
            ).stdout.split()
            ours.append(float(out[0]))
            full.append(float(out[1]))
            rss.append(int(out[2]))
            icons.append(float(out[3]))
            stalls.append(float(out[4]))
        print(
            f"cold start to first paint: bare PySide6 window median {median_ms(bare):.0f} ms; "
            f"ours with {library_size} articles median {median_ms(ours):.0f} ms; "
            f"ratio {statistics.median(ours) / statistics.median(bare):.2f}"
        )
        print(
            f"  the same widgets with no application code: median {median_ms(same):.0f} ms "
            f"({statistics.median(same) / statistics.median(bare):.2f}x bare); ours is "
            f"{statistics.median(ours) / statistics.median(same):.2f}x that"
        )
        print(
            f"cold start until the list and the last article are painted: median "
            f"{median_ms(full):.0f} ms "
            f"(ratio {statistics.median(full) / statistics.median(bare):.2f})"
        )
        print(
            f"resident memory after first paint with {library_size} articles: median "
            f"{statistics.median(rss) / 1e6:.0f} MB"
        )
        if min(icons) > 0:
            print(
                f"cold start until the toolbar's icons are painted: median "
                f"{median_ms(icons):.0f} ms ({median_ms(icons) - median_ms(full):.0f} ms after "
                "the filled window)"
            )
        print(
            "longest the event loop is held in the 1.5 s after the filled window (icons, "
            f"speech engine, single-instance server): median {median_ms(stalls):.0f} ms, "
            f"worst {max(stalls) * 1000:.0f} ms"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--library-size", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument(
        "--library",
        type=Path,
        help="a library built by build_big_library "
        "before (copied, not changed), instead of building one",
    )
    args = parser.parse_args()
    from PySide6.QtWidgets import QApplication

    QApplication.instance() or QApplication([])
    bench_size_steps(args.runs)
    bench_open(args.runs)
    bench_structure(args.runs)
    bench_cold_start(args.library_size, max(5, args.runs // 3), args.library)


if __name__ == "__main__":
    main()
