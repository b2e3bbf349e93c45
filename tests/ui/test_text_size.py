"""The "− o +" control: rendered size, limits, label, memory, place-keeping, wheel."""

import socket

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication

from helpers import FIXTURES
from reader.core import text_size
from reader.core.preferences import Preferences, State
from reader.ui.shell.main_window import MainWindow

DUMPS = FIXTURES / "dumps"
LONG_TEXT = "\n\n".join(
    f"Paragraph {n}. " + " ".join(f"word{n}x{k}" for k in range(60)) for n in range(60)
)


@pytest.fixture
def long_article(tmp_path):
    path = tmp_path / "long.md"
    path.write_text("# A long article\n\n" + LONG_TEXT + "\n", encoding="utf-8")
    return path


def rendered(window):
    """What the reader sees: the body text's point size and the laid-out height."""
    view = window.article_view
    document = view.document()
    # Asking where the last block is lays the whole document out (Qt lays out lazily).
    return view.point_size(), document.documentLayout().blockBoundingRect(
        document.lastBlock()
    ).bottom()


def buttons(window):
    smaller, reset, larger = window.text_size_widget.buttons
    return smaller, reset, larger


def test_the_buttons_are_minus_o_plus_in_that_order_with_names(make_window):
    window = make_window(DUMPS / "english.txt")
    assert [b.text() for b in buttons(window)] == ["−", "o", "+"]
    assert [b.accessibleName() for b in buttons(window)] == [
        "Smaller text",
        "Reset text size (100%)",
        "Larger text",
    ]
    assert window.text_size_widget.label.text() == "100%"


@pytest.mark.parametrize("how", ["click", "shortcut"])
def test_each_control_changes_the_rendered_size(make_window, qtbot, long_article, how):
    window = make_window(long_article)
    smaller, reset, larger = buttons(window)
    size0, height0 = rendered(window)

    def press(button, key):
        if how == "click":
            qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        else:
            qtbot.keyClick(window.article_view, key, Qt.KeyboardModifier.ControlModifier)

    press(larger, Qt.Key.Key_Plus)
    size1, height1 = rendered(window)
    assert size1 == pytest.approx(size0 * 1.10, rel=0.01) and height1 > height0
    assert window.text_size_widget.label.text() == "110%"
    press(smaller, Qt.Key.Key_Minus)
    press(smaller, Qt.Key.Key_Minus)
    size2, height2 = rendered(window)
    assert size2 == pytest.approx(size0 * 0.90, rel=0.01) and height2 < height0
    assert window.text_size_widget.label.text() == "90%"
    press(reset, Qt.Key.Key_0)
    assert rendered(window) == (size0, height0)
    assert window.text_size_widget.label.text() == "100%"


