"""The QTextToSpeech engine behind Read Aloud: made off the UI thread where that is slow,
what each engine can be trusted to do, and which voice reads a language.

Measured with Qt 6.11's speechd plug-in, speech-dispatcher 0.11 and espeak-ng 1.51
(Debian 12), see docs/read-aloud.md:
- Making the engine takes 1.3-2 s: the plug-in turns each of espeak-ng's ~1,500 voices
  (102 languages times 15 variants) into a QLocale and a QVoice, on the calling thread, after
  starting speech-dispatcher if it is not running. So it is made on a thread of its own and
  then handed to the UI thread; the plug-in itself has no timers and reports from
  libspeechd's own thread, so where it was made does not matter once it is made. (The
  engine object inside QTextToSpeech stays with the ended thread: fine for speechd, not for
  an engine with timers, such as the mock, which is made on the UI thread.)
- Its pause does not work: speech-dispatcher stops the sound at the next index mark but
  never reports "paused", so the engine stays "speaking" for ever and resume() is never
  sent. Read Aloud pauses such an engine by stopping it and says the sentence again.
- It reports no words (no sayingWord), only the start and the end of each utterance.
"""

from __future__ import annotations

import atexit
import sys
import weakref
from typing import Any

from PySide6.QtCore import (
    Q_ARG,
    QCoreApplication,
    QLocale,
    QMetaObject,
    QObject,
    Qt,
    QThread,
    Signal,
    Slot,
)

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


class EngineMaker(QObject):
    """Makes the engine ``name`` on a thread of its own and hands it to the UI thread
    (``made``). The engine is made by Qt's own code, called from the thread's event loop
    (a queued setEngine): made from Python, it would hold Python's lock all along, and the
    window, whose code is Python, would stop for as long all the same."""

    made = Signal(object)  # the QTextToSpeech, now living on the UI thread

    def __init__(self, name: str):
        from PySide6.QtTextToSpeech import QTextToSpeech

        super().__init__()
        self._name = name
        self._home = QCoreApplication.instance().thread()
        self._thread = QThread()
        self._thread.setObjectName("speech engine")
        self._engine: Any = QTextToSpeech("none")  # (no engine yet: made at once)
        self._handed: Any = None

    def start(self) -> None:
        _running.add(self)
        self._thread.start()
        self._engine.moveToThread(self._thread)
        self.moveToThread(self._thread)
        queued = Qt.ConnectionType.QueuedConnection
        QMetaObject.invokeMethod(self._engine, "setEngine", queued, Q_ARG(str, self._name))
        QMetaObject.invokeMethod(self, "_hand_over", queued)

    def finish(self) -> None:
        """Wait until the thread has ended (at once once the engine is handed over)."""
        self._thread.quit()
        self._thread.wait()
        _running.discard(self)

    @Slot()
    def _hand_over(self) -> None:  # (on the engine's thread, after setEngine)
        engine, self._engine = self._engine, None
        engine.moveToThread(self._home)
        self._handed = engine  # (kept until the UI thread has it)
        self.made.emit(engine)
        self._thread.quit()


# Makers whose thread may still run. A process that ends with one running (a script or a
# test that never closes its window) would be aborted by Qt ("QThread: Destroyed while
# thread is still running"): the threads are waited for on the way out.
_running: weakref.WeakSet[EngineMaker] = weakref.WeakSet()


@atexit.register
def _finish_all() -> None:
    for maker in list(_running):
        maker.finish()


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
