"""Shared test set-up: Qt offscreen, and no test ever touches the real home directory."""

import os

# Before anything imports Qt: there is no display here, and tests must not need one.
os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ["QT_SCALE_FACTOR"] = "1"

import io
from pathlib import Path

import pytest

from reader import cli
from reader.core.store import Library


@pytest.fixture(autouse=True)
def isolated_home(tmp_path_factory, monkeypatch):
    """Point HOME, the XDG folders and the app's own data folder at a temporary place."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    for name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
        monkeypatch.setenv(name, str(home / name.lower()))
    monkeypatch.setenv("ARTICLE_READER_HOME", str(home / "article-reader"))
    runtime = home / "runtime"  # where the running window's socket goes
    runtime.mkdir(mode=0o700)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(runtime))
    # Qt's speechd engine would start a speech-dispatcher of its own for each test (each has
    # its own runtime folder) and leave it running. Here it cannot: Read Aloud is then
    # "unavailable", and only tests that start their own speech-dispatcher reach one.
    monkeypatch.delenv("SPEECHD_ADDRESS", raising=False)
    speechd = home / "xdg_config_home" / "speech-dispatcher"
    speechd.mkdir(parents=True)
    (speechd / "speechd.conf").write_text("DisableAutoSpawn\n")
    return home


@pytest.fixture
def library(tmp_path):
    lib = Library.open(tmp_path / "library.sqlite3")
    yield lib
    lib.close()


class CliResult:
    def __init__(self, code: int, out: str, err: str) -> None:
        self.code, self.out, self.err = code, out, err

    def __repr__(self) -> str:
        return f"CliResult(code={self.code}, out={self.out!r}, err={self.err!r})"


@pytest.fixture
def run_cli(tmp_path):
    """Run a command against a library in tmp_path, as the user would type it."""
    data_dir = tmp_path / "data"

    def run(*args: str | Path) -> CliResult:
        out, err = io.StringIO(), io.StringIO()
        code = cli.run(["--data-dir", str(data_dir), *map(str, args)], stdout=out, stderr=err)
        return CliResult(code, out.getvalue(), err.getvalue())

    run.data_dir = data_dir
    return run
