"""Reading files in worker processes, each file with a time and a memory limit.

A file built to be slow or to eat memory (or one that trips a bug in a parser) costs one
worker, never the import: the worker past its limit is stopped, that file is refused with
the reason, and a fresh worker takes the next file. Workers never outlive the process that
started them: on Linux the kernel ends them when it ends (``PR_SET_PDEATHSIG``); elsewhere
they notice that their parent is gone within half a second, or that their pipe is closed.

Workers are forked only from a process with a single thread (the command line), where
forking is safe and costs nothing; a process with other threads (the window, whose import
runs in a thread of its own) starts them fresh ("spawn", about 0.7 s before the first file).
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator
from multiprocessing.connection import Connection, wait
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

if TYPE_CHECKING:
    from multiprocessing.context import ForkContext, SpawnContext

# One file may take this long to read. The largest file accepted (32 MB) reads in a few
# seconds; an ordinary article in a few milliseconds.
TIME_LIMIT = 60.0
# A worker has this long to start (load the parsers) before it is given up.
START_LIMIT = 60.0
# And this much memory more than the worker had when it started.
MEMORY_LIMIT = 2048 * 1024 * 1024
# How many word forms' index terms a worker keeps (reader.core.text_index.WORDS_REMEMBERED:
# 30,000 in a process that stays): 40,000 took 18 MB here, and an import of many files
# sees more forms than a smaller cache keeps.
WORDS_REMEMBERED = 100_000

MEMORY_REASON = "reading it needed more memory than one file may take, so it was stopped"
# What parse_for_import says when a parser itself failed (a bug, or no memory left).
_TROUBLE = ("internal error", MEMORY_REASON, "its structure is nested")

# The parent's ends of every worker's pipe: a forked worker closes those of its siblings,
# or a sibling would hold its pipe open after the parent is gone.
_parent_ends: set[int] = set()


def start_method() -> str:
    """ "fork" where it is safe (Linux, one thread in the process, also once the parsers
    are loaded: forked workers find them loaded), else "spawn"."""
    if sys.platform.startswith("linux") and _thread_count() == 1:
        _load_parsers()  # (NumPy may start threads when it loads)
        if _thread_count() == 1:
            return "fork"
    return "spawn"


def _thread_count() -> int:
    try:
        return len(os.listdir("/proc/self/task"))  # noqa: PTH208 (every thread, Qt's too)
    except OSError:
        return max(threading.active_count(), 2 if "PySide6.QtCore" in sys.modules else 1)


class ParsePool:
    """Worker processes that turn paths into articles (or reasons), in the paths' order."""

    def __init__(
        self,
        workers: int,
        *,
        method: str | None = None,
        time_limit: float = TIME_LIMIT,
        memory_limit: int = MEMORY_LIMIT,
    ) -> None:
        import multiprocessing

        self.method = method or start_method()
        # (typeshed gives get_context(str) the base class, which has no Process)
        self._context = cast("ForkContext | SpawnContext", multiprocessing.get_context(self.method))
        self._count = max(1, workers)
        self._time_limit = time_limit
        self._memory_limit = memory_limit
        self._workers: list[_Worker] = []
        self._stillborn = 0  # workers in a row that ended before reading anything
        self.started: list[int] = []  # the pid of every worker started, for the curious
        if self.method == "fork":
            _load_parsers()  # once here, not in every worker

    def parse(
        self,
        files: list[Path],
        cancel: Callable[[], bool] | None = None,
        waiting: Callable[[], None] | None = None,
    ) -> Iterator[tuple[Path, Any]]:
        """Yield ``(path, Article or reason)`` for each file, in order; stops early when
        ``cancel()`` turns true (asked at least every 0.2 s). ``waiting()`` is called
        when the next file is not read yet (every 0.2 s while it is not): the importer
        commits what it holds meanwhile, instead of keeping the library locked."""
        todo = deque(enumerate(files))
        results: dict[int, Any] = {}
        for index in range(len(files)):
            while index not in results:
                if cancel and cancel():
                    return
                # Files are handed out at most a few ahead of the one awaited: a slow file
                # must not let the others' articles pile up in memory meanwhile.
                self._hand_out(todo, before=index + 4 * self._count)
                if self._collect(results) and index not in results and waiting:
                    waiting()
            yield files[index], results.pop(index)

    def _hand_out(self, todo: deque, before: int) -> None:
        ahead = min(len(todo), max(0, before - todo[0][0])) if todo else 0  # (in order)
        wanted = min(self._count, ahead + sum(w.task is not None for w in self._workers))
        while len(self._workers) < wanted:
            self._workers.append(self._start_worker())
        for worker in self._workers:
            if todo and todo[0][0] < before and worker.ready and worker.task is None:
                worker.give(*todo.popleft())

    def _collect(self, results: dict[int, Any]) -> bool:
        """Wait up to 0.2 s for answers; stop a worker past its file's time limit (or
        one that does not start). True if the time passed with no answer at all."""
        watched = [w for w in self._workers if w.task is not None or not w.ready]
        if not watched:
            return False
        deadline = min(w.since + self._limit(w) for w in watched)
        done = wait(
            [w.conn for w in watched] + [w.process.sentinel for w in watched],
            timeout=max(0.0, min(0.2, deadline - time.monotonic())),
        )
        for worker in watched:
            if worker.conn in done and worker.receive(results):
                if worker.leaving:
                    self._retire(worker)
                continue
            if worker.process.sentinel in done or not worker.process.is_alive():
                worker.process.join(1)
                reason = _crash_reason(worker.process.exitcode)
                self._retire(worker)
                self._stillborn = 0 if worker.answered else self._stillborn + 1
                if self._stillborn >= 3:  # not the files: the workers cannot start at all
                    from reader.core.errors import ReaderError

                    raise ReaderError(f"the processes that read files end as they start ({reason})")
                if worker.task is not None:
                    results[worker.task] = reason
            elif time.monotonic() - worker.since > self._limit(worker):
                self._retire(worker)
                if worker.task is None:  # it never started
                    self._stillborn += 1
                    if self._stillborn >= 3:
                        from reader.core.errors import ReaderError

                        raise ReaderError(
                            "the processes that read files do not start (each "
                            f"took over {START_LIMIT:g} s)"
                        )
                else:
                    results[worker.task] = (
                        f"reading it took longer than {self._time_limit:g} s, so it was "
                        "stopped (the file may be damaged, or built to be slow)"
                    )
        return not done

    def _limit(self, worker: _Worker) -> float:
        return self._time_limit if worker.ready else START_LIMIT

    def _start_worker(self) -> _Worker:
        ours, theirs = self._context.Pipe(duplex=True)
        process = self._context.Process(
            target=_worker_main,
            name="article-reader-parse",
            daemon=True,
            args=(
                theirs,
                os.getpid(),
                self._memory_limit,
                tuple(_parent_ends) if self.method == "fork" else (),
            ),
        )
        process.start()
        theirs.close()
        _parent_ends.add(ours.fileno())
        if process.pid is not None:  # (set by start)
            self.started.append(process.pid)
        return _Worker(process, ours)

    def _retire(self, worker: _Worker, gently: bool = False) -> None:
        self._workers.remove(worker)
        _parent_ends.discard(worker.conn.fileno())
        if gently:
            with contextlib.suppress(OSError):
                worker.conn.send(None)
            worker.process.join(1)
        if worker.process.is_alive():
            worker.process.kill()
            worker.process.join(5)
        worker.conn.close()

    def close(self) -> None:
        """End every worker: idle ones are told to stop, busy ones are stopped."""
        for worker in list(self._workers):
            self._retire(worker, gently=worker.task is None)

    def __enter__(self) -> ParsePool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class _Worker:
    """One worker process: starting (until it says it is ready), idle, or on one file."""

    def __init__(self, process: Any, conn: Connection) -> None:
        self.process, self.conn = process, conn
        self.ready = False
        self.task: int | None = None
        self.since = time.monotonic()  # (started, or given its file)
        self.answered = False
        self.leaving = False  # it ends after its answer (something failed inside it)

    def give(self, index: int, path: Path) -> None:
        self.task, self.since = index, time.monotonic()
        self.conn.send((index, path))

    def receive(self, results: dict[int, Any]) -> bool:
        """Take what the worker sent; False if it died instead."""
        try:
            message = self.conn.recv()
        except (EOFError, OSError):
            return False
        if message == "ready":
            self.ready = True
        else:
            index, outcome, self.leaving = message
            results[index] = outcome
            self.task, self.answered = None, True
        return True


