"""Web page text dumps: furniture becomes metadata, the doubled body is kept once."""

import json

import pytest

from helpers import FIXTURES, SEED
from reader.core.article import plain_text
from reader.core.parsers import read_article
from reader.core.parsers.webdump import looks_like_webdump, parse_webdump

DUMPS = FIXTURES / "dumps"
EXPECTED = json.loads((FIXTURES / "dumps-expected.json").read_text(encoding="utf-8"))


def body_paragraphs(article) -> list[str]:
    return [plain_text(p) for p in article.body.split("\n\n")]


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_dump_variant_gives_the_article_it_holds(name):
    expected = EXPECTED[name]
    article = read_article(DUMPS / name)
    assert article.format == "webdump"
    assert article.title == expected["title"]
    assert article.authors == expected["authors"]
    assert article.published == expected["published"]
    assert article.source == expected["source"]
    assert article.url == expected["url"]
    assert article.views == expected["views"]
    assert body_paragraphs(article) == expected["paragraphs"]


def test_crlf_endings_leave_no_carriage_returns():
    crlf = read_article(DUMPS / "crlf.txt")
    assert b"\r\n" in (DUMPS / "crlf.txt").read_bytes()
    assert "\r" not in crlf.body + crlf.title + (crlf.lead or "")


@pytest.mark.skipif(not SEED.exists(), reason="the shared seed folder is not beside this checkout")
def test_the_real_seed_page():
    article = read_article(SEED)
    assert article.title == "Казахстан принял председательство в ОДКБ"
    assert article.authors == ["Герман Напольский"]
    assert article.published == "2024-01-05T16:25:27"
    assert article.source == "evrazesnews.ru"
    assert article.url is None
    assert article.views == 719
    assert article.language == "ru"
    paragraphs = body_paragraphs(article)
    assert len(paragraphs) == 4
    assert paragraphs[0].startswith("Председательство в Организации Договора")
    assert paragraphs[1] == "В 2023 году в Организации председательствовала Республика Беларусь."
    assert paragraphs[3].endswith("в сфере информационных технологий.")
    text = plain_text(article.body)
    for furniture in ("Размер текста", "Показы", "evrazesnews.ru", "Напольский", "\u00a0"):
        assert furniture not in text
    assert article.words == sum(len(p.split()) for p in paragraphs) == 155
    assert article.lead == paragraphs[0]


def test_lines_of_only_no_break_spaces_are_blank_and_end_spaces_are_trimmed():
    text = (
        "Размер текста: - o +\n\nЗаголовок\n\n\u00a0\n\u00a0 \u00a0\n"
        "Первый абзац текста, довольно длинный, чтобы его можно было узнать.\u00a0\n"
        "\u00a0\n\nВторой абзац.\u00a0\n\nexample.ru\n"
    )
    article = parse_webdump(text)
    assert article.title == "Заголовок"
    assert body_paragraphs(article) == [
        "Первый абзац текста, довольно длинный, чтобы его можно было узнать.",
        "Второй абзац.",
    ]
    assert article.source == "example.ru"


def test_a_copy_that_breaks_the_text_into_more_paragraphs_wins():
    one, two = "Первая мысль статьи о городе и реке.", "Вторая мысль о мостах и людях на них."
    text = f"Текст: - o +\n\nЗаголовок\n\n{one} {two}\n\n{one}\n\n{two}\n"
    assert body_paragraphs(parse_webdump(text)) == [one, two]


def test_a_repeated_short_line_is_not_mistaken_for_the_doubled_body():
    text = "Размер текста: - o +\n\nЗаголовок\n\n* * *\n\nАбзац один.\n\n* * *\n\nАбзац два.\n"
    assert body_paragraphs(parse_webdump(text)) == ["* * *", "Абзац один.", "* * *", "Абзац два."]


def test_markdown_characters_in_a_dump_stay_literal_text():
    text = (
        "Размер текста: - o +\n\nЗаголовок\n\n# не заголовок\n\n"
        "1. не список, а *звёздочки* и [скобки]\n"
    )
    paragraphs = body_paragraphs(parse_webdump(text))
    assert paragraphs == ["# не заголовок", "1. не список, а *звёздочки* и [скобки]"]


def test_plain_prose_is_not_taken_for_a_dump():
    assert not looks_like_webdump("Title\n\nJust a paragraph of prose.\n\nAnother one here.\n")
