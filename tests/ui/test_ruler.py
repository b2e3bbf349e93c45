"""Line focus (a reading ruler), as the reader sees it: the article's pixels dimmed
outside a band of lines around the text cursor or the sentence read aloud, in each theme,
at any text size; and the setting, kept in the preferences."""

import json

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QImage, QTextCursor
from PySide6.QtWidgets import QApplication

from reader.core.preferences import Preferences, State
from reader.core.themes import THEMES, line_focus_shade, shaded
from reader.ui.shell.main_window import MainWindow

SENTENCE = "It goes on for a while, word after word, so that the line fills and wraps onto "
PARAGRAPHS = "\n\n".join(
    f"Paragraph {n} begins here. {SENTENCE}the next one. And a third sentence ends it here."
    for n in range(40)
)


@pytest.fixture
def article(tmp_path):
    path = tmp_path / "ruler.md"
    path.write_text("# Line focus\n\n" + PARAGRAPHS + "\n", encoding="utf-8")
    return path


@pytest.fixture
def window(make_window, article):
    window = make_window(article, width=900, height=760)
    window.menus.text_cursor.setChecked(True)  # F7: the arrow keys move a text cursor
    return window


# -- what is seen --------------------------------------------------------------------------


def image(view):
    """The viewport as it is on the screen now: what was painted into the window,
    after what is waiting to be painted (not drawn afresh: a part left unpainted shows)."""
    QApplication.processEvents()
    viewport = view.viewport()
    corner = viewport.mapTo(view.window(), QPoint(0, 0))
    return (
        view.screen()
        .grabWindow(
            view.window().winId(), corner.x(), corner.y(), viewport.width(), viewport.height()
        )
        .toImage()
        .convertToFormat(QImage.Format.Format_RGB888)
    )


def lines_around(view, cursor: QTextCursor, reach: int) -> dict[int, int]:
    """The middle row (viewport y) of the visual lines ``reach`` above and below the
    cursor's, by their offset from it (0: the cursor's line), as far as they are in view:
    found by moving a cursor line by line, as the arrow keys do."""
    rows = {0: view.cursorRect(cursor).center().y()}
    for direction, move in (
        (1, QTextCursor.MoveOperation.Down),
        (-1, QTextCursor.MoveOperation.Up),
    ):
        probe = QTextCursor(cursor)
        for distance in range(1, reach + 1):
            if not probe.movePosition(move):
                break
            y = view.cursorRect(probe).center().y()
            if 0 <= y < view.viewport().height():
                rows[direction * distance] = y
    return rows


def near(colour: QColor, expected: str, slack: int = 1) -> bool:
    want = QColor(expected)
    return all(
        abs(a - b) <= slack for a, b in zip(colour.getRgb()[:3], want.getRgb()[:3], strict=True)
    )


def row_state(view, shown, plain, y: int) -> str:
    """How row ``y`` of ``shown`` (line focus on) looks beside ``plain`` (the same view
    with it off): "focused" (every pixel as it was), "dimmed" (every pixel under the
    theme's shade) or "mixed". The caret's columns are left out (it blinks)."""
    colour, opacity, _edge = line_focus_shade(view.theme)
    shade = QColor(colour).getRgb()[:3]
    caret = view.cursorRect()
    keep = [x for x in range(shown.width()) if not caret.left() - 2 <= x <= caret.right() + 2]
    a, b = pixels(shown, y), pixels(plain, y)
    if all(a[x] == b[x] for x in keep):
        return "focused"
    if all(
        all(abs(a[x][i] - (b[x][i] * (1 - opacity) + shade[i] * opacity)) <= 1.5 for i in range(3))
        for x in keep
    ):
        return "dimmed"
    return "mixed"


def pixels(picture, y: int) -> list[tuple[int, int, int]]:
    """Row ``y`` of ``picture`` as (red, green, blue) triples."""
    line = bytes(picture.constScanLine(y))[: picture.width() * 3]
    return [tuple(line[i : i + 3]) for i in range(0, len(line), 3)]


