"""Progress survives a crash: the app is killed with SIGKILL while reading."""

import os
import signal
import sqlite3
import subprocess
import sys
import time

from reader.core.file_import import import_paths
from reader.core.store import Library

CHILD = r"""
import sys
from PySide6.QtCore import QTimer
from reader.paths import resolve_paths
from reader.ui.shell.application import create_app, create_window

app = create_app()
window = create_window(resolve_paths(sys.argv[1]))
window.show()

def say(text):
    print(text, flush=True)

def go(block, then=None):
    window.article_view.scroll_to_position(block, 0.0)
    say(f"AT {block}")
    if then:
        QTimer.singleShot(3000, then)

def start():
    if not window.content_loaded:
        QTimer.singleShot(20, start)
        return
    window.open_article(int(sys.argv[2]))
    go(20, lambda: go(30))

QTimer.singleShot(20, start)
app.exec()
"""


def saved_block(db_path, article_id):
    with sqlite3.connect(db_path) as db:
        row = db.execute("SELECT block FROM reading WHERE article_id = ?", (article_id,)).fetchone()
    return row[0] if row else None


def test_a_killed_app_loses_at_most_the_last_seconds_and_opens_cleanly(tmp_path, qtbot):
    data = tmp_path / "data"
    data.mkdir()
    article = tmp_path / "long.md"
    article.write_text(
        "# Long\n\n" + "\n\n".join(f"Paragraph {n} " + "word " * 80 for n in range(60)),
        encoding="utf-8",
    )
    with Library.open(data / "library.sqlite3") as library:
        import_paths(library, [article])
        article_id = library.ids()[0]
        library.set_meta("samples_offered", "1")

    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(data), str(article_id)],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env=env,
    )
    try:
        assert child.stdout.readline().strip() == "AT 20"
        moved_at = time.monotonic()
        qtbot.waitUntil(
            lambda: saved_block(data / "library.sqlite3", article_id) == 20, timeout=15000
        )
        saved_after = time.monotonic() - moved_at
        assert child.stdout.readline().strip() == "AT 30"
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=10)
    finally:
        if child.poll() is None:
            child.kill()
    assert child.returncode == -signal.SIGKILL
    assert saved_after < 4  # saved about 2 s after the move
    # What was saved before the last ~2 s is there; the database opens cleanly.
    assert saved_block(data / "library.sqlite3", article_id) == 20
    with Library.open(data / "library.sqlite3") as library:
        assert library._db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert library.count() == 1
