"""View → Line Focus: on and off (Ctrl+Shift+L), and how many lines stay undimmed.

The preference is one number (0 off, or 1, 3 or 5 lines); off, the menu keeps the number
of lines the key turns it on with (the last chosen in this session, else 3).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMenu

from reader.core.reading_settings import LINE_FOCUS

DEFAULT_LINES = 3


class LineFocusMenu(QObject):
    chosen = Signal(int)  # lines (0: off), asked for by the reader

    def __init__(self, lines: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._lines = lines
        self._count = lines or DEFAULT_LINES
        self.toggle_action = QAction(self.tr("&Show Line Focus"), self)
        self.toggle_action.setObjectName("lineFocus")
        self.toggle_action.setCheckable(True)
        self.toggle_action.setShortcut(QKeySequence("Ctrl+Shift+L"))
        self.toggle_action.setToolTip(
            self.tr(
                "Dim the article except the lines around the text cursor or the sentence"
                " read aloud (Ctrl+Shift+L)"
            )
        )
        self.toggle_action.triggered.connect(lambda on: self.chosen.emit(self._count if on else 0))
        self.group = QActionGroup(self)
        self.count_actions: dict[int, QAction] = {}
        for count in LINE_FOCUS[1:]:
            action = QAction(self.line_text(count, mnemonic=True), self)
            action.setCheckable(True)
            action.triggered.connect(lambda _=False, n=count: self._choose(n))
            self.group.addAction(action)
            self.count_actions[count] = action
        self.show_lines(lines)

    def actions(self) -> list[QAction]:
        return [self.toggle_action, *self.count_actions.values()]

    def fill_menu(self, menu: QMenu) -> None:
        menu.addAction(self.toggle_action)
        menu.addSeparator()
        for action in self.count_actions.values():
            menu.addAction(action)

    @property
    def lines(self) -> int:
        return self._lines

    def show_lines(self, lines: int) -> None:
        """Show ``lines`` (0: off) in the menu, without asking for it."""
        self._lines = lines
        if lines:
            self._count = lines
        self.toggle_action.setChecked(bool(lines))
        self.count_actions[self._count].setChecked(True)

    def _choose(self, count: int) -> None:
        self._count = count
        self.chosen.emit(count)

    def line_text(self, count: int, mnemonic: bool = False) -> str:
        text = {
            1: self.tr("&1 Line"),
            3: self.tr("&3 Lines"),
            5: self.tr("&5 Lines"),
        }[count]
        return text if mnemonic else text.replace("&", "")

    def announcement(self, lines: int) -> str:
        """What is said when line focus is turned on or off, or its lines change."""
        return {
            0: self.tr("Line focus off"),
            1: self.tr("Line focus on: 1 line"),
            3: self.tr("Line focus on: 3 lines"),
            5: self.tr("Line focus on: 5 lines"),
        }[lines]
