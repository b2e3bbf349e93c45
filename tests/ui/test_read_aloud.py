"""Read aloud: the sentence splitter, and the controller with the real QtTextToSpeech
"mock" engine (it "speaks" one word per 100 ms at rate 0, 50 ms at rate 1.0, and reports
each word it says: WordByWordProgress, ``sayingWord``)."""

import itertools
import re
import sys

import pytest
from PySide6.QtGui import QTextCursor

from reader.ui.reading.article_view import ArticleView
from reader.ui.reading.read_aloud import (
    ReadAloud,
    ReadAloudWidget,
    Sentence,
    block_sentences,
    split_sentences,
)

pytestmark = pytest.mark.usefixtures("qapp")  # tests/ui/conftest.py needs the application


def sentences(text: str) -> list[str]:
    return [text[start:end] for start, end in split_sentences(text)]


# -- the splitter ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hello there. How are you? I am fine!", ["Hello there.", "How are you?", "I am fine!"]),
        ("Привет. Как дела? Всё хорошо!", ["Привет.", "Как дела?", "Всё хорошо!"]),
        ("  One.   Two.  ", ["One.", "Two."]),
        (
            "It was 2020. 5 people came. It cost 3.5 dollars.",
            ["It was 2020.", "5 people came.", "It cost 3.5 dollars."],
        ),
        ("no capital. after the stop", ["no capital. after the stop"]),
    ],
)
def test_sentences_end_at_stops_before_a_capital_or_digit(text, expected):
    assert sentences(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mr. Smith met Dr. Watson. They talked.", ["Mr. Smith met Dr. Watson.", "They talked."]),
        ("Fruit, e.g. Apples, is good. Yes.", ["Fruit, e.g. Apples, is good.", "Yes."]),
        ("Это столица, т. е. Москва. Там тепло.", ["Это столица, т. е. Москва.", "Там тепло."]),
        (
            "В 1999 г. Музей открылся. Потом закрылся.",
            ["В 1999 г. Музей открылся.", "Потом закрылся."],
        ),
        (
            "А. С. Пушкин родился в Москве. J. R. R. Tolkien did not.",
            ["А. С. Пушкин родился в Москве.", "J. R. R. Tolkien did not."],
        ),
        ("Apples, pears, etc. Then we left.", ["Apples, pears, etc.", "Then we left."]),
    ],
)
def test_abbreviations_and_initials_do_not_end_a_sentence(text, expected):
    assert sentences(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('He said "Stop." Then he left.', ['He said "Stop."', "Then he left."]),
        ('"Go!" he shouted. "Now!"', ['"Go!" he shouted.', '"Now!"']),
        (
            "Он сказал: «Стоп». «Почему?» Молчание.",
            ["Он сказал: «Стоп».", "«Почему?»", "Молчание."],
        ),
        ("— Куда? — спросила она. — Домой.", ["— Куда? — спросила она.", "— Домой."]),
        ("(See below.) Next one.", ["(See below.)", "Next one."]),
    ],
)
def test_quotes_brackets_and_dialogue_dashes(text, expected):
    assert sentences(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Wait… What happened? Well... maybe later.",
            ["Wait…", "What happened?", "Well... maybe later."],
        ),
        ("Подожди... Что это?! Ничего…", ["Подожди...", "Что это?!", "Ничего…"]),
    ],
)
def test_ellipsis(text, expected):
    assert sentences(text) == expected


def test_pieces_without_words_are_not_sentences():
    assert sentences("* * *") == []
    assert sentences("") == []


# -- an engine that cannot work ----------------------------------------------------------


@pytest.fixture
def view(qtbot):
    view = ArticleView()
    qtbot.addWidget(view)
    view.resize(520, 300)
    view.show()
    return view


