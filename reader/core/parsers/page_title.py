"""The headline, byline and date of a whole page's article: in the few blocks above its
first paragraph (the header), or just inside the prose, after a standfirst or below a box
of the site's own.
"""

from __future__ import annotations

from typing import cast

from reader.core.parsers import page_furniture as pf
from reader.core.parsers.page_blocks import UNREAD, Block
from reader.core.parsers.page_bylines import find_authors, find_date
from reader.core.parsers.page_kinds import LINKED, all_widgets, is_menu_line, is_nav_line

_HEADER_BLOCKS = 12
_STANDFIRST_WORDS = 60
# A headline inside the prose is this long, and above this share of the prose's words.
_HEADLINE_WORDS = (6, 25)
_HEADLINE_DEPTH = 0.4


def find_header(
    blocks: list[Block], start: int, end: int, body_indent: int
) -> tuple[list[int], int, int | None]:
    """The header's blocks, where the article's text starts and which block is the
    headline (None when there is none), for the article found at ``start``..``end``."""
    zone = _header_zone(blocks, start)
    if not any(meta(blocks[index]) for index in zone):
        # No byline above the prose: it may be inside, after a standfirst, or after a box
        # of other prose (an appeal, a teaser) that the page puts above the headline.
        anchor = _inner_byline(blocks, start, end)
        headline = _inner_headline(blocks, start, end) if anchor is None else None
        if anchor is not None:
            zone = _header_zone(blocks, anchor, lead=True)
            start = anchor
        elif headline is not None:
            zone, start = [headline], headline + 1
    return zone, start, _pick_title(blocks, zone, body_indent)


def _inner_byline(blocks: list[Block], start: int, end: int) -> int | None:
    """The first byline or dateline among the first few blocks of the prose, if any."""
    good = 0
    for index in range(start, end + 1):
        block = blocks[index]
        if block.kind == "good":
            good += 1
            if good > 2:
                return None
        elif block.kind in ("short", "furniture") and meta(block) is not None:
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
        below_byline = bool(zone) and all(meta(blocks[i]) for i in zone)
        if (lead or below_byline) and block.kind == "good":
            if len(block.words) > _STANDFIRST_WORDS:
                break
            zone.append(index)  # the standfirst, between the headline and the byline
            lead = False
            continue
        if meta(block) is not None:
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


def meta(block: Block) -> tuple[list[str], str | None] | None:
    """The names and date of a byline or dateline block, or None when it is not one."""
    if block.meta is UNREAD:
        block.meta = None
        if len(block.words) <= 30:
            date = find_date(block.text)
            names = find_authors(block.text, dateline=date is not None)
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
        if meta(block) is not None:
            continue
        score = -0.5 * rank
        following = [blocks[after] for after in zone[rank + 1 : rank + 3]]
        if following and (
            meta(following[0]) is not None
            or (len(following) > 1 and len(following[0].words) >= 8 and meta(following[1]))
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
