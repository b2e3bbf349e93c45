"""One window per library: a second start hands its files to the running window, and a
socket left by a crash does not stop the next start. Real processes, real sockets."""

import os
import signal
import sqlite3
import subprocess
import sys
import time

import pytest

from reader.ui.shell.single_instance import hand_over, server_name

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals and socket files")


def start(data_dir, *files):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    data_dir.mkdir(parents=True, exist_ok=True)
    # (What the window says goes to a file: a failed wait below shows it.)
    with open(data_dir.parent / f"{data_dir.name}-window-{time.time_ns()}.log", "w") as log:
        return subprocess.Popen(
            [sys.executable, "-m", "reader", "--data-dir", str(data_dir), *map(str, files)],
            env=env,
            stdout=subprocess.PIPE,
            stderr=log,
            text=True,
        )


def window_logs(data_dir) -> str:
    return "\n".join(
        p.read_text() for p in sorted(data_dir.parent.glob(f"{data_dir.name}-window-*.log"))
    )


def wait_for(condition, seconds=30.0):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)  # polling another process: there is no Qt signal to wait on
    return False


def titles(data_dir) -> list[str]:
    with sqlite3.connect(data_dir / "library.sqlite3") as db:
        return [row[0] for row in db.execute("SELECT title FROM articles ORDER BY title")]


@pytest.fixture
def article(tmp_path):
    path = tmp_path / "handed.md"
    path.write_text("# Handed Over\n\nThis file was opened by a second start.\n", encoding="utf-8")
    return path


def stop(process):
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def test_a_second_start_hands_its_file_to_the_running_window(tmp_path, article):
    data = tmp_path / "data"
    first = start(data)
    try:
        assert wait_for(lambda: hand_over(data, [])), window_logs(data)
        second = start(data, article)
        assert second.wait(20) == 0  # gone at once: no second window
        assert second.stdout.read() == ""
        assert wait_for(lambda: "Handed Over" in titles(data)), window_logs(data)  # by the first
        assert first.poll() is None
    finally:
        stop(first)


def test_a_socket_left_by_a_crash_is_replaced_by_the_next_window(tmp_path, article):
    data = tmp_path / "data"
    crashed = start(data)
    assert wait_for(lambda: hand_over(data, [])), window_logs(data)
    crashed.kill()  # SIGKILL: no clean-up, the socket file stays
    crashed.wait()
    assert os.path.exists(server_name(data))
    assert not hand_over(data, [])  # nobody answers it
    window = start(data, article)
    try:
        assert wait_for(lambda: "Handed Over" in titles(data)), window_logs(data)  # by itself
        assert wait_for(lambda: hand_over(data, [])), window_logs(data)  # listening again
        assert window.poll() is None
    finally:
        stop(window)


def test_libraries_in_different_folders_do_not_share_a_window(tmp_path):
    assert server_name(tmp_path / "one") != server_name(tmp_path / "two")
    assert server_name(tmp_path / "one") == server_name(tmp_path / "x" / ".." / "one")


def test_a_malformed_request_is_ignored_and_the_window_keeps_listening(tmp_path, article):
    import socket

    data = tmp_path / "data"
    window = start(data)
    try:
        assert wait_for(lambda: hand_over(data, [])), window_logs(data)
        for junk in (b"not json\n", b'{"open": 3}\n', b"\xff\xfe\n"):
            with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as client:
                client.settimeout(5)
                client.connect(server_name(data))
                client.sendall(junk)
                assert client.recv(16) == b""  # closed without an answer
        assert hand_over(data, [article])  # still there, and still opens files
        assert wait_for(lambda: "Handed Over" in titles(data)), window_logs(data)
        assert window.poll() is None
    finally:
        stop(window)
