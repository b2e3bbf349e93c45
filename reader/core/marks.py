"""What a reader marks in an article: highlights (with an optional note) and bookmarks.

A mark is anchored to the words, not to a place on the screen: it keeps the quoted text,
a little of the text on each side of it and where it started. The article's text shown
at another size, width, theme or setting is the same text, so the start finds the words
at once; when the text around it has changed (another header, a re-import), the quote is
looked for again, the context telling between its copies. A mark whose words are no
longer in the article is kept and said to be lost, never dropped in silence.

Positions count characters of the text as the reading view holds it (header and body).
No Qt here: the view gives its text and gets positions back.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime

HIGHLIGHT = "highlight"
BOOKMARK = "bookmark"
KINDS = (HIGHLIGHT, BOOKMARK)
# The highlight colours, by name; each theme says how each is drawn (reader.core.themes).
COLOURS = ("yellow", "green", "blue", "pink")
DEFAULT_COLOUR = COLOURS[0]

CONTEXT_CHARS = 32  # of text kept on each side of a quote
MAX_QUOTE_CHARS = 20_000  # a highlight of more is refused (a chapter, not a passage)
MAX_NOTE_CHARS = 100_000
MAX_NAME_CHARS = 200
DEFAULT_NAME_WORDS = 8


class MarkError(ValueError):
    """A mark that cannot be kept as given; the message says what and why."""


@dataclass(frozen=True)
class Anchor:
    """Where a mark is: its words (``quote``), the text just before and after them, and
    where they started. A bookmark's quote is the few words at its place."""

    quote: str
    prefix: str = ""
    suffix: str = ""
    start: int = 0


@dataclass
class Mark:
    kind: str
    anchor: Anchor
    colour: str | None = None  # highlights only
    note: str = ""  # highlights only
    name: str = ""  # bookmarks only
    created: str = ""
    updated: str = ""
    lost: bool = False  # its words were not found in the article the last time looked for
    id: int | None = None
    article_id: int | None = None

    @property
    def is_note(self) -> bool:
        return self.kind == HIGHLIGHT and bool(self.note.strip())


@dataclass
class Located:
    """A mark and where its words are in the text now (None when they are not there)."""

    mark: Mark
    span: tuple[int, int] | None = field(default=None)


def now() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat()


def anchor_at(text: str, start: int, end: int) -> Anchor:
    """The anchor of ``text[start:end]``; a bookmark (``start == end``) takes the words
    that follow its place, to the end of their line."""
    if not 0 <= start <= end <= len(text):
        raise MarkError(f"the place {start}-{end} is outside the article's text")
    if start == end:
        line_end = text.find("\n", start)
        end = min(len(text), line_end if line_end >= 0 else len(text), start + 80)
    quote = text[start:end]
    if not quote.strip():
        raise MarkError("nothing is selected: a highlight needs some words")
    if len(quote) > MAX_QUOTE_CHARS:
        raise MarkError(
            f"the selection is too long to highlight: {len(quote):,} characters, "
            f"at most {MAX_QUOTE_CHARS:,}"
        )
    return Anchor(
        quote=quote,
        prefix=text[max(0, start - CONTEXT_CHARS) : start],
        suffix=text[end : end + CONTEXT_CHARS],
        start=start,
    )


def locate(text: str, anchor: Anchor) -> tuple[int, int] | None:
    """Where the anchor's words are in ``text`` now: at its start if they still are,
    else the copy whose surroundings match best (the nearest on a tie), else the same
    words with other spacing; None when the article no longer holds them."""
    quote = anchor.quote
    if not quote:
        return None
    if text.startswith(quote, anchor.start):
        return anchor.start, anchor.start + len(quote)
    starts = _occurrences(text, quote)
    if starts:
        best = max(
            starts, key=lambda at: (_fit(text, at, len(quote), anchor), -abs(at - anchor.start))
        )
        return best, best + len(quote)
    return _loosely(text, anchor)


def _occurrences(text: str, quote: str, limit: int = 1000) -> list[int]:
    found: list[int] = []
    at = text.find(quote)
    while at >= 0 and len(found) < limit:
        found.append(at)
        at = text.find(quote, at + 1)
    return found


def _fit(text: str, at: int, length: int, anchor: Anchor) -> int:
    """How many characters of the anchor's context match around ``at``."""
    before = text[max(0, at - len(anchor.prefix)) : at]
    after = text[at + length : at + length + len(anchor.suffix)]
    return _common_suffix(before, anchor.prefix) + _common_prefix(after, anchor.suffix)


def _common_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


def _common_suffix(a: str, b: str) -> int:
    return _common_prefix(a[::-1], b[::-1])


_SPACE_RE = re.compile(r"\s+")


def _loosely(text: str, anchor: Anchor) -> tuple[int, int] | None:
    """The quote's words with any spacing between them (a paragraph joined or split,
    a line break become a space)."""
    words = anchor.quote.split()
    if not words:
        return None
    pattern = re.compile(r"\s+".join(re.escape(word) for word in words))
    matches = list(pattern.finditer(text))
    if not matches:
        return None
    best = min(matches, key=lambda m: abs(m.start() - anchor.start))
    return best.start(), best.end()


