"""The article's structure, read from the laid-out document: its headings, links, lists
(and their items), block quotes and pictures, each with where it is in the text.

One model serves the structural keys (H, K, L, Q, G), the Contents and Links lists, and
what screen readers are given of the article (``article_accessible.py``). It is read from
the QTextDocument the view shows, not from the Markdown, so every position is one the
view's text cursor can go to, whatever the text size.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from PySide6 import QtGui

HEADING = "heading"
LINK = "link"
LIST = "list"
ITEM = "item"  # a list's item (a part of the tree screen readers are given)
QUOTE = "quote"
PICTURE = "picture"
KINDS = (HEADING, LINK, LIST, QUOTE, PICTURE)  # what the structural keys move between

OBJECT_CHARACTER = "\ufffc"  # where an image sits in the text


@dataclass(frozen=True)
class Part:
    """One piece of the article's structure.

    ``start`` and ``end`` are document positions (``end`` just past the last character);
    ``level`` is a heading's level, or a list's (or item's) depth, 1 at the outside;
    ``text`` is what the part says: a heading's or link's words, a picture's alternative
    text (or its caption), a quote's or item's text, a list's first item.
    """

    kind: str
    start: int
    end: int
    text: str
    level: int = 0
    href: str = ""
    items: int = 0  # a list's
    ordered: bool = False  # a list's

    def contains(self, position: int) -> bool:
        return self.start <= position < self.end


@dataclass
class Structure:
    parts: list[Part] = field(default_factory=list)  # in document order (by start)

    def __post_init__(self) -> None:
        self._by_kind: dict[str, list[Part]] = {}
        for part in self.parts:
            self._by_kind.setdefault(part.kind, []).append(part)
        self._starts = {kind: [p.start for p in parts] for kind, parts in self._by_kind.items()}

    def of_kind(self, kind: str) -> list[Part]:
        return self._by_kind.get(kind, [])

    @property
    def headings(self) -> list[Part]:
        return self.of_kind(HEADING)

    @property
    def links(self) -> list[Part]:
        return self.of_kind(LINK)

    def next(self, kind: str, position: int) -> Part | None:
        """The first ``kind`` that starts after ``position``."""
        parts = self.of_kind(kind)
        index = bisect.bisect_right(self._starts.get(kind, []), position)
        return parts[index] if index < len(parts) else None

    def previous(self, kind: str, position: int) -> Part | None:
        """The last ``kind`` that starts before ``position``, or before the start of the
        ``kind`` that ``position`` is in (from inside a heading, the heading before it)."""
        inside = self.at(kind, position)
        if inside is not None:
            position = inside.start
        parts = self.of_kind(kind)
        index = bisect.bisect_left(self._starts.get(kind, []), position)
        return parts[index - 1] if index > 0 else None

    def at(self, kind: str, position: int) -> Part | None:
        """The innermost ``kind`` that ``position`` is in (lists nest), if any."""
        parts = self.of_kind(kind)
        index = bisect.bisect_right(self._starts.get(kind, []), position)
        for part in reversed(parts[:index]):
            if part.contains(position):
                return part
        return None

    def section_at(self, position: int) -> Part | None:
        """The heading whose section ``position`` is in (the last one at or before it)."""
        headings = self.headings
        index = bisect.bisect_right(self._starts.get(HEADING, []), position)
        return headings[index - 1] if index > 0 else None


def read_structure(document: QtGui.QTextDocument) -> Structure:
    """Every heading, link, list, list item, quote and picture of ``document``."""
    parts: list[Part] = []
    quote_level = QtGui.QTextFormat.Property.BlockQuoteLevel
    quotes: list[tuple[float, int, list[str], int]] = []  # open: margin, start, texts, end
    link: tuple[str, int, int, list[str]] | None = None  # open: href, start, end, texts
    # A list item runs from its line to the next item as deep or less (a list nested in
    # it is inside it); a list, from its first item to the end of its last.
    open_items: list[tuple[int, int, int, str]] = []  # depth, list key, start, text
    items: dict[int, list[tuple[int, int, str, int]]] = {}  # list key: start, end, text, depth
    orders: dict[int, bool] = {}
    last_end = 0

    def close_items(depth: int) -> None:
        while open_items and open_items[-1][0] >= depth:
            item_depth, key, start, text = open_items.pop()
            items[key].append((start, last_end, text, item_depth))

    def close_quotes(margin: float) -> None:
        while quotes and quotes[-1][0] > margin:
            _margin, start, texts, end = quotes.pop()
            parts.append(Part(QUOTE, start, end, _clean(" ".join(texts))))

    def close_link() -> None:
        nonlocal link
        if link is not None:
            href, start, end, texts = link
            parts.append(Part(LINK, start, end, _clean("".join(texts)), href=href))
            link = None

    block = document.begin()
    while block.isValid():
        form = block.blockFormat()
        start, text = block.position(), block.text()
        end = start + max(0, block.length() - 1)
        margin = form.leftMargin()
        # Qt marks the first block of a <blockquote>; the rest share its left margin.
        if form.hasProperty(quote_level) and form.intProperty(quote_level) > 0:
            close_quotes(margin - 0.5)  # (one that began at this margin ends here)
            quotes.append((margin, start, [], end))
        else:
            close_quotes(margin)
        for index, (m, s, texts, _end) in enumerate(quotes):
            texts.append(text)
            quotes[index] = (m, s, texts, end)
        level = form.headingLevel()
        if level:
            parts.append(Part(HEADING, start, end, _clean(text), level=level))
        text_list = block.textList()
        if text_list is None:
            close_items(0)
        else:
            depth = max(1, text_list.format().indent())
            key = text_list.item(0).position()
            close_items(depth)
            open_items.append((depth, key, start, text))
            if key not in items:
                items[key] = []
                orders[key] = text_list.format().style() not in _BULLETS
        iterator = block.begin()
        while not iterator.atEnd():
            fragment = iterator.fragment()
            char = fragment.charFormat()
            position, length = fragment.position(), fragment.length()
            href = char.anchorHref() if char.isAnchor() else ""
            if link is not None and (href != link[0] or position != link[2]):
                close_link()
            if href:
                words = fragment.text()
                if char.isImageFormat():
                    words = char.toolTip() or words.replace(OBJECT_CHARACTER, "")
                if link is None:
                    link = (href, position, position + length, [words])
                else:
                    link = (href, link[1], position + length, [*link[3], words])
            if char.isImageFormat():
                name = char.toImageFormat().name()
                if name.startswith("picture:"):
                    parts.append(Part(PICTURE, position, position + 1, _picture_words(char, block)))
            elif not href and char.toolTip() and char.toolTip() in fragment.text():
                # A picture the library does not keep, shown as its alt text (render.py
                # gives the stand-in its alt text as a tooltip, or its whole label when
                # it has none).
                tip = char.toolTip()
                parts.append(
                    Part(
                        PICTURE, position, position + length, "" if tip == fragment.text() else tip
                    )
                )
            iterator += 1
        close_link()  # (a link never runs on into the next paragraph)
        last_end = end
        block = block.next()
    close_quotes(-1.0)
    close_items(0)
    for key, listed in items.items():
        listed.sort()
        depth = listed[0][3]
        parts.append(
            Part(
                LIST,
                listed[0][0],
                max(item[1] for item in listed),
                _clean(listed[0][2]),
                level=depth,
                items=len(listed),
                ordered=orders[key],
            )
        )
        parts.extend(Part(ITEM, a, b, _clean(words), level=depth) for a, b, words, _ in listed)
    parts.sort(key=lambda p: (p.start, -p.end, _RANK[p.kind]))
    return Structure(parts)


_BULLETS = (
    QtGui.QTextListFormat.Style.ListDisc,
    QtGui.QTextListFormat.Style.ListCircle,
    QtGui.QTextListFormat.Style.ListSquare,
)
# Of two parts with the same extent, the one that holds the other comes first.
_RANK = {QUOTE: 0, LIST: 1, ITEM: 2, HEADING: 3, LINK: 4, PICTURE: 5}


def _picture_words(char: QtGui.QTextCharFormat, block: QtGui.QTextBlock) -> str:
    """A kept picture's alternative text (its tooltip), else the caption under it."""
    alt = char.toolTip().strip()
    if alt:
        return alt
    return _clean(block.text().replace(OBJECT_CHARACTER, " "))


def _clean(text: str) -> str:
    # Line breaks inside a block (<br/>) are U+2028 in the document's text.
    return " ".join(text.replace("\u2028", " ").replace(OBJECT_CHARACTER, " ").split())