def test_an_unknown_engine_disables_the_controls_and_says_what_to_install(qtbot, view):
    read_aloud = ReadAloud(view, engine="no-such-engine")
    widget = ReadAloudWidget(read_aloud)
    qtbot.addWidget(widget)
    read_aloud.load()
    assert read_aloud.state == "unavailable"
    assert (
        "speech-dispatcher-espeak-ng" in read_aloud.unavailable_reason
        or "libpulse0" in read_aloud.unavailable_reason
    )  # no Qt speech module at all here
    for action in read_aloud.actions():
        # Read Aloud itself stays usable, to say why it cannot read (see below).
        assert action.isEnabled() == (action is read_aloud.play_action)
        assert action.toolTip() == read_aloud.unavailable_reason
    assert not widget.speed_slider.isEnabled()
    assert widget.label.text() == "Read aloud unavailable"
    assert widget.label.toolTip() == read_aloud.unavailable_reason
    view.show_html("<p>Some text. More text.</p>")
    said = []
    read_aloud.refused.connect(said.append)
    read_aloud.play_action.trigger()  # nothing is read, nothing breaks, and it says why
    assert read_aloud.state == "unavailable"
    assert said == [read_aloud.unavailable_reason]
    assert view.extraSelections() == []


def test_without_the_qt_speech_module_the_tooltip_names_libpulse0(qtbot, view, monkeypatch):
    monkeypatch.setitem(sys.modules, "PySide6.QtTextToSpeech", None)  # import fails
    states = []
    read_aloud = ReadAloud(view, engine="mock")
    read_aloud.state_changed.connect(states.append)
    qtbot.waitUntil(lambda: states == ["unavailable"])  # found out from the event loop
    assert read_aloud.engine is None
    assert "libpulse0" in read_aloud.unavailable_reason
    assert read_aloud.play_action.toolTip() == read_aloud.unavailable_reason
    assert not read_aloud.stop_action.isEnabled()
    assert not read_aloud.set_language("ru")


def test_no_engine_is_made_after_the_window_has_closed(qtbot, view):
    # A window closed before its first paint was done still has the engine's load()
    # queued: it must not start a thread that outlives the window (Qt aborts the process
    # when a running QThread is destroyed at exit).
    read_aloud = ReadAloud(view, engine="mock", autoload=False)
    read_aloud.shutdown()
    read_aloud.load()
    assert read_aloud.engine is None
    assert not read_aloud.loading
    assert read_aloud.state == "stopped"  # (not even "unavailable": nothing was looked for)


# -- the mock engine -----------------------------------------------------------------------


@pytest.fixture
def reader(qtbot, view):
    """Read Aloud with the mock, marking the sentence in the selection's colour (the tests of
    the sentence's course; the words are marked in ``word_reader``'s, below)."""
    read_aloud = make_reader(view, "sentence")
    yield read_aloud
    read_aloud.stop()


@pytest.fixture
def word_reader(qtbot, view):
    """Read Aloud with the mock, as it starts: the word marked inside its sentence."""
    read_aloud = make_reader(view, "words")
    yield read_aloud
    read_aloud.stop()


def make_reader(view, highlight):
    try:
        from PySide6.QtTextToSpeech import QTextToSpeech
    except ImportError as error:
        pytest.skip(f"PySide6.QtTextToSpeech cannot be imported: {error}")
    if "mock" not in QTextToSpeech.availableEngines():
        pytest.skip("QtTextToSpeech has no 'mock' engine")
    read_aloud = ReadAloud(view, engine="mock")
    read_aloud.load()  # (the mock is made at once, on this thread)
    assert read_aloud.state != "unavailable", read_aloud.unavailable_reason
    assert read_aloud.reports_words  # (Qt's mock: WordByWordProgress)
    assert read_aloud.highlight == "words"  # (the default)
    read_aloud.set_highlight(highlight)
    read_aloud.set_rate(1.0)  # the mock's fastest: 50 ms a word
    # What the engine is given to say, and each word it says, with the marked text then
    # (the sentence; the word where words are marked).
    # (The mock reports words of Latin script only: a Cyrillic sentence is one word "".)
    marked = marked_text if highlight == "sentence" else word_text
    said, spoken = [], []
    read_aloud.engine.aboutToSynthesize.connect(lambda _id: said.append(marked_text(view)))
    read_aloud.engine.sayingWord.connect(
        lambda word, _id, _start, _length: spoken.append((word, marked(view)))
    )
    read_aloud.said, read_aloud.spoken = said, spoken
    return read_aloud