def renderings(view):
    """The viewport as shown, and as it is drawn without line focus."""
    shown = image(view)
    settings = view.reading_settings
    view.set_reading_settings(settings._replace(line_focus=0))
    plain = view.viewport().grab().toImage().convertToFormat(QImage.Format.Format_RGB888)
    view.set_reading_settings(settings)
    QApplication.processEvents()  # (painted now: what comes next must paint by itself)
    return shown, plain


def put_cursor(view, text: str, offset: int = 0) -> QTextCursor:
    """The text cursor at ``text`` (+ offset), its line in the middle of the view."""
    cursor = QTextCursor(view.document())
    cursor.setPosition(view.toPlainText().index(text) + offset)
    view.setTextCursor(cursor)
    bar = view.verticalScrollBar()
    bar.setValue(bar.value() + view.cursorRect().center().y() - view.viewport().height() // 2)
    return view.textCursor()


def assert_band(view, lines: int, reach: int | None = None) -> dict[int, int]:
    """``lines`` lines around the cursor's keep their colours (the theme's page among
    them); the ones beyond are dimmed (as far as ``reach`` lines out)."""
    half = lines // 2
    rows = lines_around(view, view.textCursor(), reach or half + 2)
    shown, plain = renderings(view)
    states = {offset: row_state(view, shown, plain, y) for offset, y in rows.items()}
    assert states == {offset: "focused" if abs(offset) <= half else "dimmed" for offset in rows}, (
        rows
    )
    if (reach or half + 2) > half:  # (the rows beyond the band were in view)
        assert {-half - 1, half + 1} <= set(rows)
    assert shown.pixelColor(3, rows[0]).name() == view.theme.base
    return rows


# -- the band --------------------------------------------------------------------------------


def test_off_nothing_is_dimmed(window):
    view = window.article_view
    put_cursor(view, "Paragraph 5 ")
    picture = image(view)
    rows = lines_around(view, view.textCursor(), 4)
    assert len(rows) == 9
    assert {picture.pixelColor(3, y).name() for y in rows.values()} == {THEMES["light"].base}


@pytest.mark.parametrize("lines", [1, 3, 5])
def test_the_band_holds_one_three_or_five_lines_around_the_cursor(window, lines):
    view = window.article_view
    window.comfort.set_line_focus(lines)
    put_cursor(view, "Paragraph 5 ", 30)  # inside a paragraph's wrapped lines
    assert_band(view, lines)


@pytest.mark.parametrize("key", ["light", "sepia", "dark", "high_contrast"])
@pytest.mark.parametrize("percent", [100, 400])
def test_in_every_theme_and_at_400_percent(window, key, percent):
    view = window.article_view
    window.comfort.set_theme(key)
    window.text_size.set_default_percent(percent)
    window.comfort.set_line_focus(3)
    put_cursor(view, "Paragraph 5 ", 30)
    theme = THEMES[key]
    rows = assert_band(view, 3)
    _colour, _opacity, edge = line_focus_shade(theme)
    picture = image(view)
    edges = {
        y for y in range(rows[-2], rows[2]) if picture.pixelColor(3, y).name() == (edge or "-")
    }
    if key == "high_contrast":  # the band's edges, drawn outside it: one above, one below
        assert edges and min(edges) < rows[-1] < rows[1] < max(edges)
        assert len(edges) == 6
    else:
        assert edges == set()


@pytest.mark.parametrize("text_cursor", [True, False])
def test_the_band_follows_the_arrow_keys(window, qtbot, text_cursor):
    view = window.article_view
    window.menus.text_cursor.setChecked(text_cursor)  # (without it, they move the band)
    window.comfort.set_line_focus(3)
    view.setFocus()
    rows = lines_around(view, put_cursor(view, "Paragraph 5 "), 2)
    qtbot.keyClick(view, Qt.Key.Key_Down)
    assert view.cursorRect().center().y() == rows[1]  # a line down, the view where it was
    assert_band(view, 3)
    qtbot.keyClick(view, Qt.Key.Key_Up)
    qtbot.keyClick(view, Qt.Key.Key_Up)
    assert view.cursorRect().center().y() == rows[-1]
    assert_band(view, 3)


def test_down_keeps_the_whole_band_in_view(window, qtbot):
    view = window.article_view
    window.comfort.set_line_focus(5)
    view.setFocus()
    put_cursor(view, "Paragraph 1 ")
    bar = view.verticalScrollBar()
    start = bar.value()
    for _ in range(40):
        qtbot.keyClick(view, Qt.Key.Key_Down)
    assert bar.value() > start
    # The band's five lines are in view, and none of them is dimmed.
    rows = assert_band(view, 5, reach=2)
    assert set(rows) == {-2, -1, 0, 1, 2}


def test_scrolled_away_from_the_cursor_the_band_is_on_the_first_lines_in_view(window, qtbot):
    view = window.article_view
    window.comfort.set_line_focus(3)
    put_cursor(view, "Paragraph 1 ")
    bar = view.verticalScrollBar()
    bar.setValue(bar.value() + view.viewport().height() * 3)  # (the wheel, the scroll bar)
    top = view.cursorForPosition(view.viewport().rect().topLeft())
    if view.cursorRect(top).top() < 0:  # (the top line is cut off: the next one is first)
        top.movePosition(QTextCursor.MoveOperation.Down)
    rows = lines_around(view, top, 3)
    shown, plain = renderings(view)
    assert [row_state(view, shown, plain, rows[n]) for n in range(4)] == [
        "focused",
        "focused",
        "focused",
        "dimmed",
    ]
    # Down goes on from the band: the band is one line lower.
    window.menus.text_cursor.setChecked(False)  # (without the text cursor too)
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Down)
    shown, plain = renderings(view)
    assert [row_state(view, shown, plain, rows[n]) for n in range(4)] == [
        "dimmed",
        "focused",
        "focused",
        "focused",
    ]
    assert view.cursorRect().center().y() == rows[2]  # the hidden cursor is the middle


