"""The headline of a whole page's dump, and where its text starts, whatever the page puts
around them: breadcrumbs, kickers, ads, appeals for money, reading times, share lists,
pictures, a linked headline (lynx), no byline at all.

The pages under fixtures/fullpage-samples named below are our own writing, dumped by w3m
and lynx (``make_samples.py``); test_import_fullpage.py checks each one's title, byline,
date and every block of its text. Here: that none of their furniture reaches the text,
and the rules behind it, one at a time, on small pages written the way the tools print.
"""

import pytest

from helpers import FIXTURES
from reader.core.article import plain_text
from reader.core.parsers import parse_text, read_article
from reader.core.parsers.page_blocks import read_page
from reader.core.parsers.page_bylines import find_authors, meta
from reader.core.parsers.page_kinds import classify, is_breadcrumb

SAMPLES = FIXTURES / "fullpage-samples"

FURNITURE = {
    "en_kicker_crumbs": ["Home", "EXCLUSIVE", "5 min read", "Bluesky", "Send", "Most read"],
    "en_appeal_nobyline": [
        "Advertisement",
        "Boat servicing",
        "Support local journalism",
        "monthly contribution",
        "Contribute from",
    ],
    "en_linked_teasers": [
        "Storm damage closes the coast road",
        "Library extends its Sunday hours",
        "Updated 2 hours ago",
        "By Tom Ellery",
    ],
    "en_question_listen": [
        "Now reading",
        "Advertisement",
        "Spring sale",
        "Listen to this article",
        "Sarah Lund",
        "Regatta adds a junior race",
        "rowerjoe",
    ],
    "ru_tools_crumbs": [
        "Главная",
        "Школьный театр",
        "Реклама",
        "Пластиковые окна",
        "Авторы",
        "В закладки",
        "Размер шрифта",
        "Читайте также",
    ],
    "ru_poll_nobyline": ["Лента новостей", "Реклама", "Кредит наличными", "Опрос"],
    "ru_appeal_question": [
        "Поддержите нас",
        "любой суммой",
        "Помочь рублём",
        "Время чтения",
        "Обновлено",
        "Отправить",
    ],
    "ru_linked_long": ["Текст и фото", "Популярное", "Подписаться"],
}


@pytest.mark.parametrize("dumper", ["w3m", "lynx"])
@pytest.mark.parametrize("name", sorted(FURNITURE))
def test_the_header_s_furniture_stays_out_of_the_text(name, dumper):
    article = read_article(SAMPLES / name / f"{dumper}.txt")
    text = plain_text(article.body)
    for furniture in FURNITURE[name]:
        assert furniture not in text, furniture
    assert article.title not in text


def _kinds(dump: str) -> dict[str, str]:
    page = read_page(dump)
    classify(page)
    return {block.text: block.kind for block in page.blocks}


def _page(header: str, *, lynx: bool = False) -> str:
    """A page around ``header`` as w3m prints one (or lynx: the text indented, links
    numbered), with the site's menu above it and a footer below."""
    indent = "   " if lynx else ""
    link = "[7]" if lynx else ""
    top = (
        "We use cookies to improve this site. Accept all\n\nSign in  Subscribe\n\n"
        f"  • {link}News\n  • {link}Sport\n  • {link}Business\n  • {link}Weather\n\n"
    )
    text = (
        f"{indent}The town's only cinema will close at the end of May, its owners said on Monday,\n"
        f"{indent}after the landlord of the building doubled the rent for the next ten years.\n\n"
        f"{indent}Regulars have started a petition asking the council to buy the building, which\n"
        f"{indent}opened as a picture house in 1936 and still has most of its original seats.\n\n"
    )
    bottom = (
        "Related stories\n\n  • Market hall reopens\n  • Bus fares to rise\n\n© 2024 Example Ltd.\n"
    )
    return top + header + text + bottom


HEADLINE = "Cinema to close after rent is doubled"


