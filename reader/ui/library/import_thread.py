"""Slow work off the UI thread: importing files."""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QObject, QThread, Signal, Slot

from reader.core.file_import import import_paths
from reader.core.store import Library


class ImportJob(QObject):
    """Imports paths in a thread of its own, with its own connection to the library.

    The job's signals are emitted from that thread: connect them only to slots of objects
    living in the UI thread (Qt then queues each call there), never to plain functions,
    which Qt would call in the import thread."""

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
        from reader.core.pathnames import display_path

        def progress(done: int, total: int | None, path: Path) -> None:
            self.progress.emit(done, total or 0, display_path(path.name))

        try:
            with Library.open(self.library_path) as library:
                # Each file is read in a worker process (started fresh: forking a process
                # with Qt's threads is unsafe), with a time and memory limit of its own.
                report = import_paths(
                    library, self.paths, progress=progress, cancel=self.cancel_event, isolated=True
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
