"""File names as text: stored safely, shown readably.

On Linux a file name is bytes. Names from old Windows-1251 or KOI8-R archives are not
UTF-8, and Python carries their stray bytes as lone surrogates, which SQLite, JSON and the
terminal all refuse. Such a name is stored with the stray bytes escaped (``\\xe0``), and
shown with the old Cyrillic code page its letters fit best.
"""

from __future__ import annotations

import os
from pathlib import Path


def _raw(path: Path | str) -> bytes:
    return os.fsencode(path)


def is_text_safe(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def stored_path(path: Path | str) -> str:
    """``path`` as text any store accepts: UTF-8 as it is, stray bytes as ``\\xNN``."""
    text = str(path)
    if is_text_safe(text):
        return text
    return _raw(path).decode("utf-8", "backslashreplace")


def display_path(path: Path | str) -> str:
    """``path`` as a reader should see it: a name in an old Cyrillic code page is shown
    in it (Windows-1251 or KOI8-R, whichever gives the more natural letters), anything
    else undecodable as ``\\xNN``."""
    text = str(path)
    if is_text_safe(text):
        return text
    raw = _raw(path)
    best, best_score = None, 0
    for encoding in ("cp1251", "koi8_r"):
        try:
            candidate = raw.decode(encoding)
        except UnicodeDecodeError:
            continue
        score = _natural_cyrillic(candidate)
        if score > best_score:
            best, best_score = candidate, score
    return best if best is not None else stored_path(path)


def _natural_cyrillic(text: str) -> int:
    """Lower-case Cyrillic letters count for a decoding, upper-case ones after a letter
    against it: the wrong one of the two code pages swaps the cases of most letters."""
    score, previous_letter = 0, False
    for char in text:
        cyrillic = "\u0400" <= char <= "\u04ff"
        if cyrillic and char.islower():
            score += 2
        elif cyrillic and previous_letter:
            score -= 1
        elif not char.isascii() and not cyrillic:
            score -= 3  # box drawing and other symbols: not a name's letters
        previous_letter = char.isalpha()
    return score
