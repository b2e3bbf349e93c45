"""Pictures kept with their articles: read, checked by decoding, limited in size.

A picture is stored once per content (its SHA-256 digest) and an article's Markdown body
points at it as ``picture:<digest>``. Only pictures that decode are kept: PNG, JPEG, GIF
and WebP through Pillow, whose header is read before any pixels so that a huge picture
(a "decompression bomb") is refused without being decoded; SVG only when it holds no
script and refers to nothing outside itself. Whatever is refused is named with a reason
and the article is imported without it (its alternative text shows in its place).
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import io
import math
import os
import re
import stat
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import unquote, unquote_to_bytes, urlsplit

if TYPE_CHECKING:
    import xml.etree.ElementTree as ElementTree

PICTURE_SCHEME = "picture"
# One picture's file may be this large; a photograph saved with a page is well under it.
MAX_PICTURE_BYTES = 16 * 1024 * 1024
# And this many pixels when decoded (about 6000 x 4000, a 24-megapixel camera): decoding
# needs 4 bytes a pixel, so this bounds the memory one picture can take at about 100 MB.
MAX_PIXELS = 25_000_000
MAX_SIDE = 20_000  # (a strip 20,000 pixels long is allowed; one of 60,000 is not)
# An article keeps at most this many pictures, this many bytes in all.
MAX_PICTURES = 200
MAX_ARTICLE_PICTURE_BYTES = 100 * 1024 * 1024

KINDS = {"PNG": "png", "JPEG": "jpeg", "GIF": "gif", "WEBP": "webp"}
MIME_TYPES = {
    "png": "image/png",
    "jpeg": "image/jpeg",
    "gif": "image/gif",
    "webp": "image/webp",
    "svg": "image/svg+xml",
}
EXTENSIONS = {"png": ".png", "jpeg": ".jpg", "gif": ".gif", "webp": ".webp", "svg": ".svg"}

# A Markdown image: ![alt](src "title"); the alt text and title may hold escaped brackets.
IMAGE_RE = re.compile(
    r"!\[((?:\\.|[^\]\\\n])*+)\]\(\s*+(<[^>\n]*+>|[^\s()]++)(?:\s+\"((?:\\.|[^\"\\\n])*+)\")?+\s*+\)"
)
_SVG_NS = "{http://www.w3.org/2000/svg}"
_SVG_FORBIDDEN = {"script", "foreignobject", "iframe", "embed", "object", "handler", "audio"}
_SVG_ANIMATION = {"set", "animate", "animatemotion", "animatetransform"}
_LENGTH_RE = re.compile(r"^\s*([0-9]*\.?[0-9]+)\s*(px|in|cm|mm|pt|pc|em|ex)?\s*$", re.I)
# CSS pixels per unit: an SVG "60in" wide is drawn 5,760 pixels wide.
_UNITS = {"": 1.0, "px": 1.0, "in": 96.0, "cm": 96 / 2.54, "mm": 96 / 25.4, "pt": 4 / 3}
_UNITS |= {"pc": 16.0, "em": 16.0, "ex": 8.0}
_CSS_URL_RE = re.compile(r"url\(\s*['\"]?\s*([^'\")\s]*)", re.I)


class PictureRefused(Exception):
    """A picture that is not kept; the message says why, fit to show after its name."""


@dataclass(frozen=True)
class Picture:
    digest: str  # SHA-256 of the bytes, hex
    kind: str  # png, jpeg, gif, webp, svg
    width: int
    height: int
    data: bytes = field(repr=False)

    @property
    def mime_type(self) -> str:
        return MIME_TYPES[self.kind]

    @property
    def file_name(self) -> str:
        """A name for the picture as a file: part of its digest and its kind's extension."""
        return self.digest[:16] + EXTENSIONS[self.kind]


def picture_url(digest: str) -> str:
    return f"{PICTURE_SCHEME}:{digest}"


def picture_digest(src: str) -> str | None:
    """The digest a ``picture:`` address names, or None for any other address."""
    if src.startswith(PICTURE_SCHEME + ":"):
        digest = src[len(PICTURE_SCHEME) + 1 :]
        if re.fullmatch(r"[0-9a-f]{64}", digest):
            return digest
    return None


def check_picture(data: bytes) -> Picture:
    """The picture in ``data``, decoded once to be sure of it; PictureRefused if not."""
    if not data:
        raise PictureRefused("the file is empty")
    if len(data) > MAX_PICTURE_BYTES:
        raise PictureRefused(
            f"too large ({len(data) / 1048576:.1f} MB; the limit is "
            f"{MAX_PICTURE_BYTES // 1048576} MB)"
        )
    head = data[:512].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith((b"<svg", b"<?xml", b"<!--", b"<!doctype svg")):
        kind, width, height = "svg", *_check_svg(data)
    else:
        kind, width, height = _check_raster(data)
    return Picture(hashlib.sha256(data).hexdigest(), kind, width, height, data)


