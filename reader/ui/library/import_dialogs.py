"""Importing from the window: choosing files, the progress dialog, the failure summary.

The work itself runs in an ImportJob thread; this object shows it to the reader.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from reader.core.file_import import ImportReport
    from reader.ui.library.import_thread import ImportJob

# How often the list catches up with a running import.
REFRESH_EVERY = 50


class Importer(QObject):
    failed = Signal(str)  # the import could not run (the message, after its dialog)
    articles_arrived = Signal()  # some articles are in: the list may catch up
    done = Signal(object, bool)  # ImportReport, and whether its first article is to be opened

    def __init__(self, library_path: Path, window: QWidget) -> None:
        super().__init__(window)
        self._library_path = library_path
        self._window = window
        self.job: ImportJob | None = None
        self.dialog = None
        self.ask = True  # False: failures go only into the report (no dialog to answer)
        self._open_first = False
        self._waiting: list[tuple[list[Path], bool]] = []  # paths that came while busy

    @property
    def running(self) -> bool:
        return self.job is not None

    def choose_files(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        names, _ = QFileDialog.getOpenFileNames(
            self._window,
            self.tr("Import Files"),
            "",
            self.tr(
                "Articles (*.txt *.text *.md *.markdown *.html *.htm *.mhtml *.mht);;All files (*)"
            ),
        )
        if names:
            self.start([Path(n) for n in names])

    def choose_folder(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        folder = QFileDialog.getExistingDirectory(self._window, self.tr("Import Folder"))
        if folder:
            self.start([Path(folder)])

    def start(self, paths: list[Path]) -> ImportJob | None:
        """Import ``paths`` in the background; None (and nothing started) while another
        import runs."""
        if self.job is not None:
            return None
        return self._start(paths, open_first=False)

    def open(self, paths: list[Path]) -> None:
        """Import ``paths`` and then open the first of them (files from outside: the
        command line, a second start, the file manager). While an import runs they wait
        for it: they are never dropped."""
        if self.job is not None:
            self._waiting.append((paths, True))
        else:
            self._start(paths, open_first=True)

    def _start(self, paths: list[Path], open_first: bool) -> ImportJob:
        from PySide6.QtWidgets import QProgressDialog

        from reader.ui.library.import_thread import ImportJob

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
        # Slots of this object, which lives in the UI thread: Qt queues each call there.
        # (A plain function would be called in the import thread, and touching widgets
        # from there crashed the app.)
        job.progress.connect(self._progress, Qt.ConnectionType.QueuedConnection)
        job.finished.connect(self._finished, Qt.ConnectionType.QueuedConnection)
        job.failed.connect(self._failed, Qt.ConnectionType.QueuedConnection)
        self.job = job
        self._open_first = open_first
        job.start()
        return job

    def _progress(self, done: int, total: int, name: str) -> None:
        dialog = self.dialog
        if dialog is None or self.job is None or self.job.cancel_event.is_set():
            return
        dialog.setMaximum(total)
        dialog.setValue(done)
        dialog.setLabelText(
            self.tr("Importing %1 of %2: %3")
            .replace("%1", str(min(done + 1, total)))
            .replace("%2", str(total))
            .replace("%3", name)
        )
        if done and done % REFRESH_EVERY == 0:
            self.articles_arrived.emit()

    def cancel_and_wait(self) -> None:
        self._waiting.clear()
        if self.job is not None:
            self.job.cancel()
            self.job.wait()

    def _finished(self, report: ImportReport) -> None:
        from PySide6.QtWidgets import QMessageBox

        open_first = self._open_first
        self._end()
        self.articles_arrived.emit()
        if report.stopped is not None and self.ask:
            # (The library's own sentence: it names the library and what to do.)
            text = self.tr("The import stopped: %1").replace("%1", str(report.stopped))
            box = QMessageBox(
                QMessageBox.Icon.Critical,
                self.tr("Import"),
                text + "\n" + report.summary(),
                QMessageBox.StandardButton.Ok,
                self._window,
            )
            if report.failures:
                box.setDetailedText("\n".join(str(failure) for failure in report.failures))
            box.exec()
        elif report.failures and self.ask:
            summary = report.summary()
            box = QMessageBox(
                QMessageBox.Icon.Warning,
                self.tr("Import"),
                self.tr("Some files could not be imported.") + "\n" + summary,
                QMessageBox.StandardButton.Ok,
                self._window,
            )
            problems = report.failures + report.pictures_dropped
            box.setDetailedText("\n".join(str(problem) for problem in problems))
            box.setInformativeText("\n".join(str(f) for f in report.failures[:5]))
            box.exec()
        elif report.pictures_dropped and self.ask:
            box = QMessageBox(
                QMessageBox.Icon.Information,
                self.tr("Import"),
                self.tr("Some pictures could not be kept; the articles were imported without them.")
                + "\n"
                + report.summary(),
                QMessageBox.StandardButton.Ok,
                self._window,
            )
            box.setDetailedText("\n".join(str(note) for note in report.pictures_dropped))
            box.setInformativeText("\n".join(str(n) for n in report.pictures_dropped[:5]))
            box.exec()
        self.done.emit(report, open_first)
        self._next()

    def _failed(self, message: str) -> None:
        from PySide6.QtWidgets import QMessageBox

        self._end()
        if self.ask:
            QMessageBox.critical(self._window, self.tr("Import"), message)
        self.failed.emit(message)
        self._next()

    def _next(self) -> None:
        if self._waiting and self.job is None:
            paths, open_first = self._waiting.pop(0)
            self._start(paths, open_first)

    def _end(self) -> None:
        if self.job is not None:
            self.job.wait()
            self.job = None
        if self.dialog is not None:
            self.dialog.close()
            self.dialog.deleteLater()
            self.dialog = None
