"""Benchmark: read aloud with Qt's speechd engine, speech-dispatcher and espeak-ng.

    python benchmarks/bench_read_aloud.py [--runs 5] [--sink auto|pulse|alsa]

A speech-dispatcher of its own is started (tests/speech_service.py: sound to a PulseAudio
null sink, played in real time, or to ALSA's null device) and ended at the end. Each of
ours is set against Qt doing the same with no application code, in the same run:
- making the engine: the longest the UI thread stops handling events while Read Aloud
  makes it (on a thread of its own) vs making QTextToSpeech("speechd") directly;
- from pressing Read Aloud to the engine's first progress (it reports "speaking") vs a bare
  say() of the same sentence; and the same with Read Aloud pressed while the engine is
  still being made (the reader's first press after a start);
- between sentences: from the engine's end of one to its start of the next;
- stop and pause: until the engine reports it is silent.
Medians, because the machine is shared and noisy. Without speech-dispatcher, or Qt's
speechd plug-in, it says so and exits with 0 (CI runs it wherever it can).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT))

from speech_service import Missing, SpeechService  # noqa: E402

TEXT = (
    "<p>The harbour was quiet in the early morning. Boats rocked at their moorings."
    " A gull called twice and flew off. Then the first ferry came in.</p>"
)
FIRST = "The harbour was quiet in the early morning."


def wait_until(app, condition: Callable[[], bool], timeout: float = 30.0) -> None:
    deadline = time.perf_counter() + timeout
    while not condition():
        if time.perf_counter() > deadline:
            raise TimeoutError("the engine did not answer in time")
        app.processEvents()
        time.sleep(0.001)


def ms(seconds: list[float]) -> str:
    return f"{statistics.median(seconds) * 1000:.0f} ms"


class Stalls:
    """The longest gap between ticks of a 5 ms timer: how long the UI thread was busy."""

    def __init__(self) -> None:
        from PySide6.QtCore import QTimer

        self.last = time.perf_counter()
        self.longest = 0.0
        self.timer = QTimer()
        self.timer.timeout.connect(self.tick)
        self.timer.start(5)

    def tick(self) -> None:
        now = time.perf_counter()
        self.longest = max(self.longest, now - self.last)
        self.last = now

    def stop(self) -> float:
        self.tick()
        self.timer.stop()
        return self.longest


def run(args: argparse.Namespace) -> None:
    import shiboken6
    from PySide6.QtCore import QLocale
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    QLocale.setDefault(QLocale("en_GB"))
    from PySide6.QtTextToSpeech import QTextToSpeech

    from reader.ui.reading.article_view import ArticleView
    from reader.ui.reading.read_aloud import ReadAloud

    ready, speaking = QTextToSpeech.State.Ready, QTextToSpeech.State.Speaking
    view = ArticleView()
    view.resize(700, 500)
    view.show()
    view.show_html(TEXT)
    times: dict[str, list[float]] = {}

    def note(name: str, seconds: float) -> None:
        times.setdefault(name, []).append(seconds)

    for _ in range(args.runs):
        # Qt alone: the engine made on this thread, then one sentence said.
        stalls = Stalls()
        start = time.perf_counter()
        bare = QTextToSpeech("speechd")
        note("bare make", time.perf_counter() - start)
        app.processEvents()
        note("bare stall", stalls.stop())
        bare.setLocale(QLocale("en_GB"))
        start = time.perf_counter()
        bare.say(FIRST)
        wait_until(app, lambda bare=bare: bare.state() == speaking)
        note("bare first progress", time.perf_counter() - start)
        wait_until(app, lambda bare=bare: bare.state() == ready)
        shiboken6.delete(bare)  # (every speechd engine of a process hears every event)

        # Read Aloud, pressed while its engine is still being made.
        stalls = Stalls()
        reader = ReadAloud(view, engine="speechd", autoload=False)
        marks: list[tuple[str, float]] = []

        def watch(reader=reader, marks=marks) -> None:
            def on_state(state) -> None:
                marks.append((state.name, time.perf_counter()))

            reader.engine.stateChanged.connect(on_state)

        reader.engine_ready.connect(watch)
        start = time.perf_counter()
        reader.load()
        reader.play()
        wait_until(app, lambda marks=marks: any(name == "Speaking" for name, _ in marks))
        note("cold first progress", marks[0][1] - start)
        note("ours stall", stalls.stop())
        wait_until(app, lambda reader=reader: reader.state == "stopped", 120)
        starts = [t for name, t in marks if name == "Speaking"]
        ends = [t for name, t in marks if name == "Ready"]
        for end, next_start in zip(ends, starts[1:], strict=False):
            note("gap", next_start - end)

        # Read Aloud with its engine made: first progress, pause, resume, stop.
        engine = reader.engine
        marks.clear()
        start = time.perf_counter()
        reader.play()
        wait_until(app, lambda marks=marks: bool(marks) and marks[-1][0] == "Speaking")
        note("warm first progress", marks[-1][1] - start)
        start = time.perf_counter()
        reader.pause()
        wait_until(app, lambda engine=engine: engine.state() == ready)
        note("pause", time.perf_counter() - start)
        marks.clear()
        start = time.perf_counter()
        reader.play()
        wait_until(app, lambda marks=marks: bool(marks) and marks[-1][0] == "Speaking")
        note("resume", marks[-1][1] - start)
        start = time.perf_counter()
        reader.stop()
        wait_until(app, lambda engine=engine: engine.state() == ready)
        note("stop", time.perf_counter() - start)
        reader.shutdown()
        shiboken6.delete(reader)

    bare_make, stall = statistics.median(times["bare make"]), statistics.median(times["ours stall"])
    print(
        f"making the engine: Qt alone blocks the UI thread {ms(times['bare stall'])} "
        f"(QTextToSpeech('speechd') {ms(times['bare make'])}); Read Aloud's longest UI stall "
        f"while it makes it {stall * 1000:.0f} ms (ratio {stall / bare_make:.3f})"
    )
    warm, bare = (
        statistics.median(times[k]) for k in ("warm first progress", "bare first progress")
    )
    print(
        f"Read Aloud pressed to the engine's first progress: {warm * 1000:.0f} ms with the "
        f"engine made (Qt's say() alone {bare * 1000:.0f} ms, ratio {warm / bare:.2f}); "
        f"pressed while it is being made {ms(times['cold first progress'])}"
    )
    print(
        f"between sentences {ms(times['gap'])} (median of {len(times['gap'])}); "
        f"pause until silent {ms(times['pause'])}, resume to speaking {ms(times['resume'])}, "
        f"stop until silent {ms(times['stop'])}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--sink", choices=("auto", "pulse", "alsa"), default="auto")
    args = parser.parse_args()
    try:
        from PySide6.QtTextToSpeech import QTextToSpeech
    except ImportError as error:
        print(f"skipped: PySide6.QtTextToSpeech cannot be imported ({error})")
        return
    if "speechd" not in QTextToSpeech.availableEngines():
        print("skipped: Qt's text-to-speech has no speechd plug-in here")
        return
    with tempfile.TemporaryDirectory(prefix="bench-read-aloud-") as folder:
        service = SpeechService(Path(folder), args.sink)
        try:
            service.start()
        except Missing as reason:
            print(f"skipped: {reason}")
            return
        try:
            os.environ["SPEECHD_ADDRESS"] = service.address
            # (the engine's own runtime folder: no speech-dispatcher is started elsewhere)
            os.environ["XDG_RUNTIME_DIR"] = str(Path(folder) / "runtime")
            print(f"speech-dispatcher with espeak-ng, sound to {service.sink}'s null output")
            run(args)
        finally:
            service.stop()
            assert service.running() == [], service.running()


if __name__ == "__main__":
    main()