def marked_text(view) -> str | None:
    """The text shown in the highlight colour (the selection's), as the reader sees it."""
    highlight = view.palette().highlight().color()
    marks = [
        s.cursor.selectedText()
        for s in view.extraSelections()
        if s.format.background().color() == highlight
    ]
    assert len(marks) <= 1
    return marks[0] if marks else None


def on_screen(view, text: str) -> bool:
    start = view.toPlainText().index(text)
    cursor = QTextCursor(view.document())
    cursor.setPosition(start)
    top = view.cursorRect(cursor).top()
    cursor.setPosition(start + len(text))
    return top >= 0 and view.cursorRect(cursor).bottom() <= view.viewport().height()


def words(text: str) -> list[str]:
    return re.findall(r"\w+", text)


def test_reads_every_sentence_in_order_with_the_spoken_one_marked(qtbot, view, reader):
    view.show_html(
        "<h1>A title</h1><p>First one here. Second one!</p><p>Третье предложение. And the end.</p>"
    )
    messages = []
    reader.message.connect(messages.append)
    reader.play()
    assert marked_text(view) == "A title"
    qtbot.waitUntil(lambda: reader.state == "stopped", timeout=10_000)
    assert reader.said == [
        "A title",
        "First one here.",
        "Second one!",
        "Третье предложение.",
        "And the end.",
    ]
    latin = [(word, mark) for word, mark in reader.spoken if word]
    assert [word for word, _mark in latin] == words("A title First one here Second one And the end")
    for word, mark in latin:
        assert word in words(mark)
    assert marked_text(view) is None
    assert messages[-1] == "Finished reading"


def test_starts_at_the_sentence_at_the_top_of_the_view(qtbot, view, reader):
    view.show_html(
        "".join(
            f"<p>Paragraph {n} begins. It goes on for a while, word after word,"
            f" to fill the line.</p>"
            for n in range(60)
        )
    )
    view.scroll_to_position(30)
    reader.play()
    assert marked_text(view) == "Paragraph 30 begins."
    assert on_screen(view, "Paragraph 30 begins.")


def test_starts_at_the_selection(qtbot, view, reader):
    view.show_html("<p>One sentence. Then the chosen one, here. And a last one.</p>")
    cursor = QTextCursor(view.document())
    cursor.setPosition(view.toPlainText().index("chosen"))
    cursor.movePosition(QTextCursor.MoveOperation.EndOfWord, QTextCursor.MoveMode.KeepAnchor)
    view.setTextCursor(cursor)
    reader.play()
    assert marked_text(view) == "Then the chosen one, here."


def test_goes_on_to_the_next_paragraph_and_scrolls_to_it(qtbot, view, reader):
    view.show_html("<p>First.</p>" + "<p>* * *</p>" * 40 + "<p>Far below here. The end.</p>")
    reader.play()
    assert marked_text(view) == "First."
    assert view.verticalScrollBar().value() == 0
    qtbot.waitUntil(lambda: marked_text(view) == "Far below here.")
    assert view.verticalScrollBar().value() > 0
    assert on_screen(view, "Far below here.")


