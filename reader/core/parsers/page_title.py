"""The headline, byline and date of a whole page's article: in the few blocks above its
first paragraph (the header), or just inside the prose, after a standfirst or below a box
of the site's own.
"""

from __future__ import annotations

import re
from functools import cached_property
from typing import cast

from reader.core.parsers import page_furniture as pf
from reader.core.parsers.page_blocks import STOPWORDS, UNREAD, Block
from reader.core.parsers.page_bylines import find_authors, find_date
from reader.core.parsers.page_kinds import (
    LINKED,
    all_widgets,
    is_breadcrumb,
    is_menu_line,
    is_nav_line,
)

# The header holds this many blocks at most, furniture (share buttons, counters) aside,
# and is looked for this far above the text.
_HEADER_BLOCKS = 12
_HEADER_REACH = 40
_STANDFIRST_WORDS = 60
# A headline inside the prose is this long, and above this share of the prose's words.
_HEADLINE_WORDS = (6, 25)
_HEADLINE_DEPTH = 0.4


def find_header(
    blocks: list[Block], start: int, end: int, body_indent: int
) -> tuple[list[int], int, int | None]:
    """The header's blocks, where the article's text starts and which block is the
    headline (None when there is none), for the article found at ``start``..``end``."""
    context = _Context(blocks, start, end, body_indent)
    zone = _header_zone(blocks, start, body_indent)
    title: int | None = None
    anchor = _inner_byline(blocks, start, end)
    if anchor is not None and any(meta(blocks[index]) for index in zone):
        # A byline among the first paragraphs, under a header that has one too: the
        # header that holds the likelier headline is the article's (a box of the site's
        # own prose, an appeal, may stand between the page's header and the article's).
        inner = [*_header_zone(blocks, anchor, body_indent, lead=True), anchor]
        ours, theirs = _best_line(blocks, inner, context), _best_line(blocks, zone, context)
        if ours is not None and (theirs is None or ours[1] > theirs[1]):
            zone, start, title = inner, anchor, ours[0]
    elif (
        not any(meta(blocks[index]) for index in zone) or _pick_title(blocks, zone, context) is None
    ):
        # No byline above the prose: it may be inside, after a standfirst, or after a box
        # of other prose (an appeal, a teaser) that the page puts above the headline.
        headline = _inner_headline(blocks, start, end) if anchor is None else None
        if anchor is not None:
            zone = _header_zone(blocks, anchor, body_indent, lead=True)
            start = anchor
        elif headline is not None:
            return [headline], headline + 1, headline
        else:
            title = _pick_title(blocks, zone, context)
            if title is None:
                # A standfirst short enough to stand apart from the text (the share
                # buttons between them) may be all there is under the headline.
                above = _header_zone(blocks, start, body_indent, lead=True)
                title = _pick_title(blocks, above, context)
                if title is not None and _shape(blocks[title], body_indent) >= -1:
                    return above, start, title
                title = None
    if title is None:
        title = _pick_title(blocks, zone, context)
    weak = title is None or _shape(blocks[title], body_indent) < -1
    if weak and start < end and _opens_as_headline(blocks[start], blocks[start + 1]):
        # A headline long enough to weigh as prose opens the run itself (above it, at
        # most a kicker or a scrap of the page).
        return [*zone, start], start + 1, start
    return zone, start, title


def _opens_as_headline(block: Block, following: Block) -> bool:
    return following.blank_before and _headline_shaped(block)


def _headline_shaped(block: Block) -> bool:
    """A block that prose could be mistaken for, shaped as a headline: standing apart, a
    line or three, not ending as a sentence does (but perhaps as a question)."""
    return (
        block.bullet is None
        and block.blank_before
        and 4 <= len(block.words) <= 30
        and not is_breadcrumb(block.text)
        and len(block.lines) <= 3
        and not block.text.rstrip(_CLOSERS).endswith((".", ",", ";", ":", "…"))
    )


_CLOSERS = "\"'»”’)]"


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


