"""An article as the HTML the reading view shows: a header and the Markdown body.

No network: every image becomes its alt text (remote images are never fetched, and saved
pages' local images are not part of the library), and links stay links, opened only when
the reader clicks one.
"""

from __future__ import annotations

import html
import math
import re
from collections.abc import Callable
from dataclasses import dataclass

from reader.core.article import Article

WORDS_PER_MINUTE = 200

# A quoted value may hold ">" (alt="a>b"); a quote left open falls back to the first ">".
_IMG_RE = re.compile(r"""<img\b(?:(?:[^>"']++|"[^"<]*+"|'[^'<]*+')*+>|[^>]*+>?)""", re.IGNORECASE)
_ATTRIBUTE_RE = re.compile(
    r"""([^\s"'>/=]++)(?:\s*+=\s*+(?:"([^"]*+)"|'([^']*+)'|([^\s"'>]++)))?+"""
)


@dataclass(frozen=True)
class HeaderLabels:
    """The header's words, translated by the caller (the UI knows the language)."""

    by: Callable[[str], str] = lambda authors: authors
    views: Callable[[int], str] = lambda n: f"{n:,} views".replace(",", "\u202f")
    minutes: Callable[[int], str] = lambda n: f"{n} min read"
    image: Callable[[str], str] = lambda alt: f"[Image: {alt}]" if alt else "[Image]"


def reading_minutes(words: int) -> int:
    return max(1, math.ceil(words / WORDS_PER_MINUTE)) if words else 0


def body_html(markdown_text: str, labels: HeaderLabels | None = None) -> str:
    import markdown  # loaded with the first article, not with the window
    from markdown.extensions.sane_lists import SaneListExtension

    labels = labels or HeaderLabels()
    # The extension as an object, not by name: by name, markdown searches every installed
    # package's entry points first (about 40 ms on the first article).
    rendered = markdown.markdown(
        markdown_text, extensions=[SaneListExtension()], output_format="html"
    )
    return _IMG_RE.sub(lambda m: _image_alt(m.group(0), labels), rendered)


def article_html(
    article: Article,
    format_date: Callable[[str], str] = lambda iso: iso,
    labels: HeaderLabels | None = None,
) -> str:
    """The header (title, author, date, source, views, reading time) and the body."""
    labels = labels or HeaderLabels()
    facts = []
    if article.authors:
        facts.append(html.escape(labels.by(article.author)))
    if article.published:
        facts.append(html.escape(format_date(article.published)))
    if article.source:
        facts.append(html.escape(article.source))
    details = []
    if article.views is not None:
        details.append(html.escape(labels.views(article.views)))
    if article.words:
        details.append(html.escape(labels.minutes(reading_minutes(article.words))))
    header = f'<h1 class="title">{html.escape(article.title)}</h1>'
    if facts:
        header += f'<p class="byline">{" · ".join(facts)}</p>'
    if details:
        header += f'<p class="details">{" · ".join(details)}</p>'
    return f"{header}<hr/>{body_html(article.body, labels)}"


def _image_alt(tag: str, labels: HeaderLabels) -> str:
    alt = ""
    for match in _ATTRIBUTE_RE.finditer(tag, 4):  # after "<img"
        if match.group(1).lower() == "alt":
            alt = html.unescape(next((g for g in match.groups()[1:] if g is not None), ""))
            break
    return f'<span class="image-alt">{html.escape(labels.image(alt.strip()))}</span>'
