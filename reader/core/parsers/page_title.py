"""The headline, byline and date of a whole page's article: in the few blocks above its
first paragraph (the header), or just inside the prose, after a standfirst or below a box
of the site's own. Which of the header's lines is the headline: ``page_headline``.
"""

from __future__ import annotations

from reader.core.parsers import page_furniture as pf
from reader.core.parsers.page_blocks import Block
from reader.core.parsers.page_bylines import NAMES_LINE_RE, meta
from reader.core.parsers.page_headline import (
    HeadlineContext,
    best_line,
    headline_shaped,
    linked_heading,
    pick_title,
    settled,
    shape,
    text_stems,
    under_headline,
    unrelated_to,
)
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
_STANDFIRST_WORDS = 90
# A headline inside the prose is this long, and above this share of the prose's words.
_HEADLINE_WORDS = (6, 25)
_HEADLINE_DEPTH = 0.4


def find_header(
    blocks: list[Block], start: int, end: int, body_indent: int
) -> tuple[list[int], int, int | None]:
    """The header's blocks, where the article's text starts and which block is the
    headline (None when there is none), for the article found at ``start``..``end``."""
    boxed = _after_a_box(blocks, start, end)
    if boxed is not None:
        start = boxed + 1
    promo = _promo_box(blocks, start, end) if boxed is None else None
    if promo is not None:
        # The box is the site's own, its heading too (a line over its paragraph that the
        # text does not speak of): no headline, no standfirst. The text starts below it.
        blocks[start - 1].kind = blocks[start].kind = "furniture"
        start = promo
    context = HeadlineContext(blocks, start, end, body_indent)
    zone = _header_zone(blocks, start, body_indent)
    dated = any(meta(blocks[index]) for index in zone)
    anchor = _inner_byline(blocks, start, end)
    title = pick_title(blocks, zone, context)
    if anchor is not None and dated:
        # A byline among the first paragraphs, under a header that has one too: the
        # header that holds the likelier headline is the article's (a box of the site's
        # own prose, an appeal, may stand between the page's header and the article's).
        inner = [*_header_zone(blocks, anchor, body_indent, lead=True), anchor]
        ours, theirs = best_line(blocks, inner, context), best_line(blocks, zone, context)
        if ours is not None and (theirs is None or ours[1] > theirs[1]):
            zone, start, title = inner, anchor, ours[0]
    elif anchor is not None:
        # No byline above the prose: it is inside, after a standfirst, or after a box of
        # other prose (an appeal, a teaser) that the page puts above the headline.
        zone, start = _header_zone(blocks, anchor, body_indent, lead=True), anchor
        title = pick_title(blocks, zone, context)
    elif not dated or title is None:
        headline = _inner_headline(blocks, start, end)
        if headline is not None:
            return [headline], headline + 1, headline
        byline = _byline_above(blocks, start) if title is None else None
        if byline is not None:
            # A header above the pictures and the summary's points that the text opens
            # under (an agency's story): the headline is over its byline.
            above = [*_header_zone(blocks, byline, body_indent), byline]
            if byline + 1 < start and meta(blocks[byline + 1]) is not None:
                above.append(byline + 1)  # the date under the byline
            found = pick_title(blocks, above, context)
            if found is not None:
                return above, start, found
        if title is None:
            # A standfirst short enough to stand apart from the text (the share buttons
            # between them) may be all there is under the headline.
            above = _header_zone(blocks, start, body_indent, lead=True)
            found = pick_title(blocks, above, context)
            if found is not None and shape(blocks[found], body_indent) >= -1:
                return above, start, found
    if start < end and _opens_as_headline(blocks[start], blocks[start + 1]):
        # A headline long enough to weigh as prose (a question, a long headline) may open
        # the run itself: it is weighed with the header's lines.
        opened = [*zone, start]
        best = best_line(blocks, opened, context)
        if best is not None and best[0] == start:
            return opened, start + 1, start
    return zone, start, title


def _after_a_box(blocks: list[Block], start: int, end: int) -> int | None:
    """A headline a few blocks into the run of prose, under a paragraph that the rest of
    the text does not speak of (an appeal for money, a blurb about the site, put between
    the page's header and the article's); None when the run opens otherwise."""
    first = blocks[start]
    if first.kind != "good" or len(first.words) > _STANDFIRST_WORDS:
        return None
    text: frozenset[str] | None = None  # read only when a line may be the headline
    for index in range(start + 1, min(end, start + _BOX_TAIL + 1)):
        block = blocks[index]
        if block.kind == "good":
            return None
        if headline_shaped(block):
            if text is None:
                text = text_stems(blocks, start + 1, end)
                if not unrelated_to(first, text):
                    return None
            if not unrelated_to(block, text):
                return index
    return None


# After the box's paragraph, its button ("Join the Friends"), a line or two more.
_BOX_TAIL = 3


def _promo_box(blocks: list[Block], start: int, end: int) -> int | None:
    """Where the text starts under a promotion that opens the run of prose (a newsletter's
    "Unlock the Editor's Digest for free", its blurb and its button): a heading, a short
    paragraph, a line or two of buttons, then prose that speaks of neither the heading
    nor the paragraph (a standfirst is under a headline the text speaks of). None when
    the run opens otherwise."""
    first = blocks[start]
    if first.kind != "good" or len(first.words) > _PROMO_WORDS or not start:
        return None
    heading = blocks[start - 1]
    if heading.kind != "short" or not headline_shaped(heading) or meta(heading) is not None:
        return None
    for index in range(start + 1, min(end, start + _BOX_TAIL + 1)):
        block = blocks[index]
        if block.kind == "good":
            if index == start + 1:
                return None
            text = text_stems(blocks, index, end)
            if not unrelated_to(first, text) or not unrelated_to(heading, text):
                return None
            return index
        if len(block.words) > _BUTTON_WORDS:
            return None
    return None


