"""Starting the reader window: the QApplication, the library, the first-start samples.

Building the application and building the window are separate steps, so tests and
benchmarks can make the same window the app makes without entering its event loop.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from reader import APP_DISPLAY_NAME, APP_ID, APP_NAME, __version__
from reader.core.errors import LibraryDamaged, LibraryError
from reader.core.library import Library
from reader.core.preferences import Preferences, State
from reader.core.samples import add_samples_on_first_start
from reader.paths import AppPaths, resolve_paths, resources_dir

log = logging.getLogger(__name__)
SUPPORTED_LANGUAGES = ("en", "ru")


def create_app():
    from PySide6.QtWidgets import QApplication

    from reader.ui.appearance import FUSION_PROPERTY

    app = QApplication.instance()
    if app is None:
        # Fusion from the start (themes are drawn with it, see ui.appearance): named here,
        # Qt makes it as it makes its default style; set later, it costs a few milliseconds
        # on the way to the first paint.
        app = QApplication(sys.argv[:1] + ["-style", "Fusion"])
        app.setProperty(FUSION_PROPERTY, True)
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_DISPLAY_NAME)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(APP_ID)  # lets the desktop match windows to the menu entry
    return app


def set_window_icon(app) -> None:
    """The app's icon for its windows (set after the first paint: finding the files costs
    a few milliseconds, and the window manager takes a later icon as well)."""
    from PySide6.QtGui import QIcon

    icons = resources_dir() / "icons"
    icon = QIcon(str(icons / "article-reader.svg"))
    for size in (16, 32, 48, 64, 128, 256):
        icon.addFile(str(icons / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"))
    app.setWindowIcon(icon)


def create_window(paths: AppPaths):
    """The main window over the library in ``paths``; None if the reader declined to
    start a fresh library in place of a damaged one, or the library cannot be used."""
    paths.ensure()
    preferences = Preferences(paths.preferences)
    install_translations(preferences.get("interface_language"))
    from reader.ui.main_window import MainWindow

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
    return MainWindow(library, preferences, State(paths.state), paths.data_dir)


_installed: list = []


def install_translations(choice: str) -> str:
    """Load the interface language: ``choice`` is "en", "ru" or "system" (the system
    locale's language when we have it, else English). Returns the language used. Qt's own
    strings (standard buttons, dialogs) come from Qt's catalogue in the same language."""
    from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

    for translator in _installed:
        QCoreApplication.removeTranslator(translator)
    _installed.clear()
    language = QLocale.system().name().split("_")[0] if choice == "system" else choice
    if language not in SUPPORTED_LANGUAGES:
        language = "en"
    if choice != "system" and QLocale.system().name().split("_")[0] != language:
        # Dates and numbers in the chosen language (the system's own formats when it
        # already speaks that language).
        QLocale.setDefault(QLocale(language))
    if language == "en":
        return language
    folders = (resources_dir() / "translations", Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)))
    for name, folder in ((f"article-reader_{language}", folders[0]), (f"qtbase_{language}", folders[1])):
        translator = QTranslator(QCoreApplication.instance())
        if translator.load(name, str(folder)):
            QCoreApplication.installTranslator(translator)
            _installed.append(translator)
        else:
            log.warning("no %s translation in %s", name, folder)
    return language


def run_gui(data_dir: str | None = None, files: list[Path] | None = None,
            quit_after_load: bool = False) -> int:
    """The reader window. ``files`` are imported and the first one opened; if a window
    is already open on the same library, it gets them instead and this process ends.
    ``quit_after_load`` (for smoke tests of installs and bundles) closes the window once
    the library and the files are loaded, after printing one line about them."""
    from reader.ui.single_instance import hand_over

    files = list(files or [])
    paths = resolve_paths(data_dir)
    if not quit_after_load and hand_over(paths.data_dir, files):
        return 0
    app = create_app()
    window = create_window(paths)
    if window is None:
        return 1
    failures: list[str] = []

    def loaded() -> None:
        if files:
            failures.extend(window.open_files(files, ask=not quit_after_load))
        if quit_after_load:
            title = window.windowTitle()
            print(f"{APP_DISPLAY_NAME} {__version__}: {window.model.rowCount()} articles; showing {title!r}")
            for line in failures:
                print(f"article-reader: {line}", file=sys.stderr)
            window.close()

    window.content_ready.connect(loaded)
    window.show()
    try:
        code = app.exec()
    finally:
        window.library.close()
    return 1 if quit_after_load and failures else code


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:]


def _offer_fresh_library(path, message: str) -> Library | None:
    """Ask before moving a damaged library aside; nothing is deleted either way."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QMessageBox

    from reader.core.library import move_aside

    question = QCoreApplication.translate(
        "Application", "Move the damaged file aside (it is kept, renamed) and start a fresh library?")
    answer = QMessageBox.warning(
        None,
        APP_DISPLAY_NAME,
        f"{_sentence(message)}.\n\n{question}",
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
    )
    if answer != QMessageBox.StandardButton.Yes:
        return None
    kept = move_aside(path)
    log.warning("moved the damaged library to %s", kept)
    return Library.open(path)
