"""The library file itself: what SQLite's errors about it mean, and moving one aside.

Damage is judged by SQLite (opening the file, reading it, and ``PRAGMA quick_check`` when
SQLite has reported an error or a reset must decide), never by our own reading of the
file: a library whose newest pages are still in its write-ahead log is smaller than its
header says, and healthy.
"""

from __future__ import annotations

import errno
import functools
import os
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

from reader.core.errors import (
    LibraryBusy,
    LibraryDamaged,
    LibraryError,
    LibraryFull,
    LibraryReadOnly,
)

if TYPE_CHECKING:
    from datetime import datetime

_SQLITE_MAGIC = b"SQLite format 3\x00"
SIDE_FILES = ("-wal", "-shm")

# How long a write waits for its turn (the turnstile, then SQLite's lock), in seconds:
# long enough for the writer ahead to finish its group of writes (imports commit every
# 50 ms, and take turns), or a rebuild of the search index. The variable changes it.
WRITE_WAIT = 30.0
WRITE_WAIT_ENV = "ARTICLE_READER_WRITE_WAIT"

# SQLite's primary result codes (extended codes carry them in the low byte).
_BUSY, _LOCKED, _READONLY, _IOERR, _CORRUPT, _FULL, _CANTOPEN, _NOTADB = 5, 6, 8, 10, 11, 13, 14, 26
# Python before 3.11 gives only the message: SQLite's own text for each code.
_MESSAGES = {
    "database is locked": _BUSY,
    "database table is locked": _LOCKED,
    "attempt to write a readonly database": _READONLY,
    "disk I/O error": _IOERR,
    "database disk image is malformed": _CORRUPT,
    "database or disk is full": _FULL,
    "unable to open database file": _CANTOPEN,
    "file is not a database": _NOTADB,
}
# A failed write with less than this free is taken for a full disk.
_NEARLY_FULL = 1 << 20


def check_database_file(path: Path) -> None:
    """Raise LibraryDamaged when ``path`` exists and is plainly not an SQLite database.

    Only the first bytes are looked at, so that SQLite is never asked to write into some
    other file; everything else about the file is SQLite's to judge."""
    try:
        with path.open("rb") as handle:
            header = handle.read(100)
    except FileNotFoundError:
        return
    except OSError as exc:
        raise LibraryError(f"the library {path} cannot be read: {exc.strerror}") from None
    if not header:
        return  # an empty file is a new database to SQLite
    if not header.startswith(_SQLITE_MAGIC):
        raise LibraryDamaged(damaged_message(path, "it is not an SQLite database"))
    if len(header) < 100:
        raise LibraryDamaged(damaged_message(path, "the file is cut short"))


def damaged_message(path: Path, reason: object) -> str:
    return (
        f"the library {path} is damaged ({reason}); run 'article-reader reset-library': it "
        "moves the file aside (kept, renamed) and recovers every article that can still be "
        "read into a fresh library"
    )


def write_wait() -> float:
    """Seconds a write waits for another writer: WRITE_WAIT, or the environment's."""
    try:
        return max(0.0, float(os.environ[WRITE_WAIT_ENV]))
    except (KeyError, ValueError):
        return WRITE_WAIT


def writable(path: Path) -> bool:
    """Whether the library file (if it exists) and its folder can be written."""
    folder_ok = os.access(path.parent, os.W_OK)
    if not path.exists():
        return folder_ok
    return folder_ok and os.access(path, os.W_OK)


def read_only_message(path: Path) -> str:
    if not path.exists():
        return (
            f"a library cannot be made at {path}: the folder {path.parent} is read-only; "
            "choose another folder with --data-dir"
        )
    if os.access(path, os.W_OK):
        why = f"its folder {path.parent} cannot be written"
    else:
        why = "the file cannot be written"
    return (
        f"the library {path} is read-only ({why}): articles can be read, but nothing can be "
        "added, removed or recorded; nothing was changed"
    )


def problem(path: Path, exc: BaseException, uncommitted: tuple[int, ...] = ()) -> LibraryError:
    """The LibraryError that tells the user what an sqlite3 or OS error really means."""
    if isinstance(exc, LibraryError):
        exc.uncommitted = tuple(dict.fromkeys((*exc.uncommitted, *uncommitted)))
        return exc
    if isinstance(exc, OSError):
        return _os_problem(path, exc, uncommitted)
    code = _code(exc)
    if code in (_BUSY, _LOCKED):
        return LibraryBusy(
            f"the library {path} is busy: another program (perhaps another Article Reader "
            "import) is writing to it and did not finish in time; nothing is damaged, try "
            "again when it has finished",
            uncommitted,
        )
    if code == _FULL or (code == _IOERR and _nearly_full(path)):
        return LibraryFull(_full_message(path), uncommitted)
    if code == _READONLY or (code == _CANTOPEN and not writable(path)):
        return LibraryReadOnly(read_only_message(path), uncommitted)
    if code in (_CORRUPT, _NOTADB):
        return LibraryDamaged(damaged_message(path, exc), uncommitted)
    if code == _CANTOPEN:
        return LibraryError(f"the library {path} cannot be opened: {exc}", uncommitted)
    return LibraryError(f"the library {path} could not be used: {exc}", uncommitted)


def is_busy(exc: BaseException) -> bool:
    """Whether SQLite said another connection holds a lock we need."""
    return _code(exc) in (_BUSY, _LOCKED)


