"""Recording reading as it happens: position, how far, and active time.

Positions are saved a couple of seconds after the reader scrolls (and at once when they
switch article or close the window), each in its own small transaction. Reading time
counts only while the window is active and the reader has not been idle for two minutes.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication, QWidget

from reader.core.errors import LibraryError
from reader.core.history import History, Reading
from reader.ui.common import debounce
from reader.ui.reading.article_view import ArticleView

log = logging.getLogger(__name__)

SAVE_DELAY_MS = 2000
TICK_MS = 5000
IDLE_SECONDS = 120

_ACTIVITY = {
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.Wheel,
    QEvent.Type.MouseMove,
}


class ReadingTracker(QObject):
    saved = Signal(int)  # an article's reading record changed

    def __init__(
        self,
        history: History,
        view: ArticleView,
        window: QWidget,
        clock: Callable[[], float] = time.monotonic,
        save_delay_ms: int = SAVE_DELAY_MS,
    ) -> None:
        super().__init__(window)
        self.history = history
        self._view = view
        self._window = window
        self._clock = clock
        self.article_id: int | None = None
        self._dirty = False
        self._active_seconds = 0.0
        self._last_activity = clock()
        self._save_timer = debounce(self, save_delay_ms, self.flush)
        self._tick = QTimer(self)
        self._tick.setInterval(TICK_MS)
        self._tick.timeout.connect(self._count_time)
        self._tick.start()
        view.verticalScrollBar().valueChanged.connect(self._moved)
        # Input is watched (to tell reading from idling) from the first article on: an
        # application-wide filter sees every event, and before then there is nothing to time.
        self._watching = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _ACTIVITY:
            self._last_activity = self._clock()
        return False

    def open(self, article_id: int) -> Reading | None:
        """Start reading an article; returns where the reader stopped last time."""
        self.flush()
        self.article_id = article_id
        self._active_seconds = 0.0
        self._last_activity = self._clock()
        app = QApplication.instance()
        if not self._watching and app is not None:
            app.installEventFilter(self)
            self._watching = True
        reading = self.history.get(article_id)
        try:
            self.history.open_session(article_id)
        except LibraryError as exc:  # a full or locked library must not stop reading
            log.warning("could not record the reading session: %s", exc)
        else:
            self.saved.emit(article_id)
        return reading

    def close(self) -> None:
        self.flush()
        self.article_id = None

    def stop(self) -> None:
        """The window is going away: save, and stop watching the application's input."""
        self.close()
        self._tick.stop()
        app = QApplication.instance()
        if self._watching and app is not None:
            app.removeEventFilter(self)
            self._watching = False

    def touch(self) -> None:
        """The view shows a new place (an article was just opened): save it soon."""
        self._moved(0)

    def _moved(self, _value: int) -> None:
        if self.article_id is None:
            return
        self._dirty = True
        # Not restarted on every movement: steady scrolling still saves once a delay.
        if not self._save_timer.isActive():
            self._save_timer.start()

    def _count_time(self) -> None:
        if self._window.isActiveWindow() and self._clock() - self._last_activity < IDLE_SECONDS:
            self._active_seconds += TICK_MS / 1000

    def flush(self) -> None:
        """Write the position now (if anything changed)."""
        self._save_timer.stop()
        if self.article_id is None or not (self._dirty or self._active_seconds):
            return
        block, fraction = self._view.top_position()
        try:
            self.history.record_progress(
                self.article_id, block, fraction, self.seen(), self._active_seconds
            )
        except LibraryError as exc:  # a locked or vanished library must not stop reading
            log.warning("could not save the reading position: %s", exc)
        else:
            self.saved.emit(self.article_id)
        self._dirty = False
        self._active_seconds = 0.0

    def seen(self) -> float:
        """How far down the article the reader has had in view (0..1)."""
        document = self._view.document()
        height = document.documentLayout().documentSize().height()
        if height <= 0:
            return 0.0
        bottom = self._view.verticalScrollBar().value() + self._view.viewport().height()
        return min(1.0, bottom / height)
