"""A saved page's pictures through trafilatura: their addresses, alt text and captions.

trafilatura keeps the pictures of the article's text but drops figure captions and
inline ``data:`` pictures, and it would see every address made absolute. So before it
runs each ``<img>`` is given a stand-in address that names it, with its own address, alt
text and caption (``<figcaption>``) kept here; afterwards each stand-in in the Markdown
becomes the picture again, its caption on the line under it (``*caption*``).
"""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass
from typing import Any

# A lazy-loading page's placeholder (a one-pixel GIF) in src, the picture in data-src.
_PLACEHOLDER_BYTES = 200
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]#])")
_ADDRESS_SPECIAL = re.compile(r"[\x00-\x20()<>\\\x7f]")
_URL_BREAKS = re.compile(r"[\t\n\r]")


@dataclass(frozen=True)
class _Ref:
    src: str
    alt: str
    caption: str | None


class PageFigures:
    def __init__(self) -> None:
        self._nonce = secrets.token_hex(6)
        self._refs: list[_Ref] = []

    def mark(self, root: Any) -> None:
        """Give every picture of the page a stand-in address (before trafilatura)."""
        captioned: set[Any] = set()
        for img in list(root.iter("img")):
            src = _source(img)
            if not src:
                continue
            caption = None
            figure = next(img.iterancestors("figure"), None)
            if figure is not None and figure not in captioned:
                captioned.add(figure)  # (the caption goes with the figure's first picture)
                found = figure.find(".//figcaption")
                if found is not None:
                    caption = " ".join(found.text_content().split()) or None
                    found.drop_tree()
            alt = " ".join((img.get("alt") or "").split())
            for name in ("srcset", "data-src", "data-srcset", "data-lazy-src", "sizes"):
                img.attrib.pop(name, None)
            img.set("src", f"picture-{self._nonce}-{len(self._refs)}.png")
            if not alt:
                img.set("alt", "")
            self._refs.append(_Ref(src, alt, caption))

    def restore(self, markdown: str) -> str:
        """The Markdown with each stand-in the picture again (after trafilatura)."""
        if not self._refs:
            return markdown
        stand_in = re.compile(
            # (By the stand-in's own name: an alt text may end in "\", which escapes "]".)
            r"!\[[^\n]*?\]\([^)\n]*?picture-" + self._nonce + r"-(\d+)\.png[^)\n]*\)"
        )

        def put(match: re.Match[str]) -> str:
            ref = self._refs[int(match.group(1))]
            text = f"![{_escape(ref.alt)}]({_address(ref.src)})"
            if ref.caption:
                text += f"\n*{_escape(ref.caption)}*"
            return text

        return stand_in.sub(put, markdown)


def _source(img: Any) -> str:
    src = (img.get("src") or "").strip()
    lazy = (img.get("data-src") or img.get("data-lazy-src") or "").strip()
    if lazy and (not src or (src[:5].lower() == "data:" and len(src) < _PLACEHOLDER_BYTES)):
        return lazy
    return src


def _escape(text: str) -> str:
    return _MARKDOWN_SPECIAL.sub(r"\\\1", " ".join(text.split()))


def _address(src: str) -> str:
    # Markdown ends a link's address at a space or a parenthesis, and a backslash escapes
    # the character after it: those are written percent-encoded (the readers of the
    # address decode it). Tabs and line ends are dropped, as a browser drops them.
    return _ADDRESS_SPECIAL.sub(lambda m: f"%{ord(m.group()):02X}", _URL_BREAKS.sub("", src))
