"""Russian words by their dictionary lemmas: OpenCorpora's dictionary through pymorphy3.

Everything here takes and gives folded words (reader.core.folding: lower case, ё as е).
The dictionary (about 15 MB in memory, 0.1 s to load) is loaded the first time a word is
looked up, once per process: a search, an import or marking an article's matches needs
it; the window's first paint does not.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

# A query word's lemma is searched for when at least this share of the dictionary's
# estimate of what the word is goes to it: "стекло" is glass (0.98), hardly ever a form
# of "стечь" (0.02), so it does not find "стечёт"; "лучше" is "хороший" (0.67) and the
# adverb "лучше" (0.33), and finds both. Text is indexed under every lemma.
LIKELY = 0.05


@lru_cache(maxsize=1)
def _analyzer() -> Any:
    import pymorphy3  # (its dictionary: the package pymorphy3-dicts-ru)

    return pymorphy3.MorphAnalyzer(lang="ru")


def _fold(word: str) -> str:
    return word.replace("ё", "е")


def lemmas(word: str) -> tuple[str, ...]:
    """The lemmas of every form the dictionary has spelt ``word`` (ё read where е is
    written), in the dictionary's order; () for a word it does not know.

    Asks the dictionary directly rather than MorphAnalyzer.parse, which also weighs every
    analysis and guesses at unknown words: four times slower (about 40 µs a known word and
    9 µs an unknown one here, against 140 µs), and an import looks up every new form."""
    analyzer = _analyzer()
    dictionary = analyzer.dictionary
    found: dict[str, None] = {}
    for spelt, analyses in dictionary.words.similar_items(word, analyzer.char_substitutes):
        for paradigm, index in analyses:
            found[_fold(dictionary.build_normal_form(paradigm, index, spelt))] = None
    return tuple(found)


def analyse(word: str) -> tuple[tuple[str, ...], int]:
    """The lemmas of ``word`` (see ``lemmas``), the most likely first, and how many of
    them a reader typing it most likely means (see LIKELY); ((), 0) for a word the
    dictionary does not know. Only an ambiguous word is weighed: most words are not."""
    known = lemmas(word)
    if len(known) < 2:
        return known, len(known)
    weights: dict[str, float] = dict.fromkeys(known, 0.0)
    for parse in _analyzer().parse(word):
        lemma = _fold(parse.normal_form)
        if lemma in weights:
            weights[lemma] += parse.score
    best = max(weights.values())
    ranked = tuple(sorted(known, key=lambda lemma: -weights[lemma]))
    return ranked, sum(1 for lemma in ranked if weights[lemma] >= min(LIKELY, best))


@lru_cache(maxsize=512)
def forms(lemma: str) -> frozenset[str]:
    """Every form the dictionary gives the lemma ``lemma`` (люди and людей for человек):
    the words of a text worth looking up when ``lemma`` is searched for."""
    found = {lemma}
    if lemma not in lemmas(lemma):  # (a stem, or no word the dictionary knows: not guessed)
        return frozenset(found)
    for parse in _analyzer().parse(lemma):
        if _fold(parse.normal_form) == lemma:
            found.update(_fold(form.word) for form in parse.lexeme)
    return frozenset(found)