def test_an_ad_above_a_headline_with_no_byline_is_not_the_headline():
    # No byline, no date: the headline is the last line over the text, and an ad's text,
    # under its label or not, is about nothing the article speaks of.
    for ad in (
        "Advertisement\n\nHoliday cottages by the sea, book now\n\n",
        "Sofas in every colour\n\n",
    ):
        article = parse_text(_page(ad + HEADLINE + "\n\n"))
        assert article.title == HEADLINE, ad
        assert "cottages" not in plain_text(article.body)
        assert "Sofas" not in plain_text(article.body)


def test_an_ad_between_the_headline_and_its_text_is_skipped():
    # The ad's label, its text and its advertiser's line, run on under the byline (w3m)
    # or under the headline, a link (lynx): the headline is still the headline.
    for header, lynx in (
        (
            f"{HEADLINE}\n\nJo Marsh 3 March 2024 Reading time: 4 minutes\n"
            "Advertisement\nHoliday cottages by the sea, book now\n"
            "Seaview Lets Ltd, company no. 0000000\n\n",
            False,
        ),
        (
            f"{HEADLINE}\n\n   Advertisement\n   [9]Switch and save on your energy bills\n\n",
            True,
        ),
    ):
        article = parse_text(_page(header, lynx=lynx))
        assert article.title == HEADLINE, header
        assert article.body.startswith("The town's only cinema"), header
        assert "cottages" not in article.body
        assert "energy" not in article.body


def test_a_menu_item_named_like_a_section_does_not_hide_the_headline():
    # "About us" is a section's name on its own, but here the last item of the menu: the
    # headline after it is not one of its links.
    header = f"  • Letters\n  • Events\n  • About us\n\nSearch for: [Search]\n{HEADLINE}\n\n"
    article = parse_text(_page(header))
    assert article.title == HEADLINE


def test_a_live_page_s_headline_standfirst_and_key_points_are_the_article_s():
    # A live page: the headline, a summary, the byline and the time it was last updated,
    # the key points; then the posts, each with its time and author and perhaps a heading.
    header = (
        "LIVE\n\nCinema floods: films cancelled as the river bursts its banks\n\n"
        "The town's cinema closed on Saturday after the river rose above its defences.\n\n"
        "Live reporting by Jo Marsh and Tom Ellery\n"
        "Last updated: 16:42 GMT, Saturday 17 February 2024\n\n"
        "Key points\n\n  • Every screening this weekend is cancelled\n"
        "  • The foyer is under half a metre of water\n\n"
        "16:42 Jo Marsh\n\nRiver expected to peak within the next two hours\n\n"
    )
    article = parse_text(_page(header))
    assert article.title == "Cinema floods: films cancelled as the river bursts its banks"
    assert article.authors == ["Jo Marsh", "Tom Ellery"]
    assert article.published == "2024-02-17"
    text = plain_text(article.body)
    assert text.startswith("The town's cinema closed on Saturday")
    assert "The foyer is under half a metre of water" in text
    assert "River expected to peak" in text


def test_a_row_of_counters_under_the_byline_is_not_the_headline():
    # A newsletter post: the title, its subtitle, the writer (a link in lynx), the date,
    # then likes, comments and shares as numbers.
    for lynx in (False, True):
        indent = "   " if lynx else ""
        link = "[5]" if lynx else ""
        header = (
            f"{HEADLINE}\n\nWhat the owners told us, and what the regulars plan next\n\n"
            f"{indent}{link}Jo Marsh\n{indent}Mar 9, 2024\n{indent}142 37 9 Share\n\n"
        )
        article = parse_text(_page(header, lynx=lynx))
        assert article.title == HEADLINE, lynx
        assert "142" not in article.body


def test_an_agency_headline_above_its_pictures_and_summary_points():
    header = (
        f"World Europe\n\n{HEADLINE}\n\nBy Jo Marsh and Tom Ellery\n4 minute read\n"
        "March 14, 20242:47 PM GMT Updated 2 hours ago\nItem 1 of 2\n\n"
        "The cinema's foyer on Monday\n[1/2] The cinema's foyer on Monday. Example/Sam Hill\n\n"
        "  • The lease runs out in May\n  • The owners offered to buy the building\n\n"
    )
    article = parse_text(_page(header))
    assert article.title == HEADLINE
    assert article.authors == ["Jo Marsh", "Tom Ellery"]


