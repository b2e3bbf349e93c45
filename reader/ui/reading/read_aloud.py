"""Read aloud: the article spoken sentence by sentence, the sentence marked and in view.

Design:
- QtTextToSpeech is imported when the controller first needs an engine (from the event
  loop right after it is made, or at the first call that needs it), never when this module
  is imported: its system library (libpulse) or a speech engine may be missing. Then the
  state is "unavailable", the actions are disabled, and their tooltips (and
  ``unavailable_reason``) say what to install. An engine that is slow to make (speechd:
  1-2 s) is made on a thread of its own (``speech_engine.py``); Read Aloud pressed
  meanwhile marks the sentence at once and it is said when the engine arrives.
- Each text block is cut into sentences by ``split_sentences`` (a pure function) when
  reading reaches it. The engine gets one sentence at a time; when it has begun and is
  Ready again the next one follows, across paragraphs, to the end. So the mark is exactly
  what is being spoken, an engine that cannot pause stops at the sentence's end instead (or,
  where its pause is broken, is stopped and says the sentence again), a Ready left over
  from a stopped sentence is not taken for the end of the next, and a new article just
  stops. An engine that stops answering (no sound output) stops reading with a message.
- What is marked follows the reader's choice (``set_highlight``, the preference
  "read_aloud_highlight"): "words", the word being said inside a softer mark of its sentence
  where the engine reports words (``sayingWord``; Qt's mock does, speechd does not), else the
  sentence; "sentence", the sentence alone; "none", nothing. The view keeps the sentence in
  sight whatever the choice, and, where the engine reports words, the word: it scrolls
  only when the word would leave the screen, not at every word.
- The marks are the view's extra selections in layers of their own
  (``ArticleView.set_speech_selections``): the sentence under the reader's highlights, the
  word over them, both under find and search matches; only ours are ever replaced.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from itertools import pairwise
from typing import Any, NamedTuple

from PySide6.QtCore import QCoreApplication, QLocale, QObject, QPoint, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QBrush,
    QColor,
    QKeySequence,
    QTextBlock,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QSlider,
    QStyle,
    QStyleOptionToolButton,
    QTextEdit,
    QToolBar,
    QToolButton,
    QWidget,
)

from reader.core.reading_settings import READ_ALOUD_HIGHLIGHTS
from reader.ui.reading.article_view import ArticleView
from reader.ui.reading.speech_engine import (
    PAUSE_BY_STOPPING,
    SLOW_TO_MAKE,
    EngineMaker,
    choose_voice,
    default_locale,
    engine_name,
    locale_for,
)

PLAYING, PAUSED, STOPPED, UNAVAILABLE = "playing", "paused", "stopped", "unavailable"
WORDS, SENTENCE, NO_HIGHLIGHT = READ_ALOUD_HIGHLIGHTS  # what is highlighted while reading
RATE_STEP = 0.1

_END = re.compile(r"([.!?…]+)[\"'»”’)\]]*(?=\s)")
# Past the blanks: opening quotes, brackets and dialogue dashes, then the first letter.
_NEXT = re.compile(r"[\s\"'«“„‘(\[—–-]*(.)")
_LAST_WORDS = re.compile(r"(?:(\w+)\.\s?)?(\w+)$")
_WORD = re.compile(r"\w")
_WORDS = re.compile(r"\w+")
# Abbreviations that seldom end a sentence ("etc.", "и т. д." often do, so they split).
ABBREVIATIONS = frozenset(
    {
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "st",
        "jr",
        "sr",
        "vs",
        "cf",
        "fig",
        "no",
        "e.g",
        "i.e",
        "г",
        "гг",
        "ул",
        "пр",
        "им",
        "проф",
        "акад",
        "доц",
        "напр",
        "см",
        "ср",
        "рис",
        "стр",
        "тыс",
        "т.е",
        "т.к",
        "т.н",
    }
)


def _is_abbreviation(before: str) -> bool:
    words = _LAST_WORDS.search(before[-40:])
    if words is None:
        return False
    previous, word = words.groups()
    if len(word) == 1 and word.isupper():  # an initial: "А. С. Пушкин", "J. R. R. Tolkien"
        return True
    return word.lower() in ABBREVIATIONS or f"{previous}.{word}".lower() in ABBREVIATIONS


def split_sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence in ``text``, blanks trimmed, wordless pieces left out.

    A sentence ends at . ! ? … (and closing quotes or brackets) followed by a blank and
    then, past any opening quote or dash, an uppercase letter or a digit; not at a known
    abbreviation or an initial.
    """
    cuts = [0]
    for end in _END.finditer(text):
        following = _NEXT.match(text, end.end())
        if following is None or not (following[1].isupper() or following[1].isdigit()):
            continue
        if end[1] == "." and _is_abbreviation(text[: end.start()]):
            continue
        cuts.append(end.end())
    spans = []
    for start, stop in pairwise([*cuts, len(text)]):
        piece = text[start:stop]
        first, last = start + len(piece) - len(piece.lstrip()), start + len(piece.rstrip())
        if _WORD.search(text, first, last):
            spans.append((first, last))
    return spans


