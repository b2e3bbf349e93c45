"""Read aloud with a real voice: Qt's speechd engine, a speech-dispatcher of the test's own
(tests/speech_service.py) and espeak-ng, the sound going to a sink that needs no sound card.

Skipped, with the reason, where the Qt speech module, its speechd plug-in, speech-dispatcher
or its espeak-ng module is missing. The engine reports when each sentence begins and ends
(no words: its capabilities lack WordByWordProgress and it never emits ``sayingWord``), so
the tests watch the mark at each "speaking" the engine reports; the sentence is marked as
a selection even where the reader chose words ("words", the default).
"""

import os

import pytest
import shiboken6
from PySide6.QtCore import QTimer
from speech_service import Missing, SpeechService
from test_read_aloud import marked_text

from reader.core.file_import import import_paths
from reader.core.preferences import Preferences, State
from reader.ui.reading.article_view import ArticleView
from reader.ui.reading.read_aloud import ReadAloud, ReadAloudWidget
from reader.ui.shell.main_window import MainWindow

pytestmark = pytest.mark.usefixtures("qapp")

LONG = " ".join(["This first sentence goes on and on, word after word, for a long while"] * 8)


@pytest.fixture(scope="module")
def speech_service(tmp_path_factory):
    try:
        from PySide6.QtTextToSpeech import QTextToSpeech
    except ImportError as error:
        pytest.skip(f"PySide6.QtTextToSpeech cannot be imported: {error}")
    if "speechd" not in QTextToSpeech.availableEngines():
        pytest.skip("Qt's text-to-speech has no speechd plug-in here")
    # READ_ALOUD_TEST_SINK=alsa tries the sink that needs no more than the README names.
    sink = os.environ.get("READ_ALOUD_TEST_SINK", "auto")
    service = SpeechService(tmp_path_factory.mktemp("speech"), sink)
    try:
        service.start()
    except Missing as reason:
        pytest.skip(str(reason))
    yield service
    service.stop()
    assert service.running() == []  # no speech-dispatcher (or sound server) is left


@pytest.fixture
def view(qtbot):
    view = ArticleView()
    qtbot.addWidget(view)
    view.resize(520, 300)
    view.show()
    return view


@pytest.fixture
def make_reader(qtbot, view, speech_service, monkeypatch):
    monkeypatch.setenv("SPEECHD_ADDRESS", speech_service.address)
    made = []

    def make(load=True):
        reader = ReadAloud(view, engine="speechd", autoload=False)
        made.append(reader)
        reader.messages = []
        reader.message.connect(reader.messages.append)
        if load:
            reader.load()
            qtbot.waitUntil(lambda: reader.engine is not None, timeout=20_000)
            assert reader.state != "unavailable", reader.unavailable_reason
            watch(reader, view)
        return reader

    yield make
    for reader in made:  # the engine closes its connection with it
        reader.shutdown()
        shiboken6.delete(reader)


def watch(reader, view):
    """Record, each time the engine reports that it began speaking, the marked text and the
    play button's words then."""
    reader.begun = []

    def on_state(state):
        if state == reader.engine.State.Speaking:
            reader.begun.append((marked_text(view), reader.play_action.text()))

    reader.engine.stateChanged.connect(on_state)


def said(reader) -> list[str]:
    return [mark for mark, _button in reader.begun]


def test_voices_for_a_russian_and_an_english_article(make_reader):
    reader = make_reader()
    engine = reader.engine
    languages = {locale.language() for locale in engine.availableLocales()}
    assert len(languages) > 50  # espeak-ng's languages, listed
    assert reader.set_language("ru")
    assert engine.voice().name() == "Russian"  # not a variant such as "Russian+whisper"
    assert reader.messages[-1] == "Reading voice: Russian (Russian)"
    assert reader.set_language("en")  # the application is in British English here
    assert engine.voice().name() == "English (Great Britain)"
    assert reader.messages[-1] == "Reading voice: English (Great Britain) (English)"
    assert not reader.set_language("ii")  # Sichuan Yi: espeak-ng has no voice for it
    assert "default voice (English (Great Britain))" in reader.messages[-1]


