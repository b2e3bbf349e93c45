"""Saved web pages (.html/.htm): the article as Markdown, metadata from the page's markup.

trafilatura finds the main text; the page is tidied first where it stumbles (layout tables,
promo boxes, bars of links, relative links: parsers.html_tidy). The tidy-up may only add to what
trafilatura finds: where the tidied page reads as no article, the page as saved is read instead.
Metadata is read here from Open Graph, JSON-LD, <meta> and <time>: trafilatura keeps only the
day of a date and drops the dots of initials.
"""

from __future__ import annotations

import functools
import json
import re
import secrets
from collections import deque
from datetime import datetime
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from reader.core.article import Article, count_words, plain_text
from reader.core.errors import ImportFailure
from reader.core.markdown_images import without_pictures
from reader.core.parsers.common import parse_numeric_datetime
from reader.core.parsers.html_limits import bound_attributes
from reader.core.parsers.html_pictures import PageFigures
from reader.core.parsers.html_tidy import SENTENCE_WORDS, tidy
from reader.core.parsers.webdump import DATE_LABEL_RE, DATETIME_RE

if TYPE_CHECKING:
    from trafilatura.settings import Document

_LEADING = re.compile(r"(?:\s|\ufeff|<\?xml[^>]*>|<!--.*?-->)*", re.S)
_PAGE_START = re.compile(r"<(?:!doctype\s+html|html|head|body|meta|title)[\s>/]", re.I)
_SAVED_FROM = re.compile(r"<!--\s*saved from url=\(\d+\)(https?://\S+?)\s*-->", re.I)
_ISO = re.compile(
    r"^(\d{4}-\d\d-\d\d)(?:[T ](\d\d:\d\d)(:\d\d)?(?:[.,]\d+)?)?\s*(Z|[+-]\d\d:?\d\d)?$", re.I
)
_TITLE_SEPARATOR = re.compile(r"\s+(?:[-|–—·•»:]|::)\s+")
_ARTICLE_TYPES = re.compile(r"Article$|BlogPosting|Report$", re.I)
_AUTHOR_SPLIT = re.compile(r"\s*(?:;|,|&|\s+and\s+|\s+и\s+)\s*")
# A real article has some sentences (SENTENCE_WORDS words or more), adding up to this.
_MIN_PROSE_WORDS = 25
# A line that starts a block of its own in the Markdown: a list item, heading, quote, table row.
_OWN_LINE = re.compile(r"\s*(?:[-*+]\s|\d+[.)]\s|#|>|\|)")
_SENTENCE_END = re.compile(r"[.!?…][\"'»”’)\]]*\s*$")


def looks_like_html(text: str) -> bool:
    """True when the text opens (after comments, an XML declaration) like an HTML page."""
    head = text[:4096]
    leading = _LEADING.match(head)  # (it matches any text: everything in it is optional)
    return bool(_PAGE_START.match(head, leading.end() if leading else 0))


