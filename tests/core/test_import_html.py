"""Saved HTML pages: what the reader shows after importing one.

The fixture pages in tests/fixtures/html are written for these tests: each has the usual
furniture of its kind of site (menus, cookie notices, adverts, share buttons, comments,
"related" boxes, footers, scripts) around an article.
"""

from __future__ import annotations

import functools
import os
import subprocess
import sys
from pathlib import Path

import pytest

from reader.core.article import Article
from reader.core.errors import ImportFailure
from reader.core.parsers.html import looks_like_html, parse_html

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "html"
REPO = Path(__file__).resolve().parents[2]
NO_ARTICLE = "no article text found in the HTML page"
PAGES = sorted(p.stem for p in FIXTURES.glob("*.html"))


def page(name: str) -> str:
    return (FIXTURES / f"{name}.html").read_text(encoding="utf-8")


@functools.cache
def imported(name: str) -> Article:
    return parse_html(page(name))


def minimal_page(head: str = "", body: str = "") -> str:
    """A small page with enough prose to count as an article."""
    prose = " ".join(["The council met on Tuesday evening to discuss the harbour budget."] * 4)
    return (
        f"<!DOCTYPE html><html><head><title>Harbour budget</title>{head}</head>"
        f"<body><article><h1>Harbour budget</h1><p>{prose}</p>{body}</article></body></html>"
    )


def assert_once(body: str, *snippets: str) -> None:
    for snippet in snippets:
        assert body.count(snippet) == 1, f"{snippet!r} appears {body.count(snippet)} times"


def assert_absent(body: str, *snippets: str) -> None:
    for snippet in snippets:
        assert snippet not in body, f"{snippet!r} should not be in the body"


# --- recognising HTML -------------------------------------------------------------------


@pytest.mark.parametrize("name", PAGES)
def test_saved_pages_are_recognised_as_html(name):
    assert looks_like_html(page(name))


@pytest.mark.parametrize(
    "text",
    [
        "\ufeff<!DOCTYPE html>\n<html><body>x</body></html>",
        "<!-- saved from url=(0022)https://example.org/ -->\r\n<html>\r\n<head>",
        "<?xml version='1.0' encoding='utf-8'?>\n<!DOCTYPE html PUBLIC '-//W3C//DTD XHTML 1.0'>",
        "  \n<HTML><HEAD><TITLE>Old page</TITLE>",
    ],
)
def test_html_is_recognised_whatever_the_file_is_called(text):
    assert looks_like_html(text)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "Just a note about <html> tags in a plain text file.",
        "# A Markdown article\n\n```html\n<!DOCTYPE html>\n<html></html>\n```\n",
        "<p>A fragment of markup is not a saved page.</p>",
    ],
)
def test_text_and_markdown_are_not_taken_for_html(text):
    assert not looks_like_html(text)


def test_importing_the_module_does_not_load_trafilatura():
    # The command line imports every importer at start-up; trafilatura costs ~200 ms.
    code = (
        "import sys, reader.core.parsers.html; "
        "print('trafilatura' in sys.modules, 'lxml.html' in sys.modules)"
    )
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=REPO, check=True
    )
    assert result.stdout.split() == ["False", "False"]


# --- an English news story ---------------------------------------------------------------


def test_news_story_metadata():
    article = imported("en_news_ledger")
    assert article.format == "html"
    assert article.title == "Tidal turbines return to Kestrel Sound after a decade of trials"
    assert article.authors == ["Morag Ellery", "Tobias Wren"]
    assert article.published == "2024-03-14T07:45:00+00:00"
    assert (
        article.url
        == "https://www.harbourledger.example/energy/2024/03/tidal-turbines-kestrel-sound"
    )
    assert article.source == "The Harbour Ledger"
    assert article.lead == (
        "Three seabed turbines were lowered into Kestrel Sound this week, "
        "the first to run there since the pilot scheme ended in 2014."
    )
    assert article.tags == ["Tidal power", "Renewables", "Kestrel Sound"]
    assert article.language == "en"


def test_news_story_paragraphs_appear_once_in_order():
    body = imported("en_news_ledger").body
    openings = [
        "The crane barge left Port Aske shortly after dawn",
        "It is the first time in ten years",
        "says the design has been *fundamentally* rethought",
        "Engineers who worked on both projects",
        "We spent two years listening to the boats",
        "Together the three turbines are rated at 1.5 megawatts",
        "Members of the cooperative, most of whom live",
        "Not everyone is convinced.",
        "once testing of the subsea cable is complete.",
    ]
    assert_once(body, *openings)
    positions = [body.index(text) for text in openings]
    assert positions == sorted(positions)


