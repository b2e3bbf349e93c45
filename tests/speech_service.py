"""A private speech-dispatcher with espeak-ng, for the tests and the benchmark of Read Aloud.

Its sound goes to a sink that needs no sound card: a PulseAudio null sink (played in real
time, as a sound card would) when ``pulseaudio`` is installed, else ALSA's null device
(consumed as fast as espeak-ng makes it). Everything lives in one folder; the processes
are started here, known by their ids, and ended by ``stop()``, children included. Clients
find it through SPEECHD_ADDRESS (``address``).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import time
from pathlib import Path

MODULE_FOLDERS = (Path("/usr/lib/speech-dispatcher-modules"),)
MODULE_CONFIGS = (
    Path("/etc/speech-dispatcher/modules/espeak-ng.conf"),
    Path("/usr/share/speech-dispatcher/conf/modules/espeak-ng.conf"),
)
INSTALL = "apt install speech-dispatcher speech-dispatcher-espeak-ng"


class Missing(Exception):
    """What is not installed or did not start, said as the reason to skip."""


class SpeechService:
    def __init__(self, folder: Path, sink: str = "auto"):
        """``sink``: "pulse", "alsa", "auto" (PulseAudio where it is installed), or
        "nowhere": PulseAudio output with no PulseAudio running, as on a system without
        a sound server."""
        self.folder = folder
        self.sink = sink
        self._pulse: subprocess.Popen[bytes] | None = None
        self._speechd: subprocess.Popen[bytes] | None = None
        self._children: set[int] = set()
        self.socket = folder / "speechd.sock"

    @property
    def address(self) -> str:
        return f"unix_socket:{self.socket}"

    def start(self) -> None:
        binary = shutil.which("speech-dispatcher")
        if binary is None:
            raise Missing(f"speech-dispatcher is not installed ({INSTALL})")
        if not any((folder / "sd_espeak-ng").exists() for folder in MODULE_FOLDERS):
            raise Missing(f"speech-dispatcher has no espeak-ng module ({INSTALL})")
        if self.sink == "auto":
            self.sink = "pulse" if shutil.which("pulseaudio") else "alsa"
        env = self._environment()
        if self.sink == "pulse":
            self._start_pulse(env)
        conf = self.folder / "conf"
        (conf / "modules").mkdir(parents=True, exist_ok=True)
        module_conf = next((path for path in MODULE_CONFIGS if path.exists()), None)
        (conf / "modules" / "espeak-ng.conf").write_text(
            module_conf.read_text() if module_conf else ""
        )
        output = (
            'AudioOutputMethod "pulse"\n'
            if self.sink in ("pulse", "nowhere")
            else 'AudioOutputMethod "alsa"\nAudioALSADevice "null"\n'
        )
        (conf / "speechd.conf").write_text(
            output + 'AddModule "espeak-ng" "sd_espeak-ng" "espeak-ng.conf"\n'
            "DefaultModule espeak-ng\nLogLevel 3\n"
        )
        logs = self.folder / "logs"
        logs.mkdir(exist_ok=True)
        self._speechd = subprocess.Popen(
            [
                *(binary, "--run-single", "-C", str(conf), "-S", str(self.socket)),
                *("-L", str(logs), "-P", str(self.folder / "speechd.pid"), "-t", "0"),
            ],
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        self._wait_for(self.socket, "speech-dispatcher", self._speechd)

    def stop(self) -> None:
        """End the processes started here, and their children, by their ids."""
        for process in (self._speechd, self._pulse):
            if process is None:
                continue
            self._children |= _children_of(process.pid)
            process.terminate()
            try:
                process.wait(3)  # (without a sound output it does not end when asked)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(5)
        for pid in self._children:  # (an output module its server failed to close)
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
        self._speechd = self._pulse = None

    def running(self) -> list[int]:
        """The ids of processes started here that are still running (none after stop())."""
        pids = list(self._children)
        pids += [p.pid for p in (self._speechd, self._pulse) if p is not None and p.poll() is None]
        return [pid for pid in pids if _alive(pid)]

    def _environment(self) -> dict[str, str]:
        runtime = self.folder / "runtime"
        runtime.mkdir(mode=0o700, parents=True, exist_ok=True)
        env = dict(os.environ)
        env.update(
            HOME=str(self.folder),
            XDG_CONFIG_HOME=str(self.folder / "config"),
            XDG_RUNTIME_DIR=str(runtime),
            PULSE_RUNTIME_PATH=str(self.folder / "pulse"),
            PULSE_SERVER=f"unix:{self.folder / 'pulse.sock'}",
        )
        env.pop("SPEECHD_ADDRESS", None)
        return env

    def _start_pulse(self, env: dict[str, str]) -> None:
        binary = shutil.which("pulseaudio")
        if binary is None:
            raise Missing("pulseaudio is not installed (the PulseAudio null sink was asked for)")
        sock = self.folder / "pulse.sock"
        self._pulse = subprocess.Popen(
            [
                *(binary, "-n", "--daemonize=no", "--exit-idle-time=-1", "--use-pid-file=no"),
                *("--disable-shm=yes", "-L", "module-null-sink"),
                *("-L", f"module-native-protocol-unix auth-anonymous=1 socket={sock}"),
                f"--log-target=file:{self.folder / 'pulse.log'}",
            ],
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        self._wait_for(sock, "pulseaudio", self._pulse)

    def _wait_for(self, path: Path, name: str, process: subprocess.Popen[bytes]) -> None:
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline:
            if process.poll() is not None:
                self.stop()
                raise Missing(f"{name} did not start (exit code {process.returncode})")
            if path.exists():
                with socket.socket(socket.AF_UNIX) as probe:
                    try:
                        probe.connect(str(path))
                        return
                    except OSError:
                        pass
            time.sleep(0.02)
        self.stop()
        raise Missing(f"{name} did not open {path} within 15 s")


def _children_of(pid: int) -> set[int]:
    children = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                children.add(int(entry.name))
    return children


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"  # (a zombie is gone: only its exit status is left to collect)
