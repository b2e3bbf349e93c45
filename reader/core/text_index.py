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


# Each distinct word form is looked up once and remembered: an article has a few hundred
# words but a library only tens of thousands of forms (a rebuild of 20,000 synthetic
# articles took 13 ms an article without this, 0.6 ms with it). How many are kept bounds
# the memory: a process that stays (the window, which may rebuild a whole index) keeps
# 30,000 (a rebuild then grows it by 27 MB at most, and runs at 0.8 ms an article, 0.6 ms
# with 100,000 kept and 44 MB); an import's worker process, which ends with the import,
# keeps more (reader.core.parse_workers, remember_words).
WORDS_REMEMBERED = 30_000


@lru_cache(maxsize=WORDS_REMEMBERED)
def stem(word: str) -> str:
    """The stem of one folded word (see _stem), remembered."""
    return _stem(word)


def _stem(word: str) -> str:
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


def _look_up(word: str) -> tuple[tuple[str, ...], int]:
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
    return (_stem(word),), 1  # (remembered as the word's terms: not twice)


_lemma_terms = lru_cache(maxsize=WORDS_REMEMBERED)(_look_up)


def remember_words(count: int) -> None:
    """Keep the terms of up to ``count`` word forms from now on (see WORDS_REMEMBERED)."""
    global _lemma_terms
    _lemma_terms = lru_cache(maxsize=count)(_look_up)


def forget_words() -> None:
    """Let go of the words looked up so far. A rebuild of the whole index looks up every
    distinct form of every article: worth keeping while it runs, not for the rest of the
    session (Python keeps much of the memory for its next objects, but it stops growing)."""
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
