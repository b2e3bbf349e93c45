"""Markdown articles, with or without front matter."""

from __future__ import annotations

import re

from reader.core.article import Article, make_lead, plain_text
from reader.core.errors import ImportFailure
from reader.core.importers.frontmatter import as_list, as_text, split_front_matter

_ATX_RE = re.compile(r"^ {0,3}#\s+(.+?)\s*#*\s*$")
_SETEXT_RE = re.compile(r"^ {0,3}=+\s*$")
_HEADING_LINE_RE = re.compile(r"^ {0,3}#{1,6}\s")


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

    views = meta.get("views")
    if views is not None:
        try:
            views = int(views)
        except (TypeError, ValueError):
            raise ImportFailure(f"front matter 'views' must be a whole number, not {views!r}") from None

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


def _take_first_heading(body: str) -> tuple[str | None, str]:
    """The first heading as the title, removed from the body (it is shown as the title)."""
    lines = body.split("\n")
    for index, line in enumerate(lines):
        if not line.strip():
            continue
        match = _ATX_RE.match(line)
        if match:
            return match.group(1).strip(), "\n".join(lines[index + 1 :]).strip("\n")
        if index + 1 < len(lines) and _SETEXT_RE.match(lines[index + 1]):
            return line.strip(), "\n".join(lines[index + 2 :]).strip("\n")
        break
    # No heading first: the first line of text names the article, the body stays whole.
    for line in lines:
        if line.strip() and not _HEADING_LINE_RE.match(line):
            return plain_text(line).strip()[:120], body
    return None, body
