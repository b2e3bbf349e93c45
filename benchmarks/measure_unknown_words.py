"""Which terms serve Russian words the dictionary does not know (names, new words):
pymorphy3's guess at their lemma, or their Snowball stem.

    python benchmarks/measure_unknown_words.py

For each word below, in the forms a news text uses, every form the dictionary does not
know is given its terms by each method. Joined: the share of pairs of forms of one word
that share a term (a search for one finds the other). Confused: pairs of forms of two
different words that share a term (a search for one finds the other wrongly). And the
cost of a word not met before.
"""

from __future__ import annotations

import itertools
import statistics
import time

from reader.core.morphology import _analyzer, lemmas
from reader.core.text_index import stem

WORDS = """
байден байдена байдену байденом байдене
зеленский зеленского зеленскому зеленским
шольц шольца шольцу шольцем
эрдоган эрдогана эрдогану эрдоганом
токаев токаева токаеву токаевым
пашинян пашиняна пашиняну пашиняном
мишустин мишустина мишустину мишустиным
набиуллина набиуллиной набиуллину
кравчинский кравчинского кравчинскому
мирошниченко
хайп хайпа хайпу хайпом
блогерша блогерши блогершу блогершей
ковид ковида ковидом ковиде
зумер зумеры зумеров зумерам
вейп вейпа вейпы вейпов
дипфейк дипфейка дипфейки дипфейков
маркетплейс маркетплейса маркетплейсы маркетплейсов
краудфандинг краудфандинга краудфандингом
коворкинг коворкинга коворкинге
каршеринг каршеринга каршерингом
нейросеть нейросети нейросетью нейросетей
тиктокер тиктокера тиктокеры тиктокеров
стример стримера стримеры стримеров
донат доната донаты донатов
зумерша зумерши
стримерша стримерши
""".strip().splitlines()


def guessed_all(word: str) -> set[str]:
    return {p.normal_form.replace("ё", "е") for p in _analyzer().parse(word)}


def guessed_first(word: str) -> set[str]:
    return {_analyzer().parse(word)[0].normal_form.replace("ё", "е")}


def snowball(word: str) -> set[str]:
    return {stem(word)}


def main() -> None:
    groups = [[w for w in line.split() if not lemmas(w)] for line in WORDS]
    groups = [g for g in groups if g]
    forms = sum(len(g) for g in groups)
    print(f"{len(groups)} words, {forms} forms the dictionary does not know")
    for name, method in (
        ("guess, every lemma", guessed_all),
        ("guess, the first lemma", guessed_first),
        ("Snowball stem", snowball),
    ):
        found = {w: method(w) for g in groups for w in g}
        pairs = [(a, b) for g in groups for a, b in itertools.combinations(g, 2)]
        joined = sum(bool(found[a] & found[b]) for a, b in pairs) / len(pairs)
        confused = [
            (a, b)
            for g, h in itertools.combinations(groups, 2)
            for a in g
            for b in h
            if found[a] & found[b]
        ]
        times = []
        for w in found:
            stem.cache_clear()  # (pymorphy3 keeps no cache of its own)
            t = time.perf_counter()
            method(w)
            times.append(time.perf_counter() - t)
        print(
            f"{name:<24} joined {joined:.2f} of form pairs; confused {len(confused)} pairs"
            f"{' ' + str(confused[:4]) if confused else ''}; "
            f"{statistics.median(times) * 1e6:.0f} µs a word"
        )


if __name__ == "__main__":
    main()
