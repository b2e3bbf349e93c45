"""An article as the HTML the reading view shows: a header and the Markdown body.

No network: a picture the library keeps with the article (``picture:<digest>``) is shown
at its stored size (the view fits it to the column), with its caption, or its alt text
when it has none, centred under it; every other image becomes its alt text (remote
images are never fetched). Links stay links, opened only when the reader clicks one.
"""

from __future__ import annotations

import html
import math
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from reader.core.article import Article
from reader.core.pictures import picture_digest

WORDS_PER_MINUTE = 200

# A quoted value may hold ">" (alt="a>b"); a quote left open falls back to the first ">".
_IMG_RE = re.compile(r"""<img\b(?:(?:[^>"']++|"[^"<]*+"|'[^'<]*+')*+>|[^>]*+>?)""", re.IGNORECASE)
_ATTRIBUTE_RE = re.compile(
    r"""([^\s"'>/=]++)(?:\s*+=\s*+(?:"([^"]*+)"|'([^']*+)'|([^\s"'>]++)))?+"""
)
# A paragraph that opens with a kept picture: the picture, then its caption (if any).
_FIGURE_RE = re.compile(r'<p>(<img src="picture:[^>]*>)(.*?)</p>', re.S)
_LEADING_BREAK_RE = re.compile(r"^(?:\s|<br\s*/?>)+")


@dataclass(frozen=True)
class HeaderLabels:
    """The header's words, translated by the caller (the UI knows the language)."""

    by: Callable[[str], str] = lambda authors: authors
    views: Callable[[int], str] = lambda n: f"{n:,} views".replace(",", "\u202f")
    minutes: Callable[[int], str] = lambda n: f"{n} min read"
    image: Callable[[str], str] = lambda alt: f"[Image: {alt}]" if alt else "[Image]"


def reading_minutes(words: int) -> int:
    return max(1, math.ceil(words / WORDS_PER_MINUTE)) if words else 0


def body_html(
    markdown_text: str,
    labels: HeaderLabels | None = None,
    pictures: Mapping[str, tuple[int, int]] | None = None,
) -> str:
    """The body as HTML; ``pictures`` gives the width and height of each kept picture."""
    import markdown  # loaded with the first article, not with the window
    from markdown.extensions.sane_lists import SaneListExtension

    labels = labels or HeaderLabels()
    # The extension as an object, not by name: by name, markdown searches every installed
    # package's entry points first (about 40 ms on the first article).
    rendered = markdown.markdown(
        markdown_text, extensions=[SaneListExtension()], output_format="html"
    )
    kept = pictures or {}
    rendered = _IMG_RE.sub(lambda m: _image(m.group(0), labels, kept), rendered)
    return _FIGURE_RE.sub(_figure, rendered) if kept else rendered


def article_html(
    article: Article,
    format_date: Callable[[str], str] = lambda iso: iso,
    labels: HeaderLabels | None = None,
    pictures: Mapping[str, tuple[int, int]] | None = None,
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
    return f"{header}<hr/>{body_html(article.body, labels, pictures)}"


def _image(tag: str, labels: HeaderLabels, pictures: Mapping[str, tuple[int, int]]) -> str:
    attributes: dict[str, str] = {}
    for match in _ATTRIBUTE_RE.finditer(tag, 4):  # after "<img"
        value = next((g for g in match.groups()[1:] if g is not None), "")
        attributes.setdefault(match.group(1).lower(), html.unescape(value))
    alt = " ".join(attributes.get("alt", "").split())
    digest = picture_digest(attributes.get("src", ""))
    if digest and digest in pictures:
        width, height = pictures[digest]
        # The alt text rides along as data for the caption (below) and as the tooltip.
        return (
            f'<img src="picture:{digest}" width="{width}" height="{height}" '
            f'alt="{html.escape(alt)}" title="{html.escape(alt)}" />'
        )
    # The alt text also as a tooltip: how the view tells a stand-in from other text (the
    # whole label when there is no alt text).
    label = labels.image(alt)
    return (
        f'<span class="image-alt" title="{html.escape(alt or label)}">{html.escape(label)}</span>'
    )


def _figure(match: re.Match[str]) -> str:
    """A kept picture on its own centred line; under it its caption, else its alt text
    (what a screen reader reads, and what a reader who cannot make the picture out
    needs)."""
    image, caption = match.group(1), _LEADING_BREAK_RE.sub("", match.group(2)).strip()
    if not caption:
        alt = re.search(r'alt="([^"]*)"', image)
        caption = alt.group(1) if alt else ""
    # One paragraph: the view centres it and keeps its lines close (a picture's line at the
    # text's line spacing would leave half the picture's height blank under it).
    caption = f'<br /><span class="caption">{caption}</span>' if caption else ""
    return f'<p class="picture" align="center">{image}{caption}</p>'
