"""The library: one SQLite database holding every imported article.

WAL journal, foreign keys on, the schema version in ``PRAGMA user_version`` and an ordered
list of migrations (reader.core.store.schema). Each article is written all or nothing on its own
(its own transaction, or a savepoint in a group of writes during an import), so a failure
while importing one file never touches another; writers in other processes take turns
(reader.core.store.writes). A file that is not a healthy database, or not ours, is never
written to: it is reported, and a damaged one can be moved aside (kept, renamed) with
what can still be read copied into a fresh library (reader.core.store.salvage). A library
that cannot be written is opened read-only. What SQLite reports is raised as what it
means: LibraryBusy, LibraryFull, LibraryReadOnly, LibraryDamaged (reader.core.errors).
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from reader.core.errors import LibraryDamaged, LibraryError, LibraryReadOnly
from reader.core.folding import fold, fold_case
from reader.core.store import index_upgrade, marks_table, note_index, picture_table
from reader.core.store.history_table import STATE_CONDITIONS
from reader.core.store.library_file import (
    check_database_file,
    connect,
    damaged_message,
    is_busy,
    is_library_problem,
    our_version,
    problem,
    quick_check,
    read_only_message,
    reads,
    reads_rows,
    writable,
    write_wait,
)
from reader.core.store.rows import (
    COLUMNS,
    PLACEHOLDERS,
    SUMMARY_COLUMNS,
    AddResult,
    ArticleSummary,
    article_of,
    article_row,
    select_by_ids,
    summary_of,
)
from reader.core.store.schema import (
    ACCENTS_FOLDED,
    MARKS_VERSION,
    MIGRATIONS,
    NOTE_INDEX_VERSION,
    PICTURES_VERSION,
    READABLE_AS_IS,
    SCHEMA_VERSION,
    SEARCH_INDEX_VERSION,
    create_search_index,
    fill_search_index,
    index_terms,
)
from reader.core.store.turnstile import Turnstile, TurnstileTimeout
from reader.core.store.writes import BulkWrites, Transaction, migrate

if TYPE_CHECKING:  # made when read (the window's first paint needs no article)
    from reader.core.article import Article
    from reader.core.marks import Mark
    from reader.core.pictures import Picture
    from reader.core.store.marks_table import MarkLine, MarkRow

log = logging.getLogger(__name__)

# Library files this process has open, and how many times.
_OPEN_HERE: dict[str, int] = {}


class Library:
    """An open library database. Build one per process with ``Library.open(path)``."""

    def __init__(self, db: sqlite3.Connection, path: Path, read_only: bool = False) -> None:
        self._db = db
        self.path = path
        self._key: str | None = None  # in _OPEN_HERE while open
        self._accents_folded = True  # the stored filter text drops Latin accents (schema 7)
        self._has_pictures = True  # (a read-only library older than schema 8 has none)
        self._has_marks = True  # (nor one older than schema 11 marks)
        self._has_note_index = True  # (nor one older than schema 12 an index of its notes)
        # Nothing can be written (the file or its folder is read-only): reading works.
        self.read_only = read_only
        # Things the reader should be told once (e.g. the search index was rebuilt).
        self.notices: list[str] = []
        # Called with each LibraryError made of an SQLite error (e.g. damage met while
        # reading), so a window can say so wherever the read happened.
        self.problem_listeners: list[Callable[[LibraryError], None]] = []
        # Lists show the rows that can be read from a damaged file (a window that says
        # the file is damaged); off, the first unreadable row fails the read.
        self.show_readable = False
        self._bulk: BulkWrites | None = None
        self._turnstile = Turnstile(path)
        self.write_wait = write_wait()  # seconds a write waits for another writer

    # -- opening -------------------------------------------------------------------------

    @classmethod
    def open(cls, path: Path) -> Library:
        path = Path(path)
        # Reading the file ourselves while this process has it open through SQLite would
        # drop SQLite's POSIX locks on it (closing any descriptor of a file does): other
        # processes then took the WAL for unused and lost commits made here. It was
        # checked when first opened.
        key = str(path.resolve())
        if not _OPEN_HERE.get(key):
            check_database_file(path)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise problem(path, exc) from None
        read_only = not writable(path)
        if read_only and not path.exists():
            raise LibraryReadOnly(read_only_message(path))
        db = connect(path, read_only)
        library = cls(db, path, read_only)
        try:
            db.execute(f"PRAGMA busy_timeout = {int(library.write_wait * 1000)}")
            db.execute("PRAGMA foreign_keys = ON")
            version = our_version(db, path, SCHEMA_VERSION)  # before anything is written
            if not read_only:
                library._use_wal()
                db.execute("PRAGMA synchronous = NORMAL")
            if version < SCHEMA_VERSION and not (read_only and version >= READABLE_AS_IS):
                migrate(library, MIGRATIONS)
            # (Known once: only this process could bring it up to date, and it did.)
            library._accents_folded = library.schema_version >= ACCENTS_FOLDED
            library._has_pictures = library.schema_version >= PICTURES_VERSION
            library._has_marks = library.schema_version >= MARKS_VERSION
            library._has_note_index = library.schema_version >= NOTE_INDEX_VERSION
            has_index_schema = library.schema_version >= SEARCH_INDEX_VERSION
            indexes = {
                row[0]
                for row in db.execute(
                    "SELECT name FROM sqlite_master WHERE name IN ('search_index', ?)",
                    (note_index.NOTE_INDEX,),
                )
            }
            if has_index_schema and (
                "search_index" not in indexes
                or (library._has_note_index and note_index.NOTE_INDEX not in indexes)
            ):
                if read_only:
                    library.notices.append(
                        "the search index is missing, and a read-only library cannot rebuild it"
                    )
                else:
                    library.rebuild_search_index("the search index was missing")
        except BaseException as exc:
            library.close()
            if isinstance(exc, sqlite3.DatabaseError) and is_library_problem(exc):
                raise problem(path, exc) from None
            raise
        _OPEN_HERE[key] = _OPEN_HERE.get(key, 0) + 1
        library._key = key
        return library

    def _use_wal(self) -> None:
        """Write-ahead logging, set once for good when the library is made. Two processes
        making a library at the same moment: SQLite answers the second one's switch with
        "locked" at once, without waiting, so it waits its turn and asks again."""
        import time

        db = self._db
        if db.execute("PRAGMA journal_mode").fetchone()[0].lower() == "wal":
            return
        deadline = time.monotonic() + self.write_wait
        while True:
            try:
                with self._turnstile.turn(self.write_wait):
                    mode = db.execute("PRAGMA journal_mode = WAL").fetchone()[0]
                break
            except TurnstileTimeout:
                raise sqlite3.OperationalError("database is locked") from None
            except sqlite3.OperationalError as exc:
                if not is_busy(exc) or time.monotonic() >= deadline:
                    raise
                time.sleep(0.01)
        if mode.lower() != "wal":
            raise LibraryError(f"the library {self.path} cannot use write-ahead logging ({mode})")

    def problem(self, exc: BaseException, uncommitted: tuple[int, ...] = ()) -> LibraryError:
        """What an SQLite (or OS) error means for this library, as a LibraryError; the
        problem listeners hear of it."""
        error = problem(self.path, exc, uncommitted)
        for listener in list(self.problem_listeners):
            listener(error)
        return error

    def check(self) -> list[str]:
        """SQLite's quick_check of the whole file: [] when healthy, else what it found.
        Reads every page (seconds for a large library): for when SQLite has reported an
        error, or a reset must decide, not for every start."""
        return quick_check(self._db, self.path)

    def rebuild_search_index(self, reason: str | None = None) -> int:
        """Build the search index again from the articles (and the notes' index from the
        notes), of the current kind, in one transaction; returns how many articles it
        holds. With a ``reason`` (something went wrong with the index), the file is
        checked first: a damaged file raises LibraryDamaged and is not written to."""
        from reader.core.text_index import LEMMAS, forget_words

        if reason:
            found = self.check()
            if found:
                raise self.problem(LibraryDamaged(damaged_message(self.path, found[0])))
        try:
            with self.transaction():
                self._db.execute("DROP TABLE IF EXISTS search_index")
                index_upgrade.drop_next(self._db)
                create_search_index(self._db)
                fill_search_index(self._db, LEMMAS)
                if self._has_note_index:
                    note_index.refill(self._db, LEMMAS)
                index_upgrade.set_kind(self._db, LEMMAS)
        finally:
            forget_words()  # (every form of every article was looked up)
        if reason:
            self.notices.append(f"{reason}; it has been rebuilt")
        return self.count()

    @property
    def index_kind(self) -> str:
        """What the search index's terms are (reader.core.text_index.LEMMAS or STEMS)."""
        return index_upgrade.kind_of(self._db)[0]

    @property
    def index_outdated(self) -> bool:
        """Whether the search index is older than this version's, or a new one was being
        built and was interrupted, and this library can build it (upgrade_search_index):
        searches read the one in place as it is meanwhile."""
        from reader.core.text_index import LEMMAS

        kind, building = index_upgrade.kind_of(self._db)
        return not self.read_only and (kind != LEMMAS or building)

    def upgrade_search_index(
        self,
        progress: Callable[[int, int], None] | None = None,
        stop: Callable[[], bool] | None = None,
        again: bool = False,
    ) -> bool:
        """Build the current kind of search index beside the old one, a batch of articles
        a transaction, and put it in its place when whole; searching goes on meanwhile
        with the old one. Goes on from where an interrupted build stopped. True when done;
        False when ``stop()`` asked to stop first. ``progress(done, total)`` after each
        batch. With ``again`` an index that is up to date is built anew too."""
        from reader.core.text_index import LEMMAS, forget_words

        try:
            return index_upgrade.build(self, LEMMAS, progress, stop, again=again)
        finally:
            forget_words()  # (every form of every article was looked up)

    def tidy_search_index(self, pages: int = 1000, stop: Callable[[], bool] | None = None) -> None:
        """Merge the search index's small pieces, a step of about ``pages`` pages at a
        time, each step its own transaction (readers are never held up for long); ``stop``
        is asked before each step (a cancelled import leaves the rest for the next one).

        FTS5 keeps an index as segments and looks a word up in each; imports add them
        faster than is best for searching (automerge is 16, for speed), so after an import
        every level with four or more segments (FTS5's "usermerge") is merged. In a 100,000
        article library this took 20 segments to 4 in 1.4 s, and made searches for
        two or three rare words about 1.5x faster."""
        try:
            while not (stop and stop()):
                before = self._db.total_changes
                with self.transaction():  # (in turn with other writers, as every write)
                    self._db.execute(
                        "INSERT INTO search_index (search_index, rank) VALUES ('merge', ?)",
                        (pages,),
                    )
                if self._db.total_changes - before < 2:  # (FTS5's sign that nothing was left)
                    break
        except (LibraryError, sqlite3.Error) as exc:  # searching works, a little slower
            log.warning("could not tidy the search index: %s", exc)

    def close(self) -> None:
        self._db.close()
        self._turnstile.close()
        key = self._key
        if key and _OPEN_HERE.get(key):
            _OPEN_HERE[key] -= 1
            self._key = None

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def schema_version(self) -> int:
        return self._db.execute("PRAGMA user_version").fetchone()[0]

    # -- writing -------------------------------------------------------------------------

    def add(self, article: Article) -> AddResult:
        """Store ``article`` in its own transaction; an article already kept is not doubled.

        A copy of an article already kept (the same words) that brings pictures the kept
        one lacks, and keeps every picture it has, takes its place: the article keeps its
        id, its reading history, its own settings and when it first came in, and gets
        the copy's text, pictures and details (``AddResult.updated``).

        Raises LibraryBusy, LibraryFull, LibraryReadOnly or LibraryDamaged when the
        write cannot be stored; in a group of writes (``bulk_writes``) the error's
        ``uncommitted`` holds the ids this method returned that the group took with it."""
        row = article_row(article)  # (made before the write lock is taken)
        updated = False
        with self.transaction():
            # In a group of writes the index rows wait in a temporary table and go into
            # the index together at the group's commit: FTS5 writes a segment per
            # statement, and one segment per article made imports slow.
            table = "temp.pending_index" if self._bulk else "search_index"
            added = self._insert(article, row, table)
            if added is not None and article.pictures:
                picture_table.add_pictures(self._db, added, article.pictures)
            if added is None:
                existing = self._db.execute(
                    "SELECT id, imported_at FROM articles WHERE content_hash = ?",
                    (article.content_hash,),
                ).fetchone()
                if article.pictures and self._has_pictures:
                    updated = self._give_pictures(existing[0], existing[1], article, table)
            if article.marks:  # (an export's marks come back, to the article kept before too)
                marks_table.add_all(self._db, added or existing[0], article.marks)
        if added is None:
            if updated and self._bulk is not None:
                self._bulk.added(existing[0])
            return AddResult(existing[0], duplicate=True, updated=updated)
        if self._bulk is not None:
            self._bulk.added(added)
        return AddResult(added, duplicate=False)

    def _give_pictures(
        self, article_id: int, imported_at: str, article: Article, index_table: str
    ) -> bool:
        """Put ``article``, a copy of the kept article ``article_id``, in its place when
        it brings pictures the kept one lacks and lacks none it has (in the caller's
        transaction); whether it did."""
        kept = picture_table.digests_of(self._db, [article_id])
        if not kept < article.pictures.keys():
            return False
        from dataclasses import replace

        row = article_row(replace(article, imported_at=imported_at))
        assignments = ", ".join(f"{name} = ?" for name in COLUMNS.split(", "))
        self._db.execute(f"UPDATE articles SET {assignments} WHERE id = ?", (*row, article_id))
        self._db.execute("DELETE FROM search_index WHERE rowid = ?", (article_id,))
        self._index(article_id, article, index_table)
        picture_table.add_pictures(self._db, article_id, article.pictures)
        return True

    def add_all(self, articles: Iterable[Article]) -> int:
        """Store many articles in one transaction, all or none: the quick way to fill a
        large library (the benchmarks' synthetic ones). Articles already kept are left
        out; returns how many were added."""
        added = 0
        with self.transaction():
            for article in articles:
                new = self._insert(article, article_row(article), "search_index")
                if new is not None and article.pictures:
                    picture_table.add_pictures(self._db, new, article.pictures)
                added += new is not None
        return added

    def _insert(self, article: Article, row: tuple, index_table: str) -> int | None:
        """Insert the article and its index row (in the caller's transaction); its new id,
        or None when its text is kept already."""
        cursor = self._db.execute(
            f"INSERT INTO articles ({COLUMNS}) VALUES ({PLACEHOLDERS}) "
            "ON CONFLICT (content_hash) DO NOTHING",
            row,
        )
        if not cursor.rowcount:
            return None
        added: int = cursor.lastrowid  # type: ignore[assignment]  # (a row was inserted)
        self._index(added, article, index_table)
        return added

    def _index(self, article_id: int, article: Article, index_table: str) -> None:
        """The article's row in the search index (and in a new index being built)."""
        from reader.core.text_index import LEMMAS

        kind, building = index_upgrade.kind_of(self._db)
        current = article.index_terms or index_terms(article)  # (import workers make them)
        terms = current if kind == LEMMAS else index_terms(article, kind)
        self._db.execute(
            f"INSERT OR REPLACE INTO {index_table} (rowid, title, author, source, body) "
            "VALUES (?, ?, ?, ?, ?)",
            (article_id, *terms),
        )
        if building:  # (a new index is being built: it gets the article too)
            index_upgrade.write_terms(self._db, article_id, current)

    def bulk_writes(self, window: float = 0.05) -> BulkWrites:
        """Many small writes ahead (an import). Each write is still all-or-nothing on its
        own (a savepoint: a failure undoes that article alone), but commits are grouped,
        at most ``window`` seconds apart, and the WAL is checkpointed less often. A crash
        loses at most the last window's articles, never half of one. A group that cannot
        be committed (disk full, say) raises from the next ``add`` or from leaving the
        block, with the lost ids in the error's ``uncommitted``."""
        return BulkWrites(self, window)

    def remove(self, ids: Iterable[int]) -> list[int]:
        """Delete the articles with these ids; returns the ids that existed."""
        removed = []
        with self.transaction():
            ids = list(ids)
            building = index_upgrade.kind_of(self._db)[1]
            pictures = picture_table.digests_of(self._db, ids) if self._has_pictures else set()
            if self._has_note_index:  # (the marks go with the article, their notes' rows here)
                note_index.forget_articles(self._db, ids)
            for article_id in ids:
                if self._db.execute("DELETE FROM articles WHERE id = ?", (article_id,)).rowcount:
                    self._db.execute("DELETE FROM search_index WHERE rowid = ?", (article_id,))
                    if building:
                        index_upgrade.forget(self._db, article_id)
                    removed.append(article_id)
            picture_table.drop_unused(self._db, pictures)  # (those no other article shows)
        return removed

    # -- pictures ------------------------------------------------------------------------

    @reads
    def picture(self, digest: str) -> Picture | None:
        """A stored picture, by the digest an article's body names it with."""
        return picture_table.picture(self._db, digest) if self._has_pictures else None

    @reads
    def picture_sizes(self, article_id: int) -> dict[str, tuple[int, int]]:
        """The article's pictures, by digest: width and height (no picture data read)."""
        return picture_table.sizes(self._db, article_id) if self._has_pictures else {}

    @reads
    def pictures_of(self, article_id: int) -> dict[str, Picture]:
        """The article's pictures with their data (for export)."""
        return picture_table.pictures_of(self._db, article_id) if self._has_pictures else {}

    @reads
    def picture_totals(self) -> tuple[int, int]:
        """How many pictures the library keeps, and their size in bytes."""
        return picture_table.totals(self._db) if self._has_pictures else (0, 0)

    # -- marks ---------------------------------------------------------------------------

    @reads
    def marks_of(self, article_id: int) -> list[Mark]:
        """The article's highlights and bookmarks, in the order of its text."""
        return marks_table.of_article(self._db, article_id) if self._has_marks else []

    @reads
    def all_marks(
        self,
        needle: str = "",
        kinds: Iterable[str] = (),
        limit: int | None = None,
        article_ids: Iterable[int] | None = None,
    ) -> list[MarkRow]:
        """Every article's marks, newest first, with their article's title and source;
        ``needle`` keeps those whose words, note or name hold it (folded, as the list's
        filter), ``kinds`` those of these kinds, ``article_ids`` those of these articles."""
        if not self._has_marks:
            return []
        return marks_table.everywhere(self._db, needle, kinds, limit, article_ids)

    @reads
    def mark_ids(
        self, needle: str = "", kinds: Iterable[str] = (), notes_only: bool = False
    ) -> list[int]:
        """The ids of every article's marks, newest first, filtered as ``all_marks`` does;
        ``notes_only`` leaves out highlights without a note."""
        return marks_table.line_ids(self._db, needle, kinds, notes_only) if self._has_marks else []

    @reads
    def mark_lines(self, mark_ids: list[int]) -> list[MarkLine | None]:
        """What a list shows of these marks (words and note cut short, the article's
        title), in the order given; None for a mark removed meanwhile."""
        return marks_table.lines(self._db, mark_ids) if self._has_marks else []

    @reads
    def marks_by_id(self, mark_ids: Iterable[int]) -> list[MarkRow]:
        """These marks, whole, with their article's title and source (in the order given)."""
        if not self._has_marks:
            return []
        return marks_table.by_id(self._db, mark_ids)

    @reads
    def mark_counts(self) -> dict[str, int]:
        """How many marks of each kind the library keeps."""
        return marks_table.counts(self._db) if self._has_marks else {}

    def add_mark(self, article_id: int, mark: Mark) -> int:
        """Keep a new mark of the article; its id."""
        with self.transaction():
            return marks_table.add(self._db, article_id, mark)

    def update_mark(self, mark: Mark) -> bool:
        """Store a mark's changed note, colour, name, place or lost flag; False when the
        mark is gone (removed meanwhile, with its article perhaps)."""
        with self.transaction():
            return marks_table.update(self._db, mark)

    def remove_marks(self, mark_ids: Iterable[int]) -> int:
        """Delete these marks; how many there were."""
        with self.transaction():
            return marks_table.remove(self._db, mark_ids)

    # -- reading -------------------------------------------------------------------------

    @reads
    def get(self, article_id: int) -> Article | None:
        row = self._db.execute(
            f"SELECT id, {COLUMNS} FROM articles WHERE id = ?", (article_id,)
        ).fetchone()
        return article_of(row) if row else None

    @reads
    def count(self) -> int:
        return self._db.execute("SELECT count(*) FROM articles").fetchone()[0]

    @reads
    def is_empty(self) -> bool:
        return self._db.execute("SELECT 1 FROM articles LIMIT 1").fetchone() is None

    @reads_rows
    def summaries(self, limit: int | None = None, offset: int = 0) -> Iterator[ArticleSummary]:
        """Articles newest first (publication date, else import time), without bodies."""
        cursor = self._db.execute(
            f"SELECT {SUMMARY_COLUMNS} FROM articles ORDER BY sort_key DESC, id DESC "
            "LIMIT ? OFFSET ?",
            (-1 if limit is None else limit, offset),
        )
        for row in cursor:
            yield summary_of(row)

    @reads
    def ids(
        self,
        order: str = "date",
        descending: bool | None = None,
        text: str = "",
        state: str | None = None,
    ) -> list[int]:
        """Article ids in display order, optionally only those whose title, source or
        author contains ``text`` (case-insensitive), and only those in a reading ``state``
        (unread, in_progress, finished). Cheap enough for 100,000 articles."""
        column, default_descending = _ORDERS[order]
        descending = default_descending if descending is None else descending
        direction = "DESC" if descending else "ASC"
        conditions, params = [], []
        if text.strip():
            conditions.append("instr(filter_text, ?)")
            params.append(self.filter_needle(text))
        if state:
            conditions.append(STATE_CONDITIONS[state])
        sql = "SELECT id FROM articles"
        if conditions:
            sql += " WHERE " + " AND ".join(conditions)
        sql += f" ORDER BY {column} {direction}, id {direction}"
        return [row[0] for row in self._db.execute(sql, params)]

    @reads
    def summaries_for(self, ids: list[int]) -> dict[int, ArticleSummary]:
        """The summaries of these articles, by id (missing ids are left out). With
        ``show_readable`` on, rows SQLite cannot read are left out too (the problem
        listeners hear why) instead of failing the whole page."""
        query = f"SELECT {SUMMARY_COLUMNS} FROM articles WHERE id IN ({{marks}})"
        return {row[0]: summary_of(row) for row in self._rows_by_ids(query, ids)}

    @reads
    def sources(self) -> list[str]:
        """Every source an article names, once each, in alphabetical order (any case)."""
        return [
            row[0]
            for row in self._db.execute(
                "SELECT DISTINCT source FROM articles WHERE source IS NOT NULL "
                "ORDER BY source COLLATE NOCASE"
            )
        ]

    @reads
    def filter_needle(self, text: str) -> str:
        """``text`` folded as the stored filter text (title, source, authors) was: what
        ``instr(filter_text, ?)`` looks for. A read-only library that could not be brought
        up to schema 7 keeps Latin accents in it, and so does the needle."""
        if not self._accents_folded:
            return fold_case(text.strip())
        return fold(text.strip())

    def text_size(self, article_id: int) -> int | None:
        """The article's own text size (percent), or None when it follows the global one."""
        row = self._db.execute(
            "SELECT text_size FROM article_settings WHERE article_id = ?", (article_id,)
        ).fetchone()
        return row[0] if row else None

    def set_text_size(self, article_id: int, percent: int | None) -> None:
        with self.transaction():
            if percent is None:
                self._db.execute("DELETE FROM article_settings WHERE article_id = ?", (article_id,))
            else:
                self._db.execute(
                    "INSERT INTO article_settings (article_id, text_size) VALUES (?, ?) "
                    "ON CONFLICT (article_id) DO UPDATE SET text_size = excluded.text_size",
                    (article_id, percent),
                )

    @reads_rows
    def articles(self) -> Iterator[Article]:
        """Every article with its body, oldest id first (for export)."""
        for row in self._db.execute(f"SELECT id, {COLUMNS} FROM articles ORDER BY id"):
            yield article_of(row)

    @reads
    def get_meta(self, key: str) -> str | None:
        row = self._db.execute("SELECT value FROM library_meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def set_meta(self, key: str, value: str) -> None:
        with self.transaction():
            self._db.execute(
                "INSERT INTO library_meta (key, value) VALUES (?, ?) "
                "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (key, value),
            )

    def transaction(self) -> Transaction:
        """A write, all or nothing: ``with library.transaction(): ...`` (in a group of
        writes, a savepoint of the group). What SQLite reports is raised as a LibraryError."""
        return Transaction(self)

    # -- internals -----------------------------------------------------------------------

    def _rows_by_ids(self, query: str, ids: list[int]) -> list[tuple]:
        """The rows of ``query`` (``{marks}`` where the ids go) for these ids. With
        ``show_readable`` on, rows SQLite cannot read are left out (the problem listeners
        hear why) instead of failing the whole page."""
        try:
            return list(select_by_ids(self._db, query, ids))
        except sqlite3.DatabaseError as exc:
            if not (self.show_readable and is_library_problem(exc)):
                raise
            self.problem(exc)
        found = []
        for article_id in ids:
            try:
                found += self._db.execute(query.format(marks="?"), (article_id,)).fetchall()
            except sqlite3.DatabaseError:
                continue  # (said already)
        return found


# Display orders: the column to sort by and whether it runs downwards by default.
_ORDERS = {
    "date": ("sort_key", True),
    "title": ("title COLLATE NOCASE", False),
    "source": ("coalesce(source, '') COLLATE NOCASE", False),
}
