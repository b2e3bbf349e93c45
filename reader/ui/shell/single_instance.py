"""One window per library: a second start hands its files to the running window.

The running window listens on a local socket named after its data folder (so two
libraries can be open at once, and tests never meet each other). A new start first tries
to reach it: if it answers, the new process passes the files to open (possibly none: then
the running window just comes to the front) and exits without a window. A socket left by
a crash answers nobody and is removed when the next window starts listening.

On Linux and macOS the client side uses Python's own socket module, so a start that finds
no running window pays nothing for Qt's network module (nor for the socket module: with
no socket file there is nobody to ask).
"""

from __future__ import annotations

import json
import logging
import os
import sys
import tempfile
import zlib
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Signal

log = logging.getLogger(__name__)
TIMEOUT = 3.0  # seconds to wait for the running window's answer


def server_name(data_dir: Path) -> str:
    """The socket for the library in ``data_dir``: a file path on POSIX systems, a pipe
    name on Windows."""
    where = str(Path(data_dir).resolve()).encode("utf-8")
    key = f"{zlib.crc32(where):08x}{zlib.adler32(where):08x}"  # (no hashlib at start-up)
    name = f"article-reader-{key}"
    if sys.platform == "win32":
        return name
    folder = os.environ.get("XDG_RUNTIME_DIR") or tempfile.gettempdir()
    return str(Path(folder) / f"{name}-{os.getuid()}.sock")


def _message(files: list[Path]) -> bytes:
    return (json.dumps({"open": [str(Path(f).resolve()) for f in files]}) + "\n").encode("utf-8")


def hand_over(data_dir: Path, files: list[Path]) -> bool:
    """Give ``files`` to a window already running on this library; False if none is."""
    name = server_name(data_dir)
    if sys.platform == "win32":
        return _hand_over_qt(name, files)
    if not Path(name).exists():
        return False
    import socket

    try:
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as client:
            client.settimeout(TIMEOUT)
            client.connect(name)
            client.sendall(_message(files))
            return client.recv(16).startswith(b"ok")
    except OSError:  # refused (a stale socket from a crash), or no answer in time
        return False


def _hand_over_qt(name: str, files: list[Path]) -> bool:
    from PySide6.QtNetwork import QLocalSocket

    client = QLocalSocket()
    client.connectToServer(name)
    if not client.waitForConnected(int(TIMEOUT * 1000)):
        return False
    client.write(_message(files))
    client.waitForBytesWritten(int(TIMEOUT * 1000))
    answered = client.waitForReadyRead(int(TIMEOUT * 1000)) and bytes(client.readAll()).startswith(
        b"ok"
    )
    client.disconnectFromServer()
    return answered


class InstanceServer(QObject):
    """Listens for later starts; ``files_received`` carries what they asked to open."""

    files_received = Signal(list)  # list[Path]; empty: just come to the front

    def __init__(self, data_dir: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        from PySide6.QtNetwork import QLocalServer

        self.name = server_name(data_dir)
        self._server = QLocalServer(self)
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self._server.newConnection.connect(self._accept)
        self._buffers: dict[object, bytes] = {}

    def listen(self) -> bool:
        from PySide6.QtNetwork import QLocalServer

        if self._server.listen(self.name):
            return True
        # Left behind by a window that crashed (nobody answered the new start): remove it.
        QLocalServer.removeServer(self.name)
        if self._server.listen(self.name):
            return True
        log.warning("cannot listen on %s: %s", self.name, self._server.errorString())
        return False

    def close(self) -> None:
        self._server.close()

    def _accept(self) -> None:
        while self._server.hasPendingConnections():
            connection = self._server.nextPendingConnection()
            self._buffers[connection] = b""
            connection.readyRead.connect(lambda c=connection: self._read(c))
            connection.disconnected.connect(lambda c=connection: self._buffers.pop(c, None))

    def _read(self, connection) -> None:
        data = self._buffers.get(connection, b"") + bytes(connection.readAll())
        if b"\n" not in data:
            self._buffers[connection] = data[-65536:]
            return
        line = data.split(b"\n", 1)[0]
        try:
            files = [Path(f) for f in json.loads(line.decode("utf-8"))["open"]]
        except (ValueError, KeyError, TypeError, UnicodeDecodeError):
            log.warning("ignored a malformed request on %s", self.name)
            connection.disconnectFromServer()
            return
        connection.write(b"ok\n")
        connection.flush()
        connection.disconnectFromServer()
        self.files_received.emit(files)


def serve(window, data_dir: Path, open_files: Callable[[list[Path]], None]) -> InstanceServer:
    """Listen for later starts on the library in ``data_dir``: each brings ``window`` to
    the front and has it open the files it was given."""

    def received(paths: list[Path]) -> None:
        if window.isMinimized():
            window.showNormal()
        window.raise_()
        window.activateWindow()
        if paths:
            open_files(paths)

    server = InstanceServer(data_dir, window)
    server.files_received.connect(received)
    server.listen()
    return server
