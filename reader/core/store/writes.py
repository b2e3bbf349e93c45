"""How the library writes: one write all or nothing, and groups of writes for imports.

Every write transaction starts through the library's turnstile (reader.core.store.turnstile),
so writers in other processes take turns instead of starving one another. What SQLite
reports when a write fails (busy, disk full, read-only, damaged) is raised as the
matching LibraryError (reader.core.store.library_file.problem); a broken constraint or a
mistake in our SQL stays the sqlite3 error it is.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Literal

from reader.core.errors import LibraryError, LibraryReadOnly
from reader.core.store.library_file import is_library_problem, problem, read_only_message
from reader.core.store.turnstile import TurnstileTimeout

if TYPE_CHECKING:
    from reader.core.store.library import Library


def begin(library: Library) -> None:
    """BEGIN IMMEDIATE, in turn: the turnstile is held only while waiting for the lock."""
    if library.read_only:
        raise library.problem(LibraryReadOnly(read_only_message(library.path)))
    try:
        with library._turnstile.turn(library.write_wait):
            library._db.execute("BEGIN IMMEDIATE")
    except TurnstileTimeout:
        # Told as SQLite tells it: the same message as a lock wait that ran out.
        raise library.problem(sqlite3.OperationalError("database is locked")) from None
    except sqlite3.ProgrammingError:  # closed meanwhile (a window's last save at exit)
        raise LibraryError(f"the library {library.path} is closed") from None


def migrate(library: Library, migrations: Sequence[Callable[[sqlite3.Connection], None]]) -> None:
    """Bring the library's schema up to date, one migration a transaction."""
    db = library._db
    if library.read_only:
        raise LibraryReadOnly(
            f"the library {library.path} is read-only, and it was written by an older Article "
            "Reader: it must be brought up to date once before this version can read it; "
            "make it writable and start again"
        )
    while True:
        begin(library)
        try:
            # Read inside the transaction: another process may have done it meanwhile.
            version = db.execute("PRAGMA user_version").fetchone()[0]
            if version >= len(migrations):
                db.execute("ROLLBACK")
                return
            migrations[version](db)
            db.execute(f"PRAGMA user_version = {version + 1}")
        except BaseException:
            if db.in_transaction:
                db.execute("ROLLBACK")
            raise
        db.execute("COMMIT")


class Transaction:
    """One write, all or nothing: its own transaction, or a savepoint inside a group."""

    def __init__(self, library: Library) -> None:
        self._library = library
        self._db = library._db

    def __enter__(self) -> None:
        library = self._library
        if library.read_only:
            raise library.problem(LibraryReadOnly(read_only_message(library.path)))
        bulk = library._bulk
        try:
            self._nested = bulk is not None and bulk.in_transaction()
            if self._nested:
                self._db.execute("SAVEPOINT one_write")
            else:
                begin(library)
        except LibraryError:
            raise
        except sqlite3.DatabaseError as exc:
            if not is_library_problem(exc):
                raise
            raise library.problem(exc) from exc

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: object
    ) -> Literal[False]:
        db, library = self._db, self._library
        try:
            if self._nested:
                if exc_type and db.in_transaction:
                    db.execute("ROLLBACK TO one_write")
                if db.in_transaction:
                    db.execute("RELEASE one_write")
            elif exc_type:
                if db.in_transaction:
                    db.execute("ROLLBACK")
            else:
                try:
                    db.execute("COMMIT")
                except sqlite3.DatabaseError:
                    if db.in_transaction:
                        db.execute("ROLLBACK")
                    raise
        except sqlite3.DatabaseError as failure:
            if exc is None and is_library_problem(failure):
                raise library.problem(failure, self._lost()) from failure
            if exc is None:
                raise
        if exc is not None and is_library_problem(exc) and not isinstance(exc, LibraryError):
            raise library.problem(exc, self._lost()) from exc
        if isinstance(exc, LibraryError):
            problem(library.path, exc, self._lost())  # (adds what the group lost to it)
        return False

    def _lost(self) -> tuple[int, ...]:
        """The group's articles, when SQLite rolled the whole group back (it does so
        for a full disk, among others)."""
        bulk = self._library._bulk
        if self._nested and bulk is not None and not self._db.in_transaction:
            return bulk.forget_group()
        return ()


class BulkWrites:
    """Many writes, committed in groups at most ``window`` seconds apart (see
    Library.bulk_writes). Before each group the turnstile is taken again, so a writer in
    another process that waits for its turn gets in between two groups."""

    def __init__(self, library: Library, window: float) -> None:
        self._library = library
        self._db = library._db
        self._window = window
        self._started = 0.0
        self._group: list[int] = []  # ids added in the open group (not committed yet)

    def __enter__(self) -> BulkWrites:
        if self._library.read_only:
            raise self._library.problem(LibraryReadOnly(read_only_message(self._library.path)))
        self._previous = self._db.execute("PRAGMA wal_autocheckpoint").fetchone()[0]
        self._db.execute("PRAGMA wal_autocheckpoint = 10000")
        self._db.execute(
            "CREATE TEMP TABLE IF NOT EXISTS pending_index "
            "(rowid INTEGER PRIMARY KEY, title, author, source, body)"
        )
        self._library._bulk = self
        return self

    def added(self, article_id: int) -> None:
        self._group.append(article_id)

    def forget_group(self) -> tuple[int, ...]:
        lost, self._group = tuple(self._group), []
        return lost

    def _commit(self) -> None:
        try:
            self._db.execute(
                "INSERT INTO search_index (rowid, title, author, source, body) "
                "SELECT rowid, title, author, source, body FROM temp.pending_index"
            )
            self._db.execute("DELETE FROM temp.pending_index")
            self._db.execute("COMMIT")
        except sqlite3.DatabaseError as exc:
            if self._db.in_transaction:  # (the waiting index rows go with it)
                self._db.execute("ROLLBACK")
            if not is_library_problem(exc):
                raise
            raise self._library.problem(exc, self.forget_group()) from exc
        self._group = []

    def flush(self) -> None:
        """Commit the open group now (the next write opens another): while the import
        waits for a slow file, other writers must not wait with it."""
        if self._db.in_transaction:
            self._commit()

    def in_transaction(self) -> bool:
        """Called before each write: open the group's transaction, or commit it when due."""
        if self._db.in_transaction and time.monotonic() - self._started >= self._window:
            self._commit()
        if not self._db.in_transaction:
            self._group = []
            begin(self._library)
            self._started = time.monotonic()
        return True

    def __exit__(self, exc_type: object, exc: BaseException | None, tb: object) -> None:
        self._library._bulk = None
        try:
            if self._db.in_transaction:
                self._commit()  # each article in it is whole: keep them
        except LibraryError as failure:
            if exc is None:
                raise
            if isinstance(exc, LibraryError):  # the first error is the news; add what was lost
                problem(self._library.path, exc, failure.uncommitted)
        finally:
            try:
                self._db.execute(f"PRAGMA wal_autocheckpoint = {int(self._previous)}")
                self._db.execute("PRAGMA wal_checkpoint(PASSIVE)")
            except sqlite3.DatabaseError:
                pass  # a checkpoint can wait for the next one
