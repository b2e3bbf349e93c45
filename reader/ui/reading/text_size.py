"""The "− o +" text size control: the actions, the toolbar widget, and the rules.

Sizes follow one scale (reader.core.text_size). One size applies to every article; an
article may also keep a size of its own ("Remember size for this article"). While the
open article has its own size, − o + change that size, and the label says so.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolButton, QWidget

from reader.core import text_size
from reader.core.preferences import Preferences
from reader.core.store import Library


def _unique(standard: QKeySequence.StandardKey, *extra: str) -> list[QKeySequence]:
    """The platform's standard keys plus ours, each once: a key bound twice to one
    action is ambiguous to Qt, and then neither binding fires."""
    keys: list[QKeySequence] = []
    for key in [*QKeySequence.keyBindings(standard), *map(QKeySequence, extra)]:
        if key not in keys:
            keys.append(key)
    return keys


class TextSize(QObject):
    """The text size in force, where it comes from, and the actions that change it."""

    changed = Signal(int)
    # What screen readers and the status bar are told: only a new size (opening an
    # article at the size already in view says nothing).
    announcement = Signal(str)

    def __init__(self, preferences: Preferences, library: Library, parent: QObject | None = None):
        super().__init__(parent)
        self._prefs = preferences
        self._library = library
        self._article_id: int | None = None
        self._own: int | None = None

        self.smaller_action = QAction(self.tr("Smaller Text"), self)
        self.smaller_action.setIconText("−")
        self.smaller_action.setShortcuts(_unique(QKeySequence.StandardKey.ZoomOut, "Ctrl+-"))
        self.smaller_action.setToolTip(self.tr("Smaller text (Ctrl+−)"))
        self.reset_action = QAction(self.tr("Reset Text Size (100%)"), self)
        self.reset_action.setIconText("o")
        self.reset_action.setShortcut(QKeySequence("Ctrl+0"))
        self.reset_action.setToolTip(self.tr("Reset text size (100%) (Ctrl+0)"))
        self.larger_action = QAction(self.tr("Larger Text"), self)
        self.larger_action.setIconText("+")
        self.larger_action.setShortcuts(
            _unique(QKeySequence.StandardKey.ZoomIn, "Ctrl++", "Ctrl+=")
        )
        self.larger_action.setToolTip(self.tr("Larger text (Ctrl++)"))
        self.remember_action = QAction(self.tr("Remember Size for This Article"), self)
        self.remember_action.setCheckable(True)
        self.use_for_all_action = QAction(self.tr("Use This Size for All Articles"), self)
        for action in self.actions():
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)

        self.smaller_action.triggered.connect(self.smaller)
        self.reset_action.triggered.connect(self.reset)
        self.larger_action.triggered.connect(self.larger)
        self.remember_action.toggled.connect(self.remember_for_article)
        self.use_for_all_action.triggered.connect(self.use_for_all)
        self._sync_actions()
        self._said = self.percent

    def _emit(self, percent: int) -> None:
        # Said once the label and the article show the new size (as they did when the
        # window announced it): ``changed``'s receivers run first.
        self.changed.emit(percent)
        if percent != self._said:
            self._said = percent
            self.announcement.emit(self.tr("Text size %1%").replace("%1", str(percent)))

    def actions(self) -> list[QAction]:
        return [
            self.smaller_action,
            self.reset_action,
            self.larger_action,
            self.remember_action,
            self.use_for_all_action,
        ]

    # -- state ---------------------------------------------------------------------------

    @property
    def percent(self) -> int:
        return self._own if self._own is not None else self._prefs.get("text_size_percent")

    @property
    def article_has_own_size(self) -> bool:
        return self._own is not None

    def set_article(self, article_id: int | None) -> None:
        self._article_id = article_id
        self._own = self._library.text_size(article_id) if article_id is not None else None
        if self._own is not None:
            self._own = text_size.clamp(self._own)
        self._sync_actions()
        self._emit(self.percent)

    # -- changes -------------------------------------------------------------------------

    def smaller(self) -> None:
        self._set(text_size.smaller(self.percent))

    def larger(self) -> None:
        self._set(text_size.larger(self.percent))

    def reset(self) -> None:
        self._set(text_size.DEFAULT)

    def step(self, direction: int) -> None:
        self.larger() if direction > 0 else self.smaller()

    def remember_for_article(self, remember: bool) -> None:
        if self._article_id is None or remember == self.article_has_own_size:
            self._sync_actions()
            return
        self._own = self.percent if remember else None
        self._library.set_text_size(self._article_id, self._own)
        self._sync_actions()
        self._emit(self.percent)

    def use_for_all(self) -> None:
        """The size in view becomes everyone's, and this article follows it again."""
        percent = self.percent
        self._prefs.set("text_size_percent", percent)
        if self._article_id is not None and self._own is not None:
            self._library.set_text_size(self._article_id, None)
        self._own = None
        self._sync_actions()
        self._emit(percent)

    def set_default_percent(self, percent: int) -> None:
        """The size for every article (a preset's): an article's own size stays its own."""
        percent = min(text_size.STEPS, key=lambda step: abs(step - percent))
        self._prefs.set("text_size_percent", percent)
        self._sync_actions()
        self._emit(self.percent)

    def _set(self, percent: int) -> None:
        if percent == self.percent:
            return
        if self._own is not None and self._article_id is not None:
            self._own = percent
            if not self._library.read_only:  # (a read-only library keeps what it had)
                self._library.set_text_size(self._article_id, percent)
        else:
            self._prefs.set("text_size_percent", percent)
        self._sync_actions()
        self._emit(percent)

    def _sync_actions(self) -> None:
        percent = self.percent
        self.smaller_action.setEnabled(percent > text_size.SMALLEST)
        self.larger_action.setEnabled(percent < text_size.LARGEST)
        writable = not self._library.read_only
        self.remember_action.setEnabled(self._article_id is not None and writable)
        self.remember_action.blockSignals(True)
        self.remember_action.setChecked(self.article_has_own_size)
        self.remember_action.blockSignals(False)
        self.use_for_all_action.setEnabled(self.article_has_own_size and writable)

    def label_text(self) -> str:
        if self.article_has_own_size:
            return self.tr("%1% (this article)").replace("%1", str(self.percent))
        return f"{self.percent}%"


