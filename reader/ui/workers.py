"""Slow work off the UI thread: importing files."""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QObject, QThread, Signal, Slot

from reader.core.importing import import_paths
from reader.core.library import Library


class ImportJob(QObject):
    """Imports paths in a thread of its own, with its own connection to the library."""

    progress = Signal(int, int, str)  # done, total, current file name
    finished = Signal(object)  # ImportReport
    failed = Signal(str)

    def __init__(self, library_path: Path, paths: list[Path]) -> None:
        super().__init__()
        self.library_path = library_path
        self.paths = paths
        self.cancel_event = threading.Event()
        self.thread = QThread()
        self.thread.setObjectName("import")
        self.moveToThread(self.thread)
        self.thread.started.connect(self.run)

    def start(self) -> None:
        self.thread.start()

    def cancel(self) -> None:
        self.cancel_event.set()

    @Slot()
    def run(self) -> None:
        try:
            with Library.open(self.library_path) as library:
                report = import_paths(
                    library,
                    self.paths,
                    progress=lambda done, total, path: self.progress.emit(done, total or 0, path.name),
                    cancel=self.cancel_event,
                )
        except Exception as exc:  # the library itself failed: say so, never hang the dialog
            self.failed.emit(str(exc))
            report = None
        finally:
            self.thread.quit()
        if report is not None:
            self.finished.emit(report)

    def wait(self) -> None:
        self.thread.wait()

