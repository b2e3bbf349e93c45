"""The pictures of an article's Markdown body: taken in at import, written out at export.

At import every image of the body (``reader.core.markdown_images``: code and escaped
text are not images) whose picture is part of the saved file (a file beside
it, an inline ``data:`` address, a part of a single-file page) is read and checked
(``reader.core.pictures``) and its address becomes ``picture:<digest>``; the picture goes
with the article into the library. A picture that cannot be kept is named in the
article's ``pictures_dropped`` with the reason, and its alternative text stays in its
place. Remote addresses are left as they are: never fetched, shown as their alt text.

A caption is the text that follows a picture in its paragraph (the HTML reader writes
``*caption*`` on the line under a figure's picture).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import replace

from reader.core.article import Article
from reader.core.markdown_images import Image, images, replace_images
from reader.core.pictures import (
    MAX_ARTICLE_PICTURE_BYTES,
    MAX_PICTURES,
    Picture,
    PictureRefused,
    Resolver,
    check_picture,
    data_uri_bytes,
    picture_digest,
    picture_url,
)


def take_pictures(article: Article, resolve: Resolver) -> Article:
    """``article`` with its body's saved pictures read, checked and pointed at by digest."""
    if "![" not in article.body:
        return article
    pictures: dict[str, Picture] = dict(article.pictures)
    dropped: list[str] = list(article.pictures_dropped)
    total = sum(len(p.data) for p in pictures.values())
    taken: dict[str, str | None] = {}  # each address met: what it became

    def take(image: Image) -> str | None:
        src = image.address
        if src not in taken:
            taken[src] = read(src, image.alt)
        new = taken[src]
        return None if new is None else image.written(new)

    def read(src: str, alt: str) -> str | None:
        nonlocal total
        if not src.strip() or picture_digest(src) or src.startswith("#"):
            return None
        inline = src[:5].lower() == "data:"
        try:
            data = data_uri_bytes(src) if inline else resolve(src)
            if data is None:
                return None  # remote: its alt text shows, nothing is fetched
            picture = check_picture(data)
            if picture.digest not in pictures:
                if len(pictures) >= MAX_PICTURES:
                    raise PictureRefused(f"the article already has {MAX_PICTURES} pictures")
                if total + len(data) > MAX_ARTICLE_PICTURE_BYTES:
                    raise PictureRefused(
                        f"the article's pictures would pass "
                        f"{MAX_ARTICLE_PICTURE_BYTES // 1048576} MB in all"
                    )
                pictures[picture.digest] = picture
                total += len(data)
        except PictureRefused as exc:
            dropped.append(f"picture {_name(src, alt)} not kept: {exc}")
            # An inline picture's data goes (it may be megabytes); a path stays, as written.
            return "" if inline else None
        return picture_url(picture.digest)

    body = replace_images(article.body, take)
    return replace(article, body=body, pictures=pictures, pictures_dropped=dropped)


def _name(src: str, alt: str) -> str:
    if src[:5].lower() == "data:":
        kind = src[5:].split(",", 1)[0].split(";", 1)[0] or "data"
        described = f" ({alt})" if alt else ""
        return f"inline {kind}{described}"
    shown = src if len(src) <= 80 else src[:77] + "…"
    return f"'{shown}'"


def digests_in(body: str) -> list[str]:
    """The stored pictures a body points at, in order, each once."""
    found: dict[str, None] = {}
    for image in images(body):
        digest = picture_digest(image.address)
        if digest:
            found.setdefault(digest)
    return list(found)


def relink(body: str, address: Callable[[str], str | None]) -> str:
    """The body with each ``picture:<digest>`` address replaced by ``address(digest)``
    (kept when that gives None)."""

    def swap(image: Image) -> str | None:
        digest = picture_digest(image.address)
        new = address(digest) if digest else None
        return None if new is None else image.written(new)

    return replace_images(body, swap)


def picture_files(body: str, pictures: Mapping[str, Picture], folder: str) -> str:
    """The body for export: each stored picture linked as ``folder/<name>``."""
    return relink(body, lambda d: f"{folder}/{pictures[d].file_name}" if d in pictures else None)