def test_ctrl_equal_is_larger_too(make_window, qtbot):
    window = make_window(DUMPS / "english.txt")
    qtbot.keyClick(window.article_view, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert window.text_size.percent == 110


def test_the_limits_disable_the_right_button(make_window, qtbot):
    window = make_window(DUMPS / "english.txt")
    smaller, _reset, larger = buttons(window)
    seen = []
    while larger.isEnabled():
        qtbot.mouseClick(larger, Qt.MouseButton.LeftButton)
        seen.append(window.text_size.percent)
    assert seen == list(text_size.STEPS[text_size.STEPS.index(100) + 1 :])
    assert window.text_size_widget.label.text() == "400%" and smaller.isEnabled()
    while smaller.isEnabled():
        qtbot.mouseClick(smaller, Qt.MouseButton.LeftButton)
    assert window.text_size.percent == 50 and larger.isEnabled()
    assert not window.text_size.smaller_action.isEnabled()


def test_the_size_survives_closing_and_reopening(qtbot, tmp_path, library, make_window):
    window = make_window(DUMPS / "english.txt")
    window.text_size.larger()
    window.text_size.larger()
    size = window.article_view.point_size()
    window.close()
    again = MainWindow(
        library, Preferences(tmp_path / "preferences.json"), State(tmp_path / "state.json")
    )
    qtbot.addWidget(again)
    again.show()
    qtbot.waitUntil(lambda: again.content_loaded)
    assert again.text_size.percent == 125
    assert again.text_size_widget.label.text() == "125%"
    assert again.article_view.point_size() == size


def test_the_top_paragraph_stays_on_top_across_size_changes(make_window, long_article):
    window = make_window(long_article, width=900, height=600)
    view = window.article_view
    view.scroll_to_position(25, 0.0)

    def top_paragraph():
        return view.document().findBlockByNumber(view.top_position()[0]).text().split(".")[0]

    first = top_paragraph()
    assert first.startswith("Paragraph ") and view.verticalScrollBar().value() > 0
    for change in (
        window.text_size.larger,
        window.text_size.larger,
        window.text_size.smaller,
        window.text_size.reset,
        window.text_size.smaller,
    ):
        change()
        assert top_paragraph() == first


def test_400_percent_reflows_with_no_horizontal_scrolling(make_window, long_article):
    window = make_window(long_article, width=800, height=600)
    for _ in range(20):
        window.text_size.larger()
    view = window.article_view
    assert window.text_size.percent == 400
    assert view.horizontalScrollBar().maximum() == 0
    assert view.document().size().width() <= view.viewport().width() + 1


def wheel(view, notches, modifiers=Qt.KeyboardModifier.ControlModifier):
    event = QWheelEvent(
        QPointF(50, 50),
        QPointF(50, 50),
        QPoint(0, 0),
        QPoint(0, 120 * notches),
        Qt.MouseButton.NoButton,
        modifiers,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(view.viewport(), event)


def test_ctrl_wheel_steps_once_per_notch_and_a_fast_spin_is_one_step(make_window):
    window = make_window(DUMPS / "english.txt")
    view = window.article_view
    now = [1000.0]
    view._clock = lambda: now[0]
    wheel(view, 1)
    assert window.text_size.percent == 110
    now[0] += 1.0
    wheel(view, -1)
    assert window.text_size.percent == 100
    now[0] += 1.0
    wheel(view, 5)  # five notches in one burst
    assert window.text_size.percent == 110
    wheel(view, 1)  # another notch of the same burst, at once
    assert window.text_size.percent == 110
    now[0] += 1.0
    wheel(view, 1)
    assert window.text_size.percent == 125


def test_plain_wheel_scrolls_and_leaves_the_size_alone(make_window, long_article):
    window = make_window(long_article)
    wheel(window.article_view, -3, Qt.KeyboardModifier.NoModifier)
    assert window.text_size.percent == 100
    assert window.article_view.verticalScrollBar().value() > 0


def test_an_article_can_keep_its_own_size_and_the_label_says_so(make_window, qtbot):
    window = make_window(DUMPS / "english.txt", DUMPS / "seedlike.txt")
    first, second = window.model.id_at(0), window.model.id_at(1)
    window.open_article(first)
    window.text_size.larger()  # everyone: 110
    window.text_size.remember_action.trigger()  # this article keeps 110
    window.text_size.larger()  # this article: 125
    assert window.text_size_widget.label.text() == "125% (this article)"
    assert window.library.text_size(first) == 125
    window.open_article(second)
    assert window.text_size.percent == 110
    assert window.text_size_widget.label.text() == "110%"
    assert not window.text_size.remember_action.isChecked()
    window.open_article(first)
    assert window.article_view.point_size() == pytest.approx(
        window.article_view._base_point_size * 1.25
    )
    window.text_size.use_for_all_action.trigger()
    assert window.text_size_widget.label.text() == "125%"
    assert window.library.text_size(first) is None
    window.open_article(second)
    assert window.text_size.percent == 125


def test_removing_an_article_removes_its_own_size(library, make_window):
    window = make_window(DUMPS / "english.txt")
    article_id = window.model.id_at(0)
    library.set_text_size(article_id, 200)
    library.remove([article_id])
    assert library._db.execute("SELECT count(*) FROM article_settings").fetchone()[0] == 0


def test_opening_articles_with_remote_images_and_links_makes_no_connection(
    make_window, tmp_path, monkeypatch
):
    attempts = []

    def refuse(self, *args, **kwargs):
        attempts.append(args)
        raise OSError("network use in a test")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", lambda *a, **k: refuse(None, *a))
    page = tmp_path / "remote.md"
    page.write_text(
        "# Remote things\n\n![A harbour at dawn](https://images.example.com/harbour.jpg)\n\n"
        "<img src='http://tracker.example.com/pixel.gif' alt='pixel'>\n\n"
        "A [link to a page](https://example.com/page) and text.\n",
        encoding="utf-8",
    )
    window = make_window(page)
    window.open_article(window.model.id_at(0))
    text = window.article_view.toPlainText()
    assert "[Image: A harbour at dawn]" in text
    assert "link to a page" in text
    assert [
        u.toString()
        for u in window.article_view.requested_resources
        if u.scheme() in ("http", "https")
    ] == []
    assert attempts == []


def test_headings_stay_above_the_text_and_closer_to_it_at_large_sizes(make_window, long_article):
    window = make_window(long_article)
    document = window.article_view.document()

    def sizes():
        title = document.begin()  # the header's title is the first block
        body = document.lastBlock()
        size = lambda block: block.begin().fragment().charFormat().font().pointSizeF()  # noqa: E731
        return size(title), size(body)

    title, body = sizes()
    assert title == pytest.approx(body * 1.7, rel=0.01)
    for _ in range(20):
        window.text_size.larger()
    title, body = sizes()
    assert body * 1.1 < title < body * 1.4


def test_space_page_down_home_and_end_scroll_the_article(make_window, qtbot, long_article):
    window = make_window(long_article)
    view = window.article_view
    bar = view.verticalScrollBar()
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Space)
    after_space = bar.value()
    assert after_space > 0
    qtbot.keyClick(view, Qt.Key.Key_PageDown)
    assert bar.value() > after_space
    qtbot.keyClick(view, Qt.Key.Key_Space, Qt.KeyboardModifier.ShiftModifier)
    assert bar.value() < bar.maximum()
    qtbot.keyClick(view, Qt.Key.Key_End)
    assert bar.value() == bar.maximum()
    qtbot.keyClick(view, Qt.Key.Key_Home)
    assert bar.value() == 0


def test_sizes_follow_text_put_in_the_view_some_other_way(qtbot):
    from reader.ui.reading.article_view import ArticleView

    view = ArticleView()
    qtbot.addWidget(view)
    view.resize(800, 600)
    view.show_html("<h1>Title</h1><p>One.</p><p>Two.</p>")
    view.setHtml("<p>A longer first paragraph.</p><h2>Heading</h2><p>Last.</p>")
    view.set_percent(200)
    document = view.document()
    sizes = [
        document.findBlockByNumber(n)
        .begin()
        .fragment()
        .charFormat()
        .font()
        .resolve(document.defaultFont())
        .pointSizeF()
        for n in range(3)
    ]
    assert sizes[0] == sizes[2] < sizes[1]  # the heading, and only it, above the text


def line_starts(block):
    """Where each laid-out line of ``block`` begins, as offsets into its text."""
    layout = block.layout()
    return [layout.lineAt(i).textStart() for i in range(layout.lineCount())]


def test_a_headline_at_400_percent_is_not_broken_inside_its_words(make_window, tmp_path):
    article = tmp_path / "headline.md"
    article.write_text(
        "# Центральная библиотека Светлоярска открыла читальный зал\n\nКороткий текст статьи.\n",
        encoding="utf-8",
    )
    # At 400 % the words of the text fit this column, but not at the full headline size.
    window = make_window(article, width=1000, height=700)
    for _ in range(20):
        window.text_size.larger()
    view = window.article_view

    def headline():
        block = view.document().begin()
        view.document().documentLayout().blockBoundingRect(block)  # laid out
        return block, block.begin().fragment().charFormat().fontPointSize()

    heading, size = headline()
    text, starts = heading.text(), line_starts(heading)
    assert len(starts) > 1  # it wraps
    assert all(text[start - 1] == " " for start in starts[1:]), [text[s : s + 12] for s in starts]
    assert size >= view.point_size()  # still a heading: not smaller than the text
    window.resize(1600, 900)  # room for the full size again
    assert headline()[1] > size


def test_a_headline_too_long_for_the_column_is_no_larger_than_the_text(make_window, tmp_path):
    from PySide6.QtGui import QTextFormat

    article = tmp_path / "long-word.md"
    article.write_text(
        "## Donaudampfschifffahrtsgesellschaftskapitän\n\nA short text.\n", encoding="utf-8"
    )
    window = make_window(article, width=900, height=700)
    window.text_size.set_default_percent(400)
    window.open_article(window.current_article_id)  # shown afresh at 400 %
    view = window.article_view
    block = view.document().begin()
    while block.text() != "Donaudampfschifffahrtsgesellschaftskapitän":
        block = block.next()
    heading = block.begin().fragment().charFormat()
    # Not even the text's size fits it: it keeps the text's size (Qt's own heading size,
    # larger still, is gone).
    assert heading.fontPointSize() == view.point_size()
    assert not heading.hasProperty(QTextFormat.Property.FontSizeAdjustment)
