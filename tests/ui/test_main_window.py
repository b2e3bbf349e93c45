"""The reader window: the library list, the article view, menus, import, remove, state."""

from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QMessageBox,
    QPushButton,
    QToolButton,
)

from helpers import FIXTURES, REPO, menu_items
from reader.core.preferences import Preferences, State
from reader.ui.shell.main_window import MainWindow

DUMPS = FIXTURES / "dumps"


def list_titles(window):
    model = window.model
    return [model.index(row, 0).data() for row in range(model.rowCount())]


def test_the_window_lists_articles_and_shows_the_opened_one(make_window):
    window = make_window(DUMPS / "english.txt", DUMPS / "seedlike.txt")
    assert len(list_titles(window)) == 2
    row = next(i for i, t in enumerate(list_titles(window)) if "Lighthouse" in t)
    window.library_panel.view.setCurrentIndex(window.model.index(row, 0))
    window.library_panel.view.activated.emit(window.model.index(row, 0))
    text = window.article_view.toPlainText()
    assert text.splitlines()[0] == "Old Lighthouse Reopens as a Small Maritime Museum"
    assert "Jane Doe · Sunday, 12 March 2023, 09:05" in text  # the UI locale's long date
    assert "88 views" in text and "min read" in text
    assert "Views: 88" not in text and "Text size" not in text
    assert window.windowTitle().startswith("Old Lighthouse Reopens")


def test_rows_show_title_source_and_date_and_sort_by_each(make_window):
    window = make_window(DUMPS)
    model = window.model
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Title"
    dates = [model.id_at(r) for r in range(model.rowCount())]
    window.library_panel.view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    titles = list_titles(window)
    assert titles == sorted(titles, key=str.casefold)
    window.library_panel.view.sortByColumn(1, Qt.SortOrder.AscendingOrder)
    sources = [model.index(r, 1).data() for r in range(model.rowCount())]
    assert sources == sorted(sources, key=str.casefold)
    window.library_panel.view.sortByColumn(2, Qt.SortOrder.DescendingOrder)
    assert [model.id_at(r) for r in range(model.rowCount())] == dates


def test_in_a_narrow_pane_the_title_keeps_its_room_and_dragged_widths_are_kept(make_window, qtbot):
    window = make_window(FIXTURES / "dumps", width=800, height=600)
    view = window.library_panel.view
    header = view.horizontalHeader()
    assert header.sectionSize(0) >= 0.4 * view.viewport().width()
    assert view.horizontalScrollBar().maximum() == 0  # nothing hidden to the side
    # A width the reader drags gives way in a narrow pane and comes back in a wide one,
    # also when the pane was resized while another tab was in front.
    window.resize(1600, 900)
    window.splitter.setSizes([700, 900])
    header.resizeSection(1, 150)  # as the reader drags it
    window.history_ui.show()
    window.splitter.setSizes([260, 1340])
    window.side_tabs.setCurrentWidget(window.library_panel)
    qtbot.waitUntil(view.isVisible)
    assert header.sectionSize(1) < 150
    assert header.sectionSize(0) >= 0.4 * view.viewport().width()
    window.splitter.setSizes([700, 900])
    assert header.sectionSize(1) == 150
    assert header.sectionSize(0) >= 0.4 * view.viewport().width()


def test_the_filter_box_narrows_the_list_by_title_source_or_author(make_window, qtbot):
    window = make_window(DUMPS)
    box = window.library_panel.filter_box
    qtbot.keyClicks(box, "lighthouse")
    qtbot.waitUntil(lambda: window.model.rowCount() == 1)
    box.clear()
    qtbot.keyClicks(box, "example-news")  # a source
    qtbot.waitUntil(lambda: window.model.rowCount() == 1)
    box.clear()
    qtbot.keyClicks(box, "jane doe")  # an author, any case
    qtbot.waitUntil(
        lambda: list_titles(window) == ["Old Lighthouse Reopens as a Small Maritime Museum"]
    )
    box.clear()
    qtbot.waitUntil(lambda: window.model.rowCount() == 7)


