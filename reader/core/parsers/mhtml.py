"""Single-file web pages (.mhtml, .mht: Chromium's and Edge's "Save as single file"): a MIME
message whose root part is the page's HTML, the other parts its pictures, styles and
frames (RFC 2557).

The page is found (the part the message's ``start`` names, else its first HTML part),
decoded as its part declares (base64 or quoted-printable, in the part's charset) and read
as a saved HTML page. The page's address comes from the message when the page itself does
not say it. Its pictures are the message's parts that the page's pictures name (by
address, ``Content-Location``, or by ``cid:``); a picture the message does not hold stays
remote (never fetched).
"""

from __future__ import annotations

import email
import email.policy
from email.message import EmailMessage
from urllib.parse import unquote, urljoin, urlsplit, urlunsplit

from reader.core.article import Article
from reader.core.encoding import decode_bytes
from reader.core.errors import ImportFailure

_PAGE_TYPES = ("text/html", "application/xhtml+xml")


def looks_like_mhtml(data: bytes) -> bool:
    """True when the bytes open with MIME headers that announce a multipart message."""
    head = data[:16384]
    end = min((i for i in (head.find(b"\r\n\r\n"), head.find(b"\n\n")) if i >= 0), default=-1)
    headers = head[:end].lower() if end >= 0 else b""
    return b"mime-version:" in headers and b"multipart/" in headers


def parse_mhtml(data: bytes) -> Article:
    from reader.core.parsers import html

    message = email.message_from_bytes(data, policy=email.policy.default)
    if not isinstance(message, EmailMessage) or not message.is_multipart():
        raise ImportFailure("not a single-file web page (MHTML): it has no parts")
    page = _root(message)
    if page is None:
        raise ImportFailure(
            "no web page in the MHTML file (no part of type text/html; the file may be cut short)"
        )
    from reader.core.article_pictures import take_pictures

    article = html.parse_html(_text(page))
    address = _http(page.get("Content-Location")) or _http(message.get("Snapshot-Content-Location"))
    article = take_pictures(article, _Parts(message, address))
    if address and not article.url:
        article.url = address
        if not article.source:
            host = (urlsplit(address).hostname or "").lower().removeprefix("www.")
            article.source = host or None
    return article


class _Parts:
    """The message's parts as a page's pictures find them. An address is compared as it
    reads decoded: the page and the part's header may each write it percent-encoded or
    not ("a%20(1).png", "a (1).png", "a%20%281%29.png" are one address)."""

    def __init__(self, message: EmailMessage, page_address: str | None) -> None:
        self._base = page_address or ""
        self._by_location: dict[str, EmailMessage] = {}
        self._by_id: dict[str, EmailMessage] = {}
        for part in message.walk():
            if part.is_multipart():
                continue
            location = str(part.get("Content-Location") or "").strip()
            if location:
                self._by_location.setdefault(_key(urljoin(self._base, location)), part)
                self._by_location.setdefault(_key(location), part)
            content_id = str(part.get("Content-ID") or "").strip().strip("<>")
            if content_id:
                self._by_id.setdefault(unquote(content_id), part)

    def __call__(self, src: str) -> bytes | None:
        from reader.core.pictures import PictureRefused

        if src[:4].lower() == "cid:":
            part = self._by_id.get(unquote(src[4:].strip().strip("<>")))
        else:
            address = urljoin(self._base, src)
            part = self._by_location.get(_key(address)) or self._by_location.get(_key(src))
            if part is None and (
                urlsplit(address).scheme.lower() not in ("", "cid") or src.startswith("//")
            ):
                return None  # not saved in the file: remote (or another disk's), never read
        if part is None:
            raise PictureRefused("missing (the single-file page does not hold it)")
        payload = part.get_payload(decode=True)
        if not isinstance(payload, bytes) or not payload:
            raise PictureRefused("missing (its part of the single-file page is empty)")
        return payload


def _key(address: str) -> str:
    """An address as it reads: decoded, its scheme and host in small letters, without the
    fragment (the part of a page that a picture has none of)."""
    parts = urlsplit(address.strip())
    return urlunsplit(
        (parts.scheme.lower(), parts.netloc.lower(), unquote(parts.path), unquote(parts.query), "")
    )


def _root(message: EmailMessage) -> EmailMessage | None:
    """The page: the HTML part the message's ``start`` parameter names by its Content-ID,
    else the first HTML part (what browsers write first)."""
    pages = [
        part
        for part in message.walk()
        if not part.is_multipart() and part.get_content_type() in _PAGE_TYPES
    ]
    start = str(message.get_param("start", header="content-type") or "").strip("<>")
    named = [p for p in pages if start and (p.get("Content-ID") or "").strip("<> ") == start]
    return next(iter(named or pages), None)


def _text(part: EmailMessage) -> str:
    """The part's HTML as text: decoded by its transfer encoding, then by its declared
    charset; by what its bytes look like when it declares none (or a wrong one)."""
    payload = part.get_payload(decode=True)
    if not isinstance(payload, bytes) or not payload.strip():
        raise ImportFailure("the web page in the MHTML file is empty")
    charset = part.get_content_charset()
    if charset:
        try:
            return payload.decode(charset)
        except (LookupError, UnicodeDecodeError):
            pass  # an unknown or wrong charset: guessed below, as for any file
    return decode_bytes(payload).text


def _http(value: object) -> str | None:
    text = str(value or "").strip()
    return text if text.lower().startswith(("http://", "https://")) else None
