"""Web pages dumped to text: the page's words, one block element a line, site furniture
included (a text-size widget, a view counter, the site's domain), and often the body twice
(once as consecutive lines, once as blank-line-separated paragraphs).

The furniture becomes metadata or is dropped; the body keeps each paragraph once, in order.
A dump of a whole page (menus, prompts, lists of links, comments, footer) is handed to
``fullpage``, which finds the article in it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from reader.core.article import WORD_RE, Article, make_lead
from reader.core.parsers import fullpage
from reader.core.parsers.common import (
    clean_inline,
    escape_markdown,
    parse_numeric_datetime,
    split_lines,
)
from reader.core.parsers.page_blocks import LINK_MARK_RE

_DASH = r"[-−–—]"
# "\s*+" (possessive) where two runs of spaces meet: "\s*:?\s*" tries every way to share a
# long run between the two, quadratic on a long line of spaces.
TEXT_SIZE_RE = re.compile(
    rf"^(?:размер\s+(?:текста|шрифта)|шрифт|текст|text\s+size|font\s+size|font|zoom)\s*+:?\s*+"
    rf"(?:{_DASH}|a-|а-)\s*+(?:o|о|0|a|а|\d{{2,3}}\s*+%)?\s*+(?:\+|a\+|а\+)$",
    re.IGNORECASE,
)
VIEWS_RE = re.compile(
    r"^(?:показы|показов|просмотры|просмотров|просмотр[аы]?|прочтени[йя]|views|view\s+count)"
    r"\s*+:?\s*+(\d[\d\s\u00a0\u202f]*)$",
    re.IGNORECASE,
)
SOURCE_RE = re.compile(r"^(?:источник|source)\s*:\s*(.+)$", re.IGNORECASE)
AUTHOR_LABEL_RE = re.compile(r"^(?:автор|авторы|author|authors|by)\s*:\s*(.+)$", re.IGNORECASE)
DATE_LABEL_RE = re.compile(
    r"^(?:дата(?:\s+публикации)?|опубликовано|published|date)\s*:\s*(.+)$", re.IGNORECASE
)
_DATE = r"\d{1,2}[-./]\d{1,2}[-./]\d{4}|\d{4}-\d{1,2}-\d{1,2}"
_TIME = r"\d{1,2}:\d{2}(?::\d{2})?"
DATETIME_RE = re.compile(rf"^(?P<date>{_DATE})(?:[\sT,]+(?P<time>{_TIME}))?$")
BYLINE_RE = re.compile(
    # The separators bounded and possessive: on a long line of them, each length of the
    # name tried would otherwise run to the line's end.
    rf"^(?P<author>[^\d\s][^\d:;!?]{{1,80}}?)[\s,|·•/—–-]{{1,40}}+(?P<date>{_DATE})"
    rf"(?:[\sT,]+(?P<time>{_TIME}))?$"
)
_HOST = r"(?:[a-z0-9а-я](?:[a-z0-9а-я-]{0,61}[a-z0-9а-я])?\.)+(?:[a-z]{2,24}|рф|xn--[a-z0-9-]+)"
DOMAIN_RE = re.compile(rf"^(?:https?://)?(?:www\.)?(?P<host>{_HOST})/?$", re.IGNORECASE)
URL_RE = re.compile(rf"^(?P<url>https?://(?:www\.)?(?P<host>{_HOST})/\S+)$", re.IGNORECASE)

# How long a stretch of text must be before a repeat of it counts as the dump's copy.
_MIN_REPEATED_CHARS = 60


@dataclass
class _Scan:
    views: int | None = None
    source: str | None = None
    url: str | None = None
    authors: list[str] = field(default_factory=list)
    published: str | None = None
    furniture: int = 0
    lines: list[str] = field(default_factory=list)  # content lines, "" for blank


def looks_like_webdump(text: str) -> bool:
    """True when the text carries the furniture or the doubled body of a page dump."""
    return _is_webdump(_scan(split_lines(text))) or _full_page(text) is not None


def parse_webdump(text: str) -> Article:
    scan = _scan(split_lines(text))
    return _full_page(text, scan) or _build(scan)


def parse_if_webdump(text: str) -> Article | None:
    """The article when ``text`` is a page dump, else None."""
    scan = _scan(split_lines(text))
    full = _full_page(text, scan)
    if full is not None:
        return full
    return _build(scan) if _is_webdump(scan) else None


def _full_page(text: str, scan: _Scan | None = None) -> Article | None:
    """The article of a whole page's dump; None when ``text`` is not one (or holds none)."""
    if not fullpage.may_be_full_page(text):
        return None
    page = fullpage.read_page(text)
    if not fullpage.looks_like_full_page(page, known=_is_article_dump_furniture):
        return None
    article = fullpage.article_of(page)
    if article is None:
        return None
    scan = scan or _scan(split_lines(text))
    # What the article dump's own furniture says fills what the page did not.
    # (lynx numbers a linked name in a label line too: "Авторы: [14]Ольга Смирнова")
    names = article.authors or [LINK_MARK_RE.sub("", a).strip() for a in scan.authors]
    article.authors = [name for name in names if name]
    article.published = article.published or scan.published
    article.source = article.source or scan.source
    article.url = article.url or scan.url
    article.views = scan.views
    return article


def _is_article_dump_furniture(line: str) -> bool:
    """A line that a dump of only the article has too (and the scan reads as metadata)."""
    return bool(
        TEXT_SIZE_RE.match(line)
        or VIEWS_RE.match(line)
        or SOURCE_RE.match(line)
        or AUTHOR_LABEL_RE.match(line)
        or DATE_LABEL_RE.match(line)
        or DOMAIN_RE.match(line)
        or URL_RE.match(line)
    )


