"""Desktop integration: valid desktop files, install-desktop and uninstall-desktop."""

import os
import shlex
import shutil
import struct
import subprocess
import sys
import xml.etree.ElementTree as ElementTree

import pytest

from helpers import REPO
from reader import APP_ID, __version__

LINUX = REPO / "packaging" / "linux"
DESKTOP = LINUX / f"{APP_ID}.desktop"
METAINFO = LINUX / f"{APP_ID}.metainfo.xml"
pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="XDG desktops are Linux"
)


def validator(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.skip(f"{name} is not installed (Debian: desktop-file-utils / appstream)")
    return path


def entry(path) -> dict[str, str]:
    return dict(
        line.split("=", 1) for line in path.read_text(encoding="utf-8").splitlines() if "=" in line
    )


def test_the_desktop_entry_is_valid_and_offers_to_open_articles():
    result = subprocess.run(
        [validator("desktop-file-validate"), str(DESKTOP)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr
    types = entry(DESKTOP)["MimeType"].split(";")
    assert {"text/markdown", "text/plain", "text/html", "application/x-mimearchive"} <= set(types)
    assert entry(DESKTOP)["Icon"] == APP_ID


def test_the_metainfo_is_valid_with_screenshots_and_this_release():
    result = subprocess.run(
        [validator("appstreamcli"), "validate", "--no-net", str(METAINFO)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    root = ElementTree.parse(METAINFO).getroot()
    assert root.findtext("id") == APP_ID
    assert root.find("launchable").text == DESKTOP.name
    assert next(r.get("version") for r in root.iter("release")) == __version__
    shots = [image.text.rsplit("/", 1)[-1] for image in root.iter("image")]
    assert shots and all((REPO / "docs" / "screenshots" / name).is_file() for name in shots)


def png_size(path) -> tuple[int, int]:
    data = path.read_bytes()[:24]
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


def test_install_desktop_puts_the_entry_icons_and_metainfo_in_the_xdg_folder(
    run_cli, isolated_home
):
    home = isolated_home / "xdg_data_home"
    result = run_cli("install-desktop")
    assert result.code == 0, result.err
    installed = home / "applications" / f"{APP_ID}.desktop"
    assert f"installed {installed}" in result.out
    command = shlex.split(entry(installed)["Exec"])
    assert command[-1] == "%F" and os.access(command[0], os.X_OK)  # this installation
    assert (home / "metainfo" / f"{APP_ID}.metainfo.xml").read_bytes() == METAINFO.read_bytes()
    for size in (16, 48, 256):
        assert png_size(
            home / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        ) == (size, size)
    if shutil.which("desktop-file-validate"):
        check = subprocess.run(
            ["desktop-file-validate", str(installed)], capture_output=True, text=True
        )
        assert check.returncode == 0, check.stdout
    if shutil.which("update-desktop-database"):  # "Open with" reads this cache
        cache = (home / "applications" / "mimeinfo.cache").read_text(encoding="utf-8")
        assert f"text/markdown={APP_ID}.desktop;" in cache


def test_uninstall_desktop_removes_only_what_install_added_and_keeps_the_library(
    run_cli, isolated_home, tmp_path
):
    home = isolated_home / "xdg_data_home"
    note = tmp_path / "note.md"
    note.write_text("# Kept\n\nThis article stays in the library.\n", encoding="utf-8")
    assert run_cli("import", note).code == 0
    other = home / "applications" / "someone-else.desktop"
    other.parent.mkdir(parents=True)
    other.write_text(
        "[Desktop Entry]\nType=Application\nName=Other\nExec=other\n", encoding="utf-8"
    )
    run_cli("install-desktop")
    result = run_cli("uninstall-desktop")
    assert result.code == 0
    leftovers = list(home.rglob(f"{APP_ID}*"))
    assert leftovers == [] and other.exists()
    assert "Kept" in run_cli("list").out
    assert "nothing to remove" in run_cli("uninstall-desktop").out


def test_install_desktop_into_a_folder_it_cannot_write_says_where_and_why(
    run_cli, isolated_home, monkeypatch
):
    blocker = isolated_home / "not-a-folder"
    blocker.write_text("a file where the data folder should be", encoding="utf-8")
    monkeypatch.setenv("XDG_DATA_HOME", str(blocker))
    result = run_cli("install-desktop")
    assert result.code == 1 and result.out == ""
    assert (
        result.err.startswith(f"article-reader: {blocker}/applications")
        and result.err.count("\n") == 1
    )
    assert blocker.read_text(encoding="utf-8").startswith("a file")  # nothing overwritten
