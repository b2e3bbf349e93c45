"""Markdown (with and without front matter), plain text, and picking the format by content."""

import html
import re

import pytest

from reader.core.article import plain_text
from reader.core.errors import ImportFailure
from reader.core.parsers import finish, parse_text, read_article
from reader.core.render import body_html


def test_markdown_front_matter_fills_every_field(tmp_path):
    path = tmp_path / "note.md"
    path.write_text(
        "---\n"
        "title: Северные реки\n"
        "author: [Анна Петрова, Иван Сидоров]\n"
        "date: 2024-03-02T10:15:00+03:00\n"
        "source: Речной вестник\n"
        "url: https://rivers.example/north\n"
        "tags: [реки, весна]\n"
        "---\n\n"
        "Весной реки *вскрываются*, и вода [поднимается](https://rivers.example/level).\n\n"
        "## Лёд\n\n- первый пункт\n- второй пункт\n",
        encoding="utf-8",
    )
    article = read_article(path)
    assert article.format == "markdown"
    assert article.title == "Северные реки"
    assert article.authors == ["Анна Петрова", "Иван Сидоров"]
    assert article.published == "2024-03-02T10:15:00+03:00"
    assert article.source == "Речной вестник"
    assert article.url == "https://rivers.example/north"
    assert article.tags == ["реки", "весна"]
    assert article.language == "ru"
    assert "## Лёд" in article.body and "- второй пункт" in article.body
    assert "*вскрываются*" in article.body
    assert article.lead == "Весной реки вскрываются, и вода поднимается."
    assert article.original_path == str(path)


def test_a_plain_date_in_front_matter_stays_a_date():
    article = parse_text("---\ntitle: T\ndate: 2023-12-31\nauthor: Jane Roe\n---\nBody.\n", ".md")
    assert article.published == "2023-12-31"
    assert article.authors == ["Jane Roe"]


def test_markdown_without_front_matter_takes_its_title_from_the_first_heading():
    article = parse_text("# The Heading\n\nFirst paragraph.\n\n## Part two\n\nMore.\n", ".md")
    assert article.title == "The Heading"
    assert article.body == "First paragraph.\n\n## Part two\n\nMore."


def test_setext_heading_is_a_title_too():
    article = parse_text("The Heading\n===========\n\nText under it.\n", ".md")
    assert (article.title, article.body) == ("The Heading", "Text under it.")


def test_front_matter_views_must_be_a_number():
    with pytest.raises(ImportFailure, match="'views' must be a whole number"):
        parse_text("---\ntitle: T\nviews: many\n---\nBody.\n", ".md")


def test_plain_text_first_line_is_the_title_and_paragraphs_are_kept():
    text = (
        "A Walk by the Sea\n\n"
        "The wind was up early, and the gulls were\nalready loud over the harbour.\n\n"
        "By noon the tide had turned.\n"
    )
    article = parse_text(text, ".txt")
    assert article.format == "text"
    assert article.title == "A Walk by the Sea"
    assert article.body.split("\n\n") == [
        "The wind was up early, and the gulls were already loud over the harbour.",
        "By noon the tide had turned.",
    ]


def test_plain_text_with_one_long_line_per_paragraph_keeps_each_line():
    long_a = "This line is a whole paragraph, written without wrapping, " * 3
    long_b = "And this is the next paragraph, also written as one long line " * 3
    article = parse_text(f"Title\n{long_a.strip()}\n{long_b.strip()}\n", ".txt")
    assert article.body.split("\n\n") == [long_a.strip(), long_b.strip()]


@pytest.mark.parametrize(
    ("text", "suffix", "fmt"),
    [
        (
            "<!DOCTYPE html><html><body><article><h1>Harbour news</h1>"
            + "".join(
                f"<p>Boat number {n} came in with the morning tide, and its crew unloaded "
                f"{n * 3} crates of fish onto the quay before the market opened.</p>"
                for n in range(1, 9)
            )
            + "</article></body></html>",
            ".txt",
            "html",
        ),
        ("---\ntitle: T\n---\nBody\n", ".txt", "markdown"),
        ("Размер текста: - o +\n\nЗаголовок\n\nТекст статьи.\n", ".md", "markdown"),
        ("Размер текста: - o +\n\nЗаголовок\n\nТекст статьи.\n", ".txt", "webdump"),
        ("# Heading\n\nText.\n", ".txt", "markdown"),
        ("Heading\n\nText.\n", "", "text"),
    ],
)
def test_the_format_is_chosen_by_content_first(text, suffix, fmt):
    assert parse_text(text, suffix).format == fmt


def test_english_and_russian_are_told_apart():
    en = finish(
        parse_text("Title\n\nThe library opened a reading room that stays open all night.\n")
    )
    ru = finish(
        parse_text("Заголовок\n\nБиблиотека открыла читальный зал, который работает всю ночь.\n")
    )
    assert (en.language, ru.language) == ("en", "ru")


def test_word_count_counts_hyphenated_words_once():
    article = finish(parse_text("T\n\nГосударств-членов было пять, and it's well-known.\n"))
    assert article.words == 6
    assert plain_text(article.body) == "Государств-членов было пять, and it's well-known."


def shown_text(html_text: str) -> str:
    """What the reading view shows of rendered HTML: the text, without tags or escapes."""
    return html.unescape(re.sub(r"<[^>]*>", "", html_text))


@pytest.mark.parametrize(
    "markdown_text",
    [
        'The pier at dawn: <img alt="a>b" src="x.png"> as it was.\n',  # inline HTML
        '<img alt="a>b" src="x.png">\n\nThe pier at dawn.\n',  # an HTML block
        "![a>b](x.png)\n\nThe pier at dawn.\n",  # Markdown's own image
    ],
)
def test_an_image_description_holding_a_greater_than_sign_is_shown_whole(tmp_path, markdown_text):
    path = tmp_path / "pier.md"
    path.write_text(f"# Pier\n\n{markdown_text}", encoding="utf-8")
    shown = shown_text(body_html(read_article(path).body))
    assert "[Image: a>b]" in shown
    assert "src=" not in shown and 'b"' not in shown


def test_an_image_description_is_its_alt_attribute_not_text_inside_another():
    shown = shown_text(body_html("<img title=\"alt='no'\" alt='Pier > dawn' src=x.png>\n"))
    assert shown.strip() == "[Image: Pier > dawn]"
