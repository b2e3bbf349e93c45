"""Folding: text as every comparison of ours sees it. Case, ё/е and the diacritics of
Latin letters do not matter ("Café" is "cafe"); Cyrillic й stays й.

The one fold of the application: the library's and the history's filter (the stored
filter text), the search index and its queries, and Find in an article all use it, so a
word that one of them finds, the others find too.
"""

from __future__ import annotations

import re
import unicodedata

# Latin letters that carry diacritics (é, ü, ø...), precomposed or not: only text with
# one of these needs the slower decomposition.
ACCENTED_LATIN_RE = re.compile(r"[\u00c0-\u024f\u1e00-\u1eff\u0300-\u036f]")
_LATIN_MARK_RE = re.compile(r"(?<=[A-Za-z])[\u0300-\u036f]+")


def fold_case(text: str) -> str:
    """Lower case, ё as е: the first step of ``fold`` (and all a library written before
    schema 7 folded its stored filter text with; see reader.core.store.schema)."""
    return text.casefold().replace("ё", "е")


def fold(text: str) -> str:
    """Lower case, ё as е, and Latin letters without diacritics (é → e). Cyrillic й stays."""
    text = fold_case(text)
    if text.isascii() or not ACCENTED_LATIN_RE.search(text):
        return text
    decomposed = unicodedata.normalize("NFD", text)
    return unicodedata.normalize("NFC", _LATIN_MARK_RE.sub("", decomposed))