def test_pause_resume_and_stop_change_the_actions(qtbot, view, reader):
    play, stop = reader.play_action, reader.stop_action
    view.show_html("<p>A longer first sentence to pause in. A second one follows it.</p>")
    assert (play.text(), play.isEnabled(), stop.isEnabled()) == ("Read Aloud", True, False)
    engine = reader.engine
    engine.sayingWord.connect(lambda word, *_: word == "first" and play.trigger())
    play.trigger()
    assert (reader.state, play.text(), stop.isEnabled()) == ("playing", "Pause Reading", True)
    qtbot.waitUntil(lambda: reader.state == "paused")
    assert (play.text(), stop.isEnabled()) == ("Read Aloud", True)
    qtbot.waitUntil(lambda: engine.state() == engine.State.Paused)  # at the end of a word
    paused_at = len(reader.spoken)
    assert [word for word, _mark in reader.spoken] == ["A", "longer", "first"]
    assert marked_text(view) == "A longer first sentence to pause in."
    play.trigger()
    assert (reader.state, play.text()) == ("playing", "Pause Reading")
    qtbot.waitUntil(lambda: len(reader.spoken) > paused_at)
    said = [word for word, _mark in reader.spoken]
    assert said == words(view.toPlainText())[: len(said)]  # on from where it paused
    stop.trigger()
    assert (reader.state, play.text(), stop.isEnabled()) == ("stopped", "Read Aloud", False)
    assert marked_text(view) is None
    assert engine.state() == engine.State.Ready


def test_a_pause_at_the_end_of_a_sentence_resumes_with_the_next(qtbot, view, reader):
    view.show_html("<p>Short one. Next sentence.</p>")
    # Asked to pause during the last word of "Short one.", the mock finishes the sentence.
    reader.engine.sayingWord.connect(lambda word, *_: word == "one" and reader.pause())
    reader.play()
    qtbot.waitUntil(lambda: reader.state == "paused")
    qtbot.waitUntil(lambda: reader.engine.state() == reader.engine.State.Ready)
    assert marked_text(view) == "Short one."
    reader.play()
    assert marked_text(view) == "Next sentence."
    qtbot.waitUntil(lambda: reader.state == "stopped")
    assert [word for word, _mark in reader.spoken] == ["Short", "one", "Next", "sentence"]


def apples(text: str) -> list[tuple[int, int]]:
    return [match.span() for match in re.finditer("apple", text)]


def test_stop_removes_only_its_own_mark(qtbot, view, reader):
    view.show_html("<p>Find the word apple here. Another apple sentence.</p>")
    view.set_highlights(view.find_ranges(apples))
    found = [s.cursor.selectedText() for s in view.extraSelections()]
    assert found == ["apple", "apple"]
    reader.play()
    assert marked_text(view) == "Find the word apple here."
    shown = [s.cursor.selectedText() for s in view.extraSelections()]
    assert sorted(shown) == sorted([*found, "Find the word apple here."])
    reader.stop()
    assert [s.cursor.selectedText() for s in view.extraSelections()] == found


def test_a_new_article_stops_the_reading(qtbot, view, reader):
    view.show_html("<p>The old article is being read. It has two sentences.</p>")
    reader.play()
    view.show_html("<p>A new article.</p>")
    assert reader.state == "stopped"
    assert reader.engine.state() == reader.engine.State.Ready
    assert marked_text(view) is None
    view.set_percent(150)  # a text size change is not a new article
    reader.play()
    view.set_percent(100)
    assert reader.state == "playing"
    assert marked_text(view) == "A new article."


def test_speed_changes_reach_the_engine(qtbot, view, reader):
    widget = ReadAloudWidget(reader)
    qtbot.addWidget(widget)
    rates = []
    reader.rate_changed.connect(rates.append)
    assert reader.engine.rate() == 1.0
    assert not reader.faster_action.isEnabled()
    reader.slower_action.trigger()
    reader.slower_action.trigger()
    assert reader.rate == reader.engine.rate() == pytest.approx(0.8)
    assert rates == [pytest.approx(0.9), pytest.approx(0.8)]
    assert widget.speed_slider.value() == 8
    assert widget.label.text() == "Speed: +0.8"
    widget.speed_slider.setValue(-10)
    assert reader.rate == reader.engine.rate() == -1.0
    assert not reader.slower_action.isEnabled() and reader.faster_action.isEnabled()
    reader.set_rate(0.04)
    assert reader.engine.rate() == 0.0
    assert widget.label.text() == "Speed: normal"


