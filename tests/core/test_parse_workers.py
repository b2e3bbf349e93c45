"""Worker processes that read files: limits per file, and nothing left behind."""

import os
from pathlib import Path

import pytest

from helpers import process_ended
from reader.core.article import Article
from reader.core.file_import import import_paths
from reader.core.parse_workers import ParsePool, start_method

METHODS = ["spawn"] + (["fork"] if start_method() == "fork" else [])


def big_page(path: Path, paragraphs: int) -> Path:
    para = "<p>" + "Слово и word, текст и text. " * 30 + "</p>\n"
    path.write_text(
        f"<html><body><article><h1>Big</h1>{para * paragraphs}</article></body></html>",
        encoding="utf-8",
    )
    return path


def note(path: Path, title: str) -> Path:
    path.write_text(f"# {title}\n\nA short note called {title}.\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("method", METHODS)
def test_files_come_back_in_order_and_the_workers_end(tmp_path, method):
    files = [note(tmp_path / f"n{n}.md", f"Note {n}") for n in range(30)]
    files.insert(7, tmp_path / "missing.md")
    with ParsePool(2, method=method) as pool:
        results = list(pool.parse(files))
        pids = list(pool.started)
    assert [path for path, _ in results] == files
    assert results[7][1] == "no such file or folder"
    titles = [outcome.title for _, outcome in results if isinstance(outcome, Article)]
    assert titles == [f"Note {n}" for n in range(30)]
    assert len(pids) == 2
    assert all(process_ended(pid) for pid in pids)


@pytest.mark.parametrize("method", METHODS)
def test_a_file_past_the_time_limit_is_refused_and_the_next_files_still_read(tmp_path, method):
    slow = big_page(tmp_path / "slow.html", 4000)  # about a second to read here
    files = [note(tmp_path / "before.md", "Before"), slow, note(tmp_path / "after.md", "After")]
    # (A spawned worker takes longer than that to start: starting is not reading.)
    with ParsePool(1, method=method, time_limit=0.2) as pool:
        results = dict(pool.parse(files))
        pids = list(pool.started)
    assert results[slow] == (
        "reading it took longer than 0.2 s, so it was stopped (the file "
        "may be damaged, or built to be slow)"
    )
    assert results[files[0]].title == "Before"
    assert results[files[2]].title == "After"
    assert len(pids) == 2  # the stopped worker was replaced
    assert all(process_ended(pid) for pid in pids)


@pytest.mark.skipif(not os.path.exists("/proc/self/statm"), reason="the memory limit needs Linux")
def test_a_file_past_the_memory_limit_is_refused_and_the_next_files_still_read(tmp_path):
    hungry = big_page(tmp_path / "hungry.html", 6000)  # ~5 MB: well over 20 MB to parse
    files = [hungry, note(tmp_path / "after.md", "After")]
    with ParsePool(1, memory_limit=20 * 1024 * 1024) as pool:
        results = dict(pool.parse(files))
    assert isinstance(results[hungry], str)
    assert "memory" in results[hungry]
    assert results[files[1]].title == "After"


def test_cancel_stops_at_once_and_ends_the_workers(tmp_path):
    files = [big_page(tmp_path / f"p{n}.html", 2000) for n in range(6)]
    calls = []

    def cancel():
        calls.append(1)
        return len(calls) > 2

    with ParsePool(2) as pool:
        results = list(pool.parse(files, cancel=cancel))
        pids = list(pool.started)
    assert len(results) < len(files)
    assert pids and all(process_ended(pid) for pid in pids)


def test_an_isolated_import_reads_in_workers_and_stores_every_article(library, tmp_path):
    folder = tmp_path / "notes"
    folder.mkdir()
    for n in range(5):
        note(folder / f"n{n}.md", f"Isolated {n}")
    report = import_paths(library, [folder], isolated=True)
    assert report.summary() == "imported 5, duplicates 0, failed 0"
    assert len(report.worker_pids) == 1
    assert sorted(s.title for s in library.summaries()) == [f"Isolated {n}" for n in range(5)]
    assert all(process_ended(pid) for pid in report.worker_pids)
