"""The Search tab finds articles by the notes the reader wrote on them, shows the note
with its matched words, and opens the article at the note's highlight."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QInputDialog
from test_marks_ui import ARTICLE

from reader.ui.shell.appearance import current_theme


@pytest.fixture
def window(make_window, tmp_path):
    (tmp_path / "ferry.md").write_text(ARTICLE, "utf-8")
    (tmp_path / "kz.md").write_text(
        "# Новости региона\n\nВ Казахстане открыли музей.\n", encoding="utf-8"
    )
    return make_window(tmp_path / "ferry.md", tmp_path / "kz.md")


def _write_note(window, monkeypatch, words: str, note: str) -> None:
    """Select ``words`` of the open article and give them ``note``, as the reader does."""
    view = window.article_view
    start = view.document().toRawText().index(words)
    cursor = QTextCursor(view.document())
    cursor.setPosition(start)
    cursor.setPosition(start + len(words), QTextCursor.MoveMode.KeepAnchor)
    view.setTextCursor(cursor)
    monkeypatch.setattr(
        QInputDialog, "getMultiLineText", staticmethod(lambda *a, **k: (note, True))
    )
    window.marks.note_action.trigger()


def _search(window, qtbot, text: str):
    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    panel = window.search_panel
    before = panel.last_results
    panel.box.setText(text)  # (QTest cannot type Cyrillic keys)
    qtbot.waitUntil(
        lambda: panel.last_results is not before and panel.status.text().endswith(" ms"),
        timeout=5000,
    )
    return panel


def _marked_words(document) -> list[str]:
    """The words drawn in the match colours in a result's document."""
    match = current_theme().match
    cursor = QTextCursor(document)
    marked, word = [], ""
    for position in range(document.characterCount() - 1):
        cursor.setPosition(position + 1)  # (the format of the character before it)
        if cursor.charFormat().background().color().name() == match:
            word += document.characterAt(position)
        elif word:
            marked.append(word)
            word = ""
    return marked + ([word] if word else [])


def test_a_note_finds_its_article_shows_the_note_and_opens_at_it(window, qtbot, monkeypatch):
    ferry = next(i for i in window.library.ids() if window.library.get(i).title.startswith("The"))
    window.open_article(ferry)
    _write_note(window, monkeypatch, "A new boat", "Спросить о людях")
    window.open_article(next(i for i in window.library.ids() if i != ferry))

    panel = _search(window, qtbot, "человек")  # «людях» is a form of «человек»
    assert panel.model.rowCount() == 1
    index = panel.model.index(0, 0)
    assert panel.status.text().startswith("1 found in ")
    # What the row shows: title, source, the words the note is on, and the note.
    lines = panel.results.itemDelegate()._document(index, 400).toPlainText().splitlines()
    assert lines[0] == "The ferry is saved"
    assert lines[2] == "\u201cA new boat\u201d"
    assert lines[3] == "Note: Спросить о людях"
    document = panel.results.itemDelegate()._document(index, 400)
    assert _marked_words(document) == ["людях"]
    # What a screen reader is told of the row: the same, the note with its label.
    assert index.data().splitlines()[-1] == "Note: Спросить о людях"

    panel.results.setFocus()
    qtbot.keyClick(panel.results, Qt.Key.Key_Return)
    view = window.article_view
    assert window.current_article_id == ferry
    text = view.document().toRawText()
    assert view.textCursor().position() == text.index("A new boat")


def test_a_text_match_with_a_note_is_one_row_and_editing_the_note_away_removes_it(
    window, qtbot, monkeypatch
):
    ferry = next(i for i in window.library.ids() if window.library.get(i).title.startswith("The"))
    window.open_article(ferry)
    _write_note(window, monkeypatch, "river ferry", "The ferry crossing matters to people")
    panel = _search(window, qtbot, "ferry")
    assert panel.model.rowCount() == 1
    index = panel.model.index(0, 0)
    hit = index.data(Qt.ItemDataRole.UserRole + 1)
    assert hit.in_text and hit.note is not None
    lines = panel.results.itemDelegate()._document(index, 400).toPlainText().splitlines()
    assert lines[-1] == "Note: The ferry crossing matters to people"

    panel = _search(window, qtbot, "crossing")
    assert panel.model.rowCount() == 1
    window.open_article(ferry)
    _write_note(window, monkeypatch, "river ferry", "Fares")  # (the same highlight's note)
    panel = _search(window, qtbot, "crossings")
    assert panel.model.rowCount() == 0
    assert panel.status.text().startswith("0 found in ")