# A promotion's blurb is a sentence or two; its buttons a few words each.
_PROMO_WORDS = 30
_BUTTON_WORDS = 4


def _byline_above(blocks: list[Block], start: int) -> int | None:
    """A byline (a writer's name) a little above the text, past pictures, captions and a
    list of points, but past no paragraph of prose; None when there is none."""
    for index in range(start - 1, max(-1, start - 1 - _BYLINE_REACH), -1):
        block = blocks[index]
        if block.kind == "good":
            return None
        found = meta(block)
        if found is not None and found[0]:
            return index
    return None


_BYLINE_REACH = 16
# Two writers' names, linked, perhaps with no comma between them: "Анна Пескова Илья Борзов".
_LINKED_NAMES_WORDS = 6


def _opens_as_headline(block: Block, following: Block) -> bool:
    return following.blank_before and headline_shaped(block) and not block.named


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
            # Prose above it that the text below speaks of is the same text: the line is a
            # subheading after a box of the article's own (an ad, "Read more"), no headline.
            below = text_stems(blocks, index + 1, end)
            above = [b for b in blocks[start:index] if b.kind == "good"]
            if any(not unrelated_to(b, below) for b in above):
                return None
            return index
    return None


def _header_zone(
    blocks: list[Block], start: int, body_indent: int, *, lead: bool = False
) -> list[int]:
    """The blocks between the page's menus and the article's first paragraph, in order;
    with ``lead``, the first paragraph of prose above ``start`` is a standfirst."""
    zone: list[int] = []
    ads = asides(blocks, max(0, start - _HEADER_REACH), start)
    for index in range(start - 1, max(-1, start - 1 - _HEADER_REACH), -1):
        if len(zone) >= _HEADER_BLOCKS:
            break
        if index in ads:
            continue  # an ad or a video put between the headline, its byline and the text
        block = blocks[index]
        below_byline = bool(zone) and all(under_headline(blocks, i) for i in zone)
        if block.kind == "good" and headline_shaped(block) and not is_breadcrumb(block.text):
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
            if "©" in head or pf.CAPTION_RE.search(head):
                continue  # a picture's caption and credit ("… © Андрей Зимин/СЕВПРЕСС")
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
            if block.bullet is None and (
                (len(block.words) <= 3 and all(settled(blocks, i) for i in zone))
                or (len(block.words) <= _LINKED_NAMES_WORDS and NAMES_LINE_RE.match(block.text))
            ):
                continue  # (or the writers' names, linked to their pages)
            if _tag_list(block):
                continue  # the post's tags or hubs, under its headline
            headed = any(blocks[i].indent < body_indent and not meta(blocks[i]) for i in zone)
            if headed or not linked_heading(block, body_indent):
                break
        zone.append(index)
    return zone[::-1]


def _tag_list(block: Block) -> bool:
    """A line of a few tags between commas, a word or three each ("Python*, Открытые
    данные*, Визуализация данных*"): what a post is filed under, not a menu (whose names
    stand between spaces or bars) nor a teaser (a sentence)."""
    items = block.text.split(", ")
    return (
        block.bullet is None
        and _TAGS[0] <= len(items) <= _TAGS[1]
        and all(1 <= len(item.split()) <= 3 for item in items)
        and not block.text.endswith((".", "!", "?", "…"))
    )


_TAGS = (2, 12)


def asides(blocks: list[Block], start: int, end: int) -> set[int]:
    """The blocks of what a page puts between its headline and its text, from ``start``
    to ``end``: an ad (its label, "Advertisement" or «Реклама», and the few lines run on
    under it: its text, its advertiser and erid), a video player (its controls, what
    plays, what comes next, its title over its controls) and its transcript (the block
    under the transcript's label)."""
    found: set[int] = set()
    for index in range(start, end):
        text = blocks[index].text
        if pf.PLAYER_RE.match(text[: pf.HEAD_CHARS]):
            found.add(index)
            video = blocks[index - 1] if index > start else None
            if (
                video is not None
                and not blocks[index].blank_before
                and video.kind == "short"
                and len(video.words) <= _VIDEO_TITLE_WORDS
            ):
                found.add(index - 1)  # the video's own title, run straight into its controls
        elif pf.TRANSCRIPT_RE.match(text):
            found.add(index)
            after = index + 1
            while after < end and pf.TRANSCRIPT_RE.match(blocks[after].text):
                found.add(after)  # ("Show transcript", then "Transcript is auto-generated")
                after += 1
            if after < end and blocks[after].kind == "good":
                found.add(after)
        elif pf.AD_LABEL_RE.match(text):
            found.add(index)
            for after in range(index + 1, min(end, index + 1 + _AD_LINES)):
                block = blocks[after]
                if block.blank_before or block.kind == "good":
                    break
                found.add(after)
    return found


_AD_LINES = 3
_VIDEO_TITLE_WORDS = 20
