"""Highlights, notes and bookmarks in the window: made from a selection, drawn over the
same words at any size and in any theme, listed in the Marks tab, found in All Notes."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QInputDialog

from reader.core.export import export_articles
from reader.core.file_import import import_paths
from reader.core.themes import THEMES, mark_colours
from reader.ui.reading.marks import ArticleMarks

ARTICLE = """---
title: The ferry is saved
source: Northbridge Post
---

## What happened

The council voted on Monday to keep the river ferry running for another ten years, after
a petition signed by four thousand people asked it to.

## What comes next

A new boat will be ordered in the spring, and the old one will be kept as a spare while
the landing stages are repaired.
"""


@pytest.fixture
def window(make_window, tmp_path):
    path = tmp_path / "ferry.md"
    path.write_text(ARTICLE, "utf-8")
    window = make_window(path)
    window.open_article(window.model.id_at(0))
    return window


def _select(window, words: str) -> tuple[int, int]:
    view = window.article_view
    text = view.document().toRawText()
    start = text.index(words)
    cursor = QTextCursor(view.document())
    cursor.setPosition(start)
    cursor.setPosition(start + len(words), QTextCursor.MoveMode.KeepAnchor)
    view.setTextCursor(cursor)
    return start, start + len(words)


def _drawn(window) -> list[tuple[str, str]]:
    """The words each highlight is drawn over, and its background colour."""
    return [
        (s.cursor.selectedText(), s.format.background().color().name())
        for s in window.article_view.extraSelections()
        if s.format.underlineStyle() != s.format.underlineStyle().NoUnderline
    ]


def _pixel_under(window, position: int) -> str:
    view = window.article_view
    cursor = QTextCursor(view.document())
    cursor.setPosition(position)
    rect = view.cursorRect(cursor)
    image = view.viewport().grab().toImage()
    return image.pixelColor(rect.left() + 3, rect.top() + 2).name()


def test_a_selection_is_highlighted_kept_and_drawn_in_the_chosen_colour(window, library):
    view = window.article_view
    start, _ = _select(window, "four thousand people")
    window.marks.colour_actions["green"].trigger()
    window.marks.highlight_action.trigger()
    light = mark_colours(THEMES["light"])
    assert _drawn(window) == [("four thousand people", light["green"][0])]
    view.scrollToAnchor("")
    assert _pixel_under(window, start + 1) == light["green"][0]
    rows = library._db.execute("SELECT kind, quote, colour FROM marks").fetchall()
    assert rows == [("highlight", "four thousand people", "green")]
    assert window.statusBar().currentMessage() == "Highlighted: four thousand people"


@pytest.mark.parametrize("key", sorted(THEMES))
def test_a_highlight_stays_on_its_words_at_400_percent_narrow_and_in_every_theme(
    window, make_window, key
):
    _select(window, "river ferry running")
    window.marks.highlight_action.trigger()
    while window.text_size.percent < 400:
        window.text_size.larger()
    window.resize(520, 600)
    window.comfort.set_theme(key)
    colour = mark_colours(THEMES[key])["yellow"][0]
    assert _drawn(window) == [("river ferry running", colour)]
    # Shown anew (another article and back: a new document): the same words again.
    window.open_article(window.current_article_id)
    assert _drawn(window) == [("river ferry running", colour)]
    start = window.article_view.document().toRawText().index("river ferry running")
    window.marks.go_to(window.marks.located[0].mark)
    assert _pixel_under(window, start + 1) == colour


def test_a_note_is_added_to_a_highlight_and_shown_in_the_marks_tab(window, monkeypatch):
    monkeypatch.setattr(
        QInputDialog, "getMultiLineText", staticmethod(lambda *a, **k: ("Ask about fares", True))
    )
    _select(window, "A new boat")
    window.marks.note_action.trigger()
    window.side_tabs.show_marks()
    panel = window.side_tabs.marks_panel
    assert panel.list.count() == 1
    assert panel.list.item(0).text() == "Highlight (Yellow): “A new boat”\nNote: Ask about fares"
    assert panel.list.hasFocus()
    assert window.marks.located[0].mark.note == "Ask about fares"


def test_a_bookmark_takes_the_heading_s_name_and_is_announced(window, qtbot):
    view = window.article_view
    window.menus.text_cursor.setChecked(True)
    text = view.document().toRawText()
    cursor = QTextCursor(view.document())
    cursor.setPosition(text.index("A new boat"))
    view.setTextCursor(cursor)
    window.marks.bookmark_action.trigger()
    assert window.statusBar().currentMessage() == "Bookmark added: What comes next"
    window.side_tabs.show_marks()
    assert window.side_tabs.marks_panel.list.item(0).text() == "Bookmark: What comes next"


def test_the_marks_tab_shows_marks_made_while_another_tab_was_showing(window, qtbot):
    # While the Marks tab is hidden its rows are not built (an article with hundreds of
    # highlights opens without them); shown, it lists what was made meanwhile.
    window.side_tabs.show_marks()
    panel = window.side_tabs.marks_panel
    assert panel.list.count() == 0
    window.side_tabs.setCurrentIndex(0)  # the Library tab
    assert not panel.isVisible()
    _select(window, "A new boat")
    window.marks.highlight_action.trigger()
    _select(window, "river ferry running")
    window.marks.highlight_action.trigger()
    window.side_tabs.show_marks()
    assert [panel.list.item(i).text() for i in range(panel.list.count())] == [
        "Highlight (Yellow): “river ferry running”",
        "Highlight (Yellow): “A new boat”",
    ]
    assert panel.heading.text() == "&Marks in this article: 2"


def test_the_marks_tab_goes_to_removes_after_asking_and_renames(
    window, qtbot, answer_dialogs, monkeypatch
):
    view = window.article_view
    start, _ = _select(window, "landing stages")
    window.marks.highlight_action.trigger()
    _select(window, "The council voted")
    window.marks.highlight_action.trigger()
    window.side_tabs.show_marks()
    panel = window.side_tabs.marks_panel
    # In the order of the text.
    assert [panel.list.item(i).text() for i in range(2)] == [
        "Highlight (Yellow): “The council voted”",
        "Highlight (Yellow): “landing stages”",
    ]
    panel.list.setCurrentRow(1)
    qtbot.keyClick(panel.list, Qt.Key.Key_Return)
    assert view.textCursor().position() == start
    assert view.hasFocus()
    panel.list.setFocus()
    answer_dialogs.reply = answer_dialogs.reply.No
    qtbot.keyClick(panel.list, Qt.Key.Key_Delete)
    assert answer_dialogs.asked == ["Remove the highlight “landing stages”?"]
    assert panel.list.count() == 2
    answer_dialogs.reply = answer_dialogs.reply.Yes
    qtbot.keyClick(panel.list, Qt.Key.Key_Delete)
    assert panel.list.count() == 1
    assert _drawn(window) == [("The council voted", mark_colours(THEMES["light"])["yellow"][0])]
    assert window.statusBar().currentMessage() == "Highlight removed: landing stages"


def test_all_notes_lists_every_article_s_newest_first_and_opens_one_at_its_mark(
    window, qtbot, tmp_path
):
    _select(window, "ten years")
    window.marks.highlight_action.trigger()
    _select(window, "kept as a spare")
    window.marks.highlight_action.trigger()
    window.show_all_notes()
    dialog = window.all_notes_dialog
    table = dialog.model
    assert [table.line(i).words for i in range(2)] == ["kept as a spare", "ten years"]
    dialog.filter_box.setText("TEN")
    qtbot.waitUntil(lambda: len(dialog.model.ids) == 1)
    dialog.table.setFocus()
    qtbot.keyClick(dialog.table, Qt.Key.Key_Return)
    text = window.article_view.document().toRawText()
    assert window.article_view.textCursor().position() == text.index("ten years")


def test_highlights_come_back_on_the_same_words_after_export_and_import(
    window, make_window, tmp_path, qtbot
):
    _select(window, "petition signed")
    window.marks.highlight_action.trigger()
    export_articles(
        window.library.articles(),
        tmp_path / "out",
        window.library.pictures_of,
        window.library.marks_of,
    )
    from reader.core.store import Library

    other = Library.open(tmp_path / "other.sqlite3")
    try:
        report = import_paths(other, [tmp_path / "out"])
        assert report.imported
        marks = ArticleMarks(window.article_view, other, window.preferences, window)
        marks.show_article(report.imported[0])
        window.reading_pane.show_article(other.get(report.imported[0]), None, {})
        drawn = [
            s.cursor.selectedText()
            for s in window.article_view.extraSelections()
            if s.format.underlineStyle() != s.format.underlineStyle().NoUnderline
        ]
        assert "petition signed" in drawn
        marks.deleteLater()
    finally:
        other.close()
