"""Articles written out as Markdown files with front matter, one file an article.

The front matter carries every field, so importing an export into an empty library
gives back the same articles.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from pathlib import Path

from reader.core.article import Article
from reader.core.parsers.frontmatter import dump_front_matter


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


def export_articles(articles: Iterable[Article], folder: Path) -> list[Path]:
    """Write each article to ``folder``; existing files of the same name are replaced."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for article in articles:
        target = folder / export_file_name(article)
        partial = target.with_name(target.name + ".part")
        partial.write_text(article_to_markdown(article), encoding="utf-8")
        partial.replace(target)  # never leave a half-written article behind
        written.append(target)
    return written
