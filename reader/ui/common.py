"""Small pieces several panels share."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from typing import Generic, TypeVar

from PySide6.QtCore import QCoreApplication, QLocale, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QTableView, QWidget

from reader.core.history import STATES

Row = TypeVar("Row")


class PageCache(Generic[Row]):
    """A long list's rows read a page at a time, when first asked for, and the pages
    used last kept (a list of 100,000 articles is read as the reader scrolls to it).

    ``read(first, end)`` reads the rows from ``first`` up to, not including, ``end``
    (which may be past the last row); it returns them in order, one per row."""

    def __init__(
        self, read: Callable[[int, int], list[Row]], page: int = 200, kept: int = 64
    ) -> None:
        self._read = read
        self.page = page
        self._kept = kept
        self._pages: OrderedDict[int, list[Row]] = OrderedDict()

    def row(self, row: int) -> Row:
        number = row // self.page
        rows = self._pages.get(number)
        if rows is None:
            rows = self._pages[number] = self._read(number * self.page, (number + 1) * self.page)
            if len(self._pages) > self._kept:
                self._pages.popitem(last=False)
        else:
            self._pages.move_to_end(number)
        return rows[row % self.page]

    def forget(self, row: int) -> None:
        """Read the page of ``row`` again when it is next asked for."""
        self._pages.pop(row // self.page, None)

    def clear(self) -> None:
        self._pages.clear()


class RowList(QTableView):
    """A table read as a list of rows: Home and End go to the first and the last row (in
    a plain table they go to the first and the last cell of the row)."""

    resized = Signal()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.resized.emit()

    def moveCursor(self, action, modifiers):
        if action in (
            QAbstractItemView.CursorAction.MoveHome,
            QAbstractItemView.CursorAction.MoveEnd,
        ):
            modifiers |= Qt.KeyboardModifier.ControlModifier
        return super().moveCursor(action, modifiers)


def adopt_viewport(area: QWidget) -> QWidget:
    """Give Python the viewport of a scroll area (text view, list, table) by its object name.

    Asked for with viewport(), a plain QWidget made by Qt sends PySide looking through
    every widget class it knows (about 10 ms, once per process, on the way to the first
    paint); found by name it is wrapped at once, and viewport() then returns that wrapper.
    """
    return area.findChild(QWidget, "qt_scrollarea_viewport")


def debounce(parent: QObject, milliseconds: int, slot: Callable[[], object]) -> QTimer:
    """A single-shot timer that runs ``slot`` once the input has been still for a moment.

    (Set up with setters: PySide6 6.12's keyword properties mishandled True.)
    """
    timer = QTimer(parent)
    timer.setSingleShot(True)
    timer.setInterval(milliseconds)
    timer.timeout.connect(slot)
    return timer


def delete_action(view: QWidget, text: str, slot: Callable[[], object]) -> QAction:
    """The Delete key on ``view`` (only while it has focus), also usable from a menu."""
    action = QAction(text, view)
    action.setShortcut(QKeySequence.StandardKey.Delete)
    action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
    action.triggered.connect(slot)
    view.addAction(action)
    return action


def announce(widget: QWidget, message: str, status_bar=None) -> None:
    """Tell a screen reader ``message`` (Qt's accessibility announcement, Qt 6.8 and
    later), and show it in ``status_bar`` for everyone else."""
    if status_bar is not None:
        status_bar.showMessage(message, 4000)
    try:
        from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent
    except ImportError:  # an older Qt: the status bar has said it
        return
    QAccessible.updateAccessibility(QAccessibleAnnouncementEvent(widget, message))


def clearable(edit, name: str) -> None:
    """Give ``edit`` Qt's clear button, named (Qt leaves it nameless for screen readers)."""
    edit.setClearButtonEnabled(True)
    for action in edit.findChildren(QAction):
        if action.objectName() == "_q_qlineeditclearaction":
            action.setText(name)
            action.setToolTip(name)


def reading_choices(with_days: bool = False) -> list[tuple[str, str | int]]:
    """What a list can be narrowed to by reading, as (what the reader sees, value): the
    reading states (the library's filter), and with ``with_days`` also "read in the last
    N days" (the search filter; the value is N)."""
    names = {
        "unread": QCoreApplication.translate("ReadingChoices", "Unread"),
        "in_progress": QCoreApplication.translate("ReadingChoices", "In progress"),
        "finished": QCoreApplication.translate("ReadingChoices", "Finished"),
    }
    choices: list[tuple[str, str | int]] = [(names[state], state) for state in STATES]
    if with_days:
        choices += [
            (QCoreApplication.translate("ReadingChoices", "Read in the last 7 days"), 7),
            (QCoreApplication.translate("ReadingChoices", "Read in the last 30 days"), 30),
        ]
    return choices


def format_date(iso: str | None, long: bool = False) -> str:
    """A publication date in the interface language's format; as given if unreadable."""
    if not iso:
        return ""
    from PySide6.QtCore import QDate, QDateTime, QTime  # (readied when the list is filled)

    locale = QLocale()
    style = QLocale.FormatType.LongFormat if long else QLocale.FormatType.ShortFormat
    if len(iso) == 10:
        date = QDate.fromString(iso, Qt.DateFormat.ISODate)
        return locale.toString(date, style) if date.isValid() else iso
    moment = QDateTime.fromString(iso[:19], Qt.DateFormat.ISODate)
    if not moment.isValid():
        return iso
    time = moment.time()
    shown = QTime(time.hour(), time.minute())
    clock = locale.toString(shown, QLocale.FormatType.ShortFormat)
    return f"{locale.toString(moment.date(), style)}, {clock}"