def test_cyrillic_filter_ignores_case_and_yo(make_window, qtbot, tmp_path):
    note = tmp_path / "ёлка.md"
    note.write_text("# Ёлочный базар у школы\n\nТекст заметки о базаре.\n", encoding="utf-8")
    window = make_window(note, DUMPS / "english.txt")
    window.library_panel.filter_box.setText("ЕЛОЧНЫЙ")  # QTest cannot type Cyrillic keys
    qtbot.waitUntil(lambda: list_titles(window) == ["Ёлочный базар у школы"])


def test_keyboard_up_down_moves_and_enter_opens(make_window, qtbot):
    window = make_window(DUMPS)
    view = window.library_panel.view
    view.setFocus()
    view.setCurrentIndex(window.model.index(0, 0))
    qtbot.keyClick(view, Qt.Key.Key_Down)
    assert view.currentIndex().row() == 1
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert window.current_article_id == window.model.id_at(1)
    qtbot.keyClick(view, Qt.Key.Key_End)  # the last row (not the row's last cell)
    assert view.currentIndex().row() == window.model.rowCount() - 1
    qtbot.keyClick(view, Qt.Key.Key_Home)
    assert view.currentIndex().row() == 0


def test_delete_asks_then_removes_and_cancel_keeps(make_window, qtbot, answer_dialogs):
    window = make_window(DUMPS)
    view = window.library_panel.view
    view.setFocus()
    view.setCurrentIndex(window.model.index(0, 0))
    first = window.model.index(0, 0).data()
    answer_dialogs.reply = QMessageBox.StandardButton.Cancel
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert answer_dialogs.asked[-1].startswith(f"Remove “{first}” from the library?")
    assert window.model.rowCount() == 7
    answer_dialogs.reply = QMessageBox.StandardButton.Yes
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert window.model.rowCount() == 6
    assert first not in list_titles(window)
    assert window.library.count() == 6


def test_import_runs_in_the_background_and_rows_arrive(make_window, qtbot, answer_dialogs):
    window = make_window()
    assert window.model.rowCount() == 0
    job = window.import_paths([DUMPS])
    assert job is not None
    qtbot.waitUntil(lambda: not window.importer.running, timeout=15000)
    assert window.model.rowCount() == 7
    assert window.statusBar().currentMessage().startswith("7 articles")
    assert answer_dialogs.asked == []  # no failures, no dialog


def test_import_failures_are_summarised_in_one_dialog(make_window, qtbot, tmp_path, answer_dialogs):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    window = make_window()
    window.import_paths([empty, DUMPS / "english.txt"])
    qtbot.waitUntil(lambda: not window.importer.running, timeout=15000)
    assert window.model.rowCount() == 1
    assert answer_dialogs.asked == [
        "Some files could not be imported.\nimported 1, duplicates 0, failed 1"
    ]


def test_dropping_files_on_the_window_imports_them(make_window, qtbot):
    window = make_window()
    data = QMimeData()
    data.setUrls(
        [
            QUrl.fromLocalFile(str(DUMPS / "english.txt")),
            QUrl.fromLocalFile(str(DUMPS / "crlf.txt")),
        ]
    )
    args = (
        QPointF(50, 50),
        Qt.DropAction.CopyAction,
        data,
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
    )
    enter = QDragEnterEvent(QPoint(50, 50), *args[1:])  # Qt has no QPointF form of this one
    assert QApplication.sendEvent(window, enter) and enter.isAccepted()
    assert QApplication.sendEvent(window, QDropEvent(*args))
    qtbot.waitUntil(
        lambda: not window.importer.running and window.model.rowCount() == 2, timeout=15000
    )


def test_every_menu_and_toolbar_action_has_a_name(make_window):
    window = make_window(DUMPS / "english.txt")
    menus = [a.menu() for a in window.menuBar().actions()]
    assert [m.title() for m in menus] == ["&File", "&Edit", "&View", "&Go", "Hi&story", "&Help"]
    assert all(item.path[-1].replace("&", "").strip() for item in menu_items(window))
    for widget in (window.library_panel.view, window.library_panel.filter_box, window.article_view):
        assert widget.accessibleName()
    for action in window.toolbar.actions():
        widget = window.toolbar.widgetForAction(action)
        if action.isSeparator():
            continue
        if isinstance(widget, QToolButton):  # a button made for an action: named by it
            assert action.text().replace("&", "").strip()
        else:  # a group of controls (text size, read aloud): each of its buttons is named
            buttons = widget.findChildren(QAbstractButton)
            assert buttons and all(button.accessibleName() for button in buttons), widget


