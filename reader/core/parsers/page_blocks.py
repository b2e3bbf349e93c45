"""A text dump of a web page (``w3m -dump``, ``lynx -dump``, a browser's "Save as Text")
read into blocks: a wrapped paragraph is one block again, a list item is one, lynx's link
numbers and list of links are taken out, and a table laid out as two columns side by
side (w3m) is read one column after the other. Each block is measured for what
``fullpage`` decides: its words, its link text, its share of the language's small words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from reader.core.article import WORD_RE
from reader.core.parsers.common import split_lines

# lynx's link numbers ("[12]Home"), its widgets, w3m's input fields and image marks.
LINK_MARK_RE = re.compile(r"\[\d{1,6}\]")
WIDGET_MARK_RE = re.compile(
    r"\((?:BUTTON|RADIO|SUBMIT|RESET|submit|reset)\)"
    r"|\[(?:IMG|INLINE|LINK|BUTTON|img|image|X| {1,200})\]|_{4,}"
)
# A picture's file name, which the tools print when its alt text is the name or is empty
# ("olhovka_01.jpg"; lynx runs it on to a link's number: "карьера[27]olhovka_02.jpg").
IMAGE_NAME_RE = re.compile(
    r"(?:(?<=\])|(?<![\w.-]))[\w-]{1,80}\.(?:jpe?g|png|gif|webp|avif|svg)(?![\w.-])", re.IGNORECASE
)
# w3m's mark for a picture without alt text, its file name cut to the picture's width, when a
# line runs on after it ("[elea] By Eleanor Whitcombe"): not a word of the line.
W3M_PICTURE_RE = re.compile(r"^\[[a-z0-9][a-z0-9_-]{0,39}\]\s+(?=\S)")
BULLET_RE = re.compile(r"^(?P<bullet>[*+#o@•◦▪▫□■‣]|\d{1,3}[.)])[ \t]+(?=\S)")
REFERENCES_RE = re.compile(r"^\s*(?:References|Visible links:?|Hidden links:?)\s*$")
REFERENCE_LINE_RE = re.compile(r"^\s*\d{1,6}\.\s+\S+$")
_HOST_RE = re.compile(r"^\s*\d{1,6}\.\s+https?://(?:www\.)?([^/\s:]{1,253})")
_CYRILLIC_RE = re.compile(r"[а-яё]", re.IGNORECASE)
# w3m draws a bordered table's frame with box-drawing characters.
_BOX_RE = re.compile(r"[\u2500-\u257f]")
_SENTENCE_END = tuple(".!?…")
_CLAUSE_END = (*_SENTENCE_END, ";", ",", ":")
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


UNREAD = object()


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
    named: bool = False  # a subheading that the page's list of contents names
    meta: object = UNREAD  # what _meta found: (names, date) or None

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

    @property
    def ends_clause(self) -> bool:
        """Ends as a sentence or a clause does (a list item with ";", a lead-in with ":")."""
        return self.text.rstrip(_CLOSERS).endswith(_CLAUSE_END)


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
                # lynx's "Hidden links:" follow its "References" and "Visible links:":
                # the list starts at the first of its headings.
                top = index
                while top > 0 and (
                    not lines[top - 1].strip()
                    or REFERENCES_RE.match(lines[top - 1])
                    or REFERENCE_LINE_RE.match(lines[top - 1])
                ):
                    top -= 1
                    if REFERENCES_RE.match(lines[top]):
                        index = top
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
    if stripped.startswith("[") and (picture := W3M_PICTURE_RE.match(stripped)):
        stripped = stripped[picture.end() :]
    if "." in stripped and IMAGE_NAME_RE.search(stripped):
        stripped = IMAGE_NAME_RE.sub(" ", stripped)
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
