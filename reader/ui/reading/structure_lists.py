"""The Contents and Links lists: the article's headings as an outline (Enter goes there)
and its links (Enter opens one in the system browser, and nothing opens before that)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QAccessible, QAccessibleEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reader.ui.reading.structure import Part

PART = Qt.ItemDataRole.UserRole


class _PartsDialog(QDialog):
    """A list of the article's parts with a default button; ``chosen`` carries the part
    the reader went to."""

    chosen = Signal(object)

    def __init__(self, parent: QWidget, title: str, empty: str, list_name: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.tree = QTreeWidget(self)
        self.tree.setAccessibleName(list_name)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setUniformRowHeights(True)
        self.tree.setTabKeyNavigation(False)
        self.tree.installEventFilter(self)
        # Enter reaches the default button; a double click is a choice as well.
        self.default_button: QPushButton | None = None
        self.tree.itemDoubleClicked.connect(self._double_clicked)
        self.empty = QLabel(empty, self)
        self.empty.setWordWrap(True)
        self.note = QLabel(self)  # why a choice did nothing
        self.note.setWordWrap(True)
        self.note.hide()
        self.buttons = QDialogButtonBox(self)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.empty)
        layout.addWidget(self.note)
        layout.addWidget(self.buttons)
        self.resize(560, 480)

    def _finish(self, count: int, current: QTreeWidgetItem | None) -> None:
        self.tree.setVisible(count > 0)
        self.empty.setVisible(count == 0)
        for button in self.buttons.buttons():
            if self.buttons.buttonRole(button) != QDialogButtonBox.ButtonRole.RejectRole:
                button.setEnabled(count > 0)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        if current is None and count:
            current = self.tree.topLevelItem(0)
        if current is not None:
            self.tree.setCurrentItem(current)
            self.tree.scrollToItem(current)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusIn:
            QTimer.singleShot(0, self, self._tell_current_row)
        return False

    def _tell_current_row(self) -> None:
        # Qt tells screen readers that the list has the focus, not which row is current:
        # the row the list opened at is said as focused too (as when moving to it).
        if not self.tree.hasFocus():
            return
        row = QAccessible.queryAccessibleInterface(self.tree).focusChild()
        if row is not None:
            QAccessible.updateAccessibility(QAccessibleEvent(row, QAccessible.Event.Focus))

    def showEvent(self, event) -> None:
        super().showEvent(event)
        # The list has the keyboard focus (Enter chooses), or Close when it is empty.
        if self.tree.topLevelItemCount():
            self.tree.setFocus()
        else:
            self.buttons.button(QDialogButtonBox.StandardButton.Close).setFocus()

    def _double_clicked(self) -> None:
        if self.default_button is not None:
            self.default_button.click()

    def current_part(self) -> Part | None:
        item = self.tree.currentItem()
        return item.data(0, PART) if item is not None else None

    def rows(self) -> list[str]:
        """Each row's text as shown (an outline's rows indented two spaces a level)."""
        rows: list[str] = []

        def walk(item: QTreeWidgetItem, depth: int) -> None:
            cells = [item.text(c) for c in range(self.tree.columnCount())]
            rows.append("  " * depth + " — ".join(c for c in cells if c))
            for index in range(item.childCount()):
                walk(item.child(index), depth + 1)

        for index in range(self.tree.topLevelItemCount()):
            walk(self.tree.topLevelItem(index), 0)
        return rows

    def _go(self) -> None:
        part = self.current_part()
        if part is not None:
            self.accept()
            self.chosen.emit(part)


class ContentsDialog(_PartsDialog):
    """The headings as an outline, open where the reader is; Enter goes to one."""

    def __init__(self, parent: QWidget, headings: list[Part], here: Part | None) -> None:
        super().__init__(
            parent,
            self.tr("Contents"),
            self.tr("This article has no headings."),
            self.tr("Headings"),
        )
        self.setObjectName("contentsDialog")
        self.tree.setHeaderHidden(True)
        go = self.buttons.addButton(
            self.tr("&Go to Heading"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        go.setDefault(True)
        go.clicked.connect(self._go)
        self.default_button = go
        current = None
        open_: list[tuple[int, QTreeWidgetItem]] = []  # the outline's open levels
        for part in headings:
            while open_ and open_[-1][0] >= part.level:
                open_.pop()
            item = QTreeWidgetItem([part.text])
            item.setData(0, PART, part)
            item.setToolTip(0, part.text)
            if open_:
                open_[-1][1].addChild(item)
            else:
                self.tree.addTopLevelItem(item)
            open_.append((part.level, item))
            if part == here:
                current = item
        self.tree.expandAll()
        self._finish(len(headings), current)


class LinksDialog(_PartsDialog):
    """The article's links and their addresses. Moving through the list opens nothing;
    Enter (or Open Link) opens the chosen one in the system browser, as a click would;
    Go to Link puts the text cursor on it in the article."""

    opened = Signal(str)  # what to tell the reader once a link is opened

    def __init__(
        self,
        parent: QWidget,
        links: list[Part],
        here: Part | None,
        open_link: Callable[[QUrl], bool],
    ) -> None:
        super().__init__(
            parent,
            self.tr("Links"),
            self.tr("This article has no links."),
            self.tr("Links in the article"),
        )
        self.setObjectName("linksDialog")
        self._open_link = open_link
        self.tree.setColumnCount(2)
        self.tree.setHeaderLabels([self.tr("Link"), self.tr("Address")])
        self.tree.setRootIsDecorated(False)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        self.tree.header().setStretchLastSection(True)
        self.open_button = self.buttons.addButton(
            self.tr("&Open Link"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.open_button.setDefault(True)
        self.open_button.clicked.connect(self._open)
        self.default_button = self.open_button
        self.go_button: QPushButton = self.buttons.addButton(
            self.tr("&Go to Link"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.go_button.setAutoDefault(False)
        self.go_button.clicked.connect(self._go)
        current = None
        for part in links:
            item = QTreeWidgetItem([part.text or part.href, part.href])
            item.setData(0, PART, part)
            item.setToolTip(1, part.href)
            self.tree.addTopLevelItem(item)
            if part == here:
                current = item
        self.tree.setColumnWidth(0, 260)
        self._finish(len(links), current)

    def _open(self) -> None:
        part = self.current_part()
        if part is None:
            return
        if self._open_link(QUrl(part.href)):
            self.accept()
            self.opened.emit(self.tr("Opened in the browser: %1").replace("%1", part.href))
            return
        self.note.setText(
            self.tr("Not opened: %1 is not a web or e-mail address.").replace("%1", part.href)
        )
        self.note.show()
