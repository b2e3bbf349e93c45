"""The History panel: what was read, grouped Today / Yesterday / This week / Earlier."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import (
    QAbstractListModel,
    QDateTime,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reader.core.history import History, HistoryEntry
from reader.ui.common import PageCache, RowList, clearable, debounce, delete_action

ID_ROLE = Qt.ItemDataRole.UserRole + 1


class HistoryModel(QAbstractListModel):
    """Group headings and entries in one list; entries are fetched a page at a time."""

    def __init__(self, history: History) -> None:
        super().__init__()
        self._history = history
        self._ids: list[int] = []
        self._headings: list[tuple[int, str, int]] = []
        self._entries: PageCache[HistoryEntry | None] = PageCache(self._read)
        self._filter = ""
        self.group_names = {
            "today": self.tr("Today"),
            "yesterday": self.tr("Yesterday"),
            "this_week": self.tr("This week"),
            "earlier": self.tr("Earlier"),
        }

    def refresh(self, text: str | None = None) -> None:
        if text is not None:
            self._filter = text
        self.beginResetModel()
        self._ids, counts = self._history.grouped_ids(self._filter)
        # A heading row before each group: (row of the heading, group, entries before it).
        self._headings = []
        row = before = 0
        for name, count in counts:
            self._headings.append((row, name, before))
            row += count + 1
            before += count
        self._entries.clear()
        self.endResetModel()

    def entry_count(self) -> int:
        return len(self._ids)

    def _locate(self, row: int) -> tuple[str | None, int | None]:
        """The group heading at ``row``, or the index of the entry shown there."""
        for heading_row, name, before in reversed(self._headings):
            if row == heading_row:
                return name, None
            if row > heading_row:
                return None, before + row - heading_row - 1
        return None, None

    def id_at(self, row: int) -> int | None:
        if not 0 <= row < self.rowCount():
            return None
        _group, entry = self._locate(row)
        return self._ids[entry] if entry is not None else None

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids) + len(self._headings)

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ):
        if not index.isValid():
            return None
        group, entry_index = self._locate(index.row())
        if group is not None:
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
                return self.group_names[group]
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setBold(True)
                return font
            return None
        if role == ID_ROLE:
            return self._ids[entry_index]
        if role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
            Qt.ItemDataRole.AccessibleTextRole,
        ):
            return None
        entry = self._entries.row(index.row())
        if entry is None:
            return None
        return self.describe(entry)

    def describe(self, entry: HistoryEntry) -> str:
        reading = entry.reading
        when = QLocale().toString(
            QDateTime.fromSecsSinceEpoch(int(reading.last_opened)), QLocale.FormatType.ShortFormat
        )
        progress = self.tr("finished") if reading.finished else f"{reading.percent}%"
        source = f" · {entry.source}" if entry.source else ""
        return f"{entry.title}\n{when}{source} · {progress}"

    def _read(self, first: int, end: int) -> list[HistoryEntry | None]:
        """The entries shown in rows ``first`` to ``end`` (None for a group heading)."""
        ids = [self.id_at(row) for row in range(first, min(self.rowCount(), end))]
        found = {e.reading.article_id: e for e in self._history.entries_for([i for i in ids if i])}
        return [found.get(article_id) if article_id is not None else None for article_id in ids]


class HistoryPanel(QWidget):
    open_requested = Signal(int)
    clear_requested = Signal()

    def __init__(
        self, history: History, confirm_clear: Callable[[], bool], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.model = HistoryModel(history)
        self._confirm_clear = confirm_clear
        self.filter_box = QLineEdit()
        self.filter_box.setPlaceholderText(self.tr("Search titles in your history"))
        self.filter_box.setAccessibleName(self.tr("Filter the history"))
        clearable(self.filter_box, self.tr("Clear filter"))
        # A table view with fixed row heights asks only for the rows it shows; list and
        # tree views walk all 100,000 rows before they paint.
        self.view = RowList()
        self.view.horizontalHeader().hide()
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.view.verticalHeader().setDefaultSectionSize(self.fontMetrics().lineSpacing() * 2 + 8)
        self.view.setShowGrid(False)
        self.view.setCornerButtonEnabled(False)  # headers are hidden: nothing to select all from
        self.view.setWordWrap(False)
        self.view.setTabKeyNavigation(False)  # Tab leaves the list, as in other lists
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setObjectName("historyList")
        self.view.setAccessibleName(self.tr("Reading history"))
        self.view.setAccessibleDescription(
            self.tr("Enter opens an article where you stopped; Delete forgets the entry.")
        )
        self.view.setModel(self.model)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.clear_button = QPushButton(self.tr("Clear History…"))
        self.clear_button.setAccessibleName(self.tr("Clear history"))
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.clear_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.filter_box)
        layout.addWidget(self.view)
        layout.addLayout(buttons)

        self._timer = debounce(self, 120, lambda: self.model.refresh(self.filter_box.text()))
        self.filter_box.textChanged.connect(self._timer.start)
        self.view.activated.connect(self._open)
        self.view.clicked.connect(self._open)
        self.clear_button.clicked.connect(self.clear_history)
        self.remove_action = delete_action(
            self.view, self.tr("Remove from History"), self._remove_current
        )
        self._history = history

    def refresh(self) -> None:
        self.model.refresh(self.filter_box.text())

    def tab_order(self) -> list[QWidget]:
        """The panel's fields in the order Tab visits them."""
        return [self.filter_box, self.view, self.clear_button]

    def _open(self, index: QModelIndex) -> None:
        article_id = self.model.id_at(index.row())
        if article_id is not None:
            self.open_requested.emit(article_id)

    def _remove_current(self) -> None:
        row = self.view.currentIndex().row()
        article_id = self.model.id_at(row)
        if article_id is None:
            return
        self._history.remove(article_id)
        self.refresh()
        self.view.setCurrentIndex(self.model.index(min(row, self.model.rowCount() - 1), 0))

    def clear_history(self) -> None:
        if self._confirm_clear():
            self._history.clear()
            self.refresh()
            self.clear_requested.emit()
