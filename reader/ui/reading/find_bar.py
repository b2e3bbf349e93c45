"""Find in article: Ctrl+F, live highlighting of every match, "3 of 17", F3 to go on."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget

from reader.core.find import Matcher, literal_matches
from reader.ui.common import announce, debounce
from reader.ui.reading.article_view import ArticleView

ANNOUNCE_DELAY_MS = 400  # the match count is said once typing pauses this long


class FindBar(QWidget):
    def __init__(self, view: ArticleView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("findBar")
        self._view = view
        self.matches: list[tuple[int, int]] = []
        self.current = -1
        self.field = QLineEdit()
        self.field.setPlaceholderText(self.tr("Find in article"))
        self.field.setAccessibleName(self.tr("Find in article"))
        self.related = QCheckBox(self.tr("&Related forms"))
        self.related.setToolTip(
            self.tr("Also find other forms of the words (Казахстан, Казахстана…)")
        )
        self.count = QLabel()
        self.count.setObjectName("findCount")
        self.previous_button = QToolButton(text="↑")
        self.previous_button.setAccessibleName(self.tr("Previous match"))
        self.previous_button.setToolTip(self.tr("Previous match (Shift+F3)"))
        self.next_button = QToolButton(text="↓")
        self.next_button.setAccessibleName(self.tr("Next match"))
        self.next_button.setToolTip(self.tr("Next match (F3)"))
        self.close_button = QToolButton(text="×")
        self.close_button.setAccessibleName(self.tr("Close find bar"))
        self.close_button.setToolTip(self.tr("Close (Esc)"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        for widget in (
            self.field,
            self.related,
            self.previous_button,
            self.next_button,
            self.count,
        ):
            layout.addWidget(widget)
        layout.addStretch(1)
        layout.addWidget(self.close_button)

        self._say_count = debounce(self, ANNOUNCE_DELAY_MS, self._announce_count)
        self.field.textChanged.connect(self.refresh)
        self.related.toggled.connect(self.refresh)
        self.field.returnPressed.connect(self.next)
        self.next_button.clicked.connect(self.next)
        self.previous_button.clicked.connect(self.previous)
        self.close_button.clicked.connect(self.close_bar)
        # F3 and Shift+F3 are the window's actions (they work from the article too); a second
        # binding here would make them ambiguous to Qt.
        for keys, slot in (("Shift+Return", self.previous), ("Escape", self.close_bar)):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
        self.hide()

    def open_bar(self) -> None:
        self.show()
        self.field.setFocus()
        self.field.selectAll()
        self.refresh()

    def close_bar(self) -> None:
        self.hide()
        self.matches, self.current = [], -1
        self._view.set_highlights([])
        self._view.setFocus()

    def refresh(self) -> None:
        """Find again (the text, the option or the article changed)."""
        needle = self.field.text()
        if not needle.strip() or self.isHidden():
            self.matches = []
        elif self.related.isChecked():
            self.matches = self._view.find_ranges(Matcher.for_words(needle))
        else:
            self.matches = self._view.find_ranges(lambda text: literal_matches(text, needle))
        self.current = 0 if self.matches else -1
        self._show()

    def next(self) -> None:
        self._step(1)

    def previous(self) -> None:
        self._step(-1)

    def _step(self, direction: int) -> None:
        if self.isHidden():
            self.open_bar()
            return
        if self.matches:
            self.current = (self.current + direction) % len(self.matches)
            self._show()

    def _show(self) -> None:
        self._view.set_highlights(self.matches, self.current if self.matches else None)
        if not self.field.text().strip():
            self.count.setText("")
        elif self.matches:
            self.count.setText(
                self.tr("%1 of %2")
                .replace("%1", str(self.current + 1))
                .replace("%2", str(len(self.matches)))
            )
        else:
            self.count.setText(self.tr("No matches"))
        self.count.setAccessibleName(self.count.text())
        # Said to a screen reader too (the count is not where the focus is), once the
        # typing pauses.
        self._say_count.start()

    def _announce_count(self) -> None:
        if self.count.text() and self.isVisible():
            announce(self.field, self.count.text())
