"""Bylines and dates as English and Russian news pages print them: "By Jane Smith and
Tom Hardy", "Текст: Мария Иванова", "12 March 2024, 09:30", "14 февраля 2024 в 11:20".

Like ``page_furniture``, every pattern reads at most ``HEAD_CHARS`` of one block and none
has nested unbounded repetition.
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import cast

from reader.core.parsers.page_blocks import UNREAD, Block
from reader.core.parsers.page_furniture import HEAD_CHARS

_EN_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_RU_MONTHS = {
    "янв": 1, "фев": 2, "мар": 3, "апр": 4, "мая": 5, "май": 5, "июн": 6,
    "июл": 7, "авг": 8, "сен": 9, "окт": 10, "ноя": 11, "дек": 12,
}  # fmt: skip
_MONTH = (
    r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
    r"|января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря"
    r"|янв|фев|мар|апр|май|июн|июл|авг|сен|сент|окт|ноя|нояб|дек)\.?"
)
_TIME = (
    r"(?P<hour>\d{1,2})[:.](?P<minute>\d{2})(?::(?P<second>\d{2}))?(?:\s?(?P<ampm>[ap]\.?m\.?))?"
)
_TIME_RE = re.compile(rf"(?<![\d:]){_TIME}(?![\d:])", re.IGNORECASE)
DATE_RES = (
    # 14 февраля 2024, 12 March 2024, 5th June 2024
    re.compile(
        rf"(?<!\d)(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH}\s+(?P<year>\d{{4}})(?!\d)",
        re.IGNORECASE,
    ),
    # March 12, 2024
    re.compile(rf"\b{_MONTH}\s+(?P<day>\d{{1,2}}),?\s+(?P<year>\d{{4}})(?!\d)", re.IGNORECASE),
    # 05.01.2024, 05-01-2024, 5/1/2024 (day first)
    re.compile(r"(?<![\d.])(?P<day>\d{1,2})[-./](?P<mon>\d{1,2})[-./](?P<year>\d{4})(?!\d)"),
    # 2024-01-05
    re.compile(r"(?<![\d.])(?P<year>\d{4})-(?P<mon>\d{1,2})-(?P<day>\d{1,2})(?!\d)"),
)


def find_date(text: str) -> tuple[str, int, int] | None:
    """The first date in ``text`` (with a time right after it, if any) as ISO 8601 text,
    and where it stands in ``text``; None when there is none."""
    head = text[:HEAD_CHARS]
    best: tuple[str, int, int] | None = None
    for pattern in DATE_RES:
        match = pattern.search(head)
        if not match or (best is not None and match.start() >= best[1]):
            continue
        iso = _iso(match, head)
        if iso:
            best = iso
    return best


def _iso(match: re.Match[str], text: str) -> tuple[str, int, int] | None:
    groups = match.groupdict()
    if groups.get("month"):
        key = groups["month"].casefold()[:3]
        month = _EN_MONTHS.get(key) or _RU_MONTHS.get(key)
    else:
        month = int(groups["mon"])
    try:
        moment = datetime(int(groups["year"]), month or 0, int(groups["day"]))
    except ValueError:
        return None
    end = match.end()
    # A time within a few characters after the date: "12 March 2024, 09:30", "в 16:25".
    after = text[end : end + 12]
    timed = _TIME_RE.search(after)
    if timed and not after[: timed.start()].strip(" ,.|·—–-вatTг"):
        hour, minute = int(timed.group("hour")), int(timed.group("minute"))
        ampm = (timed.group("ampm") or "").replace(".", "").casefold()
        if ampm == "pm" and hour < 12:
            hour += 12
        elif ampm == "am" and hour == 12:
            hour = 0
        second = int(timed.group("second") or 0)
        if hour < 24 and minute < 60 and second < 60:
            end += timed.end()
            spec = "seconds" if timed.group("second") else "minutes"
            moment = moment.replace(hour=hour, minute=minute, second=second)
            return moment.isoformat(timespec=spec), match.start(), end
    return moment.date().isoformat(), match.start(), end


# A person's name as a byline prints it: two to four capitalised words ("Jane Smith",
# "Anna de Vries", "Мария Иванова", "Сергей К.").
_NAME_WORD = r"[A-ZА-ЯЁ][a-zа-яё'’-]{1,30}\.?"
_NAME = rf"{_NAME_WORD}(?:\s(?:(?:de|van|von|der|da|di|le|la|al|bin)\s)?{_NAME_WORD}){{1,3}}"
_NAMES = rf"(?P<names>{_NAME}(?:(?:,\s|\s(?:and|и)\s|\s&\s){_NAME}){{0,4}})"
BYLINE_RES = (
    re.compile(
        rf"^(?i:by|words\s+by|written\s+by|story\s+by|text\s+by|reported\s+by|interview\s+by"
        rf"|reporting\s+by|(?:words|text|author|authors|story|report|reporting)"
        rf"(?:\s+(?:and|&)\s+(?:pictures|photos?|photographs|video))?\s*:)\s*{_NAMES}"
        rf"(?=$|[\s,|·•—–(-])"
    ),
    re.compile(
        rf"^(?i:автор(?:ы)?(?:\s+материала)?|текст(?:\s+и\s+фото)?|материал|беседовал[аи]?"
        rf"|подготовил[аи]?|записал[аи]?|интервью\s+взял[аи]?|материал\s+подготовил[аи]?"
        rf"|корреспондент|сообщение)\s*:?\s+{_NAMES}(?=$|[\s,|·•—–(-])"
    ),
    # "Ирина Соколова, специально для «Вестника»"
    re.compile(rf"^{_NAMES},\s+(?i:специально\s+для)\s+\S[^.!?]{{0,40}}$"),
    # "Posted on April 3, 2024 by Tom Baker"
    re.compile(rf"\bby\s+{_NAMES}(?=$|[\s,|·•—–(-])"),
    # "Harriet Keane Court reporter" (no comma; the job title in small letters, which a
    # headline in Title Case would not have); the name may come twice (a photo's alt text)
    re.compile(
        rf"^{_NAMES}\s(?:[\w-]{{1,30}}\s){{0,2}}(?:correspondent|reporter|editor|writer|columnist"
        rf"|contributor|photographer|корреспондент|редактор|обозреватель|журналист|фотограф"
        rf"|колумнист)\w{{0,3}}$"
    ),
    # "Helen Moss, Transport correspondent", "Ирина Соколова, специальный корреспондент"
    re.compile(
        rf"^{_NAMES},\s(?!(?i:says|said|говорит|сказал)\b)(?:[\w-]{{1,30}}\s){{0,3}}(?i:correspondent|reporter|editor|writer"
        rf"|columnist|contributor|photographer|корреспондент|редактор|обозреватель|журналист"
        rf"|фотограф|колумнист)\w{{0,3}}\.?$"
    ),
)
# Writers and where each wrote from, correspondents' byline without its "By": "Samuel
# Achterberg in Leeds and Priya Ranganathan in London" (two of them at least: "Jane Doe
# in Washington" alone may be a headline in Title Case).
_PLACED = rf"{_NAME}\s+in\s+{_NAME_WORD}(?:\s{_NAME_WORD}){{0,2}}"
_PLACED_RE = re.compile(rf"^(?P<names>{_PLACED}(?:(?:,\s|\s(?:and|&)\s){_PLACED}){{1,4}})$")
_PLACE_RE = re.compile(r"\s+in\s+.*$")
# A line that is only a name: a byline printed on its own (before or after the text).
NAME_LINE_RE = re.compile(rf"^{_NAME}$")
# A line of names only: the signature under a story ("Алина Шерстнёва, Денис Ухов").
NAMES_LINE_RE = re.compile(rf"^{_NAMES}$")
_NAME_SPLIT_RE = re.compile(r",\s|\s(?:and|и)\s|\s&\s")


# Words of a job title that follow a name on a dateline: "Greg Thorne Senior Reporter".
_ROLES = (
    "senior chief staff reporter correspondent editor writer columnist contributor"
    " photographer political education business sports science health local"
    " корреспондент редактор обозреватель журналист фотограф"
)
_ROLE_WORDS = frozenset(_ROLES.split())
# A writer's job, the last word of a title after a writer's name: "…, Culture Editor".
_JOBS = (
    "reporter correspondent editor writer columnist contributor photographer"
    " корреспондент редактор обозреватель журналист фотограф"
)
_JOB_WORDS = frozenset(_JOBS.split())
_LEADING_NAMES_RE = re.compile(rf"^{_NAMES}(?=$|[\s,|·•—–(-])")
_NOT_NAME_WORDS = "updated published posted опубликовано обновлено сегодня вчера today yesterday"
_NOT_NAMES = frozenset(_NOT_NAME_WORDS.split())
_MONTH_RE = re.compile(_MONTH, re.IGNORECASE)


def find_authors(text: str, *, dateline: bool = False) -> list[str]:
    """The names a byline gives (``By Jane Smith and Tom Hardy``), or []. On a dateline
    (a line with a date) a name that opens it is taken too: "Anna Petrova 12 May 2023"."""
    head = text[:HEAD_CHARS]
    for pattern in BYLINE_RES:
        match = pattern.search(head)
        if match:
            return _people(match.group("names"))
    if " in " in head and (match := _PLACED_RE.match(head)):
        return [_PLACE_RE.sub("", name) for name in _NAME_SPLIT_RE.split(match.group("names"))]
    if dateline and (match := _LEADING_NAMES_RE.match(head)):
        names: list[str] = []
        for name in _NAME_SPLIT_RE.split(match.group("names")):
            words = name.split()
            while words and (
                words[-1].casefold().rstrip(".") in _ROLE_WORDS or _MONTH_RE.fullmatch(words[-1])
            ):
                words.pop()  # "... Senior Reporter", "... Correspondent March 3, 2024"
            if not words and names:
                continue  # "Sarah Okafor, Education Correspondent": a job title
            if len(words) < 2 or any(
                w.casefold() in _NOT_NAMES or _MONTH_RE.fullmatch(w) for w in words
            ):
                return []
            names.append(" ".join(words))
        return names
    return []


def _people(names: str) -> list[str]:
    """The names of a byline's list, without the job title that follows them, after a
    comma or not ("By Eleanor Whitcombe, Health Editor", "By Sarah Quill Chief Reporter")."""
    people: list[str] = []
    for name in _NAME_SPLIT_RE.split(names):
        words = name.split()
        while len(words) > 2 and (
            words[-1].casefold() in _ROLE_WORDS or words[-1].casefold() in _NOT_NAMES
        ):
            words.pop()  # "… Chief Reporter", "by Pippa Hollis Updated on 5th June 2024"
        if people and words[-1].casefold() in _JOB_WORDS:
            continue  # "…, Culture Editor": what the writer before it does
        people.append(_once(" ".join(words)))
    return people


def _once(name: str) -> str:
    """A name printed twice in a row ("Harriet Keane Harriet Keane": a photo's alt text
    and the name under it), once."""
    words = name.split()
    half = len(words) // 2
    if len(words) % 2 == 0 and half and words[:half] == words[half:]:
        return " ".join(words[:half])
    return name


def labelled_byline(text: str) -> list[str]:
    """The names of a byline that opens with its label ("By …", "Текст: …"), or []."""
    head = text[:HEAD_CHARS]
    for pattern in BYLINE_RES[:2]:
        if match := pattern.search(head):
            return _people(match.group("names"))
    return []


_A_MONTH = _MONTH.replace("(?P<month>", "(?:")
_A_TIME = re.sub(r"\(\?P<\w+>", "(?:", _TIME)
# A date the page labels as its own but gives without a year ("Published: 13th June"): a
# dateline, though no date can be read from it.
_LABELLED_DATE_RE = re.compile(
    rf"^(?:published|updated|last\s+updated|posted|опубликовано|обновлено)\s?:?\s(?:on\s)?"
    rf"(?:\d{{1,2}}(?:st|nd|rd|th)?\s{_A_MONTH}|{_A_MONTH}\s\d{{1,2}}(?:st|nd|rd|th)?)"
    rf"(?:,?\s(?:at\s)?{_A_TIME})?$",
    re.IGNORECASE,
)


def meta(block: Block) -> tuple[list[str], str | None] | None:
    """The names and date of a byline or dateline block, or None when it is not one."""
    if block.meta is UNREAD:
        block.meta = None
        if len(block.words) <= 30:
            date = find_date(block.text)
            names = find_authors(block.text, dateline=date is not None)
            if date and not names and _dated_headline(block.text[: date[1]]):
                date = None
            if _PROFILE_RE.match(block.text):
                names, date = [], None  # when a forum's member joined, not when they wrote
            if names or date:
                block.meta = (names, date[0] if date else None)
            elif _LABELLED_DATE_RE.match(block.text):
                block.meta = ([], None)
    return cast("tuple[list[str], str | None] | None", block.meta)


_DATELINE_WORDS_RE = re.compile(
    r"(?<!\w)(?:updated|published|posted|last|date|обновлено|опубликовано|дата|изменено)(?!\w)",
    re.IGNORECASE,
)


_PROFILE_RE = re.compile(
    r"^(?:зарегистрирован(?:а|\(а\))?|регистрация|на\s+форуме\s+с|registered|joined"
    r"|member\s+since)\b",
    re.IGNORECASE,
)


def _dated_headline(before: str) -> bool:
    """Whether the words before a line's date make it a sentence with a date in it ("Will
    the tram be ready for the festival on 12 May 2024?"), not a dateline."""
    return len(before.split()) >= 4 and not _DATELINE_WORDS_RE.search(before)