# Menu items without a mnemonic of their own: each menu has one, so Alt and the arrow
# keys reach them (and most have a shortcut). Giving them one changes what the reader
# sees, so it is left to an issue of its own; listed here so that an item added without
# one, or one that loses its mnemonic, fails (and one that gets a mnemonic leaves the list).
WITHOUT_MNEMONIC = {
    ("&File", "Remove from Library…"),
    ("&View", "Smaller Text"),
    ("&View", "Reset Text Size (100%)"),
    ("&View", "Larger Text"),
    ("&View", "Remember Size for This Article"),
    ("&View", "Use This Size for All Articles"),
    ("&View", "Read &Aloud", "Read Aloud"),
    ("&View", "Read &Aloud", "Stop Reading"),
    ("&View", "Read &Aloud", "Read Faster"),
    ("&View", "Read &Aloud", "Read Slower"),
    ("&View", "T&heme", "Follow System"),
    ("&View", "T&heme", "Light"),
    ("&View", "T&heme", "Sepia"),
    ("&View", "T&heme", "Dark"),
    ("&View", "T&heme", "High Contrast"),
    ("&View", "Filter Library"),
}
# Mnemonics two items of one menu share (pressed again, the key goes on to the other):
# "&30 Days" and "&365 Days" (the same kind of visible change to mend).
SHARED_MNEMONICS = {("Hi&story", "&Keep History"): {"3"}}


def test_every_menu_has_a_mnemonic_and_no_two_items_of_a_menu_share_one(make_window):
    items = menu_items(make_window())
    menus = {item.path for item in items if item.action.menu() is not None}
    # File, Edit (Highlight Colour), View (Read Aloud (Highlight While Reading), Theme, Line
    # Focus), Go, History (Keep History), Help
    assert len(menus) == 12
    assert {item.path for item in items if item.path in menus and not item.key} == set()
    assert {item.path for item in items if not item.key} == WITHOUT_MNEMONIC
    for menu in {(), *menus}:
        keys = [item.key for item in items if item.path[:-1] == menu and item.key]
        assert {k for k in keys if keys.count(k) > 1} == SHARED_MNEMONICS.get(menu, set()), menu


# What README.md ("Reading", "Comfort and accessibility") documents, by menu and item.
DOCUMENTED_SHORTCUTS = {
    ("File", "Import Files…"): ["Ctrl+O"],
    ("File", "Import Folder…"): ["Ctrl+Shift+O"],
    ("File", "Remove from Library…"): ["Del"],
    ("Edit", "Search Articles…"): ["Ctrl+K"],
    ("Edit", "Find in Article…"): ["Ctrl+F"],
    ("Edit", "Find Next"): ["F3"],
    ("Edit", "Find Previous"): ["Shift+F3"],
    ("Edit", "Highlight Selection"): ["Ctrl+Shift+H"],
    ("Edit", "Add or Edit Note…"): ["Ctrl+Shift+N"],
    ("Edit", "Add Bookmark"): ["Ctrl+D"],
    ("Edit", "Show Marks"): ["Ctrl+Shift+M"],
    ("View", "Smaller Text"): ["Ctrl+-"],
    ("View", "Reset Text Size (100%)"): ["Ctrl+0"],
    ("View", "Larger Text"): ["Ctrl++", "Ctrl+="],
    ("View", "Read Aloud", "Read Aloud"): ["Ctrl+R"],
    ("View", "Read Aloud", "Stop Reading"): ["Ctrl+."],
    ("View", "Read Aloud", "Read Faster"): ["Ctrl+]"],
    ("View", "Read Aloud", "Read Slower"): ["Ctrl+["],
    ("View", "Theme", "Next Theme"): ["Ctrl+Shift+T"],
    ("View", "Line Focus", "Show Line Focus"): ["Ctrl+Shift+L"],
    ("View", "Reading Settings…"): ["Ctrl+,"],
    ("View", "Text Cursor"): ["F7"],
    ("View", "Filter Library"): ["Ctrl+L"],
    ("View", "Next Pane"): ["F6"],
    ("View", "Previous Pane"): ["Shift+F6"],
    ("History", "Continue Reading"): ["Ctrl+Shift+R"],
    ("History", "Show History"): ["Ctrl+H"],
    ("Go", "Next Heading"): ["H"],
    ("Go", "Previous Heading"): ["Shift+H"],
    ("Go", "Next Link"): ["K"],
    ("Go", "Previous Link"): ["Shift+K"],
    ("Go", "Next List"): ["L"],
    ("Go", "Previous List"): ["Shift+L"],
    ("Go", "Next Quote"): ["Q"],
    ("Go", "Previous Quote"): ["Shift+Q"],
    ("Go", "Next Picture"): ["G"],
    ("Go", "Previous Picture"): ["Shift+G"],
    ("Go", "Contents…"): ["Ctrl+T"],
    ("Go", "Links…"): ["Ctrl+Shift+K"],
    ("Help", "Keyboard Shortcuts"): ["F1"],
}