def _is_webdump(scan: _Scan) -> bool:
    if scan.furniture:
        return True
    content = [line for line in scan.lines if line]
    if any(BYLINE_RE.match(line) for line in content[1:4]):
        return True
    return _split_repeat(content[1:]) is not None


def _build(scan: _Scan) -> Article:
    content = [line for line in scan.lines if line]
    if not content:
        from reader.core.errors import ImportFailure

        raise ImportFailure("the page dump holds no article text, only site furniture")

    title, rest = content[0], content[1:]
    authors, published = list(scan.authors), scan.published
    if BYLINE_RE.match(title) or DATETIME_RE.match(title):
        # No headline line: the byline comes first; take the title from the text.
        rest, title = content, ""
    header_end = 0
    for index, line in enumerate(rest[:3]):
        byline = BYLINE_RE.match(line)
        dated = DATETIME_RE.match(line)
        if byline and _plausible_name(byline.group("author")):
            authors = authors or _split_authors(byline.group("author"))
            published = published or parse_numeric_datetime(
                byline.group("date"), byline.group("time")
            )
            header_end = index + 1
            break
        if dated:
            published = published or parse_numeric_datetime(
                dated.group("date"), dated.group("time")
            )
            header_end = index + 1
            break
    body = _deduplicate(rest[header_end:])
    if not title:
        title = _title_from_text(body[0]) if body else "Untitled"

    body_text = "\n\n".join(body)
    return Article(
        title=title,
        body="\n\n".join(escape_markdown(p) for p in body),
        authors=authors,
        published=published,
        source=scan.source,
        url=scan.url,
        views=scan.views,
        lead=make_lead(body_text),
        format="webdump",
    )


def _scan(lines: list[str]) -> _Scan:
    scan = _Scan()
    for raw in lines:
        line = clean_inline(raw)
        if not line:
            scan.lines.append("")
            continue
        if TEXT_SIZE_RE.match(line):
            scan.furniture += 1
            continue
        if match := VIEWS_RE.match(line):
            scan.views = int(re.sub(r"\D", "", match.group(1)))
            scan.furniture += 1
            continue
        if match := SOURCE_RE.match(line):
            _take_source(scan, match.group(1).strip())
            scan.furniture += 1
            continue
        if (match := AUTHOR_LABEL_RE.match(line)) and len(line) < 120:
            scan.authors = _split_authors(match.group(1))
            scan.furniture += 1
            continue
        if (match := DATE_LABEL_RE.match(line)) and (dated := DATETIME_RE.match(match.group(1))):
            scan.published = parse_numeric_datetime(dated.group("date"), dated.group("time"))
            scan.furniture += 1
            continue
        if DOMAIN_RE.match(line) or URL_RE.match(line):
            _take_source(scan, line)
            scan.furniture += 1
            continue
        scan.lines.append(line)
    return scan


def _take_source(scan: _Scan, value: str) -> None:
    url = URL_RE.match(value)
    domain = DOMAIN_RE.match(value)
    if url:
        scan.url = scan.url or url.group("url")
        scan.source = scan.source or url.group("host").lower()
    elif domain:
        scan.source = scan.source or domain.group("host").lower()
    else:
        scan.source = scan.source or value


def _plausible_name(text: str) -> bool:
    words = text.split()
    return 1 <= len(words) <= 6 and not text.rstrip().endswith((".", ","))


def _split_authors(text: str) -> list[str]:
    parts = re.split(r"\s*(?:,|;|\s+и\s+|\s+and\s+|&)\s*", text.strip())
    return [part.strip() for part in parts if part.strip()]


def _words(line: str) -> list[str]:
    return WORD_RE.findall(line.casefold())


def _split_repeat(lines: list[str]) -> int | None:
    """Where the second copy of a doubled body starts, or None when it is not doubled.

    The two copies must hold the same words in the same order; how each copy breaks them
    into lines may differ.
    """
    words = [_words(line) for line in lines]
    total = sum(len(w) for w in words)
    if total < 2 or total % 2:
        return None
    half, seen = total // 2, 0
    for index, line_words in enumerate(words):
        seen += len(line_words)
        if seen == half:
            first = [w for ws in words[: index + 1] for w in ws]
            second = [w for ws in words[index + 1 :] for w in ws]
            if (
                first == second
                and sum(len(line) for line in lines[: index + 1]) >= _MIN_REPEATED_CHARS
            ):
                return index + 1
            return None
        if seen > half:
            return None
    return None


def _deduplicate(lines: list[str]) -> list[str]:
    """Each paragraph once, in order: one line of a dump is one paragraph."""
    split = _split_repeat(lines)
    if split is not None:
        first, second = lines[:split], lines[split:]
        # Keep the copy that breaks the text into more paragraphs.
        return second if len(second) > len(first) else first
    kept: list[str] = []
    seen: set[tuple[str, ...]] = set()
    for line in lines:
        key = tuple(_words(line))
        if len(line) >= _MIN_REPEATED_CHARS and key in seen:
            continue
        seen.add(key)
        kept.append(line)
    return kept


def _title_from_text(text: str, limit: int = 90) -> str:
    sentence = re.split(r"(?<=[.!?…])\s", text, maxsplit=1)[0]
    if len(sentence) <= limit:
        return sentence
    return sentence[:limit].rsplit(" ", 1)[0] + "…"
