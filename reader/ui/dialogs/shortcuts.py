"""Help → Keyboard Shortcuts: a table made from the window's own actions, so it lists
what the keys really do and cannot drift from them."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QMenu,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)


def shortcut_rows(window: QWidget) -> list[tuple[str, str, str]]:
    """(menu, action, keys) for every action of ``window`` that has a shortcut; actions
    in menus are listed under their menu, in menu order."""
    rows, seen = [], set()

    def add(action: QAction, menu: str) -> None:
        if id(action) in seen or action.isSeparator():
            return
        seen.add(id(action))
        keys = [k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts()]
        if keys:
            rows.append(
                (
                    menu,
                    action.text().replace("&&", "\0").replace("&", "").replace("\0", "&"),
                    ", ".join(keys),
                )
            )

    def walk(menu: QMenu, path: str) -> None:
        for action in menu.actions():
            if action.menu() is not None:
                walk(action.menu(), f"{path} › {_plain(action.text())}")
            else:
                # A key that works in one control only (the article's single letters)
                # is listed under that control, even when its action is in a menu too.
                add(action, _where(action) or path)

    menu_bar = getattr(window, "menuBar", None)
    if menu_bar is not None:
        for action in menu_bar().actions():
            if action.menu() is not None:
                walk(action.menu(), _plain(action.text()))
    for action in window.findChildren(QAction):
        add(action, _where(action))
    return rows


def _where(action: QAction) -> str:
    """Where an action outside the menus works: "" for anywhere in the window, or the
    name of the one control it belongs to (a list's Delete key)."""
    if action.shortcutContext() not in (
        Qt.ShortcutContext.WidgetShortcut,
        Qt.ShortcutContext.WidgetWithChildrenShortcut,
    ):
        return ""
    widget = next((o for o in action.associatedObjects() if isinstance(o, QWidget)), None)
    return widget.accessibleName() if widget is not None else ""


def _plain(text: str) -> str:
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


class ShortcutsDialog(QDialog):
    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setObjectName("keyboardShortcuts")
        self.setWindowTitle(self.tr("Keyboard Shortcuts"))
        rows = shortcut_rows(window) + self._keys_without_actions()
        self.table = QTableWidget(len(rows), 3)
        self.table.setAccessibleName(self.tr("Keyboard shortcuts"))
        self.table.setHorizontalHeaderLabels([self.tr("Where"), self.tr("Action"), self.tr("Keys")])
        for row, values in enumerate(rows):
            for column, value in enumerate(values):
                self.table.setItem(row, column, QTableWidgetItem(value or self.tr("Anywhere")))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)  # Tab goes on to Close, as in other lists
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.setCornerButtonEnabled(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(620, 560)
        # Up and Down read the actions (Left and Right the other columns).
        self.table.setCurrentCell(0, 1)
        self.table.setFocus()

    def _keys_without_actions(self) -> list[tuple[str, str, str]]:
        # Keys that Qt's own widgets handle, with no action to list them from.
        article = self.tr("Article")
        return [
            (article, self.tr("Next screen"), self.tr("Space, Page Down")),
            (article, self.tr("Previous screen"), self.tr("Shift+Space, Page Up")),
            (article, self.tr("Beginning / end"), self.tr("Home / End")),
            (article, self.tr("Larger / smaller text"), self.tr("Ctrl+mouse wheel")),
            (self.tr("Lists"), self.tr("Open the selected article"), self.tr("Enter")),
            (self.tr("Anywhere"), self.tr("Move between controls"), self.tr("Tab, Shift+Tab")),
        ]

    def rows(self) -> list[tuple[str, str, str]]:
        return [
            tuple(self.table.item(r, c).text() for c in range(3))
            for r in range(self.table.rowCount())
        ]