def test_the_main_actions_have_the_shortcuts_the_readme_documents_and_none_is_shared(make_window):
    actions = {
        tuple(text.replace("&", "") for text in item.path): item.action
        for item in menu_items(make_window())
    }
    shown = {
        path: [key.toString() for key in actions[path].shortcuts()] for path in DOCUMENTED_SHORTCUTS
    }
    assert {
        path: keys
        for path, keys in shown.items()
        if not set(DOCUMENTED_SHORTCUTS[path]) <= set(keys)
    } == {}
    # Two actions with one shortcut: Qt runs neither.
    keys = [key.toString() for action in actions.values() for key in action.shortcuts()]
    assert {key for key in keys if keys.count(key) > 1} == set()


def test_geometry_splitter_and_last_article_come_back(qtbot, tmp_path, library, make_window):
    window = make_window(DUMPS)
    window.resize(760, 560)  # inside the offscreen screen, which restoring clamps to
    window.splitter.setSizes([250, 500])
    target = window.model.id_at(3)
    window.open_article(target)
    sizes = window.splitter.sizes()
    window.close()
    again = MainWindow(
        library, Preferences(tmp_path / "preferences.json"), State(tmp_path / "state.json")
    )
    qtbot.addWidget(again)
    again.show()
    qtbot.waitUntil(lambda: again.content_loaded)
    assert again.current_article_id == target
    assert (again.width(), again.height()) == (760, 560)
    assert again.splitter.sizes() == sizes


def test_about_names_the_version_license_and_a_working_data_folder_link(make_window, qtbot):
    from PySide6.QtWidgets import QLabel

    from reader import __version__

    window = make_window()
    window.menus.about.trigger()
    box = window.about_box
    qtbot.waitUntil(box.isVisible)
    text = box.findChild(QLabel, "qt_msgbox_label")
    assert __version__ in text.text() and "GPL-3.0-or-later" in text.text()
    assert f'href="file://{window.data_dir}"' in text.text() and str(window.data_dir) in text.text()
    assert text.textInteractionFlags() & Qt.TextInteractionFlag.LinksAccessibleByKeyboard
    assert text.openExternalLinks()
    assert "Open Library Folder" in [b.text() for b in box.buttons()]
    box.close()


def test_a_corrupt_preferences_file_gives_defaults_and_the_next_save_is_valid(
    tmp_path, library, qtbot, caplog
):
    import json

    prefs_file = tmp_path / "preferences.json"
    prefs_file.write_text("{ this is not json", encoding="utf-8")
    window = MainWindow(library, Preferences(prefs_file), State(tmp_path / "state.json"))
    qtbot.addWidget(window)
    assert window.text_size.percent == 100
    assert "not valid JSON" in caplog.text
    window.text_size.larger()
    assert json.loads(prefs_file.read_text(encoding="utf-8"))["text_size_percent"] == 110


