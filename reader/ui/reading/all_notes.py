"""All Notes: every article's highlights and notes, newest first, filtered as you type;
Enter opens the article at the mark. And the export of marks as Markdown or JSON."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from reader.core.marks import BOOKMARK, HIGHLIGHT
from reader.core.store.marks_table import MarkLine, MarkRow
from reader.ui.common import PageCache, clearable


class NotesModel(QAbstractTableModel):
    """The lines of the library-wide list (no mark is read whole until it is wanted)."""

    def __init__(self, library, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._library = library
        self.ids: list[int] = []
        self._lines: PageCache[MarkLine | None] = PageCache(
            lambda first, end: library.mark_lines(self.ids[first:end])
        )
        self._headers = [
            self.tr("Article"),
            self.tr("Marked words"),
            self.tr("Note"),
            self.tr("Date"),
        ]

    def set_ids(self, ids: list[int]) -> None:
        self.beginResetModel()
        self.ids = ids
        self._lines.clear()
        self.endResetModel()

    def line(self, row: int) -> MarkLine | None:
        return self._lines.row(row)

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.ids)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 4

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        line = self.line(index.row())
        if line is None:
            return None
        column = index.column()
        if column == 0:
            return line.title
        if column == 1:
            if line.kind == BOOKMARK:
                return self.tr("Bookmark: %1").replace("%1", line.words)
            return " ".join(line.words.split())
        if column == 2:
            return line.note if role == Qt.ItemDataRole.ToolTipRole else " ".join(line.note.split())
        return line.created[:10]

    def headerData(self, section: int, orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self._headers[section]
        return None


class NotesTable(QTableView):
    chosen = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.chosen.emit()
        else:
            super().keyPressEvent(event)


class AllNotesDialog(QDialog):
    """Every article's highlights and notes; ``open_requested(article id, mark id)``."""

    open_requested = Signal(int, int)

    def __init__(self, library, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("allNotesDialog")
        self.setWindowTitle(self.tr("All Notes and Highlights"))
        self._library = library
        self.filter_box = QLineEdit(self)
        self.filter_box.setPlaceholderText(self.tr("Filter by words or note"))
        clearable(self.filter_box, self.tr("Clear filter"))
        label = QLabel(self.tr("&Filter:"), self)
        label.setBuddy(self.filter_box)
        self.notes_only = QCheckBox(self.tr("Only highlights with &notes"), self)
        self.bookmarks = QCheckBox(self.tr("Show &bookmarks"), self)
        self.model = NotesModel(library, self)
        self.table = NotesTable(self)
        self.table.setObjectName("allNotesTable")
        self.table.setAccessibleName(self.tr("Notes and highlights, newest first"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        # (Sized to a date's width, not measured over every row: tens of thousands.)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(3, self.fontMetrics().horizontalAdvance(" 2026-12-31 ") + 16)
        header.resizeSection(0, 220)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.count_label = QLabel(self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.open_button = buttons.addButton(
            self.tr("&Open"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.export_button = buttons.addButton(
            self.tr("E&xport…"), QDialogButtonBox.ButtonRole.ActionRole
        )
        buttons.rejected.connect(self.reject)
        top = QHBoxLayout()
        top.addWidget(label)
        top.addWidget(self.filter_box, 1)
        options = QHBoxLayout()
        options.addWidget(self.notes_only)
        options.addWidget(self.bookmarks)
        options.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(options)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count_label)
        layout.addWidget(buttons)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(150)
        self._timer.timeout.connect(self.refresh)
        self.filter_box.textChanged.connect(lambda _text: self._timer.start())
        self.notes_only.toggled.connect(lambda _on: self.refresh())
        self.bookmarks.toggled.connect(lambda _on: self.refresh())
        self.table.chosen.connect(self.open_current)
        self.table.doubleClicked.connect(lambda _index: self.open_current())
        self.open_button.clicked.connect(self.open_current)
        self.export_button.clicked.connect(self.export)
        self.resize(900, 520)
        self.refresh()

    def refresh(self) -> None:
        kinds = [HIGHLIGHT, BOOKMARK] if self.bookmarks.isChecked() else [HIGHLIGHT]
        rows = self._library.mark_ids(
            self.filter_box.text().strip(), kinds, self.notes_only.isChecked()
        )
        self.model.set_ids(rows)
        self.count_label.setText(self.tr("Marks: %1").replace("%1", str(len(rows))))
        if rows:
            self.table.setCurrentIndex(self.model.index(0, 0))
        self.open_button.setEnabled(bool(rows))
        self.export_button.setEnabled(bool(rows))

    def open_current(self) -> None:
        index = self.table.currentIndex()
        if not index.isValid():
            return
        line = self.model.line(index.row())
        if line is not None:
            self.open_requested.emit(line.article_id, line.mark_id)

    def export(self) -> None:
        rows = self._library.marks_by_id(self.model.ids)
        export_marks(self, rows)


def export_marks(parent: QWidget, rows: list[MarkRow], suggested: str = "notes") -> Path | None:
    """Ask where, then write ``rows`` as Markdown or JSON (by the file type chosen)."""
    translate = QCoreApplication.translate
    from reader.core.marks_file import (
        MarkdownLabels,
        grouped_by_article,
        marks_json,
        marks_markdown,
    )

    markdown_filter = translate("ExportMarks", "Markdown (*.md)")
    json_filter = translate("ExportMarks", "JSON (*.json)")
    path, chosen = QFileDialog.getSaveFileName(
        parent,
        translate("ExportMarks", "Export Marks"),
        str(Path.home() / f"{suggested}.md"),
        f"{markdown_filter};;{json_filter}",
    )
    if not path:
        return None
    target = Path(path)
    as_json = chosen == json_filter or target.suffix.lower() == ".json"
    if not target.suffix:
        target = target.with_suffix(".json" if as_json else ".md")
    grouped = grouped_by_article(rows)
    labels = MarkdownLabels(
        source=translate("ExportMarks", "Source"),
        note=translate("ExportMarks", "Note"),
        bookmark=translate("ExportMarks", "Bookmark"),
        lost=translate("ExportMarks", "these words are no longer in the article"),
    )
    text = marks_json(grouped) if as_json else marks_markdown(grouped, labels)
    partial = target.with_name(target.name + ".part")
    try:
        partial.write_text(text, encoding="utf-8")
        partial.replace(target)
    except OSError as exc:
        QMessageBox.warning(
            parent, translate("ExportMarks", "Export Marks"), f"{target}: {exc.strerror or exc}"
        )
        return None
    return target