def _header_zone(
    blocks: list[Block], start: int, body_indent: int, *, lead: bool = False
) -> list[int]:
    """The blocks between the page's menus and the article's first paragraph, in order;
    with ``lead``, the first paragraph of prose above ``start`` is a standfirst."""
    zone: list[int] = []
    for index in range(start - 1, max(-1, start - 1 - _HEADER_REACH), -1):
        if len(zone) >= _HEADER_BLOCKS:
            break
        block = blocks[index]
        below_byline = bool(zone) and all(_under_headline(blocks, i) for i in zone)
        if block.kind == "good" and _headline_shaped(block) and not is_breadcrumb(block.text):
            zone.append(index)  # a question, or a headline long enough to weigh as prose
            continue
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
                not widgets
                and (
                    is_nav_line(head, len(block.words))
                    or is_breadcrumb(head)
                    or is_menu_line(block)
                )
            ):
                break  # the site's own bar or menu: the headline is below it
            continue
        if is_breadcrumb(block.text):
            break
        if block.kind in ("good", "item", "section", "stop") or block.bullet is not None:
            break
        if block.link_density >= 0.5 or block.kind == "skipped":
            # A line of links ends the header (a menu, a teaser), unless it is the
            # headline itself as lynx prints a linked one (the first heading met), or a
            # button of a word or three under the headline ("Listen", "Прослушать новость").
            if (
                len(block.words) <= 3
                and block.bullet is None
                and all(_settled(blocks, i) for i in zone)
            ):
                continue
            headed = any(blocks[i].indent < body_indent and not meta(blocks[i]) for i in zone)
            if headed or not _linked_heading(block, body_indent):
                break
        zone.append(index)
    return zone[::-1]


def _settled(blocks: list[Block], index: int) -> bool:
    """A block that sits between the headline and the text: a byline, a date, a picture."""
    return meta(blocks[index]) is not None or _is_figure(blocks, index)


def _under_headline(blocks: list[Block], index: int) -> bool:
    """A block that may come between the headline's standfirst and the text: what
    ``_settled`` says, or a scrap of a word or two (a counter, a credit, an icon's name)."""
    return _settled(blocks, index) or len(blocks[index].words) <= 2


def _is_figure(blocks: list[Block], index: int) -> bool:
    block = blocks[index]
    return is_alt_text(blocks, index) or (
        len(block.words) <= 40 and bool(pf.CAPTION_RE.search(block.text[: pf.HEAD_CHARS]))
    )


def _linked_heading(block: Block, body_indent: int) -> bool:
    """A headline that is also a link, as lynx prints it: "[23]Ferry saved", at the left
    margin where lynx puts headings, left of the text's paragraphs."""
    return (
        block.kind in ("short", "skipped")
        and block.bullet is None
        and block.indent < body_indent
        and block.blank_before
        and len(block.words) >= 3
        and len(block.lines) <= 3
    )


def is_alt_text(blocks: list[Block], index: int) -> bool:
    """A picture's alternative text: a line run straight into its caption (which ends
    with a credit: "... Photo: Sam Hill")."""
    block = blocks[index]
    if index + 1 >= len(blocks) or block.ends_sentence or len(block.words) > 20:
        return False
    caption = blocks[index + 1]
    return not caption.blank_before and bool(pf.CAPTION_RE.search(caption.text[: pf.HEAD_CHARS]))


def meta(block: Block) -> tuple[list[str], str | None] | None:
    """The names and date of a byline or dateline block, or None when it is not one."""
    if block.meta is UNREAD:
        block.meta = None
        if len(block.words) <= 30:
            date = find_date(block.text)
            names = find_authors(block.text, dateline=date is not None)
            if date and not names and _dated_headline(block.text[: date[1]]):
                date = None
            if names or date:
                block.meta = (names, date[0] if date else None)
    return cast("tuple[list[str], str | None] | None", block.meta)


