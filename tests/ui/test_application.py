"""Starting the app as a user does: the window, first-start samples, a damaged library."""

import os
import subprocess
import sys

import pytest
from PySide6.QtWidgets import QMessageBox

from helpers import read_only
from reader.paths import resolve_paths
from reader.ui.shell.application import create_app, create_window


def test_a_new_user_sees_the_guides_at_once(tmp_path, qtbot):
    create_app()
    window = create_window(resolve_paths(tmp_path / "data"))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.content_loaded)
    titles = [window.model.index(r, 0).data() for r in range(window.model.rowCount())]
    assert "Welcome to Article Reader" in titles
    assert window.current_article_id is not None
    assert window.article_view.toPlainText().strip()
    window.close()
    window.library.close()


def test_a_damaged_library_is_kept_when_the_reader_declines(tmp_path, qtbot, monkeypatch):
    data = tmp_path / "data"
    data.mkdir()
    (data / "library.sqlite3").write_bytes(b"broken" * 100)
    asked = []
    monkeypatch.setattr(
        QMessageBox,
        "warning",
        staticmethod(lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.Cancel),
    )
    create_app()
    assert create_window(resolve_paths(data)) is None
    assert asked and asked[0].startswith(f"The library {data / 'library.sqlite3'} is damaged")
    assert (data / "library.sqlite3").read_bytes() == b"broken" * 100


def test_a_damaged_library_moved_aside_on_request(tmp_path, qtbot, monkeypatch):
    data = tmp_path / "data"
    data.mkdir()
    (data / "library.sqlite3").write_bytes(b"broken" * 100)
    monkeypatch.setattr(
        QMessageBox, "warning", staticmethod(lambda *a, **k: QMessageBox.StandardButton.Yes)
    )
    create_app()
    window = create_window(resolve_paths(data))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.content_loaded)
    [kept] = [p for p in data.iterdir() if "damaged" in p.name]
    assert kept.read_bytes() == b"broken" * 100
    assert window.model.rowCount() >= 3  # a fresh library, with the samples
    assert window.statusBar().currentMessage() == (
        "The library was damaged; no articles could be read from it into a fresh library; "
        f"the damaged file is kept at {kept}"
    )
    window.close()
    window.library.close()


def test_the_app_starts_from_the_command_line_without_a_display(tmp_path):
    # The real entry point, in a process of its own, quit by Qt after the first paint.
    code = (
        "import sys\n"
        "from PySide6.QtCore import QTimer\n"
        "from PySide6.QtWidgets import QApplication\n"
        "from reader.ui.shell import application\n"
        "app = application.create_app()\n"
        "def stop():\n"
        "    shown = [w for w in app.topLevelWidgets() if getattr(w, 'content_loaded', False)]\n"
        "    if shown:\n"
        "        shown[0].close()\n"
        "        app.quit()\n"
        "    else:\n"
        "        QTimer.singleShot(20, stop)\n"
        "QTimer.singleShot(20, stop)\n"
        "sys.exit(application.run_gui(sys.argv[1]))\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-c", code, str(tmp_path / "d")],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "d" / "library.sqlite3").exists()
    assert (tmp_path / "d" / "state.json").exists()


# -- what the window says about a library it cannot use as usual ---------------------------


def _library_of(data, count):
    import random

    from reader.core.article import Article
    from reader.core.store import Library

    data.mkdir(parents=True, exist_ok=True)
    with Library.open(data / "library.sqlite3") as library:
        for n in range(count):
            rnd = random.Random(n)
            article = Article(
                title=f"Article {n}",
                body=f"Article number {n}. "
                + " ".join(f"word{rnd.randint(0, 99999)}" for _ in range(200)),
            ).with_derived_fields()
            article.imported_at = "2026-11-27T10:00:00+00:00"
            library.add(article)
        library.set_meta("samples_offered", "1")
    return data / "library.sqlite3"


@pytest.mark.parametrize("part", ["articles", "articles_by_date"])
def test_damaged_pages_are_said_in_the_window_and_what_can_be_read_is_listed(tmp_path, qtbot, part):
    # The table's pages: rows that cannot be read are left out of the list. The date
    # index's: the list cannot be made at all (found while loading it).
    import random
    import sqlite3

    from PySide6.QtWidgets import QLabel

    path = _library_of(tmp_path / "data", 200)
    with sqlite3.connect(path) as db:
        pages = [
            row[0]
            for row in db.execute(
                "SELECT pageno FROM dbstat WHERE name = ? AND pagetype = 'leaf' ORDER BY pageno",
                (part,),
            )
        ]
    db.close()
    rnd = random.Random(1)
    middle = pages[len(pages) // 3 : 2 * len(pages) // 3] or pages
    with path.open("r+b") as handle:
        for page in rnd.sample(middle, min(4, len(middle))):
            handle.seek((page - 1) * 4096)
            handle.write(rnd.randbytes(4096))
    window = _loaded_window(tmp_path / "data", qtbot)
    qtbot.waitUntil(lambda: window.findChild(QLabel, "libraryProblem") is not None)
    label = window.findChild(QLabel, "libraryProblem")
    assert label.text().startswith(
        f"The library {path} is damaged (database disk image is malformed)"
    )
    assert "reset-library" in label.text() and label.isVisible()
    box = window.findChild(QMessageBox, "libraryProblemBox")
    assert box is not None and box.isVisible() and box.text() == label.text()
    titles = [window.model.index(r, 0).data() for r in range(window.model.rowCount())]
    shown = [t for t in titles if t]
    if part == "articles":
        assert 150 <= len(shown) < 200  # the rest cannot be read
    window.close()
    window.library.close()


def _loaded_window(data, qtbot):
    """The window the app makes over the library in ``data``, shown and filled."""
    create_app()
    window = create_window(resolve_paths(data))
    qtbot.addWidget(window)
    ready = []
    window.content_ready.connect(lambda: ready.append(True))
    window.show()
    qtbot.waitUntil(lambda: bool(ready))
    return window


def test_a_read_only_library_opens_for_reading_and_records_nothing(tmp_path, qtbot):
    import sqlite3

    from PySide6.QtWidgets import QLabel

    path = _library_of(tmp_path / "data", 12)
    with read_only(path):
        window = _loaded_window(tmp_path / "data", qtbot)
        assert window.model.rowCount() == 12
        assert window.current_article_id is not None  # it opened, and reads
        assert window.article_view.toPlainText().strip()
        label = window.findChild(QLabel, "libraryReadOnly")
        assert label is not None and label.isVisible() and "Read-only library" in label.text()
        assert not window.history_ui.pause_action.isEnabled()
        assert not window.menus.import_files.isEnabled()
        window.open_article(window.model.id_at(3))
        # Its text size still changes (for now); nothing offers to keep one for it.
        assert not window.text_size.remember_action.isEnabled()
        window.text_size.larger()
        assert window.text_size.percent > 100
        window.tracker.flush()
        window.close()
        window.library.close()
        with sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True) as db:
            assert db.execute("SELECT count(*) FROM reading").fetchone()[0] == 0
