"""The library file itself: telling a damaged file apart, and moving one aside."""

from __future__ import annotations

import struct
from pathlib import Path
from typing import TYPE_CHECKING

from reader.core.errors import LibraryDamaged, LibraryError

if TYPE_CHECKING:
    from datetime import datetime

_SQLITE_MAGIC = b"SQLite format 3\x00"


def check_database_file(path: Path) -> None:
    """Raise LibraryDamaged when ``path`` exists but cannot be a whole SQLite database."""
    try:
        with path.open("rb") as handle:
            header = handle.read(100)
            size = path.stat().st_size
    except FileNotFoundError:
        return
    except OSError as exc:
        raise LibraryError(f"the library {path} cannot be read: {exc.strerror}") from None
    if not header:
        return  # an empty file is a new database to SQLite
    if not header.startswith(_SQLITE_MAGIC):
        raise LibraryDamaged(damaged_message(path, "it is not an SQLite database"))
    if len(header) < 100:
        raise LibraryDamaged(damaged_message(path, "the file is truncated"))
    page_size = struct.unpack(">H", header[16:18])[0]
    page_size = 65536 if page_size == 1 else page_size
    change_counter, page_count = struct.unpack(">II", header[24:32])
    valid_for = struct.unpack(">I", header[92:96])[0]
    if valid_for == change_counter and page_count * page_size > size:
        raise LibraryDamaged(
            damaged_message(
                path, f"the file is truncated ({size} of {page_count * page_size} bytes)"
            )
        )


def damaged_message(path: Path, reason: object) -> str:
    return (
        f"the library {path} is damaged ({reason}); run 'article-reader reset-library' to "
        "move it aside (it is kept, renamed) and start a fresh library"
    )


def move_aside(path: Path, now: datetime | None = None) -> Path:
    """Rename a library file (and its WAL side files) out of the way; returns the new name."""
    from datetime import datetime

    stamp = (now or datetime.now()).strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.stem}.damaged-{stamp}{path.suffix}")
    counter = 1
    while target.exists():
        target = path.with_name(f"{path.stem}.damaged-{stamp}-{counter}{path.suffix}")
        counter += 1
    path.rename(target)
    for side in ("-wal", "-shm"):
        extra = path.with_name(path.name + side)
        if extra.exists():
            extra.rename(target.with_name(target.name + side))
    return target