def test_a_video_player_and_its_transcript_between_headline_and_text_are_passed_over():
    header = (
        f"{HEADLINE}\n\nThe owners say the landlord wants twice as much rent for the next ten "
        "years, and the regulars have started a petition.\n"
        "The cinema on the high street\nPlay 0:00 / 2:14 Mute CC Fullscreen\n"
        "Now playing: Cinema to close Credit: Example TV\nShow transcript\n\n"
        "Transcript is auto-generated and may contain errors.\n\n"
        "the town's only cinema will close at the end of may its owners said on monday after "
        "the landlord doubled the rent and regulars have started a petition to keep it open\n\n"
        "Up next Library extends its Sunday hours (1:48) Forecast: rain until Tuesday\n\n"
        "Author: Jo Marsh (Example TV)\n\n"
    )
    article = parse_text(_page(header))
    assert article.title == HEADLINE
    assert article.authors == ["Jo Marsh"]
    assert "Up next" not in article.body and "auto-generated" not in article.body


def test_a_kicker_and_a_breadcrumb_above_the_headline_are_not_it():
    header = f"Home › News › {HEADLINE}\n\nEXCLUSIVE\n\n{HEADLINE}\n\nBy Jo Marsh\n\n"
    article = parse_text(_page(header))
    assert article.title == HEADLINE
    assert article.authors == ["Jo Marsh"]
    assert not {"EXCLUSIVE", "Home"} & set(plain_text(article.body).split())


def test_the_standfirst_under_the_headline_is_the_text_s_first_paragraph():
    standfirst = "Owners blame a landlord who wants twice as much"
    header = f"{HEADLINE}\n\n{standfirst}\n\nBy Jo Marsh\n\n5 min read\n\n"
    article = parse_text(_page(header))
    assert article.title == HEADLINE
    assert article.body.startswith(standfirst)
    assert "min read" not in article.body


def test_a_column_of_other_stories_over_the_headline_is_not_the_headline():
    teasers = "Storm closes coast road\n\nLibrary opens on Sundays\n\nBrass band wins final\n\n"
    article = parse_text(_page(teasers + HEADLINE + "\n\nBy Jo Marsh\n\n"))
    assert article.title == HEADLINE
    assert "Brass band" not in article.body


def test_a_box_of_prose_the_article_does_not_speak_of_is_not_its_first_paragraph():
    # An appeal in words no list knows, between the site's header and the headline.
    appeal = (
        "Keep local news free\n\nIndependent reporting costs money. A few pounds a month from\n"
        "readers like you keeps our newsroom open.\n\nJoin the Friends\n\n"
    )
    article = parse_text(_page(appeal + HEADLINE + "\n\n"))
    assert article.title == HEADLINE
    assert article.body.startswith("The town's only cinema")


def test_a_linked_headline_in_lynx_is_the_headline():
    # lynx numbers a linked headline and prints it at the margin, left of the text.
    header = f"[12]{HEADLINE}\n\n   By Jo Marsh\n\n   [13]Facebook [14]X [15]Email\n\n"
    article = parse_text(_page(header, lynx=True))
    assert article.title == HEADLINE
    assert article.authors == ["Jo Marsh"]


def test_a_question_with_a_date_in_it_is_a_headline_not_a_dateline():
    question = "Will the cinema still be open on 1 June 2024?"
    article = parse_text(_page(f"Advertisement\n\nSofas in every colour\n\n{question}\n\n"))
    assert article.title == question
    assert article.published is None


def test_a_repeat_of_the_headline_elsewhere_on_the_page_speaks_for_it():
    header = (
        f"Now reading: {HEADLINE} | Example Times\n\nPlan ahead for the weekend\n\n{HEADLINE}\n\n"
    )
    assert parse_text(_page(header)).title == HEADLINE


