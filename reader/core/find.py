"""Finding words inside one article's text: literally, or in any of their forms."""

from __future__ import annotations

import re
from functools import lru_cache

from reader.core.folding import ACCENTED_LATIN_RE, fold
from reader.core.text_index import LATIN_RE, TOKEN_RE, stem, word_stem

# A character and the combining marks after it: folded together (é written as e + ́).
_CHARACTER_RE = re.compile(r".[\u0300-\u036f]*", re.DOTALL)


def literal_matches(text: str, needle: str) -> list[tuple[int, int]]:
    """Every place ``needle`` occurs in ``text``, folded (case, ё/е and Latin accents do
    not matter), as places in ``text`` itself."""
    needle = fold(needle.strip())
    if not needle:
        return []
    haystack = _aligned_fold(text)  # (the same positions as the text)
    places: tuple[list[int], list[int]] | None = None
    if haystack is None:
        haystack, starts, ends = _fold_with_places(text)
        places = (starts, ends)
    found, start = [], haystack.find(needle)
    while start >= 0:
        end = start + len(needle)
        found.append((start, end) if places is None else (places[0][start], places[1][end]))
        start = haystack.find(needle, end)
    return list(dict.fromkeys(found))  # (two matches inside one "ß" are one place)


def _fold_with_places(text: str) -> tuple[str, list[int], list[int]]:
    """``text`` folded character by character, with where in ``text`` each folded
    character's source starts, and where the source of the character before each position
    ends (folding may change lengths: é as e + ́ becomes e, ß becomes ss)."""
    folded, starts, ends = [], [], [0]
    for match in _CHARACTER_RE.finditer(text):
        piece = fold(match.group())
        folded.append(piece)
        starts += [match.start()] * len(piece)
        ends += [match.end()] * len(piece)
    starts.append(len(text))
    return "".join(folded), starts, ends


def form_matches(
    text: str, stems: set[str], prefixes: set[str] | frozenset[str] = frozenset()
) -> list[tuple[int, int]]:
    """Every word of ``text`` that is a form of one of ``stems`` (or starts with a prefix)."""
    folded = _aligned_fold(text)
    if folded is None:
        # Folding moves letters (é → e, ß → ss): every word is folded and stemmed.
        return [m.span() for m in TOKEN_RE.finditer(text) if _is_form(m.group(), stems, prefixes)]
    # Only the words that begin like a stem are stemmed: a few words of an article, found
    # with str.find in the folded text, which has the same positions as the text.
    found: dict[int, int] = {}
    checked: set[int] = set()
    for beginning in _beginnings(frozenset(stems), frozenset(prefixes)):
        at = folded.find(beginning)
        while at >= 0:
            if at == 0 or not _is_word_char(folded[at - 1]):
                word = TOKEN_RE.match(text, at)
                if word is None:  # (a word character is there: \w+ matches it)
                    at = folded.find(beginning, at + 1)
                    continue
                if at not in checked:
                    checked.add(at)
                    if _is_form(word.group(), stems, prefixes):
                        found[at] = word.end()
                at = folded.find(beginning, word.end())
            else:
                at = folded.find(beginning, at + 1)
    return sorted(found.items())


def contains_word(text: str, word: str) -> bool:
    """Whether ``text`` has ``word`` (folded) as a whole word, in any case, ё or е."""
    folded = _aligned_fold(text)
    if folded is None:
        return any(fold(found) == word for found in TOKEN_RE.findall(text))
    at = folded.find(word)
    while at >= 0:
        end = at + len(word)
        if (at == 0 or not _is_word_char(folded[at - 1])) and (
            end == len(folded) or not _is_word_char(folded[end])
        ):
            return True
        at = folded.find(word, at + 1)
    return False


@lru_cache(maxsize=64)  # a snippet and the exact-form check look at the same texts
def _aligned_fold(text: str) -> str | None:
    """``text`` folded, when that keeps every letter in its place (case and ё/е alone);
    None when folding would move letters (Latin letters with diacritics, ß, ligatures)."""
    if ACCENTED_LATIN_RE.search(text):
        return None
    folded = fold(text)
    return folded if len(folded) == len(text) else None


def _is_word_char(char: str) -> bool:
    return char.isalnum() or char == "_"  # as \w


def _is_form(word: str, stems: set[str], prefixes: set[str] | frozenset[str]) -> bool:
    found = word_stem(word)
    return found in stems or any(found.startswith(p) or fold(word).startswith(p) for p in prefixes)


@lru_cache(maxsize=256)
def _beginnings(stems: frozenset[str], prefixes: frozenset[str]) -> tuple[str, ...]:
    """How the words that may be forms of ``stems`` (or start with ``prefixes``) begin."""
    beginnings = {b for found in stems | prefixes if found for b in _word_beginnings(found)}
    # A beginning that starts with another finds nothing more.
    return tuple(
        b for b in beginnings if not any(b != other and b.startswith(other) for other in beginnings)
    )


def _word_beginnings(found: str) -> tuple[str, ...]:
    """How a word with this stem (or a stem starting with this prefix) begins. A Russian
    stem is the beginning of the folded word. An English one may have changed its last
    letter (happy → happi, saving → save), so that one is left out; and Snowball makes
    "die", "lie" and "tie" of "dying", "lying" and "tying"."""
    if not LATIN_RE.search(found):
        return (found,)
    cut = found[: max(1, len(found) - 1)]
    return (cut, found[:-2] + "y") if found.endswith("ie") and len(found) > 2 else (cut,)


def needle_stems(needle: str) -> set[str]:
    return {stem(word) for word in TOKEN_RE.findall(fold(needle))}
