"""The main window: composes the panels and routes their signals; no rules live here."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget

from reader import APP_DISPLAY_NAME
from reader.core import startup
from reader.core.errors import LibraryError
from reader.core.history import History
from reader.core.preferences import Preferences, State
from reader.core.store import Library
from reader.ui.common import announce, format_date
from reader.ui.history.controls import HistoryControls
from reader.ui.history.tracker import ReadingTracker
from reader.ui.library.drops import FileDrops
from reader.ui.library.import_dialogs import Importer
from reader.ui.library.model import LibraryModel
from reader.ui.library.panel import LibraryPanel
from reader.ui.reading.article_view import ArticleView
from reader.ui.reading.marks import ArticleMarks
from reader.ui.reading.navigation import ArticleNavigation
from reader.ui.reading.pane import ReadingPane
from reader.ui.reading.read_aloud import ReadAloud
from reader.ui.reading.text_size import TextSize
from reader.ui.settings.comfort import Comfort
from reader.ui.shell import appearance, window_state
from reader.ui.shell.focus import cycle_focus
from reader.ui.shell.menus import WindowMenus
from reader.ui.shell.side_pane import SidePane

# Rendering, importing, dialogs and their modules load after the first paint, when used.
if TYPE_CHECKING:
    from PySide6.QtGui import QCloseEvent

    from reader.core.file_import import ImportReport
    from reader.ui.library.import_thread import ImportJob
    from reader.ui.reading.find_bar import FindBar
    from reader.ui.search.panel import SearchPanel

log = logging.getLogger(__name__)


class MainWindow(QMainWindow):
    content_ready = Signal()  # the list and the last article are in (after the first paint)

    def __init__(
        self, library: Library, preferences: Preferences, state: State, data_dir: Path | None = None
    ) -> None:
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

        self.history = History(library)
        self.history.paused = preferences.get("history_paused")
        self.model = LibraryModel(library, format_date, self.history)
        self.library_panel = LibraryPanel(self.model)
        self.article_view = ArticleView()
        self.article_view.set_picture_source(self._picture_bytes)
        self.reading_pane = ReadingPane(self.article_view)
        self.navigation = ArticleNavigation(self.article_view, self.announce, self)
        self.text_size = TextSize(preferences, library, self)
        self.comfort = Comfort(
            self,
            preferences,
            self.article_view,
            self.text_size,
            self.announce,
            lambda: self.current_language,
        )
        # The speech engine is looked for after the first paint (see _load_extras).
        self.read_aloud = ReadAloud(self.article_view, self, autoload=False)
        self.read_aloud.message.connect(lambda text: self.statusBar().showMessage(text, 5000))
        self.read_aloud.refused.connect(self.announce)  # (asked for: said to screen readers too)
        self.comfort.attach_read_aloud(self.read_aloud)  # (what it highlights: a preference)
        self.tracker = ReadingTracker(self.history, self.article_view, self)
        self.history_ui = HistoryControls(
            self,
            self.history,
            preferences,
            self.tracker,
            self.open_article,
            lambda tab: self.side_tabs.show_tab(tab),
            lambda: self.library_panel.refresh(),
        )
        self.importer = Importer(library.path, self)
        FileDrops(self, self.import_paths)
        self.side_tabs = SidePane(library, self.library_panel, self.history_ui)
        self.marks = ArticleMarks(self.article_view, library, preferences, self)
        self.marks.announcement.connect(self.announce)
        self.side_tabs.set_marks(self.marks)
        self.side_tabs.all_notes_requested.connect(self.show_all_notes)
        self.side_tabs.export_marks_requested.connect(self.export_article_marks)
        self.splitter = window_state.splitter(self.side_tabs, self.reading_pane)
        self.setCentralWidget(self.splitter)
        self.menus = WindowMenus(self)
        self.toolbar = self.menus.toolbar
        self.text_size_widget = self.menus.text_size_widget

        self.importer.articles_arrived.connect(self.library_panel.refresh)
        self.importer.done.connect(self._import_done)
        self.side_tabs.search_result_chosen.connect(self.open_search_result)
        self.library_panel.open_requested.connect(self.open_article)
        self.tracker.saved.connect(self.model.reading_changed)
        self.library_panel.remove_requested.connect(self.remove_articles)
        self.text_size.changed.connect(self.article_view.set_percent)
        self.text_size.announcement.connect(self.announce)
        self.article_view.zoom_step.connect(self.text_size.step)

        self.comfort.apply_saved()
        self.reading_pane.set_base_size(preferences.get("base_font_pt"), self.text_size.percent)
        self.statusBar().addPermanentWidget(self.history_ui.paused_label)
        window_state.restore(self, self.splitter, self.state)
        self.index_rebuild = None  # (an IndexRebuild while the search index is built anew)
        self.content_loaded = False
        self._content_scheduled = False
        self._extras_scheduled = False

    @property
    def find_bar(self) -> FindBar:
        return self.reading_pane.find_bar

    @property
    def search_panel(self) -> SearchPanel:
        return self.side_tabs.search_panel

    # -- articles ------------------------------------------------------------------------

    def open_article(self, article_id: int) -> bool:
        article = self.library.get(article_id)
        if article is None:
            return False
        reading = self.tracker.open(article_id)  # saves the place in the article being left
        self.current_article_id = article_id
        self.current_language = article.language
        self.text_size.set_article(article_id)
        self.marks.show_article(article_id)  # (drawn once the article is laid out)
        self.reading_pane.show_article(article, reading, self.library.picture_sizes(article_id))
        self.read_aloud.set_language(article.language)
        self.tracker.touch()
        self.tracker.flush()  # the first screen is read already: the list shows it at once
        self.setWindowTitle(f"{article.title} — {APP_DISPLAY_NAME}")
        self.library_panel.select_id(article_id)
        self._update_status(article.words)
        return True

    def show_all_notes(self) -> None:
        """Every article's highlights and notes, in a window of their own."""
        from reader.ui.reading.all_notes import AllNotesDialog

        if getattr(self, "all_notes_dialog", None) is None:
            self.all_notes_dialog = AllNotesDialog(self.library, self)
            self.all_notes_dialog.open_requested.connect(self.open_mark)
        else:
            self.all_notes_dialog.refresh()
        self.all_notes_dialog.show()
        self.all_notes_dialog.raise_()
        self.all_notes_dialog.activateWindow()

    def open_mark(self, article_id: int, mark_id: int) -> None:
        """Open an article at one of its marks."""
        if self.current_article_id != article_id and not self.open_article(article_id):
            return
        mark = next((p.mark for p in self.marks.located if p.mark.id == mark_id), None)
        if mark is not None:
            self.marks.go_to(mark)
        self.activateWindow()

    def export_article_marks(self) -> None:
        """The open article's marks, as Markdown or JSON."""
        from reader.core.export import slugify
        from reader.ui.reading.all_notes import export_marks

        if self.current_article_id is None:
            return
        rows = self.library.all_marks(
            kinds=("highlight", "bookmark"), article_ids=[self.current_article_id]
        )
        if rows:
            target = export_marks(self, rows, slugify(rows[0].title))
            if target is not None:
                self.announce(self.tr("Marks exported to %1").replace("%1", target.name))

    def _picture_bytes(self, digest: str) -> bytes | None:
        picture = self.library.picture(digest)
        return picture.data if picture is not None else None

    def open_search_result(self, article_id: int, query_text: str, mark_id: int = 0) -> None:
        """Open the article at its first match, with every match highlighted; a result
        found by a note alone (``mark_id``) at that note's highlight."""
        from reader.core.search import query_matcher

        if not self.open_article(article_id):
            return
        ranges = self.article_view.find_ranges(query_matcher(query_text, self.library.index_kind))
        # The header's title may match too; the first match in the text is the one to show.
        self.article_view.set_highlights(ranges, 0 if ranges and not mark_id else None)
        mark = next((p.mark for p in self.marks.located if p.mark.id == mark_id), None)
        if mark is not None:
            self.marks.go_to(mark)

    def remove_articles(self, ids: list[int]) -> None:
        from reader.ui.library.removal import confirm_removal

        if not confirm_removal(self, self.library, ids):
            return
        if self.current_article_id in ids:
            self.tracker.close()
        self.library.remove(ids)
        self.history_ui.refresh()
        if self.current_article_id in ids:
            self.current_article_id = None
            self.marks.show_article(None)
            self.article_view.clear()
            self.text_size.set_article(None)
            self.setWindowTitle(APP_DISPLAY_NAME)
        self.library_panel.refresh()
        self._update_status()

    def show_search(self) -> None:
        self.side_tabs.show_search()

    # -- importing and files from outside (the command line, a file manager, a second start)

    def import_paths(self, paths: list[Path]) -> ImportJob | None:
        job = self.importer.start(paths)
        if job is None:
            self.statusBar().showMessage(self.tr("An import is already running"), 5000)
        return job

    def open_files(self, paths: list[Path]) -> None:
        """Import ``paths`` in the background and open the first article among them; an
        article already in the library is opened, not doubled."""
        self.importer.open(paths)

    def _import_done(self, report: ImportReport, open_first: bool) -> None:
        if open_first and report.stored:
            self.open_article(report.stored[0])  # (imported now or already there)
        elif report.imported and self.current_article_id is None:
            self.open_article(report.imported[0])
        elif self.current_article_id in report.given_pictures:
            self.open_article(self.current_article_id)  # (a copy with its pictures came in)
        else:
            self._update_status()  # (opening says the new count too)

    # -- keyboard, announcements, dialogs --------------------------------------------------

    def panes(self) -> list[QWidget]:
        """What F6 moves between: the side panel's list (or search box), the article, and
        the find bar when it is open."""
        panes = [self.side_tabs.focus_target(), self.article_view]
        find_bar = self.reading_pane.open_find_bar()
        if find_bar is not None:
            panes.append(find_bar.field)
        return panes

    def cycle_panes(self, direction: int) -> None:
        cycle_focus(self.panes(), direction)

    def announce(self, message: str) -> None:
        announce(self, message, self.statusBar())

    def show_shortcuts(self) -> None:
        from reader.ui.dialogs.shortcuts import ShortcutsDialog

        self.shortcuts_dialog = ShortcutsDialog(self)
        self.shortcuts_dialog.show()

    def show_about(self) -> None:
        from reader.ui.dialogs.about import AboutBox

        self.about_box = AboutBox(self, self.data_dir)
        self.about_box.open()

    def _update_status(self, words: int | None = None) -> None:
        self.statusBar().showMessage(self.library_panel.status_text(words))

    # -- the first paint, then what it shows, then what it does not -------------------------

    def paintEvent(self, event) -> None:
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

    def load_content(self) -> None:
        if self.content_loaded:
            return
        self.content_loaded = True
        from PySide6.QtGui import QAccessible

        # The text cursor: as chosen, and on while a screen reader is running (not saved).
        self.menus.show_text_cursor(self.preferences.get("text_cursor") or QAccessible.isActive())
        try:
            startup.trim_history(self.history, self.preferences, self.library.read_only)
        except LibraryError as exc:  # a full disk, say: trimming waits for a later start
            log.warning("%s", exc)
        try:
            self.library_panel.load()
            self.history_ui.refresh()
            first = self.model.id_at(0) if self.model.rowCount() else None
            candidates = startup.articles_to_open(
                self.history, self.preferences, self.state.get("last_article"), first
            )
            any(self.open_article(article_id) for article_id in candidates)
            self._update_status()
        except LibraryError as exc:  # said, not shown as an empty list
            from reader.ui.shell.library_problems import show_library_problem

            show_library_problem(self, exc)
        if self.library.notices:
            # e.g. the search index was missing and has been rebuilt
            notice = "; ".join(self.library.notices)
            self.statusBar().showMessage(notice[:1].upper() + notice[1:], 15000)
            self.library.notices.clear()
        self._rebuild_index_if_outdated()
        self.content_ready.emit()

    def _rebuild_index_if_outdated(self) -> None:
        try:
            outdated = self.library.index_outdated
        except LibraryError:
            return  # (said already where it was read)
        if outdated:
            from reader.ui.search.index_rebuild import IndexRebuild

            self.index_rebuild = IndexRebuild(self.library.path, self.statusBar())
            self.index_rebuild.start()

    def _load_extras(self) -> None:
        from reader.ui.shell.single_instance import serve

        appearance.set_window_icon(QApplication.instance())
        self.menus.load_icons()  # (in steps, from the next turn of the event loop)
        self.instance_server = serve(self, self.data_dir, self.open_files)
        self.read_aloud.load()  # may start a speech service (off the UI thread)

    def save_state(self) -> None:
        if self.content_loaded:  # (closed before it showed anything: keep what was kept)
            window_state.save(self, self.splitter, self.state, self.current_article_id)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.instance_server is not None:
            self.instance_server.close()
        self.importer.cancel_and_wait()
        self.read_aloud.shutdown()  # (stops reading; waits for an engine being made)
        if self.index_rebuild is not None:
            self.index_rebuild.stop_and_wait()  # (goes on from there at the next start)
        self.tracker.stop()
        self.side_tabs.close_panels()
        self.save_state()
        super().closeEvent(event)
