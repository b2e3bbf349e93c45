"""Which line of a page's header is the headline: each line that may be one is weighed
by its shape (a few words, no final full stop, not a kicker in capitals), by what stands
under it (a byline, a date, a standfirst), by what the page repeats of it, and by whether
the text speaks of what it names. ``page_title`` finds the header; this weighs its lines.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cached_property

from reader.core.parsers import page_furniture as pf
from reader.core.parsers.page_blocks import STOPWORDS, Block
from reader.core.parsers.page_bylines import meta
from reader.core.parsers.page_kinds import is_breadcrumb


def is_alt_text(blocks: list[Block], index: int) -> bool:
    """A picture's alternative text: a line run straight into its caption (which ends
    with a credit: "... Photo: Sam Hill")."""
    block = blocks[index]
    if index + 1 >= len(blocks) or block.ends_sentence or len(block.words) > 20:
        return False
    caption = blocks[index + 1]
    if caption.blank_before:
        return False
    if pf.CAPTION_RE.search(caption.text[: pf.HEAD_CHARS]) or (
        len(block.words) <= _ALT_WORDS
        and bool(_CREDIT_END_RE.search(caption.text[-_CREDIT_CHARS:]))
    ):
        return True
    # Or a caption without a credit: a line or two of words run on under the alt text,
    # standing apart from what follows ("A raised bed of scaffold boards planted with
    # lettuce" / "The finished bed, planted with lettuce and chard in early May").
    after = index + 2
    return (
        block.kind == "short"
        and len(block.words) >= _ALT_MIN_WORDS
        and block.link_density < 0.5
        and not block.text.endswith(":")
        and caption.kind in ("short", "good")
        and len(caption.words) <= _CAPTION_WORDS
        and len(caption.lines) <= 2
        and caption.bullet is None
        and (after >= len(blocks) or blocks[after].blank_before)
    )


# A caption that ends with its picture's credit after a copyright sign ("… north of the
# Trent © Lena Morrow/MBT"): a name, not a year (a page's own notice). The alt text over
# it is a few words (lynx runs the alt text into the caption, under a standfirst).
_CREDIT_END_RE = re.compile(r"\S\s+©\s?[^\W\d][^©]{0,60}$")
_CREDIT_CHARS = 80
_ALT_WORDS = 12
_CAPTION_WORDS = 30
_ALT_MIN_WORDS = 3


def _is_figure(blocks: list[Block], index: int) -> bool:
    block = blocks[index]
    return (
        is_alt_text(blocks, index)
        or (len(block.words) <= 40 and bool(pf.CAPTION_RE.search(block.text[: pf.HEAD_CHARS])))
        or (index > 0 and is_alt_text(blocks, index - 1))  # the caption under its alt text
    )


def settled(blocks: list[Block], index: int) -> bool:
    """A block that sits between the headline and the text: a byline, a date, a picture,
    a row of counters ("142 37 9 Share": likes, comments, shares)."""
    return meta(blocks[index]) is not None or _is_figure(blocks, index) or counters(blocks[index])


def counters(block: Block) -> bool:
    words = block.words
    return bool(words) and sum(word.isdigit() for word in words) * 2 >= len(words)


def under_headline(blocks: list[Block], index: int) -> bool:
    """A block that may come between the headline's standfirst and the text: what
    ``settled`` says, or a scrap of a word or two (a counter, a credit, an icon's name)."""
    return settled(blocks, index) or len(blocks[index].words) <= 2


def linked_heading(block: Block, body_indent: int) -> bool:
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


def headline_shaped(block: Block) -> bool:
    """A block that prose could be mistaken for, shaped as a headline: standing apart, a
    line or three, not ending as a sentence does (but perhaps as a question)."""
    return (
        block.bullet is None
        and block.blank_before
        and 4 <= len(block.words) <= 30
        and not is_breadcrumb(block.text)
        and len(block.lines) <= 3
        and (
            not block.text.rstrip(_CLOSERS).endswith((".", ",", ";", ":", "…"))
            or (block.text.endswith(".") and title_cased(block.text))
        )
    )


def title_cased(text: str) -> bool:
    """Whether a line is in Title Case, as many English headlines are, full stop and all
    ("I Tracked Every Minute of My Commute for a Year. Here's What I Learned."): most of its
    longer words capitalised, which prose's words seldom are."""
    words = [w for w in _TITLE_WORD_RE.findall(text) if len(w) >= 4]
    if len(words) < _TITLE_WORDS:
        return False
    return sum(w[0].isupper() for w in words) >= _TITLE_SHARE * len(words)


_TITLE_WORD_RE = re.compile(r"[A-Za-z][A-Za-z'’-]*")
_TITLE_WORDS = 4
_TITLE_SHARE = 0.8


_CLOSERS = "\"'»”’)]"


class HeadlineContext:
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
        return text_stems(self._blocks, self._start, self._end)


# The headline's words are the text's words: an ad's, a teaser's or a kicker's seldom are.
# Words are compared by their first letters, which Russian endings leave alone.
_TEXT_WORDS = 400
_STEM = 4


def text_stems(blocks: list[Block], start: int, end: int) -> frozenset[str]:
    """The stems of the first words of the prose from ``start`` to ``end``."""
    stems: set[str] = set()
    words = 0
    for block in blocks[start : end + 1]:
        if block.kind == "good" and words < _TEXT_WORDS:
            stems.update(_stems(block))
            words += len(block.words)
    return frozenset(stems)


def _stems(block: Block) -> set[str]:
    """The beginnings of the block's words that say what it is about (no small words)."""
    return {
        word[:_STEM]
        for word in block.words
        if len(word) >= _STEM and not word.isdigit() and word not in _SMALL_WORDS
    }


_SMALL_WORDS = STOPWORDS["en"] | STOPWORDS["ru"]


def _unrelated(block: Block, context: HeadlineContext) -> bool:
    return unrelated_to(block, context.stems)


def unrelated_to(block: Block, text: frozenset[str]) -> bool:
    """Whether few of the block's words that say what it is about (two at least) are in
    the text (given by its stems)."""
    stems = _stems(block)
    return len(stems) >= 2 and len(stems & text) < _RELATED * len(stems)


_RELATED = 0.4


def pick_title(blocks: list[Block], zone: list[int], context: HeadlineContext) -> int | None:
    """The headline among the header's blocks: the one shaped most like a headline, with
    what follows it (a byline, a date, a standfirst), what the page repeats of it, and
    whether the text speaks of what it names."""
    candidates = [i for i in zone if _candidate(blocks, i, context.body_indent)]
    if len(candidates) <= 1:
        return candidates[0] if candidates else None
    best = best_line(blocks, zone, context)
    return best[0] if best else None


def best_line(
    blocks: list[Block], zone: list[int], context: HeadlineContext
) -> tuple[int, float] | None:
    """The likeliest headline of the header and how likely (see ``pick_title``)."""
    # On a tie the earlier line wins: a standfirst comes under its headline.
    best, best_score = None, -99.0
    indent = context.body_indent
    candidates = [i for i in zone if _candidate(blocks, i, indent)]
    seen = Counter(blocks[i].text for i in zone)
    for place, index in enumerate(zone):
        if index not in candidates:
            continue
        block = blocks[index]
        score = shape(block, indent)
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
        if seen[block.text] > 1:
            score -= 2  # a name the header gives twice: the publication's, the writer's
        if index + 1 < len(blocks) and not blocks[index + 1].blank_before:
            # A heading stands apart from what follows it; a picture's alt text runs
            # straight into its caption ("A raised bed … / The finished bed, planted …").
            score -= 2
        if score > best_score:
            best, best_score = index, score
    return None if best is None else (best, best_score)


def _byline_weight(block: Block) -> float:
    """What a byline or a date right under a line says for it being the headline (a date
    may also head the page, above the headline; a writer's name seldom does)."""
    found = meta(block)
    return 2.0 if found and found[0] else 1.5


def _standfirst_under(
    blocks: list[Block], zone: list[int], place: int, context: HeadlineContext
) -> bool:
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


def _headline_sized(blocks: list[Block], index: int, context: HeadlineContext) -> bool:
    return _candidate(blocks, index, context.body_indent) and len(blocks[index].words) >= 4


def _candidate(blocks: list[Block], index: int, body_indent: int) -> bool:
    block = blocks[index]
    if block.kind not in ("short", "good", "skipped") or not 2 <= len(block.words) <= 30:
        return False
    if len(block.lines) > 4 or settled(blocks, index):
        return False
    return block.kind != "skipped" or linked_heading(block, body_indent)


def shape(block: Block, body_indent: int) -> float:
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
    if title_cased(text):
        pass  # a headline in Title Case may have two sentences and a full stop
    else:
        if text.endswith("."):
            score -= 2
        if _SENTENCE_BREAK_RE.search(text):
            score -= 1.5
    letters = [ch for ch in text if ch.isalpha()]
    if n <= 5 and letters and all(ch.isupper() for ch in letters):
        score -= 2  # a kicker: "EXCLUSIVE", "ОНЛАЙН"
    if letters and letters[0].islower():
        score -= 1.5
    if block.link_density >= 0.5 and not linked_heading(block, body_indent):
        score -= 3
    if not block.blank_before:
        score -= 1  # a heading stands apart; a line run on from a box does not
    if counters(block):
        score -= 3  # "142 37 9 Share" (likes, comments, restacks)
    if _FOLLOW_RE.search(text):
        score -= 2  # a writer's strip with its button: "●Олег Сухарев 22 апр Подписаться"
    return score


_FOLLOW_RE = re.compile(r"(?<!\w)(?:follow|subscribe|подписаться|подписка)\s*$", re.IGNORECASE)


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
