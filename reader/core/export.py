"""Articles written out as Markdown files with front matter, one file an article.

The front matter carries every field, and an article's pictures are written beside it
(``<name>_files/``, linked from the Markdown by relative paths), and its highlights and
bookmarks too (``<name>.marks.json``), so importing an export into an empty library gives
back the same articles with their pictures and marks.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from reader.core.article import Article
from reader.core.parsers.frontmatter import dump_front_matter

if TYPE_CHECKING:
    from reader.core.marks import Mark
    from reader.core.pictures import Picture


def article_to_markdown(article: Article) -> str:
    fields = {
        "title": article.title,
        "authors": article.authors,
        "published": article.published,
        "source": article.source,
        "url": article.url,
        "language": article.language,
        "views": article.views,
        "lead": article.lead,
        "tags": article.tags,
        "imported_at": article.imported_at,
        "original_path": article.original_path,
        "format": article.format,
    }
    return f"{dump_front_matter(fields)}\n{article.body}\n"


def export_file_name(article: Article) -> str:
    return f"{article.id:06d}-{slugify(article.title)}.md"


def slugify(title: str, limit: int = 60) -> str:
    text = unicodedata.normalize("NFKC", title).casefold()
    text = re.sub(r"[^\w]+", "-", text).strip("-_")
    return text[:limit].rstrip("-_") or "article"


def export_articles(
    articles: Iterable[Article],
    folder: Path,
    pictures_of: Callable[[int], Mapping[str, Picture]] | None = None,
    marks_of: Callable[[int], Sequence[Mark]] | None = None,
) -> list[Path]:
    """Write each article to ``folder``, its pictures (``pictures_of(id)``) in a folder
    beside it and its highlights and bookmarks (``marks_of(id)``) in a file beside it
    (``<name>.marks.json``); existing files of the same name are replaced."""
    from reader.core.article_pictures import digests_in, picture_files

    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for article in articles:
        target = folder / export_file_name(article)
        pictures: Mapping[str, Picture] = {}
        if pictures_of is not None and article.id is not None and digests_in(article.body):
            pictures = pictures_of(article.id)
        if pictures:
            files = target.stem + "_files"
            (folder / files).mkdir(exist_ok=True)
            for picture in pictures.values():
                _write_bytes(folder / files / picture.file_name, picture.data)
            article = replace(article, body=picture_files(article.body, pictures, files))
        _write_bytes(target, article_to_markdown(article).encode("utf-8"))
        marks = marks_of(article.id) if marks_of is not None and article.id is not None else []
        if marks:
            from reader.core.marks_file import side_file, side_file_text

            _write_bytes(side_file(target), side_file_text(article, marks).encode("utf-8"))
        written.append(target)
    return written


def _write_bytes(target: Path, data: bytes) -> None:
    partial = target.with_name(target.name + ".part")
    partial.write_bytes(data)
    partial.replace(target)  # never leave a half-written file behind