def test_highlights_keep_their_colour_inside_the_band_and_are_dimmed_outside(window):
    view = window.article_view
    window.comfort.set_line_focus(1)
    put_cursor(view, "Paragraph 5 ")
    words = [
        (m, m + len("Paragraph"))
        for m in (view.toPlainText().index(f"Paragraph {n} ") for n in (5, 6))
    ]
    view.set_highlights(words)
    put_cursor(view, "Paragraph 5 ", 3)
    theme = THEMES["light"]
    colour, opacity, _edge = line_focus_shade(theme)
    picture = image(view)
    for (start, _end), expected in zip(
        words, [theme.match, shaded(theme.match, colour, opacity)], strict=True
    ):
        cursor = QTextCursor(view.document())
        cursor.setPosition(start + 1)
        rect = view.cursorRect(cursor)
        # The match's background, beside the glyphs, just below the text's middle.
        shown = {
            picture.pixelColor(x, rect.top() + 1).name()
            for x in range(rect.left(), rect.left() + 40)
        }
        assert any(near(QColor(c), expected) for c in shown), (expected, shown)


@pytest.mark.parametrize("highlight", ["words", "sentence", "none"])
def test_the_band_follows_the_sentence_read_aloud(window, qtbot, highlight):
    """Whatever Read Aloud highlights (the word in its sentence, the sentence, nothing)."""
    from PySide6.QtTextToSpeech import QTextToSpeech

    if "mock" not in QTextToSpeech.availableEngines():
        pytest.skip("QtTextToSpeech has no 'mock' engine")
    from reader.ui.reading.read_aloud import ReadAloud

    view = window.article_view
    window.comfort.set_line_focus(1)
    reader = ReadAloud(view, engine="mock")
    reader.load()
    reader.set_highlight(highlight)
    spoken = []  # the words the (mock) engine has said
    reader.engine.sayingWord.connect(lambda word, *_: spoken.append(word))
    reader.set_rate(1.0)
    put_cursor(view, "Paragraph 7 begins")
    reader.play()
    try:
        # "Paragraph 7 begins here.": one line, the band on it alone.
        assert_band(view, 1)
        # The next sentence spans two lines: both stay undimmed, the band is no narrower
        # than the sentence read.
        qtbot.waitUntil(lambda: "goes" in spoken)
        text = view.toPlainText()
        start = text.index("It goes", text.index("Paragraph 7 "))
        first = QTextCursor(view.document())
        first.setPosition(start)
        last = QTextCursor(view.document())
        last.setPosition(start + len(SENTENCE) + len("the next one"))
        assert view.cursorRect(last).top() > view.cursorRect(first).top()  # (two lines)
        shown, plain = renderings(view)
        rows = [
            lines_around(view, first, 1)[-1],
            view.cursorRect(first).center().y(),
            view.cursorRect(last).center().y(),
            lines_around(view, last, 1)[1],
        ]
        assert [row_state(view, shown, plain, y) for y in rows] == [
            "dimmed",
            "focused",
            "focused",
            "dimmed",
        ]
    finally:
        reader.stop()
    # Stopped: the band is back on the text cursor.
    assert_band(view, 1)


