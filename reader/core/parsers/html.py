"""Saved web pages (.html/.htm): the article as Markdown, metadata from the page's markup.

trafilatura finds the main text; the page is tidied first where it stumbles (layout tables,
promo boxes, bars of links, relative links). Metadata is read here from Open Graph, JSON-LD,
<meta> and <time>: trafilatura keeps only the day of a date and drops the dots of initials.
"""

from __future__ import annotations

import json
import re
import secrets
from collections import deque
from datetime import datetime
from typing import Any
from urllib.parse import urlsplit

from reader.core.article import Article, count_words, plain_text
from reader.core.errors import ImportFailure
from reader.core.parsers.common import parse_numeric_datetime
from reader.core.parsers.html_limits import bound_attributes
from reader.core.parsers.html_pictures import PageFigures
from reader.core.parsers.webdump import DATE_LABEL_RE, DATETIME_RE

_LEADING = re.compile(r"(?:\s|\ufeff|<\?xml[^>]*>|<!--.*?-->)*", re.S)
_PAGE_START = re.compile(r"<(?:!doctype\s+html|html|head|body|meta|title)[\s>/]", re.I)
_SAVED_FROM = re.compile(r"<!--\s*saved from url=\(\d+\)(https?://\S+?)\s*-->", re.I)
_ISO = re.compile(
    r"^(\d{4}-\d\d-\d\d)(?:[T ](\d\d:\d\d)(:\d\d)?(?:[.,]\d+)?)?\s*(Z|[+-]\d\d:?\d\d)?$", re.I
)
_TITLE_SEPARATOR = re.compile(r"\s+(?:[-|–—·•»:]|::)\s+")
# Site furniture that trafilatura's own filters let through (promo boxes, inline ads). Such
# boxes are short; a longer element with such a class ("ad-free", "has-share") is kept.
_JUNK_MAX_WORDS = 120
_JUNK_CLASS = re.compile(
    r"(?:^|[\s_-])(?:promo\w*|advert\w*|ads?|adv|adbox|reklama|banner|sponsor\w*|newsletter|subscribe|"
    r"subscription|paywall|cookies?|consent|gdpr|share|sharing|social|related|recommended|"
    r"popup|modal|breadcrumbs?)(?=$|[\s_-])",
    re.I,
)
_ARTICLE_TYPES = re.compile(r"Article$|BlogPosting|Report$", re.I)
_AUTHOR_SPLIT = re.compile(r"\s*(?:;|,|&|\s+and\s+|\s+и\s+)\s*")
# A real article has some sentences: lines of this many words, adding up to the minimum.
_PROSE_LINE_WORDS = 7
_MIN_PROSE_WORDS = 25


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
    _tidy(root, url)
    doc = bare_extraction(
        root,
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
    if isinstance(doc, dict):  # (only with as_dict=True, which is not asked for)
        raise TypeError("trafilatura answered with a dict")
    body = _markdown(doc.body, xmltotxt) if doc is not None and doc.body is not None else ""
    body = figures.restore(body)
    blocks = [b for b in body.split("\n\n") if b.strip()]
    if blocks and _same(blocks[0], title):
        blocks.pop(0)  # the title is shown apart from the body
    published = _take_dateline(blocks)  # before the check below: it is not article text
    body = "\n\n".join(blocks)
    if (
        sum(
            n
            for line in plain_text(body).splitlines()
            if (n := count_words(line)) >= _PROSE_LINE_WORDS
        )
        < _MIN_PROSE_WORDS
    ):
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


def _tidy(root: Any, url: str | None) -> None:
    """Shape the page so trafilatura sees articles the way a reader does."""
    for block in list(root.iter("p", "div", "center")):
        rest = block.text_content()
        # Only short blocks can be link bars; skipping long ones also keeps big pages fast.
        links = block.findall(".//a") if len(rest) < 300 else []
        for link in links:
            rest = rest.replace(link.text_content(), "", 1)
        if len(links) >= 2 and not re.search(r"\w", rest):
            block.drop_tree()  # a bar of links ("Back | Home"), not a paragraph
    for link in list(root.iter("a")):
        href = (link.get("href") or "").strip()
        if href.lower().startswith("javascript:"):
            link.drop_tree()  # a button dressed as a link ("Back", "Print")
        elif href.startswith("#") or not (url or _http(href) or href.startswith("mailto:")):
            link.drop_tag()  # in-page, or relative with no page address: keep just the words
    if url:
        root.make_links_absolute(url, handle_failures="ignore")
    for el in list(root.iter()):
        names = f"{el.get('class') or ''} {el.get('id') or ''}" if isinstance(el.tag, str) else ""
        if (
            el.tag not in ("html", "body", "main", "article")
            and _JUNK_CLASS.search(names)
            and el.getparent() is not None
            and count_words(el.text_content()) <= _JUNK_MAX_WORDS
        ):
            el.drop_tree()
    for table in list(root.iter("table")):
        # A cell holding a whole article means the table is page layout, not data.
        if any(len(cell.text_content()) > 400 for cell in table.iter("td", "th")):
            for el in table.iter("table", "thead", "tbody", "tfoot", "tr", "td", "th"):
                el.tag = "div"


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
