"""The side of the window: the Library, History, Search and Marks tabs.

Only the Library is built for the first paint; History, Search and Marks are built the
first time they are shown or used. A panel built late would come last in the Tab order (after
the toolbar), so its fields are put after the tab bar, as the Library's are.
"""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from reader.core.store import Library
from reader.ui.history.controls import HistoryControls
from reader.ui.library.panel import LibraryPanel

if TYPE_CHECKING:
    from reader.ui.history.panel import HistoryPanel
    from reader.ui.reading.marks import ArticleMarks
    from reader.ui.reading.marks_panel import MarksPanel
    from reader.ui.search.panel import SearchPanel


class SidePane(QTabWidget):
    search_result_chosen = Signal(int, str, int)  # article id, the query, a mark or 0
    all_notes_requested = Signal()
    export_marks_requested = Signal()

    def __init__(
        self, library: Library, library_panel: LibraryPanel, history_ui: HistoryControls
    ) -> None:
        super().__init__()
        self.setObjectName("sideTabs")
        self._library = library
        self.library_panel = library_panel
        self._history_ui = history_ui
        self._search_panel: SearchPanel | None = None
        self.search_tab = QWidget()
        self.search_tab.setObjectName("searchTab")
        QVBoxLayout(self.search_tab).setContentsMargins(0, 0, 0, 0)
        self.addTab(library_panel, self.tr("&Library"))
        # (Alt+Y: Alt+S opens the History menu.)
        self.addTab(history_ui.tab, self.tr("Histor&y"))
        self.addTab(self.search_tab, self.tr("Sea&rch"))
        self._marks: ArticleMarks | None = None
        self._marks_panel: MarksPanel | None = None
        self.marks_tab = QWidget()
        self.marks_tab.setObjectName("marksTab")
        QVBoxLayout(self.marks_tab).setContentsMargins(0, 0, 0, 0)
        self.addTab(self.marks_tab, self.tr("Mar&ks"))
        self.currentChanged.connect(self._tab_shown)

    def set_marks(self, marks: ArticleMarks) -> None:
        """The open article's marks, listed in the Marks tab once it is shown."""
        self._marks = marks

    @property
    def marks_panel(self) -> MarksPanel:
        if self._marks_panel is None:
            from reader.ui.reading.marks_panel import MarksPanel

            assert self._marks is not None
            panel = MarksPanel(self._marks)
            panel.all_notes_requested.connect(self.all_notes_requested)
            panel.export_requested.connect(self.export_marks_requested)
            self.marks_tab.layout().addWidget(panel)
            self._marks_panel = panel
        return self._marks_panel

    def show_marks(self) -> None:
        """The Marks tab forward, its list focused."""
        panel = self.marks_panel
        self.setCurrentWidget(self.marks_tab)
        panel.list.setFocus()

    @property
    def search_panel(self) -> SearchPanel:
        if self._search_panel is None:
            from reader.ui.search.panel import SearchPanel

            panel = SearchPanel(self._library)
            panel.open_requested.connect(self.search_result_chosen)
            self.search_tab.layout().addWidget(panel)
            self._search_panel = panel
            panel.refresh_sources()
        return self._search_panel

    def show_tab(self, tab: QWidget) -> bool:
        """Bring ``tab`` forward; False when it already was (no refresh happened)."""
        if self.currentWidget() is tab:
            return False
        self.setCurrentWidget(tab)
        return True

    def focus_filter(self) -> None:
        """The library's filter box, with the Library tab brought forward."""
        self.setCurrentWidget(self.library_panel)
        self.library_panel.filter_box.setFocus()
        self.library_panel.filter_box.selectAll()

    def show_search(self) -> None:
        panel = self.search_panel
        self.setCurrentWidget(self.search_tab)
        panel.box.setFocus()
        panel.box.selectAll()

    def focus_target(self) -> QWidget:
        """Where F6 goes in this pane: the control last focused in the current tab, else its
        list (the Library) or its first field."""
        page = self.currentWidget()
        focused = page.focusWidget()
        if focused is not None and page.isAncestorOf(focused) and focused.isVisible():
            return focused
        if page is self.library_panel:
            return self.library_panel.view
        return next(
            (
                w
                for w in page.findChildren(QWidget)
                if w.isVisible() and w.focusPolicy() & Qt.FocusPolicy.TabFocus
            ),
            page,
        )

    def close_panels(self) -> None:
        if self._search_panel is not None:
            self._search_panel.close()

    def _tab_shown(self, index: int) -> None:
        widget = self.widget(index)
        panel: HistoryPanel | SearchPanel | MarksPanel
        if widget is self._history_ui.tab:
            panel = self._history_ui.panel
            panel.refresh()
        elif widget is self.search_tab:
            panel = self.search_panel
            panel.refresh_sources()
        elif widget is self.marks_tab and self._marks is not None:
            panel = self.marks_panel
        else:
            return
        fields = panel.tab_order()
        chain = [self.tabBar(), *fields]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)
        # A tab brought forward by its Alt key gives the focus to the panel's first field,
        # not to the page.
        if self.focusWidget() is widget:
            fields[0].setFocus()