def is_library_problem(exc: BaseException) -> bool:
    """Whether an sqlite3 error is about the file or its locks (and not a mistake in our
    SQL or a broken constraint, which stay loud)."""
    if isinstance(exc, sqlite3.IntegrityError | sqlite3.ProgrammingError | sqlite3.InterfaceError):
        return False
    return isinstance(exc, sqlite3.DatabaseError)


def _code(exc: BaseException) -> int | None:
    code = getattr(exc, "sqlite_errorcode", None)
    if code is not None:
        return code & 0xFF
    return _MESSAGES.get(str(exc))


def _nearly_full(path: Path) -> bool:
    import shutil

    try:
        return shutil.disk_usage(path.parent).free < _NEARLY_FULL
    except OSError:
        return False


def _full_message(path: Path) -> str:
    return (
        f"the disk holding the library {path} is full: free some space and try again "
        "(what was stored before is kept)"
    )


def _os_problem(path: Path, exc: OSError, uncommitted: tuple[int, ...]) -> LibraryError:
    if exc.errno == errno.ENOSPC:
        return LibraryFull(_full_message(path), uncommitted)
    if exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        where = exc.filename or path.parent
        return LibraryReadOnly(
            f"the library {path} cannot be changed: {where} is read-only "
            f"({exc.strerror}); nothing was changed",
            uncommitted,
        )
    where = exc.filename or path
    return LibraryError(
        f"the library {path} could not be used: {where}: {exc.strerror or exc}", uncommitted
    )


def connect(path: Path, read_only: bool) -> sqlite3.Connection:
    try:
        if not read_only:
            return sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        uri = path.absolute().as_uri() + "?mode=ro"
        db = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
        try:
            db.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlite3.OperationalError:
            # A WAL library on a read-only disk, with no -shm file beside it: SQLite can
            # read it only as an unchanging file, which it is when no log is left over.
            db.close()
            wal = path.with_name(path.name + "-wal")
            if wal.exists() and wal.stat().st_size:
                raise
            db = sqlite3.connect(
                uri + "&immutable=1", uri=True, isolation_level=None, check_same_thread=False
            )
        except BaseException:
            db.close()  # (an open file would keep its disk busy)
            raise
        return db
    except sqlite3.Error as exc:
        raise problem(path, exc) from None


def our_version(db: sqlite3.Connection, path: Path, newest: int) -> int:
    """The library's schema version; raises LibraryError for a file that is not ours, or
    is newer than we know. One statement, so one consistent look, and it writes nothing."""
    version, objects, articles = db.execute(
        "SELECT (SELECT user_version FROM pragma_user_version), count(*), "
        "coalesce(sum(type = 'table' AND name = 'articles'), 0) FROM sqlite_master"
    ).fetchone()
    if version > newest:
        raise LibraryError(
            f"the library {path} was written by a newer Article Reader (schema {version}; "
            f"this version knows up to {newest}); update the application"
        )
    if (version == 0 and objects) or (version > 0 and not articles):
        raise LibraryError(
            f"{path} is an SQLite database, but not an Article Reader library; it was left "
            "as it is (use --data-dir to keep your library elsewhere)"
        )
    return version


def reads(method):
    """A read whose SQLite error is raised as what it means (e.g. LibraryDamaged)."""

    @functools.wraps(method)
    def read(self, *args, **kwargs):
        try:
            return method(self, *args, **kwargs)
        except sqlite3.DatabaseError as exc:
            if isinstance(exc, LibraryError) or not is_library_problem(exc):
                raise
            raise self.problem(exc) from exc

    return read


def reads_rows(method):
    """The same, for a method that yields its rows as they are read."""

    @functools.wraps(method)
    def read(self, *args, **kwargs):
        try:
            yield from method(self, *args, **kwargs)
        except sqlite3.DatabaseError as exc:
            if isinstance(exc, LibraryError) or not is_library_problem(exc):
                raise
            raise self.problem(exc) from exc

    return read


def quick_check(db: sqlite3.Connection, path: Path) -> list[str]:
    """SQLite's quick_check of the whole file: [] when healthy, else what it found."""
    try:
        rows = [row[0] for row in db.execute("PRAGMA quick_check(20)")]
    except sqlite3.DatabaseError as exc:
        if not is_library_problem(exc):
            raise
        error = problem(path, exc)
        if not isinstance(error, LibraryDamaged):
            raise error from exc
        return [str(exc)]
    return [] if rows == ["ok"] else rows


def move_aside(path: Path, now: datetime | None = None) -> Path:
    """Rename a library file and its write-ahead log and shared-memory files out of the way,
    together (the log may hold the newest pages); returns the new name of the main file.
    A folder that cannot be written raises LibraryReadOnly, and nothing is renamed."""
    from datetime import datetime

    stamp = (now or datetime.now()).strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.stem}.damaged-{stamp}{path.suffix}")
    counter = 1
    while any(target.with_name(target.name + s).exists() for s in ("", *SIDE_FILES)):
        target = path.with_name(f"{path.stem}.damaged-{stamp}-{counter}{path.suffix}")
        counter += 1
    moved: list[tuple[Path, Path]] = []
    try:
        for side in ("", *SIDE_FILES):
            source = path.with_name(path.name + side)
            if side and not source.exists():
                continue
            destination = target.with_name(target.name + side)
            source.rename(destination)
            moved.append((source, destination))
    except OSError as exc:
        for source, destination in reversed(moved):  # all of it, or none of it
            destination.rename(source)
        raise _os_problem(path, exc, ()) from None
    return target
