"""Starting the app as a user does: the window, first-start samples, a damaged library."""

import os
import subprocess
import sys

from PySide6.QtWidgets import QMessageBox

from reader.paths import resolve_paths
from reader.ui.application import create_app, create_window


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
    monkeypatch.setattr(QMessageBox, "warning",
                        staticmethod(lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.Cancel))
    create_app()
    assert create_window(resolve_paths(data)) is None
    assert asked and asked[0].startswith(f"The library {data / 'library.sqlite3'} is damaged")
    assert (data / "library.sqlite3").read_bytes() == b"broken" * 100


def test_a_damaged_library_moved_aside_on_request(tmp_path, qtbot, monkeypatch):
    data = tmp_path / "data"
    data.mkdir()
    (data / "library.sqlite3").write_bytes(b"broken" * 100)
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda *a, **k: QMessageBox.StandardButton.Yes))
    create_app()
    window = create_window(resolve_paths(data))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.content_loaded)
    [kept] = [p for p in data.iterdir() if "damaged" in p.name]
    assert kept.read_bytes() == b"broken" * 100
    assert window.model.rowCount() >= 3  # a fresh library, with the samples
    window.close()
    window.library.close()


def test_the_app_starts_from_the_command_line_without_a_display(tmp_path):
    # The real entry point, in a process of its own, quit by Qt after the first paint.
    code = (
        "import sys\n"
        "from PySide6.QtCore import QTimer\n"
        "from PySide6.QtWidgets import QApplication\n"
        "from reader.ui import application\n"
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
    result = subprocess.run([sys.executable, "-c", code, str(tmp_path / "d")], env=env,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "d" / "library.sqlite3").exists()
    assert (tmp_path / "d" / "state.json").exists()