def _crash_reason(exitcode: int | None) -> str:
    if exitcode is not None and exitcode < 0:
        try:
            name = signal.Signals(-exitcode).name
        except ValueError:
            name = f"signal {-exitcode}"
        if -exitcode == getattr(signal, "SIGKILL", 9):
            return (
                f"reading it was stopped from outside ({name}); the system may have run "
                "out of memory"
            )
        return f"the reader's parser failed on this file ({name}); please report it"
    return f"the reader's parser stopped on this file (exit code {exitcode}); please report it"


def _load_parsers() -> None:
    from reader.core import file_import  # noqa: F401  (the parsers with it)
    from reader.core.language import detect_language
    from reader.core.parsers import frontmatter, html, markdown_file, plaintext, webdump  # noqa: F401

    detect_language("warm the language model once")


# -- in the worker ------------------------------------------------------------------------


def _worker_main(
    conn: Connection, parent: int, memory_limit: int, siblings: tuple[int, ...]
) -> None:
    for fd in siblings:  # (forked: the parent's ends of the other workers' pipes)
        with contextlib.suppress(OSError):
            os.close(fd)
    _end_with(parent)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl+C is the parent's to handle
    _load_parsers()
    from reader.core.text_index import remember_words

    remember_words(WORDS_REMEMBERED)  # (the process ends with the import: faster is better)
    _limit_memory(memory_limit)  # (after loading: the limit is for reading files)
    from reader.core.file_import import parse_for_import

    conn.send("ready")  # (a file's time limit starts when it is given to a ready worker)

    while True:
        try:
            task = conn.recv()
        except (EOFError, OSError):
            break  # the parent is gone
        if task is None:
            break
        index, path = task
        outcome = parse_for_import(path)[1]
        trouble = isinstance(outcome, str) and outcome.startswith(_TROUBLE)
        if trouble and _near_memory_limit(memory_limit):
            # Running out of memory breaks Python in odd places, so its errors rarely say so.
            outcome = MEMORY_REASON
        try:
            conn.send((index, outcome, trouble))
        except (BrokenPipeError, OSError):
            break
        if trouble:
            break  # a worker that failed inside may be left broken: a fresh one goes on
    os._exit(0)  # nothing of the parent's (atexit, buffers) is the worker's to run


