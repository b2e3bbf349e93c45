"""Shaping a saved page before trafilatura reads it (used by parsers.html).

trafilatura stumbles on some pages: layout tables, promo boxes and bars of links it takes for
text, relative links it cannot resolve. The tidy-up here fixes those, and must never take the
article's own words away: a box is dropped only when nothing says it is part of the article.
"""

from __future__ import annotations

import re
from typing import Any

from reader.core.article import count_words

# Site furniture that trafilatura's own filters let through (promo boxes, inline ads). Such
# boxes are short; a longer element with such a class ("ad-free", "has-share") is kept.
_JUNK_MAX_WORDS = 120
_JUNK_CLASS = re.compile(
    r"(?:^|[\s_-])(promo\w*|advert\w*|ads?|adv|adbox|reklama|banner|sponsor\w*|newsletter|"
    r"subscribe|subscription|paywall|cookies?|consent|gdpr|share|sharing|social|related|"
    r"recommended|popup|modal|breadcrumbs?)(?=$|[\s_-])",
    re.I,
)
# A line of this many words reads as a sentence, not as a label or a button.
SENTENCE_WORDS = 7
_HTTP = re.compile(r"https?://\S+$")
# For each parent met: its words, and for each class its children share, how many of them are
# sentences and their words.
_Groups = dict[Any, tuple[int, dict[str, tuple[int, int]]]]
_INLINE = frozenset({"a", "b", "i", "em", "strong", "span", "font", "u", "small", "big", "mark"})


def tidy(root: Any, url: str | None, *, furniture: bool = True) -> None:
    """Shape the page so trafilatura sees articles the way a reader does.

    Links are always made readable (buttons out, in-page and unresolvable links as plain
    words); ``furniture`` also drops bars of links and short boxes named as furniture, and
    turns layout tables into blocks.
    """
    if furniture:
        # Before the links lose their tags below: a bar of them must still look like one, and
        # a box of them must not pass for text.
        _drop_link_bars(root)
        _drop_boxes(root)
    for link in list(root.iter("a")):
        href = (link.get("href") or "").strip()
        if href.lower().startswith("javascript:"):
            # A button dressed as a link ("Back", "Print") goes; inside a sentence ("see the
            # <a href=javascript:...>photographs</a>") it is words of the sentence.
            if _in_sentence(link):
                link.drop_tag()
            else:
                link.drop_tree()
        elif href.startswith("#") or not (url or _HTTP.match(href) or href.startswith("mailto:")):
            link.drop_tag()  # in-page, or relative with no page address: keep just the words
    if url:
        root.make_links_absolute(url, handle_failures="ignore")
    if furniture:
        for table in list(root.iter("table")):
            # A cell holding a whole article means the table is page layout, not data.
            if any(len(cell.text_content()) > 400 for cell in table.iter("td", "th")):
                for el in table.iter("table", "thead", "tbody", "tfoot", "tr", "td", "th"):
                    el.tag = "div"


def _drop_link_bars(root: Any) -> None:
    for block in list(root.iter("p", "div", "center")):
        rest = block.text_content()
        # Only short blocks can be link bars; skipping long ones also keeps big pages fast.
        links = block.findall(".//a") if len(rest) < 300 else []
        for link in links:
            rest = rest.replace(link.text_content(), "", 1)
        if len(links) >= 2 and not re.search(r"\w", rest):
            block.drop_tree()  # a bar of links ("Back | Home"), not a paragraph


def _drop_boxes(root: Any) -> None:
    # A furniture word in a class is not always furniture: a long element so named holds
    # text ("story related-story"), and its parts are named after it ("related-story__lead");
    # a class shared by siblings that hold most of their parent's text is the article cut into
    # blocks ("share-content" sections a reader can quote from); and paragraphs are paragraphs.
    named_content: dict[Any, set[str]] = {}  # kept elements -> their furniture words
    groups: _Groups = {}
    for el in list(root.iter()):
        if not isinstance(el.tag, str) or el.tag in ("html", "body", "main", "article"):
            continue
        words = {
            m.lower() for m in _JUNK_CLASS.findall(f"{el.get('class') or ''} {el.get('id') or ''}")
        }
        parent = el.getparent()
        if not words or parent is None:
            continue
        if words <= {w for a in el.iterancestors() for w in named_content.get(a, ())}:
            text = True
        elif (size := count_words(el.text_content())) > _JUNK_MAX_WORDS:
            if _mostly_words(el, size):  # (a long list of links passes nothing down)
                named_content[el] = words
            continue
        else:
            text = _article_blocks(el, groups) or _reads_as_text(el, size)
        if text:
            named_content[el] = words
            # trafilatura has furniture filters of its own that would drop it by that name.
            _unname(el)
        else:
            el.drop_tree()


def _unname(el: Any) -> None:
    for attribute in ("class", "id"):
        if value := el.get(attribute):
            el.set(attribute, " ".join(n for n in value.split() if not _JUNK_CLASS.search(n)))


def _article_blocks(el: Any, groups: _Groups) -> bool:
    """True when ``el`` and its siblings of the same class hold most of their parent's text."""
    parent, name = el.getparent(), el.get("class") or ""
    if parent not in groups:  # (once per parent: a page may have thousands of siblings)
        shared: dict[str, tuple[int, int]] = {}  # class -> blocks of sentences, their words
        for child in parent:
            if isinstance(child.tag, str) and (kind := child.get("class") or "").strip():
                size = count_words(child.text_content())
                # (Sentences, not a list of links or of labels.)
                if size >= SENTENCE_WORDS and _mostly_words(child, size):
                    blocks, words = shared.get(kind, (0, 0))
                    shared[kind] = (blocks + 1, words + size)
        groups[parent] = (count_words(parent.text_content()), shared)
    total, shared = groups[parent]
    blocks, words = shared.get(name, (0, 0))
    # Two promo boxes side by side are not yet an article; three blocks of it or more, or
    # more words than a box has, are.
    return (blocks >= 3 or words > _JUNK_MAX_WORDS) and blocks > 1 and 2 * words >= total


def _reads_as_text(el: Any, size: int) -> bool:
    """Paragraphs of sentences with nothing to click or fill in: text, whatever its class."""
    # (A "paywall" block holding the rest of a subscriber's story; boxes that ask for
    # something have a button, a form or their links.)
    if next(el.iter("button", "input", "form", "select", "textarea"), None) is not None:
        return False
    sentences = [p for p in el.iter("p") if count_words(p.text_content()) >= SENTENCE_WORDS]
    return len(sentences) >= 2 and _mostly_words(el, size)


def _mostly_words(el: Any, size: int) -> bool:
    """At most a fifth of the ``size`` words of ``el`` are the text of links."""
    return 5 * sum(count_words(a.text_content()) for a in el.iter("a")) <= size


def _in_sentence(link: Any) -> bool:
    block = link.getparent()
    while block is not None and block.tag in _INLINE:
        block = block.getparent()
    if block is None:
        return False
    around = count_words(block.text_content()) - count_words(link.text_content())
    return around >= SENTENCE_WORDS