class Sentence(NamedTuple):
    start: int  # document positions
    end: int
    text: str  # as spoken
    # Where characters of the document were left out of ``text`` (pictures), counted from
    # ``start``: a position in ``text`` is found in the document past them.
    left_out: tuple[int, ...] = ()

    def position(self, offset: int) -> int:
        """The document position of ``text[offset]``."""
        for skipped in self.left_out:
            if skipped > offset:
                break
            offset += 1
        return self.start + offset


def block_sentences(block: QTextBlock) -> list[Sentence]:
    """The sentences of one text block (a paragraph, a heading, a list item)."""
    text, base = block.text(), block.position()
    sentences = []
    for start, end in split_sentences(text):
        piece = text[start:end]
        left_out = tuple(i for i, char in enumerate(piece) if char == "\ufffc")
        spoken = piece.replace("\u2028", " ").replace("\ufffc", "")
        sentences.append(Sentence(base + start, base + end, spoken, left_out))
    return sentences


def highlight_names() -> dict[str, str]:
    """What each choice of ``READ_ALOUD_HIGHLIGHTS`` is called, with a mnemonic (the menu's
    and Reading Settings' words)."""
    return {
        WORDS: QCoreApplication.translate("ReadAloud", "&Words and Sentence"),
        SENTENCE: QCoreApplication.translate("ReadAloud", "&Sentence Only"),
        NO_HIGHLIGHT: QCoreApplication.translate("ReadAloud", "&No Highlight"),
    }


def document_sentences(document: QTextDocument) -> list[Sentence]:
    """Every sentence of ``document``, block after block."""
    sentences = []
    block = document.begin()
    while block.isValid():
        sentences.extend(block_sentences(block))
        block = block.next()
    return sentences


