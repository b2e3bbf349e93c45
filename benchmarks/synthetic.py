"""Synthetic libraries for benchmarks: N articles in Russian and English with realistic
word, sentence and paragraph lengths, as Article objects or as files in every format.

Usage: python benchmarks/synthetic.py OUT_DIR N   (writes N article files)
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

from reader.core.article import Article

# Our own small vocabularies, with inflected forms, so stemming and search have work to do.
RU_WORDS = [
    "город",
    "города",
    "городу",
    "городом",
    "городе",
    "река",
    "реки",
    "реке",
    "рекой",
    "мост",
    "моста",
    "мосты",
    "мостов",
    "библиотека",
    "библиотеки",
    "библиотеке",
    "библиотеку",
    "читатель",
    "читатели",
    "читателей",
    "читателям",
    "книга",
    "книги",
    "книгу",
    "книгой",
    "книг",
    "школа",
    "школы",
    "школе",
    "учитель",
    "учителя",
    "учеников",
    "ученики",
    "дети",
    "детей",
    "ребёнок",
    "ребёнка",
    "весна",
    "весной",
    "весну",
    "лето",
    "летом",
    "осень",
    "осенью",
    "зима",
    "зимой",
    "зимний",
    "зимнего",
    "снег",
    "снега",
    "дождь",
    "дождя",
    "погода",
    "погоды",
    "ветер",
    "ветра",
    "солнце",
    "солнца",
    "утро",
    "утром",
    "вечер",
    "вечером",
    "ночь",
    "ночью",
    "день",
    "дня",
    "дни",
    "дней",
    "неделя",
    "недели",
    "неделю",
    "месяц",
    "месяца",
    "год",
    "года",
    "году",
    "лет",
    "жители",
    "жителей",
    "жителям",
    "район",
    "района",
    "районе",
    "улица",
    "улицы",
    "улице",
    "дом",
    "дома",
    "домов",
    "площадь",
    "площади",
    "парк",
    "парка",
    "парке",
    "сад",
    "сада",
    "музей",
    "музея",
    "музее",
    "выставка",
    "выставки",
    "выставку",
    "картина",
    "картины",
    "художник",
    "художника",
    "работа",
    "работы",
    "работу",
    "работает",
    "работали",
    "работал",
    "работают",
    "открыл",
    "открыла",
    "открыли",
    "открылся",
    "открылась",
    "открытие",
    "открытия",
    "закрыли",
    "строительство",
    "строительства",
    "ремонт",
    "ремонта",
    "новый",
    "новая",
    "новое",
    "новые",
    "нового",
    "новой",
    "старый",
    "старая",
    "старое",
    "старые",
    "большой",
    "большая",
    "большое",
    "большие",
    "маленький",
    "маленькая",
    "первый",
    "первая",
    "первое",
    "второй",
    "третий",
    "последний",
    "последняя",
    "важный",
    "важная",
    "важное",
    "председательство",
    "председательства",
    "организация",
    "организации",
    "организацию",
    "сотрудничество",
    "сотрудничества",
    "безопасность",
    "безопасности",
    "развитие",
    "развития",
    "государство",
    "государства",
    "правительство",
    "правительства",
    "президент",
    "президента",
    "совет",
    "совета",
    "сессия",
    "сессии",
    "решение",
    "решения",
    "вопрос",
    "вопросы",
    "вопросам",
    "программа",
    "программы",
    "проект",
    "проекта",
    "проекты",
    "сказал",
    "сказала",
    "сообщил",
    "сообщила",
    "отметил",
    "отметила",
    "рассказал",
    "рассказала",
    "говорит",
    "считает",
    "может",
    "могут",
    "должен",
    "должны",
    "будет",
    "будут",
    "было",
    "были",
    "был",
    "была",
    "есть",
    "нет",
    "очень",
    "также",
    "уже",
    "ещё",
    "только",
    "даже",
    "когда",
    "если",
    "чтобы",
    "потому",
    "поэтому",
    "после",
    "перед",
    "между",
    "через",
    "около",
    "более",
    "менее",
    "всего",
    "всех",
    "весь",
    "вся",
    "все",
    "этот",
    "эта",
    "это",
    "эти",
    "того",
    "тому",
    "том",
    "который",
    "которая",
    "которое",
    "которые",
    "которых",
    "свой",
    "своя",
    "свои",
]
RU_GLUE = [
    "и",
    "в",
    "на",
    "с",
    "по",
    "к",
    "о",
    "от",
    "из",
    "за",
    "для",
    "не",
    "но",
    "а",
    "что",
    "как",
    "у",
    "до",
    "при",
]

EN_WORDS = [
    "city",
    "cities",
    "town",
    "river",
    "rivers",
    "bridge",
    "bridges",
    "library",
    "libraries",
    "reader",
    "readers",
    "book",
    "books",
    "school",
    "schools",
    "teacher",
    "teachers",
    "student",
    "students",
    "child",
    "children",
    "spring",
    "summer",
    "autumn",
    "winter",
    "snow",
    "rain",
    "weather",
    "wind",
    "sun",
    "morning",
    "evening",
    "night",
    "day",
    "days",
    "week",
    "weeks",
    "month",
    "months",
    "year",
    "years",
    "resident",
    "residents",
    "district",
    "districts",
    "street",
    "streets",
    "house",
    "houses",
    "square",
    "park",
    "parks",
    "garden",
    "gardens",
    "museum",
    "museums",
    "exhibition",
    "exhibitions",
    "painting",
    "paintings",
    "artist",
    "artists",
    "work",
    "works",
    "working",
    "worked",
    "open",
    "opens",
    "opened",
    "opening",
    "close",
    "closed",
    "building",
    "built",
    "repair",
    "repairs",
    "new",
    "old",
    "large",
    "small",
    "first",
    "second",
    "third",
    "last",
    "important",
    "organization",
    "organizations",
    "organisation",
    "cooperation",
    "security",
    "development",
    "government",
    "governments",
    "president",
    "council",
    "session",
    "sessions",
    "decision",
    "decisions",
    "question",
    "questions",
    "programme",
    "program",
    "project",
    "projects",
    "said",
    "says",
    "told",
    "reported",
    "noted",
    "explained",
    "thinks",
    "believes",
    "can",
    "could",
    "must",
    "should",
    "will",
    "would",
    "was",
    "were",
    "been",
    "being",
    "very",
    "also",
    "already",
    "still",
    "only",
    "even",
    "when",
    "if",
    "because",
    "therefore",
    "after",
    "before",
    "between",
    "through",
    "about",
    "more",
    "less",
    "every",
    "each",
    "this",
    "that",
    "these",
    "those",
    "which",
    "who",
    "whose",
    "their",
    "its",
    "people",
    "local",
    "public",
    "national",
    "community",
    "committee",
    "report",
    "plan",
    "plans",
    "market",
    "markets",
    "price",
    "prices",
    "water",
    "land",
    "road",
    "roads",
    "train",
    "trains",
    "station",
    "stations",
    "island",
    "coast",
]
EN_GLUE = [
    "the",
    "a",
    "of",
    "and",
    "to",
    "in",
    "on",
    "for",
    "with",
    "at",
    "by",
    "from",
    "as",
    "is",
    "are",
    "it",
]

# A long tail of rarer words, as real text has (a news archive of 100,000 articles holds
# hundreds of thousands of distinct words, most of them rare). Made from syllables, so it
# is reproducible and ours; drawn with a Zipf-like law, so a few are common, most are rare.
_RU_SYLLABLES = [
    "ба",
    "ве",
    "ги",
    "до",
    "жу",
    "за",
    "ки",
    "ло",
    "му",
    "не",
    "по",
    "ру",
    "са",
    "ти",
    "фу",
    "ха",
    "цы",
    "че",
    "ша",
    "ще",
    "бы",
    "ву",
    "ге",
    "ди",
    "ль",
    "мо",
    "ны",
    "ра",
    "се",
    "то",
    "ук",
]
_EN_SYLLABLES = [
    "ba",
    "ce",
    "di",
    "fo",
    "gu",
    "ha",
    "ke",
    "li",
    "mo",
    "nu",
    "pa",
    "qui",
    "ro",
    "sa",
    "te",
    "vi",
    "wo",
    "xa",
    "yu",
    "ze",
    "bri",
    "cla",
    "dre",
    "flo",
    "gra",
    "tro",
]


def _tail(syllables: list[str], count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    words = set()
    while len(words) < count:
        words.add("".join(rng.choice(syllables) for _ in range(rng.randint(2, 4))))
    return sorted(words)


RU_TAIL = _tail(_RU_SYLLABLES, 40_000, 1)
EN_TAIL = _tail(_EN_SYLLABLES, 40_000, 2)
TAIL_SHARE = 0.3

SITES_RU = ["gorodskie-vesti.example.ru", "rechnoy-vestnik.example.ru", "evraz-news.example.ru"]
SITES_EN = ["daily-harbour.example.com", "valley-times.example.org", "north-post.example.net"]
AUTHORS_RU = ["Анна Петрова", "Иван Сидоров", "Мария Кузнецова", "Олег Морозов"]
AUTHORS_EN = ["Jane Roe", "John Smith", "Emma Brown", "Liam Green"]


def _zipf_choice(rng: random.Random, words: list[str]) -> str:
    # Lower indexes are more frequent, like real text.
    index = min(int(rng.paretovariate(1.2)) - 1, len(words) - 1)
    return words[(index * 7919) % len(words)] if index > 20 else rng.choice(words)


def _tail_choice(rng: random.Random, tail: list[str]) -> str:
    # Zipf-like: rank r is chosen with probability ~1/r (log-uniform over the ranks).
    rank = min(int(len(tail) ** rng.random()), len(tail)) - 1
    return tail[(rank * 7919) % len(tail)]


def _sentence(rng: random.Random, words: list[str], glue: list[str]) -> str:
    n = rng.randint(7, 22)
    tail = RU_TAIL if words is RU_WORDS else EN_TAIL
    tokens = []
    for _ in range(n):
        roll = rng.random()
        if roll < 0.3:
            tokens.append(rng.choice(glue))
        elif roll < 0.3 + TAIL_SHARE:
            tokens.append(_tail_choice(rng, tail))
        else:
            tokens.append(_zipf_choice(rng, words))
    tokens[0] = tokens[0].capitalize()
    if n > 10 and rng.random() < 0.5:
        tokens[n // 2] += ","
    return " ".join(tokens) + rng.choice([".", ".", ".", "!", "?"])


def make_article(rng: random.Random, n: int, words: int = 300) -> Article:
    russian = rng.random() < 0.6
    vocab, glue = (RU_WORDS, RU_GLUE) if russian else (EN_WORDS, EN_GLUE)
    paragraphs, count = [], 0
    while count < words - 40:
        paragraph = " ".join(_sentence(rng, vocab, glue) for _ in range(rng.randint(2, 5)))
        paragraphs.append(paragraph)
        count += len(paragraph.split())
    title = " ".join(_sentence(rng, vocab, glue).rstrip(".!?").replace(",", "").split()[:9])
    title += f" {n}"
    day = rng.randint(1, 28)
    month = rng.randint(1, 12)
    year = rng.randint(2015, 2025)
    return Article(
        title=title,
        body="\n\n".join(paragraphs),
        authors=[rng.choice(AUTHORS_RU if russian else AUTHORS_EN)],
        published=f"{year}-{month:02d}-{day:02d}T"
        f"{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}:00",
        source=rng.choice(SITES_RU if russian else SITES_EN),
        language="ru" if russian else "en",
        views=rng.randint(0, 50000),
        format="markdown",
    )


def articles(count: int, seed: int = 1, words: int = 300):
    rng = random.Random(seed)
    for n in range(count):
        yield make_article(rng, n, words)


def as_webdump(article: Article) -> str:
    day, time = article.published[:10], article.published[11:19]
    y, m, d = day.split("-")
    paragraphs = article.body.split("\n\n")
    lines = [
        "Размер текста: - o +",
        "",
        article.title,
        "",
        f"{article.authors[0]} {d}-{m}-{y} {time}",
        "",
        "\u00a0",
        "",
    ]
    lines += [p + "\u00a0" for p in paragraphs]
    lines.append("")
    for p in paragraphs:
        lines += [p, ""]
    lines += ["\u00a0", "", "", article.source, "", f"Показы: {article.views}"]
    return "\n".join(lines)


def as_markdown(article: Article) -> str:
    return (
        f'---\ntitle: "{article.title}"\nauthor: {article.authors[0]}\n'
        f"date: {article.published[:10]}\nsource: {article.source}\n---\n\n{article.body}\n"
    )


def as_plaintext(article: Article) -> str:
    return f"{article.title}\n\n{article.body}\n"


def write_files(folder: Path, count: int, seed: int = 7) -> list[Path]:
    """Files in the three text formats, one in three each, spread over subfolders."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for n, article in enumerate(articles(count, seed)):
        sub = folder / f"batch{n // 1000:03d}"
        sub.mkdir(exist_ok=True)
        kind = n % 3
        if kind == 0:
            path, text = sub / f"dump{n:06d}.txt", as_webdump(article)
        elif kind == 1:
            path, text = sub / f"note{n:06d}.md", as_markdown(article)
        else:
            path, text = sub / f"plain{n:06d}.txt", as_plaintext(article)
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


if __name__ == "__main__":
    written = write_files(Path(sys.argv[1]), int(sys.argv[2]))
    print(f"wrote {len(written)} files to {sys.argv[1]}")
