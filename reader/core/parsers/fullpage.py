"""Whole news pages dumped to text (``w3m -dump``, ``lynx -dump``, a browser's "Save as
Text", a select-all and paste): the article is kept, the page around it dropped.

A dump is cut into blocks (a wrapped paragraph is one block again, a list item is one),
each block is weighed (long prose with the language's small words counts for the article,
link lists, menus, prompts and notices against it), and the run of blocks with the most
article weight is the article. The headline, byline and date are looked for just before
that run, where pages print them.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import cast

from reader.core.article import WORD_RE, Article, make_lead
from reader.core.parsers import page_furniture as pf
from reader.core.parsers.common import escape_markdown, split_lines

# lynx's link numbers ("[12]Home"), its widgets, w3m's input fields and image marks.
LINK_MARK_RE = re.compile(r"\[\d{1,6}\]")
WIDGET_MARK_RE = re.compile(
    r"\((?:BUTTON|RADIO|SUBMIT|RESET|submit|reset)\)"
    r"|\[(?:IMG|INLINE|LINK|BUTTON|img|image|X| {1,200})\]|_{4,}"
)
BULLET_RE = re.compile(r"^(?P<bullet>[*+#o@•◦▪▫□■‣]|\d{1,3}[.)])[ \t]+(?=\S)")
REFERENCES_RE = re.compile(r"^\s*(?:References|Visible links:?|Hidden links:?)\s*$")
REFERENCE_LINE_RE = re.compile(r"^\s*\d{1,6}\.\s+\S+$")
_HOST_RE = re.compile(r"^\s*\d{1,6}\.\s+https?://(?:www\.)?([^/\s:]{1,253})")
_CYRILLIC_RE = re.compile(r"[а-яё]", re.IGNORECASE)
# w3m draws a bordered table's frame with box-drawing characters.
_BOX_RE = re.compile(r"[\u2500-\u257f]")
_SENTENCE_END = tuple(".!?…")
_CLOSERS = "\"'»”’)]"

# Wrapped dumps break lines at a fixed width; wider than this, a line is a whole paragraph.
_MAX_WRAP_WIDTH = 200

# The small words of each language: prose is full of them, menus and headlines are not.
_STOP_EN = (
    "a about after all also an and any are as at be been before but by can could did do"
    " does for from had has have he her his how i if in into is it its more most my no"
    " not of on one only or other our out over said says she so some than that the their"
    " them then there these they this those to up was we were what when where which who"
    " will with would you your"
)
_STOP_RU = (
    "а без более бы был была были было быть в вам вас весь во вот все всё всего всех вы"
    " где да даже для до его ее её если есть еще ещё же за здесь и из или им их к как"
    " когда кто ли либо мне может мы на над надо наш не него нее неё нет ни них но ну о"
    " об однако он она они оно от очень по под после при про с со так также такой там"
    " те тем то того тоже той только том ту ты у уже хотя чего чей чем что чтобы чуть"
    " эта эти это этого этой этом этот я"
)
STOPWORDS = {"en": frozenset(_STOP_EN.split()), "ru": frozenset(_STOP_RU.split())}


@dataclass
class Line:
    raw: str  # as the dump has it (lynx's link numbers included: they took room)
    indent: int
    text: str  # the readable text: marks and bullet removed
    links: int
    bullet: str | None
    width: int | None = None  # the width its table cell wrapped at; None: the page's


_UNREAD = object()


@dataclass
class Block:
    lines: list[Line]
    blank_before: bool
    text: str = ""
    words: list[str] = field(default_factory=list)
    links: int = 0
    linked_words: int = 0
    stop_ratio: float = 0.0
    kind: str = ""  # good, short, item, furniture, section, stop
    meta: object = _UNREAD  # what _meta found: (names, date) or None

    @property
    def bullet(self) -> str | None:
        return self.lines[0].bullet

    @property
    def indent(self) -> int:
        return self.lines[0].indent

    @property
    def link_density(self) -> float:
        return self.linked_words / max(1, len(self.words))

    @property
    def ends_sentence(self) -> bool:
        return self.text.rstrip(_CLOSERS).endswith(_SENTENCE_END)


@dataclass
class Page:
    blocks: list[Block]
    language: str
    references: int  # lines of lynx's list of links
    source: str | None
    classified: bool = False


def read_page(text: str) -> Page:
    lines = split_lines(text)
    lines, references, source = _cut_references(lines)
    unfolded = unfold_columns(lines)
    parsed = [_line(raw, width) for raw, width in unfolded]
    sample = " ".join(line.text for line in parsed[:400])
    cyrillic = len(_CYRILLIC_RE.findall(sample)) * 3 > len(WORD_RE.findall(sample))
    language = "ru" if cyrillic else "en"
    blocks = _blocks(parsed)
    stopwords = STOPWORDS[language]
    for block in blocks:
        _measure(block, stopwords)
    return Page(blocks, language, references, source)


def _cut_references(lines: list[str]) -> tuple[list[str], int, str | None]:
    """The lines before lynx's list of links, how many links it had, and the site's host."""
    for index in range(len(lines) - 1, -1, -1):
        if REFERENCES_RE.match(lines[index]):
            following = [line for line in lines[index + 1 : index + 6] if line.strip()]
            if following and all(REFERENCE_LINE_RE.match(line) for line in following):
                refs = [line for line in lines[index + 1 :] if REFERENCE_LINE_RE.match(line)]
                hosts: dict[str, int] = {}
                for line in refs:
                    if host := _HOST_RE.match(line):
                        name = host.group(1).lower()
                        hosts[name] = hosts.get(name, 0) + 1
                source = max(hosts, key=hosts.__getitem__) if hosts else None
                return lines[:index], len(refs), source
    return lines, 0, None


# A page laid out by a table (a menu column beside the text) comes out of w3m side by side.
_MIN_COLUMN = 12
_MAX_COLUMN = _MAX_WRAP_WIDTH - 20


def unfold_columns(lines: list[str]) -> list[tuple[str, int | None]]:
    """Lines with two columns side by side, each column's lines one after the other; with
    each line, the width its column was wrapped at (None: the page's width)."""
    out: list[tuple[str, int | None]] = [(line, None) for line in lines]
    for column in _text_columns(lines):
        out = _unfold(out, column)
    return out


def _unfold(lines: list[tuple[str, int | None]], column: int) -> list[tuple[str, int | None]]:
    out: list[tuple[str, int | None]] = []
    index = 0
    while index < len(lines):
        end = index
        while end < len(lines) and _fits(lines[end][0], column) is not None:
            end += 1
        if end == index:
            out.append(lines[index])
            index += 1
            continue
        run = lines[index:end]
        parts = [_fits(line, column) or ("", "") for line, _ in run]
        both = sum(1 for left, right in parts if left and right.strip())
        right_only = sum(1 for left, right in parts if right.strip() and not left)
        if both >= 2 and right_only >= 2 and both + right_only >= 4:
            # The left cell wraps at its own width when its text fills it (a menu does not).
            widest = max(len(left) for left, _ in parts)
            left_width = widest if widest >= column - 6 else 0
            out.extend((left, left_width) for left, _ in parts)
            out.append(("", None))
            out.extend((" " * column + right if right.strip() else "", None) for _, right in parts)
        else:
            out.extend(run)
        index = end
    return out


def _text_columns(lines: list[str]) -> list[int]:
    """Where a right-hand column may start: indents shared by a few lines, commonest first."""
    counts: dict[int, int] = {}
    for line in lines:
        indent = len(line) - len(line.lstrip(" "))
        if _MIN_COLUMN <= indent <= _MAX_COLUMN and len(line) > indent:
            counts[indent] = counts.get(indent, 0) + 1
    ranked = sorted((c for c in counts if counts[c] >= 3), key=counts.__getitem__, reverse=True)
    return ranked[:3]


def _fits(line: str, column: int) -> tuple[str, str] | None:
    """The left and right parts of a line of a two-column layout, or None if it is not one."""
    if not line.strip():
        return ("", "")
    if len(line) <= column:
        return (line.rstrip(), "")
    if line[column - 1] != " ":
        return None  # (w3m leaves at least one space between two cells)
    return (line[:column].rstrip(), line[column:].rstrip())


def _line(raw: str, width: int | None = None) -> Line:
    stripped = raw.lstrip(" \t\u00a0")
    indent = len(raw) - len(stripped)
    links = len(LINK_MARK_RE.findall(stripped)) if "[" in stripped else 0
    text = LINK_MARK_RE.sub("", stripped) if links else stripped
    if "[" in text or "(" in text or "__" in text:
        text = WIDGET_MARK_RE.sub(" ", text)
    if _BOX_RE.search(text):
        text = _BOX_RE.sub(" ", text).strip()
        indent = len(raw) - len(raw.lstrip(" \t\u00a0\u2500-\u257f"))
    bullet = None
    if match := BULLET_RE.match(text):
        bullet = match.group("bullet")
        text = text[match.end() :]
    return Line(raw, indent, " ".join(text.split()), links, bullet, width)


def _wrap_width(lines: list[Line]) -> int | None:
    """The width a wrapped dump was broken at, or None when its lines are not wrapped."""
    # Lines of running text only: a table's row or a long address may run past the width.
    lengths = [
        len(line.raw)
        for line in lines
        if line.raw.count(" ") >= 3 and "   " not in line.raw.strip()
    ]
    if len(lengths) < 3:
        return None
    # The few longest may still run past it (lynx's headings, a row of figures): skipped.
    width = sorted(lengths, reverse=True)[max(2, len(lengths) // 40)]
    return width if width <= _MAX_WRAP_WIDTH else None


def _blocks(lines: list[Line]) -> list[Block]:
    page_width = _wrap_width(lines)
    blocks: list[Block] = []
    current: Block | None = None
    blank = True
    for line in lines:
        width = page_width if line.width is None else line.width
        if not line.text:
            if not line.raw.strip():
                current, blank = None, True
            continue
        if current is not None and line.bullet is None and _continues(current, line, width):
            current.lines.append(line)
            continue
        current = Block([line], blank_before=blank)
        blocks.append(current)
        blank = False
    return blocks


def _continues(block: Block, line: Line, width: int | None) -> bool:
    """Whether ``line`` is the wrapped rest of the block's last line."""
    if not width:
        return False
    last = block.lines[-1]
    first = block.lines[0]
    column = first.indent
    if first.bullet is not None:
        column = len(first.raw) - len(first.raw.lstrip()) + len(first.bullet) + 1
    # (lynx centres each line of a wrapped headline on its own.)
    centred = len(block.lines) == 1 and first.bullet is None and line.indent > first.indent
    if line.indent not in (column, column + 1) and line.indent != first.indent and not centred:
        return False
    next_word = line.raw.split(None, 1)[0]
    return len(last.raw) + 1 + len(next_word) > width


def _measure(block: Block, stopwords: frozenset[str]) -> None:
    block.text = " ".join(line.text for line in block.lines if line.text)
    block.words = WORD_RE.findall(block.text.casefold())
    block.links = sum(line.links for line in block.lines)
    if block.links:
        block.linked_words = _linked_words(" ".join(line.raw for line in block.lines))
    if block.words:
        block.stop_ratio = sum(1 for w in block.words if w in stopwords) / len(block.words)


_LINK_SPLIT_RE = re.compile(r"\[\d{1,6}\]")
_ANCHOR_END_RE = re.compile(r"[.!?;:|·•,(]|\s[-—–]\s")


def _linked_words(raw: str) -> int:
    """About how many words are link text: those after each of lynx's numbers up to the
    next number or punctuation."""
    total = 0
    for segment in _LINK_SPLIT_RE.split(raw)[1:]:
        end = _ANCHOR_END_RE.search(segment)
        anchor = segment[: end.start()] if end else segment
        total += min(12, len(WORD_RE.findall(anchor)))
    return total


# ---------------------------------------------------------------------------------------
# What each block is


def classify(page: Page) -> None:
    if page.classified:
        return
    for block in page.blocks:
        block.kind = _kind(block)
    page.classified = True


def _kind(block: Block) -> str:
    text, n = block.text, len(block.words)
    head = text[: pf.HEAD_CHARS]
    if n == 0:
        return "furniture"
    if n <= 14 and pf.COMMENTS_RE.match(head):
        return "stop"
    if n <= 12 and pf.SECTION_RE.match(head):
        return "section"
    if (n <= 40 or block.stop_ratio < 0.15) and (
        pf.WIDGET_RE.match(head)
        or pf.COUNTER_RE.match(head)
        or pf.FONT_SIZE_RE.match(head)
        or (n <= 30 and pf.LABEL_RE.match(head))
        or (n <= 14 and _all_widgets(head))
    ):
        return "furniture"
    if _is_nav_line(head, n) or _is_menu_line(block) or _is_language_list(block):
        return "furniture"
    if pf.FORM_OPTION_RE.match(head) or pf.HASHTAGS_RE.match(head):
        return "furniture"
    if n <= 20 and pf.WEATHER_RE.search(head) and not _is_prose(block):
        return "furniture"
    # In a long block only a notice that opens it counts (an article may quote one).
    notice = pf.find_notice(head if n < 60 else head[:120])
    if notice and (n < 60 or notice.start() < 80):
        return "furniture"
    if _is_prose(block):
        return "good"
    if block.bullet is not None:
        return "item"
    return "short"


def _is_nav_line(text: str, words: int) -> bool:
    """A menu or breadcrumbs on one line: a few short names between separators."""
    separators = len(pf.NAV_SEPARATOR_RE.findall(text))
    return separators >= 2 and words <= 4 * (separators + 1) and not text.endswith(".")


def _is_menu_line(block: Block) -> bool:
    """Section names run together on one line: "News Sport Business Culture Opinion"."""
    words = block.text.split()
    if len(words) < 6 or block.stop_ratio > 0.1 or len(block.lines) > 2:
        return False
    if any(ch in block.text for ch in ".,;!?"):
        return False
    return all(word[0].isupper() or not word[0].isalpha() for word in words)


def _is_language_list(block: Block) -> bool:
    """ "English Español Русский", "РУС | ENG | ТАТ": the page's language switch."""
    words = block.text.replace("|", " ").replace("/", " ").split()
    if not 2 <= len(words) <= 16:
        return False
    known = sum(1 for word in words if word.casefold() in pf.LANGUAGE_WORDS)
    return known * 3 >= len(words) * 2


def _all_widgets(text: str) -> bool:
    """Whether a short block is a row of widgets: at least half its words are theirs."""
    hits = len(pf.WIDGET_ANY_RE.findall(text))
    if hits < 2:
        return False
    total = len(WORD_RE.findall(text))
    rest = len(WORD_RE.findall(pf.WIDGET_ANY_RE.sub(" ", text)))
    return rest * 2 <= total


def _is_prose(block: Block) -> bool:
    n = len(block.words)
    if n < 8 or block.link_density > 0.35:
        return False
    if block.stop_ratio < 0.12:
        return False
    return block.ends_sentence or n >= 20


# ---------------------------------------------------------------------------------------
# Where the article is


def _weight(block: Block) -> float:
    n = len(block.words)
    kind = block.kind
    if kind == "good":
        return n
    if kind == "item":
        if block.link_density < 0.5 and (block.stop_ratio >= 0.15 or _ends_clause(block)):
            return -1
        return -4
    if kind == "short":
        if block.link_density >= 0.5:
            return -5
        return -2 if n <= 15 else -3
    return -(4 + min(n, 20))


def _ends_clause(block: Block) -> bool:
    return block.text.rstrip(_CLOSERS).endswith((".", "!", "?", "…", ";", ",", ":"))


_TEASER_WORDS = 30
# A block whose words are this much link text is a link (lynx numbers the links).
_LINKED = 0.3
_MAX_TEASERS = 6


def article_span(page: Page) -> tuple[int, int] | None:
    """The first and last block of the article: the run with the most article weight."""
    blocks = page.blocks
    end = len(blocks)
    seen_good = False
    for index, block in enumerate(blocks):
        if block.kind == "good":
            seen_good = True
        elif block.kind == "stop" and seen_good:
            end = index
            break
    # What a "Related" or "Most read" heading brings is not the article: its list of links
    # up to the next heading or prose, or its teasers (short paragraphs, each a headline
    # and a sentence) up to the first longer paragraph.
    weights = []
    skipping = False
    teasers = links = 0
    for block in blocks[:end]:
        if block.kind == "section":
            skipping, teasers, links = True, 0, 0
        elif skipping and block.kind == "good":
            if not links and len(block.words) < _TEASER_WORDS and teasers < _MAX_TEASERS:
                block.kind = "skipped"
                teasers += 1
            else:
                skipping = False
        elif (
            skipping
            and block.blank_before
            and block.bullet is None
            and block.kind != "furniture"
            and block.link_density < _LINKED
        ):
            skipping = False
        elif skipping and block.kind != "furniture":
            block.kind = "skipped"
            links += 1
        weights.append(_weight(block))
    best, best_span = 0.0, None
    total, start = 0.0, 0
    for index, weight in enumerate(weights):
        if total <= 0:
            total, start = 0.0, index
        total += weight
        if total > best:
            best, best_span = total, (start, index)
    return best_span


# ---------------------------------------------------------------------------------------
# Headline, byline and date: in the few blocks above the article

_HEADER_BLOCKS = 12
_STANDFIRST_WORDS = 60


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
        if anchor is not None:
            zone = _header_zone(blocks, anchor, lead=True)
            start = anchor
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
            widgets = _all_widgets(head)
            if (widgets and pf.ACCOUNT_RE.search(head)) or (
                not widgets and (_is_nav_line(head, len(block.words)) or _is_menu_line(block))
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
    if block.meta is _UNREAD:
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
        and _ends_clause(block)
        and (block.stop_ratio > 0 or block.text.endswith(":"))
        and block.link_density < _LINKED
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
        elif block.kind == "item" and len(block.words) <= 4 and not _ends_clause(block):
            menu += 1
    if page.references >= 3:
        return signals + menu >= 2
    return signals >= 3 or (signals >= 2 and menu >= 4)
