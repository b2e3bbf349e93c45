"""The library panel: a filter box over the list of articles."""

from __future__ import annotations

from PySide6.QtCore import QLocale, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from reader.ui.common import (
    RowList,
    adopt_viewport,
    clearable,
    debounce,
    delete_action,
    reading_choices,
)
from reader.ui.library.model import ID_ROLE, LibraryModel

FILTER_DELAY_MS = 120
TITLE_SHARE = 0.45  # of the list's width, kept for the title column at the least


class LibraryPanel(QWidget):
    open_requested = Signal(int)
    remove_requested = Signal(list)

    def __init__(self, model: LibraryModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.filter_box = QLineEdit()
        self.filter_box.setObjectName("libraryFilter")
        self.filter_box.setPlaceholderText(self.tr("Filter by title, source or author"))
        self.filter_box.setAccessibleName(self.tr("Filter the library"))
        clearable(self.filter_box, self.tr("Clear filter"))

        # A table, not a tree: a tree view lays out every row (asking the model about
        # each) before it can show one, which takes a noticeable moment at 100,000 rows;
        # a table with fixed row heights only looks at the rows on screen.
        self.view = RowList()
        adopt_viewport(self.view)
        self.view.setObjectName("libraryList")
        self.view.setAccessibleName(self.tr("Library"))
        self.view.setAccessibleDescription(
            self.tr("Articles in the library. Enter opens the selected article, Delete removes it.")
        )
        self.view.setModel(model)
        rows = self.view.verticalHeader()
        rows.hide()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.fontMetrics().lineSpacing() + 6)
        self.view.setShowGrid(False)
        self.view.setWordWrap(False)
        self.view.setCornerButtonEnabled(False)
        self.view.setTabKeyNavigation(False)  # Tab leaves the list, as in other lists
        self.view.setAlternatingRowColors(True)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.view.horizontalHeader()
        header.setHighlightSections(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(1, 84)
        # Sized from the font, not from the rows: measuring 100,000 rows takes a while.
        header.resizeSection(2, self.fontMetrics().horizontalAdvance("00.00.0000") + 16)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(
            3,
            max(
                self.fontMetrics().horizontalAdvance(text) for text in model.widest_progress_texts()
            )
            + 24,
        )
        header.setSortIndicator(2, Qt.SortOrder.DescendingOrder)
        # Source, date and progress keep these widths (or the reader's, dragged) while
        # there is room; in a narrow pane they give way so the title keeps at least
        # TITLE_SHARE of it, instead of shrinking to "…" behind a horizontal scroll bar.
        self._wanted = {column: header.sectionSize(column) for column in (1, 2, 3)}
        self._fitting = False
        header.sectionResized.connect(self._column_dragged)
        # (Fitted when the list itself is resized: also while its tab is hidden.)
        self.view.resized.connect(self._fit_columns)

        self.state_box = QComboBox()
        self.state_box.setAccessibleName(self.tr("Show articles"))
        for label, state in ((self.tr("All articles"), None), *reading_choices()):
            self.state_box.addItem(label, state)
        self.state_box.currentIndexChanged.connect(
            lambda _i: self.model.set_state(self.state_box.currentData())
        )

        top = QHBoxLayout()
        top.setSpacing(4)
        top.addWidget(self.filter_box, 1)
        # A visible label, tied to the box: screen readers on Linux take a combo box's
        # name from its label (its own name would be replaced by the current choice).
        shown = QLabel(self.tr("Sho&w:"))
        shown.setBuddy(self.state_box)
        top.addWidget(shown)
        top.addWidget(self.state_box)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(top)
        layout.addWidget(self.view)

        self._filter_timer = debounce(self, FILTER_DELAY_MS, self._apply_filter)
        self.filter_box.textChanged.connect(self._filter_timer.start)
        self.filter_box.returnPressed.connect(self._apply_filter)
        self.view.activated.connect(self._open)
        self.view.clicked.connect(self._open)

        self.remove_action = delete_action(
            self.view, self.tr("Remove from Library…"), self._remove_selected
        )

    def _fit_columns(self) -> None:
        header = self.view.horizontalHeader()
        room = self.view.viewport().width() * (1 - TITLE_SHARE)
        excess = sum(self._wanted.values()) - room
        least = max(header.minimumSectionSize(), self.fontMetrics().horizontalAdvance("0000") + 12)
        self._fitting = True
        try:
            # The source gives way first, then the date; the progress words last.
            for column, width in self._wanted.items():
                give = max(0, min(excess, width - least))
                header.resizeSection(column, round(width - give))
                excess -= give
        finally:
            self._fitting = False

    def _column_dragged(self, column: int, _old: int, new: int) -> None:
        if not self._fitting and column in self._wanted:
            self._wanted[column] = new

    def load(self) -> None:
        """Read the list (newest first) the first time; the view sorts from then on."""
        self.view.setSortingEnabled(True)

    def _apply_filter(self) -> None:
        self._filter_timer.stop()
        current = self.current_id()
        self.model.set_filter(self.filter_box.text())
        if current is not None:
            self.select_id(current, scroll=False)

    def _open(self, index: QModelIndex) -> None:
        article_id = index.data(ID_ROLE)
        if article_id is not None:
            self.open_requested.emit(article_id)

    def _remove_selected(self) -> None:
        rows = sorted({index.row() for index in self.view.selectionModel().selectedRows()})
        ids = [self.model.id_at(row) for row in rows]
        ids = [i for i in ids if i is not None]
        if ids:
            self.remove_requested.emit(ids)

    def current_id(self) -> int | None:
        index = self.view.currentIndex()
        return index.data(ID_ROLE) if index.isValid() else None

    def select_id(self, article_id: int, scroll: bool = True) -> bool:
        row = self.model.row_of(article_id)
        if row is None:
            return False
        index = self.model.index(row, 0)
        self.view.setCurrentIndex(index)
        if scroll:
            self.view.scrollTo(index)
        return True

    def refresh(self) -> None:
        current = self.current_id()
        self.model.refresh()
        if current is not None:
            self.select_id(current, scroll=False)

    def status_text(self, words: int | None = None) -> str:
        """What the status bar says of the list ("120 articles", "3 shown"), and of the
        article open, when its length is given."""
        locale = QLocale()
        shown = self.tr("%1 shown") if self.model.filtered else self.tr("%1 articles")
        text = shown.replace("%1", locale.toString(self.model.rowCount()))
        if words:
            from reader.core.render import reading_minutes

            length = self.tr("%1 words, %2 min read").replace("%1", locale.toString(words))
            text += " · " + length.replace("%2", str(reading_minutes(words)))
        return text
