"""Finding words inside one article's text: literally, or in any of their forms."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from reader.core.folding import ACCENTED_LATIN_RE, fold
from reader.core.morphology import forms
from reader.core.text_index import (
    CYRILLIC_RE,
    LATIN_RE,
    LEMMAS,
    TOKEN_RE,
    query_terms,
    terms,
    tokens,
)

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


class Matcher:
    """Which words of a text a search matches: the one answer for snippets, the marks in
    an article opened from a result, the Search panel's and the command line's marks, and
    Find's "related forms", so what is found is what is marked.

    A word matches when one of its index terms (reader.core.text_index.terms) is among
    ``terms``, or one of them or the word itself starts with one of ``prefixes``."""

    def __init__(
        self, terms: Iterable[str], prefixes: Iterable[str] = (), kind: str = LEMMAS
    ) -> None:
        self.terms = frozenset(terms)
        self.prefixes = frozenset(prefixes)
        self.kind = kind
        # Only words that may match are looked up: those the dictionary gives as forms of
        # a lemma searched for (люди for человек), and those that begin like a term.
        self._forms: frozenset[str] = frozenset()
        if kind == LEMMAS:
            found = (forms(term) for term in self.terms if CYRILLIC_RE.search(term))
            # (the terms themselves are found as beginnings: see _beginnings)
            self._forms = frozenset().union(*found).difference(self.terms)
        self._beginnings = _beginnings(self.terms | self.prefixes)
        self._decided: dict[str, bool] = {}  # (the same words come up in every text)

    @classmethod
    def for_words(cls, text: str, kind: str = LEMMAS) -> Matcher:
        """The forms of every word of ``text``, as a search for them finds them."""
        return cls({found for word in tokens(text) for found in query_terms(word, kind)}, (), kind)

    def __call__(self, text: str) -> list[tuple[int, int]]:
        """(start, end) of every matching word of ``text``, in order."""
        folded = _aligned_fold(text)
        if folded is None:  # folding moves letters (é → e, ß → ss): word by word
            return [m.span() for m in TOKEN_RE.finditer(text) if self.matches(fold(m.group()))]
        # Each distinct word is looked at once, and the places of those that match are
        # found by str.find: a snippet looks through twenty articles' whole texts for
        # every search, and a test of each word in Python took most of its time.
        candidates: set[str] = set()
        if self._forms:
            candidates.update(self._forms.intersection(TOKEN_RE.findall(folded)))
        for beginning in self._beginnings:
            for start, _ in _places(folded, beginning, whole=False):
                candidates.add(TOKEN_RE.match(folded, start).group())  # type: ignore[union-attr]
        return sorted(
            place for word in candidates if self.matches(word) for place in _places(folded, word)
        )

    def matches(self, word: str) -> bool:
        """Whether the folded ``word`` matches."""
        decided = self._decided.get(word)
        if decided is None:
            decided = self._decided[word] = self._matches(word)
        return decided

    def _matches(self, word: str) -> bool:
        if word not in self._forms and not word.startswith(self._beginnings):
            return False
        found = terms(word, self.kind)
        return not self.terms.isdisjoint(found) or any(
            word.startswith(prefix) or any(term.startswith(prefix) for term in found)
            for prefix in self.prefixes
        )

    def __bool__(self) -> bool:
        return bool(self.terms or self.prefixes)


def form_matches(
    text: str, stems: Iterable[str], prefixes: Iterable[str] = (), kind: str = LEMMAS
) -> list[tuple[int, int]]:
    """Every word of ``text`` that is a form of one of ``stems`` (index terms), or starts
    with a prefix (see Matcher)."""
    return Matcher(stems, prefixes, kind)(text)


def contains_word(text: str, word: str) -> bool:
    """Whether ``text`` has ``word`` (folded) as a whole word, in any case, ё or е."""
    folded = _aligned_fold(text)
    if folded is None:
        return any(fold(found) == word for found in TOKEN_RE.findall(text))
    return bool(_places(folded, word))


@lru_cache(maxsize=64)  # a snippet and the exact-form check look at the same texts
def _aligned_fold(text: str) -> str | None:
    """``text`` folded, when that keeps every letter in its place (case and ё/е alone);
    None when folding would move letters (Latin letters with diacritics, ß, ligatures)."""
    if ACCENTED_LATIN_RE.search(text):
        return None
    folded = fold(text)
    return folded if len(folded) == len(text) else None


def _places(folded: str, word: str, whole: bool = True) -> list[tuple[int, int]]:
    """(start, end) of every place the folded ``word`` stands as a whole word in
    ``folded``; not ``whole``: where a word begins with it."""
    found = []
    at = folded.find(word)
    while at >= 0:
        end = at + len(word)
        if (at == 0 or not _is_word_char(folded[at - 1])) and (
            not whole or end == len(folded) or not _is_word_char(folded[end])
        ):
            found.append((at, end))
        at = folded.find(word, end)
    return found


def _is_word_char(char: str) -> bool:
    return char.isalnum() or char == "_"  # as \w


def _beginnings(found: frozenset[str]) -> tuple[str, ...]:
    """How the words that may have one of ``found`` as a term (or a prefix) begin."""
    beginnings = {b for term in found if term for b in _word_beginnings(term)}
    # A beginning that starts with another finds nothing more.
    return tuple(
        b for b in beginnings if not any(b != other and b.startswith(other) for other in beginnings)
    )


def _word_beginnings(found: str) -> tuple[str, ...]:
    """How a word with this term (or a term starting with this prefix) begins. A Russian
    stem is the beginning of the folded word, and so is a lemma, mostly (other forms of
    it are found by the dictionary: see Matcher). An English one may have changed its last
    letter (happy → happi, saving → save), so that one is left out; and Snowball makes
    "die", "lie" and "tie" of "dying", "lying" and "tying"."""
    if not LATIN_RE.search(found):
        return (found,)
    cut = found[: max(1, len(found) - 1)]
    return (cut, found[:-2] + "y") if found.endswith("ie") and len(found) > 2 else (cut,)
