"""Where a Markdown body's images are, read as the reading view's Markdown reads them.

An image is ``![alt](address "title")`` (the title may also be in single quotes or in
parentheses, the address in angle brackets, the alt text may hold brackets in pairs) or
``![alt][label]``, ``![alt][]``, ``![alt]`` with a ``[label]: address`` line somewhere
in the body. Code is text: what is written inside a fenced or indented code block, a
code span or a raw HTML block, or after a backslash (``\\![...]``), is not an image, and
the import, the export and the duplicate check leave it as it is written.

One pass over the body: its lines are sorted into code, raw HTML, link definitions and
paragraphs, and each paragraph is read from left to right once (brackets paired as they
close), so a body of any size or shape is read in linear time.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

# (Python-Markdown's block-level elements: a line that opens one starts raw HTML.)
_BLOCK_TAGS = frozenset(
    re.split(
        r"\s+",
        "address article aside blockquote body canvas center colgroup dd details div dl dt "
        "fieldset figcaption figure footer form group h1 h2 h3 h4 h5 h6 header hgroup hr "
        "html iframe legend li main map math menu nav noscript object ol option output p "
        "pre progress script section style summary table tbody td textarea tfoot th thead "
        "tr ul video",
    )
)
_VOID_TAGS = frozenset({"hr"})
_QUOTE_PREFIX = re.compile(r"(?: {0,3}>[ \t]?)*")
_FENCE = re.compile(r" {0,3}(`{3,}|~{3,})(.*)")
_HTML_START = re.compile(r" {0,3}<(!--|([A-Za-z][A-Za-z0-9]*)(?=[\s/>]|$))")
_ATX_HEADING = re.compile(r" {0,3}#{1,6}(?:[ \t]|$)")
_LIST_ITEM = re.compile(r"[ \t]*(?:[-+*]|\d{1,9}[.)])(?:[ \t]|$)")
_BLANK = re.compile(r"[ \t]*")
# An address and optional title, after "](" ... up to ")". Spaces, tabs and at most one
# line end around each part; an address holds parentheses only in pairs (one level).
_SPACE = r"[ \t]*+(?:\n[ \t]*+)?+"
_DESTINATION = re.compile(
    r"\(" + _SPACE + r"(?:<(?P<angle>(?:[^<>\n\\]|\\.)*+)>"
    r"|(?P<bare>(?:[^\x00-\x20()\\]|\\[^\n]|\((?:[^\x00-\x20()\\]|\\[^\n])*+\))++))?+"
    r"(?:" + _SPACE + r"(?<=[\s(>])(?P<title>\"(?:[^\"\\]|\\.)*+\"|'(?:[^'\\]|\\.)*+'"
    r"|\((?:[^()\\]|\\.)*+\)))?+" + _SPACE + r"\)",
    re.S,
)
_DEFINITION = re.compile(
    r" {0,3}\[(?P<label>(?:[^\[\]\\\n]|\\.){1,999})\]:[ \t]*+"
    r"(?:<(?P<angle>(?:[^<>\n\\]|\\.)*+)>|(?P<bare>\S++))"
    r"(?:[ \t]++(?P<title>\"(?:[^\"\\\n]|\\.)*+\"|'(?:[^'\\\n]|\\.)*+'|\((?:[^()\\\n]|\\.)*+\)))?+"
    r"[ \t]*+"
)
# What the inline reading stops at: an escape, a run of backticks, an opening or closing
# bracket (an image's opening is "![").
_INLINE = re.compile(r"\\[^\n]|`++|!\[|\[|\]")
_REFERENCE = re.compile(r"\[((?:[^\[\]\\]|\\.){0,999})\]", re.S)
_ESCAPED = re.compile(r"\\([!-/:-@\[-`{-~])")
# The caption the HTML reader writes under a figure's picture: its own line, in italics.
_CAPTION_LINE = re.compile(r"[ \t]*\n[ \t]*\*(?!\*)[^\n]*[^\s*\\]\*[ \t]*(?=\n|$)")


@dataclass(frozen=True)
class Image:
    """One image of a body: ``body[start:end]`` is how it is written."""

    start: int
    end: int
    alt: str  # as written (its Markdown escapes kept)
    address: str  # what it points at (angle brackets and backslash escapes taken off)
    title: str | None  # as written, with its quotes or parentheses

    def written(self, address: str) -> str:
        """The image pointing at ``address``, in the form every reader of Markdown
        knows: ``![alt](address "title")``."""
        return f"![{self.alt}]({address}{_title_part(self.title)})"


def images(body: str) -> list[Image]:
    """The body's images, in order."""
    if "![" not in body:
        return []
    paragraphs, definitions = _blocks(body)
    found: list[Image] = []
    for start, end in paragraphs:
        if body.find("![", start, end) >= 0:
            for image in _inline_images(body, start, end, definitions):
                while found and found[-1].start >= image.start:
                    found.pop()  # (an image in another's alt text is part of that text)
                found.append(image)
    return found


