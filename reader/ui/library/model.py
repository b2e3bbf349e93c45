"""The library list's model: every article in display order, details fetched on demand.

Only the ids are read up front (a few tens of milliseconds for 100,000 articles); a row's
title, source and date are fetched a page at a time when the view first shows them.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from reader.core.history import History, Reading, reading_state
from reader.core.store import ArticleSummary, Library
from reader.ui.common import PageCache

ID_ROLE = Qt.ItemDataRole.UserRole + 1


class LibraryModel(QAbstractTableModel):
    ORDERS = ("title", "source", "date", None)

    def __init__(
        self,
        library: Library,
        format_date: Callable[[str | None], str],
        history: History | None = None,
    ) -> None:
        super().__init__()
        self._library = library
        self._history = history
        self._format_date = format_date
        self._ids: list[int] = []
        self._rows: PageCache[tuple[ArticleSummary | None, Reading | None]] = PageCache(self._read)
        self._order, self._descending, self._filter = "date", True, ""
        self._state: str | None = None
        self.headers = (self.tr("Title"), self.tr("Source"), self.tr("Date"), self.tr("Read"))
        # Nothing is read until the view asks for an order (see LibraryPanel): the window
        # paints first, and the ids are read once, not once per setting.

    # -- what the model shows ------------------------------------------------------------

    def refresh(self) -> None:
        self.beginResetModel()
        self._ids = self._library.ids(self._order, self._descending, self._filter, self._state)
        self._rows.clear()
        self.endResetModel()

    def set_filter(self, text: str) -> None:
        if text != self._filter:
            self._filter = text
            self.refresh()

    def set_state(self, state: str | None) -> None:
        """Show only unread, in_progress or finished articles (None: all)."""
        if state != self._state:
            self._state = state
            self.refresh()

    @property
    def filter_text(self) -> str:
        return self._filter

    @property
    def filtered(self) -> bool:
        return bool(self._filter or self._state)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if self.ORDERS[column] is None:
            return  # reading progress is shown, not sorted by
        self._order = self.ORDERS[column]
        self._descending = order == Qt.SortOrder.DescendingOrder
        self.refresh()

    def reading_changed(self, article_id: int) -> None:
        """Show an article's new reading state (its row is fetched again when next shown)."""
        row = self.row_of(article_id)
        if row is None:
            return
        self._rows.forget(row)
        self.dataChanged.emit(self.index(row, 3), self.index(row, 3))

    def id_at(self, row: int) -> int | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_of(self, article_id: int) -> int | None:
        try:
            return self._ids.index(article_id)
        except ValueError:
            return None

    # -- Qt's model interface ------------------------------------------------------------

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 4

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        return None

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ):
        if not index.isValid():
            return None
        if role == ID_ROLE:
            return self._ids[index.row()]
        column = index.column()
        # A screen reader on a row hears the whole row from its first cell (it reads the
        # current cell, and the title is the one current as the reader moves up and down).
        spoken = role == Qt.ItemDataRole.AccessibleTextRole and column == 0
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole) and not spoken:
            return None
        summary, reading = self._rows.row(index.row())
        if summary is None:
            return None
        date = self._format_date((summary.published or "")[:10])
        if role == Qt.ItemDataRole.ToolTipRole:
            return "\n".join(x for x in (summary.title, summary.author, summary.source, date) if x)
        if spoken:
            return ", ".join(
                x for x in (summary.title, summary.source, date, self.progress_text(reading)) if x
            )
        if column == 0:
            return summary.title
        if column == 1:
            return summary.source or ""
        if column == 2:
            return date
        return self.progress_text(reading)

    def widest_progress_texts(self) -> list[str]:
        """What the Read column can show (and its title), for sizing it in any language."""
        return [self.headers[3], self.tr("Unread"), self.tr("Finished"), "100%"]

    def progress_text(self, reading: Reading | None) -> str:
        state = reading_state(reading)
        if state == "unread":
            return self.tr("Unread")
        if state == "finished":
            return self.tr("Finished")
        return f"{reading.percent}%"

    def _read(self, first: int, end: int) -> list[tuple[ArticleSummary | None, Reading | None]]:
        ids = self._ids[first:end]
        found = self._library.summaries_for(ids)
        readings = self._history.readings_for(ids) if self._history else {}
        return [(found.get(article_id), readings.get(article_id)) for article_id in ids]
