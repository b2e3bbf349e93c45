"""Errors a user can cause. Each carries one clear sentence fit to show as it is."""


class ReaderError(Exception):
    """A problem with the user's input or files, shown to them as one line."""


class ImportFailure(ReaderError):
    """A file could not be imported; the message says why (the caller adds the path)."""


class LibraryError(ReaderError):
    """The library database cannot be used.

    ``uncommitted`` lists the ids of articles that ``Library.add`` returned inside a group
    of writes (``Library.bulk_writes``) as added (or as updated) but that are not in the
    library after all (or not updated): the group they belonged to could not be
    committed. Empty for every other error.
    """

    def __init__(self, message: str, uncommitted: tuple[int, ...] = ()) -> None:
        super().__init__(message)
        self.message = message
        self.uncommitted = tuple(uncommitted)

    def __str__(self) -> str:
        # The sentence as made (Qt's bindings prefix the arguments of an error that passes
        # through a virtual method with where it was raised).
        return self.message


# The four below are what SQLite reported, told plainly. The store (reader.core.store)
# raises every problem with the library file as a LibraryError, so code outside it never
# needs to know SQLite's own errors (and does not import sqlite3).


class LibraryDamaged(LibraryError):
    """The library file exists but SQLite cannot read all of it (or it is not a database)."""


class LibraryBusy(LibraryError):
    """Another process kept the library's write lock for longer than we wait for it."""


class LibraryFull(LibraryError):
    """The disk holding the library is full: a write could not be stored."""


class LibraryReadOnly(LibraryError):
    """The library file, or the folder it is in, cannot be written."""