def test_news_story_keeps_markdown_structure():
    body = imported("en_news_ledger").body
    assert "\n## What has changed since the pilot\n" in body
    assert "\n## Power for two thousand homes\n" in body
    assert "- Direct-drive generators, which remove the gearbox" in body
    assert "- A cable route that avoids the scallop grounds" in body
    assert "[Sound Power Cooperative](https://www.soundpower.example/)" in body
    assert "*fundamentally*" in body and "*wait and see*" in body
    assert "**the condition**" in body


def test_news_story_title_is_not_repeated_as_a_heading():
    body = imported("en_news_ledger").body
    assert not body.startswith("#")
    assert_absent(body, "# Tidal turbines return")


def test_news_story_site_furniture_is_dropped():
    body = imported("en_news_ledger").body
    assert_absent(
        body,
        "We use cookies",
        "Accept all",  # cookie banner
        "Subscribe for £1 a week",
        "Weather",  # navigation
        "Advertisement",
        "garden furniture",
        "Switch your broadband",
        "Luxury cruises",  # ads
        "Share on Facebook",
        "Email this story",  # share buttons
        "Most read",
        "Winter ferry timetable",
        "Sign up to our newsletter",  # sidebar
        "Related articles",
        "Offshore wind farm approved",  # related
        "About time somebody tried this",
        "Who pays when the cable breaks",
        "Join the discussion",
        "All rights reserved",
        "Privacy policy",  # footer
        "dataLayer",
        "cookie accepted",
        "adConfig",  # scripts
    )


# --- a Russian news story ----------------------------------------------------------------


def test_russian_news_metadata():
    article = imported("ru_news_volga")
    assert article.title == "В Заречном открыли библиотеку в бывшем речном вокзале"
    assert article.authors == ["Ирина Соколова"]
    assert article.published == "2023-09-21T14:30:00+03:00"
    assert (
        article.url == "https://volga-vestnik.example/gorod/2023/09/21/biblioteka-v-rechnom-vokzale"
    )
    assert article.source == "Волжский вестник"
    assert article.lead.startswith("Здание речного вокзала, пустовавшее почти двадцать лет")
    assert article.tags == ["библиотека", "речной вокзал", "Заречный", "реконструкция"]
    assert article.language == "ru"


def test_russian_news_body():
    body = imported("ru_news_volga").body
    assert_once(
        body,
        "В субботу в Заречном открылась новая городская библиотека.",
        "Реконструкция заняла три года.",
        "Самым необычным местом стал открытый читальный зал",
        "Фонд библиотеки пока насчитывает около сорока тысяч книг.",
        "На реконструкцию потратили около 180 миллионов рублей",
        "Библиотека работает со вторника по воскресенье",
    )
    assert "\n## Читальный зал на пристани\n" in body
    assert "- коворкинг на двадцать мест с бесплатным интернетом;" in body
    assert "\n> «Мы провели опрос" in body  # the quotation stays a quotation
    assert "[сайте администрации](https://zarechny.example/proekty/vokzal)" in body
    assert "**Наталья Гринёва**" in body and "*за несколько минут*" in body


def test_russian_news_furniture_is_dropped():
    body = imported("ru_news_volga").body
    assert_absent(
        body,
        "файлы cookie",
        "USD 96,40",
        "Поиск по сайту",
        "Главная",
        "Пластиковые окна",
        "Кредит наличными",
        "Туры в Турцию",
        "Реклама",
        "Просмотров",
        "Поделиться",
        "ВКонтакте",
        "Читайте также",
        "Ремонт моста через Сок",
        "Наконец-то! Помню",
        "Лучше бы дороги отремонтировали",
        "войдите на сайт",
        "Популярное",
        "Цены на гречку",
        "Все права защищены",
        "ym(12345678",
    )


# --- a Russian long read with a JSON-LD @graph --------------------------------------------


def test_russian_longread_metadata_from_json_ld_graph():
    article = imported("ru_longread_baikal")
    # <title> carries the section and the magazine; the headline does not.
    assert article.title == "Почему лёд на Байкале прозрачный"
    assert article.authors == ["Алексей Ветров"]  # JSON-LD author given as a plain string
    assert article.published == "2023-11-05T09:30:00"  # no offset in the source, none added
    assert article.source == "Полевой дневник"
    assert article.url == "https://polevoy-dnevnik.example/nauka/prozrachnyj-lyod-bajkala/"
    assert article.tags == ["Байкал", "лёд", "физика", "путешествия"]
    # meta description, which here is longer than og:description
    assert article.lead.startswith("Разбираемся, откуда берётся знаменитый прозрачный лёд Байкала,")
    assert article.lead.endswith("и чем опасен для путешественников.")


