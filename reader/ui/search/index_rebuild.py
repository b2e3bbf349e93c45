"""The search index built again in the background (a library indexed by an older version,
or a rebuild that was interrupted), with its progress in the status bar."""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QObject, QThread, Signal, Slot
from PySide6.QtWidgets import QLabel, QStatusBar

from reader.core.store import Library


class IndexRebuild(QObject):
    """Builds the library's search index anew in a thread of its own, with its own
    connection (searching goes on with the old index meanwhile); shows how far it is in
    ``status_bar``. Stopped when the window closes: the next start goes on from there."""

    progress = Signal(int, int)  # (emitted from the job's thread: queued to the label)
    finished = Signal(bool)  # done (False: stopped, or the library refused)

    def __init__(self, library_path: Path, status_bar: QStatusBar) -> None:
        super().__init__()
        self.library_path = library_path
        self._stop = threading.Event()
        self._status_bar = status_bar
        self.label = QLabel()
        self.label.setAccessibleName(self.tr("Search index"))
        status_bar.addPermanentWidget(self.label)
        self.label.setText(self.tr("Rebuilding the search index…"))
        self.thread = QThread()
        self.thread.setObjectName("search index")
        self._worker = _Worker(library_path, self._stop)
        self._worker.moveToThread(self.thread)
        self.thread.started.connect(self._worker.run)
        self._worker.progress.connect(self._show_progress)
        self._worker.finished.connect(self._done)

    def start(self) -> None:
        self.thread.start()

    def stop_and_wait(self) -> None:
        self._stop.set()
        self.thread.quit()
        self.thread.wait()

    @Slot(int, int)
    def _show_progress(self, done: int, total: int) -> None:
        percent = 100 * done // total if total else 100
        self.label.setText(
            self.tr("Rebuilding the search index: {0}% (search uses the old one meanwhile)").format(
                percent
            )
        )
        self.progress.emit(done, total)

    @Slot(bool)
    def _done(self, done: bool) -> None:
        self.thread.quit()
        self._status_bar.removeWidget(self.label)
        if done:
            self._status_bar.showMessage(
                self.tr("The search index is rebuilt: every form of a Russian word is found"),
                8000,
            )
        self.finished.emit(done)


class _Worker(QObject):
    progress = Signal(int, int)
    finished = Signal(bool)

    def __init__(self, library_path: Path, stop: threading.Event) -> None:
        super().__init__()
        self.library_path = library_path
        self.stop = stop

    @Slot()
    def run(self) -> None:
        done = False
        try:
            with Library.open(self.library_path) as library:
                done = library.upgrade_search_index(
                    progress=lambda done, total: self.progress.emit(done, total),
                    stop=self.stop.is_set,
                )
        except Exception:  # the library refused (busy, full): the next start tries again
            import logging

            logging.getLogger(__name__).warning("rebuilding the search index", exc_info=True)
        self.finished.emit(done)