def _near_memory_limit(extra: int) -> bool:
    try:
        with open("/proc/self/status") as status:  # noqa: PTH123
            peak = next(
                int(line.split()[1]) * 1024 for line in status if line.startswith("VmPeak:")
            )
        import resource
    except (OSError, StopIteration, ValueError, ImportError):
        return False
    limit = resource.getrlimit(resource.RLIMIT_AS)[0]
    return limit != resource.RLIM_INFINITY and peak > limit - min(extra // 4, 64 * 1024 * 1024)


def _end_with(parent: int) -> None:
    if sys.platform.startswith("linux"):
        try:
            import ctypes

            pr_set_pdeathsig = 1
            ctypes.CDLL(None, use_errno=True).prctl(pr_set_pdeathsig, signal.SIGKILL)
        except (OSError, AttributeError):
            pass
    if os.getppid() != parent:  # it ended before the line above took effect
        os._exit(1)
    if os.name == "posix":  # elsewhere the closed pipe says it
        threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()


def _watch_parent(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(0.5)
    os._exit(1)


def _limit_memory(extra: int) -> None:
    try:
        import resource
    except ImportError:  # Windows
        return
    try:
        with open("/proc/self/statm") as statm:  # noqa: PTH123
            in_use = int(statm.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError):
        return  # not Linux: no reliable measure of what is mapped already
    limit = in_use + extra
    _soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    with contextlib.suppress(ValueError, OSError):
        resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