def test_russian_longread_body():
    body = imported("ru_longread_baikal").body
    assert_once(
        body,
        "Каждую зиму на Байкал едут тысячи людей",
        "Ответ складывается из нескольких обстоятельств",
        "Вода Байкала очень бедна растворёнными солями",
        "Второе условие — погода.",
        "Тот, кто ночевал на байкальском льду",
        "Прозрачный лёд держится недолго",
    )
    for heading in ("Чистая вода", "Мороз без снега", "Почему он трескается"):
        assert f"\n## {heading}\n" in body
    assert "- не выезжать на лёд на машине без местного проводника;" in body
    assert "*полирует*" in body and "**становые щели**" in body
    assert "[ледовая служба заповедника](https://baikal-ice.example/karta)" in body
    assert_absent(
        body,
        "куки",
        "Принять",
        "Подпишитесь на нашу рассылку",
        "Поддержать журнал",
        "Подкасты",
        "Наука и природа",
        "8 минут чтения",
        "Туры на Байкал",
        "Скопировать ссылку",
        "Похожие материалы",
        "нерпа",
        "Обсуждение",
        "Были в феврале",
        "заглянуть на двадцать метров",
        "© Журнал",
    )


# --- an English blog post (WordPress) ------------------------------------------------------


def test_blog_post_metadata():
    article = imported("en_blog_sourdough")
    assert article.title == "Why my sourdough stopped rising (and how I fixed it)"
    assert article.authors == ["Priya Nandakumar"]
    assert article.published == "2022-11-03T18:20:00"  # from <time datetime>, no offset given
    assert article.url == "https://quietbench.example/2022/11/why-my-sourdough-stopped-rising/"
    assert article.source == "quietbench.example"  # no site name in the markup: the domain
    assert article.lead == (
        "Three weeks of flat loaves, a notebook of failed experiments, "
        "and the boring fix that finally worked."
    )
    assert article.tags == ["sourdough", "baking", "starter", "fermentation"]


def test_blog_post_body():
    body = imported("en_blog_sourdough").body
    assert_once(
        body,
        "For about three weeks this autumn every loaf",
        "I am writing this down partly for my own future reference",
        "None of it made a real difference.",
        "A friend who bakes professionally asked me a question",
        "That six-degree gap roughly doubles the time",
        "The fix was almost embarrassingly simple.",
        "The loaves are back to normal now",
    )
    assert "1. Switched to a fresh bag of flour" in body
    assert "4. Extended the bulk ferment by an hour, then by two." in body
    assert "- Watch the dough, not the clock" in body
    assert "\n## The thermometer that solved it\n" in body
    assert "*what temperature is your dough?*" in body and "**far too short**" in body
    assert (
        "[everyday sourdough recipe page](https://quietbench.example/recipes/everyday-sourdough/)"
    ) in body
    assert_absent(
        body,
        "Skip to content",
        "Slow baking in a small kitchen",
        "About me",
        "Posted on",
        "Share this",
        "Pinterest",
        "Starting a rye starter",
        "Previous post",
        "thoughts on",
        "oven light trick",
        "proofing box",
        "Leave a Reply",
        "Recent Posts",
        "Archives",
        "Proudly powered by WordPress",
        "jetpackCarouselStrings",
    )


# --- an English feature saved by a browser, metadata partly missing ----------------------


def test_feature_metadata_from_json_ld_object_and_h1():
    article = imported("en_tech_railway")
    assert article.title == "The quiet comeback of the night train"  # h1, not "<title> | Site"
    assert article.authors == ["Dana Okafor"]  # JSON-LD author as a single object
    assert article.published == "2021-06-08T16:05:00-05:00"
    assert article.url == "https://www.signalbox-weekly.example/features/night-trains-comeback.html"
    assert article.source == "Signalbox Weekly"  # the JSON-LD publisher
    assert article.lead is None  # no description: the caller supplies one
    assert article.tags == []


