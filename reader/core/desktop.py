"""Linux desktop integration: the menu entry, the icon, "Open with" for articles.

``install`` copies the desktop entry, the AppStream metainfo and the icons into the
user's XDG data folder (~/.local/share unless XDG_DATA_HOME says otherwise), with the
entry's command pointing at this installation; ``uninstall`` removes exactly those files.
Neither touches the library. The entry declares the article types (Markdown, plain text,
HTML), so file managers offer the app under "Open with"; the desktop's caches are
refreshed when their tools are installed.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

from reader import APP_ID

ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def data_home() -> Path:
    """$XDG_DATA_HOME, or ~/.local/share when it is unset or not absolute (as the XDG
    specification says)."""
    value = os.environ.get("XDG_DATA_HOME", "")
    return Path(value) if value and Path(value).is_absolute() else Path.home() / ".local" / "share"


def desktop_files_dir() -> Path:
    """Where the shipped .desktop and metainfo files are (packaging/linux in a checkout)."""
    try:
        from importlib.resources import files

        # (The folder has no __init__.py: a namespace package, whose files() object does
        # not turn into a path itself; a file inside it does.)
        entry = files("reader.resources.linux") / f"{APP_ID}.desktop"
        if entry.is_file():
            return Path(str(entry)).parent
    except (ModuleNotFoundError, TypeError):
        pass
    return Path(__file__).resolve().parents[2] / "packaging" / "linux"


def launcher() -> list[str]:
    """The command that starts this installation: the article-reader script beside this
    Python (a venv's bin folder, pipx), else on PATH, else Python running the package."""
    beside = Path(sys.executable).parent / "article-reader"
    if beside.is_file() and os.access(beside, os.X_OK):
        return [str(beside)]
    found = shutil.which("article-reader")
    if found:
        return [str(Path(found).resolve())]
    return [sys.executable, "-m", "reader"]


def _exec_quote(argument: str) -> str:
    # Desktop Entry Specification, "The Exec key": quote arguments with reserved characters.
    if not any(c in argument for c in " \t\n\"'\\><~|&;$*?#()`"):
        return argument
    escaped = (
        argument.replace("\\", "\\\\").replace('"', '\\"').replace("`", "\\`").replace("$", "\\$")
    )
    return f'"{escaped}"'


@dataclass
class Outcome:
    written: list[Path] = field(default_factory=list)
    removed: list[Path] = field(default_factory=list)
    refreshed: list[str] = field(default_factory=list)  # cache tools that ran


def _targets(home: Path) -> dict[str, Path]:
    targets = {
        "desktop": home / "applications" / f"{APP_ID}.desktop",
        "metainfo": home / "metainfo" / f"{APP_ID}.metainfo.xml",
        "svg": home / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg",
    }
    for size in ICON_SIZES:
        targets[f"png{size}"] = (
            home / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        )
    return targets


def install(resources: Path, home: Path | None = None, command: list[str] | None = None) -> Outcome:
    """Copy the desktop files into ``home`` (default: the XDG data folder)."""
    home = home or data_home()
    command = command or launcher()
    source = desktop_files_dir()
    icons = resources / "icons"
    outcome = Outcome()
    targets = _targets(home)
    entry = (source / f"{APP_ID}.desktop").read_text(encoding="utf-8")
    exec_line = " ".join(_exec_quote(part) for part in command)
    lines = []
    for line in entry.splitlines():
        if line.startswith("Exec="):
            line = f"Exec={exec_line} %F"
        elif line.startswith("TryExec="):
            line = f"TryExec={_exec_quote(command[0])}"
        lines.append(line)
    _write(targets["desktop"], "\n".join(lines) + "\n", outcome)
    _copy(source / f"{APP_ID}.metainfo.xml", targets["metainfo"], outcome)
    _copy(icons / "article-reader.svg", targets["svg"], outcome)
    for size in ICON_SIZES:
        _copy(
            icons / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png",
            targets[f"png{size}"],
            outcome,
        )
    _refresh(home, outcome)
    return outcome


def uninstall(home: Path | None = None) -> Outcome:
    home = home or data_home()
    outcome = Outcome()
    for path in _targets(home).values():
        if path.exists():
            path.unlink()
            outcome.removed.append(path)
    _refresh(home, outcome)
    return outcome


def _write(target: Path, text: str, outcome: Outcome) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".part")
    partial.write_text(text, encoding="utf-8")
    partial.replace(target)
    outcome.written.append(target)


def _copy(source: Path, target: Path, outcome: Outcome) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target)
    outcome.written.append(target)


def _refresh(home: Path, outcome: Outcome) -> None:
    """Let the desktop see the change now (menus and "Open with" read these caches)."""
    for tool, arguments in (
        ("update-desktop-database", ["-q", str(home / "applications")]),
        ("gtk-update-icon-cache", ["-q", "-t", "-f", str(home / "icons" / "hicolor")]),
    ):
        path = shutil.which(tool)
        folder = Path(arguments[-1])
        if path and folder.is_dir():
            result = subprocess.run([path, *arguments], capture_output=True, text=True, check=False)
            if result.returncode == 0:
                outcome.refreshed.append(tool)
