"""Importing from the window: choosing files, the progress dialog, the failure summary.

The work itself runs in an ImportJob thread; this object shows it to the reader.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from reader.core.importing import ImportReport
    from reader.ui.workers import ImportJob

# How often the list catches up with a running import.
REFRESH_EVERY = 50


class Importer(QObject):
    articles_arrived = Signal()  # some articles are in: the list may catch up
    done = Signal(object)  # ImportReport, after the dialogs

    def __init__(self, library_path: Path, window: QWidget) -> None:
        super().__init__(window)
        self._library_path = library_path
        self._window = window
        self.job: ImportJob | None = None
        self.dialog = None

    @property
    def running(self) -> bool:
        return self.job is not None

    def choose_files(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        names, _ = QFileDialog.getOpenFileNames(
            self._window, self.tr("Import Files"), "",
            self.tr("Articles (*.txt *.text *.md *.markdown *.html *.htm);;All files (*)"),
        )
        if names:
            self.start([Path(n) for n in names])

    def choose_folder(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        folder = QFileDialog.getExistingDirectory(self._window, self.tr("Import Folder"))
        if folder:
            self.start([Path(folder)])

    def start(self, paths: list[Path]) -> ImportJob | None:
        from PySide6.QtWidgets import QProgressDialog

        from reader.ui.workers import ImportJob

        if self.job is not None:
            return None
        job = ImportJob(self._library_path, paths)
        dialog = QProgressDialog(self.tr("Importing…"), self.tr("Cancel"), 0, 0, self._window)
        dialog.setWindowTitle(self.tr("Import"))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(400)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        # Not job.cancel: the job lives in its busy thread, where a queued slot call would
        # wait for the import to end. Setting the event is safe from any thread.
        dialog.canceled.connect(lambda: job.cancel_event.set())
        self.dialog = dialog

        def on_progress(done: int, total: int, name: str) -> None:
            dialog.setMaximum(total)
            dialog.setValue(done)
            dialog.setLabelText(self.tr("Importing %1 of %2: %3")
                                .replace("%1", str(min(done + 1, total))).replace("%2", str(total))
                                .replace("%3", name))
            if done and done % REFRESH_EVERY == 0:
                self.articles_arrived.emit()

        job.progress.connect(on_progress)
        job.finished.connect(self._finished)
        job.failed.connect(self._failed)
        self.job = job
        job.start()
        return job

    def cancel_and_wait(self) -> None:
        if self.job is not None:
            self.job.cancel()
            self.job.wait()

    def _finished(self, report: ImportReport) -> None:
        from PySide6.QtWidgets import QMessageBox

        self._end()
        self.articles_arrived.emit()
        if report.failures:
            box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Import"),
                              self.tr("Some files could not be imported.") + "\n" + report.summary(),
                              QMessageBox.StandardButton.Ok, self._window)
            box.setDetailedText("\n".join(str(failure) for failure in report.failures))
            box.setInformativeText("\n".join(str(f) for f in report.failures[:5]))
            box.exec()
        self.done.emit(report)

    def _failed(self, message: str) -> None:
        from PySide6.QtWidgets import QMessageBox

        self._end()
        QMessageBox.critical(self._window, self.tr("Import"), message)

    def _end(self) -> None:
        if self.job is not None:
            self.job.wait()
            self.job = None
        if self.dialog is not None:
            self.dialog.close()