def parse_html(text: str) -> Article:
    # Imported here: trafilatura and lxml.html take a quarter of a second to load.
    import lxml.html
    from trafilatura import bare_extraction
    from trafilatura.xml import xmltotxt

    # lxml refuses str input that still carries an XML encoding declaration.
    source = bound_attributes(re.sub(r"^\s*<\?xml[^>]*>", "", text.lstrip("\ufeff")))
    try:
        root = lxml.html.document_fromstring(source)
    except (ValueError, lxml.etree.ParserError):
        raise ImportFailure("no article text found in the HTML page") from None

    meta, ld = _meta_tags(root), _json_ld(root)
    story = next((o for o in ld if _ARTICLE_TYPES.search(" ".join(_types(o)))), {})
    site = _first(
        meta.get("og:site_name"),
        _name(story.get("publisher")),
        *(o.get("name") for o in ld if "WebSite" in _types(o)),
    )
    page = story.get("mainEntityOfPage")
    url = _first(
        *map(
            _http,
            root.xpath("//link[@rel='canonical']/@href")
            + meta.get("og:url", [])
            + [page.get("@id") if isinstance(page, dict) else page, story.get("url")]
            + _SAVED_FROM.findall(text[:2048]),
        )
    )
    title = _title(root, meta, story, site)

    figures = PageFigures()
    figures.mark(root)  # (before the tidy-up makes every address absolute)
    tidy(root, url)
    extract = functools.partial(
        bare_extraction,
        url=url,
        output_format="markdown",
        with_metadata=True,
        include_comments=False,
        include_formatting=True,
        include_links=True,
        include_tables=True,
        include_images=True,
        # Dates come from the markup read here; a deep search guesses from copyright lines.
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    doc, body, published = _body(extract(root), title, xmltotxt, figures)
    if _prose_words(without_pictures(body)) < _MIN_PROSE_WORDS:
        # The tidy-up can take a page's article for furniture; trafilatura's own judgement
        # of the page as saved is the floor. (Judged by the text alone: a figure's caption
        # left behind is not the article. A page of captioned pictures is one, below.)
        saved = lxml.html.document_fromstring(source)
        figures = PageFigures()
        figures.mark(saved)
        tidy(saved, url, furniture=False)
        doc, body, published = _body(extract(saved), title, xmltotxt, figures)
        if _prose_words(body) < _MIN_PROSE_WORDS:
            raise ImportFailure("no article text found in the HTML page")

    authors = _authors(story.get("author"), ld) or _split_names(
        *meta.get("author", []), *(a for a in meta.get("article:author", []) if not _http(a))
    )
    assert doc is not None  # (no extraction means no article text, refused above)
    if not authors and doc.author:
        authors = _split_names(*doc.author.split(";"))
    lang = (root.get("lang") or "").split("-")[0].strip().lower() or None
    return Article(
        title=title or _first(doc.title) or " ".join(plain_text(body).split()[:10]),
        body=body,
        authors=authors,
        published=_published(root, meta, ld, story) or published or doc.date or None,
        source=site or (urlsplit(url or "").hostname or "").lower().removeprefix("www.") or None,
        url=url,
        language=lang,
        lead=_first(
            *meta.get("description", []),
            *meta.get("og:description", []),
            *meta.get("twitter:description", []),
        ),
        tags=_tags(meta, story),
        format="html",
    )


def _body(
    doc: Document | dict[str, Any] | None, title: str | None, xmltotxt: Any, figures: PageFigures
) -> tuple[Document | None, str, str | None]:
    """trafilatura's answer, its text as the body's Markdown (its pictures back, with their
    captions), and a dateline's date taken out."""
    if isinstance(doc, dict):  # (only with as_dict=True, which is not asked for)
        raise TypeError("trafilatura answered with a dict")
    body = _markdown(doc.body, xmltotxt) if doc is not None and doc.body is not None else ""
    body = figures.restore(body)
    blocks = [b for b in body.split("\n\n") if b.strip()]
    if blocks and _same(blocks[0], title):
        blocks.pop(0)  # the title is shown apart from the body
    published = _take_dateline(blocks)  # before the prose check: it is not article text
    return doc, "\n\n".join(blocks), published


def _prose_words(body: str) -> int:
    """The words of the body's sentences, a verse's sentence read across its short lines."""
    total = unit = 0
    previous = ""
    for line in body.splitlines():
        if not line.strip():
            continue  # (trafilatura writes each line of a verse as a paragraph of its own)
        text = plain_text(line).strip()
        words = count_words(text)
        if (
            previous
            and text[:1].islower()
            and not _OWN_LINE.match(line)
            and not _SENTENCE_END.search(previous)
            and (previous[-1] in ",;:–—-" or count_words(previous) >= 3)
        ):
            unit += words  # "It left its coat behind," / "a grey wet wool of mud"
        else:
            total += unit if unit >= SENTENCE_WORDS else 0
            unit = words
        previous = "" if _OWN_LINE.match(line) else text
    return total + (unit if unit >= SENTENCE_WORDS else 0)


def _meta_tags(root: Any) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for tag in root.iter("meta"):
        key = (tag.get("property") or tag.get("name") or tag.get("itemprop") or "").strip().lower()
        value = " ".join((tag.get("content") or "").split())
        if key and value:
            found.setdefault(key, []).append(value)
    return found


def _json_ld(root: Any) -> list[dict[str, Any]]:
    """Every object in the page's JSON-LD blocks, @graph and lists opened up."""
    objects: list[dict[str, Any]] = []
    for script in root.xpath("//script[@type='application/ld+json']"):
        try:
            data = json.loads(script.text or "", strict=False)
        except (ValueError, RecursionError):
            # Broken JSON-LD is common, and absurdly deep JSON is its own kind of broken
            # (json raises RecursionError for it): the other sources still count.
            continue
        pending = deque([data])
        while pending:
            item = pending.popleft()
            if isinstance(item, list):
                pending.extend(item)
            elif isinstance(item, dict):
                objects.append(item)
                pending.extend(v for k, v in item.items() if k == "@graph")
    return objects


def _types(obj: dict[str, Any]) -> list[str]:
    kind = obj.get("@type", [])
    return [kind] if isinstance(kind, str) else [k for k in kind if isinstance(k, str)]


def _name(value: Any) -> str | None:
    if isinstance(value, dict):
        value = value.get("name")
    return value.strip() if isinstance(value, str) and value.strip() else None


def _first(*values: str | list[str] | None) -> str | None:
    for value in values:
        if isinstance(value, list):
            value = value[0] if value else None
        if isinstance(value, str) and value.strip():
            return " ".join(value.split())
    return None


def _http(value: Any) -> str | None:
    value = value.strip() if isinstance(value, str) else ""
    return value if re.match(r"https?://\S+$", value) else None


def _title(
    root: Any, meta: dict[str, list[str]], story: dict[str, Any], site: str | None
) -> str | None:
    headings = [" ".join(h.text_content().split()) for h in root.iter("h1")]
    title = _first(
        meta.get("og:title"),
        story.get("headline"),
        headings[0] if len(headings) == 1 else None,
        meta.get("twitter:title"),
    )
    if title:
        cuts = list(_TITLE_SEPARATOR.finditer(title))
        # og:title sometimes carries the " - Site" suffix too; drop only the site's own name.
        return title[: cuts[-1].start()] if cuts and _same(title[cuts[-1].end() :], site) else title
    page_title = _first(root.xpath("string(//title)")) or ""
    cuts = list(_TITLE_SEPARATOR.finditer(page_title))
    if not cuts:
        return page_title or None
    if _same(page_title[: cuts[0].start()], site):  # "Site | Headline"
        return page_title[cuts[0].end() :]
    # "Headline - Section - Site"; but a one- or two-word head is likely part of the headline.
    head = page_title[: cuts[0].start()]
    return head if count_words(head) >= 3 else page_title[: cuts[-1].start()]


def _same(block: str | None, other: str | None) -> bool:
    def norm(s: str) -> str:
        return " ".join(plain_text(s).split()).strip(" .:").casefold()

    return bool(block and other) and norm(block or "") == norm(other or "")


def _published(
    root: Any, meta: dict[str, list[str]], ld: list[dict[str, Any]], story: dict[str, Any]
) -> str | None:
    candidates = [story.get("datePublished"), *(o.get("datePublished") for o in ld)]
    for key in (
        "article:published_time",
        "og:published_time",
        "datepublished",
        "date",
        "pubdate",
        "publishdate",
        "dc.date.issued",
        "dc.date",
        "dcterms.created",
        "parsely-pub-date",
        "sailthru.date",
    ):
        candidates.extend(meta.get(key, []))
    candidates += root.xpath("//time[@itemprop='datePublished']/@datetime")
    candidates += root.xpath("//time/@datetime")
    for value in candidates:
        if isinstance(value, str) and (iso := _iso(value.strip())):
            return iso
    return None


def _take_dateline(blocks: list[str]) -> str | None:
    """An old page's "Published: 14.02.2009" line near the top: metadata, taken out of the text."""
    for index, block in enumerate(blocks[:2]):
        label = DATE_LABEL_RE.match(plain_text(block).strip())
        if label and (dated := DATETIME_RE.match(label.group(1).strip())):
            del blocks[index]
            return parse_numeric_datetime(dated.group("date"), dated.group("time"))
    return None


def _iso(value: str) -> str | None:
    """ISO 8601 text for a date as the page gives it: its time and offset kept, none added."""
    if match := _ISO.match(value):
        day, hm, sec, zone = match.groups()
        zone = zone and ("+00:00" if zone.upper() == "Z" else f"{zone[:3]}:{zone[-2:]}")
        text = day + (f"T{hm}{sec or ''}{zone or ''}" if hm else "")
        try:
            datetime.fromisoformat(text)
        except ValueError:
            return None
        return text
    day, _, clock = value.replace("T", " ").partition(" ")  # 21.09.2023 14:30
    return parse_numeric_datetime(day, clock or None)


def _authors(value: Any, ld: list[dict[str, Any]]) -> list[str]:
    """Names from a JSON-LD author: a string, an object, an @id reference, or a list."""
    by_id = {o["@id"]: o for o in ld if isinstance(o.get("@id"), str)}
    names = []
    for item in value if isinstance(value, list) else [value]:
        if isinstance(item, dict) and "name" not in item:
            item = by_id.get(item.get("@id"), {})
        names.append(_name(item))
    return _split_names(*filter(None, names))


def _split_names(*values: str) -> list[str]:
    names: list[str] = []
    for value in values:
        # Spaces collapsed first: the split's "\s*...\s+and" is cubic on a long run of them.
        value = re.sub(r"^(?:by|автор:?)\s+", "", " ".join(value.split()), flags=re.I)
        for name in _AUTHOR_SPLIT.split(value):
            if name and not _http(name) and name not in names:
                names.append(name)
    return names


def _tags(meta: dict[str, list[str]], story: dict[str, Any]) -> list[str]:
    """The first of article:tag, JSON-LD keywords, <meta keywords> that the page has."""
    keywords = story.get("keywords")
    for values in (meta.get("article:tag"), keywords, meta.get("keywords")):
        values = [values] if isinstance(values, str) else values if isinstance(values, list) else []
        # Only words: str() of a nested JSON-LD structure could be huge (or recurse too deep).
        words = [str(v) for v in values if isinstance(v, str | int | float)]
        tags = [t for v in words for t in re.split(r"\s*[,;]\s*", " ".join(v.split())) if t]
        if tags:
            unique: dict[str, str] = {}
            return [unique.setdefault(t.casefold(), t) for t in tags if t.casefold() not in unique]
    return []


def _markdown(body: Any, xmltotxt: Any) -> str:
    # trafilatura's Markdown drops the ">" of quotations. Each outermost one gets a start and
    # an end line (words no page holds), the body is rendered once, and the lines between
    # get their ">". (Finding each quotation's own rendering in the whole text instead took
    # time quadratic in the number of quotations, and could mark the wrong copy.)
    nonce = secrets.token_hex(8)
    start, end = f"quote-start-{nonce}", f"quote-end-{nonce}"
    for quote in [q for q in body.iter("quote") if next(q.iterancestors("quote"), None) is None]:
        opening = quote.makeelement("p")
        opening.text, opening.tail, quote.text = start, quote.text, None
        quote.insert(0, opening)
        closing = quote.makeelement("p")
        closing.text = end
        quote.append(closing)
    pieces = []
    inside = False
    for part in re.split(f"({start}|{end})", xmltotxt(body, True)):
        if part in (start, end):
            inside = part == start
        elif inside and part.strip():
            marked = "\n".join(
                f"> {line}" if line.strip() else ">" for line in part.strip().splitlines()
            )
            # A quotation in a list item or a table cell is rendered inside its line.
            pieces.append(f"\n\n{marked}\n\n" if part.startswith("\n") else marked)
        elif not inside:
            pieces.append(part)
    return re.sub(r"\n{3,}", "\n\n", "".join(pieces)).strip()
