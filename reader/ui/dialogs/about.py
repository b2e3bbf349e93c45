"""Help → About Article Reader: the version, the licence, and where the library is kept."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

from reader import APP_DISPLAY_NAME, __version__


class AboutBox(QMessageBox):
    def __init__(self, parent: QWidget, data_dir: Path) -> None:
        super().__init__(parent)
        folder = QUrl.fromLocalFile(str(data_dir))
        self.setWindowTitle(self.tr("About Article Reader"))
        self.setIconPixmap(parent.windowIcon().pixmap(64, 64))
        self.setText(
            f"<h3>{APP_DISPLAY_NAME} {__version__}</h3>"
            + "<p>"
            + self.tr("An offline reader for stored articles.")
            + "</p>"
            + "<p>"
            + self.tr("License: GPL-3.0-or-later")
            + "</p>"
            + "<p>"
            + self.tr("Your library is kept in:")
            + f'<br><a href="{folder.toString()}">{data_dir}</a></p>'
        )
        label = self.findChild(QLabel, "qt_msgbox_label")
        if label is not None:  # the folder link works from the keyboard too
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        open_folder = self.addButton(
            self.tr("Open Library Folder"), QMessageBox.ButtonRole.ActionRole
        )
        self.addButton(QMessageBox.StandardButton.Close)
        open_folder.clicked.disconnect()  # keep the box open after opening the folder
        open_folder.clicked.connect(lambda: QDesktopServices.openUrl(folder))
