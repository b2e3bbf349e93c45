"""Whole news pages dumped to text (``w3m -dump``, ``lynx -dump``, a browser's "Save as
Text", a select-all and paste): the article is kept, the page around it dropped.

``page_blocks`` cuts the dump into blocks, ``page_kinds`` says what each block is and
which run of them is the article; here the headline, byline and date are found in the
few blocks just above that run (or just inside it, after a standfirst), and the article's
paragraphs, subheadings, lists and quotes become its Markdown body.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import cast

from reader.core.article import WORD_RE, Article, make_lead
from reader.core.parsers import page_furniture as pf
from reader.core.parsers.common import escape_markdown
from reader.core.parsers.page_blocks import UNREAD, Block, Page, read_page
from reader.core.parsers.page_kinds import (
    LINKED,
    all_widgets,
    article_span,
    classify,
    is_menu_line,
    is_nav_line,
)

# ---------------------------------------------------------------------------------------
# Headline, byline and date: in the few blocks above the article

_HEADER_BLOCKS = 12
_STANDFIRST_WORDS = 60
# A headline inside the prose is this long, and above this share of the prose's words.
_HEADLINE_WORDS = (6, 25)
_HEADLINE_DEPTH = 0.4


@dataclass
class Extracted:
    title: str | None
    authors: list[str]
    published: str | None
    body: list[tuple[str, str]]  # (kind, text): p, h, li, quote


def extract(page: Page) -> Extracted | None:
    classify(page)
    span = article_span(page)
    if span is None:
        return None
    start, end = span
    blocks = page.blocks
    body_indent = _body_indent(blocks[start : end + 1])

    zone = _header_zone(blocks, start)
    if not any(_meta(blocks[index]) for index in zone):
        # No byline above the prose: it may be inside, after a standfirst, or after a box
        # of other prose (an appeal, a teaser) that the page puts above the headline.
        anchor = _inner_byline(blocks, start, end)
        headline = _inner_headline(blocks, start, end) if anchor is None else None
        if anchor is not None:
            zone = _header_zone(blocks, anchor, lead=True)
            start = anchor
        elif headline is not None:
            zone, start = [headline], headline + 1
    title_index = _pick_title(blocks, zone, body_indent)
    authors: list[str] = []
    published: str | None = None
    lead: list[tuple[str, str]] = []
    for index in zone:
        block = blocks[index]
        if index == title_index:
            continue
        found = _meta(block)
        if found is not None:
            names, date = found
            authors = authors or names
            published = published or date
            continue
        if (
            title_index is not None
            and index > title_index
            and block.kind in ("short", "good")
            and len(block.words) >= 5
            and block.link_density < 0.5
        ):
            lead.append(("p", block.text))

    # A byline or dateline may follow the standfirst, inside the run of prose.
    good_seen = 0
    for block in blocks[start : end + 1]:
        if block.kind == "good":
            good_seen += 1
            if good_seen > 2:
                break
            continue
        found = _meta(block) if block.kind in ("short", "furniture") else None
        if found is not None:
            block.kind = "meta"
            authors = authors or found[0]
            published = published or found[1]

    if not authors:
        authors = _trailing_name(blocks, end)
    _drop_author_note(blocks, start, end, authors)
    body = lead + _body(blocks, start, end, body_indent)
    title = blocks[title_index].text if title_index is not None else None
    return Extracted(title, authors, published, body)


def _body_indent(blocks: list[Block]) -> int:
    counts: dict[int, int] = {}
    for block in blocks:
        if block.kind == "good" and block.bullet is None:
            counts[block.indent] = counts.get(block.indent, 0) + len(block.words)
    return max(counts, key=counts.__getitem__) if counts else 0


def _inner_byline(blocks: list[Block], start: int, end: int) -> int | None:
    """The first byline or dateline among the first few blocks of the prose, if any."""
    good = 0
    for index in range(start, end + 1):
        block = blocks[index]
        if block.kind == "good":
            good += 1
            if good > 2:
                return None
        elif block.kind in ("short", "furniture") and _meta(block) is not None:
            return index
    return None


def _inner_headline(blocks: list[Block], start: int, end: int) -> int | None:
    """A headline inside the run of prose, below a box of the page's own (a blurb about
    the site and a list of its news): a long heading after lists or furniture, followed
    by prose, before most of the prose. None when there is no such line."""
    total = sum(len(b.words) for b in blocks[start : end + 1] if b.kind == "good")
    seen = 0
    structure = False
    for index in range(start, end):
        block, following = blocks[index], blocks[index + 1]
        if block.kind == "good":
            seen += len(block.words)
            if seen > total * _HEADLINE_DEPTH:
                return None
        elif block.kind != "short" or block.bullet is not None:
            structure = True
        elif (
            structure
            and _HEADLINE_WORDS[0] <= len(block.words) <= _HEADLINE_WORDS[1]
            and not block.ends_clause
            and block.blank_before
            and block.link_density < LINKED
            and following.kind == "good"
            and following.blank_before
        ):
            return index
    return None


def _header_zone(blocks: list[Block], start: int, *, lead: bool = False) -> list[int]:
    """The blocks between the page's menus and the article's first paragraph, in order;
    with ``lead``, the first paragraph of prose above ``start`` is a standfirst."""
    zone: list[int] = []
    for index in range(start - 1, max(-1, start - 1 - _HEADER_BLOCKS), -1):
        block = blocks[index]
        below_byline = bool(zone) and all(_meta(blocks[i]) for i in zone)
        if (lead or below_byline) and block.kind == "good":
            if len(block.words) > _STANDFIRST_WORDS:
                break
            zone.append(index)  # the standfirst, between the headline and the byline
            lead = False
            continue
        if _meta(block) is not None:
            zone.append(index)
            continue
        if block.kind == "furniture":
            head = block.text[: pf.HEAD_CHARS]
            widgets = all_widgets(head)
            if (widgets and pf.ACCOUNT_RE.search(head)) or (
                not widgets and (is_nav_line(head, len(block.words)) or is_menu_line(block))
            ):
                break  # the site's own bar or menu: the headline is below it
            continue
        if block.kind in ("good", "item", "section", "stop") or block.bullet is not None:
            break
        if block.link_density >= 0.5 or pf.NAV_SEPARATOR_RE.search(block.text):
            break
        zone.append(index)
    return zone[::-1]


def _meta(block: Block) -> tuple[list[str], str | None] | None:
    """The names and date of a byline or dateline block, or None when it is not one."""
    if block.meta is UNREAD:
        block.meta = None
        if len(block.words) <= 30:
            date = pf.find_date(block.text)
            names = pf.find_authors(block.text, dateline=date is not None)
            if names or date:
                block.meta = (names, date[0] if date else None)
    return cast("tuple[list[str], str | None] | None", block.meta)


def _pick_title(blocks: list[Block], zone: list[int], body_indent: int) -> int | None:
    best, best_score = None, -99.0
    for rank, index in enumerate(zone):
        block = blocks[index]
        n = len(block.words)
        if block.kind not in ("short", "good") or not 2 <= n <= 30 or len(block.lines) > 4:
            continue
        if _meta(block) is not None:
            continue
        score = -0.5 * rank
        following = [blocks[after] for after in zone[rank + 1 : rank + 3]]
        if following and (
            _meta(following[0]) is not None
            or (len(following) > 1 and len(following[0].words) >= 8 and _meta(following[1]))
        ):
            score += 1.5  # the byline or the date follows the headline (or its standfirst)
        if block.indent != body_indent and block.bullet is None:
            score += 2
        if n <= 2:
            score -= 3
        elif n == 3:
            score -= 1
        if block.text.endswith("."):
            score -= 2
        if block.link_density >= 0.5:
            score -= 3
        if score > best_score:
            best, best_score = index, score
    return best


def _body(blocks: list[Block], start: int, end: int, indent: int) -> list[tuple[str, str]]:
    body: list[tuple[str, str]] = []
    for index in range(start, end + 1):
        block = blocks[index]
        following = blocks[index + 1] if index < end else None
        if block.kind == "good":
            if block.bullet is not None:
                body.append(("li", block.text))
            elif block.indent >= indent + 2:
                body.append(("quote", block.text))
            else:
                body.append(("p", block.text))
        elif block.kind == "item":
            if block.link_density < 0.5:
                body.append(("li", block.text))
        elif block.kind == "short" and block.link_density < 0.5:
            n = len(block.words)
            if (
                n <= 15
                and not block.text.endswith(".")
                and following is not None
                and (following.kind in ("good", "item") or _short_paragraph(following))
                and following.blank_before  # a heading stands apart (a picture's alt text not)
                and (block.blank_before or block.indent != indent)
            ):
                body.append(("h", block.text))
            elif _short_paragraph(block) or pf.CAPTION_RE.search(block.text[: pf.HEAD_CHARS]):
                body.append(("p", block.text))
    return body


_NOTE_VERBS = (" is ", " covers ", " writes ", " reports ", " was ", " has ", " — ", " – ", " - ")


def _drop_author_note(blocks: list[Block], start: int, end: int, authors: list[str]) -> None:
    """A note about the author at the end of the text ("Jane Doe covers City Hall for ...")."""
    for block in blocks[max(start, end - 1) : end + 1]:
        head = block.text[:120]
        for name in authors:
            if head.startswith(name) and any(
                verb in head[len(name) : len(name) + 12] for verb in _NOTE_VERBS
            ):
                block.kind = "furniture"


def _short_paragraph(block: Block) -> bool:
    """A sentence too short to weigh as prose: "Main changes are:", "Nobody knew why."."""
    return (
        block.kind == "short"
        and len(block.words) >= 3
        and block.ends_clause
        and (block.stop_ratio > 0 or block.text.endswith(":"))
        and block.link_density < LINKED
    )


def _trailing_name(blocks: list[Block], end: int) -> list[str]:
    """A byline printed after the text: a name alone on its line."""
    for block in blocks[end + 1 : end + 2]:
        if (
            block.kind == "short"
            and 2 <= len(block.words) <= 3
            and pf.NAME_LINE_RE.match(block.text)
        ):
            return [block.text]
    return []


def parse_fullpage(text: str) -> Article | None:
    """The article of a whole page's dump, or None when no stretch of it reads as one."""
    return article_of(read_page(text))


