"""Errors a user can cause. Each carries one clear sentence fit to show as it is."""


class ReaderError(Exception):
    """A problem with the user's input or files, shown to them as one line."""


class ImportFailure(ReaderError):
    """A file could not be imported; the message says why (the caller adds the path)."""


class LibraryError(ReaderError):
    """The library database cannot be used."""


class LibraryDamaged(LibraryError):
    """The library file exists but is not a healthy SQLite database."""
