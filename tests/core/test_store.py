"""The store's public face: what the search panel, the history and the benchmarks ask of
it, and what they meet when the library cannot be used (a LibraryError with its sentence,
never SQLite's own error)."""

import contextlib
import random
import sqlite3
from pathlib import Path

import pytest

from reader.core.article import Article
from reader.core.errors import LibraryBusy, LibraryDamaged, LibraryError
from reader.core.history import History
from reader.core.search import search
from reader.core.store import Library
from reader.core.store.history_table import Reading, ReadingTable

EXIT_BUSY, EXIT_DAMAGED = 3, 6


def make_article(
    n: int, source: str | None = "example.org", title: str | None = None, body: str | None = None
) -> Article:
    article = Article(
        title=title or f"Article {n}",
        source=source,
        body=body or f"Article number {n} about the river and its bridges.",
    )
    article = article.with_derived_fields()
    article.imported_at = "2026-11-27T10:00:00+00:00"
    return article


def test_sources_lists_each_source_once_in_alphabetical_order(library):
    for n, source in enumerate(
        ["zeta.example", "Alpha.example", None, "beta.example", "zeta.example"]
    ):
        library.add(make_article(n, source=source))
    assert library.sources() == ["Alpha.example", "beta.example", "zeta.example"]


def test_add_all_stores_many_articles_in_one_go_and_indexes_them(library):
    library.add(make_article(1))
    added = library.add_all(make_article(n) for n in range(1, 6))  # the first is kept already
    assert added == 4
    assert sorted(s.title for s in library.summaries()) == [f"Article {n}" for n in range(1, 6)]
    assert search(library, "bridges").total == 5


def test_a_reading_history_added_all_at_once_is_read_back_whole(library):
    ids = [library.add(make_article(n)).id for n in range(3)]
    readings = [Reading(i, 100.0 + i, 200.0 + i, 1, 0.0, 0.5, 3, 0.25, False) for i in ids]
    assert ReadingTable(library).add_all(readings) == 3
    assert History(library).readings_for(ids) == dict(zip(ids, readings, strict=True))


# -- what the history's callers meet ----------------------------------------------------------


def library_with_a_damaged_history(path: Path) -> list[int]:
    """A library whose reading table has damaged pages (the articles are whole)."""
    with Library.open(path) as library:
        ids = [library.add(make_article(n)).id for n in range(3000)]
        ReadingTable(library).add_all(
            Reading(i, 1000.0 + i, 2000.0 + i, 1, 0.0, 0.5, 3, 0.25, False) for i in ids
        )
    with contextlib.closing(sqlite3.connect(path)) as db:
        pages = [
            row[0]
            for row in db.execute(
                "SELECT pageno FROM dbstat WHERE name = 'reading' AND pagetype = 'leaf' "
                "ORDER BY pageno"
            )
        ]
    assert len(pages) > 10
    rnd = random.Random(3)
    with path.open("r+b") as handle:
        for page in rnd.sample(pages[len(pages) // 3 : 2 * len(pages) // 3], 3):
            handle.seek((page - 1) * 4096)
            handle.write(rnd.randbytes(4096))
    return ids


def test_a_damaged_history_is_reported_as_damaged_where_it_is_read(tmp_path):
    path = tmp_path / "library.sqlite3"
    ids = library_with_a_damaged_history(path)
    with Library.open(path) as library:
        heard = []
        library.problem_listeners.append(heard.append)
        history = History(library)
        # (Listing the entries reads only the index by time: whole, so it works.)
        assert len(history.entry_ids()) == len(ids)
        for read in (
            lambda: history.readings_for(ids),
            lambda: history.entries(limit=5000),
            lambda: [history.get(article_id) for article_id in ids],
        ):
            with pytest.raises(LibraryDamaged, match="reset-library"):
                read()
        assert heard and all(isinstance(error, LibraryDamaged) for error in heard)
        # A window's list shows the readings that can be read, and says the file is damaged.
        heard.clear()
        library.show_readable = True
        readable = history.readings_for(ids)
        assert 2000 < len(readable) < len(ids)
        assert all(reading.block == 3 for reading in readable.values())
        assert len(heard) == 1 and isinstance(heard[0], LibraryDamaged)


def test_the_history_command_on_a_damaged_history_says_so_without_a_traceback(run_cli):
    run_cli.data_dir.mkdir()
    path = run_cli.data_dir / "library.sqlite3"
    library_with_a_damaged_history(path)
    result = run_cli("history")
    assert result.code == EXIT_DAMAGED
    assert result.err.startswith(f"article-reader: the library {path} is damaged (")
    assert "Traceback" not in result.err and result.out == ""


@contextlib.contextmanager
def write_lock_held(path: Path):
    """Another program (a connection of its own) holding the library's write lock."""
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("BEGIN IMMEDIATE")
    try:
        yield
    finally:
        db.execute("ROLLBACK")
        db.close()


def test_recording_in_a_locked_library_is_refused_as_busy(tmp_path, monkeypatch):
    monkeypatch.setenv("ARTICLE_READER_WRITE_WAIT", "0.2")
    path = tmp_path / "library.sqlite3"
    with Library.open(path) as library:
        article_id = library.add(make_article(1)).id
        history = History(library)
        with write_lock_held(path):
            with pytest.raises(LibraryBusy, match="is busy"):
                history.open_session(article_id)
            with pytest.raises(LibraryBusy, match="is busy"):
                history.record_progress(article_id, 4, 0.5, 0.5, 10.0)
        assert history.get(article_id) is None  # nothing half-written


def test_recording_the_reading_of_a_removed_article_is_refused_plainly(library):
    article_id = library.add(make_article(1)).id
    history = History(library)
    library.remove([article_id])  # (by another process, say, while it was open)
    with pytest.raises(LibraryError, match="no longer in the library"):
        history.open_session(article_id)
    with pytest.raises(LibraryError, match="no longer in the library"):
        history.record_progress(article_id, 1, 0.0, 0.4)
    assert history.count() == 0


def test_a_search_that_must_rebuild_a_locked_library_s_index_is_told_busy(tmp_path, monkeypatch):
    monkeypatch.setenv("ARTICLE_READER_WRITE_WAIT", "0.2")
    path = tmp_path / "library.sqlite3"
    with Library.open(path) as library:
        library.add(make_article(1))
        with contextlib.closing(sqlite3.connect(path)) as db:
            db.execute("DROP TABLE search_index")  # (another program's doing)
            db.commit()
        with write_lock_held(path), pytest.raises(LibraryBusy, match="is busy"):
            search(library, "river")
        assert search(library, "river").total == 1  # rebuilt once the lock is let go