class ReadAloud(QObject):
    """Speaks the article in ``view`` with the QTextToSpeech engine named ``engine`` (None:
    the platform's default)."""

    state_changed = Signal(str)  # PLAYING, PAUSED, STOPPED or UNAVAILABLE
    rate_changed = Signal(float)
    message = Signal(str)  # for the status bar
    refused = Signal(str)  # why Read Aloud cannot read, when asked to (to be said aloud)
    engine_ready = Signal()  # the engine is made (working or not: see state)
    highlight_changed = Signal(str)  # WORDS, SENTENCE or NO_HIGHLIGHT

    def __init__(
        self,
        view: ArticleView,
        parent: QObject | None = None,
        engine: str | None = None,
        autoload: bool = True,
    ):
        super().__init__(parent)
        self._view = view
        self._engine_name = engine
        self._engine: Any = None  # a QTextToSpeech, once made
        self._maker: EngineMaker | None = None  # while it is made on a thread of its own
        self._loading = False
        self._reason = ""
        self._state = STOPPED
        self._rate = 0.0
        self._language: str | None = None
        self._default_locale = QLocale()
        self._pause_by_stopping = False
        self._reports_words = False  # the engine says which word it is saying
        self._highlight_choice = WORDS
        self._marked: Sentence | None = None  # the sentence being read, and its word
        self._word: tuple[int, int] | None = None  # (document positions)
        self._block = QTextBlock()  # the block being read, its sentences, which one
        self._sentences: list[Sentence] = []
        self._index = -1
        self._index_done = False  # the engine has finished saying sentence _index
        self._begun = False  # the engine has started saying it (its Ready before is stale)
        self._stall = QTimer(self)  # an engine that stops answering must not hang reading
        self.stall_ms = (10_000, 1_000)  # waited for an answer: so long, and so long a word
        self._stall.setSingleShot(True)
        self._stall.timeout.connect(self._stalled)
        self.play_action = self._action("readAloud", self.tr("Read Aloud"), "Ctrl+R", self.toggle)
        self.stop_action = self._action("stopReading", self.tr("Stop Reading"), "Ctrl+.", self.stop)
        self.faster_action = self._action(
            "readFaster",
            self.tr("Read Faster"),
            "Ctrl+]",
            lambda: self.set_rate(self._rate + RATE_STEP),
        )
        self.slower_action = self._action(
            "readSlower",
            self.tr("Read Slower"),
            "Ctrl+[",
            lambda: self.set_rate(self._rate - RATE_STEP),
        )
        self.highlight_group = QActionGroup(self)
        self.highlight_actions: dict[str, QAction] = {}
        for key, name in highlight_names().items():
            action = QAction(name, self)
            action.setObjectName(f"readAloudHighlight_{key}")
            action.setCheckable(True)
            action.setChecked(key == self._highlight_choice)
            action.triggered.connect(lambda _=False, k=key: self.set_highlight(k))
            self.highlight_group.addAction(action)
            self.highlight_actions[key] = action
        view.document().contentsChange.connect(self._on_contents_change)
        view.restyled.connect(self._draw)  # (the theme's colours)
        self._update_actions()
        if autoload:  # else the owner calls load() when it suits (after the first paint)
            QTimer.singleShot(0, self, self.load)

    def actions(self) -> list[QAction]:
        return [self.play_action, self.stop_action, self.faster_action, self.slower_action]

    @property
    def state(self) -> str:
        return self._state

    @property
    def unavailable_reason(self) -> str:
        """Why reading aloud cannot work here and what to install; "" when it can."""
        return self._reason

    @property
    def engine(self) -> Any:
        """The QTextToSpeech in use; None until it is made, or without the Qt module."""
        return self._engine

    @property
    def loading(self) -> bool:
        """The engine is being made (on a thread of its own)."""
        return self._maker is not None

    @property
    def rate(self) -> float:
        return self._rate

    @property
    def highlight(self) -> str:
        """What is highlighted while reading: WORDS, SENTENCE or NO_HIGHLIGHT."""
        return self._highlight_choice

    @property
    def reports_words(self) -> bool:
        """The engine says which word it is saying (so WORDS can mark words)."""
        return self._reports_words

    def load(self) -> None:
        """Start making the engine if not yet started. A slow engine (speechd) is made on a
        thread of its own and arrives later (``engine_ready``); the others at once."""
        if self._loading:
            return
        self._loading = True
        try:
            from PySide6.QtTextToSpeech import QTextToSpeech
        except ImportError as error:
            self._reason = self.tr(
                "Read aloud is unavailable: the Qt speech module could not be loaded ({0})."
                " On Debian or Ubuntu, install the package libpulse0."
            ).format(error)
            self._unavailable()
            self.engine_ready.emit()
            return
        name = engine_name(self._engine_name, QTextToSpeech.availableEngines())
        if name in SLOW_TO_MAKE:
            self._maker = EngineMaker(name)
            self._maker.made.connect(self._adopt)
            self._maker.start()
        else:
            self._adopt(QTextToSpeech(self, name) if name is None else QTextToSpeech(name, self))

    def shutdown(self) -> None:
        """Stop reading and wait for an engine still being made (the window is closing).
        No engine is made after this: a load() still queued (a window closed before its
        first paint was done) does nothing, so no thread outlives the window."""
        self.stop()
        self._loading = True
        if self._maker is not None:
            self._maker.finish()

    def toggle(self) -> None:
        if self._state == PLAYING:
            self.pause()
        else:
            self.play()

    def play(self) -> None:
        """Resume after a pause, or start at the selection, the text cursor if it is on
        screen, or else the sentence at the top of the view. While the engine is still
        being made the sentence is marked at once and said when the engine is there."""
        self.load()
        if self._state == UNAVAILABLE:
            # Said, not silent: Read Aloud stays usable from the keyboard to tell why.
            self.refused.emit(self._reason)
            return
        if self._state == PLAYING:
            return
        if self._state == PAUSED:
            self._set_state(PLAYING)
            engine = self._engine
            if engine is None or self._pause_by_stopping:
                self._continue()
            elif engine.state() == engine.State.Paused:
                engine.resume()
                self._watch()
            elif engine.state() != engine.State.Speaking:  # it ended the sentence
                self._continue()
            return
        if not self._start_at(self._start_position()):
            self.message.emit(self.tr("There is nothing to read aloud."))
            return
        self._set_state(PLAYING)
        self._say()
        self.message.emit(
            self.tr("Reading aloud")
            if self._engine is not None
            else self.tr("Starting the speech engine…")
        )

    def pause(self) -> None:
        if self._state != PLAYING:
            return
        self._set_state(PAUSED)
        self._stall.stop()
        if self._engine is not None:
            if self._pause_by_stopping:
                self._stop_engine()  # (the sentence is said again on resume)
            else:
                self._engine.pause()  # at the end of a word, or of the sentence
        self.message.emit(self.tr("Reading paused"))

    def stop(self) -> None:
        """Stop reading and remove the mark (only ours)."""
        if self._state in (PLAYING, PAUSED):
            self._end(self.tr("Stopped reading"))

    def set_rate(self, rate: float) -> None:
        """Speak at ``rate``, from -1.0 (slowest) through 0 (normal) to 1.0 (fastest)."""
        rate = round(min(1.0, max(-1.0, rate)), 1) + 0.0  # + 0.0: no "-0.0"
        if rate == self._rate:
            return
        self._rate = rate
        if self._engine is not None:
            self._engine.setRate(rate)
        self._update_actions()
        self.rate_changed.emit(rate)
        self.message.emit(self.tr("Reading speed: {0}").format(self.rate_text()))

    def set_highlight(self, choice: str) -> None:
        """Highlight ``choice`` (one of ``READ_ALOUD_HIGHLIGHTS``) from now on, the reading
        under way too."""
        if choice not in READ_ALOUD_HIGHLIGHTS:
            raise ValueError(f"{choice!r} is not one of {READ_ALOUD_HIGHLIGHTS}")
        self.highlight_actions[choice].setChecked(True)
        if choice == self._highlight_choice:
            return
        self._highlight_choice = choice
        self._draw()
        self.highlight_changed.emit(choice)

    def rate_text(self) -> str:
        return self.tr("normal") if self._rate == 0 else f"{self._rate:+.1f}"

    def set_language(self, code: str | None) -> bool:
        """Read with a voice for ``code`` (ISO 639-1, e.g. "ru") when the engine has one,
        else with the default voice; True when one matched. Before the engine is made the
        language is kept for it (and False returned)."""
        self._language = code
        if self._engine is None or self._state == UNAVAILABLE:
            return False
        return self._apply_language()

    # -- engine --------------------------------------------------------------------------

    def _adopt(self, engine: Any) -> None:
        if self._maker is not None:
            self._maker.finish()
            self._maker = None
        engine.setParent(self)
        self._engine = engine
        self._pause_by_stopping = engine.engine() in PAUSE_BY_STOPPING
        self._reports_words = engine.Capability.WordByWordProgress in engine.engineCapabilities()
        engine.stateChanged.connect(self._on_engine_state)
        engine.sayingWord.connect(self._on_word)
        if not self._reports_words:  # (speechd: "Words and Sentence" marks the sentence)
            tip = self.tr(
                "The speech engine does not say which word it is on: the sentence is highlighted."
            )
            self.highlight_actions[WORDS].setStatusTip(tip)
            self.highlight_actions[WORDS].setToolTip(tip)
        engine.setRate(self._rate)
        self._check_engine()
        if self._state != UNAVAILABLE:
            self._default_locale = default_locale(engine)
            self._apply_language()
            if self._state == PLAYING:  # asked to read while the engine was being made
                self._say()
                self.message.emit(self.tr("Reading aloud"))
        self.engine_ready.emit()

    def _check_engine(self) -> None:
        engine = self._engine
        if engine.state() == engine.State.Error or not engine.availableVoices():
            self._reason = self.tr(
                "Read aloud is unavailable: no speech engine is working ({0}). On Debian or"
                " Ubuntu, install the packages speech-dispatcher and speech-dispatcher-espeak-ng."
            ).format(engine.errorString() or self.tr("no voices"))
            self._unavailable()

    def _unavailable(self) -> None:
        was = self._state
        self._stall.stop()
        self._set_state(UNAVAILABLE)
        if was in (PLAYING, PAUSED):
            self._highlight(None)
            self.refused.emit(self._reason)  # asked to read: said, not only shown
            self.message.emit(self._reason)

    def _apply_language(self) -> bool:
        engine, code = self._engine, self._language
        # (An article's language is a bare code, such as "en": no country.)
        locale = locale_for(engine, QLocale(code), "_" in code or "-" in code) if code else None
        engine.setLocale(locale or self._default_locale)
        choose_voice(engine)
        if code and locale is None:
            self.message.emit(
                self.tr(
                    "No voice for the article's language ({0}); reading"
                    " aloud with the default voice ({1})."
                ).format(code, engine.voice().name())
            )
            return False
        if code:
            self.message.emit(
                self.tr("Reading voice: {0} ({1})").format(
                    engine.voice().name(), QLocale.languageToString(engine.locale().language())
                )
            )
        return locale is not None

    def _on_engine_state(self, state: Any) -> None:
        engine = self._engine
        if state == engine.State.Error:
            self._check_engine()
            return
        if self._state not in (PLAYING, PAUSED):
            return
        if state == engine.State.Speaking:
            self._begun = True
            if self._state == PLAYING:
                self._watch()
        elif state == engine.State.Paused and self._state == PLAYING:
            engine.resume()  # resumed before the engine got round to pausing
        elif state == engine.State.Ready and self._begun:
            # (A Ready before the sentence began is the end of one stopped earlier.)
            self._begun = False
            if self._state == PAUSED and self._pause_by_stopping:
                return  # our own stop: the sentence is said again on resume
            self._index_done = True  # (asked to pause, an engine may end the sentence)
            if self._state == PLAYING:  # the next sentence, outside the engine's signal
                QTimer.singleShot(0, self, self._advance)

    def _on_word(self, _word: str, _id: int, start: int, length: int) -> None:
        """The engine is saying ``length`` characters from ``start`` of what it was given."""
        if self._state not in (PLAYING, PAUSED) or not self._begun or self._marked is None:
            return  # (a word of a sentence stopped before the current one began)
        sentence = self._marked
        if length <= 0 or start < 0 or start + length > len(sentence.text):
            return  # not a place in the sentence (Qt's mock: a word of Cyrillic script)
        self._word = (sentence.position(start), sentence.position(start + length - 1) + 1)
        self._draw()
        self._reveal(*self._word)

    def _advance(self) -> None:
        if self._state == PLAYING and self._index_done:  # not stopped or restarted since
            self._continue()

    def _continue(self) -> None:
        if not self._index_done or self._next_sentence():
            self._say()
        else:
            self._end(self.tr("Finished reading"))

    def _say(self) -> None:
        """Mark the current sentence, bring it into view and give it to the engine."""
        self._index_done, self._begun = False, False
        sentence = self._sentences[self._index]
        self._highlight(sentence)
        self._reveal(sentence.start, sentence.end)
        if self._engine is not None:
            self._watch()
            self._engine.say(sentence.text)

    def _watch(self) -> None:
        """(Re)start the stall timer: generous, as slow voices take ~0.8 s a word."""
        words = len(_WORDS.findall(self._sentences[self._index].text))
        self._stall.start(self.stall_ms[0] + self.stall_ms[1] * words)

    def _stalled(self) -> None:
        if self._state == PLAYING:
            self._end(
                self.tr("The speech engine stopped answering, so reading stopped ({0}).").format(
                    self._engine.errorString() or self.tr("perhaps no sound output works")
                )
            )

    def _stop_engine(self) -> None:
        # Only when it speaks: Qt's speechd engine stops *every* program's speech
        # (speech-dispatcher's CANCEL ALL), a screen reader's too.
        engine = self._engine
        if engine is not None and engine.state() in (engine.State.Speaking, engine.State.Paused):
            engine.stop()

    def _end(self, message: str) -> None:
        self._set_state(STOPPED)  # first: the engine's Ready after stop() is then ignored
        self._stall.stop()
        self._stop_engine()
        self._index = -1
        self._sentences = []
        self._highlight(None)
        self.message.emit(message)

    def _on_contents_change(self, _position: int, removed: int, added: int) -> None:
        if removed != added:  # new text, not just new formats (a text size change)
            self.stop()

    # -- where reading is ----------------------------------------------------------------
    # Sentences are cut one block at a time, when reading reaches it: cutting a whole
    # 100,000-word article takes about a second.

    def _start_at(self, position: int) -> bool:
        """Make the sentence ending after ``position`` (or the next one with words) the
        current one; False when there is none from there to the end."""
        block = self._view.document().findBlock(position)
        while block.isValid():
            sentences = block_sentences(block)
            for index, sentence in enumerate(sentences):
                if sentence.end > position:
                    self._block, self._sentences, self._index = block, sentences, index
                    return True
            block = block.next()
        # Past the last sentence: read the last one there is.
        block = self._view.document().lastBlock()
        while block.isValid():
            sentences = block_sentences(block)
            if sentences:
                self._block, self._sentences, self._index = block, sentences, len(sentences) - 1
                return True
            block = block.previous()
        return False

    def _next_sentence(self) -> bool:
        if self._index + 1 < len(self._sentences):
            self._index += 1
            return True
        block = self._block.next()
        while block.isValid():
            sentences = block_sentences(block)
            if sentences:
                self._block, self._sentences, self._index = block, sentences, 0
                return True
            block = block.next()
        return False

    # -- view ----------------------------------------------------------------------------

    def _start_position(self) -> int:
        view = self._view
        cursor = QTextCursor(view.document())
        cursor.setPosition(view.textCursor().selectionStart())
        if view.viewport().rect().intersects(view.cursorRect(cursor)):
            return cursor.position()
        return view.cursorForPosition(QPoint(0, 0)).position()  # the top line's start

    def _highlight(self, sentence: Sentence | None) -> None:
        """Mark ``sentence`` (None: nothing) as the one being read, no word of it yet."""
        self._marked, self._word = sentence, None
        self._draw()

    def _draw(self) -> None:
        """Draw the marks the choice asks for, keeping the view's other extra selections."""
        sentence, word, view = self._marked, self._word, self._view
        under, over = [], []
        theme, palette = view.theme, view.palette()
        if sentence is None or self._highlight_choice == NO_HIGHLIGHT:
            pass
        elif self._highlight_choice == WORDS and self._reports_words:
            # The sentence softly (its text keeps its colours), the word standing out.
            soft = QBrush(QColor(theme.spoken_sentence))
            under.append(self._selection(sentence.start, sentence.end, soft))
            if word is not None:
                colours = QBrush(QColor(theme.spoken_word)), QBrush(QColor(theme.spoken_word_text))
                over.append(self._selection(*word, *colours))
        else:  # the sentence as a selection
            colours = palette.highlight(), palette.highlightedText()
            under.append(self._selection(sentence.start, sentence.end, *colours))
        view.set_speech_selections(
            under, over, None if sentence is None else (sentence.start, sentence.end)
        )

    def _selection(
        self, start: int, end: int, background: QBrush, foreground: QBrush | None = None
    ) -> QTextEdit.ExtraSelection:
        selection = QTextEdit.ExtraSelection()
        selection.cursor = QTextCursor(self._view.document())
        selection.cursor.setPosition(start)
        selection.cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        selection.format.setBackground(background)
        if foreground is not None:
            selection.format.setForeground(foreground)
        return selection

    def _reveal(self, start: int, end: int) -> None:
        """Scroll so the text from ``start`` to ``end`` (a sentence, or a word) starts near
        the top when it is not wholly on screen; else leave the view where it is."""
        view = self._view
        cursor = QTextCursor(view.document())
        cursor.setPosition(start)
        top = view.cursorRect(cursor).top()
        cursor.setPosition(end)
        height = view.viewport().height()
        if top < 0 or view.cursorRect(cursor).bottom() > height:
            bar = view.verticalScrollBar()
            bar.setValue(bar.value() + top - height // 6)

    # -- actions -------------------------------------------------------------------------

    def _action(self, name: str, text: str, keys: str, slot: Callable[[], None]) -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)
        action.setShortcut(QKeySequence(keys))
        action.triggered.connect(slot)
        return action

    def _set_state(self, state: str) -> None:
        if state != self._state:
            self._state = state
            self._update_actions()
            self.state_changed.emit(state)

    def _update_actions(self) -> None:
        available, state = self._state != UNAVAILABLE, self._state
        self.play_action.setText(
            self.tr("Pause Reading") if state == PLAYING else self.tr("Read Aloud")
        )
        self.play_action.setEnabled(True)  # (without a voice it says why, see play())
        self.stop_action.setEnabled(state in (PLAYING, PAUSED))
        self.faster_action.setEnabled(available and self._rate < 1.0)
        self.slower_action.setEnabled(available and self._rate > -1.0)
        tooltips = [
            self.tr("Pause reading aloud (Ctrl+R)")
            if state == PLAYING
            else self.tr("Resume reading aloud (Ctrl+R)")
            if state == PAUSED
            else self.tr("Read the article aloud from the top of the view (Ctrl+R)"),
            self.tr("Stop reading aloud (Ctrl+.)"),
            self.tr("Read aloud faster (Ctrl+])"),
            self.tr("Read aloud slower (Ctrl+[)"),
        ]
        for action, tooltip in zip(self.actions(), tooltips, strict=True):
            action.setToolTip(tooltip if available else self._reason)


