"""The sample articles a new library starts with, so there is something to read at once."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from reader.core.store import Library

if TYPE_CHECKING:
    from reader.core.file_import import ImportReport

SAMPLES_KEY = "samples_offered"


def add_samples_on_first_start(library: Library, folder: Path) -> ImportReport | None:
    """Import the shipped samples into a new, empty library, once in its life.

    A reader who later deletes them does not get them back.
    """
    if library.get_meta(SAMPLES_KEY) or not library.is_empty() or not folder.is_dir():
        return None
    # Imported only here: the importers are not needed to start an existing library.
    from reader.core.file_import import import_paths

    report = import_paths(library, [folder])
    library.set_meta(SAMPLES_KEY, "1")
    return report