def replace_images(body: str, change: Callable[[Image], str | None]) -> str:
    """The body with each image replaced by what ``change`` makes of it (kept as it is
    written when it gives None)."""
    pieces: list[str] = []
    last = 0
    for image in images(body):
        new = change(image)
        if new is not None:
            pieces += (body[last : image.start], new)
            last = image.end
    return "".join(pieces) + body[last:] if pieces else body


def without_pictures(body: str) -> str:
    """The body with its images and the captions under them taken out (what makes two
    copies of an article the same article is their text, not their pictures)."""
    pieces: list[str] = []
    last = 0
    for image in images(body):
        end = image.end
        caption = _CAPTION_LINE.match(body, end)
        if caption:
            end = caption.end()
        pieces += (body[last : image.start], " ")
        last = end
    return "".join(pieces) + body[last:] if pieces else body


def _title_part(title: str | None) -> str:
    if not title:
        return ""
    if title[0] != "(":
        return f" {title}"
    # (The view's Markdown knows quoted titles only.)
    inner = title[1:-1]
    if '"' not in inner:
        return f' "{inner}"'
    if "'" not in inner:
        return f" '{inner}'"
    return ' "' + inner.replace('"', "'") + '"'  # (a title is never shown: it loses nothing)


def _unescape(text: str) -> str:
    return _ESCAPED.sub(r"\1", text) if "\\" in text else text


def _label_key(label: str) -> str:
    return " ".join(label.split()).casefold()


# -- blocks ---------------------------------------------------------------------------------


def _lines(body: str) -> Iterator[tuple[int, int]]:
    start = 0
    while start <= len(body):
        end = body.find("\n", start)
        if end < 0:
            end = len(body)
        yield start, end
        start = end + 1


def _indent(text: str) -> int:
    spaces = len(text) - len(text.lstrip(" \t"))
    return len(text[:spaces].expandtabs(4))


def _blocks(body: str) -> tuple[list[tuple[int, int]], dict[str, tuple[str, str | None]]]:
    """The spans of the body read as inline text (paragraphs, headings, list items,
    quotes), and its link definitions by label; code and raw HTML are neither."""
    paragraphs: list[tuple[int, int]] = []
    definitions: dict[str, tuple[str, str | None]] = {}
    paragraph: int | None = None  # where the open paragraph starts
    paragraph_end = 0
    fence: tuple[str, int] | None = None  # an open fence's character and length
    in_code = False  # the previous line was indented code
    blank_before = True
    list_items: list[int] = []  # the indents of the open list's items
    skip_to = 0  # the end of a raw HTML block

    def close() -> None:
        nonlocal paragraph
        if paragraph is not None and paragraph_end > paragraph:
            paragraphs.append((paragraph, paragraph_end))
        paragraph = None

    for line_start, line_end in _lines(body):
        if line_end <= skip_to:
            continue
        start = max(line_start, skip_to)
        line = body[start:line_end]
        quoted = _QUOTE_PREFIX.match(line).end()  # type: ignore[union-attr]  # (matches all)
        content = line[quoted:]
        if fence is not None:
            closing = _FENCE.fullmatch(content.rstrip())
            if (
                closing
                and closing.group(1)[0] == fence[0]
                and len(closing.group(1)) >= fence[1]
                and not closing.group(2).strip()
            ):
                fence = None
            continue
        if _BLANK.fullmatch(content):
            close()
            blank_before = True
            continue
        indent = _indent(content)
        item = _LIST_ITEM.match(content)
        if list_items and blank_before and indent < 4 and not item:
            list_items = []  # a paragraph of its own after the list ends it
        if (
            indent >= 4
            and (blank_before or in_code or paragraph is None)
            and not (item and list_items)
            and indent >= _code_indent(list_items, indent)
        ):
            close()
            in_code, blank_before = True, False
            continue
        in_code = False
        opening = _FENCE.fullmatch(content)
        if opening and not (opening.group(1)[0] == "`" and "`" in opening.group(2)):
            close()
            fence = (opening.group(1)[0], len(opening.group(1)))
            continue
        html = _HTML_START.match(content)
        if html and (html.group(1) == "!--" or html.group(2).lower() in _BLOCK_TAGS):
            close()
            skip_to = _html_end(body, start + quoted, html)
            if skip_to < line_end and not _BLANK.fullmatch(body[skip_to:line_end]):
                paragraph, paragraph_end = skip_to, line_end  # (text after it on its line)
            blank_before = False
            continue
        definition = _DEFINITION.fullmatch(content)
        if definition:
            close()
            key = _label_key(definition.group("label"))
            address = definition.group("angle")
            if address is None:
                address = definition.group("bare")
            definitions.setdefault(key, (_unescape(address), definition.group("title")))
            blank_before = False
            continue
        if item and (indent < 4 or list_items):
            list_items.append(indent)
        blank_before = False
        if _ATX_HEADING.match(content):
            close()
            paragraphs.append((start, line_end))  # a heading is a block of its own line
            continue
        if paragraph is None:
            paragraph = start
        paragraph_end = line_end
    close()
    return paragraphs, definitions