# -- the setting -----------------------------------------------------------------------------


def test_the_key_turns_it_on_and_off_says_so_and_it_is_kept(window, qtbot, tmp_path, library):
    view = window.article_view
    menu = window.comfort.line_focus
    view.setFocus()
    put_cursor(view, "Paragraph 5 ", 30)
    qtbot.keyClick(
        view, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    assert window.statusBar().currentMessage() == "Line focus on: 3 lines"
    assert_band(view, 3)
    saved = tmp_path / "preferences.json"
    assert json.loads(saved.read_text())["line_focus"] == 3
    menu.count_actions[5].trigger()
    assert window.statusBar().currentMessage() == "Line focus on: 5 lines"
    assert_band(view, 5)
    qtbot.keyClick(
        view, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    assert window.statusBar().currentMessage() == "Line focus off"
    assert json.loads(saved.read_text())["line_focus"] == 0
    assert not menu.toggle_action.isChecked() and menu.count_actions[5].isChecked()
    menu.toggle_action.trigger()  # on again with the lines chosen last
    assert json.loads(saved.read_text())["line_focus"] == 5
    window.close()
    again = MainWindow(library, Preferences(saved), State(tmp_path / "state.json"), tmp_path)
    qtbot.addWidget(again)
    again.show()
    qtbot.waitUntil(lambda: again.content_loaded)
    assert again.comfort.line_focus.toggle_action.isChecked()
    assert again.comfort.line_focus.count_actions[5].isChecked()
    assert again.article_view.reading_settings.line_focus == 5
    put_cursor(again.article_view, "Paragraph 5 ", 30)
    assert_band(again.article_view, 5)
    again.close()


def test_the_dyslexia_preset_turns_it_on_and_it_can_be_turned_off(window, qtbot, tmp_path):
    comfort = window.comfort
    comfort.show_settings()
    dialog = comfort.dialog
    saved = tmp_path / "preferences.json"
    dialog.preset_buttons["dyslexia"].click()
    assert json.loads(saved.read_text())["line_focus"] == 3
    assert dialog.line_focus_box.currentText() == "3 lines"
    assert comfort.line_focus.toggle_action.isChecked()
    view = window.article_view
    put_cursor(view, "Paragraph 5 ", 30)
    assert_band(view, 3)
    comfort.line_focus.toggle_action.trigger()  # the reader's own choice wins
    assert dialog.line_focus_box.currentText() == "Off"
    assert json.loads(saved.read_text())["line_focus"] == 0
    dialog.preset_buttons["low_vision"].click()  # (another preset leaves it as it is)
    assert json.loads(saved.read_text())["line_focus"] == 0
    dialog.preset_buttons["dyslexia"].click()
    dialog.line_focus_box.setCurrentIndex(dialog.line_focus_box.findData(1))
    assert json.loads(saved.read_text())["line_focus"] == 1
    assert comfort.line_focus.count_actions[1].isChecked()
    put_cursor(view, "Paragraph 5 ", 30)
    assert_band(view, 1)
    dialog.reset_button.click()
    assert json.loads(saved.read_text())["line_focus"] == 0
    assert not comfort.line_focus.toggle_action.isChecked()


def test_a_bad_value_in_the_preferences_leaves_it_off(make_window, tmp_path, article, caplog):
    (tmp_path / "preferences.json").write_text(json.dumps({"line_focus": 4}), encoding="utf-8")
    window = make_window(article)
    assert window.article_view.reading_settings.line_focus == 0
    assert not window.comfort.line_focus.toggle_action.isChecked()
    assert "preference line_focus=4" in caplog.text


def test_what_is_on_screen_follows_each_move_without_a_full_repaint_of_the_window(qtbot):
    """On its own (no window settling around it), the view paints the band anew when the
    cursor moves, the view scrolls or the sentence read aloud changes: the screen, not a
    fresh drawing, shows it."""
    from reader.core.reading_settings import ReadingSettings
    from reader.ui.reading.article_view import ArticleView

    view = ArticleView()
    qtbot.addWidget(view)
    view.resize(600, 400)
    view.show()
    qtbot.waitExposed(view)
    view.show_html("".join(f"<p>{n}. {SENTENCE}the end.</p>" for n in range(40)))
    view.set_reading_settings(ReadingSettings(line_focus=1))

    def focused_rows() -> list[int]:
        shown, plain = renderings(view)
        return [
            y for y in range(0, shown.height(), 4) if row_state(view, shown, plain, y) == "focused"
        ]

    def cursor_row() -> int:
        return view.cursorRect().center().y()

    cursor = put_cursor(view, "5. ")
    qtbot.waitUntil(lambda: cursor_row() in range(min(focused_rows()), max(focused_rows()) + 4))
    first = focused_rows()
    cursor.movePosition(QTextCursor.MoveOperation.Down)
    cursor.movePosition(QTextCursor.MoveOperation.Down)
    view.setTextCursor(cursor)  # (what a click, Find or a structural key does)
    moved = focused_rows()
    assert min(moved) > max(first) and min(moved) <= cursor_row() <= max(moved) + 4
    bar = view.verticalScrollBar()
    bar.setValue(bar.value() + 30)  # a small scroll: Qt moves what is painted along
    scrolled = focused_rows()
    assert min(scrolled) <= cursor_row() <= max(scrolled) + 4
    # The place read aloud (here not marked), three lines further; the cursor stays.
    place = QTextCursor(cursor)
    for _ in range(3):
        place.movePosition(QTextCursor.MoveOperation.Down)
    view.set_speech_selections([], [], (place.position(), place.position() + 2))
    read = focused_rows()
    spot = view.cursorRect(place).center().y()
    assert min(read) > max(scrolled) and min(read) <= spot <= max(read) + 4
    # Scrolled a little past the cursor's line: the band goes to the first line in view.
    view.set_speech_selections([], [], None)
    view.setTextCursor(view.cursorForPosition(QPoint(0, 0)))
    focused_rows()
    bar.setValue(bar.value() + 3 * (view.cursorRect().height() + 4))
    assert view.cursorRect().bottom() < 0
    top = focused_rows()
    assert top and min(top) < view.cursorRect().height() * 2
