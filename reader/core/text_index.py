"""Words as the search index sees them: folded (reader.core.folding) and stemmed with
Snowball, Russian for Cyrillic words and English for Latin ones."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from reader.core.folding import fold

TOKEN_RE = re.compile(r"\w+")
_CYRILLIC_RE = re.compile(r"[\u0400-\u04ff]")
LATIN_RE = re.compile(r"[a-z]")


@lru_cache(maxsize=1)
def _stemmers():
    import Stemmer  # PyStemmer: Snowball in C

    return Stemmer.Stemmer("russian"), Stemmer.Stemmer("english")


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """The stem of one folded word, by its script; other words are kept as they are.

    Snowball is applied until the stem stops changing: one pass leaves "казахстану" as
    "казахстан" but "казахстан" as "казахста", so single-pass stems of one word's forms
    can differ; their fixed points agree ("казахст").
    """
    russian, english = _stemmers()
    if _CYRILLIC_RE.search(word):
        stemmer = russian
    elif LATIN_RE.search(word):
        stemmer = english
    else:
        return word
    for _ in range(4):
        shorter = stemmer.stemWord(word)
        if shorter == word:
            break
        word = shorter
    return word


def tokens(text: str) -> list[str]:
    return TOKEN_RE.findall(fold(text))


def index_text(text: str | None) -> str:
    """The text to put in the index: stems separated by spaces."""
    if not text:
        return ""
    return " ".join(stem(token) for token in tokens(text))


@lru_cache(maxsize=200_000)
def word_stem(word: str) -> str:
    """The stem of a word as written in a text (folded first)."""
    return stem(fold(word))


def spans(text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, stem) of every word in the original text, for snippets and highlights."""
    for match in TOKEN_RE.finditer(text):
        yield match.start(), match.end(), word_stem(match.group())
