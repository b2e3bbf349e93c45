"""Writers take turns: a lock file beside the library that a writer holds while it waits
for SQLite's write lock, and lets go of as soon as it has it.

SQLite's busy handler is not fair: a waiting connection sleeps and looks again, and an
import that commits and at once begins its next group of writes takes the lock back
before the sleeper wakes, for as long as the import runs. Through the turnstile, the
importer must queue for its next group behind a writer already waiting, so the waiter
gets in between two groups. Readers never touch it (WAL readers are never blocked).

POSIX only (flock); elsewhere, and where the lock file cannot be made (a read-only
folder), writers go straight to SQLite's lock as before.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None  # type: ignore[assignment]

SUFFIX = "-writers"


class TurnstileTimeout(Exception):
    """Another writer held the turnstile for longer than we were willing to wait."""


class Turnstile:
    def __init__(self, library_path: Path) -> None:
        self.path = library_path.with_name(library_path.name + SUFFIX)
        self._fd: int | None = None
        self._usable = fcntl is not None

    @contextmanager
    def turn(self, timeout: float) -> Iterator[None]:
        """Hold the turnstile (waiting at most ``timeout`` seconds for it) inside the block."""
        fd = self._open()
        if fd is None:
            yield
            return
        deadline = time.monotonic() + timeout
        delay = 0.001
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise TurnstileTimeout from None
                # Short naps: the holder lets go within one SQLite lock wait.
                time.sleep(delay)
                delay = min(delay * 2, 0.02)
            except OSError:  # a file system without locks: no turnstile, as on Windows
                self._usable = False
                yield
                return
        try:
            yield
        finally:
            fcntl.flock(fd, fcntl.LOCK_UN)

    def close(self) -> None:
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None

    def _open(self) -> int | None:
        if self._fd is None and self._usable:
            try:
                self._fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
            except OSError:
                self._usable = False
        return self._fd if self._usable else None
