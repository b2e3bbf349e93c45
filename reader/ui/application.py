"""Starting the reader window: the QApplication, the library, the first-start samples."""

from __future__ import annotations

import logging
import sys

from reader import APP_DISPLAY_NAME, APP_NAME, __version__
from reader.core.errors import LibraryDamaged, LibraryError
from reader.core.library import Library
from reader.core.preferences import Preferences, State
from reader.core.samples import add_samples_on_first_start
from reader.paths import resolve_paths, resources_dir

log = logging.getLogger(__name__)


def run_gui(data_dir: str | None = None) -> int:
    from PySide6.QtWidgets import QApplication, QMessageBox

    from reader.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_DISPLAY_NAME)
    app.setApplicationVersion(__version__)

    paths = resolve_paths(data_dir)
    paths.ensure()
    try:
        library = Library.open(paths.library)
    except LibraryDamaged as exc:
        library = _offer_fresh_library(paths.library, str(exc))
        if library is None:
            return 1
    except LibraryError as exc:
        QMessageBox.critical(None, APP_DISPLAY_NAME, str(exc).capitalize())
        return 1
    add_samples_on_first_start(library, resources_dir() / "articles")

    window = MainWindow(library, Preferences(paths.preferences), State(paths.state), paths.data_dir)
    window.show()
    try:
        return app.exec()
    finally:
        library.close()


def _offer_fresh_library(path, message: str) -> Library | None:
    """Ask before moving a damaged library aside; nothing is deleted either way."""
    from PySide6.QtWidgets import QMessageBox

    from reader.core.library import move_aside

    answer = QMessageBox.warning(
        None,
        APP_DISPLAY_NAME,
        f"{message.capitalize()}.\n\nMove the damaged file aside (it is kept, renamed) and "
        "start a fresh library?",
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
    )
    if answer != QMessageBox.StandardButton.Yes:
        return None
    kept = move_aside(path)
    log.warning("moved the damaged library to %s", kept)
    return Library.open(path)
