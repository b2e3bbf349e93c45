"""Finding words inside one article's text: literally, or in any of their forms."""

from __future__ import annotations

import unicodedata

from reader.core.text_index import TOKEN_RE, fold, stem


def fold_chars(text: str) -> str:
    """Like fold(), one character for one character, so positions stay the same."""
    out = []
    for char in text:
        folded = char.casefold()
        if len(folded) != 1:
            folded = char.lower() if len(char.lower()) == 1 else char
        if folded == "ё":
            folded = "е"
        elif "a" <= unicodedata.normalize("NFD", folded)[:1] <= "z" and not folded.isascii():
            folded = unicodedata.normalize("NFD", folded)[0]
        out.append(folded)
    return "".join(out)


def literal_matches(text: str, needle: str) -> list[tuple[int, int]]:
    """Every place ``needle`` occurs in ``text``, ignoring case, ё/е and Latin accents."""
    needle = fold_chars(needle.strip())
    if not needle:
        return []
    haystack = fold_chars(text)
    found, start = [], haystack.find(needle)
    while start >= 0:
        found.append((start, start + len(needle)))
        start = haystack.find(needle, start + len(needle))
    return found


def form_matches(text: str, stems: set[str], prefixes: set[str] = frozenset()) -> list[tuple[int, int]]:
    """Every word of ``text`` that is a form of one of ``stems`` (or starts with a prefix)."""
    found = []
    for match in TOKEN_RE.finditer(text):
        word_stem = stem(fold(match.group()))
        if word_stem in stems or any(word_stem.startswith(p) or fold(match.group()).startswith(p)
                                     for p in prefixes):
            found.append((match.start(), match.end()))
    return found


def needle_stems(needle: str) -> set[str]:
    return {stem(word) for word in TOKEN_RE.findall(fold(needle))}
