"""The library's rows as Python values: an article, a list's summary of one, and back."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from typing import TYPE_CHECKING, NamedTuple

from reader.core.store.schema import filter_text

if TYPE_CHECKING:
    from reader.core.article import Article

COLUMNS = (
    "title, authors, published, source, url, language, views, lead, body, words, "
    "content_hash, imported_at, original_path, format, tags, sort_key, filter_text"
)
PLACEHOLDERS = ", ".join("?" * 17)
SUMMARY_COLUMNS = (
    "id, title, authors, published, source, url, language, views, lead, words, imported_at, format"
)


class AddResult(NamedTuple):
    id: int
    duplicate: bool
    # A duplicate that brought the pictures the kept article lacked, and took its place.
    updated: bool = False


class ArticleSummary(NamedTuple):
    """What a list needs of an article: everything but the body."""

    id: int
    title: str
    authors: list[str]
    published: str | None
    source: str | None
    url: str | None
    language: str | None
    views: int | None
    lead: str | None
    words: int
    imported_at: str
    format: str | None

    @property
    def author(self) -> str:
        return ", ".join(self.authors)


def select_by_ids(db: sqlite3.Connection, query: str, ids: list[int]) -> Iterator[tuple]:
    """The rows of ``query`` (with ``{marks}`` where the ids go) for any number of ids,
    asked in chunks that SQLite accepts."""
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        yield from db.execute(query.format(marks=", ".join("?" * len(chunk))), chunk)


def sort_key(article: Article) -> str:
    return (article.published or article.imported_at or "")[:19]


def summary_of(row: tuple) -> ArticleSummary:
    return ArticleSummary(row[0], row[1], json.loads(row[2]), *row[3:12])


def article_row(article: Article) -> tuple:
    return (
        article.title,
        json.dumps(article.authors, ensure_ascii=False),
        article.published,
        article.source,
        article.url,
        article.language,
        article.views,
        article.lead,
        article.body,
        article.words,
        article.content_hash,
        article.imported_at,
        article.original_path,
        article.format,
        json.dumps(article.tags, ensure_ascii=False),
        sort_key(article),
        filter_text(article.title, article.source, article.author),
    )


def article_of(row: tuple) -> Article:
    from reader.core.article import Article

    (
        article_id,
        title,
        authors,
        published,
        source,
        url,
        language,
        views,
        lead,
        body,
        words,
        content_hash,
        imported_at,
        original_path,
        fmt,
        tags,
        _sort_key,
        _filter_text,
    ) = row
    return Article(
        id=article_id,
        title=title,
        authors=json.loads(authors),
        published=published,
        source=source,
        url=url,
        language=language,
        views=views,
        lead=lead,
        body=body,
        words=words,
        content_hash=content_hash,
        imported_at=imported_at,
        original_path=original_path,
        format=fmt,
        tags=json.loads(tags),
    )
