"""Paths, folders of articles and mounts the tests share."""

import contextlib
import os
from pathlib import Path
from typing import NamedTuple

REPO = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SEED = REPO.parent / "shared" / "seed" / "000_d2a8a0445f2ace74.txt"


_HTML_PAGE = """<!DOCTYPE html>
<html lang="{lang}"><head><meta charset="utf-8"><title>{title} | Daily Ledger</title></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<main><article><h1>{title}</h1>
<p>{body}</p><p>{body2}</p><p>{body3}</p>
</article></main><footer>© Daily Ledger. All rights reserved.</footer></body></html>
"""

_WORDS = {
    "en": ("river", "council", "bridge", "harvest", "market", "winter", "railway", "library"),
    "ru": ("река", "совет", "мост", "урожай", "рынок", "зима", "дорога", "библиотека"),
}


def mixed_folder(folder: Path, count: int) -> int:
    """``count`` distinct articles in ``folder`` and its subfolders, as readers keep them:
    Markdown, plain text and full HTML pages (menus, footers), English and Russian, UTF-8
    and Windows-1251, plus a picture and a script that an import skips. Returns ``count``."""
    for n in range(count):
        lang = "ru" if n % 2 else "en"
        words = _WORDS[lang]
        sentence = " ".join(words[(n + k) % len(words)] for k in range(12))
        title = f"{'Статья' if lang == 'ru' else 'Article'} {n}: {words[n % len(words)]}"
        body = f"{sentence.capitalize()} {n}. " * 4
        sub = folder / f"part{n % 5}"
        sub.mkdir(parents=True, exist_ok=True)
        kind = n % 4
        if kind == 0:
            (sub / f"{n:04d}.md").write_text(f"# {title}\n\n{body}\n\n{body}\n", encoding="utf-8")
        elif kind == 1:
            (sub / f"{n:04d}.txt").write_bytes(f"{title}\n\n{body}\n\n{body}\n".encode("cp1251"))
        else:
            page = _HTML_PAGE.format(
                lang=lang, title=title, body=body, body2=body[::-1], body3=sentence.upper()
            )
            (sub / f"{n:04d}.html").write_text(page, encoding="utf-8")
    (folder / "extras").mkdir(parents=True, exist_ok=True)
    (folder / "extras" / "picture.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    (folder / "extras" / "script.js").write_text("console.log(1)\n", encoding="utf-8")
    return count


# -- disks that fill, files that cannot be written (root only: mounts) --------------------


def _run(*command: str) -> bool:
    import subprocess

    return subprocess.run(command, capture_output=True).returncode == 0


def _unmount(point: Path) -> None:
    if not _run("umount", str(point)):
        _run("umount", "-l", str(point))  # (something still had it open)


@contextlib.contextmanager
def small_disk(folder: Path, size: str = "5m"):
    """A tmpfs of ``size`` at ``folder`` for the block (a disk that fills)."""
    import pytest

    folder.mkdir(parents=True, exist_ok=True)
    if os.geteuid() != 0 or not _run(
        "mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)
    ):
        pytest.skip("mounting a small tmpfs needs root (mount -t tmpfs)")
    try:
        yield folder
    finally:
        _unmount(folder)


@contextlib.contextmanager
def read_only(path: Path):
    """``path`` (a file or a folder) read-only for the block, even for root: a read-only
    bind mount of it onto itself."""
    import pytest

    if os.geteuid() != 0 or not _run("mount", "--bind", str(path), str(path)):
        pytest.skip("a read-only bind mount needs root (mount --bind)")
    try:
        if not _run("mount", "-o", "remount,ro,bind", str(path)):
            pytest.skip("this system cannot remount a bind mount read-only")
        yield path
    finally:
        _unmount(path)


def process_ended(pid: int) -> bool:
    """The process runs no more (a zombie waiting for its parent to collect it counts:
    it runs nothing). Linux: reads /proc."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except FileNotFoundError:
        return True
    return "State:\tZ" in status


class MenuItem(NamedTuple):
    path: tuple[str, ...]  # the texts of its menus and its own, as shown ("&" and all)
    where: tuple[int, ...]  # the same path by position (the same in every language)
    key: str  # its mnemonic letter, lower case; "" if it has none
    action: object  # the QAction


def menu_items(window) -> list[MenuItem]:
    """Every menu and menu item of ``window``'s menu bar, submenus too, in order."""
    from PySide6.QtGui import QKeySequence

    found = []

    def walk(actions, path, where):
        for position, action in enumerate(a for a in actions if not a.isSeparator()):
            key = QKeySequence.mnemonic(action.text()).toString()  # "Alt+F"
            item = MenuItem(
                (*path, action.text()), (*where, position), key.rpartition("+")[2].lower(), action
            )
            found.append(item)
            if action.menu() is not None:
                walk(action.menu().actions(), item.path, item.where)

    walk(window.menuBar().actions(), (), ())
    return found
