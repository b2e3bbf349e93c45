"""What the window says when its library cannot be used as usual: damaged (with the
offer to recover what can be read), busy, on a full disk, or read-only. The words are the
command line's (reader.core.errors)."""

from __future__ import annotations

import logging

from reader import APP_DISPLAY_NAME
from reader.core.errors import LibraryDamaged, LibraryError, LibraryFull
from reader.core.store import Library
from reader.core.store.library_file import is_library_problem, problem

log = logging.getLogger(__name__)


def watch_library(window) -> None:
    """Make the window say what goes wrong with its library, wherever it is met: damage
    found while reading a page of the list, a full disk while saving the history. A
    read-only library is read as usual, but nothing is recorded and nothing offered that
    would write to it."""
    from PySide6.QtCore import QTimer

    library = window.library
    library.show_readable = True  # what can be read is listed; the rest is said to be damaged
    if library.read_only:
        _read_only(window)
    # (Later, from the event loop: the error may be met in the middle of a paint.)
    library.problem_listeners.append(
        lambda error: QTimer.singleShot(0, window, lambda: show_library_problem(window, error))
    )


def show_library_problem(window, error: BaseException) -> None:
    """Tell the reader what is wrong with the library, in the words the command line
    uses: in the status bar for as long as it lasts, and for damage or a full disk in a
    message too (once). An error that is not about the library is raised again."""
    from PySide6.QtWidgets import QLabel, QMessageBox

    if not isinstance(error, LibraryError):
        if not is_library_problem(error):
            raise error
        error = problem(window.library.path, error)
    text = sentence(str(error))
    label = window.findChild(QLabel, "libraryProblem")
    if label is None:
        label = QLabel()
        label.setObjectName("libraryProblem")
        label.setWordWrap(True)
        window.statusBar().addPermanentWidget(label, 1)
    kind = type(error).__name__
    if label.property("kind") == kind:
        return  # said already
    label.setProperty("kind", kind)
    label.setText(text)
    label.setAccessibleName(text)
    label.setToolTip(text)
    if isinstance(error, LibraryDamaged | LibraryFull):
        box = QMessageBox(
            QMessageBox.Icon.Warning, APP_DISPLAY_NAME, text, QMessageBox.StandardButton.Ok, window
        )
        box.setObjectName("libraryProblemBox")
        box.open()
    else:
        window.announce(text)


def _read_only(window) -> None:
    from PySide6.QtWidgets import QLabel

    window.history.paused = True  # (not saved as the reader's choice)
    window.history_ui.paused_label.setVisible(False)  # the label below says more
    for action in (
        window.history_ui.pause_action,
        window.history_ui.clear_action,
        *window.history_ui.retention_group.actions(),
        window.menus.import_files,
        window.menus.import_folder,
        window.library_panel.remove_action,
        window.text_size.use_for_all_action,
    ):
        action.setEnabled(False)
    window.setAcceptDrops(False)
    from PySide6.QtCore import QCoreApplication

    text = QCoreApplication.translate(
        "Application",
        "Read-only library (%1): reading works; nothing is recorded or added",
    ).replace("%1", str(window.library.path))
    label = QLabel(text)
    label.setObjectName("libraryReadOnly")
    label.setAccessibleName(text)
    window.statusBar().addPermanentWidget(label)


def offer_recovery(path, message: str) -> Library | None:
    """Ask before moving a damaged library aside; nothing is deleted either way. What
    can still be read of it goes into the fresh library (reader.core.store.salvage), and the
    status bar says how much that was."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QMessageBox

    from reader.core.store.salvage import reset_library

    question = QCoreApplication.translate(
        "Application",
        "Move the damaged file aside (it is kept, renamed) and recover what can "
        "still be read into a fresh library?",
    )
    answer = QMessageBox.warning(
        None,
        APP_DISPLAY_NAME,
        f"{sentence(message)}.\n\n{question}",
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
    )
    if answer != QMessageBox.StandardButton.Yes:
        return None
    try:
        outcome = reset_library(path)
        library = Library.open(path)
    except LibraryError as exc:
        QMessageBox.critical(None, APP_DISPLAY_NAME, sentence(str(exc)))
        return None
    if outcome.state == "recovered":
        log.warning("the damaged library was reset: %s", outcome.summary())
        library.notices.append(f"the library was damaged; {outcome.summary()}")
    return library


def sentence(text: str) -> str:
    return text[:1].upper() + text[1:]