def article_of(page: Page) -> Article | None:
    found = extract(page)
    if found is None or not found.body:
        return None
    found.body = _once(found.body)
    parts = []
    for kind, content in found.body:
        escaped = escape_markdown(content)
        if kind == "h":
            parts.append("## " + escaped)
        elif kind == "li":
            parts.append("- " + escaped)
        elif kind == "quote":
            parts.append("> " + escaped)
        else:
            parts.append(escaped)
    body = _join(parts, found.body)
    plain = "\n\n".join(content for kind, content in found.body if kind == "p")
    return Article(
        title=found.title or _title_from(found.body),
        body=body,
        authors=found.authors,
        published=found.published,
        source=page.source,
        lead=make_lead(plain),
        format="webdump",
    )


# How long a paragraph must be before a repeat of it counts as the page's second copy.
_MIN_REPEATED_CHARS = 60


def _once(body: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Each paragraph once: some pages print the text twice (as lines, then paragraphs)."""
    seen: set[tuple[str, ...]] = set()
    kept = []
    for kind, content in body:
        key = tuple(WORD_RE.findall(content.casefold()))
        if len(content) >= _MIN_REPEATED_CHARS and key in seen:
            continue
        seen.add(key)
        kept.append((kind, content))
    return kept


def _join(parts: list[str], kinds: list[tuple[str, str]]) -> str:
    """Markdown blocks, a list's items on consecutive lines."""
    out = ""
    for index, part in enumerate(parts):
        if index:
            tight = kinds[index][0] == "li" and kinds[index - 1][0] == "li"
            out += "\n" if tight else "\n\n"
        out += part
    return out


def _title_from(body: list[tuple[str, str]], limit: int = 90) -> str:
    text = body[0][1]
    sentence = re.split(r"(?<=[.!?…])\s", text, maxsplit=1)[0]
    if len(sentence) <= limit:
        return sentence
    return sentence[:limit].rsplit(" ", 1)[0] + "…"


# A whole page has menus: at least this many short lines (an article's dump has a few).
_MIN_SHORT_LINES = 8
_SHORT_LINE = 40


def may_be_full_page(text: str) -> bool:
    """A quick look before the real one: enough short lines to hold a page's menus."""
    short = 0
    for line in text.splitlines():
        stripped = line.strip()
        if stripped and len(stripped) < _SHORT_LINE:
            short += 1
            if short >= _MIN_SHORT_LINES:
                return True
    return False


def looks_like_full_page(page: Page, known: Callable[[str], bool] | None = None) -> bool:
    """Whether a dump holds a whole page (menus, prompts, lists of links) and not only an
    article with a few widgets. ``known`` marks blocks that a plain article dump has too."""
    classify(page)
    signals = menu = 0
    for block in page.blocks:
        if not block.words or (known is not None and known(block.text)):
            continue
        if block.kind in ("furniture", "section", "stop"):
            signals += 1
        elif block.kind == "item" and len(block.words) <= 4 and not block.ends_clause:
            menu += 1
    if page.references >= 3:
        return signals + menu >= 2
    return signals >= 3 or (signals >= 2 and menu >= 4)