def test_reads_a_russian_article_with_the_mark_following_the_voice(qtbot, view, make_reader):
    view.show_html(
        "<h1>Заголовок статьи</h1><p>Первое предложение здесь. Второе!</p>"
        "<p>И последнее предложение.</p>"
    )
    reader = make_reader()
    reader.set_language("ru")
    # Qt 6.11's speechd plug-in reports no words: the sentence is marked, as a selection.
    assert (reader.highlight, reader.reports_words) == ("words", False)
    assert reader.highlight_actions["words"].statusTip() == (
        "The speech engine does not say which word it is on: the sentence is highlighted."
    )
    words = []
    reader.engine.sayingWord.connect(lambda word, *_: words.append(word))
    reader.play()
    assert reader.state == "playing"
    qtbot.waitUntil(lambda: reader.state == "stopped", timeout=60_000)
    assert said(reader) == [
        "Заголовок статьи",
        "Первое предложение здесь.",
        "Второе!",
        "И последнее предложение.",
    ]
    assert {button for _mark, button in reader.begun} == {"Pause Reading"}
    assert words == []
    assert reader.play_action.text() == "Read Aloud"
    assert marked_text(view) is None
    assert reader.messages[-1] == "Finished reading"


def test_pause_resume_and_stop(qtbot, view, make_reader):
    view.show_html(f"<p>{LONG}. A second sentence.</p>")
    reader = make_reader()
    reader.set_language("en")
    reader.play()
    qtbot.waitUntil(lambda: len(reader.begun) == 1, timeout=20_000)
    reader.play_action.trigger()  # Ctrl+R again: pause
    assert reader.state == "paused"
    assert reader.play_action.text() == "Read Aloud"
    assert reader.play_action.toolTip() == "Resume reading aloud (Ctrl+R)"
    engine = reader.engine
    qtbot.waitUntil(lambda: engine.state() == engine.State.Ready, timeout=10_000)  # silent
    assert reader.state == "paused"
    assert marked_text(view) == f"{LONG}."  # the place is kept
    reader.play_action.trigger()  # resume: the sentence again, from its start
    assert reader.state == "playing"
    qtbot.waitUntil(lambda: len(reader.begun) == 2, timeout=20_000)
    assert said(reader) == [f"{LONG}.", f"{LONG}."]
    reader.stop_action.trigger()
    assert (reader.state, reader.play_action.text()) == ("stopped", "Read Aloud")
    assert not reader.stop_action.isEnabled()
    assert marked_text(view) is None
    qtbot.waitUntil(lambda: engine.state() == engine.State.Ready, timeout=10_000)
    assert reader.messages[-1] == "Stopped reading"


def test_reading_again_at_once_after_stop_starts_where_asked(qtbot, view, make_reader):
    # The engine reports the end of the stopped sentence late (up to a second): that report
    # must not be taken for the end of the first sentence of the new reading.
    view.show_html(f"<p>{LONG}.</p><p>One more here. And the last.</p>")
    reader = make_reader()
    reader.set_language("en")
    reader.play()
    qtbot.waitUntil(lambda: len(reader.begun) == 1, timeout=20_000)
    reader.stop()
    reader.play()  # from the top of the view: the long sentence again
    qtbot.waitUntil(lambda: len(reader.begun) >= 2, timeout=20_000)
    assert said(reader)[:2] == [f"{LONG}.", f"{LONG}."]
    reader.stop()


def test_speed_reaches_the_engine(qtbot, view, make_reader):
    reader = make_reader()
    widget = ReadAloudWidget(reader)
    qtbot.addWidget(widget)
    widget.speed_slider.setValue(5)
    assert reader.engine.rate() == pytest.approx(0.5)  # as speech-dispatcher reports it
    assert widget.label.text() == "Speed: +0.5"
    reader.slower_action.trigger()
    assert reader.engine.rate() == pytest.approx(0.4)


