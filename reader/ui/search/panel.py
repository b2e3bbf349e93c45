"""The Search panel: a query box with filters, results with highlighted snippets.

Searching runs off the UI thread, a moment after the reader stops typing; every query is
numbered and only the answer to the newest one is shown, so a slow older answer can never
replace a newer one.
"""

from __future__ import annotations

import html
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QDate,
    QLocale,
    QModelIndex,
    QObject,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QPalette,
    QStandardItem,
    QStandardItemModel,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QGridLayout,
    QLabel,
    QLineEdit,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QVBoxLayout,
    QWidget,
)

from reader.core.hits import mark
from reader.core.search import Filters, Results, search
from reader.core.store import Library
from reader.ui.common import announce, clearable, debounce, format_date, reading_choices
from reader.ui.shell.appearance import current_theme

DELAY_MS = 150
ANNOUNCE_DELAY_MS = 1000  # the number found is said once typing has paused this long
HIT_ROLE = Qt.ItemDataRole.UserRole + 1
FACTS_ROLE = HIT_ROLE + 2  # "source · date", made once per result (the row is drawn often)


class _Searcher(QObject):
    """Runs searches in one background thread with its own connection to the library."""

    answered = Signal(int, object)  # query number, Results

    def __init__(self, library_path: Path) -> None:
        super().__init__()
        self._path = library_path
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="search")
        self._local = threading.local()

    def submit(self, number: int, text: str, filters: Filters) -> None:
        self._pool.submit(self._run, number, text, filters)

    def _run(self, number: int, text: str, filters: Filters) -> None:
        library = getattr(self._local, "library", None)
        if library is None:
            library = self._local.library = Library.open(self._path)
        self.answered.emit(number, search(library, text, filters=filters, live=True))

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)


def note_label() -> str:
    """What comes before a matching note in a result (and is said with it)."""
    return QCoreApplication.translate("SearchPanel", "Note:")


def quoted(text: str) -> str:
    """The words a note is on, shown as a quotation (a result found by its note alone)."""
    return "\u201c" + text + "\u201d"


class _HitDelegate(QStyledItemDelegate):
    """Title, source and date, and the snippet with the matched words marked; a matching
    note of the reader's under it, marked the same way."""

    def _document(self, index: QModelIndex, width: int) -> QTextDocument:
        hit = index.data(HIT_ROLE)
        theme = current_theme()
        before = f"<b style='background-color:{theme.match}; color:{theme.match_text}'>"
        snippet = mark(hit.snippet, hit.highlights, before, "</b>", html.escape)
        if not hit.in_text:
            snippet = quoted(snippet)
        if hit.note is not None:
            note = mark(hit.note.snippet, hit.note.highlights, before, "</b>", html.escape)
            snippet += f"<br><i>{html.escape(note_label())}</i> {note}"
        meta = html.escape(index.data(FACTS_ROLE))
        document = QTextDocument()
        document.setDefaultFont(self.parent().font())
        document.setHtml(
            f"<p style='margin:0'><b>{html.escape(hit.title)}</b><br>"
            f"<small>{meta}</small><br>{snippet}</p>"
        )
        document.setTextWidth(width)
        return document

    def paint(self, painter, option, index) -> None:
        self.initStyleOption(option, index)
        style = option.widget.style() if option.widget else None
        option.text = ""
        if style:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)
        document = self._document(index, option.rect.width() - 8)
        painter.save()
        painter.translate(option.rect.left() + 4, option.rect.top() + 4)
        context = QAbstractTextDocumentLayout.PaintContext()
        context.palette = QPalette(option.palette)
        if option.state & QStyle.StateFlag.State_Selected:
            # Selected rows: the theme's selected-text colour, checked against the selection.
            context.palette.setColor(
                QPalette.ColorRole.Text, option.palette.color(QPalette.ColorRole.HighlightedText)
            )
        document.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(self, option, index) -> QSize:
        width = max(200, option.rect.width() or 300)
        return QSize(width, int(self._document(index, width - 8).size().height()) + 8)