def locate_all(text: str, marks: list[Mark]) -> list[Located]:
    return [Located(mark, locate(text, mark.anchor)) for mark in marks]


_CONTROL_RE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2066-\u2069]")


def clean_name(name: str) -> str:
    """A bookmark's name as kept: control and direction characters become spaces, the
    spacing is tidied, at most ``MAX_NAME_CHARS`` characters."""
    name = unicodedata.normalize("NFC", name)
    name = _CONTROL_RE.sub(" ", name.replace("\t", " ").replace("\n", " "))
    name = _SPACE_RE.sub(" ", name).strip()
    if len(name) > MAX_NAME_CHARS:
        name = name[: MAX_NAME_CHARS - 1].rstrip() + "…"
    return name


def default_name(heading: str | None, words: str) -> str:
    """A new bookmark's name: the heading it is under, else the first words at its place."""
    if heading and heading.strip():
        return clean_name(heading)
    picked = words.split()[:DEFAULT_NAME_WORDS]
    name = clean_name(" ".join(picked))
    if len(words.split()) > DEFAULT_NAME_WORDS:
        name += "…"
    return name


def check_note(note: str) -> str:
    """The note as kept (line ends made ``\\n``, trailing space trimmed), or MarkError
    saying why it cannot be."""
    note = note.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")
    if len(note) > MAX_NOTE_CHARS:
        raise MarkError(
            f"the note is too long: {len(note):,} characters, at most {MAX_NOTE_CHARS:,}"
        )
    return note.rstrip()


def check_colour(colour: str | None) -> str:
    if colour is None:
        return DEFAULT_COLOUR
    if colour not in COLOURS:
        raise MarkError(f"unknown highlight colour {colour!r}: use one of {', '.join(COLOURS)}")
    return colour


def highlight(text: str, start: int, end: int, colour: str | None = None, note: str = "") -> Mark:
    if start >= end:
        raise MarkError("nothing is selected: a highlight needs some words")
    stamp = now()
    return Mark(
        kind=HIGHLIGHT,
        anchor=anchor_at(text, start, end),
        colour=check_colour(colour),
        note=check_note(note),
        created=stamp,
        updated=stamp,
    )


def bookmark(text: str, position: int, name: str) -> Mark:
    stamp = now()
    anchor = anchor_at(text, position, position)
    kept = clean_name(name) or default_name(None, anchor.quote)
    return Mark(kind=BOOKMARK, anchor=anchor, name=kept, created=stamp, updated=stamp)


# -- marks as plain data: the front matter of an exported article, the JSON export ------


def to_data(mark: Mark) -> dict:
    """The mark as plain values (for YAML front matter and JSON)."""
    data: dict = {"kind": mark.kind, "quote": mark.anchor.quote}
    if mark.anchor.prefix:
        data["prefix"] = mark.anchor.prefix
    if mark.anchor.suffix:
        data["suffix"] = mark.anchor.suffix
    data["start"] = mark.anchor.start
    if mark.kind == HIGHLIGHT:
        data["colour"] = mark.colour or DEFAULT_COLOUR
        if mark.note:
            data["note"] = mark.note
    else:
        data["name"] = mark.name
    data["created"] = mark.created
    if mark.updated and mark.updated != mark.created:
        data["updated"] = mark.updated
    if mark.lost:
        data["lost"] = True
    return data


def from_data(data: object, where: str = "mark") -> Mark:
    """A mark from plain values, or MarkError naming the field that is wrong."""
    if not isinstance(data, dict):
        raise MarkError(f"{where}: expected a mapping of fields, got {type(data).__name__}")
    kind = data.get("kind")
    if kind not in KINDS:
        raise MarkError(f"{where}: 'kind' must be one of {', '.join(KINDS)}, not {kind!r}")
    quote = data.get("quote")
    if not isinstance(quote, str) or not quote.strip():
        raise MarkError(f"{where}: 'quote' must be the marked text")
    if len(quote) > MAX_QUOTE_CHARS:
        raise MarkError(f"{where}: the quote is longer than {MAX_QUOTE_CHARS:,} characters")
    texts = {}
    for key in ("prefix", "suffix", "note", "name", "created", "updated"):
        value = data.get(key, "")
        if value is None:
            value = ""
        if not isinstance(value, str):
            value = str(value)  # (YAML reads a bare date or number as one)
        texts[key] = value
    start = data.get("start", 0)
    if isinstance(start, bool) or not isinstance(start, int) or start < 0:
        raise MarkError(f"{where}: 'start' must be a whole number of characters, not {start!r}")
    anchor = Anchor(quote, texts["prefix"][-CONTEXT_CHARS:], texts["suffix"][:CONTEXT_CHARS], start)
    try:
        if kind == HIGHLIGHT:
            mark = Mark(
                kind=HIGHLIGHT,
                anchor=anchor,
                colour=check_colour(data.get("colour")),
                note=check_note(texts["note"]),
            )
        else:
            mark = Mark(
                kind=BOOKMARK,
                anchor=anchor,
                name=clean_name(texts["name"]) or default_name(None, quote),
            )
    except MarkError as exc:
        raise MarkError(f"{where}: {exc}") from None
    stamp = texts["created"] or now()
    return replace(
        mark, created=stamp, updated=texts["updated"] or stamp, lost=bool(data.get("lost"))
    )