class ReadAloudWidget(QWidget):
    """Toolbar controls for a ReadAloud: play/pause, stop, a speed slider and its label."""

    def __init__(self, controller: ReadAloud, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("readAloudWidget")
        self._controller = controller
        self.play_button = QToolButton(self)
        self.play_button.setDefaultAction(controller.play_action)
        self.stop_button = QToolButton(self)
        self.stop_button.setDefaultAction(controller.stop_action)
        self.stop_button.setAccessibleName(self.tr("Stop reading"))
        self.speed_slider = QSlider(Qt.Orientation.Horizontal, self)
        self.speed_slider.setRange(-10, 10)
        self.speed_slider.setPageStep(2)
        self.speed_slider.setMaximumWidth(120)
        self.speed_slider.setAccessibleName(self.tr("Reading speed"))
        self.speed_slider.valueChanged.connect(lambda value: controller.set_rate(value * RATE_STEP))
        self.label = QLabel(self)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.play_button, self.stop_button, self.speed_slider, self.label):
            layout.addWidget(widget)
        layout.addStretch(1)
        controller.rate_changed.connect(self._sync)
        controller.state_changed.connect(self._sync)
        self._sync()

    def follow_icon_size(self, toolbar: QToolBar) -> None:
        """Draw the buttons' icons at ``toolbar``'s icon size, now and when it changes."""
        self._set_icon_size(toolbar.iconSize())
        toolbar.iconSizeChanged.connect(self._set_icon_size)

    def _set_icon_size(self, size: QSize) -> None:
        for button in (self.play_button, self.stop_button):
            button.setIconSize(size)
            # The room of the icon from the start: the symbol shown until the icon comes
            # (after the first paint) is narrower, and the controls after it would move.
            option = QStyleOptionToolButton()
            button.initStyleOption(option)
            button.setMinimumSize(
                button.style().sizeFromContents(
                    QStyle.ContentsType.CT_ToolButton, option, size, button
                )
            )

    def _sync(self) -> None:
        controller = self._controller
        available = controller.state != UNAVAILABLE
        # Icons on the toolbar (symbols until they come, after the first paint); the
        # menus keep the words, and the buttons' names and tooltips say them.
        controller.play_action.setIconText("❚❚" if controller.state == PLAYING else "▶")
        controller.stop_action.setIconText("■")
        self.play_button.setAccessibleName(controller.play_action.text())
        # Without a voice only the (disabled) buttons stay; their tooltips say what to install.
        self.speed_slider.setVisible(available)
        self.label.setVisible(available)
        self.speed_slider.setValue(round(controller.rate / RATE_STEP))
        self.speed_slider.setEnabled(available)
        speed = self.tr("Reading speed: {0}").format(controller.rate_text())
        self.label.setText(
            self.tr("Speed: {0}").format(controller.rate_text())
            if available
            else self.tr("Read aloud unavailable")
        )
        for widget in (self.speed_slider, self.label):
            widget.setToolTip(speed if available else controller.unavailable_reason)
