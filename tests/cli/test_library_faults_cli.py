"""What the command line says when the library cannot be used as usual: busy, disk full,
read-only, damaged, another program's file; and that it never calls a healthy library
damaged. Real processes (`python -m reader`), real files and file systems (a small
tmpfs and read-only bind mounts need root: those tests skip without it)."""

import contextlib
import hashlib
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from helpers import REPO, read_only, small_disk
from reader.core.article import Article
from reader.core.history import History
from reader.core.store import Library

EXIT_BUSY, EXIT_FULL, EXIT_READ_ONLY, EXIT_DAMAGED = 3, 4, 5, 6
WORDS = ("river", "mountain", "city", "forest", "road", "lake", "bridge", "tower")


def reader(data: Path, *args, env: dict | None = None, timeout: float = 120):
    command = [sys.executable, "-m", "reader", "--data-dir", str(data), *map(str, args)]
    return subprocess.run(
        command,
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=timeout,
        env={**os.environ, **(env or {})},
    )


def write_articles(folder: Path, count: int, words: int = 150, tag: str = "") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(count):
        rnd = random.Random(f"{folder.name}{tag}{n}")
        text = " ".join(rnd.choice(WORDS) + str(rnd.randint(0, 99999)) for _ in range(words))
        (folder / f"{n:04}.txt").write_text(
            f"Article {folder.name} {n}\n\n{text}\n", encoding="utf-8"
        )
    return folder