_DATELINE_WORDS_RE = re.compile(
    r"(?<!\w)(?:updated|published|posted|last|date|обновлено|опубликовано|дата|изменено)(?!\w)",
    re.IGNORECASE,
)


def _dated_headline(before: str) -> bool:
    """Whether the words before a line's date make it a sentence with a date in it ("Will
    the tram be ready for the festival on 12 May 2024?"), not a dateline."""
    return len(before.split()) >= 4 and not _DATELINE_WORDS_RE.search(before)


class _Context:
    """What the page says about its headline beyond the header: the text's margin (lynx
    indents paragraphs, not headings), the lines that repeat the headline, and the stems
    of the text's first words. The last two are read only when lines compete."""

    def __init__(self, blocks: list[Block], start: int, end: int, body_indent: int) -> None:
        self.body_indent = body_indent
        self._blocks, self._start, self._end = blocks, start, end

    @cached_property
    def echoes(self) -> list[str]:
        return headline_echoes(self._blocks)

    @cached_property
    def stems(self) -> frozenset[str]:
        stems: set[str] = set()
        words = 0
        for block in self._blocks[self._start : self._end + 1]:
            if block.kind == "good" and words < _TEXT_WORDS:
                stems.update(_stems(block))
                words += len(block.words)
        return frozenset(stems)


# The headline's words are the text's words: an ad's, a teaser's or a kicker's seldom are.
# Words are compared by their first letters, which Russian endings leave alone.
_TEXT_WORDS = 400
_STEM = 4


def _stems(block: Block) -> set[str]:
    """The beginnings of the block's words that say what it is about (no small words)."""
    return {
        word[:_STEM]
        for word in block.words
        if len(word) >= _STEM and not word.isdigit() and word not in _SMALL_WORDS
    }


_SMALL_WORDS = STOPWORDS["en"] | STOPWORDS["ru"]


def _unrelated(block: Block, context: _Context) -> bool:
    """Whether few of the block's words that say what it is about (two at least) are in
    the text."""
    stems = _stems(block)
    return len(stems) >= 2 and len(stems & context.stems) < _RELATED * len(stems)


_RELATED = 0.4


def _pick_title(blocks: list[Block], zone: list[int], context: _Context) -> int | None:
    """The headline among the header's blocks: the one shaped most like a headline, with
    what follows it (a byline, a date, a standfirst), what the page repeats of it, and
    whether the text speaks of what it names."""
    candidates = [i for i in zone if _candidate(blocks, i, context.body_indent)]
    if len(candidates) <= 1:
        return candidates[0] if candidates else None
    best = _best_line(blocks, zone, context)
    return best[0] if best else None


def _best_line(blocks: list[Block], zone: list[int], context: _Context) -> tuple[int, float] | None:
    """The likeliest headline of the header and how likely (see ``_pick_title``)."""
    # On a tie the earlier line wins: a standfirst comes under its headline.
    best, best_score = None, -99.0
    indent = context.body_indent
    candidates = [i for i in zone if _candidate(blocks, i, indent)]
    for place, index in enumerate(zone):
        if index not in candidates:
            continue
        block = blocks[index]
        score = _shape(block, indent)
        following = zone[place + 1 : place + 3]
        standfirst = _standfirst_under(blocks, zone, place, context)
        if following and meta(blocks[following[0]]) is not None:
            score += _byline_weight(blocks[following[0]])
        elif standfirst and len(following) == 2 and meta(blocks[following[1]]) is not None:
            score += _byline_weight(blocks[following[1]])
        elif not any(meta(blocks[i]) for i in zone[place + 1 :]) and (
            index == candidates[-1] or (standfirst and following[0] == candidates[-1])
        ):
            # No byline under it: the last line over the text, or over its standfirst.
            score += 1
        if index > 0 and pf.AD_LABEL_RE.match(blocks[index - 1].text):
            score -= 2  # the text of an ad, under its label
        if len(block.words) >= 3 and _echoed(block, context.echoes):
            score += 1.5
        if _unrelated(block, context):
            score -= 1.5
        if score > best_score:
            best, best_score = index, score
    return None if best is None else (best, best_score)


