"""Asking before articles leave the library."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from reader.core.store import Library


def confirm_removal(parent: QWidget, library: Library, ids: list[int]) -> bool:
    """True once the reader has agreed to remove ``ids`` (named, when only one)."""

    # (Each string spelled out in QCoreApplication.translate: so lupdate finds it, in its
    # class; through a local helper it was filed under no class and never found.)
    if len(ids) == 1:
        summary = library.summaries_for(ids).get(ids[0])
        question = QCoreApplication.translate("Removal", "Remove “%1” from the library?").replace(
            "%1", summary.title if summary else ""
        )
    else:
        question = QCoreApplication.translate(
            "Removal", "Remove %1 articles from the library?"
        ).replace("%1", str(len(ids)))
    answer = QMessageBox.question(
        parent,
        QCoreApplication.translate("Removal", "Remove from Library"),
        question
        + "\n\n"
        + QCoreApplication.translate(
            "Removal", "The files you imported them from are not touched."
        ),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Cancel,
    )
    return answer == QMessageBox.StandardButton.Yes
