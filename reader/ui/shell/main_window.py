"""The main window: composes the panels and routes their signals; no rules live here."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QLocale, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QMainWindow,
    QSplitter,
    QTabWidget,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from reader import APP_DISPLAY_NAME
from reader.core.errors import LibraryError
from reader.core.history import History
from reader.core.store import Library
from reader.core.preferences import Preferences, State
from reader.ui.shell import appearance
from reader.ui.reading.article_view import ArticleView
from reader.ui.settings.comfort import Comfort
from reader.ui.common import announce, format_date
from reader.ui.history.controls import HistoryControls
from reader.ui.library.import_dialogs import Importer
from reader.ui.library.model import LibraryModel
from reader.ui.library.panel import LibraryPanel
from reader.ui.reading.read_aloud import ReadAloud, ReadAloudWidget
from reader.ui.history.tracker import ReadingTracker
from reader.ui.reading.text_size import TextSize, TextSizeWidget

# Rendering, importing, dialogs and their modules load after the first paint, when used.
if TYPE_CHECKING:
    from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent

    from reader.core.file_import import ImportReport
    from reader.ui.reading.find_bar import FindBar
    from reader.ui.search.panel import SearchPanel
    from reader.core.render import HeaderLabels
    from reader.ui.library.import_thread import ImportJob

log = logging.getLogger(__name__)


class MainWindow(QMainWindow):
    content_ready = Signal()  # the list and the last article are in (after the first paint)

    def __init__(self, library: Library, preferences: Preferences, state: State,
                 data_dir: Path | None = None) -> None:
        # The theme first: widgets made after it are styled once, not made and restyled.
        appearance.apply_theme(appearance.theme_for_preference(preferences.get("theme")))
        super().__init__()
        self.library = library
        self.preferences = preferences
        self.state = state
        self.data_dir = data_dir or library.path.parent
        self.current_article_id: int | None = None
        self.current_language: str | None = None
        self.instance_server = None  # listening for later starts, once the window is filled
        self.setWindowTitle(APP_DISPLAY_NAME)
        self.setAcceptDrops(True)

        self.history = History(library)
        self.history.paused = preferences.get("history_paused")
        self.model = LibraryModel(library, format_date, self.history)
        self.library_panel = LibraryPanel(self.model)
        self.article_view = ArticleView()
        self.text_size = TextSize(preferences, library, self)
        self.comfort = Comfort(self, preferences, self.article_view, self.text_size, self.announce,
                               lambda: self.current_language)
        # The speech engine is looked for after the first paint (see load_content).
        self.read_aloud = ReadAloud(self.article_view, self, autoload=False)
        self.read_aloud.message.connect(lambda text: self.statusBar().showMessage(text, 5000))
        self.read_aloud.refused.connect(self.announce)  # (asked for: said to screen readers too)
        self.tracker = ReadingTracker(self.history, self.article_view, self)
        self.history_ui = HistoryControls(self, self.history, preferences, self.tracker,
                                          self.open_article, self.side_tabs_show,
                                          lambda: self.library_panel.refresh())
        self.importer = Importer(library.path, self)
        self.importer.articles_arrived.connect(self.library_panel.refresh)
        self.importer.done.connect(self._import_done)

        self.side_tabs = QTabWidget()
        self.side_tabs.setObjectName("sideTabs")
        self.side_tabs.addTab(self.library_panel, self.tr("&Library"))
        # The History and Search tabs are built the first time they are shown (or used):
        # they are not needed for the first paint.
        self._search_panel: SearchPanel | None = None
        self._search_tab = self._empty_tab("searchTab")
        # (Alt+Y: Alt+S opens the History menu.)
        self.side_tabs.addTab(self.history_ui.tab, self.tr("Histor&y"))
        self.side_tabs.addTab(self._search_tab, self.tr("Sea&rch"))
        self.side_tabs.currentChanged.connect(self._tab_shown)
        self._find_bar: FindBar | None = None  # built when first opened
        reading_pane = QWidget()
        self._reading_layout = QVBoxLayout(reading_pane)
        self._reading_layout.setContentsMargins(0, 0, 0, 0)
        self._reading_layout.setSpacing(0)
        self._reading_layout.addWidget(self.article_view, 1)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(self.side_tabs)
        self.splitter.addWidget(reading_pane)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setChildrenCollapsible(False)
        self.setCentralWidget(self.splitter)

        self._build_actions()
        self._build_menus()
        self._build_toolbar()

        self.library_panel.open_requested.connect(self.open_article)
        self.tracker.saved.connect(self.model.reading_changed)
        self.library_panel.remove_requested.connect(self.remove_articles)
        self.text_size.changed.connect(self.article_view.set_percent)
        self._announced_percent = self.text_size.percent
        self.text_size.changed.connect(self._announce_size)
        self.article_view.zoom_step.connect(self.text_size.step)

        self.comfort.apply_saved()
        base = preferences.get("base_font_pt") or self._system_reading_size()
        self.article_view.set_base_point_size(base, self.text_size.percent)
        self.statusBar().addPermanentWidget(self.history_ui.paused_label)
        self._restore_geometry()
        self.content_loaded = False
        self._content_scheduled = False
        self._extras_scheduled = False

    # -- building ------------------------------------------------------------------------

    @property
    def find_bar(self) -> FindBar:
        """The Find in Article bar under the article, made the first time it is wanted."""
        if self._find_bar is None:
            from reader.ui.reading.find_bar import FindBar

            bar = self._find_bar = FindBar(self.article_view)
            self._reading_layout.addWidget(bar)
            # Made last, it would come last in the Tab order: it follows the article.
            chain = [self.article_view, bar.field, bar.related, bar.previous_button,
                     bar.next_button, bar.close_button]
            for first, second in zip(chain, chain[1:]):
                QWidget.setTabOrder(first, second)
        return self._find_bar

    def _build_actions(self) -> None:
        self.import_files_action = QAction(self.tr("&Import Files…"), self)
        self.import_files_action.setShortcut(QKeySequence.StandardKey.Open)
        self.import_files_action.triggered.connect(self.importer.choose_files)
        self.import_folder_action = QAction(self.tr("Import &Folder…"), self)
        self.import_folder_action.setShortcut(QKeySequence("Ctrl+Shift+O"))
        self.import_folder_action.triggered.connect(self.importer.choose_folder)
        self.quit_action = QAction(self.tr("&Quit"), self)
        self.quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        self.quit_action.triggered.connect(self.close)
        self.about_action = QAction(self.tr("&About Article Reader"), self)
        self.about_action.triggered.connect(self.show_about)
        self.focus_filter_action = QAction(self.tr("Filter Library"), self)
        self.focus_filter_action.setShortcut(QKeySequence("Ctrl+L"))
        self.focus_filter_action.triggered.connect(self.focus_filter)
        self.search_action = QAction(self.tr("&Search Articles…"), self)
        self.search_action.setShortcuts([QKeySequence("Ctrl+K"), QKeySequence("Ctrl+Shift+F")])
        self.search_action.triggered.connect(self.show_search)
        self.find_action = QAction(self.tr("&Find in Article…"), self)
        self.find_action.setShortcut(QKeySequence.StandardKey.Find)
        self.find_action.triggered.connect(lambda: self.find_bar.open_bar())
        self.find_next_action = QAction(self.tr("Find &Next"), self)
        self.find_next_action.setShortcut(QKeySequence("F3"))
        self.find_next_action.triggered.connect(lambda: self.find_bar.next())
        self.find_previous_action = QAction(self.tr("Find &Previous"), self)
        self.find_previous_action.setShortcut(QKeySequence("Shift+F3"))
        self.find_previous_action.triggered.connect(lambda: self.find_bar.previous())
        self.next_pane_action = QAction(self.tr("Next &Pane"), self)
        self.next_pane_action.setShortcut(QKeySequence("F6"))
        self.next_pane_action.triggered.connect(lambda: self.cycle_panes(1))
        self.previous_pane_action = QAction(self.tr("Pre&vious Pane"), self)
        self.previous_pane_action.setShortcut(QKeySequence("Shift+F6"))
        self.previous_pane_action.triggered.connect(lambda: self.cycle_panes(-1))
        self.text_cursor_action = QAction(self.tr("Text &Cursor"), self)
        self.text_cursor_action.setCheckable(True)
        self.text_cursor_action.setShortcut(QKeySequence("F7"))
        self.text_cursor_action.setToolTip(
            self.tr("Move through the article with a text cursor (arrow keys), as screen readers do"))
        self.text_cursor_action.toggled.connect(self._text_cursor_toggled)
        self.shortcuts_action = QAction(self.tr("&Keyboard Shortcuts"), self)
        self.shortcuts_action.setShortcut(QKeySequence("F1"))
        self.shortcuts_action.triggered.connect(self.show_shortcuts)
        for action in (self.next_pane_action, self.previous_pane_action, self.shortcuts_action,
                       self.text_cursor_action,
                       *self.comfort.actions(), *self.read_aloud.actions()):
            self.addAction(action)
        for action in (self.import_files_action, self.import_folder_action, self.quit_action,
                       self.about_action, self.focus_filter_action, self.history_ui.continue_action,
                       self.history_ui.show_action, self.search_action, self.find_action,
                       self.find_next_action, self.find_previous_action):
            self.addAction(action)
        for action in self.text_size.actions():
            self.addAction(action)

    def _build_menus(self) -> None:
        menu = self.menuBar().addMenu(self.tr("&File"))
        menu.addAction(self.import_files_action)
        menu.addAction(self.import_folder_action)
        menu.addSeparator()
        menu.addAction(self.library_panel.remove_action)
        menu.addSeparator()
        menu.addAction(self.quit_action)
        menu = self.menuBar().addMenu(self.tr("&Edit"))
        menu.addAction(self.search_action)
        menu.addAction(self.find_action)
        menu.addAction(self.find_next_action)
        menu.addAction(self.find_previous_action)
        menu = self.menuBar().addMenu(self.tr("&View"))
        menu.addAction(self.text_size.smaller_action)
        menu.addAction(self.text_size.reset_action)
        menu.addAction(self.text_size.larger_action)
        menu.addSeparator()
        menu.addAction(self.text_size.remember_action)
        menu.addAction(self.text_size.use_for_all_action)
        menu.addSeparator()
        speech = menu.addMenu(self.tr("Read &Aloud"))
        for action in self.read_aloud.actions():
            speech.addAction(action)
        self.comfort.fill_menu(menu)
        menu.addSeparator()
        menu.addAction(self.text_cursor_action)
        menu.addAction(self.focus_filter_action)
        menu.addAction(self.next_pane_action)
        menu.addAction(self.previous_pane_action)
        self.history_ui.fill_menu(self.menuBar().addMenu(self.tr("Hi&story")))
        menu = self.menuBar().addMenu(self.tr("&Help"))
        menu.addAction(self.shortcuts_action)
        menu.addAction(self.about_action)

    def _build_toolbar(self) -> None:
        toolbar = QToolBar(self.tr("Main Toolbar"), self)
        toolbar.setObjectName("mainToolbar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        # − o + first: a toolbar short of room (large interface text) hides its last
        # items, and the text size must never be one of them.
        self.text_size_widget = TextSizeWidget(self.text_size)
        toolbar.addWidget(self.text_size_widget)
        toolbar.addSeparator()
        toolbar.addAction(self.import_files_action)
        toolbar.addAction(self.history_ui.continue_action)
        toolbar.addSeparator()
        self.read_aloud_widget = ReadAloudWidget(self.read_aloud, toolbar)
        toolbar.addWidget(self.read_aloud_widget)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, toolbar)
        self.toolbar = toolbar
        # Qt's overflow buttons (shown when the window is too narrow) come without names.
        for bar, name in ((toolbar, self.tr("More toolbar buttons")), (self.menuBar(), self.tr("More menus"))):
            for button in bar.findChildren(QToolButton):
                if button.objectName() in ("qt_toolbar_ext_button", "qt_menubar_ext_button"):
                    button.setAccessibleName(name)
                    button.setToolTip(name)

    def _system_reading_size(self) -> float:
        # 100 % is a comfortable reading size derived from the interface font.
        system = self.font().pointSizeF()
        return round(max(11.0, system * 1.25), 1) if system > 0 else 12.0

    # -- articles ------------------------------------------------------------------------

    def open_article(self, article_id: int) -> bool:
        from reader.core.render import article_html

        article = self.library.get(article_id)
        if article is None:
            return False
        reading = self.tracker.open(article_id)  # saves the place in the article being left
        self.current_article_id = article_id
        self.current_language = article.language
        self.text_size.set_article(article_id)
        html = article_html(article, lambda iso: format_date(iso, long=True), self._labels())
        self.article_view.show_html(html)
        self.read_aloud.set_language(article.language)
        if reading is not None:
            self.article_view.scroll_to_position(reading.block, reading.block_fraction)
            self.article_view.cursor_to_top()  # (the text cursor, if on, starts there)
        self.tracker.touch()
        self.tracker.flush()  # the first screen is read already: the list shows it at once
        if self._find_bar is not None and self._find_bar.isVisible():
            self._find_bar.refresh()
        self.setWindowTitle(f"{article.title} — {APP_DISPLAY_NAME}")
        self.library_panel.select_id(article_id)
        self._update_status(article.words)
        return True

    # -- panels built on first use -------------------------------------------------------

    @staticmethod
    def _empty_tab(name: str) -> QWidget:
        tab = QWidget()
        tab.setObjectName(name)
        layout = QVBoxLayout(tab)
        layout.setContentsMargins(0, 0, 0, 0)
        return tab

    @property
    def search_panel(self) -> SearchPanel:
        if self._search_panel is None:
            from reader.ui.search.panel import SearchPanel

            panel = SearchPanel(self.library)
            panel.open_requested.connect(self.open_search_result)
            self._search_tab.layout().addWidget(panel)
            self._search_panel = panel
            panel.refresh_sources()
        return self._search_panel

    def _tab_shown(self, index: int) -> None:
        widget = self.side_tabs.widget(index)
        if widget is self.history_ui.tab:
            history = self.history_ui.panel
            history.refresh()
            fields = [history.filter_box, history.view, history.clear_button]
        elif widget is self._search_tab:
            search = self.search_panel
            search.refresh_sources()
            fields = [search.box, search.source_box, search.state_box, search.dated,
                      search.date_from, search.date_to, search.results]
        else:
            return
        # Built when first shown, the panel would come last in the Tab order (after the
        # toolbar): its fields follow the tab bar, as the Library's do. A tab brought
        # forward by its Alt key gives the focus to the panel's first field, not to the page.
        chain = [self.side_tabs.tabBar(), *fields]
        for first, second in zip(chain, chain[1:]):
            QWidget.setTabOrder(first, second)
        if self.focusWidget() is widget:
            fields[0].setFocus()

    def side_tabs_show(self, tab: QWidget) -> bool:
        """Bring ``tab`` forward; False when it already was (no refresh happened)."""
        if self.side_tabs.currentWidget() is tab:
            return False
        self.side_tabs.setCurrentWidget(tab)
        return True

    # -- search ----------------------------------------------------------------------------

    def focus_filter(self) -> None:
        """The library's filter box, with the Library tab brought forward."""
        self.side_tabs.setCurrentWidget(self.library_panel)
        self.library_panel.filter_box.setFocus()
        self.library_panel.filter_box.selectAll()

    def show_search(self) -> None:
        panel = self.search_panel
        self.side_tabs.setCurrentWidget(self._search_tab)
        panel.box.setFocus()
        panel.box.selectAll()

    def open_search_result(self, article_id: int, query_text: str) -> None:
        """Open the article at its first match, with every match highlighted."""
        from reader.core.find import form_matches
        from reader.core.search import parse

        if not self.open_article(article_id):
            return
        query = parse(query_text, live=True)
        stems, prefixes = query.stems(), query.prefixes()
        ranges = self.article_view.find_ranges(lambda text: form_matches(text, stems, prefixes))
        # The header's title may match too; the first match in the text is the one to show.
        self.article_view.set_highlights(ranges, 0 if ranges else None)

    def _labels(self) -> HeaderLabels:
        from reader.core.render import HeaderLabels

        locale = QLocale()
        return HeaderLabels(
            by=lambda authors: authors,
            views=lambda n: self.tr("%1 views").replace("%1", locale.toString(n)),
            minutes=lambda n: self.tr("%1 min read").replace("%1", str(n)),
            image=lambda alt: self.tr("[Image: %1]").replace("%1", alt) if alt else self.tr("[Image]"),
        )

    def remove_articles(self, ids: list[int]) -> None:
        from PySide6.QtWidgets import QMessageBox

        count = len(ids)
        if count == 1:
            summary = self.library.summaries_for(ids).get(ids[0])
            question = self.tr("Remove “%1” from the library?").replace("%1", summary.title if summary else "")
        else:
            question = self.tr("Remove %1 articles from the library?").replace("%1", str(count))
        answer = QMessageBox.question(
            self, self.tr("Remove from Library"),
            question + "\n\n" + self.tr("The files you imported them from are not touched."),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        if self.current_article_id in ids:
            self.tracker.close()
        self.library.remove(ids)
        self.history_ui.refresh()
        if self.current_article_id in ids:
            self.current_article_id = None
            self.article_view.clear()
            self.text_size.set_article(None)
            self.setWindowTitle(APP_DISPLAY_NAME)
        self.library_panel.refresh()
        self._update_status()

    # -- importing -----------------------------------------------------------------------

    def import_paths(self, paths: list[Path]) -> ImportJob | None:
        job = self.importer.start(paths)
        if job is None:
            self.statusBar().showMessage(self.tr("An import is already running"), 5000)
        return job

    def _import_done(self, report: ImportReport, open_first: bool) -> None:
        if open_first and report.stored:
            self.open_article(report.stored[0])  # (imported now or already there)
        elif report.imported and self.current_article_id is None:
            self.open_article(report.imported[0])
        else:
            self._update_status()  # (opening says the new count too)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 (Qt override)
        if event.mimeData().hasUrls() and any(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 (Qt override)
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.import_paths(paths)

    # -- files from outside (the command line, the file manager, a second start) ----------

    def _listen_for_other_starts(self) -> None:
        from reader.ui.shell.single_instance import InstanceServer

        self.instance_server = InstanceServer(self.data_dir, self)
        self.instance_server.files_received.connect(self._files_from_another_start)
        self.instance_server.listen()

    def _files_from_another_start(self, paths: list[Path]) -> None:
        self.bring_to_front()
        if paths:
            self.open_files(paths)

    def bring_to_front(self) -> None:
        if self.isMinimized():
            self.showNormal()
        self.raise_()
        self.activateWindow()

    def open_files(self, paths: list[Path]) -> None:
        """Import ``paths`` in the background and open the first article among them; an
        article already in the library is opened, not doubled. Files that cannot be read
        are reported as any import's are."""
        self.importer.open(paths)

    # -- keyboard and announcements -------------------------------------------------------

    def panes(self) -> list[QWidget]:
        """What F6 moves between: the side panel's list (or search box), the article, and
        the find bar when it is open."""
        page = self.side_tabs.currentWidget()
        side = page.focusWidget() if page.focusWidget() and page.isAncestorOf(page.focusWidget()) else None
        if side is None or not side.isVisible():
            if page is self.library_panel:
                side = self.library_panel.view
            else:
                side = next((w for w in page.findChildren(QWidget)
                             if w.isVisible() and w.focusPolicy() & Qt.FocusPolicy.TabFocus), page)
        panes = [side, self.article_view]
        if self._find_bar is not None and self._find_bar.isVisible():
            panes.append(self._find_bar.field)
        return panes

    def cycle_panes(self, direction: int) -> None:
        panes = self.panes()
        focused = QApplication.focusWidget()
        current = next((i for i, pane in enumerate(panes)
                        if focused is not None and (pane is focused or pane.isAncestorOf(focused))), -1)
        target = panes[(current + direction) % len(panes)] if current >= 0 else panes[0]
        target.setFocus(Qt.FocusReason.OtherFocusReason)

    def _text_cursor_toggled(self, on: bool) -> None:
        # (Only the reader's own F7 comes here: the start sets the action quietly.)
        self.article_view.set_text_cursor(on)
        self.preferences.set("text_cursor", on)
        self.announce(self.tr("Text cursor on") if on else self.tr("Text cursor off"))

    def announce(self, message: str) -> None:
        announce(self, message, self.statusBar())

    def _announce_size(self, percent: int) -> None:
        # Only a new size: opening an article at the size already in view says nothing.
        if percent != self._announced_percent:
            self._announced_percent = percent
            self.announce(self.tr("Text size %1%").replace("%1", str(percent)))

    def show_shortcuts(self) -> None:
        from reader.ui.dialogs.shortcuts import ShortcutsDialog

        self.shortcuts_dialog = ShortcutsDialog(self)
        self.shortcuts_dialog.show()

    def show_about(self) -> None:
        from reader.ui.dialogs.about import AboutBox

        self.about_box = AboutBox(self, self.data_dir)
        self.about_box.open()

    def _update_status(self, words: int | None = None) -> None:
        text = self.tr("%1 articles").replace("%1", QLocale().toString(self.model.rowCount()))
        if self.model.filtered:
            text = self.tr("%1 shown").replace("%1", QLocale().toString(self.model.rowCount()))
        if words:
            from reader.core.render import reading_minutes

            text += " · " + self.tr("%1 words, %2 min read").replace("%1", QLocale().toString(words)).replace(
                "%2", str(reading_minutes(words)))
        self.statusBar().showMessage(text)

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().paintEvent(event)
        # The list and the last article are read once the window has painted: the frame
        # appears at once, and what it holds a moment later. What the reader does not
        # see (the speech engine, listening for a second start) waits for the paint
        # after that.
        if not self._content_scheduled:
            self._content_scheduled = True
            QTimer.singleShot(0, self.load_content)
        elif self.content_loaded and not self._extras_scheduled:
            self._extras_scheduled = True
            QTimer.singleShot(0, self._load_extras)

    def _load_extras(self) -> None:
        appearance.set_window_icon(QApplication.instance())
        self._listen_for_other_starts()
        self.read_aloud.load()  # may start a speech service

    def load_content(self) -> None:
        if self.content_loaded:
            return
        self.content_loaded = True
        from PySide6.QtGui import QAccessible

        # The text cursor: as chosen, and on while a screen reader is running (not saved).
        on = self.preferences.get("text_cursor") or QAccessible.isActive()
        self.article_view.set_text_cursor(on)
        self.text_cursor_action.blockSignals(True)
        self.text_cursor_action.setChecked(on)
        self.text_cursor_action.blockSignals(False)
        try:
            self.history.apply_retention(self.preferences.get("history_retention_days"))
        except LibraryError as exc:  # read-only, a full disk: trimming waits for a later start
            log.warning("%s", exc)
        try:
            self.library_panel.load()
            self.history_ui.refresh()
            opened = self.preferences.get("continue_on_start") and self.history_ui.continue_reading()
            last = self.state.get("last_article")
            opened = opened or (isinstance(last, int) and self.open_article(last))
            if not opened and self.model.rowCount():
                first = self.model.id_at(0)
                if first is not None:
                    self.open_article(first)
            self._update_status()
        except LibraryError as exc:  # said, not shown as an empty list
            from reader.ui.shell.library_problems import show_library_problem

            show_library_problem(self, exc)
        if self.library.notices:
            # e.g. the search index was missing and has been rebuilt
            notice = "; ".join(self.library.notices)
            self.statusBar().showMessage(notice[:1].upper() + notice[1:], 15000)
            self.library.notices.clear()
        self.content_ready.emit()

    def _restore_geometry(self) -> None:
        geometry = self.state.get("window_geometry")
        if isinstance(geometry, str):
            self.restoreGeometry(QByteArray.fromBase64(geometry.encode("ascii")))
        else:
            self.resize(1100, 760)
        sizes = self.state.get("splitter_sizes")
        if isinstance(sizes, list) and len(sizes) == 2 and all(isinstance(s, int) for s in sizes):
            self.splitter.setSizes(sizes)
        else:
            self.splitter.setSizes([380, 720])

    def save_state(self) -> None:
        if not self.content_loaded:
            return  # closed before it showed anything: keep what was remembered
        self.state.set("window_geometry", bytes(self.saveGeometry().toBase64()).decode("ascii"))
        self.state.set("splitter_sizes", self.splitter.sizes())
        self.state.set("last_article", self.current_article_id)
        try:
            self.state.save()
        except OSError as exc:
            log.warning("cannot save the window state to %s: %s", self.state.path, exc)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt override)
        if self.instance_server is not None:
            self.instance_server.close()
        self.importer.cancel_and_wait()
        self.tracker.stop()
        if self._search_panel is not None:
            self._search_panel.close()
        self.save_state()
        super().closeEvent(event)
