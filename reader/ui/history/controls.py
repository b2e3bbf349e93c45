"""The History menu, the History tab and the "History paused" sign, in one place.

The main window gives this object what it needs (the history, preferences, the tracker, a
way to open an article) and places its actions, tab and label.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from reader.core.history import History
from reader.core.preferences import RETENTION_CHOICES, Preferences

if TYPE_CHECKING:
    from reader.ui.history.panel import HistoryPanel
    from reader.ui.history.tracker import ReadingTracker


class HistoryControls(QObject):
    def __init__(
        self,
        window: QWidget,
        history: History,
        preferences: Preferences,
        tracker: ReadingTracker,
        open_article: Callable[[int], bool],
        show_tab: Callable[[QWidget], bool],
        library_changed: Callable[[], None],
    ) -> None:
        super().__init__(window)
        self._window = window
        self.history = history
        self._preferences = preferences
        self._tracker = tracker
        self._open_article = open_article
        self._show_tab = show_tab
        self._library_changed = library_changed
        self._panel: HistoryPanel | None = None
        # The tab's content is built the first time it is shown: not needed to paint.
        self.tab = QWidget()
        self.tab.setObjectName("historyTab")
        QVBoxLayout(self.tab).setContentsMargins(0, 0, 0, 0)

        self.continue_action = QAction(self.tr("&Continue Reading"), self)
        self.continue_action.setShortcut(QKeySequence("Ctrl+Shift+R"))
        self.continue_action.setToolTip(
            self.tr("Open the article you were reading, where you stopped")
        )
        self.continue_action.triggered.connect(self.continue_reading)
        self.show_action = QAction(self.tr("Show &History"), self)
        self.show_action.setShortcut(QKeySequence("Ctrl+H"))
        self.show_action.triggered.connect(self.show)
        self.pause_action = QAction(self.tr("&Pause History"), self)
        self.pause_action.setCheckable(True)
        self.pause_action.setChecked(history.paused)
        self.pause_action.toggled.connect(self.set_paused)
        self.continue_on_start_action = QAction(self.tr("Continue Reading at &Start"), self)
        self.continue_on_start_action.setCheckable(True)
        self.continue_on_start_action.setChecked(preferences.get("continue_on_start"))
        self.continue_on_start_action.toggled.connect(
            lambda on: preferences.set("continue_on_start", on)
        )
        self.clear_action = QAction(self.tr("C&lear History…"), self)
        self.clear_action.triggered.connect(lambda: self.panel.clear_history())
        self.retention_group = QActionGroup(self)
        labels = {
            0: self.tr("&Forever"),
            30: self.tr("&30 Days"),
            90: self.tr("&90 Days"),
            365: self.tr("&365 Days"),
        }
        kept = preferences.get("history_retention_days")
        for days in RETENTION_CHOICES:
            action = QAction(labels[days], self.retention_group)
            action.setCheckable(True)
            action.setChecked(days == kept)
            action.setData(days)
        self.retention_group.triggered.connect(lambda a: self.set_retention(a.data()))

        self.paused_label = QLabel(self.tr("History paused"))
        self.paused_label.setObjectName("historyPaused")
        self.paused_label.setAccessibleName(self.tr("Reading history is paused"))
        self.paused_label.setVisible(history.paused)

    def fill_menu(self, menu) -> None:
        menu.addAction(self.continue_action)
        menu.addAction(self.show_action)
        menu.addSeparator()
        menu.addAction(self.pause_action)
        menu.addAction(self.continue_on_start_action)
        keep = menu.addMenu(self.tr("&Keep History"))
        for action in self.retention_group.actions():
            keep.addAction(action)
        menu.addSeparator()
        menu.addAction(self.clear_action)

    @property
    def panel(self) -> HistoryPanel:
        if self._panel is None:
            from reader.ui.history.panel import HistoryPanel

            panel = HistoryPanel(self.history, self._confirm_clear)
            panel.open_requested.connect(self._open_article)
            panel.clear_requested.connect(self._library_changed)
            self.tab.layout().addWidget(panel)
            self._panel = panel
        return self._panel

    def refresh(self) -> None:
        if self._panel is not None:
            self._panel.refresh()

    def continue_reading(self) -> bool:
        reading = self.history.most_recent_unfinished()
        if reading is None:
            self._window.statusBar().showMessage(
                self.tr("Nothing to continue: no unfinished article in your history"), 5000
            )
            return False
        return self._open_article(reading.article_id)

    def show(self) -> None:
        """Bring the History tab forward, read afresh (once), with the list focused."""
        panel = self.panel
        if not self._show_tab(self.tab):
            panel.refresh()  # it was already in front: showing it did not refresh it
        panel.view.setFocus()

    def set_paused(self, paused: bool) -> None:
        if paused:
            self._tracker.flush()  # what was read before pausing is kept
        self.history.paused = paused
        self._preferences.set("history_paused", paused)
        self.pause_action.setChecked(paused)
        self.paused_label.setVisible(paused)

    def set_retention(self, days: int) -> None:
        self._preferences.set("history_retention_days", days)
        if self.history.apply_retention(days):
            self.refresh()
            self._library_changed()

    def _confirm_clear(self) -> bool:
        from PySide6.QtWidgets import QMessageBox

        answer = QMessageBox.question(
            self._window,
            self.tr("Clear History"),
            self.tr("Forget every article you have read and every place you stopped?")
            + "\n\n"
            + self.tr("Your articles stay in the library."),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer == QMessageBox.StandardButton.Yes:
            self._tracker.close()
            return True
        return False
