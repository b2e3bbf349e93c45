"""The QTextToSpeech engine behind Read Aloud: made off the UI thread where that is slow,
what each engine can be trusted to do, and which voice reads a language.

Measured with Qt 6.11's speechd plug-in, speech-dispatcher 0.11 and espeak-ng 1.51
(Debian 12), see docs/read-aloud.md:
- Making the engine takes 1.3-2 s: the plug-in turns each of espeak-ng's ~1,500 voices
  (102 languages times 15 variants) into a QLocale and a QVoice, on the calling thread, after
  starting speech-dispatcher if it is not running. So it is made on a thread of its own and
  then handed to the UI thread; the plug-in itself has no timers and reports from
  libspeechd's own thread, so where it was made does not matter once it is made.
- Its pause does not work: speech-dispatcher stops the sound at the next index mark but
  never reports "paused", so the engine stays "speaking" for ever and resume() is never
  sent. Read Aloud pauses such an engine by stopping it and says the sentence again.
- It reports no words (no sayingWord), only the start and the end of each utterance.
"""

from __future__ import annotations

import sys
from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale, QThread, Signal

# Engines whose making blocks for a second or more: made on a thread of their own.
SLOW_TO_MAKE = frozenset({"speechd"})
# Engines whose pause() cannot be trusted: paused by stopping, the sentence said again.
PAUSE_BY_STOPPING = frozenset({"speechd"})
# Where a locale has several voices, the one a reader expects (espeak-ng lists
# "English (Caribbean)" first for en_US).
PREFERRED_VOICES = ("English (Great Britain)", "English (America)")


def engine_name(requested: str | None, available: list[str]) -> str | None:
    """The engine to make: ``requested``, or on Linux speechd when it is there (it is the
    platform's default, and naming it lets it be made off the UI thread)."""
    if requested is None and sys.platform.startswith("linux") and "speechd" in available:
        return "speechd"
    return requested


class EngineMaker(QThread):
    """Makes QTextToSpeech(name) on this thread and hands it to the UI thread (``made``).
    Keeps itself alive until it has finished, so closing the window while the engine is
    being made cannot destroy a running thread."""

    made = Signal(object)  # the QTextToSpeech, now living on the UI thread

    def __init__(self, name: str | None):
        super().__init__()
        self._name = name
        self._home = QCoreApplication.instance().thread()
        self._engine: Any = None
        self._keep: EngineMaker | None = self
        self.finished.connect(self._release)

    def run(self) -> None:
        from PySide6.QtTextToSpeech import QTextToSpeech

        engine = QTextToSpeech(self._name) if self._name else QTextToSpeech()
        engine.moveToThread(self._home)
        self._engine = engine
        self.made.emit(engine)

    def _release(self) -> None:
        self._engine = None  # (adopted by then: the receiver made it its child)
        self._keep = None


def default_locale(engine: Any) -> QLocale:
    """The locale to read an article of unknown language in: the engine's own, unless that
    is the "C" locale of a system without a language (then espeak-ng's first voice,
    Bishnupriya Manipuri, would read), else the application's, else English."""
    own = engine.locale()
    if own.language() not in (QLocale.Language.C, QLocale.Language.AnyLanguage):
        return own
    for wanted in (QLocale(), QLocale(QLocale.Language.English)):
        match = locale_for(engine, wanted, country_given=False)
        if match is not None:
            return match
    return own


def locale_for(engine: Any, wanted: QLocale, country_given: bool = True) -> QLocale | None:
    """The engine's locale for ``wanted``'s language, None when it has none: of the same
    country, or the application's country (first when ``country_given`` is False: "en"
    reads as en_GB in a British English application, not as QLocale's en_US), else the
    first by name."""
    matches = [loc for loc in engine.availableLocales() if loc.language() == wanted.language()]
    if not matches:
        return None
    countries = [wanted.territory(), QLocale().territory()]
    for territory in countries if country_given else countries[::-1]:
        for locale in matches:
            if locale.territory() == territory:
                return locale
    return sorted(matches, key=lambda loc: loc.name())[0]


def choose_voice(engine: Any) -> None:
    """Among the current locale's voices, a plain one: not one of espeak-ng's variants
    ("Russian+whisper"), and the expected one where a locale has several."""
    voices = engine.availableVoices()
    plain = [voice for voice in voices if "+" not in voice.name()] or voices
    if not plain:
        return
    preferred = [voice for voice in plain if voice.name() in PREFERRED_VOICES]
    current = engine.voice()
    if preferred:
        chosen = preferred[0]
    elif any(voice.name() == current.name() for voice in plain):
        return
    else:
        chosen = plain[0]
    if chosen.name() != current.name():
        engine.setVoice(chosen)