def _check_size(width: int, height: int) -> None:
    if width <= 0 or height <= 0:
        raise PictureRefused(f"it has no size ({width} x {height} pixels)")
    if width * height > MAX_PIXELS or max(width, height) > MAX_SIDE:
        raise PictureRefused(
            f"too large ({width:,} x {height:,} pixels; the limit is "
            f"{MAX_PIXELS // 1_000_000} megapixels)".replace(",", "\u202f")
        )


def _check_raster(data: bytes) -> tuple[str, int, int]:
    # Imported here: only an import with pictures needs Pillow.
    from PIL import Image, UnidentifiedImageError

    not_a_picture = "not a picture (PNG, JPEG, GIF, WebP or SVG)"
    try:
        # Our own limit is checked from the header below, before any pixel is decoded
        # (Pillow's own check would refuse at open, without saying the size).
        Image.MAX_IMAGE_PIXELS = None
        with Image.open(io.BytesIO(data)) as image:
            kind = KINDS.get(image.format or "")
            if kind is None:
                raise PictureRefused(
                    f"{image.format} pictures are not kept (only PNG, JPEG, GIF, WebP, SVG)"
                )
            width, height = image.size
            _check_size(width, height)
            image.load()  # every pixel of the first frame: a damaged file fails here
    except Image.DecompressionBombError:
        raise PictureRefused(
            f"too large (over {MAX_PIXELS // 1_000_000} megapixels when decoded)"
        ) from None
    except UnidentifiedImageError:
        raise PictureRefused(not_a_picture) from None
    except (OSError, SyntaxError, ValueError, EOFError, IndexError, TypeError) as exc:
        # Pillow's words for a damaged file ("image file is truncated", "broken PNG file").
        detail = str(exc).strip().rstrip(".")
        raise PictureRefused(f"damaged ({detail})" if detail else "damaged") from None
    return kind, width, height


def _check_svg(data: bytes) -> tuple[int, int]:
    import xml.etree.ElementTree as ElementTree

    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise PictureRefused("damaged (an SVG picture that is not UTF-8 text)") from None
    if re.search(r"<\?(?!xml\s)", text.lstrip(), re.I):
        # A processing instruction (<?xml-stylesheet href=...?>) makes Qt read other files;
        # ElementTree drops them unseen, so they are refused here.
        raise PictureRefused("an SVG picture with a processing instruction is not kept")
    if re.search(r"<!(?:DOCTYPE|ENTITY)", text, re.I):
        # Entity definitions can expand without bound, or reach files and addresses.
        raise PictureRefused("an SVG picture with a document type or entities is not kept")
    try:
        root = ElementTree.fromstring(text)
    except ElementTree.ParseError as exc:
        raise PictureRefused(f"damaged (not well-formed SVG: {exc})") from None
    if _local(root.tag) != "svg":
        raise PictureRefused("not a picture (an XML file that is not SVG)")
    for element in root.iter():
        name = _local(element.tag).lower()
        if name in _SVG_FORBIDDEN:
            what = "a script" if name in ("script", "handler") else f"a <{_local(element.tag)}>"
            raise PictureRefused(f"an SVG picture with {what} is not kept")
        for attribute, value in element.attrib.items():
            local = _local(attribute).lower()
            if local.startswith("on"):
                raise PictureRefused(f"an SVG picture with a script ({local}) is not kept")
            if local == "href" and not value.strip().startswith("#"):
                raise PictureRefused(_outside(value))
            if local == "base" or (name in _SVG_ANIMATION and local in ("to", "values", "from")):
                raise PictureRefused(_outside(value))
            # Any presentation attribute (fill, filter, mask...) may hold url(...).
            _check_css(value)
        if name == "style" and element.text:
            _check_css(element.text)
    try:
        width, height = _svg_size(root)
    except (OverflowError, ValueError):
        raise PictureRefused("damaged (an SVG picture of no usable size)") from None
    _check_size(width, height)
    return width, height


def _check_css(css: str) -> None:
    if "\\" in css and ("url" in css.lower() or "@" in css):
        # CSS escapes can spell url( or @import in ways the checks below would not see.
        raise PictureRefused("an SVG picture with escaped style rules is not kept")
    if "image-set" in css.lower():
        raise PictureRefused(_outside(css))
    if "@import" in css.lower():
        raise PictureRefused("an SVG picture whose style imports other files is not kept")
    for target in _CSS_URL_RE.findall(css):
        if target and not target.startswith("#"):
            raise PictureRefused(_outside(target))


def _outside(value: str) -> str:
    shown = value.strip()
    shown = shown[:60] + "…" if len(shown) > 60 else shown
    return f"an SVG picture that refers to outside content ({shown}) is not kept"


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _pixels(number: str, unit: str | None) -> float:
    value = float(number) * _UNITS[(unit or "").lower()]
    if not math.isfinite(value):
        raise ValueError(number)
    return value


