"""Words as the search index sees them: folded (reader.core.folding), then a Russian word
by its dictionary lemmas (reader.core.morphology: людей and человек are one word, учёных
and ученики two), a Russian word the dictionary does not know and an English word by
their Snowball stems.

What an index holds is its kind, kept with the library: LEMMAS now; STEMS, Snowball stems
for every word, in libraries indexed before lemmas (searched as they are until rebuilt).
"""

from __future__ import annotations

import re
from functools import lru_cache

from reader.core.folding import fold

TOKEN_RE = re.compile(r"\w+")
CYRILLIC_RE = re.compile(r"[\u0400-\u04ff]")
LATIN_RE = re.compile(r"[a-z]")

LEMMAS = "lemmas-1"
STEMS = "stems"
KINDS = (LEMMAS, STEMS)


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
    if CYRILLIC_RE.search(word):
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


# Each distinct form is looked up once per process (an import's worker sees the same few
# thousand forms again and again); 40,000 of them took 18 MB here, the dictionary 29 MB.
@lru_cache(maxsize=100_000)
def _lemma_terms(word: str) -> tuple[tuple[str, ...], int]:
    """A word's terms in a lemma index, and how many of them a query for it searches."""
    if CYRILLIC_RE.search(word):
        from reader.core.morphology import analyse

        found, likely = analyse(word)
        if found:
            return found, likely
        # Unknown words (names, new words) keep their Snowball stem. Measured against the
        # dictionary's guesses (benchmarks/measure_unknown_words.py: 20 names and new
        # words, 72 forms), stems joined every pair of forms of a word (guesses: 96 %),
        # confused no two words (guesses: one pair), at 2 µs a word against 220 µs.
    return (stem(word),), 1


def forget_words() -> None:
    """Let go of the words looked up so far. A rebuild of the whole index looks up every
    distinct form of every article (up to 100,000 kept, about 45 MB, and as many stems):
    worth keeping while it runs, not for the rest of the session."""
    _lemma_terms.cache_clear()
    stem.cache_clear()


def terms(word: str, kind: str = LEMMAS) -> tuple[str, ...]:
    """What the index holds for one folded word: its lemmas, the most likely first (that
    one in its place in the text, the others after the text), or its stem."""
    return _lemma_terms(word)[0] if kind == LEMMAS else (stem(word),)


def query_terms(word: str, kind: str = LEMMAS) -> tuple[str, ...]:
    """What a folded word typed in a query is searched for: of an ambiguous form, the
    lemmas a reader most likely means (reader.core.morphology.analyse)."""
    if kind != LEMMAS:
        return (stem(word),)
    found, likely = _lemma_terms(word)
    return found[:likely]


def tokens(text: str) -> list[str]:
    return TOKEN_RE.findall(fold(text))


def index_text(text: str | None, kind: str = LEMMAS) -> str:
    """The text to put in the index: one term per word in the text's order (so phrases
    match), then the other lemmas of ambiguous words ("стали": стать, then сталь)."""
    if not text:
        return ""
    if kind != LEMMAS:
        return " ".join(stem(token) for token in tokens(text))
    first: list[str] = []
    more: list[str] = []
    for token in tokens(text):
        found = _lemma_terms(token)[0]
        first.append(found[0])
        if len(found) > 1:
            more.extend(found[1:])
    return " ".join(first + more)