def test_a_voice_for_the_articles_language(qtbot, view, reader):
    messages = []
    reader.message.connect(messages.append)
    default = reader.engine.locale()
    assert reader.set_language("fi")
    assert reader.engine.locale().name() == "fi_FI"
    assert reader.engine.voice().name() in messages[-1]
    assert not reader.set_language("ru")  # the mock has no Russian voice
    assert reader.engine.locale() == default
    assert "(ru)" in messages[-1] and "default voice" in messages[-1]
    assert reader.set_language("en")
    assert reader.engine.locale().language() == default.language()


def test_the_widget_names_its_controls(qtbot, view, reader):
    widget = ReadAloudWidget(reader)
    qtbot.addWidget(widget)
    assert widget.play_button.accessibleName() == "Read Aloud"
    assert widget.stop_button.accessibleName() == "Stop reading"
    assert widget.speed_slider.accessibleName() == "Reading speed"
    view.show_html("<p>Some words to read.</p>")
    widget.play_button.click()
    assert reader.state == "playing"
    assert widget.play_button.accessibleName() == "Pause Reading"
    assert reader.play_action.shortcut().toString() == "Ctrl+R"


def test_stop_while_paused_and_nothing_to_read(qtbot, view, reader):
    messages = []
    reader.message.connect(messages.append)
    view.show_html("<p>* * *</p>")
    reader.play()
    assert (reader.state, messages) == ("stopped", ["There is nothing to read aloud."])
    view.show_html("<p>Some words to read here.</p>")
    reader.engine.sayingWord.connect(lambda word, *_: word == "words" and reader.pause())
    reader.play()
    qtbot.waitUntil(lambda: reader.engine.state() == reader.engine.State.Paused)
    reader.stop_action.trigger()
    assert reader.state == "stopped"
    assert reader.engine.state() == reader.engine.State.Ready
    assert marked_text(view) is None
    assert messages[-1] == "Stopped reading"


def test_resuming_before_the_engine_paused_goes_on_without_a_gap(qtbot, view, reader):
    view.show_html("<p>Every word is said once and in order. Then the end.</p>")
    engine = reader.engine

    def pause_and_resume_at_once(word, *_args):
        if word == "word":
            reader.pause()
            assert engine.state() == engine.State.Speaking  # the mock pauses at the word's end
            reader.play()

    engine.sayingWord.connect(pause_and_resume_at_once)
    reader.play()
    qtbot.waitUntil(lambda: reader.state == "stopped")
    assert [word for word, _mark in reader.spoken] == words(view.toPlainText())


# -- the word being said (the mock reports words) -----------------------------------------


def shown_in(view, colour: str) -> list[str]:
    """The texts drawn with the background ``colour``, in the order they are drawn."""
    return [
        s.cursor.selectedText()
        for s in view.extraSelections()
        if s.format.background().color().name() == colour
    ]


def sentence_text(view) -> str | None:
    """The text shown in the theme's soft colour of the sentence read aloud."""
    marks = shown_in(view, view.theme.spoken_sentence)
    assert len(marks) <= 1
    return marks[0] if marks else None


def word_mark(view):
    """The extra selection drawn in the colour of the word being said."""
    marks = [
        s
        for s in view.extraSelections()
        if s.format.background().color().name() == view.theme.spoken_word
    ]
    assert len(marks) <= 1
    return marks[0] if marks else None


def word_text(view) -> str | None:
    mark = word_mark(view)
    return mark.cursor.selectedText() if mark is not None else None


def range_on_screen(view, start: int, end: int) -> bool:
    cursor = QTextCursor(view.document())
    cursor.setPosition(start)
    top = view.cursorRect(cursor).top()
    cursor.setPosition(end)
    return top >= 0 and view.cursorRect(cursor).bottom() <= view.viewport().height()


def pause_at(reader, wanted: str) -> None:
    """Pause when the engine begins to say the word ``wanted``."""
    reader.engine.sayingWord.connect(lambda word, *_: word == wanted and reader.pause())