def test_the_widgets_between_the_headline_and_the_text_are_not_the_text():
    header = (
        f"{HEADLINE}\n\nHelen Moss, Arts correspondent\n\nUpdated 2 hours ago\n\n"
        "  • Facebook\n  • Bluesky\n  • Send\n  • Post\n\n"
        "Reading time: 4 minutes\n\nListen\n\n"
    )
    article = parse_text(_page(header))
    assert article.title == HEADLINE
    assert article.authors == ["Helen Moss"]
    assert article.body.startswith("The town's only cinema")


def test_a_blog_post_s_title_case_headline_with_a_full_stop_over_its_writer_strip():
    # A blogging platform's post: the headline in Title Case ends with a full stop; under
    # its subtitle the writer's strip names the publication twice (linked in lynx).
    title = "I Counted Every Cinema Ticket Sold in Town. Here Is What I Found."
    for lynx in (False, True):
        link = "[9]" if lynx else ""
        indent = "   " if lynx else ""
        header = (
            f"{indent}Member-only story\n\n{title}\n\n"
            "Spoiler: the films were never the problem.\n\n"
            f"{indent}{link}Jo Marsh\n{indent}The Film Ledger\n"
            f"{indent}{link}Jo Marsh\n{indent}·\n\n"
            f"{indent}Follow\n{indent}Published in\n\n{indent}The Film Ledger\n{indent}·\n"
            f"{indent}6 min read\n{indent}·\n{indent}Apr 22, 2024\n\n{indent}1.2K\n\n{indent}23\n\n"
        )
        article = parse_text(_page(header, lynx=lynx))
        assert article.title == title, lynx
        assert article.published == "2024-04-22"
        # The subtitle is the text's first paragraph, as a standfirst is.
        assert plain_text(article.body).startswith("Spoiler: the films were never the problem.")
        assert "Film Ledger" not in plain_text(article.body)
    # Prose is not Title Case: a sentence with a full stop stays out of the headline's place.
    assert parse_text(_page(f"{HEADLINE}\n\n")).title == HEADLINE


def test_a_writer_s_strip_with_its_subscribe_button_is_not_the_headline():
    header = (
        "●Кино ●Олег Сухарев 22 апр Подписаться\n\n"
        "Единственный кинотеатр закроется. Рассказываю, что будет дальше\n\n"
    )
    text = (
        "Единственный кинотеатр города закроется в конце мая: владелец здания вдвое поднял\n"
        "арендную плату, и у кинотеатра нет денег, чтобы её платить.\n\n"
        "Зрители собирают подписи, чтобы город выкупил здание, построенное в 1936 году.\n\n"
    )
    top = (
        "Продолжая просмотр сайта, вы соглашаетесь на использование файлов cookie.\n\n"
        "Планёрка\n\nНаписать  Войти\n\n  • Новости\n  • Город\n  • Спорт\n  • Культура\n\n"
    )
    bottom = "Читайте также\n\n  • Рынок переедет на площадь\n\n© 2024 Планёрка\n"
    article = parse_text(top + header + text + bottom)
    assert article.title == "Единственный кинотеатр закроется. Рассказываю, что будет дальше"


def test_lynx_s_visible_and_hidden_links_are_not_the_page():
    # lynx lists "References", "Visible links:" and then "Hidden links:": all of it goes,
    # and the long addresses do not make the text's lines look unwrapped.
    refs = (
        "\nReferences\n\n   Visible links:\n"
        + "".join(
            f"   {n}. https://blog.example/@writer?source=post_page-----8a61f0c2e7d4------------\n"
            for n in range(1, 12)
        )
        + "\n   Hidden links:\n  12. file://localhost/home/user/Downloads/page/\n"
    )
    page = _page(f"{HEADLINE}\n\n   By Jo Marsh\n\n", lynx=True) + refs
    article = parse_text(page)
    body = plain_text(article.body)
    assert "https://" not in body and "Visible links" not in body
    assert "doubled the rent" in body.split("\n\n")[0]  # the paragraph's lines joined
    assert read_page(page).references == 12


