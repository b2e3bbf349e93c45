"""The store: the one place that holds the library's SQLite connection and runs SQL.

Everything else asks it through public names: ``Library`` (articles, lists, settings,
writes), ``reader.core.store.history_table`` (the reading history's rows) and
``reader.core.store.search_index`` (the full-text index). What SQLite reports reaches
callers as a ``reader.core.errors.LibraryError``.

Importing this package loads only what opening a library needs (the window's first paint
imports it): salvage, the history's and the search's SQL are imported where used.
"""

from reader.core.store.library import Library
from reader.core.store.rows import AddResult, ArticleSummary

__all__ = ["AddResult", "ArticleSummary", "Library"]
