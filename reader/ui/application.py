"""Starting the reader window: the QApplication, the library, the first-start samples.

Building the application and building the window are separate steps, so tests and
benchmarks can make the same window the app makes without entering its event loop.
"""

from __future__ import annotations

import logging
import sys

from reader import APP_DISPLAY_NAME, APP_NAME, __version__
from reader.core.errors import LibraryDamaged, LibraryError
from reader.core.library import Library
from reader.core.preferences import Preferences, State
from reader.core.samples import add_samples_on_first_start
from reader.paths import AppPaths, resolve_paths, resources_dir

log = logging.getLogger(__name__)


def create_app():
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_DISPLAY_NAME)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(APP_NAME)
    return app


def create_window(paths: AppPaths):
    """The main window over the library in ``paths``; None if the reader declined to
    start a fresh library in place of a damaged one, or the library cannot be used."""
    from reader.ui.main_window import MainWindow

    paths.ensure()
    try:
        library = Library.open(paths.library)
    except LibraryDamaged as exc:
        library = _offer_fresh_library(paths.library, str(exc))
        if library is None:
            return None
    except LibraryError as exc:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.critical(None, APP_DISPLAY_NAME, _sentence(str(exc)))
        return None
    add_samples_on_first_start(library, resources_dir() / "articles")
    return MainWindow(library, Preferences(paths.preferences), State(paths.state), paths.data_dir)


def run_gui(data_dir: str | None = None) -> int:
    app = create_app()
    window = create_window(resolve_paths(data_dir))
    if window is None:
        return 1
    window.show()
    try:
        return app.exec()
    finally:
        window.library.close()


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:]


def _offer_fresh_library(path, message: str) -> Library | None:
    """Ask before moving a damaged library aside; nothing is deleted either way."""
    from PySide6.QtWidgets import QMessageBox

    from reader.core.library import move_aside

    answer = QMessageBox.warning(
        None,
        APP_DISPLAY_NAME,
        f"{_sentence(message)}.\n\nMove the damaged file aside (it is kept, renamed) and "
        "start a fresh library?",
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
    )
    if answer != QMessageBox.StandardButton.Yes:
        return None
    kept = move_aside(path)
    log.warning("moved the damaged library to %s", kept)
    return Library.open(path)
