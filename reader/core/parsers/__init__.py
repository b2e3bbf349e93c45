"""Reading one stored file into an Article: bytes to text, then the right format's parser.

The format is chosen by the content first (an HTML page named .txt is still HTML; a text
file with page-dump furniture is a page dump), the extension second.
"""

from __future__ import annotations

import os
import stat
from datetime import UTC, datetime
from pathlib import Path

from reader.core.article import Article
from reader.core.encoding import decode_bytes
from reader.core.errors import ImportFailure
from reader.core.language import detect_language
from reader.core.pathnames import stored_path

MARKDOWN_EXTENSIONS = frozenset({".md", ".markdown", ".mdown", ".mkd", ".mkdn"})
TEXT_EXTENSIONS = frozenset({".txt", ".text", ""})
HTML_EXTENSIONS = frozenset({".html", ".htm", ".xhtml", ".shtml"})
MHTML_EXTENSIONS = frozenset({".mhtml", ".mht"})  # single-file pages (parsers.mhtml)
SUPPORTED_EXTENSIONS = MARKDOWN_EXTENSIONS | TEXT_EXTENSIONS | HTML_EXTENSIONS | MHTML_EXTENSIONS

# Larger files are refused before they are read: no stored article comes near this, and a
# huge file would hold the import (and memory) for nothing. See the README.
MAX_FILE_BYTES = 32 * 1024 * 1024


def is_supported(path: Path) -> bool:
    return path.suffix.lower() in SUPPORTED_EXTENSIONS


def read_article(path: Path, *, max_bytes: int = MAX_FILE_BYTES) -> Article:
    """The article stored in ``path``, with every field filled; ImportFailure if it can't be."""
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_EXTENSIONS:
        supported = ", ".join(sorted(e for e in SUPPORTED_EXTENSIONS if e))
        raise ImportFailure(f"unsupported file type '{path.suffix}' (supported: {supported})")
    data = _read_bytes(path, max_bytes)
    if suffix in MHTML_EXTENSIONS:
        from reader.core.parsers import mhtml

        if mhtml.looks_like_mhtml(data):
            # (Its pictures are parts of the file: the MHTML reader takes them in.)
            return finish(mhtml.parse_mhtml(data), original_path=stored_path(path.absolute()))
        # (Otherwise a page saved under that name as plain HTML: read as any file is.)
    text = decode_bytes(data).text
    if not text.strip():
        raise ImportFailure("the file is empty" if not data else "the file holds only whitespace")
    article = parse_text(text, suffix)
    if "![" in article.body:
        from reader.core.article_pictures import take_pictures
        from reader.core.pictures import FolderPictures

        article = take_pictures(article, FolderPictures(path.parent))
    return finish(article, original_path=stored_path(path.absolute()))


def parse_text(text: str, suffix: str = ".txt") -> Article:
    """Pick the format by content, then by extension, and parse."""
    from reader.core.parsers import frontmatter, html, markdown_file, plaintext, webdump

    if html.looks_like_html(text) or (suffix in HTML_EXTENSIONS and "<" in text):
        return html.parse_html(text)
    if frontmatter.has_front_matter(text) or suffix in MARKDOWN_EXTENSIONS:
        return markdown_file.parse_markdown(text)
    dump = webdump.parse_if_webdump(text)
    if dump is not None:
        return dump
    if markdown_file.looks_like_markdown(text):
        return markdown_file.parse_markdown(text)
    return plaintext.parse_plaintext(text)


def finish(article: Article, *, original_path: str | None = None) -> Article:
    """Fill the fields every importer shares: measures, language, when and where from."""
    article = article.with_derived_fields()
    if not article.words and not article.title.strip():
        raise ImportFailure("no readable text in the file")
    if not article.language:
        from reader.core.article import plain_text

        article.language = detect_language(article.title + "\n" + plain_text(article.body))
    article.original_path = article.original_path or original_path
    article.imported_at = article.imported_at or now_iso()
    return article


def now_iso() -> str:
    return datetime.now(UTC).astimezone().isoformat(timespec="seconds")


def _read_bytes(path: Path, max_bytes: int) -> bytes:
    try:
        # Only a regular file is read: opening a named pipe waits for a writer (forever),
        # and a device may never end. Checked before opening, and again on what was opened.
        _check_file(path.stat(), max_bytes)
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
        with os.fdopen(fd, "rb") as handle:
            _check_file(os.fstat(handle.fileno()), max_bytes)  # it may have been swapped
            # O_NONBLOCK means nothing for a regular file's reads.
            return handle.read(max_bytes + 1)
    except FileNotFoundError:
        raise ImportFailure("no such file or folder") from None
    except PermissionError:
        raise ImportFailure("permission denied (the file cannot be read)") from None
    except OSError as exc:
        raise ImportFailure(os.strerror(exc.errno) if exc.errno else str(exc)) from None


_NOT_REGULAR = (
    (stat.S_ISFIFO, "a named pipe"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
)


def _check_file(info: os.stat_result, max_bytes: int) -> None:
    if stat.S_ISDIR(info.st_mode):
        raise ImportFailure("is a folder, not a file")
    if not stat.S_ISREG(info.st_mode):
        kind = next((name for test, name in _NOT_REGULAR if test(info.st_mode)), "a special file")
        raise ImportFailure(f"not a regular file ({kind})")
    if info.st_size > max_bytes:
        raise ImportFailure(
            f"the file is too large ({info.st_size / 1048576:.1f} MB; the limit is "
            f"{max_bytes / 1048576:.0f} MB)"
        )