def count_articles(path: Path) -> int:
    with contextlib.closing(sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro", uri=True)) as db:
        return db.execute("SELECT count(*) FROM articles").fetchone()[0]


def library_with(data: Path, count: int) -> list[int]:
    data.mkdir(parents=True, exist_ok=True)
    with Library.open(data / "library.sqlite3") as library:
        ids = []
        for n in range(count):
            article = Article(
                title=f"Article {n}", body=f"Article number {n}. " + "word " * 200 + f"unique{n}"
            ).with_derived_fields()
            article.imported_at = "2026-11-27T10:00:00+00:00"
            ids.append(library.add(article).id)
        library.set_meta("samples_offered", "1")
    return ids


def names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# -- B: writers take turns -----------------------------------------------------------------


def test_two_imports_at_once_both_finish_and_keep_every_article(tmp_path):
    first = write_articles(tmp_path / "first", 300)
    second = write_articles(tmp_path / "second", 300)
    for trial in range(3):  # the first into a library not made yet: both make it at once
        data = tmp_path / f"data{trial}"
        if trial:
            library_with(data, 0)
        command = [sys.executable, "-m", "reader", "--data-dir", str(data), "import", "-q"]
        running = [
            subprocess.Popen(
                [*command, str(folder)],
                cwd=REPO,
                text=True,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
            )
            for folder in (first, second)
        ]
        results = [(p.wait(timeout=180), *p.communicate()) for p in running]
        for code, out, err in results:
            assert (code, out, err) == (0, "imported 300, duplicates 0, failed 0\n", ""), trial
        assert count_articles(data / "library.sqlite3") == 600


IMPORT_FOR_EVER = r"""
import sys
from reader.core.article import Article
from reader.core.store import Library

library = Library.open(sys.argv[1])
with library.bulk_writes():  # as an import writes: a group every 50 ms, one after another
    n = 0
    while True:
        article = Article(title=f"Long {n}", body=f"Text {n} " + "word " * 300)
        article = article.with_derived_fields()
        article.imported_at = "2026-11-27T10:00:00+00:00"
        library.add(article)
        n += 1
        if n % 100 == 0:
            print(n, flush=True)
"""


def test_a_writer_gets_its_turn_while_an_import_keeps_writing(tmp_path):
    # An import that never ends: without turns, the other writer would wait in vain.
    data = tmp_path / "data"
    library_with(data, 0)
    article = write_articles(tmp_path / "new", 1) / "0000.txt"
    writer = subprocess.Popen(
        [sys.executable, "-c", IMPORT_FOR_EVER, str(data / "library.sqlite3")],
        cwd=REPO,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert int(writer.stdout.readline()) == 100
        result = reader(data, "import", "-q", article, env={"ARTICLE_READER_WRITE_WAIT": "10"})
        imported = (0, "imported 1, duplicates 0, failed 0\n")
        assert (result.returncode, result.stdout) == imported, result
        got_in = count_articles(data / "library.sqlite3")
        while count_articles(data / "library.sqlite3") <= got_in + 100:
            assert writer.stdout.readline()  # the import goes on meanwhile
    finally:
        writer.kill()
        writer.wait(timeout=30)


HOLD_THE_LOCK = r"""
import sqlite3, sys
db = sqlite3.connect(sys.argv[1], isolation_level=None)
db.execute("BEGIN IMMEDIATE")
print("locked", flush=True)
sys.stdin.readline()
db.execute("ROLLBACK")
"""


def test_a_library_kept_busy_by_another_program_is_called_busy_not_damaged(tmp_path):
    data = tmp_path / "data"
    library_with(data, 3)
    article = write_articles(tmp_path / "new", 1) / "0000.txt"
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_THE_LOCK, str(data / "library.sqlite3")],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline() == "locked\n"
        before = names(data)
        result = reader(data, "import", "-q", article, env={"ARTICLE_READER_WRITE_WAIT": "0.5"})
        assert result.returncode == EXIT_BUSY, result
        assert "is busy" in result.stderr and "reset-library" not in result.stderr
        assert names(data) == before  # nothing renamed
    finally:
        holder.communicate("go\n", timeout=30)
    assert reader(data, "import", "-q", article).returncode == 0
    assert count_articles(data / "library.sqlite3") == 4


# -- A: a full disk, a killed writer: healthy afterwards -----------------------------------


def test_a_disk_that_fills_during_an_import_keeps_what_was_stored_and_is_never_damaged(tmp_path):
    articles = write_articles(tmp_path / "articles", 800, words=400)
    with small_disk(tmp_path / "disk") as disk:
        filler = disk / "filler"
        filler.write_bytes(b"\0" * 1_000_000)
        data = disk / "data"
        result = reader(data, "import", "-q", articles)
        assert result.returncode == EXIT_FULL, result
        assert "is full" in result.stderr and "reset-library" not in result.stderr
        stored = count_articles(data / "library.sqlite3")
        assert 0 < stored < 800
        # What it says it imported is what is there (the group it was writing is not).
        summary = result.stdout.strip().split(", ")
        assert summary[0] == f"imported {stored}"
        failed, not_attempted = int(summary[2].split()[1]), int(summary[3].split()[2])
        assert stored + failed + not_attempted == 800  # every file accounted for
        # Still full: it lists; with space freed, everything committed is there.
        assert len(reader(data, "list").stdout.splitlines()) == stored
        filler.unlink()
        listed = reader(data, "list")
        assert (listed.returncode, listed.stderr) == (0, "")
        assert len(listed.stdout.splitlines()) == stored
        reset = reader(data, "reset-library")
        assert reset.stdout == (
            f"the library at {data / 'library.sqlite3'} is healthy; nothing was changed\n"
        )
        with Library.open(data / "library.sqlite3") as library:
            assert library.check() == []


KEEP_WRITING = r"""
import sys
from reader.core.article import Article
from reader.core.store import Library

library = Library.open(sys.argv[1])
n = 0
while True:
    with library.bulk_writes():  # each group ends with a checkpoint of the log
        for _ in range(25):
            article = Article(title=f"Article {n}", body=f"Text {n} " + "word " * 300)
            article = article.with_derived_fields()
            article.imported_at = "2026-11-27T10:00:00+00:00"
            library.add(article)
            n += 1
    print(n, flush=True)
"""


@pytest.mark.parametrize("groups", [2, 6, 11])
def test_a_writer_killed_mid_work_leaves_a_healthy_library(tmp_path, groups):
    data = tmp_path / "data"
    library_with(data, 0)
    writer = subprocess.Popen(
        [sys.executable, "-c", KEEP_WRITING, str(data / "library.sqlite3")],
        cwd=REPO,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        for _ in range(groups):
            assert writer.stdout.readline().strip()
        writer.send_signal(signal.SIGKILL)
        writer.wait(timeout=30)
    finally:
        if writer.poll() is None:
            writer.kill()
    listed = reader(data, "list")
    assert (listed.returncode, listed.stderr) == (0, "")
    stored = len(listed.stdout.splitlines())
    assert stored >= groups * 25  # every group it said was done
    reset = reader(data, "reset-library")
    assert "is healthy; nothing was changed" in reset.stdout
    assert count_articles(data / "library.sqlite3") == stored


def test_an_import_killed_mid_work_leaves_a_healthy_library(tmp_path):
    articles = write_articles(tmp_path / "articles", 1500)
    data = tmp_path / "data"
    library_with(data, 0)
    importer = subprocess.Popen(
        [sys.executable, "-m", "reader", "--data-dir", str(data), "import", "-q", str(articles)],
        cwd=REPO,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        seen = 0
        while seen < 200 and importer.poll() is None:  # polled every 20 ms
            time.sleep(0.02)
            seen = count_articles(data / "library.sqlite3")
        with contextlib.suppress(ProcessLookupError):  # (a fast machine may have finished)
            os.killpg(importer.pid, signal.SIGKILL)  # its parsing workers too
        importer.wait(timeout=30)
    finally:
        if importer.poll() is None:
            os.killpg(importer.pid, signal.SIGKILL)
    listed = reader(data, "list")
    assert (listed.returncode, listed.stderr) == (0, "")
    assert len(listed.stdout.splitlines()) == count_articles(data / "library.sqlite3") >= 200
    assert "is healthy" in reader(data, "reset-library").stdout
    again = reader(data, "import", "-q", articles)  # and the rest goes in
    assert again.returncode == 0, again
    assert count_articles(data / "library.sqlite3") == 1500


# -- B: read-only --------------------------------------------------------------------------


@pytest.mark.parametrize("what", ["file", "folder"])
def test_a_read_only_library_is_read_and_writes_are_refused_as_read_only(tmp_path, what):
    data = tmp_path / "data"
    ids = library_with(data, 5)
    article = write_articles(tmp_path / "new", 1) / "0000.txt"
    path = data / "library.sqlite3"
    before, files = digest(path), names(data)
    with read_only(path if what == "file" else data):
        listed = reader(data, "list")
        assert (listed.returncode, len(listed.stdout.splitlines())) == (0, 5)
        assert reader(data, "show", ids[0]).returncode == 0
        assert reader(data, "search", "word").returncode == 0
        assert reader(data, "history").returncode == 0
        for command in (("import", "-q", article), ("remove", ids[0]), ("history", "clear")):
            result = reader(data, *command)
            assert result.returncode == EXIT_READ_ONLY, result
            assert "read-only" in result.stderr and "reset-library" not in result.stderr
            assert "Traceback" not in result.stderr
        reset = reader(data, "reset-library")
        assert (reset.returncode, "is healthy" in reset.stdout) == (0, True)
        if what == "folder":
            assert names(data) == files
    assert digest(path) == before


def test_reset_of_a_damaged_library_in_a_read_only_folder_says_so_without_a_traceback(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    (data / "library.sqlite3").write_bytes(b"not a database at all" * 50)
    with read_only(data):
        result = reader(data, "reset-library")
        assert result.returncode == EXIT_READ_ONLY, result
        assert "read-only" in result.stderr and "nothing was changed" in result.stderr
        assert "Traceback" not in result.stderr
        assert names(data) == ["library.sqlite3"]
        fresh = reader(tmp_path / "data" / "new", "list")  # no library can be made there
        assert fresh.returncode == EXIT_READ_ONLY and "Traceback" not in fresh.stderr


# -- C: damaged pages ----------------------------------------------------------------------


def damaged_library(data: Path) -> list[int]:
    ids = library_with(data, 200)
    with Library.open(data / "library.sqlite3") as library:
        history = History(library)
        for article_id in ids[:10]:
            history.open_session(article_id)
    path = data / "library.sqlite3"
    # Four pages from the middle of the articles table, overwritten with random bytes.
    with contextlib.closing(sqlite3.connect(path)) as db:
        pages = [
            row[0]
            for row in db.execute(
                "SELECT pageno FROM dbstat WHERE name = 'articles' AND pagetype = 'leaf' "
                "ORDER BY pageno"
            )
        ]
    rnd = random.Random(1)
    with path.open("r+b") as handle:
        for page in rnd.sample(pages[len(pages) // 3 : 2 * len(pages) // 3], 4):
            handle.seek((page - 1) * 4096)
            handle.write(rnd.randbytes(4096))
    return ids


def test_damaged_pages_are_reported_and_reset_recovers_what_can_be_read(tmp_path):
    data = tmp_path / "data"
    ids = damaged_library(data)
    path = data / "library.sqlite3"
    before = digest(path)
    results = [
        reader(data, "list"),
        reader(data, "search", "word"),
        reader(data, "export", tmp_path / "out"),
    ]
    results += [reader(data, "show", article_id) for article_id in ids[::10]]
    failed = [r for r in results if r.returncode]
    assert results[0] in failed and all(r.returncode == EXIT_DAMAGED for r in failed)
    for result in failed:
        assert f"the library {path} is damaged (database disk image is malformed)" in result.stderr
        assert "recovers every article that can still be read" in result.stderr
    assert digest(path) == before

    reset = reader(data, "reset-library")
    assert reset.returncode == 0
    [kept] = [
        p
        for p in data.iterdir()
        if p.name.startswith("library.damaged-") and p.suffix == ".sqlite3"
    ]
    assert digest(kept) == before
    line = reset.stdout
    assert line.startswith(f"the library at {path} was damaged; recovered ")
    assert line.endswith(f" into a fresh library; the damaged file is kept at {kept}\n")
    recovered = int(line.split("recovered ")[1].split(" of ")[0])
    assert " of 200 articles" in line and 150 <= recovered < 200
    listed = reader(data, "list")
    assert (listed.returncode, len(listed.stdout.splitlines())) == (0, recovered)
    history = reader(data, "history", "--json")
    listed_ids = {int(line.split()[0]) for line in listed.stdout.splitlines()}
    assert len(json.loads(history.stdout)) == len(set(ids[:10]) & listed_ids)
    assert "is healthy" in reader(data, "reset-library").stdout


# -- D: another program's file; what a title may not do to a terminal ----------------------


def test_another_programs_database_is_refused_before_anything_is_written(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    path = data / "library.sqlite3"
    with contextlib.closing(sqlite3.connect(path)) as db:
        db.execute("CREATE TABLE t(x)")
        db.execute("INSERT INTO t VALUES (1)")
        db.commit()
    before = digest(path)
    for command in ("list", "search", "reset-library"):
        result = reader(data, *([command, "x"] if command == "search" else [command]))
        assert result.returncode == 1
        assert "is an SQLite database, but not an Article Reader library" in result.stderr
    assert digest(path) == before
    assert names(data) == ["library.sqlite3"]  # no -wal, no -shm: not switched to WAL


def test_titles_cannot_send_terminal_controls(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    title = "Evil\x1b]0;owned\x07 \x1b[2J\x1b[31mred\x1b[0m\x9b1m\x07 title\ttab"
    with Library.open(data / "library.sqlite3") as library:
        article = Article(
            title=title, body="A body with the word lighthouse.", source="src\x1b[5m"
        ).with_derived_fields()
        article.imported_at = "2026-11-27T10:00:00+00:00"
        article_id = library.add(article).id
        History(library).open_session(article_id)
    for command in (("list",), ("search", "lighthouse"), ("history",)):
        shown = reader(data, *command).stdout
        assert "Evil red title tab" in shown, command
        assert not any(c in shown for c in "\x1b\x07\x9b\t"), command
    exact = json.loads(reader(data, "list", "--json").stdout)
    assert exact[0]["title"] == title and exact[0]["source"] == "src\x1b[5m"