@pytest.mark.parametrize("percent", [100, 400])
def test_the_word_being_said_is_marked_inside_its_sentence_and_kept_in_view(
    qtbot, view, word_reader, percent
):
    text = (
        "The first sentence is short. "
        + " ".join(f"Then word{n} follows it" for n in range(14))
        + " until the end."
    )
    view.show_html(f"<p>{text}</p>")
    view.set_percent(percent)
    seen = []  # at each word: the word, the word marked and where, its sentence, in view?

    def at_word(word, _id, _start, _length):
        mark = word_mark(view)
        start, end = mark.cursor.selectionStart(), mark.cursor.selectionEnd()
        seen.append((word, mark.cursor.selectedText(), start, sentence_text(view)))
        assert range_on_screen(view, start, end), (word, view.verticalScrollBar().value())

    word_reader.engine.sayingWord.connect(at_word)
    scrolls = []
    view.verticalScrollBar().valueChanged.connect(scrolls.append)
    word_reader.play()
    assert (word_text(view), sentence_text(view)) == (None, "The first sentence is short.")
    qtbot.waitUntil(lambda: word_reader.state == "stopped", timeout=20_000)
    assert [word for word, *_ in seen] == words(text)
    assert [marked for _word, marked, *_ in seen] == words(text)  # the word said, each one
    starts = [start for _w, _m, start, _s in seen]
    assert starts == sorted(set(starts))  # it moves on, word by word
    assert [sentence for *_, sentence in seen] == [
        sentence for sentence in sentences(text) for _word in words(sentence)
    ]
    if percent == 100:
        assert scrolls == []  # all of it on screen: the view stays still
    else:
        # The view follows the words (three lines a screen here) a screen at a time: it
        # moves at most every other word, and then by half a screen or more.
        assert 2 <= len(scrolls) <= len(seen) // 2, scrolls
        # (The first brings the sentence's start into view: the text size kept the place.)
        steps = [b - a for a, b in itertools.pairwise(scrolls)]
        assert min(steps) >= view.viewport().height() // 2, scrolls
    assert view.extraSelections() == []  # finished: nothing is left marked


def test_a_sentence_whose_words_are_not_reported_is_marked_softly_alone(qtbot, view, word_reader):
    # The mock reports no words of Cyrillic script (one empty "word" at the start).
    view.show_html("<p>Первое предложение здесь. Then English words.</p>")
    pause_at(word_reader, "English")
    word_reader.play()
    assert (sentence_text(view), word_text(view)) == ("Первое предложение здесь.", None)
    qtbot.waitUntil(lambda: word_reader.state == "paused")
    assert (sentence_text(view), word_text(view)) == ("Then English words.", "English")


def test_a_word_after_a_picture_is_marked_where_it_is(qtbot, view, word_reader):
    view.show_html('<p>Look at <img src="picture:abc" alt="a cat"> this cat now.</p>')
    (sentence,) = block_sentences(view.document().begin())
    assert "\ufffc" in view.toPlainText() and sentence.text == "Look at  this cat now."
    word_reader.play()
    qtbot.waitUntil(lambda: word_reader.state == "stopped")
    assert [mark for _word, mark in word_reader.spoken] == ["Look", "at", "this", "cat", "now"]


def test_a_spoken_offset_is_found_past_the_pictures_left_out():
    # "A\ufffcb c\ufffc d" at 10 in the document is said as "Ab c d".
    sentence = Sentence(10, 18, "Ab c d", (1, 5))
    assert [sentence.position(i) for i in range(6)] == [10, 12, 13, 14, 16, 17]