def _code_indent(list_items: list[int], indent: int) -> int:
    """How far a line must be indented to be code: 4 spaces, or inside a list 8 past
    the item it belongs to (4 more only continue the item), as the view's Markdown has it."""
    owners = [i for i in list_items if i + 4 <= indent]
    return max(owners) // 4 * 4 + 8 if owners else 4


def _html_end(body: str, start: int, opening: re.Match[str]) -> int:
    """Where a raw HTML block that opens at ``start`` ends: after its comment's end, or
    after the tag that closes its element (the body's end when none does)."""
    if opening.group(1) == "!--":
        end = body.find("-->", start + opening.end())
        return len(body) if end < 0 else end + 3
    name = opening.group(2).lower()
    tag_end = body.find(">", start + opening.end())
    if tag_end < 0:
        return len(body)
    if name in _VOID_TAGS or body[tag_end - 1] == "/":
        return tag_end + 1
    depth = 1
    tags = re.compile(rf"<(/?){re.escape(name)}(?=[\s/>])[^>]*?(/?)>", re.I)
    for tag in tags.finditer(body, tag_end + 1):
        if tag.group(1):
            depth -= 1
            if depth == 0:
                return tag.end()
        elif not tag.group(2):
            depth += 1
    return len(body)


# -- inline ---------------------------------------------------------------------------------


def _inline_images(
    body: str, start: int, end: int, definitions: dict[str, tuple[str, str | None]]
) -> Iterator[Image]:
    """The images of one paragraph, ``body[start:end]``, read as the view's Markdown reads
    it: escapes first, then code spans, then brackets paired as they close."""
    runs: dict[int, list[int]] = {}  # each length of backtick run: where such runs start
    if body.find("`", start, end) >= 0:
        for run in re.finditer("`+", body[start:end]):
            runs.setdefault(len(run.group()), []).append(start + run.start())
    openers: list[tuple[int, bool]] = []  # open brackets: where, and whether an image's
    position = start
    while True:
        token = _INLINE.search(body, position, end)
        if token is None:
            return
        text = token.group()
        position = token.end()
        if text[0] == "\\":
            continue
        if text[0] == "`":
            # A code span runs to the next run of exactly as many backticks; a run with no
            # such partner is only backticks.
            ends = runs.get(len(text), [])
            after = bisect.bisect_left(ends, position)
            if after < len(ends):
                position = ends[after] + len(text)
            continue
        if text != "]":
            openers.append((token.end() - 1, text == "!["))
            continue
        if not openers:
            continue
        opened, is_image = openers.pop()
        label_end = token.start()
        inline = _DESTINATION.match(body, position, end)
        if inline:
            position = inline.end()  # (a link's address is no place for images either)
            if is_image:
                address = inline.group("angle")
                if address is None:
                    address = inline.group("bare") or ""
                alt = body[opened + 1 : label_end]
                yield Image(opened - 1, position, alt, _unescape(address), inline.group("title"))
            continue
        if not is_image:
            continue
        # A reference: ![alt][label], ![alt][] or ![alt] with the label defined.
        alt = body[opened + 1 : label_end]
        label, image_end = alt, position
        reference = _REFERENCE.match(body, position, end)
        if reference:
            label = reference.group(1) or alt
            image_end = reference.end()
        found = definitions.get(_label_key(label))
        if found is not None:
            yield Image(opened - 1, image_end, alt, found[0], found[1])
            position = image_end
