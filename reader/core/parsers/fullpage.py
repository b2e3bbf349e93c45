"""Whole news pages dumped to text (``w3m -dump``, ``lynx -dump``, a browser's "Save as
Text", a select-all and paste): the article is kept, the page around it dropped.

``page_blocks`` cuts the dump into blocks, ``page_kinds`` says what each block is and
which run of them is the article, ``page_title`` finds the headline, byline and date
around the run's start; here the article's paragraphs, subheadings, lists and quotes
become its Markdown body.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

from reader.core.article import WORD_RE, Article, make_lead
from reader.core.parsers import page_furniture as pf
from reader.core.parsers.common import escape_markdown
from reader.core.parsers.page_blocks import Block, Page, read_page
from reader.core.parsers.page_bylines import (
    NAME_LINE_RE,
    NAMES_LINE_RE,
    find_authors,
    labelled_byline,
    meta,
)
from reader.core.parsers.page_headline import is_alt_text
from reader.core.parsers.page_kinds import LINKED, article_span, classify
from reader.core.parsers.page_title import find_header


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

    zone, start, title_index = find_header(blocks, start, end, body_indent)
    authors: list[str] = []
    published: str | None = None
    lead: list[tuple[str, str]] = []
    for index in zone:
        block = blocks[index]
        if index == title_index:
            continue
        found = meta(block)
        if found is not None:
            names, date = found
            if not names and title_index is not None and index - 1 > title_index:
                names = _name_over(blocks[index - 1])
            authors = authors or names
            published = published or date
            continue
        if (
            title_index is not None
            and index > title_index
            and block.kind in ("short", "good")
            and len(block.words) >= 5
            and block.link_density < 0.5
            and not is_alt_text(blocks, index)
        ):
            lead.append(("p", block.text))

    # A byline or dateline may follow the standfirst, inside the run of prose.
    good_seen = 0
    for index in range(start, end + 1):
        block = blocks[index]
        if block.kind == "good":
            good_seen += 1
            if good_seen > 2:
                break
            continue
        found = meta(block) if block.kind in ("short", "furniture") else None
        if found is not None:
            block.kind = "meta"
            below = title_index is None or index - 1 > title_index
            names = found[0] or (_name_over(blocks[index - 1]) if index and below else [])
            authors = authors or names
            published = published or found[1]

    if not authors:
        authors = _trailing_name(blocks, end)
    _drop_author_note(blocks, start, end, authors)
    body = lead + _body(blocks, start, end, body_indent) + _gallery(blocks, end)
    title = _headline(blocks[title_index].text) if title_index is not None else None
    if title_index is not None:
        # The headline again (a picture's alt text that repeats it) is not the text.
        body = [part for part in body if part[1] != blocks[title_index].text]
    return Extracted(title, authors, published, body)


def _gallery(blocks: list[Block], end: int) -> list[tuple[str, str]]:
    """The captions of a gallery right after the text, under its heading ("Фотогалерея"):
    short lines that are neither links nor a byline (the pictures are the article's)."""
    captions: list[tuple[str, str]] = []
    if end + 1 >= len(blocks) or not pf.GALLERY_RE.match(blocks[end + 1].text):
        return captions
    for block in blocks[end + 2 : end + 2 + _GALLERY_BLOCKS]:
        if (
            block.kind != "short"
            or len(block.words) > _CAPTION_WORDS
            or block.link_density >= 0.5  # (lynx numbers each picture's link)
            or meta(block) is not None
        ):
            break
        captions.append(("p", block.text))
    return captions


_GALLERY_BLOCKS = 12
_CAPTION_WORDS = 40


def _name_over(block: Block) -> list[str]:
    """A writer's name alone on the line over a date under the headline ("Rosalind Achebe"
    / "Sat 11 May 2024 09.00 BST"): the byline, printed without its "By"."""
    if (
        block.kind in ("short", "skipped")
        and 2 <= len(block.words) <= 3
        and NAME_LINE_RE.match(block.text)
    ):
        return [block.text]
    return []


def _headline(text: str) -> str:
    """The headline without the pictographs a post opens with ("❗️ Старый мост …"): a
    channel's marks, not words of its title."""
    index = 0
    while index < len(text) and (
        text[index].isspace()
        or (text[index] not in _SYMBOL_WORDS and unicodedata.category(text[index]) in _MARKS)
    ):
        index += 1
    return text[index:] if index < len(text) else text


# Symbols, their modifiers (a skin tone), combining marks (an emoji's variation selector) and
# format characters (the joiner of a compound emoji); "№" reads as a word.
_MARKS = frozenset(("So", "Sk", "Mn", "Cf"))
_SYMBOL_WORDS = "№"


def _body_indent(blocks: list[Block]) -> int:
    counts: dict[int, int] = {}
    for block in blocks:
        if block.kind == "good" and block.bullet is None:
            counts[block.indent] = counts.get(block.indent, 0) + len(block.words)
    return max(counts, key=counts.__getitem__) if counts else 0


def _body(blocks: list[Block], start: int, end: int, indent: int) -> list[tuple[str, str]]:
    body: list[tuple[str, str]] = []
    for index in range(start, end + 1):
        block = blocks[index]
        following = blocks[index + 1] if index < end else None
        if block.kind == "good":
            if block.bullet is not None:
                body.append(("li", block.text))
            elif block.indent >= indent + 2:
                body.append(("quote", _quoted(block.text)))
            else:
                body.append(("p", _quoted(block.text, run_in=True)))
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
                body.append(("h", _heading(block.text)))
            elif _short_paragraph(block) or pf.CAPTION_RE.search(block.text[: pf.HEAD_CHARS]):
                body.append(("p", block.text))
    return body


def _quoted(text: str, *, run_in: bool = False) -> str:
    """A quote without the forum's line naming whom it quotes ("… писал(а):"); with
    ``run_in``, only a line run into the quote or in a forum's words: prose may say
    whom it quotes ("Толстой писал: …")."""
    found = pf.QUOTED_RE.match(text[: pf.HEAD_CHARS])
    if not found or found.end() >= len(text):
        return text
    if run_in and not (found.group().endswith(":") or "(а)" in found.group()):
        return text
    return text[found.end() :]


def _heading(text: str) -> str:
    """A subheading (fifteen words at most) without the button an accordion runs on to it."""
    return pf.TOGGLE_RE.sub("", text)


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
    """A sentence too short to weigh as prose: "Main changes are:", "Nobody knew why.", or
    the two words that lead into a list ("Как объехать:")."""
    return (
        block.kind == "short"
        and (len(block.words) >= 3 or (len(block.words) == 2 and block.text.endswith(":")))
        and block.ends_clause
        and (block.stop_ratio > 0 or block.text.endswith(":"))
        and block.link_density < LINKED
    )


def _trailing_name(blocks: list[Block], end: int) -> list[str]:
    """A byline printed after the text: names alone on the line under it ("Алина
    Шерстнёва, Денис Ухов"), or a byline with its label a little further on, past a
    gallery's captions ("Текст: Мария Ельникова, фото: …")."""
    for index in range(end + 1, min(len(blocks), end + 1 + _TRAILING_REACH)):
        block = blocks[index]
        if block.kind in ("good", "section", "stop", "skipped"):
            break
        if index == end + 1 and block.kind == "short" and NAMES_LINE_RE.match(block.text):
            return find_authors(block.text, dateline=True)
        names = labelled_byline(block.text) if block.kind == "short" else []
        if names:
            return names
    return []


_TRAILING_REACH = 8


def parse_fullpage(text: str) -> Article | None:
    """The article of a whole page's dump, or None when no stretch of it reads as one."""
    return article_of(read_page(text))


def article_of(page: Page) -> Article | None:
    found = extract(page)
    if found is None or not found.body:
        return None
    found.body = _once(found.body)
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


# How long a paragraph must be before a repeat of it counts as the page's second copy.
_MIN_REPEATED_CHARS = 60


def _once(body: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Each paragraph once: some pages print the text twice (as lines, then paragraphs)."""
    seen: set[tuple[str, ...]] = set()
    kept = []
    for kind, content in body:
        key = tuple(WORD_RE.findall(content.casefold()))
        if len(content) >= _MIN_REPEATED_CHARS and key in seen:
            continue
        seen.add(key)
        kept.append((kind, content))
    return kept


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
        elif block.kind == "item" and len(block.words) <= 4 and not block.ends_clause:
            menu += 1
    if page.references >= 3:
        return signals + menu >= 2
    return signals >= 3 or (signals >= 2 and menu >= 4)
