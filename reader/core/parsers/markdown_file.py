"""Markdown articles, with or without front matter."""

from __future__ import annotations

import re

from reader.core.article import Article, make_lead, plain_text
from reader.core.errors import ImportFailure
from reader.core.parsers.frontmatter import as_list, as_text, split_front_matter

# The closing "#"s are taken off in Python (_atx_title): "(.+?)\s*#*\s*$" takes cubic
# time on a heading with a long run of spaces inside.
_ATX_RE = re.compile(r"^ {0,3}#\s(?=.)\s*+(.*)$")
_SETEXT_RE = re.compile(r"^ {0,3}=+\s*$")
_HEADING_LINE_RE = re.compile(r"^ {0,3}#{1,6}\s")
# Python-Markdown renders each level of a nested list a few calls deeper, with no limit of
# its own (it has one for quotations): 250 levels overflow Python's stack. No real article
# nests lists past a handful; a list item indented this many levels is refused here, so
# that opening the article cannot fail.
MAX_LIST_DEPTH = 50
_TAB = 4
_LIST_ITEM_RE = re.compile(r"^(?: {0,3}>)*+([ \t]*+)(?:[-+*]|\d{1,9}[.)])(?:[ \t]|$)", re.MULTILINE)


def looks_like_markdown(text: str) -> bool:
    """A first line that is a Markdown heading, or common Markdown markup up front."""
    head = text.lstrip()[:2000]
    first = head.split("\n", 1)[0]
    return bool(_ATX_RE.match(first) or re.search(r"^ {0,3}#{1,6}\s", head, re.MULTILINE))


def parse_markdown(text: str) -> Article:
    meta, body = split_front_matter(text)
    body = body.strip("\n")
    title = as_text(meta.get("title"))
    if not title:
        title, body = _take_first_heading(body)
    if not body.strip() and not title:
        raise ImportFailure("the Markdown file holds no text")
    _check_list_depth(body)

    views = meta.get("views")
    if views is not None:
        try:
            views = int(views)
        except (TypeError, ValueError):
            shown = repr(views) if len(repr(views)) <= 40 else repr(views)[:40] + "…"
            raise ImportFailure(
                f"front matter 'views' must be a whole number, not {shown}"
            ) from None

    authors = as_list(meta.get("authors", meta.get("author")))
    lead = as_text(meta.get("lead") or meta.get("summary") or meta.get("description"))
    return Article(
        title=title or "Untitled",
        body=body,
        authors=authors,
        published=as_text(meta.get("published", meta.get("date"))),
        source=as_text(meta.get("source") or meta.get("site")),
        url=as_text(meta.get("url") or meta.get("link")),
        language=as_text(meta.get("language") or meta.get("lang")),
        views=views,
        lead=lead or make_lead(plain_text(body)),
        tags=as_list(meta.get("tags")),
        imported_at=as_text(meta.get("imported_at")),
        original_path=as_text(meta.get("original_path")),
        format=as_text(meta.get("format")) or "markdown",
    )


def _atx_title(text: str) -> str:
    """A "# Heading #" line's text without the closing "#"s (a heading of only "#"s keeps one)."""
    return text.rstrip().rstrip("#").rstrip() or text.strip()[:1]


def _check_list_depth(body: str) -> None:
    deepest = _TAB * MAX_LIST_DEPTH
    for match in _LIST_ITEM_RE.finditer(body):
        indent = match.group(1)
        if len(indent) >= deepest // _TAB and len(indent.expandtabs(_TAB)) >= deepest:
            raise ImportFailure(f"the Markdown nests lists more than {MAX_LIST_DEPTH} levels deep")


def _take_first_heading(body: str) -> tuple[str | None, str]:
    """The first heading as the title, removed from the body (it is shown as the title)."""
    lines = body.split("\n")
    for index, line in enumerate(lines):
        if not line.strip():
            continue
        match = _ATX_RE.match(line)
        if match:
            return _atx_title(match.group(1)), "\n".join(lines[index + 1 :]).strip("\n")
        if index + 1 < len(lines) and _SETEXT_RE.match(lines[index + 1]):
            return line.strip(), "\n".join(lines[index + 2 :]).strip("\n")
        break
    # No heading first: the first line of text names the article, the body stays whole.
    for line in lines:
        if line.strip() and not _HEADING_LINE_RE.match(line):
            return plain_text(line).strip()[:120], body
    return None, body
