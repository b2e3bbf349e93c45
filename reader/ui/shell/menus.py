"""The window's own actions, its menu bar and its toolbar. The panels bring their own
actions (text size, comfort, read aloud, history); this puts every action in its menu,
with its key, so Help → Keyboard Shortcuts can list them all from the menus."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QToolBar, QToolButton

from reader.ui.reading.read_aloud import ReadAloudWidget
from reader.ui.reading.text_size import TextSizeWidget
from reader.ui.shell.icons import ActionIcons, follow_read_aloud

if TYPE_CHECKING:
    from reader.ui.shell.main_window import MainWindow


class WindowMenus(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self._make_actions()
        self._fill_menu_bar()
        self.toolbar = self._make_toolbar()
        self.icons = self._assign_icons()

    def _action(
        self, text: str, slot, keys: str | QKeySequence.StandardKey | None = None
    ) -> QAction:
        action = QAction(text, self._window)
        if keys is not None:
            action.setShortcut(QKeySequence(keys))
        action.triggered.connect(slot)
        return action

    def _make_actions(self) -> None:
        w = self._window
        self.import_files = self._action(
            self.tr("&Import Files…"), w.importer.choose_files, QKeySequence.StandardKey.Open
        )
        self.import_folder = self._action(
            self.tr("Import &Folder…"), w.importer.choose_folder, "Ctrl+Shift+O"
        )
        self.quit = self._action(self.tr("&Quit"), w.close, QKeySequence.StandardKey.Quit)
        self.about = self._action(self.tr("&About Article Reader"), w.show_about)
        self.focus_filter = self._action(
            self.tr("Filter Library"), w.side_tabs.focus_filter, "Ctrl+L"
        )
        self.search = self._action(self.tr("&Search Articles…"), w.show_search)
        self.search.setShortcuts([QKeySequence("Ctrl+K"), QKeySequence("Ctrl+Shift+F")])
        self.find = self._action(
            self.tr("&Find in Article…"),
            lambda: w.find_bar.open_bar(),
            QKeySequence.StandardKey.Find,
        )
        self.find_next = self._action(self.tr("Find &Next"), lambda: w.find_bar.next(), "F3")
        self.find_previous = self._action(
            self.tr("Find &Previous"), lambda: w.find_bar.previous(), "Shift+F3"
        )
        self.next_pane = self._action(self.tr("Next &Pane"), lambda: w.cycle_panes(1), "F6")
        self.previous_pane = self._action(
            self.tr("Pre&vious Pane"), lambda: w.cycle_panes(-1), "Shift+F6"
        )
        self.text_cursor = QAction(self.tr("Text &Cursor"), w)
        self.text_cursor.setCheckable(True)
        self.text_cursor.setShortcut(QKeySequence("F7"))
        self.text_cursor.setToolTip(
            self.tr(
                "Move through the article with a text cursor (arrow keys), as screen readers do"
            )
        )
        self.text_cursor.toggled.connect(self._text_cursor_toggled)
        self.shortcuts = self._action(self.tr("&Keyboard Shortcuts"), w.show_shortcuts, "F1")
        self.show_marks = self._action(
            self.tr("Show &Marks"), w.side_tabs.show_marks, "Ctrl+Shift+M"
        )
        self.all_notes = self._action(self.tr("&All Notes and Highlights…"), w.show_all_notes)
        self.export_marks = self._action(
            self.tr("E&xport This Article's Marks…"), w.export_article_marks
        )
        # Keys work with the menu bar hidden or the focus in a dialog-less panel too.
        for action in (
            self.next_pane,
            self.previous_pane,
            self.shortcuts,
            self.text_cursor,
            *w.comfort.actions(),
            *w.read_aloud.actions(),
            self.import_files,
            self.import_folder,
            self.quit,
            self.about,
            self.focus_filter,
            w.history_ui.continue_action,
            w.history_ui.show_action,
            self.search,
            self.find,
            self.find_next,
            self.find_previous,
            w.navigation.contents_action,
            w.navigation.links_action,
            *w.text_size.actions(),
            *w.marks.actions(),
            self.show_marks,
        ):
            w.addAction(action)
        # (The structural keys are the article's own: single letters, only while it has the
        # keyboard focus; see reading/navigation.py.)

    def show_text_cursor(self, on: bool) -> None:
        """Turn the text cursor on or off without saying so or saving it (at start)."""
        self._window.article_view.set_text_cursor(on)
        self.text_cursor.blockSignals(True)
        self.text_cursor.setChecked(on)
        self.text_cursor.blockSignals(False)

    def _text_cursor_toggled(self, on: bool) -> None:
        # (Only the reader's own F7 comes here: the start sets the action quietly.)
        w = self._window
        w.article_view.set_text_cursor(on)
        w.preferences.set("text_cursor", on)
        w.announce(self.tr("Text cursor on") if on else self.tr("Text cursor off"))

    def _fill_menu_bar(self) -> None:
        w = self._window
        bar = w.menuBar()
        menu = bar.addMenu(self.tr("&File"))
        menu.addAction(self.import_files)
        menu.addAction(self.import_folder)
        menu.addSeparator()
        menu.addAction(w.library_panel.remove_action)
        menu.addSeparator()
        menu.addAction(self.quit)
        menu = bar.addMenu(self.tr("&Edit"))
        for action in (self.search, self.find, self.find_next, self.find_previous):
            menu.addAction(action)
        menu.addSeparator()
        marks = w.marks
        menu.addAction(marks.highlight_action)
        colours = menu.addMenu(self.tr("Highlight &Colour"))
        for action in marks.colour_actions.values():
            colours.addAction(action)
        for action in (marks.note_action, marks.remove_action, marks.bookmark_action):
            menu.addAction(action)
        menu.addSeparator()
        for action in (self.show_marks, self.all_notes, self.export_marks):
            menu.addAction(action)
        menu = bar.addMenu(self.tr("&View"))
        size = w.text_size
        menu.addAction(size.smaller_action)
        menu.addAction(size.reset_action)
        menu.addAction(size.larger_action)
        menu.addSeparator()
        menu.addAction(size.remember_action)
        menu.addAction(size.use_for_all_action)
        menu.addSeparator()
        speech = menu.addMenu(self.tr("Read &Aloud"))
        for action in w.read_aloud.actions():
            speech.addAction(action)
        speech.addSeparator()
        highlight = speech.addMenu(self.tr("&Highlight While Reading"))
        for action in w.read_aloud.highlight_actions.values():
            highlight.addAction(action)
        w.comfort.fill_menu(menu)
        menu.addSeparator()
        for action in (self.text_cursor, self.focus_filter, self.next_pane, self.previous_pane):
            menu.addAction(action)
        menu = bar.addMenu(self.tr("&Go"))
        for index, action in enumerate(w.navigation.actions()):
            if index and index % 2 == 0:
                menu.addSeparator()
            menu.addAction(action)
        menu.addSeparator()
        menu.addAction(w.navigation.contents_action)
        menu.addAction(w.navigation.links_action)
        w.history_ui.fill_menu(bar.addMenu(self.tr("Hi&story")))
        menu = bar.addMenu(self.tr("&Help"))
        menu.addAction(self.shortcuts)
        menu.addAction(self.about)

    def _make_toolbar(self) -> QToolBar:
        w = self._window
        toolbar = QToolBar(self.tr("Main Toolbar"), w)
        toolbar.setObjectName("mainToolbar")
        toolbar.setMovable(False)
        # Icon and words: the words say what the icon cannot (the icons come after the
        # first paint; see reader.ui.shell.icons).
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        # − o + first: a toolbar short of room (large interface text) hides its last
        # items, and the text size must never be one of them.
        self.text_size_widget = TextSizeWidget(w.text_size)
        toolbar.addWidget(self.text_size_widget)
        toolbar.addSeparator()
        toolbar.addAction(self.import_files)
        toolbar.addAction(w.history_ui.continue_action)
        toolbar.addSeparator()
        self.read_aloud_widget = ReadAloudWidget(w.read_aloud, toolbar)
        toolbar.addWidget(self.read_aloud_widget)
        w.addToolBar(Qt.ToolBarArea.TopToolBarArea, toolbar)
        # Qt draws the icon of an "auto-raised" button (the toolbar's kind) under the
        # pointer in its active colours, meant for a selected menu item (highlighted text,
        # on the highlight): on the toolbar it would vanish. The style sheet draws these
        # buttons as it draws the others, which are not auto-raised.
        for action in toolbar.actions():
            button = toolbar.widgetForAction(action)
            if isinstance(button, QToolButton):
                button.setAutoRaise(False)
        # Qt's overflow buttons (shown when the window is too narrow) come without names.
        for owner, name in (
            (toolbar, self.tr("More toolbar buttons")),
            (w.menuBar(), self.tr("More menus")),
        ):
            for button in owner.findChildren(QToolButton):
                if button.objectName() in ("qt_toolbar_ext_button", "qt_menubar_ext_button"):
                    button.setAccessibleName(name)
                    button.setToolTip(name)
        return toolbar

    def _assign_icons(self) -> ActionIcons:
        """Icons for the main commands (not for every item: a menu of icons is harder to
        read than one of words). They are drawn after the first paint."""
        w = self._window
        icons = ActionIcons(self.toolbar, w.menuBar())
        speech = w.read_aloud
        for action, key in (
            (self.import_files, "import_files"),
            (self.import_folder, "import_folder"),
            (w.library_panel.remove_action, "remove"),
            (self.search, "search"),
            (self.find, "find"),
            (speech.stop_action, "stop_reading"),
            (w.comfort.settings_action, "settings"),
            (w.history_ui.continue_action, "continue_reading"),
            (w.history_ui.show_action, "history"),
            (w.history_ui.clear_action, "clear_history"),
            (self.shortcuts, "shortcuts"),
            (self.about, "about"),
        ):
            icons.assign(action, key)
        follow_read_aloud(icons, speech)
        # The toolbar's buttons keep their size when their icons come.
        for action in (self.import_files, w.history_ui.continue_action):
            icons.reserve(action, self.toolbar.iconSize())
        self.read_aloud_widget.follow_icon_size(self.toolbar)
        return icons

    def load_icons(self) -> None:
        self.icons.load()