def test_the_readers_highlights_show_in_the_sentence_and_the_word_is_drawn_over_them(
    qtbot, view, word_reader
):
    from PySide6.QtGui import QColor
    from PySide6.QtWidgets import QTextEdit

    text = "Keep this highlighted phrase visible. The next apple."
    view.show_html(f"<p>{text}</p>")
    yellow = "#fff09a"  # (a highlight the reader made, as marks.py draws it)
    mine = QTextEdit.ExtraSelection()
    mine.cursor = QTextCursor(view.document())
    mine.cursor.setPosition(text.index("highlighted"))
    mine.cursor.setPosition(text.index(" visible"), QTextCursor.MoveMode.KeepAnchor)
    mine.format.setBackground(QColor(yellow))
    view.set_mark_selections([mine])
    view.set_highlights(view.find_ranges(apples))  # Find's match, on top of everything
    match, word = view.theme.match, view.theme.spoken_word

    def layers():
        return [
            (s.format.background().color().name(), s.cursor.selectedText())
            for s in view.extraSelections()
        ]

    pause_at(word_reader, "highlighted")
    word_reader.play()
    qtbot.waitUntil(lambda: word_reader.state == "paused")
    drawn = [
        (view.theme.spoken_sentence, "Keep this highlighted phrase visible."),
        (yellow, "highlighted phrase"),  # over the sentence: the reader's highlight shows
        (word, "highlighted"),  # the word said, over the reader's highlight
        (match, "apple"),
    ]
    assert layers() == drawn
    view.set_mark_selections([mine])  # (marks are drawn again at a theme change) ...
    view.set_highlights(view.find_ranges(apples))  # ... and Find again: the layers stay
    assert layers() == drawn
    word_reader.stop()
    assert layers() == [(yellow, "highlighted phrase"), (match, "apple")]


THEME_KEYS = ["light", "sepia", "dark", "high_contrast"]