def test_sample_articles_render_without_remote_requests(make_window):
    window = make_window(REPO / "resources" / "articles")
    for row in range(window.model.rowCount()):
        window.open_article(window.model.id_at(row))
    assert [
        u for u in window.article_view.requested_resources if u.scheme() in ("http", "https")
    ] == []


def test_cancelling_an_import_keeps_what_arrived(make_window, qtbot, tmp_path, answer_dialogs):
    folder = tmp_path / "many"
    folder.mkdir()
    for n in range(60):
        (folder / f"note{n:02d}.md").write_text(
            f"# Note {n}\n\nText of note number {n}.\n", encoding="utf-8"
        )
    window = make_window()
    window.import_paths([folder])
    window.importer.dialog.findChild(QPushButton).click()  # the progress dialog's Cancel
    qtbot.waitUntil(lambda: not window.importer.running, timeout=15000)
    count = window.library.count()
    assert count < 60
    assert window.model.rowCount() == count
    assert window.library._db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_opening_files_imports_and_shows_them_once(make_window, tmp_path, qtbot, answer_dialogs):
    note = tmp_path / "opened.md"
    note.write_text(
        "# Opened From Outside\n\nA file given on the command line.\n", encoding="utf-8"
    )
    other = tmp_path / "other.md"
    other.write_text("# Something Else\n\nAnother article.\n", encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    window = make_window()
    window.open_files([note, other])
    qtbot.waitUntil(lambda: window.windowTitle().startswith("Opened From Outside"), timeout=15000)
    assert not window.importer.running
    assert window.statusBar().currentMessage().startswith("2 articles · 7 words")
    assert window.model.rowCount() == 2
    assert answer_dialogs.asked == []
    window.open_article(window.model.id_at(window.model.row_of(window.current_article_id) ^ 1))
    assert window.windowTitle().startswith("Something Else")
    window.open_files([note, empty])
    qtbot.waitUntil(lambda: window.windowTitle().startswith("Opened From Outside"), timeout=15000)
    assert window.model.rowCount() == 2  # already there: shown, not doubled
    assert answer_dialogs.asked == [
        "Some files could not be imported.\nimported 0, duplicates 1, failed 1"
    ]


def test_files_that_arrive_during_an_import_wait_for_it(
    make_window, tmp_path, qtbot, answer_dialogs
):
    folder = tmp_path / "many"
    folder.mkdir()
    for n in range(30):
        (folder / f"note{n:02d}.md").write_text(
            f"# Note {n}\n\nText of note {n}.\n", encoding="utf-8"
        )
    late = tmp_path / "late.md"
    late.write_text("# Came Later\n\nGiven while the folder was importing.\n", encoding="utf-8")
    window = make_window()
    assert window.import_paths([folder]) is not None
    window.open_files([late])  # (as a second start hands them over)
    qtbot.waitUntil(lambda: window.windowTitle().startswith("Came Later"), timeout=30000)
    assert window.library.count() == 31
    assert window.model.rowCount() == 31


def test_the_command_line_opens_a_file_and_reports_one_it_cannot_read(tmp_path):
    import os
    import subprocess
    import sys

    note = tmp_path / "cli.md"
    note.write_text("# From The Shell\n\nOpened with article-reader FILE.\n", encoding="utf-8")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    command = [
        sys.executable,
        "-m",
        "reader",
        "--data-dir",
        str(tmp_path / "data"),
        "--quit-after-load",
    ]
    done = subprocess.run(
        [*command, str(note)], env=env, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0 and "showing 'From The Shell" in done.stdout
    (tmp_path / "empty.md").write_bytes(b"")
    done = subprocess.run(
        [*command, str(tmp_path / "empty.md")], env=env, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 1
    assert f"article-reader: {tmp_path / 'empty.md'}: the file is empty" in done.stderr
    done = subprocess.run(
        [*command, str(tmp_path / "missing.md")],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert (done.returncode, done.stderr.strip()) == (
        2,
        f"article-reader: {tmp_path / 'missing.md'}: no such file or folder",
    )
