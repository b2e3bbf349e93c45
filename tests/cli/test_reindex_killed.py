"""`reindex` as a real process killed halfway through: the library opens, search answers
from the old index meanwhile, and the next `reindex` goes on to an index equal to a clean
one."""

import os
import pty
import random
import re
import select
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

import reader.core.store.library as library_module
from reader.core.article import Article
from reader.core.search import search
from reader.core.store import Library
from reader.core.store.schema import MIGRATIONS

linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="a terminal (pty)")

ARTICLES = 1200
WORDS = [
    "людей",
    "люди",
    "человек",
    "шёл",
    "идти",
    "пошли",
    "река",
    "реки",
    "рекой",
    "погода",
    "погоде",
    "город",
    "города",
    "городом",
    "дети",
    "детей",
    "ребёнок",
    "учёных",
    "ученики",
    "стали",
    "сталь",
    "мост",
    "мосты",
    "читатели",
    "библиотеки",
    "зимой",
    "снег",
]
QUERIES = ("людей", "шёл", "детей", "стали", "погода", "реки -город", '"зимой снег"', "учёный")


def articles() -> list[Article]:
    rng = random.Random(5)
    made = []
    for n in range(ARTICLES):
        body = " ".join(rng.choice(WORDS) for _ in range(60))
        article = Article(title=f"Заметка {n}", body=f"{body.capitalize()}.").with_derived_fields()
        article.imported_at = "2024-01-01T00:00:00"
        made.append(article)
    return made


def old_library(path: Path, monkeypatch) -> None:
    """A library of schema 8, its articles indexed by their stems as that version did."""
    monkeypatch.setattr(library_module, "SCHEMA_VERSION", 8)
    monkeypatch.setattr(library_module, "MIGRATIONS", MIGRATIONS[:8])
    with Library.open(path) as old:
        old.add_all(articles())
    monkeypatch.undo()


def found(library: Library) -> dict[str, list[tuple[int, str, float | None, str]]]:
    return {
        query: [(h.id, h.title, h.score, h.snippet) for h in search(library, query, limit=50).hits]
        for query in QUERIES
    }


def reindex_on_a_terminal(data: Path) -> tuple[subprocess.Popen, int]:
    """`article-reader reindex` with its standard error on a terminal (it draws its
    progress bar there), and the terminal's end to read it from."""
    reading, writing = pty.openpty()
    process = subprocess.Popen(
        [sys.executable, "-m", "reader", "--data-dir", str(data), "reindex"],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=writing,
        text=True,
    )
    os.close(writing)
    return process, reading


def progress_until(reading: int, stop, timeout: float = 60) -> list[tuple[int, int]]:
    """The progress bar's "done/total" as it is drawn, until ``stop(seen)`` is true."""
    seen: list[tuple[int, int]] = []
    text = ""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and not stop(seen):
        ready, _, _ = select.select([reading], [], [], 1)
        if not ready:
            continue
        try:
            chunk = os.read(reading, 4096).decode("utf-8", "replace")
        except OSError:  # (the process ended: the terminal is closed)
            break
        if not chunk:
            break
        text += chunk
        seen = [(int(a), int(b)) for a, b in re.findall(r"\] (\d+)/(\d+)", text)]
    return seen


@linux_only
def test_a_reindex_killed_halfway_leaves_the_old_index_and_goes_on_next_time(
    tmp_path, monkeypatch, run_cli
):
    data = run_cli.data_dir
    data.mkdir()
    path = data / "library.sqlite3"
    old_library(path, monkeypatch)
    with Library.open(path) as library:
        assert library.index_outdated
        before = found(library)  # the stems index's answers
    assert before["людей"] and before["погода"]

    process, reading = reindex_on_a_terminal(data)
    try:
        seen = progress_until(reading, lambda seen: any(0 < d < t for d, t in seen))
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
        os.close(reading)
    assert process.returncode == -signal.SIGKILL
    assert seen[0] == (0, ARTICLES) and any(0 < done < ARTICLES for done, _ in seen), seen

    # Half built, and searched meanwhile: the old index answers as it did before, whole,
    # and the command line says plainly that the index is an older one.
    with Library.open(path) as library:
        assert library._db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert library.index_outdated
        assert library.index_kind == "stems"
        assert found(library) == before
    result = run_cli("search", "людей")
    assert result.code == 0 and "Заметка" in result.out
    assert "the search index was made by an older version" in result.err

    # The next reindex goes on from where the killed one stopped, not from the start.
    process, reading = reindex_on_a_terminal(data)
    try:
        resumed = progress_until(reading, lambda seen: bool(seen))
        out, _ = process.communicate(timeout=120)
    finally:
        if process.poll() is None:
            process.kill()
        os.close(reading)
    assert process.returncode == 0
    assert out == f"reindexed {ARTICLES} articles\n"
    assert 0 < resumed[0][0] < ARTICLES, resumed

    # What it built answers as an index made from scratch by this version does.
    clean = tmp_path / "clean.sqlite3"
    with Library.open(clean) as library:
        library.add_all(articles())
        expected = found(library)
        expected_rows = library._db.execute("SELECT rowid, * FROM search_index").fetchall()
    with Library.open(path) as library:
        assert not library.index_outdated
        assert found(library) == expected
        assert expected != before  # (lemmas find more: the comparison can tell them apart)
        rows = library._db.execute("SELECT rowid, * FROM search_index ORDER BY rowid").fetchall()
        assert rows == sorted(expected_rows)
    assert "older version" not in run_cli("search", "людей").err