def _svg_size(root: ElementTree.Element) -> tuple[int, int]:
    """The size the SVG asks for: width and height in pixels, else its viewBox, else the
    300 x 150 that browsers give an SVG with neither."""
    width_match, height_match = (
        _LENGTH_RE.match(root.get(name) or "") for name in ("width", "height")
    )
    width = _pixels(width_match.group(1), width_match.group(2)) if width_match else None
    height = _pixels(height_match.group(1), height_match.group(2)) if height_match else None
    if width and height:
        return round(width), round(height)
    box = re.split(r"[\s,]+", (root.get("viewBox") or "").strip())
    if len(box) == 4:
        try:
            box_width, box_height = float(box[2]), float(box[3])
        except ValueError:
            box_width = box_height = 0.0
        if box_width > 0 and box_height > 0:
            scale = 1.0
            if width:  # one side given: the other follows the viewBox's proportions
                scale = width / box_width
            elif height:
                scale = height / box_height
            return max(1, round(box_width * scale)), max(1, round(box_height * scale))
    return 300, 150


# -- where a picture's bytes come from ------------------------------------------------------

# A resolver gives the bytes a picture's address stands for; None when the address is not
# a picture of the saved page (a remote one, never fetched), PictureRefused when it cannot.
Resolver = Callable[[str], bytes | None]


def no_files(src: str) -> bytes | None:
    """For text with no folder of its own: only inline (data:) pictures are kept."""
    return None


def data_uri_bytes(uri: str) -> bytes:
    """The bytes of a ``data:`` address (RFC 2397): base64, or percent-encoded."""
    header, comma, payload = uri[5:].partition(",")
    if not comma:
        raise PictureRefused("a data: address without data (no comma)")
    if header.split(";")[-1].strip().lower() == "base64":
        try:
            return base64.b64decode(re.sub(r"\s+", "", unquote(payload)), validate=True)
        except (binascii.Error, ValueError):
            raise PictureRefused(
                "damaged (a data: address that says base64 but is not valid base64)"
            ) from None
    return unquote_to_bytes(payload)


class FolderPictures:
    """Pictures beside a saved file: any relative path inside the file's folder (a saved
    page's ``Page_files/``, a note's ``images/``). A path that leaves the folder, or a
    symbolic link that points out of it, is refused: a page must not bring in other files
    of the reader's computer."""

    def __init__(self, folder: Path) -> None:
        # Absolute but not resolved: a path is judged as written first, then as resolved.
        self.folder = Path(os.path.abspath(folder))  # noqa: PTH100
        self.real = self.folder.resolve()

    def __call__(self, src: str) -> bytes | None:
        if _elsewhere(src):
            return None  # not a file of the saved page: never read, as a remote picture
        parts = urlsplit(src)
        scheme = parts.scheme.lower()
        if scheme == "file":
            path = Path(unquote(parts.path))
        elif scheme and len(scheme) > 1:  # (a one-letter "scheme" is a Windows drive)
            return None  # remote (http, https, ...): never fetched
        else:
            relative = unquote(parts.path if not (scheme and len(scheme) == 1) else src)
            if not relative:
                raise PictureRefused("no file named")
            # (As a browser reads a page's addresses: "images\\a.png" is "images/a.png".)
            path = self.folder / relative.replace("\\", "/")
        if "\x00" in str(path):
            raise PictureRefused("its path holds a NUL character; not read")
        lexical = Path(os.path.normpath(path))
        if not lexical.is_relative_to(self.folder):
            raise PictureRefused("its path leaves the page's folder; not read")
        real = lexical.resolve()
        if not real.is_relative_to(self.real):
            raise PictureRefused("it is a symbolic link out of the page's folder; not read")
        return _read_picture_file(real)


# Addresses that name another computer, or a disk of the computer the page was saved on:
# "//cdn.example/a.png" (the page's own scheme, http or https), "file://server/a.png",
# "file:///C:/Users/...", "C:\\Users\\..." and "\\\\server\\share\\...".
_ELSEWHERE_RE = re.compile(
    r"""^(?:[/\\]{2}(?![/\\])
    |file:[/\\]{2}(?!localhost(?:[/\\]|$))[^/\\]
    |file:(?:[/\\]{2}localhost)?[/\\]*[a-z][:|]
    |[a-z]:[/\\])""",
    re.I | re.X,
)


def _elsewhere(src: str) -> bool:
    return bool(_ELSEWHERE_RE.match(unquote(src.strip())))


def _read_picture_file(path: Path) -> bytes:
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except FileNotFoundError:
        raise PictureRefused("missing (no such file)") from None
    except PermissionError:
        raise PictureRefused("permission denied") from None
    except OSError as exc:
        raise PictureRefused(os.strerror(exc.errno) if exc.errno else str(exc)) from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise PictureRefused("is a folder, not a file")
        if not stat.S_ISREG(info.st_mode):
            raise PictureRefused("not a regular file")
        if info.st_size > MAX_PICTURE_BYTES:
            raise PictureRefused(
                f"too large ({info.st_size / 1048576:.1f} MB; the limit is "
                f"{MAX_PICTURE_BYTES // 1048576} MB)"
            )
    except BaseException:
        os.close(fd)
        raise
    with os.fdopen(fd, "rb") as handle:
        return handle.read(MAX_PICTURE_BYTES + 1)
