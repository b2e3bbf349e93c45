"""Every location the application reads or writes, decided in one place.

By default the locations follow the platform's conventions (platformdirs). A single
override, ``--data-dir DIR`` or the ``ARTICLE_READER_HOME`` environment variable, moves all
of them together under one folder: portable installs and tests never touch the real home.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import NamedTuple

from reader import APP_NAME

HOME_ENV = "ARTICLE_READER_HOME"

LIBRARY_FILE = "library.sqlite3"
PREFERENCES_FILE = "preferences.json"
STATE_FILE = "state.json"


class AppPaths(NamedTuple):
    data_dir: Path
    config_dir: Path
    state_dir: Path
    portable: bool = False

    @property
    def library(self) -> Path:
        return self.data_dir / LIBRARY_FILE

    @property
    def preferences(self) -> Path:
        return self.config_dir / PREFERENCES_FILE

    @property
    def state(self) -> Path:
        return self.state_dir / STATE_FILE

    def ensure(self) -> None:
        for folder in {self.data_dir, self.config_dir, self.state_dir}:
            folder.mkdir(parents=True, exist_ok=True)


def resolve_paths(
    data_dir: str | os.PathLike[str] | None = None, environ: dict[str, str] | None = None
) -> AppPaths:
    """The locations to use: an explicit folder, then the environment, then the platform's."""
    env = os.environ if environ is None else environ
    chosen = data_dir if data_dir else env.get(HOME_ENV) or None
    if chosen:
        root = Path(chosen).expanduser().absolute()
        return AppPaths(root, root, root, portable=True)

    import platformdirs

    return AppPaths(
        data_dir=Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)),
        config_dir=Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)),
        state_dir=Path(platformdirs.user_state_dir(APP_NAME, appauthor=False)),
    )


def resources_dir() -> Path:
    """The folder of shipped data files (sample articles, translations, icons)."""
    # Installed (and bundled), reader.resources is a folder inside the package; in a
    # source checkout, resources/ sits beside reader/. Looked at directly first: asking
    # importlib.resources costs its import on the way to the first window.
    package = Path(__file__).resolve().parent
    for folder in (package / "resources", package.parent / "resources"):
        if (folder / "articles").is_dir():
            return folder
    from importlib.resources import files  # an editable install maps it elsewhere

    return Path(str(files("reader.resources")))