def _byline_weight(block: Block) -> float:
    """What a byline or a date right under a line says for it being the headline (a date
    may also head the page, above the headline; a writer's name seldom does)."""
    found = meta(block)
    return 2.0 if found and found[0] else 1.5


def _standfirst_under(blocks: list[Block], zone: list[int], place: int, context: _Context) -> bool:
    """Whether the line under the zone's ``place`` may be its standfirst: a line of
    words, under a line that does not close a run of lines the text speaks of (the
    headline over the standfirst, or a teaser over the headline: the headline is first)."""
    if place + 1 >= len(zone) or not _headline_sized(blocks, zone[place + 1], context):
        return False
    above = zone[max(0, place - 2) : place]
    related = [
        i
        for i in above
        if _headline_sized(blocks, i, context) and not _unrelated(blocks[i], context)
    ]
    return len(related) < 2


def _headline_sized(blocks: list[Block], index: int, context: _Context) -> bool:
    return _candidate(blocks, index, context.body_indent) and len(blocks[index].words) >= 4


def _candidate(blocks: list[Block], index: int, body_indent: int) -> bool:
    block = blocks[index]
    if block.kind not in ("short", "good", "skipped") or not 2 <= len(block.words) <= 30:
        return False
    if len(block.lines) > 4 or _settled(blocks, index):
        return False
    return block.kind != "skipped" or _linked_heading(block, body_indent)


def _shape(block: Block, body_indent: int) -> float:
    """How much a block looks like a headline by itself: a few words, no final full stop,
    not a kicker in capitals, not two sentences, a heading's margin in lynx."""
    n = len(block.words)
    score = 0.0
    if block.indent != body_indent and block.bullet is None:
        score += 2  # lynx prints headings at the margin, the paragraphs indented
    if n <= 2:
        score -= 3
    elif n == 3:
        score -= 1
    text = block.text
    if text.endswith("."):
        score -= 2
    if _SENTENCE_BREAK_RE.search(text):
        score -= 1.5
    letters = [ch for ch in text if ch.isalpha()]
    if n <= 5 and letters and all(ch.isupper() for ch in letters):
        score -= 2  # a kicker: "EXCLUSIVE", "ОНЛАЙН"
    if letters and letters[0].islower():
        score -= 1.5
    if block.link_density >= 0.5 and not _linked_heading(block, body_indent):
        score -= 3
    if not block.blank_before:
        score -= 1  # a heading stands apart; a line run on from a box does not
    return score


# "... маршрутам. Индивидуальные туры": two sentences, an ad's or a teaser's, not a headline
# (an initial or an abbreviation before the stop is not a sentence's end: "St. Ives").
_SENTENCE_BREAK_RE = re.compile(r"[a-zа-яё]{3}[.!?]\s+[A-ZА-ЯЁ]")


def headline_echoes(blocks: list[Block]) -> list[str]:
    """The page's texts that may repeat the headline: breadcrumbs (whose last step is the
    headline, or its first words) and lines that name the page ("Headline | Site")."""
    echoes = []
    for block in blocks:
        if 4 <= len(block.words) <= 60 and (
            is_breadcrumb(block.text) or _TITLE_SEPARATOR_RE.search(block.text)
        ):
            echoes.append(" ".join(block.words))
    return echoes


_TITLE_SEPARATOR_RE = re.compile(r"\s(?:[|—–-]|::)\s")


def _echoed(block: Block, echoes: list[str]) -> bool:
    """Whether another line of the page holds the block's words, or a breadcrumb ends with
    its first three or more words (a long headline shortened to be a step of the path)."""
    text = " " + " ".join(block.words) + " "
    starts = [" " + " ".join(block.words[:k]) + " " for k in range(3, len(block.words))]
    for echo in echoes:
        echo = " " + echo + " "
        if echo != text and (text in echo or any(echo.endswith(s) for s in starts)):
            return True
    return False