class SearchPanel(QWidget):
    # article id, the query, and the mark to go to (a result found by its note alone; or 0)
    open_requested = Signal(int, str, int)

    def __init__(self, library: Library, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._library = library
        self._searcher = _Searcher(library.path)
        self._searcher.answered.connect(self._show)
        self._latest = 0
        self.last_results: Results | None = None

        self.box = QLineEdit()
        self.box.setObjectName("searchBox")
        self.box.setPlaceholderText(self.tr("Search all articles (Ctrl+K)"))
        self.box.setAccessibleName(self.tr("Search all articles"))
        clearable(self.box, self.tr("Clear search"))
        self.source_box = QComboBox()
        self.source_box.setAccessibleName(self.tr("Source"))
        self.state_box = QComboBox()
        self.state_box.setAccessibleName(self.tr("Reading state"))
        choices = ((self.tr("Any reading state"), None), *reading_choices(with_days=True))
        for label, value in choices:
            self.state_box.addItem(label, value)
        self.dated = QCheckBox(self.tr("Published from"))
        self.date_from = QDateEdit(QDate.currentDate().addYears(-1))
        self.date_from.setAccessibleName(self.tr("Published from"))
        self.date_to = QDateEdit(QDate.currentDate())
        self.date_to.setAccessibleName(self.tr("Published until"))
        for edit in (self.date_from, self.date_to):
            edit.setCalendarPopup(True)
            edit.setEnabled(False)
        self.dated.toggled.connect(self.date_from.setEnabled)
        self.dated.toggled.connect(self.date_to.setEnabled)

        self.results = QListView()
        self.results.setObjectName("searchResults")
        self.results.setAccessibleName(self.tr("Search results"))
        self.results.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.results.setWordWrap(True)
        self.model = QStandardItemModel(self)
        self.results.setModel(self.model)
        self.results.setItemDelegate(_HitDelegate(self.results))
        self.status = QLabel()
        self.status.setObjectName("searchStatus")

        # The filters as a form, one per row: side by side they made the panel as wide as
        # the longest source name, and wider still at a large interface font.
        filters = QGridLayout()
        filters.setColumnStretch(1, 1)
        # Visible labels tied to the boxes name them for screen readers (see library_panel).
        for row, (text, box) in enumerate(
            ((self.tr("S&ource:"), self.source_box), (self.tr("St&ate:"), self.state_box))
        ):
            label = QLabel(text)
            label.setBuddy(box)
            filters.addWidget(label, row, 0)
            filters.addWidget(box, row, 1)
            # Long source names are shown whole in the open list, not by widening the box.
            box.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            box.setMinimumContentsLength(8)
        until = QLabel(self.tr("to"))
        until.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        filters.addWidget(self.dated, 2, 0)
        filters.addWidget(self.date_from, 2, 1)
        filters.addWidget(until, 3, 0)
        filters.addWidget(self.date_to, 3, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.box)
        layout.addLayout(filters)
        layout.addWidget(self.results, 1)
        layout.addWidget(self.status)

        self._timer = debounce(self, DELAY_MS, self.run)
        self._found = ""
        self._say_found = debounce(self, ANNOUNCE_DELAY_MS, lambda: announce(self.box, self._found))
        self.box.textChanged.connect(self._timer.start)
        self.box.returnPressed.connect(self._enter)
        for widget in (self.source_box, self.state_box):
            widget.currentIndexChanged.connect(self._timer.start)
        for edit in (self.date_from, self.date_to):
            edit.dateChanged.connect(self._timer.start)
        self.dated.toggled.connect(self._timer.start)
        self.results.activated.connect(self._open)
        self.results.clicked.connect(self._open)

    def refresh_sources(self) -> None:
        current = self.source_box.currentData()
        self.source_box.blockSignals(True)
        self.source_box.clear()
        self.source_box.addItem(self.tr("All sources"), None)
        for source in self._library.sources():
            self.source_box.addItem(source, source)
        index = self.source_box.findData(current)
        self.source_box.setCurrentIndex(max(0, index))
        self.source_box.blockSignals(False)

    def filters(self) -> Filters:
        state = self.state_box.currentData()
        return Filters(
            source=self.source_box.currentData(),
            published_from=self.date_from.date().toString(Qt.DateFormat.ISODate)
            if self.dated.isChecked()
            else None,
            published_to=self.date_to.date().toString(Qt.DateFormat.ISODate)
            if self.dated.isChecked()
            else None,
            state=state if isinstance(state, str) else None,
            read_within_days=state if isinstance(state, int) else None,
        )

    def run(self) -> int:
        """Ask for the current query; returns its number."""
        self._timer.stop()
        self._latest += 1
        if not self.box.text().strip():
            self._show(self._latest, Results([], 0, 0.0))
        else:
            self._searcher.submit(self._latest, self.box.text(), self.filters())
        return self._latest

    def _show(self, number: int, results: Results) -> None:
        if number != self._latest:
            return  # an older answer arriving late: the newer one wins
        self.last_results = results
        self.model.clear()
        for hit in results.hits:
            facts = " · ".join(
                x for x in (hit.source or "", format_date((hit.published or "")[:10])) if x
            )
            # What a screen reader says of the result: all that the row shows.
            snippet = hit.snippet if hit.in_text else quoted(hit.snippet)
            note = f"{note_label()} {hit.note.snippet}" if hit.note is not None else ""
            item = QStandardItem("\n".join(x for x in (hit.title, facts, snippet, note) if x))
            item.setData(hit, HIT_ROLE)
            item.setData(hit.id, HIT_ROLE + 1)
            item.setData(facts, FACTS_ROLE)
            self.model.appendRow(item)
        if results.only_exclusions:
            self.status.setText(
                self.tr("Add a word to search for: a word after a minus is left out")
            )
            self._found = self.status.text()
            self._say_found.start()
        elif self.box.text().strip():
            found = QLocale().toString(results.total)
            text = (
                self.tr("More than %1 found in %2 ms")
                if results.more
                else self.tr("%1 found in %2 ms")
            )
            self.status.setText(
                text.replace("%1", found).replace("%2", str(round(results.seconds * 1000)))
            )
            # Said to a screen reader too (the focus stays in the search box), without the
            # time, once the typing has paused a while.
            spoken = self.tr("More than %1 found") if results.more else self.tr("%1 found")
            self._found = spoken.replace("%1", found)
            self._say_found.start()
        else:
            self.status.setText("")
        if results.hits:
            self.results.setCurrentIndex(self.model.index(0, 0))

    def _enter(self) -> None:
        if self.model.rowCount():
            self.results.setFocus()

    def _open(self, index: QModelIndex) -> None:
        hit = index.data(HIT_ROLE)
        if hit is not None:
            at_note = hit.note.mark_id if hit.note is not None and not hit.in_text else 0
            self.open_requested.emit(hit.id, self.box.text(), at_note)

    def close(self) -> bool:
        self._searcher.close()
        return super().close()

    def tab_order(self) -> list[QWidget]:
        """The panel's fields in the order Tab visits them."""
        return [
            self.box,
            self.source_box,
            self.state_box,
            self.dated,
            self.date_from,
            self.date_to,
            self.results,
        ]