def dominant_colour(view, image, start: int, end: int) -> str:
    """The colour most pixels have in the middle band of the text from ``start`` to ``end``
    (on one line): its background, wherever the letters are not."""
    from collections import Counter

    cursor = QTextCursor(view.document())
    cursor.setPosition(start)
    first = view.cursorRect(cursor)
    cursor.setPosition(end)
    last = view.cursorRect(cursor)
    middle, band = first.center().y(), max(1, first.height() // 5)
    counts = Counter(
        image.pixelColor(x, y).name()
        for x in range(first.left() + 1, last.left() - 1)
        for y in range(middle - band, middle + band)
    )
    return counts.most_common(1)[0][0]


@pytest.fixture
def app_theme():
    """Apply a theme to the application as the window does; the one before comes back."""
    from reader.ui.shell import appearance

    before = appearance.current_theme()
    yield appearance.apply_theme
    appearance.apply_theme(before)


@pytest.mark.parametrize("key", THEME_KEYS)
def test_the_word_and_its_sentence_stand_out_in_every_theme(
    qtbot, view, word_reader, app_theme, key
):
    from reader.core.themes import THEMES

    theme = THEMES[key]
    app_theme(theme)
    view.set_theme(theme)
    text = "Before it. The sentence said now goes on. After it."
    view.show_html(f"<p>{text}</p>")
    pause_at(word_reader, "said")
    word_reader.play()
    qtbot.waitUntil(lambda: word_reader.state == "paused")
    image = view.viewport().grab().toImage()

    def colour_of(part: str) -> str:
        start = text.index(part)
        return dominant_colour(view, image, start, start + len(part))

    assert colour_of("said") == theme.spoken_word
    assert colour_of("goes on") == colour_of("The sentence") == theme.spoken_sentence
    assert colour_of("Before it") == colour_of("After it") == theme.base


def test_the_choice_applies_at_once_and_follows_the_theme(qtbot, view, word_reader):
    from reader.core.themes import THEMES

    text = "One two three four five six. The next one."
    view.show_html(f"<p>{text}</p>")
    pause_at(word_reader, "three")
    changes = []
    word_reader.highlight_changed.connect(changes.append)
    word_reader.play()
    qtbot.waitUntil(lambda: word_reader.engine.state() == word_reader.engine.State.Paused)
    first = "One two three four five six."
    assert (sentence_text(view), word_text(view)) == (first, "three")
    view.set_theme(THEMES["dark"])  # the colours are the new theme's
    assert (sentence_text(view), word_text(view)) == (first, "three")
    word_reader.highlight_actions["sentence"].trigger()
    assert (sentence_text(view), word_text(view), marked_text(view)) == (None, None, first)
    word_reader.highlight_actions["none"].trigger()
    assert view.extraSelections() == []
    word_reader.set_highlight("words")
    assert (sentence_text(view), word_text(view)) == (first, "three")  # the place kept
    assert changes == ["sentence", "none", "words"]
    assert [a.isChecked() for a in word_reader.highlight_actions.values()] == [True, False, False]
    assert word_reader.highlight_actions["words"].statusTip() == ""  # (it reports words)
    with pytest.raises(ValueError, match="karaoke"):
        word_reader.set_highlight("karaoke")


def test_with_no_highlight_nothing_is_marked_and_the_view_still_follows(qtbot, view, word_reader):
    word_reader.set_highlight("none")
    view.show_html("<p>First.</p>" + "<p>* * *</p>" * 40 + "<p>Far below here. The end.</p>")
    view.set_highlights(view.find_ranges(lambda text: [(0, 5)] if text == "First." else []))
    drawn = []
    word_reader.engine.sayingWord.connect(
        lambda *_: drawn.append([s.cursor.selectedText() for s in view.extraSelections()])
    )
    word_reader.play()
    assert view.verticalScrollBar().value() == 0
    qtbot.waitUntil(lambda: ("Far", None) in word_reader.spoken)
    assert view.verticalScrollBar().value() > 0
    assert on_screen(view, "Far below here.")
    qtbot.waitUntil(lambda: word_reader.state == "stopped")
    assert len(drawn) == 6  # at every word only Find's match was drawn
    assert all(selections == ["First"] for selections in drawn)


# -- the choice in the window ----------------------------------------------------------------


def menu_named(menu, title: str):
    return next(a.menu() for a in menu.actions() if a.menu() and a.text() == title)


def test_the_highlight_is_chosen_from_the_menu_or_reading_settings_and_kept(
    qtbot, tmp_path, library, make_window, caplog
):
    import json

    from reader.core.preferences import Preferences, State
    from reader.ui.shell.main_window import MainWindow

    window = make_window()
    reader = window.read_aloud
    assert reader.highlight == "words"
    # View → Read Aloud → Highlight While Reading, each with a letter to choose it by.
    view_menu = menu_named(window.menuBar(), "&View")
    choices = menu_named(menu_named(view_menu, "Read &Aloud"), "&Highlight While Reading")
    assert [(a.text(), a.isChecked()) for a in choices.actions()] == [
        ("&Words and Sentence", True),
        ("&Sentence Only", False),
        ("&No Highlight", False),
    ]
    choices.actions()[1].trigger()
    assert reader.highlight == "sentence"
    assert window.statusBar().currentMessage() == "Read-aloud highlight: Sentence Only"
    path = tmp_path / "preferences.json"
    assert json.loads(path.read_text())["read_aloud_highlight"] == "sentence"
    # Reading Settings offers the same choice, and shows the one made in the menu.
    window.comfort.settings_action.trigger()
    dialog = window.comfort.dialog
    box = dialog.read_aloud_box
    assert [box.itemText(i) for i in range(box.count())] == [
        "Words and Sentence",
        "Sentence Only",
        "No Highlight",
    ]
    assert box.currentData() == "sentence"
    box.setCurrentIndex(box.findData("none"))
    assert reader.highlight == "none"
    assert [a.isChecked() for a in choices.actions()] == [False, False, True]
    assert json.loads(path.read_text())["read_aloud_highlight"] == "none"
    choices.actions()[0].trigger()
    assert box.currentData() == "words"
    choices.actions()[2].trigger()
    dialog.close()
    window.close()

    again = MainWindow(library, Preferences(path), State(tmp_path / "state.json"), tmp_path)
    make_window.adopt(again)
    assert again.read_aloud.highlight == "none"
    assert again.read_aloud.highlight_actions["none"].isChecked()
    again.close()
    # A value the app does not know: the default, and the log says why.
    path.write_text(json.dumps({"read_aloud_highlight": "karaoke"}), encoding="utf-8")
    third = MainWindow(library, Preferences(path), State(tmp_path / "state.json"), tmp_path)
    make_window.adopt(third)
    assert third.read_aloud.highlight == "words"
    assert "preference read_aloud_highlight='karaoke'" in caplog.text
