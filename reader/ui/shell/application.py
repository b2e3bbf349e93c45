"""Starting the reader window: the QApplication, the library, the first-start samples.

Building the application and building the window are separate steps, so tests and
benchmarks can make the same window the app makes without entering its event loop.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from reader import APP_DISPLAY_NAME, APP_ID, APP_NAME, __version__
from reader.core.errors import LibraryDamaged, LibraryError
from reader.core.preferences import Preferences, State
from reader.core.samples import add_samples_on_first_start
from reader.core.store import Library
from reader.core.store.library_file import problem
from reader.paths import AppPaths, resolve_paths, resources_dir
from reader.ui.shell.library_problems import offer_recovery, sentence, watch_library

if TYPE_CHECKING:
    from reader.core.file_import import ImportReport

log = logging.getLogger(__name__)


def create_app():
    from PySide6.QtWidgets import QApplication

    from reader.ui.shell.appearance import FUSION_PROPERTY

    app = QApplication.instance()
    if app is None:
        # Fusion from the start (themes are drawn with it, see ui.appearance): named here,
        # Qt makes it as it makes its default style; set later, it costs a few milliseconds
        # on the way to the first paint.
        app = QApplication([*sys.argv[:1], "-style", "Fusion"])
        app.setProperty(FUSION_PROPERTY, True)
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_DISPLAY_NAME)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(APP_ID)  # lets the desktop match windows to the menu entry
    return app


def create_window(paths: AppPaths):
    """The main window over the library in ``paths``; None if the reader declined to
    recover a damaged library into a fresh one, or the library cannot be used (busy, on a
    full disk, in a read-only folder with no library yet: the same sentence as the command
    line says it). A read-only library opens for reading, its history not recorded."""
    from PySide6.QtWidgets import QMessageBox

    try:
        paths.ensure()
    except OSError as exc:
        QMessageBox.critical(None, APP_DISPLAY_NAME, sentence(str(problem(paths.library, exc))))
        return None
    preferences = Preferences(paths.preferences)
    install_translations(preferences.get("interface_language"))
    from reader.ui.shell.main_window import MainWindow

    try:
        library = Library.open(paths.library)
    except LibraryDamaged as exc:
        library = offer_recovery(paths.library, str(exc))
        if library is None:
            return None
    except LibraryError as exc:
        QMessageBox.critical(None, APP_DISPLAY_NAME, sentence(str(exc)))
        return None
    if not library.read_only:
        try:
            add_samples_on_first_start(library, resources_dir() / "articles")
        except LibraryError as exc:  # (a full disk, say: they are offered again next time)
            log.warning("the sample articles could not be added: %s", exc)
    window = MainWindow(library, preferences, State(paths.state), paths.data_dir)
    watch_library(window)
    return window


_installed: list = []


def install_translations(choice: str) -> str:
    """Load the interface language: ``choice`` is "en", "ru" or "system" (the system
    locale's language when we have it, else English). Returns the language used. Qt's own
    strings (standard buttons, dialogs) come from Qt's catalogue in the same language."""
    from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

    from reader.core.preferences import INTERFACE_LANGUAGES

    for translator in _installed:
        QCoreApplication.removeTranslator(translator)
    _installed.clear()
    language = QLocale.system().name().split("_")[0] if choice == "system" else choice
    if language not in INTERFACE_LANGUAGES:
        language = "en"
    if choice != "system" and QLocale.system().name().split("_")[0] != language:
        # Dates and numbers in the chosen language (the system's own formats when it
        # already speaks that language).
        QLocale.setDefault(QLocale(language))
    if language == "en":
        return language
    folders = (
        resources_dir() / "translations",
        Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)),
    )
    for name, folder in (
        (f"article-reader_{language}", folders[0]),
        (f"qtbase_{language}", folders[1]),
    ):
        translator = QTranslator(QCoreApplication.instance())
        if translator.load(name, str(folder)):
            QCoreApplication.installTranslator(translator)
            _installed.append(translator)
        else:
            log.warning("no %s translation in %s", name, folder)
    return language


def run_gui(
    data_dir: str | None = None, files: list[Path] | None = None, quit_after_load: bool = False
) -> int:
    """The reader window. ``files`` are imported and the first one opened; if a window
    is already open on the same library, it gets them instead and this process ends.
    ``quit_after_load`` (for smoke tests of installs and bundles) closes the window once
    the library and the files are loaded, after printing one line about them."""
    from reader.ui.shell.single_instance import hand_over

    files = list(files or [])
    paths = resolve_paths(data_dir)
    if not quit_after_load and hand_over(paths.data_dir, files):
        return 0
    app = create_app()
    problems: list[str] = []
    if quit_after_load:  # nobody is there to answer a question: it ends the run
        guard = _refuse_questions(app, problems)
    window = create_window(paths)
    if window is None:
        for line in problems:
            print(f"article-reader: {line}", file=sys.stderr)
        return 1

    def loaded() -> None:
        if files:
            if quit_after_load:
                window.importer.ask = False
                window.importer.done.connect(lambda report, _first: finish(report))
                window.importer.failed.connect(lambda message: finish(None, message))
            window.open_files(files)
        elif quit_after_load:
            finish()

    def finish(report: ImportReport | None = None, message: str | None = None) -> None:
        title = window.windowTitle()
        print(
            f"{APP_DISPLAY_NAME} {__version__}: {window.model.rowCount()} articles; "
            f"showing {title!r}"
        )
        if report is not None:
            problems.extend(str(failure) for failure in report.failures)
            if report.stopped is not None:
                problems.append(f"the import stopped: {report.stopped}")
        if message:
            problems.append(message)
        window.close()

    window.content_ready.connect(loaded)
    window.show()
    try:
        code = app.exec()
    finally:
        window.library.close()
    if quit_after_load:
        guard.stop()
        for line in problems:
            print(f"article-reader: {line}", file=sys.stderr)
        return 1 if problems else code
    return code


def _refuse_questions(app, problems: list[str]):
    """With --quit-after-load, a dialog that waits for an answer (a damaged library, a
    failed import) would wait for ever: say what it asked, and end the run instead."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QProgressDialog

    def look() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, QDialog) and not isinstance(dialog, QProgressDialog):
            text = dialog.text() if isinstance(dialog, QMessageBox) else dialog.windowTitle()
            problems.append(f"stopped at a question nobody can answer: {' '.join(text.split())}")
            dialog.reject()
            app.exit(1)

    timer = QTimer(app)
    timer.timeout.connect(look)
    timer.start(100)
    return timer
