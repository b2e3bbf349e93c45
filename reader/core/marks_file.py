"""Marks outside the library: the side file an export writes beside each article's
Markdown (``<name>.marks.json``, read back when that Markdown is imported), and the
reader's own exports of highlights, notes and bookmarks as Markdown or JSON.

A mark whose words are not in the article is kept and flagged ``lost``, never dropped; a
mark the file gets wrong (an unknown kind, no quote) is left out with its reason, and the
article is imported all the same.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from reader.core.marks import BOOKMARK, Mark, MarkError, from_data, to_data

if TYPE_CHECKING:
    from reader.core.article import Article
    from reader.core.store.marks_table import MarkRow

FORMAT = "article-reader-marks"
VERSION = 1
SUFFIX = ".marks.json"
MAX_FILE_BYTES = 64 * 1024 * 1024
MAX_MARKS = 100_000


def side_file(markdown: Path) -> Path:
    """The marks file that goes with an exported article's Markdown file."""
    return markdown.with_name(markdown.stem + SUFFIX)


def is_side_file(path: Path) -> bool:
    return path.name.lower().endswith(SUFFIX)


def side_file_text(article: Article, marks: Sequence[Mark]) -> str:
    data = {
        "format": FORMAT,
        "version": VERSION,
        "article": {"title": article.title, "source": article.source, "url": article.url},
        "marks": [to_data(mark) for mark in marks],
    }
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def read_side_file(path: Path, article_text: str) -> tuple[list[Mark], list[str]]:
    """The marks in ``path`` (the side file of an article whose text is ``article_text``)
    and, for each mark or for the file, why it was not kept."""
    name = path.name
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            return [], [f"{name}: too large ({size:,} bytes; at most {MAX_FILE_BYTES:,})"]
        raw = path.read_bytes()
    except OSError as exc:
        return [], [f"{name}: {exc.strerror or exc}"]
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        return [], [f"{name}: not UTF-8 text"]
    except (ValueError, RecursionError) as exc:
        return [], [f"{name}: not valid JSON ({str(exc)[:80]})"]
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        return [], [f"{name}: not an Article Reader marks file"]
    if not isinstance(data.get("version"), int) or data["version"] > VERSION:
        return [], [f"{name}: written by a newer Article Reader (version {data.get('version')!r})"]
    items = data.get("marks")
    if not isinstance(items, list):
        return [], [f"{name}: 'marks' must be a list"]
    problems = []
    if len(items) > MAX_MARKS:
        problems.append(f"{name}: only the first {MAX_MARKS:,} of {len(items):,} marks kept")
        items = items[:MAX_MARKS]
    marks = []
    for number, item in enumerate(items, 1):
        try:
            mark = from_data(item, f"{name}, mark {number}")
        except MarkError as exc:
            problems.append(str(exc))
            continue
        mark.lost = mark.lost or not _holds(article_text, mark.anchor.quote)
        marks.append(mark)
    return marks, problems


def _holds(text: str, quote: str) -> bool:
    """Whether the text holds the quote's words in order, however spaced."""
    if quote in text:
        return True
    return " ".join(quote.split()) in " ".join(text.split())


# -- the reader's exports ----------------------------------------------------------------


def grouped_by_article(rows: Iterable[MarkRow]) -> list[MarkRow]:
    """The rows grouped by article (the article of the first row first), each article's
    marks in the order of its text."""
    groups: dict[int | None, list[MarkRow]] = {}
    for row in rows:
        groups.setdefault(row.mark.article_id, []).append(row)
    return [
        row
        for group in groups.values()
        for row in sorted(group, key=lambda r: (r.mark.anchor.start, r.mark.id or 0))
    ]


def marks_json(rows: Iterable[MarkRow]) -> str:
    """Marks grouped by article (title, source, id), as JSON."""
    articles: dict[int, dict] = {}
    for row in rows:
        mark = row.mark
        entry = articles.setdefault(
            mark.article_id or 0,
            {"id": mark.article_id, "title": row.title, "source": row.source, "marks": []},
        )
        entry["marks"].append(to_data(mark))
    data = {"format": FORMAT, "version": VERSION, "articles": list(articles.values())}
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def marks_markdown(rows: Iterable[MarkRow], labels: MarkdownLabels | None = None) -> str:
    """Marks grouped by article: its title and source, then each highlight as a quote with
    its note under it, each bookmark by its name."""
    labels = labels or MarkdownLabels()
    parts: list[str] = []
    current: int | None = None
    for row in rows:
        mark = row.mark
        if mark.article_id != current:
            current = mark.article_id
            parts.append(f"## {_one_line(row.title)}\n")
            if row.source:
                parts.append(f"{labels.source}: {_one_line(row.source)}\n")
        if mark.kind == BOOKMARK:
            parts.append(f"- {labels.bookmark}: {_one_line(mark.name)}\n")
            continue
        quote = "\n".join(f"> {line}".rstrip() for line in mark.anchor.quote.strip().split("\n"))
        if mark.lost:
            quote += f"\n>\n> ({labels.lost})"
        parts.append(quote + "\n")
        if mark.note:
            note = mark.note.strip().split("\n")
            parts.append(f"{labels.note}: {note[0]}" + "".join(f"\n{line}" for line in note[1:]))
            parts.append("")
    return "\n".join(parts).rstrip() + "\n" if parts else ""


class MarkdownLabels:
    """The words of a Markdown export, translated by the caller."""

    def __init__(
        self,
        source: str = "Source",
        note: str = "Note",
        bookmark: str = "Bookmark",
        lost: str = "these words are no longer in the article",
    ) -> None:
        self.source, self.note, self.bookmark, self.lost = source, note, bookmark, lost


def _one_line(text: str) -> str:
    return " ".join(text.split())