def test_feature_body():
    body = imported("en_tech_railway").body
    assert_once(
        body,
        "Ten years ago most railway planners",
        "Today the picture is very different.",
        "The first of the revived routes sold out",
        "Operators had expected the first group.",
        "The difficulty now lies in the factories.",
        "In the meantime, operators are refurbishing",
        "Whether that growth continues will depend less on demand",
    )
    assert "### Demand that surprised the operators" in body
    assert "*considerably more*" in body
    assert "[latest industry figures](https://www.railstats.example/overnight-2021)" in body
    assert_absent(
        body,
        "Rail Jobs",
        "Log in",
        "Features Editor",
        "Tweet",
        "LinkedIn",
        "About the author",
        "SUBSCRIBE TODAY",
        "12 issues",
        "More from Features",
        "tram lines",
        "Rail Expo",
        "Poll",
        "sleeper train instead of flying",
        "Copyright",
        "_sf_async_config",
    )


# --- an old table-layout page with <br><br> paragraphs -----------------------------------


def test_old_table_layout_page():
    article = imported("ru_oldschool_mill")
    assert article.title == "Старая мельница на реке Шоше"  # "<title> :: site" cut
    assert article.authors == ["В. П. Крылов"]  # initials keep their dots
    assert article.published == "2009-02-14"  # from the "Опубликовано:" line
    assert article.url is None and article.source is None
    body = article.body
    paragraphs = [
        "Мельница стоит на правом берегу Шоши",
        "Построил мельницу в 1887 году",
        "Мельница была водяная, с нижнебойным колесом.",
        "Мой дед, Пётр Ильич Крылов",
        "Добраться до мельницы проще всего летом",
        "Если у кого-то сохранились фотографии мельницы",
    ]
    assert_once(body, *paragraphs)
    # Each <br><br> paragraph is a paragraph of its own, not one run of text.
    for opening in paragraphs[1:]:
        assert f"\n\n{opening}" in body
    assert "**Как она работала**" in body and "*насечка жерновов*" in body
    assert "[Мельницы](http://kraeved-tver.example/mlyny.htm)" in body
    assert_absent(
        body,
        "Опубликовано",
        "Любительский сайт",
        "Разделы",
        "Сёла и деревни",
        "Гостевая книга",
        "Счётчик",
        "Каталог краеведческих сайтов",
        "Назад",
        "На главную",
        "index.htm",
        "При использовании материалов",
        "openWin",
        "|",
    )


# --- a short column under a long comment thread -------------------------------------------


def test_article_under_a_long_comment_thread():
    article = imported("en_comments_heavy")
    assert article.title == (
        "Our town voted to keep the library open on Sundays. Here is what happened next."
    )
    assert article.authors == ["Rosa Lindqvist"]
    assert article.published == "2020-02-17"
    assert article.source == "Midvale Courier"
    body = article.body
    assert_once(
        body,
        "A year ago the town council voted",
        "It did not. Sunday has become",
        "I spent four Sundays there this winter",
        "The head librarian, Marcus Bell",
        "None of this means the argument is over.",
    )
    assert "*for the newspapers and the quiet*" in body
    assert_absent(
        body,
        "Obituaries",
        "opinion pieces in your inbox",
        "48 responses",
        "Gail from Elm Street",
        "I work weekends at the hospital",
        "Eleven thousand dollars is eleven",
        "tally sheet undercounts",
        "Show 42 more responses",
        "Recommended for you",
        "Mill Road bridge",
        "Serving the valley",
    )


# --- pages with no article -----------------------------------------------------------------


@pytest.mark.parametrize("name", ["no_article_login", "ru_no_article_404"])
def test_page_without_an_article_is_refused(name):
    with pytest.raises(ImportFailure) as caught:
        parse_html(page(name))
    assert str(caught.value) == NO_ARTICLE


@pytest.mark.parametrize(
    "text", ["", "   \n", "<html></html>", "<html><body><nav>Home</nav></body></html>"]
)
def test_empty_pages_are_refused(text):
    with pytest.raises(ImportFailure, match=NO_ARTICLE):
        parse_html(text)


# --- metadata variants --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (
            '<meta property="article:published_time" content="2024-05-01T10:00:00Z">',
            "2024-05-01T10:00:00+00:00",
        ),
        (
            '<meta property="article:published_time" content="2024-05-01T10:00:00.250+0300">',
            "2024-05-01T10:00:00+03:00",
        ),
        ('<meta property="article:published_time" content="2024-05-01T10:00">', "2024-05-01T10:00"),
        ('<meta name="date" content="2024-05-01">', "2024-05-01"),
        (
            '<script type="application/ld+json">{"@type": "NewsArticle", '
            '"datePublished": "2024-05-01T08:30:00+02:00"}</script>'
            '<meta property="article:published_time" content="2024-05-02">',
            "2024-05-01T08:30:00+02:00",
        ),
    ],
)
def test_published_keeps_what_the_source_gives(head, expected):
    assert parse_html(minimal_page(head)).published == expected