def test_russian_headers_with_an_appeal_a_poll_and_a_tool_row():
    text = (
        "Продолжая просмотр сайта, вы соглашаетесь на использование файлов cookie.\n\n"
        "Войти Регистрация\n\n  • Новости\n  • Город\n  • Спорт\n  • Культура\n\n"
        "Поддержите нас\n\nМы пишем о городе без подписки. Поддержите редакцию любой суммой.\n\n"
        "Главная › Город › Кинотеатр\n\nОпрос\n\n"
        "Кинотеатр закроется из-за повышения аренды\n\n"
        "Текст и фото: Ольга Седова\n\nВремя чтения: 3 минуты\n\n"
        "Поделиться В закладки Печать Размер шрифта: А А А\n\n"
        "Единственный кинотеатр города закроется в конце мая: владелец здания вдвое поднял\n"
        "арендную плату, и у кинотеатра нет денег, чтобы её платить.\n\n"
        "Зрители собирают подписи, чтобы город выкупил здание, построенное в 1936 году.\n\n"
        "Читайте также\n\n  • Рынок переедет на площадь\n\n© 2024 Городские вести\n"
    )
    article = parse_text(text)
    assert article.title == "Кинотеатр закроется из-за повышения аренды"
    assert article.authors == ["Ольга Седова"]
    body = plain_text(article.body)
    assert body.startswith("Единственный кинотеатр")
    for furniture in ("Поддержите", "любой суммой", "Опрос", "Главная", "Время чтения", "Печать"):
        assert furniture not in body, furniture


@pytest.mark.parametrize(
    "line",
    [
        "РекламаГиды по горным маршрутам. Индивидуальные туры",
        "AdvertisementSpring sale on garden furniture",
        "Support local journalism",
        "Contribute from £3",
        "Поддержите нас",
        "Помочь рублём",
        "5 minute read",
        "Reading time: 4 minutes",
        "4 минуты на чтение",
        "≈ 4 минуты чтения",
        "Updated 2 hours ago",
        "Обновлено 5 минут назад",
        "Поделиться В закладки Печать Размер шрифта: А А А",
        "Главная › Культура › Музей рыбацкой артели открылся в бывшем засольном цехе",
        "Conversation (6)",
    ],
)
def test_lines_of_furniture_are_known_for_what_they_are(line):
    dump = "Intro\n\n" + line + "\n\nEnd\n"
    assert _kinds(dump)[line] in ("furniture", "stop")


def test_a_breadcrumb_is_a_few_short_steps():
    assert is_breadcrumb("Home / News / Local")
    assert is_breadcrumb("Главная › Культура")
    assert is_breadcrumb("Home › News › Will the old bridge reopen before the regatta?")
    assert not is_breadcrumb("Rain / snow mix expected as the cold front moves in overnight")
    assert not is_breadcrumb("Cinema to close after rent is doubled")


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("Helen Moss, Transport correspondent", ["Helen Moss"]),
        ("Ирина Соколова, специальный корреспондент", ["Ирина Соколова"]),
        ("Текст и фото: Андрей Шубин", ["Андрей Шубин"]),
        ("Автор материала: Вера Лаптева", ["Вера Лаптева"]),
        ("Words and pictures: Sam Hill", ["Sam Hill"]),
        ("Reporting by Daniel Reed", ["Daniel Reed"]),
        ("Наталья Крылова, специально для «Вестника»", ["Наталья Крылова"]),
        ("Night Buses Return, Says Editor", []),
        ("Funding Boost for the Arts", []),
    ],
)
def test_bylines_as_pages_print_them(line, names):
    assert find_authors(line) == names


def test_a_date_inside_a_headline_does_not_make_it_a_dateline():
    page = read_page(
        "Will the tram be ready for the festival on 12 May 2024?\n\nPublished 4 May 2024\n"
    )
    question, dateline = page.blocks
    assert meta(question) is None
    assert meta(dateline) == ([], "2024-05-04")
