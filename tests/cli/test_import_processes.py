"""A command-line import as a real process: interrupted, killed, given odd names and files."""

import contextlib
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from helpers import mixed_folder, process_ended

linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")


def start_import(data: Path, *paths: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "reader", "--data-dir", str(data), "import", *map(str, paths)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def committed(data: Path) -> int:
    try:
        with sqlite3.connect(f"file:{data / 'library.sqlite3'}?mode=ro", uri=True) as db:
            return db.execute("SELECT count(*) FROM articles").fetchone()[0]
    except sqlite3.Error:
        return 0  # not made yet


def children(pid: int) -> set[int]:
    found = set()
    for task in Path(f"/proc/{pid}/task").glob("*"):
        with contextlib.suppress(OSError):  # (it ended meanwhile)
            found.update(int(p) for p in (task / "children").read_text().split())
    return found


def wait_until(condition, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.02)
    return condition()


def import_under_way(tmp_path: Path, files: int = 1500) -> tuple[subprocess.Popen, Path, set[int]]:
    """An import of many files that has committed some of them, and its worker pids."""
    folder = tmp_path / "articles"
    mixed_folder(folder, files)
    data = tmp_path / "data"
    process = start_import(data, folder)
    workers: set[int] = set()

    def busy() -> bool:
        workers.update(children(process.pid))
        return committed(data) >= 20 and len(workers) >= 1  # (one on a one-core machine)

    assert wait_until(busy, 60), process.communicate()
    return process, data, workers


@linux_only
@pytest.mark.parametrize(("sent", "code"), [(signal.SIGTERM, 143), (signal.SIGINT, 130)])
def test_an_interrupted_import_says_what_it_did_and_leaves_no_worker(tmp_path, sent, code):
    process, data, workers = import_under_way(tmp_path)
    process.send_signal(sent)
    out, err = process.communicate(timeout=30)
    assert process.returncode == code, err
    count = committed(data)
    assert 0 < count < 1500
    assert out == f"interrupted: imported {count}, duplicates 0, failed 0, skipped 2 unsupported\n"
    assert "Traceback" not in err
    assert wait_until(lambda: all(process_ended(pid) for pid in workers), 2)
    done = subprocess.run(
        [sys.executable, "-m", "reader", "--data-dir", str(data), "list"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0 and len(done.stdout.splitlines()) == count


@linux_only
def test_the_workers_of_a_killed_import_end_within_a_second(tmp_path):
    process, data, workers = import_under_way(tmp_path)
    process.kill()
    process.communicate(timeout=30)
    assert process.returncode == -signal.SIGKILL
    assert wait_until(lambda: all(process_ended(pid) for pid in workers), 1.5), [
        pid for pid in workers if not process_ended(pid)
    ]
    # Every committed article is whole, and the library opens cleanly.
    with sqlite3.connect(data / "library.sqlite3") as db:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert db.execute("SELECT count(*) FROM articles WHERE body = ''").fetchone()[0] == 0


@linux_only
def test_a_file_name_that_is_not_utf8_is_imported_and_shown_readably(tmp_path, run_cli):
    folder = tmp_path / "archive"
    folder.mkdir()
    raw = os.fsencode(folder) + b"/" + "Статья.txt".encode("cp1251")
    with open(raw, "wb") as handle:
        handle.write(
            (
                "Заголовок статьи\n\n" + "Текст старой статьи из архива, набранный "
                "когда-то в Windows. " * 5 + "\n"
            ).encode("cp1251")
        )
    with open(os.fsencode(folder) + b"/" + "Пустой.txt".encode("koi8_r"), "wb"):
        pass
    (folder / "good.md").write_text("# Good\n\nA good article.\n", encoding="utf-8")
    result = run_cli("import", folder)
    assert result.code == 1
    assert result.out == "imported 2, duplicates 0, failed 1\n"
    assert result.err == f"{folder}/Пустой.txt: the file is empty\n"
    listed = run_cli("list")
    assert "Заголовок статьи" in listed.out and "Good" in listed.out
    with sqlite3.connect(run_cli.data_dir / "library.sqlite3") as db:
        paths = {row[0] for row in db.execute("SELECT original_path FROM articles")}
    assert f"{folder}/\\xd1\\xf2\\xe0\\xf2\\xfc\\xff.txt" in paths


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_named_pipes_never_block_an_import(tmp_path, run_cli):
    folder = tmp_path / "with-pipe"
    folder.mkdir()
    os.mkfifo(folder / "pipe.txt")
    (folder / "link.md").symlink_to(folder / "pipe.txt")
    os.mkfifo(tmp_path / "given.md")
    (folder / "note.md").write_text("# Beside A Pipe\n\nStill imported.\n", encoding="utf-8")
    result = run_cli("import", folder, tmp_path / "given.md")
    assert result.out == "imported 1, duplicates 0, failed 1, skipped 2 unsupported\n"
    assert result.err.startswith(f"{tmp_path / 'given.md'}: not a regular file")
    assert result.code == 1


def test_another_writer_gets_in_while_an_import_reads_a_slow_file(tmp_path):
    folder = tmp_path / "slow"
    folder.mkdir()
    (folder / "a.md").write_text("# First\n\nStored before the slow one.\n", encoding="utf-8")
    para = "<p>" + "Слово и word, текст и text. " * 30 + "</p>\n"
    (folder / "b.html").write_text(
        f"<html><body><article><h1>Slow</h1>{para * 20000}</article></body></html>",
        encoding="utf-8",
    )  # ~17 MB
    (folder / "c.md").write_text("# Last\n\nStored after it.\n", encoding="utf-8")
    data = tmp_path / "data"
    importing = start_import(data, folder)
    try:
        assert wait_until(lambda: committed(data) == 1, 60)  # a.md in, b.html being read
        env = {**os.environ, "ARTICLE_READER_WRITE_WAIT": "2"}
        other = subprocess.run(
            [sys.executable, "-m", "reader", "--data-dir", str(data), "history", "clear"],
            capture_output=True,
            text=True,
            env=env,
            timeout=60,
        )
        assert importing.poll() is None  # (still reading the slow file: the test holds)
        assert (other.returncode, other.stdout) == (0, "cleared 0 history entries\n"), other
        out, err = importing.communicate(timeout=120)
    finally:
        if importing.poll() is None:
            importing.kill()
    assert (importing.returncode, out) == (0, "imported 3, duplicates 0, failed 0\n"), err


def test_a_file_name_cannot_drive_the_terminal(tmp_path, run_cli):
    name = "\x1b]0;retitled\x07\x1b[2Jnote.md"
    (tmp_path / name).write_bytes(b"")
    result = run_cli("import", tmp_path / name)
    assert result.code == 1
    assert result.err == f"{tmp_path}/note.md: the file is empty\n"  # (the sequences dropped)
