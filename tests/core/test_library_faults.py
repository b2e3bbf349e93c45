"""The library when things go wrong around it: a full disk, a log not yet checkpointed,
damaged pages, another program's database, a read-only file. Real SQLite files, real
file systems (a 5 MB tmpfs, a read-only bind mount; those tests need root and skip
without it)."""

import contextlib
import hashlib
import random
import shutil
import sqlite3
import struct
from pathlib import Path

import pytest

from helpers import read_only, small_disk
from reader.core.article import Article
from reader.core.errors import LibraryDamaged, LibraryError, LibraryFull, LibraryReadOnly
from reader.core.history import History
from reader.core.store import Library
from reader.core.store.salvage import find_damage, reset_library


def make_article(n: int, words: int = 60) -> Article:
    rnd = random.Random(n)
    body = f"Article number {n}. " + " ".join(
        rnd.choice(("river", "city", "forest", "road", "lake")) + str(rnd.randint(0, 99999))
        for _ in range(words)
    )
    article = Article(
        title=f"Article {n}", body=body, authors=["Анна Петрова"], source="example.org"
    ).with_derived_fields()
    article.imported_at = "2026-11-27T10:00:00+00:00"
    return article


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def damage_pages(path: Path, count: int = 4, seed: int = 1) -> None:
    """Overwrite ``count`` whole pages in the middle of the file with random bytes."""
    pages = path.stat().st_size // 4096
    rnd = random.Random(seed)
    with path.open("r+b") as handle:
        for page in rnd.sample(range(pages // 3, 2 * pages // 3), count):
            handle.seek(page * 4096)
            handle.write(rnd.randbytes(4096))


def build(path: Path, count: int) -> list[int]:
    with Library.open(path) as library:
        return [library.add(make_article(n)).id for n in range(count)]


# -- A: healthy libraries are healthy ------------------------------------------------------


def latest_page_one(wal: bytes) -> bytes:
    """The newest committed copy of page 1 in a WAL file (what a checkpoint writes first)."""
    page_size = struct.unpack(">I", wal[8:12])[0]
    salts = wal[16:24]
    found, offset = None, 32
    while offset + 24 + page_size <= len(wal):
        number, _size = struct.unpack(">II", wal[offset : offset + 8])
        if wal[offset + 8 : offset + 16] != salts:
            break
        if number == 1:
            found = wal[offset + 24 : offset + 24 + page_size]
        offset += 24 + page_size
    assert found is not None
    return found


def test_a_library_whose_newest_pages_are_still_in_its_log_opens_whole(tmp_path):
    # What a checkpoint cut short (a kill, a full disk) leaves: the main file's header
    # already counts every page, the file itself is shorter, the log holds the rest.
    live = tmp_path / "live" / "library.sqlite3"
    live.parent.mkdir()
    library = Library.open(live)
    ids = [library.add(make_article(n)).id for n in range(120)]
    copy = tmp_path / "copy" / "library.sqlite3"
    copy.parent.mkdir()
    for side in ("", "-wal"):
        shutil.copyfile(f"{live}{side}", f"{copy}{side}")
    library.close()
    wal = Path(f"{copy}-wal").read_bytes()
    page_one = latest_page_one(wal)
    with copy.open("r+b") as handle:
        handle.write(page_one)
    header_pages = struct.unpack(">I", page_one[28:32])[0]
    assert header_pages * 4096 > copy.stat().st_size  # "truncated", by the old judgement

    assert find_damage(copy) == []
    with Library.open(copy) as reopened:
        assert sorted(reopened.ids()) == ids
        assert reopened.check() == []


@pytest.mark.parametrize("grouped", [False, True], ids=["one-by-one", "bulk"])
def test_a_full_disk_keeps_every_committed_article_and_is_never_called_damaged(tmp_path, grouped):
    with small_disk(tmp_path / "disk") as disk:
        filler = disk / "filler"
        filler.write_bytes(b"\0" * 1_000_000)
        path = disk / "library.sqlite3"
        returned: list[int] = []
        library = Library.open(path)
        writes = library.bulk_writes() if grouped else contextlib.nullcontext()
        with pytest.raises(LibraryFull) as caught, writes:
            for n in range(20_000):
                returned.append(library.add(make_article(n, words=300)).id)
        library.close()
        error = caught.value
        assert "is full" in str(error) and "damaged" not in str(error)
        committed = set(returned) - set(error.uncommitted)
        assert committed and set(error.uncommitted) <= set(returned)
        if not grouped:
            assert error.uncommitted == ()

        # Still full: it opens and reads.
        with Library.open(path) as full:
            assert set(full.ids()) == committed
        filler.unlink()
        with Library.open(path) as reopened:
            assert set(reopened.ids()) == committed
            assert reopened.check() == []
            reopened.add(make_article(99_999))  # there is room again
        assert find_damage(path) == []


# -- D: another program's database ---------------------------------------------------------


@pytest.mark.parametrize("user_version", [0, 3])
def test_another_programs_database_is_refused_and_left_byte_for_byte(tmp_path, user_version):
    path = tmp_path / "library.sqlite3"
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE t(x)")
    db.execute("INSERT INTO t VALUES (1)")
    db.execute(f"PRAGMA user_version = {user_version}")
    db.commit()
    db.close()
    before = digest(path)
    with pytest.raises(LibraryError, match="not an Article Reader library"):
        Library.open(path)
    with pytest.raises(LibraryError, match="not an Article Reader library"):
        reset_library(path)
    assert digest(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["library.sqlite3"]
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    db.close()


# -- C and A: damage, and the reset that recovers ------------------------------------------


def test_reset_moves_a_damaged_library_aside_and_recovers_what_can_be_read(tmp_path):
    path = tmp_path / "library.sqlite3"
    ids = build(path, 200)
    with Library.open(path) as library:
        history = History(library)
        for article_id in ids[:20]:
            history.open_session(article_id)
        library.set_text_size(ids[3], 150)
        library.set_meta("samples_offered", "1")
    damage_pages(path)
    damaged_bytes = path.read_bytes()
    assert find_damage(path)

    outcome = reset_library(path)
    assert outcome.state == "recovered"
    kept = outcome.kept
    assert kept.read_bytes() == damaged_bytes  # kept as it was, never written to
    assert "damaged" in kept.name
    salvaged = outcome.salvaged
    assert salvaged.known == 200
    assert 150 <= salvaged.articles <= 200
    assert outcome.summary() == (
        f"recovered {salvaged.articles} of 200 articles and {salvaged.history} reading history "
        f"entries into a fresh library; the damaged file is kept at {kept}"
    )
    with Library.open(path) as fresh:
        assert fresh.check() == []
        recovered = fresh.ids()
        assert len(recovered) == salvaged.articles and set(recovered) <= set(ids)
        for article_id in recovered:  # whole, under the same id, and found by search
            assert fresh.get(article_id).body == make_article(article_id - 1).body
        assert History(fresh).count() == salvaged.history == len(set(recovered) & set(ids[:20]))
        if ids[3] in recovered:
            assert fresh.text_size(ids[3]) == 150
        assert fresh.get_meta("samples_offered") == "1"
        from reader.core.search import search

        assert search(fresh, "number").total == salvaged.articles
    assert reset_library(path).state == "healthy"


def test_reset_takes_the_log_along_when_the_main_file_is_the_damaged_part(tmp_path):
    # As a crash leaves it: older articles in the main file (damaged), the newest still in
    # the write-ahead log beside it.
    live = tmp_path / "live" / "library.sqlite3"
    live.parent.mkdir()
    build(live, 200)  # (checkpointed into the main file on closing)
    library = Library.open(live)
    newer = [library.add(make_article(n)).id for n in range(200, 230)]
    path = tmp_path / "data" / "library.sqlite3"
    path.parent.mkdir()
    for side in ("", "-wal"):
        shutil.copyfile(f"{live}{side}", f"{path}{side}")
    library.close()
    damage_pages(path, seed=2)
    main_bytes, wal_bytes = path.read_bytes(), Path(f"{path}-wal").read_bytes()
    assert wal_bytes

    outcome = reset_library(path)
    assert outcome.state == "recovered"
    assert outcome.kept.read_bytes() == main_bytes
    assert Path(f"{outcome.kept}-wal").read_bytes() == wal_bytes
    with Library.open(path) as fresh:
        assert set(newer) <= set(fresh.ids())  # the log's articles came along
        assert fresh.check() == []


def test_a_damaged_library_is_reported_as_damaged_where_it_is_read(tmp_path):
    path = tmp_path / "library.sqlite3"
    build(path, 200)
    damage_pages(path)
    with Library.open(path) as library:
        heard = []
        library.problem_listeners.append(heard.append)
        with pytest.raises(LibraryDamaged, match="reset-library") as caught:
            for article_id in range(1, 201):
                library.get(article_id)
            list(library.summaries())
            list(library.articles())
        assert heard == [caught.value]
        assert "recovers every article that can still be read" in str(caught.value)
        # A window lists what can be read instead of failing the whole page.
        library.show_readable = True
        readable = library.summaries_for(list(range(1, 201)))
        assert 150 <= len(readable) < 200


def test_moving_aside_in_a_read_only_folder_renames_nothing(tmp_path):
    folder = tmp_path / "data"
    folder.mkdir()
    path = folder / "library.sqlite3"
    path.write_bytes(b"not a database" * 100)
    Path(f"{path}-wal").write_bytes(b"")
    with read_only(folder):
        with pytest.raises(LibraryReadOnly, match="read-only"):
            reset_library(path)
        assert sorted(p.name for p in folder.iterdir()) == [
            "library.sqlite3",
            "library.sqlite3-wal",
        ]


# -- B: read-only --------------------------------------------------------------------------


@pytest.mark.parametrize("what", ["file", "folder"])
def test_a_read_only_library_is_read_and_refuses_writes_plainly(tmp_path, what):
    folder = tmp_path / "data"
    folder.mkdir()
    path = folder / "library.sqlite3"
    ids = build(path, 30)
    before = digest(path)
    with read_only(path if what == "file" else folder):
        with Library.open(path) as library:
            assert library.read_only
            assert sorted(library.ids()) == ids
            assert library.get(ids[0]).title == "Article 0"
            with pytest.raises(LibraryReadOnly, match="read-only"):
                library.add(make_article(500))
            with pytest.raises(LibraryReadOnly):
                library.remove([ids[0]])
            with pytest.raises(LibraryReadOnly):
                History(library).open_session(ids[0])
            with pytest.raises(LibraryReadOnly), library.bulk_writes():
                pass
        assert reset_library(path).state == "healthy"
    assert digest(path) == before


def test_no_library_can_be_made_in_a_read_only_folder(tmp_path):
    folder = tmp_path / "data"
    folder.mkdir()
    with read_only(folder), pytest.raises(LibraryReadOnly, match="cannot be made"):
        Library.open(folder / "library.sqlite3")