class TextSizeWidget(QWidget):
    """Three buttons in the signature order − o +, and the size beside them."""

    def __init__(self, size: TextSize, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("textSizeControl")
        self._size = size
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 0, 4, 0)
        layout.setSpacing(2)
        self.buttons: list[QToolButton] = []
        names = (
            (size.smaller_action, self.tr("Smaller text")),
            (size.reset_action, self.tr("Reset text size (100%)")),
            (size.larger_action, self.tr("Larger text")),
        )
        for action, name in names:
            button = QToolButton(self)
            button.setDefaultAction(action)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            button.setAccessibleName(name)
            button.setToolTip(action.toolTip())
            button.setMinimumWidth(button.fontMetrics().horizontalAdvance("MM") + 12)
            font = button.font()
            font.setPointSizeF(font.pointSizeF() * 1.25)
            font.setBold(True)
            button.setFont(font)
            layout.addWidget(button)
            self.buttons.append(button)
        self.label = QLabel(self)
        self.label.setObjectName("textSizeLabel")
        self.label.setMinimumWidth(
            self.label.fontMetrics().horizontalAdvance("400% (this article)") // 2
        )
        layout.addWidget(self.label)
        size.changed.connect(self._update)
        self._update()

    def _update(self, *_: object) -> None:
        self.label.setText(self._size.label_text())
        self.label.setAccessibleName(self.tr("Text size %1").replace("%1", self._size.label_text()))
        if self._size.article_has_own_size:
            self.label.setToolTip(self.tr("This article keeps its own text size"))
        else:
            self.label.setToolTip(self.tr("Text size for all articles"))
