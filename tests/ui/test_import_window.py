"""Importing from the window: large folders arrive whole, progress stays on the UI thread,
and a start that cannot ask its question ends instead of waiting for ever."""

import os
import subprocess
import sys

from helpers import mixed_folder

THREAD_WARNINGS = ("another thread", "different thread", "QObject::")


def run_window(data, *args, timeout=180):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "reader",
            "--data-dir",
            str(data),
            "--quit-after-load",
            *map(str, args),
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def test_a_large_folder_imported_in_the_window_arrives_whole(
    make_window, qtbot, qtlog, tmp_path, answer_dialogs
):
    folder = tmp_path / "saved"
    count = mixed_folder(folder, 500)
    window = make_window()
    shown = []
    window.importer.articles_arrived.connect(lambda: shown.append(window.model.rowCount()))
    assert window.import_paths([folder]) is not None
    qtbot.waitUntil(lambda: not window.importer.running, timeout=120000)
    assert window.library.count() == count
    assert window.model.rowCount() == count
    assert shown[0] < count  # rows arrived while it ran, not only at the end
    assert answer_dialogs.asked == []  # nothing failed
    warnings = [r.message for r in qtlog.records if any(w in r.message for w in THREAD_WARNINGS)]
    assert warnings == []


def test_the_app_imports_a_large_folder_again_and_again_without_a_fault(tmp_path):
    folder = tmp_path / "saved"
    count = mixed_folder(folder, 500)
    for run in range(3):
        done = run_window(tmp_path / f"data{run}", folder)
        assert done.returncode == 0, done.stderr
        assert f": {count + 3} articles; showing 'Article 0: river" in done.stdout  # (+ samples)
        assert not [
            line for line in done.stderr.splitlines() if any(w in line for w in THREAD_WARNINGS)
        ], done.stderr


def test_quit_after_load_ends_with_a_message_instead_of_waiting_on_a_question(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    (data / "library.sqlite3").write_bytes(b"this is not a database, but it is the reader's" * 100)
    done = run_window(data, timeout=60)
    assert done.returncode == 1
    assert "article-reader: stopped at a question nobody can answer:" in done.stderr
    assert "library.sqlite3" in done.stderr
    assert (data / "library.sqlite3").exists()  # nothing moved without an answer


def test_an_import_stopped_by_a_full_disk_says_so_and_keeps_what_went_in(
    qtbot, tmp_path, answer_dialogs
):
    from helpers import small_disk
    from reader.core.preferences import Preferences, State
    from reader.core.store import Library
    from reader.ui.shell.main_window import MainWindow

    folder = tmp_path / "saved"
    count = mixed_folder(folder, 1500)
    with small_disk(tmp_path / "disk", "3m") as disk:
        library = Library.open(disk / "library.sqlite3")
        window = MainWindow(
            library, Preferences(tmp_path / "p.json"), State(tmp_path / "s.json"), tmp_path
        )
        qtbot.addWidget(window)
        window.show()
        qtbot.waitUntil(lambda: window.content_loaded)
        window.import_paths([folder])
        qtbot.waitUntil(lambda: not window.importer.running, timeout=120000)
        stored = library.count()
        assert 0 < stored < count
        assert window.model.rowCount() == stored
        [said] = answer_dialogs.asked
        assert said.startswith(f"The import stopped: the disk holding the library {disk}")
        assert f"\nimported {stored}, duplicates 0, " in said
        window.close()
        library.close()