def test_the_engine_is_made_off_the_ui_thread_and_play_waits_for_it(qtbot, view, make_reader):
    view.show_html("<p>Said once the engine is there. Then this.</p>")
    reader = make_reader(load=False)
    reader.engine_ready.connect(lambda: watch(reader, view))  # (before it says anything)
    reader.load()
    assert reader.loading and reader.engine is None
    ticks = []
    QTimer.singleShot(0, lambda: ticks.append(reader.engine is None))
    reader.play()  # pressed while the engine is being made
    assert reader.state == "playing"
    assert marked_text(view) == "Said once the engine is there."  # shown at once
    assert reader.messages[-1] == "Starting the speech engine…"
    qtbot.waitUntil(lambda: reader.engine is not None, timeout=20_000)
    assert ticks == [True]  # the window kept handling events meanwhile
    qtbot.waitUntil(lambda: reader.state == "stopped", timeout=30_000)
    assert said(reader) == ["Said once the engine is there.", "Then this."]
    assert reader.messages[-1] == "Finished reading"


def test_the_window_reads_a_russian_article_in_a_russian_voice(
    qtbot, tmp_path, library, make_window, speech_service, monkeypatch
):
    monkeypatch.setenv("SPEECHD_ADDRESS", speech_service.address)
    article = tmp_path / "pogoda.md"
    article.write_text(
        "# Погода в Москве\n\nЗавтра будет тепло. Дождя не ожидается.\n", encoding="utf-8"
    )
    import_paths(library, [article])
    window = MainWindow(
        library, Preferences(tmp_path / "p.json"), State(tmp_path / "s.json"), tmp_path
    )
    make_window.adopt(window)
    reader = window.read_aloud
    shown = []  # when the article is on screen: is the engine being looked for yet?
    window.content_ready.connect(lambda: shown.append((reader.engine, reader.loading)))
    reader.engine_ready.connect(lambda: watch(reader, window.article_view))
    window.resize(900, 600)
    window.show()
    qtbot.waitUntil(lambda: reader.engine is not None, timeout=20_000)
    assert shown == [(None, False)]  # only after the window has shown its content
    assert reader.state == "stopped", reader.unavailable_reason
    assert reader.engine.voice().name() == "Russian"
    reader.play_action.trigger()
    qtbot.waitUntil(lambda: reader.state == "stopped", timeout=30_000)
    assert said(reader)[-2:] == ["Завтра будет тепло.", "Дождя не ожидается."]
    assert "Погода в Москве" in said(reader)  # (the title, above)
    assert window.statusBar().currentMessage() == "Finished reading"


def test_without_a_sound_output_reading_stops_and_says_why(qtbot, view, tmp_path, monkeypatch):
    # speech-dispatcher then says it is speaking and never that it has finished.
    service = SpeechService(tmp_path / "speech", "nowhere")
    try:
        service.start()
    except Missing as reason:
        pytest.skip(str(reason))
    try:
        monkeypatch.setenv("SPEECHD_ADDRESS", service.address)
        reader = ReadAloud(view, engine="speechd")
        qtbot.waitUntil(lambda: reader.engine is not None, timeout=20_000)
        reader.stall_ms = (1_000, 100)  # (10 s and 1 s a word in use)
        messages = []
        reader.message.connect(messages.append)
        view.show_html("<p>Nobody hears this.</p>")
        reader.play()
        assert marked_text(view) == "Nobody hears this."
        qtbot.waitUntil(lambda: reader.state == "stopped", timeout=10_000)
        assert marked_text(view) is None
        assert messages[-1].startswith("The speech engine stopped answering, so reading stopped")
        reader.shutdown()
        shiboken6.delete(reader)
    finally:
        service.stop()
    assert service.running() == []


def test_without_a_speech_dispatcher_it_says_what_to_install(qtbot, view):
    try:
        from PySide6.QtTextToSpeech import QTextToSpeech
    except ImportError as error:
        pytest.skip(f"PySide6.QtTextToSpeech cannot be imported: {error}")
    if "speechd" not in QTextToSpeech.availableEngines():
        pytest.skip("Qt's text-to-speech has no speechd plug-in here")
    # (tests/conftest.py keeps speech-dispatcher from starting: as if it were not there)
    reader = ReadAloud(view, engine="speechd")
    qtbot.waitUntil(lambda: reader.state == "unavailable", timeout=20_000)
    assert "speech-dispatcher-espeak-ng" in reader.unavailable_reason
    assert reader.play_action.toolTip() == reader.unavailable_reason
    reader.shutdown()
