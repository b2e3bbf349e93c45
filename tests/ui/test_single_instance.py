"""One window per library: a second start hands its files to the running window, and a
socket left by a crash does not stop the next start. Real processes, real sockets."""

import os
import signal
import sqlite3
import subprocess
import sys
import time

import pytest

from reader.ui.single_instance import hand_over, server_name

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals and socket files")


def start(data_dir, *files):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.Popen([sys.executable, "-m", "reader", "--data-dir", str(data_dir), *map(str, files)],
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


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
        assert wait_for(lambda: hand_over(data, [])), first.stderr.read() if first.poll() is not None else ""
        second = start(data, article)
        assert second.wait(20) == 0  # gone at once: no second window
        assert second.stdout.read() == ""
        assert wait_for(lambda: "Handed Over" in titles(data))  # imported by the first
        assert first.poll() is None
    finally:
        stop(first)


def test_a_socket_left_by_a_crash_is_replaced_by_the_next_window(tmp_path, article):
    data = tmp_path / "data"
    crashed = start(data)
    assert wait_for(lambda: hand_over(data, []))
    crashed.kill()  # SIGKILL: no clean-up, the socket file stays
    crashed.wait()
    assert os.path.exists(server_name(data))
    assert not hand_over(data, [])  # nobody answers it
    window = start(data, article)
    try:
        assert wait_for(lambda: "Handed Over" in titles(data))  # it opened its window itself
        assert wait_for(lambda: hand_over(data, []))  # and listens on the same name now
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
        assert wait_for(lambda: hand_over(data, []))
        for junk in (b"not json\n", b'{"open": 3}\n', b"\xff\xfe\n"):
            with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as client:
                client.settimeout(5)
                client.connect(server_name(data))
                client.sendall(junk)
                assert client.recv(16) == b""  # closed without an answer
        assert hand_over(data, [article])  # still there, and still opens files
        assert wait_for(lambda: "Handed Over" in titles(data))
        assert window.poll() is None
    finally:
        stop(window)
