"""Errors a user can cause. Each carries one clear sentence fit to show as it is."""

import sqlite3


class ReaderError(Exception):
    """A problem with the user's input or files, shown to them as one line."""


class ImportFailure(ReaderError):
    """A file could not be imported; the message says why (the caller adds the path)."""


class LibraryError(ReaderError):
    """The library database cannot be used.

    ``uncommitted`` lists the ids of articles that ``Library.add`` returned inside a group
    of writes (``Library.bulk_writes``) but that are not in the library after all: the
    group they belonged to could not be committed. Empty for every other error.
    """

    def __init__(self, message: str, uncommitted: tuple[int, ...] = ()) -> None:
        super().__init__(message)
        self.message = message
        self.uncommitted = tuple(uncommitted)

    def __str__(self) -> str:
        # The sentence as made (Qt's bindings prefix the arguments of an error that passes
        # through a virtual method with where it was raised).
        return self.message


# The four below are what SQLite reported, told plainly. They are sqlite3 errors too, so
# code that guards a write with ``except sqlite3.Error`` keeps working.


class LibraryDamaged(LibraryError, sqlite3.DatabaseError):
    """The library file exists but SQLite cannot read all of it (or it is not a database)."""


class LibraryBusy(LibraryError, sqlite3.OperationalError):
    """Another process kept the library's write lock for longer than we wait for it."""


class LibraryFull(LibraryError, sqlite3.OperationalError):
    """The disk holding the library is full: a write could not be stored."""


class LibraryReadOnly(LibraryError, sqlite3.OperationalError):
    """The library file, or the folder it is in, cannot be written."""
