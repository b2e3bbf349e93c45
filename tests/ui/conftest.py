"""Widgets under test get a real library, real preference files and a fixed locale."""

import pytest
import shiboken6
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QMessageBox

from reader.core.file_import import import_paths
from reader.core.preferences import Preferences, State
from reader.ui.shell.main_window import MainWindow


@pytest.fixture(autouse=True)
def english_locale():
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))


@pytest.fixture
def answer_dialogs(monkeypatch):
    """Answer message boxes as told instead of blocking on them; records what was asked."""
    asked = []

    def question(parent, title, text, *args, **kwargs):
        asked.append(text)
        return answer_dialogs.reply

    answer_dialogs.reply = QMessageBox.StandardButton.Yes
    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    monkeypatch.setattr(QMessageBox, "exec", lambda self: asked.append(self.text()) or 0)
    answer_dialogs.asked = asked
    return answer_dialogs


@pytest.fixture
def make_window(qtbot, tmp_path, library):
    """Open the main window over ``library``, as the app would, with files in tmp_path."""
    made = []

    def make(*paths, width=1000, height=700):
        if paths:
            import_paths(library, list(paths))
        window = MainWindow(
            library,
            Preferences(tmp_path / "preferences.json"),
            State(tmp_path / "state.json"),
            tmp_path,
        )
        qtbot.addWidget(window)
        made.append(window)
        window.resize(width, height)
        window.show()
        window.activateWindow()
        qtbot.waitUntil(lambda: window.isActiveWindow() and window.content_loaded)
        return window

    make.adopt = made.append  # a window a test made itself, closed with the others
    yield make
    # Closed and gone before the library closes: a window left for the garbage collector
    # would still ask the closed library for rows when a later test restyles the app.
    for window in made:
        if shiboken6.isValid(window):
            window.close()
            shiboken6.delete(window)
