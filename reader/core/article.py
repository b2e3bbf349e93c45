"""The article model and the text measures derived from it."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reader.core.marks import Mark
    from reader.core.pictures import Picture

# A word: letters or digits, with inner hyphens or apostrophes (государств-членов, don't).
WORD_RE = re.compile(r"\w+(?:[-'’]\w+)*")

_MD_ESCAPE_RE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!<>|~=])")
# An image's alt text may hold brackets in pairs, its address parentheses in pairs (its
# title too): none of its address is words. (Links keep the older, simpler reading: the
# duplicate key of every stored text with links depends on it.)
_MD_IMAGE_RE = re.compile(r"!\[((?:[^\[\]]|\[[^\[\]]*+\])*+)\]\((?:[^()]|\([^()]*+\))*+\)")
# Block markers at the start of a line (headings, quotes, list items), and inline marks.
_MD_LINE_MARKER = r"[ \t]{0,3}(?:#{1,6}[ \t]+|>[ \t]?|[-*+][ \t]+|\d+[.)][ \t]+)"
_MD_FIRST_LINE_RE = re.compile(_MD_LINE_MARKER)
_MD_LINE_RE = re.compile("\n" + _MD_LINE_MARKER)
_MD_INLINE_MARKS = "*_`~"
_STASHED_RE = re.compile("\x00(\\d+)\x00")
_SPACE_RE = re.compile(r"\s+")


@dataclass
class Article:
    """One stored article, as imported and as kept in the library.

    ``published`` keeps what the source said, as ISO 8601 text: a date, or a date and
    time with an offset only when the source gave one.
    """

    title: str
    body: str  # Markdown
    authors: list[str] = field(default_factory=list)
    published: str | None = None
    source: str | None = None
    url: str | None = None
    language: str | None = None
    views: int | None = None
    lead: str | None = None
    tags: list[str] = field(default_factory=list)
    words: int = 0
    content_hash: str = ""
    imported_at: str | None = None
    original_path: str | None = None
    format: str | None = None  # which importer produced it: webdump, markdown, text, html
    id: int | None = None
    # Stemmed text for the search index (title, author, source, body), when already made:
    # import workers prepare it so the process that writes does not have to.
    index_terms: tuple[str, str, str, str] | None = field(default=None, compare=False, repr=False)
    # The pictures its body points at (``picture:<digest>``), by digest, when just imported
    # (a stored article's pictures stay in the library until shown or exported), and what
    # the import could not keep, one sentence each ("picture 'a.png' not kept: missing").
    pictures: dict[str, Picture] = field(default_factory=dict, compare=False, repr=False)
    pictures_dropped: list[str] = field(default_factory=list, compare=False, repr=False)
    # The highlights and bookmarks an exported article brings back (its front matter's
    # ``marks``), kept with it when it is imported.
    marks: list[Mark] = field(default_factory=list, compare=False, repr=False)
    marks_dropped: list[str] = field(default_factory=list, compare=False, repr=False)

    @property
    def author(self) -> str:
        return ", ".join(self.authors)

    def with_derived_fields(self) -> Article:
        """A copy with word count and content hash computed from the body."""
        words = WORD_RE.findall(_normalise(plain_text(self.body)))
        digest = _content_hash(self.title, self.body, words)
        return replace(self, words=len(words), content_hash=digest)


def content_hash(title: str, body: str) -> str:
    """What tells two copies of an article apart: the words of its text. A picture's alt
    text and caption are not counted: the same page saved with its pictures and without
    them (or imported before pictures were kept) is the same article. A text of
    pictures only is told by their words, and one with no words by its title."""
    return _content_hash(title, body, WORD_RE.findall(_normalise(plain_text(body))))


def _content_hash(title: str, body: str, words: list[str]) -> str:
    import hashlib  # only importing needs it; kept off the window's start-up path

    if words and "![" in body:
        from reader.core.markdown_images import without_pictures

        words = WORD_RE.findall(_normalise(plain_text(without_pictures(body)))) or words
    basis = " ".join(words) if words else normalise_for_hash(title)
    return hashlib.sha256(basis.encode("utf-8")).hexdigest()


def plain_text(markdown_text: str) -> str:
    """The readable text of a Markdown body: link texts kept, markup dropped."""
    escaped: list[str] = []

    def stash(match: re.Match[str]) -> str:
        escaped.append(match.group(1))
        return f"\x00{len(escaped) - 1}\x00"

    text = markdown_text.replace("\x00", "")
    # Most bodies have no escapes and no links: their passes are skipped.
    if "\\" in text:
        text = _MD_ESCAPE_RE.sub(stash, text)
    if "](" in text:
        if "![" in text:
            text = _MD_IMAGE_RE.sub(r"\1", text)
        text = _link_texts(text)
    # (Plain string operations: one regular expression with the inline marks as an
    # alternative tried the line-start one at every character, 20x slower.)
    first = _MD_FIRST_LINE_RE.match(text)
    if first:
        text = text[first.end() :]
    if "\n" in text:
        text = _MD_LINE_RE.sub("\n", text)
    for mark in _MD_INLINE_MARKS:
        if mark in text:
            text = text.replace(mark, "")
    return _STASHED_RE.sub(lambda m: escaped[int(m.group(1))], text) if escaped else text


def _link_texts(text: str) -> str:
    r"""Each link ``[text](address)`` (or image) as its text: what
    ``re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", text)`` gives (the duplicate key of every
    stored text with links depends on it), in linear time: that pattern, tried at each
    "[", reads to the end of a text with no "]" or ")" after it, and a body of 20,000
    "[a](" took seconds to read."""
    pieces: list[str] = []
    done = position = 0
    closing_bracket = closing_paren = 0  # the first "]" / ")" after the last place asked
    while (start := text.find("[", position)) >= 0:
        if 0 <= closing_bracket <= start:
            closing_bracket = text.find("]", start + 1)
        if closing_bracket < 0:
            break
        if not text.startswith("(", closing_bracket + 1):
            position = start + 1
            continue
        if 0 <= closing_paren <= closing_bracket + 1:
            closing_paren = text.find(")", closing_bracket + 2)
        if closing_paren < 0:
            break
        mark = start - 1 if start > done and text[start - 1] == "!" else start
        pieces += (text[done:mark], text[start + 1 : closing_bracket])
        done = position = closing_paren + 1
    return "".join(pieces) + text[done:] if pieces else text


def count_words(text: str) -> int:
    return len(WORD_RE.findall(text))


def _normalise(text: str) -> str:
    return unicodedata.normalize("NFKC", text).casefold().replace("ё", "е")


def normalise_for_hash(text: str) -> str:
    """Text reduced to what makes two copies of an article the same article.

    Unicode compatibility forms, case, ё/е, punctuation and spacing do not count: the same
    story saved twice from two pages, or in two encodings, normalises to the same string.
    """
    return " ".join(WORD_RE.findall(_normalise(text)))


def make_lead(body_text: str, limit: int = 300) -> str | None:
    """A short summary: the first paragraph, cut at a word boundary when long."""
    for paragraph in body_text.split("\n\n"):
        paragraph = _SPACE_RE.sub(" ", paragraph).strip()
        if not paragraph:
            continue
        if len(paragraph) <= limit:
            return paragraph
        cut = paragraph[:limit].rsplit(" ", 1)[0].rstrip(",;:—–- ")
        return cut + "…"
    return None