@pytest.mark.parametrize(
    ("author", "expected"),
    [
        ('"Anna Berg"', ["Anna Berg"]),
        ('"Anna Berg and Lev Orlov"', ["Anna Berg", "Lev Orlov"]),
        ('["Anna Berg", {"@type": "Person", "name": "Lev Orlov"}]', ["Anna Berg", "Lev Orlov"]),
        ('{"@id": "#anna"}', ["Anna Berg"]),
    ],
)
def test_json_ld_author_forms(author, expected):
    ld = (
        '<script type="application/ld+json">{"@graph": ['
        f'{{"@type": "Article", "headline": "Harbour budget", "author": {author}}},'
        '{"@type": "Person", "@id": "#anna", "name": "Anna Berg"}]}</script>'
    )
    assert parse_html(minimal_page(ld)).authors == expected


def test_relative_links_resolve_against_the_page_address():
    head = '<link rel="canonical" href="https://port.example/news/budget">'
    body = (
        '<p>More detail in the <a href="/docs/budget.pdf">full budget</a> '
        'and in <a href="#notes">the notes</a>.</p>'
    )
    article = parse_html(minimal_page(head, body))
    assert "[full budget](https://port.example/docs/budget.pdf)" in article.body
    assert "the notes." in article.body and "#notes" not in article.body
    assert article.source == "port.example"


def test_relative_links_become_plain_words_without_a_page_address():
    body = '<p>More detail in the <a href="docs/budget.pdf">full budget</a> published today.</p>'
    article = parse_html(minimal_page(body=body))
    assert "More detail in the full budget published today." in article.body
    assert article.url is None and article.source is None


def test_saved_from_comment_gives_the_address():
    comment = "<!-- saved from url=(0040)https://news.example/2020/05/story.html -->\n"
    text = comment + minimal_page()
    article = parse_html(text)
    assert article.url == "https://news.example/2020/05/story.html"
    assert article.source == "news.example"


def test_paragraphs_between_line_breaks_are_all_kept():
    first, second, third = (
        f"{word} paragraph of an old page, long enough to read as prose."
        for word in ("First", "Second", "Third")
    )
    body = f"<div>{first}<br><br>{second}<br>\n<br>{third}</div>"
    text = f"<html><head><title>Old page</title></head><body>{body}</body></html>"
    article = parse_html(text)
    assert_once(article.body, first, second, third)
    assert article.body.index(first) < article.body.index(second) < article.body.index(third)


def test_a_container_named_like_an_advert_but_holding_the_article_is_kept():
    prose = " ".join(f"Sentence number {i} of the story about the budget." for i in range(20))
    text = f"<html><body><div class='story ad-free'><p>{prose}</p></div></body></html>"
    assert "Sentence number 19 of the story" in parse_html(text).body


# --- quotations -------------------------------------------------------------------------


def test_each_of_two_identical_quotations_is_marked_once():
    quote = "<blockquote><p>We will build the pier.</p></blockquote>"
    body = parse_html(minimal_page(body=f"{quote}<p>The mayor said it twice.</p>{quote}")).body
    assert body.count("\n> We will build the pier.") == 2
    assert "> >" not in body


def test_a_paragraph_holding_a_quotations_words_is_not_marked():
    body = parse_html(
        minimal_page(
            body="<p>We will build the pier, he said again.</p>"
            "<blockquote><p>We will build the pier</p></blockquote>"
        )
    ).body
    assert "\nWe will build the pier, he said again." in body
    assert "\n> We will build the pier" in body


def test_a_quotation_in_a_list_item_stays_in_its_item():
    body = parse_html(
        minimal_page(
            body="<ul><li>First point</li><li><blockquote>Quoted point</blockquote></li></ul>"
        )
    ).body
    assert "- First point\n- > Quoted point" in body


def test_many_quotations_are_all_marked():
    # Each quotation used to be searched for from the top of the text: quadratic.
    quotes = "".join(
        f"<p>Paragraph {i} of the story about the pier and its stones.</p>"
        f"<blockquote><p>Quote number {i} said the budget was small.</p></blockquote>"
        for i in range(3000)
    )
    body = parse_html(minimal_page(body=quotes)).body
    assert all(f"\n> Quote number {i} said" in body for i in range(0, 3000, 97))
    assert body.count("\n> Quote number") == 3000
