"""Bounds on what a saved page can make the HTML importer do.

libxml2 checks each new attribute of an element against all the earlier ones, so one
element with 100,000 attributes takes about a minute to parse, and trafilatura parses the
page again. No real page needs more than a few dozen attributes on an element: past the
first ``MAX_ATTRIBUTES`` names, an element's attributes are dropped from the source text
before anything parses it.

Finding the tags takes the HTML5 tokenizer's view (which libxml2 2.14 implements), so that
comments, the text of <script> and <style>, and quoted values holding ">" do not throw the
scan off and turn text into "attributes". The regular expressions are possessive (they
cannot backtrack), and the usual tags are passed over inside one match: linear time.
"""

from __future__ import annotations

import re
import string
from functools import cache

MAX_ATTRIBUTES = 200

_WS = "\t\n\f\r "
# One attribute as the HTML5 tokenizer reads it: a name (which may start with "="), then
# optionally "=" and a quoted or unquoted value.
_ATTRIBUTE = (
    rf"[^{_WS}/>][^{_WS}/>=]*+"
    rf"""(?:[{_WS}]*+=[{_WS}]*+(?:"[^"]*+"|'[^']*+'|[^{_WS}>]*+))?+"""
)
_NEXT_ATTRIBUTE = rf"[{_WS}/]*+{_ATTRIBUTE}"
# A start tag within the bound: at most MAX_ATTRIBUTES attributes and no other after them.
_BOUNDED = rf"(?:{_NEXT_ATTRIBUTE}){{0,{MAX_ATTRIBUTES}}}+(?![{_WS}/]*+[^{_WS}/>])"
# libxml2 takes "<style/>" as an empty element: no raw text follows. (Not "<style a=b/>":
# that "/" is part of the value.)
_SELF_CLOSING = rf"[{_WS}/]*/>"
_RAW_TEXT = ("script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes")
_RAW_NAME = rf"(?:{'|'.join(_RAW_TEXT)}|plaintext)(?=[{_WS}/>])"
# Everything up to the next start tag with too many attributes (or a <script>), in one
# match. Each alternative is what the tokenizer makes of the text from a "<" on. No
# capturing group inside the repeat: Python 3.11's re breaks on one in a possessive repeat.
_UP_TO_UNBOUNDED_TAG = re.compile(
    r"(?:[^<]++"
    r"|<!--(?:-?>|.*?(?:--!?>|\Z))"  # a comment ("<!-->" and "<!--->" too)
    r"|<[!?][^>]*+"  # a doctype, a processing instruction, a bogus comment
    rf"|</[A-Za-z][^{_WS}/>]*+(?:{_NEXT_ATTRIBUTE})*+"  # an end tag: it has attributes too
    r"|</>|</[^A-Za-z>][^>]*+"  # nothing, and a bogus comment
    rf"|<(?!{_RAW_NAME})[A-Za-z][^{_WS}/>]*+{_BOUNDED}[{_WS}/]*+>?"
    # <style> and the like: their text, up to their end tag (a script's is found apart)
    + "".join(
        rf"|<{name}(?=[{_WS}/>]){_BOUNDED}"
        rf"(?:{_SELF_CLOSING}|[{_WS}/]*+>?.*?(?=</{name}[{_WS}/>]|\Z))"
        for name in _RAW_TEXT
        if name != "script"
    )
    + r"|<(?![A-Za-z])"  # a "<" that is just text
    r")*+"
    rf"<(?P<name>[A-Za-z][^{_WS}/>]*+)",
    re.S | re.I | re.A,  # ASCII: "ſ" is no "s" to the tokenizer, nor "K" a "k"
)
_ATTRIBUTES = re.compile(rf"(?:{_NEXT_ATTRIBUTE})*+")
_ONE_ATTRIBUTE = re.compile(rf"[{_WS}/]*+({_ATTRIBUTE})")
_NAME = re.compile(rf"[^{_WS}/>][^{_WS}/>=]*+")
_SELF_CLOSING_RE = re.compile(_SELF_CLOSING)
# In a script, "<!--" and "<script" change where "</script" ends it (HTML5's escaped states).
_SCRIPT_MARK = re.compile(rf"<!--+>|<!--|-->|<(/?)script(?=[{_WS}/>])", re.I | re.A)
_ASCII_LOWER = str.maketrans(string.ascii_uppercase, string.ascii_lowercase)


def bound_attributes(source: str) -> str:
    """``source`` with every element's attributes past the first MAX_ATTRIBUTES names left out."""
    pieces: list[str] = []
    done = pos = 0
    while (match := _UP_TO_UNBOUNDED_TAG.match(source, pos)) is not None:
        name = match.group("name").translate(_ASCII_LOWER)
        start = match.end()
        attributes = _ATTRIBUTES.match(source, start)  # (always a match: all of it is optional)
        pos = attributes.end() if attributes else start
        kept = _first_attributes(source, start, pos)
        if kept is not None:
            pieces += [source[done:start], kept]
            done = pos
        if _SELF_CLOSING_RE.match(source, pos):
            continue  # no raw text, even for <script/>
        if name == "plaintext":
            break  # everything after it is text
        if name == "script":
            pos = _script_end(source, pos)
        elif name in _RAW_TEXT:
            close = _end_tag(name).search(source, pos)
            pos = close.start() if close else len(source)
    if not pieces:
        return source
    pieces.append(source[done:])
    return "".join(pieces)


def _first_attributes(source: str, start: int, end: int) -> str | None:
    """The attributes in source[start:end] with their first MAX_ATTRIBUTES distinct names;
    None when there are no more than MAX_ATTRIBUTES (nothing to drop)."""
    kept: list[str] = []
    names: set[str] = set()
    count = 0
    for match in _ONE_ATTRIBUTE.finditer(source, start, end):
        count += 1
        text = match.group(1)
        found = _NAME.match(text)  # (always a match: _ONE_ATTRIBUTE starts with a name)
        name = (found.group() if found else text).translate(_ASCII_LOWER)
        if name in names:
            continue  # the parser keeps the first of the same name
        if len(names) == MAX_ATTRIBUTES:
            break  # a name too many: it and the rest go
        names.add(name)
        kept.append(text)
    if count <= MAX_ATTRIBUTES:
        return None
    # After a space a leading "=" would give the attribute before a value; after " /" not.
    return "".join(f" /{text}" if text.startswith("=") else f" {text}" for text in kept)


def _script_end(source: str, pos: int) -> int:
    """Where the "</script" is that ends the script whose text starts at ``pos``."""
    escaped = double = False
    for mark in _SCRIPT_MARK.finditer(source, pos):
        slash = mark.group(1)
        if slash:  # "</script"
            if not double:
                return mark.start()
            double = False
        elif slash is not None:  # "<script"
            double = double or escaped
        elif mark.group().endswith(">"):  # "-->", or "<!-->" that opens and closes at once
            escaped = double = False
        else:  # "<!--"
            escaped = True
    return len(source)


@cache
def _end_tag(name: str) -> re.Pattern[str]:
    return re.compile(rf"</{name}(?=[{_WS}/>])", re.I | re.A)
