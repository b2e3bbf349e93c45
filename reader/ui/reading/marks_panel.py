"""The Marks tab: the open article's highlights, notes and bookmarks in the order of its
text. Enter goes there, Delete removes (after asking), F2 edits a note or renames a
bookmark. Its buttons open every article's notes and export them."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QIcon, QKeyEvent, QPixmap, QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reader.core.marks import BOOKMARK, Located, Mark
from reader.ui.reading.marks import ArticleMarks, colour_names, short


class MarksList(QListWidget):
    """The list's own keys: Enter, Delete and F2."""

    activated_mark = Signal()
    delete_pressed = Signal()
    edit_pressed = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentItem() is not None:
            self.activated_mark.emit()
        elif key == Qt.Key.Key_Delete and self.currentItem() is not None:
            self.delete_pressed.emit()
        elif key == Qt.Key.Key_F2 and self.currentItem() is not None:
            self.edit_pressed.emit()
        else:
            super().keyPressEvent(event)


class MarksPanel(QWidget):
    all_notes_requested = Signal()
    export_requested = Signal()

    def __init__(self, marks: ArticleMarks, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("marksPanel")
        self._marks = marks
        self.heading = QLabel(self)
        self.heading.setWordWrap(True)
        self.list = MarksList(self)
        self.list.setObjectName("marksList")
        self.list.setAccessibleName(self.tr("Marks in this article"))
        self.list.setWordWrap(True)
        self.list.setUniformItemSizes(False)
        self.list.setAlternatingRowColors(True)
        self.heading.setBuddy(self.list)
        self.all_button = QPushButton(self.tr("All &Notes…"), self)
        self.export_button = QPushButton(self.tr("E&xport…"), self)
        buttons = QHBoxLayout()
        buttons.addWidget(self.all_button)
        buttons.addWidget(self.export_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        self.list.itemActivated.connect(lambda _item: self.go_to_current())
        self.list.activated_mark.connect(self.go_to_current)
        self.list.delete_pressed.connect(self.remove_current)
        self.list.edit_pressed.connect(self.edit_current)
        self.all_button.clicked.connect(self.all_notes_requested)
        self.export_button.clicked.connect(self.export_requested)
        self._stale = True
        self._swatches: dict[str, QIcon] = {}  # by colour
        marks.changed.connect(self.refresh)
        self.refresh()

    def tab_order(self) -> list[QWidget]:
        return [self.list, self.all_button, self.export_button]

    def refresh(self) -> None:
        """Show the open article's marks; while the tab is hidden, only once it shows (an
        article with hundreds of highlights opens without building their rows)."""
        if not self.isVisible():
            self._stale = True
            return
        self._stale = False
        current = self.current_mark()
        self.list.clear()
        names = colour_names()
        places = self._marks.marks_in_order()
        for place in places:
            item = QListWidgetItem(self._row_text(place, names))
            item.setData(Qt.ItemDataRole.UserRole, place.mark.id)
            item.setIcon(self._swatch(place.mark))
            self.list.addItem(item)
            if current is not None and place.mark.id == current.id:
                self.list.setCurrentItem(item)
        if self._marks.article_id is None:
            self.heading.setText(self.tr("No article is open."))
        elif not places:
            self.heading.setText(
                self.tr(
                    "No marks in this article yet. Select words and press Ctrl+Shift+H to "
                    "highlight them, or Ctrl+D to add a bookmark."
                )
            )
        else:
            self.heading.setText(
                self.tr("&Marks in this article: %1").replace("%1", str(len(places)))
            )
        if self.list.currentItem() is None and self.list.count():
            self.list.setCurrentRow(0)
        self.export_button.setEnabled(bool(places))

    def _row_text(self, place: Located, names: dict[str, str]) -> str:
        mark = place.mark
        if mark.kind == BOOKMARK:
            text = self.tr("Bookmark: %1").replace("%1", mark.name)
        else:
            text = self.tr("Highlight (%1): “%2”").replace(
                "%1", names.get(mark.colour or "", mark.colour or "")
            )
            text = text.replace("%2", short(mark.anchor.quote, 120))
            if mark.note:
                text += "\n" + self.tr("Note: %1").replace("%1", short(mark.note, 200))
        if place.span is None:
            text += "\n" + self.tr("(these words are no longer in the article)")
        return text

    def _swatch(self, mark: Mark) -> QIcon:
        if mark.kind == BOOKMARK:
            return QIcon()
        colours = self._marks.colours()
        background, _text = colours.get(mark.colour or "", next(iter(colours.values())))
        icon = self._swatches.get(background)
        if icon is None:
            pixmap = QPixmap(14, 14)
            pixmap.fill(QColor(background))
            icon = self._swatches[background] = QIcon(pixmap)
        return icon

    def showEvent(self, event: QShowEvent) -> None:
        if self._stale:
            self.refresh()
        super().showEvent(event)

    def current_mark(self) -> Mark | None:
        item = self.list.currentItem()
        if item is None:
            return None
        mark_id = item.data(Qt.ItemDataRole.UserRole)
        return next((p.mark for p in self._marks.located if p.mark.id == mark_id), None)

    def go_to_current(self) -> None:
        mark = self.current_mark()
        if mark is not None:
            self._marks.go_to(mark)

    def remove_current(self) -> None:
        mark = self.current_mark()
        if mark is None:
            return
        what = (
            self.tr("Remove the bookmark “%1”?").replace("%1", mark.name)
            if mark.kind == BOOKMARK
            else self.tr("Remove the highlight “%1”?").replace("%1", short(mark.anchor.quote))
        )
        if mark.note:
            what += "\n" + self.tr("Its note goes with it.")
        answer = QMessageBox.question(
            self,
            self.tr("Remove Mark"),
            what,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        row = self.list.currentRow()
        self._marks.remove([mark])
        if self.list.count():
            self.list.setCurrentRow(min(row, self.list.count() - 1))
        self.list.setFocus()

    def edit_current(self) -> None:
        mark = self.current_mark()
        if mark is None:
            return
        if mark.kind == BOOKMARK:
            name, ok = QInputDialog.getText(
                self, self.tr("Rename Bookmark"), self.tr("Bookmark name:"), text=mark.name
            )
            if ok:
                self._marks.rename(mark, name)
        else:
            self._marks.edit_note(mark)
        self.list.setFocus()
