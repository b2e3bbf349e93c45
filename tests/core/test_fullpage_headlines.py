"""The headline of a whole page's dump, and where its text starts, whatever the page puts
around them: breadcrumbs, kickers, ads, appeals for money, reading times, share lists,
pictures, a linked headline (lynx), no byline at all.

The pages under fixtures/fullpage-samples named below are our own writing, dumped by w3m
and lynx (``make_samples.py``); test_import_fullpage.py checks each one's title, byline,
date and every block of its text. Here: that none of their furniture reaches the text,
and the rules behind it, one at a time, on small pages written the way the tools print.
"""

import json

import pytest

from helpers import FIXTURES
from reader.core.article import plain_text
from reader.core.parsers import parse_text, read_article
from reader.core.parsers.page_blocks import read_page
from reader.core.parsers.page_bylines import find_authors, meta
from reader.core.parsers.page_furniture import CAPTION_RE, find_notice
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
_FORUM_TOPIC = "Кольцо на Ленина и Заводской: что изменится для водителей"


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
        "▶ Play 0:00 [0 ] 41:12 −15s +30s 1× Download Add to queue Share",
        "▶ Play 0:00 41:12 −15s +30s 1× Download Add to queue Share",
        "Пасечник у пустого улья Смотреть видео 03:12",
        "EMBARGOED UNTIL 00:01 BST, TUESDAY 14 MAY 2024",
        "Partner content",
        "Show all sections",
        "Цитата",
        "Читать полностью",
        "Powered by OpenSeat. The Courier may earn a commission on bookings.",
        "Small Hours is presented by Ayo Brennan and produced by Kit Ferrand. Sound design by"
        " Luca Marr. Theme music by Orla Dunne.",
        "Notes to editors",
        "Media contact",
        "Updates to this page",
        "Другие посты канала",
        f"Re: {_FORUM_TOPIC}",
    ],
)
def test_lines_of_furniture_are_known_for_what_they_are(line):
    dump = "Intro\n\n" + line + "\n\nEnd\n"
    assert _kinds(dump)[line] in ("furniture", "stop", "section")


@pytest.mark.parametrize(
    "line",
    [
        # A service the article is about, not the site's newsletter.
        "Households who subscribe to the garden waste service will have their brown bin emptied "
        "every week during the summer, at no extra cost.",
        # One or two roles named: a film review's prose, not a programme's credits.
        "The film, directed by Anna Lee and produced by Tom Hardy, opened the festival on "
        "Friday to a full house and a standing ovation.",
    ],
)
def test_prose_like_furniture_is_still_prose(line):
    dump = "Intro\n\n" + line + "\n\nEnd\n"
    assert _kinds(dump)[line] == "good"


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


def test_a_byline_run_on_into_its_updated_date_with_an_ordinal_day():
    (block,) = read_page("by Pippa Hollis Updated on 5th June 2024\n").blocks
    assert meta(block) == (["Pippa Hollis"], "2024-06-05")


def test_a_date_inside_a_headline_does_not_make_it_a_dateline():
    page = read_page(
        "Will the tram be ready for the festival on 12 May 2024?\n\nPublished 4 May 2024\n"
    )
    question, dateline = page.blocks
    assert meta(question) is None
    assert meta(dateline) == ([], "2024-05-04")


# ---------------------------------------------------------------------------------------
# Kinds of page the fourth blind set brought: a review, a council's news story, a podcast
# episode, a Telegram post, a forum topic, a press release, a university's news.


def test_a_comment_count_under_the_byline_does_not_end_the_article():
    # A review: the standfirst (a sentence or not), the critic's name over the date (no
    # "By"), the share list and the count of comments, a link to them; then the text.
    for standfirst in (
        "The last picture house in the valley shows its final film in May",
        "The last picture house in the valley shows its final film in May, after 88 years.",
        # (a picture under the standfirst: its caption, a paragraph long, is prose too)
        "The last picture house in the valley shows its final film in May, after 88 years.\n\n"
        "The screen on Saturday night, when the last film was shown to a full house of regulars "
        "and their families. Photograph: Sam Hill",
    ):
        header = (
            f"{HEADLINE}\n\n{standfirst}\n\nJo Marsh\n\nSat 11 May 2024 09.00 BST\n\n"
            "  • Share on Facebook\n  • Share on X\n  • Share via Email\n\n48 comments\n\n"
        )
        for lynx in (False, True):
            article = parse_text(_page(header, lynx=lynx))
            assert article.title == HEADLINE, lynx
            assert "doubled the rent" in article.body, lynx
            assert "48 comments" not in article.body
            assert article.authors == ["Jo Marsh"], (standfirst, lynx)
            assert article.published == "2024-05-11T09:00"


def test_the_comments_heading_after_the_text_still_ends_it():
    comments = (
        "Comments (3)\n\nharbourmaster_j\n\nThe projector in screen two has been broken for a "
        "year and nobody at the cinema ever answered a single one of my emails about it.\n\n"
    )
    page = _page(f"{HEADLINE}\n\n").replace("Related stories", comments + "Related stories")
    assert "projector" not in parse_text(page).body


def _council_page(between: str) -> str:
    """A council's news story as w3m prints a GOV.UK-style page: a caption over the
    headline, its summary, the page's details as a list of labels and values, then
    ``between`` and the text."""
    return _page(
        f"News story\n\n{HEADLINE}\n\n"
        "The owners say a new lease would cost twice as much, and the council may step in.\n\n"
        "From:\n    Planning and Regeneration\nPublished\n    20 May 2024\n"
        "Last updated\n    22 May 2024 — See all updates\n\n"
        f"{between}"
    )


def test_a_page_s_details_list_under_the_summary_is_not_the_headline():
    article = parse_text(_council_page(""))
    assert article.title == HEADLINE
    assert article.published == "2024-05-20"
    assert article.authors == []
    text = plain_text(article.body)
    assert text.startswith("The owners say a new lease")
    assert "Planning and Regeneration" not in text and "Last updated" not in text
    # Each label and value is the page's furniture (a date's block keeps its date).
    kinds = _kinds(_council_page(""))
    assert kinds["From:"] == kinds["Planning and Regeneration"] == "furniture"
    assert kinds["Published"] == kinds["20 May 2024"] == "furniture"


def test_a_list_of_contents_names_the_text_s_subheadings_not_the_headline():
    contents = (
        "Contents\n\n 1. What the owners said\n 2. What happens next\n\nWhat the owners said\n\n"
    )
    page = _council_page(contents).replace(
        "Related stories",
        "What happens next\n\nThe council will decide on 3 June whether to make the owners an "
        "offer for the building.\n\nRelated stories",
    )
    article = parse_text(page)
    assert article.title == HEADLINE
    assert "## What the owners said" in article.body
    assert "## What happens next" in article.body
    assert "Contents" not in article.body
    assert article.body.count("What the owners said") == 1


def test_an_accordion_s_buttons_are_not_its_questions():
    questions = (
        "Questions and answers\n\nShow all sections\n\n"
        "Will the cinema reopen?, Show this section\n\n"
        "Not this year. The owners say they will look for a new site in the town centre.\n\n"
    )
    page = _page(f"{HEADLINE}\n\n").replace("Related stories", questions + "Related stories")
    article = parse_text(page)
    assert "## Will the cinema reopen?\n" in article.body
    assert "Show" not in article.body


def test_an_episode_s_player_and_chapters_are_not_its_headline_or_its_notes():
    # A podcast episode: the episode's number, its title, date and host, the player's
    # controls, the chapters (times from nought), then the notes under their label.
    for lynx in (False, True):
        button = "(BUTTON) " if lynx else ""
        header = (
            f"S3 · E8\n\n{HEADLINE}\n\nMay 9, 2024 · 41 min\n\nHosted by Jo Marsh\n\n"
            f"{button}▶ Play 0:00 [0                   ] 41:12 −15s +30s 1× Download Add to queue"
            " Share\n\nChapters\n\n"
            f" 1. {button}00:00 Intro\n 2. {button}01:35 The last reel\n"
            f" 3. {button}10:12 Why the rent doubled\n 4. {button}21:00 What regulars can do\n\n"
            "Episode notes\n\n"
        )
        article = parse_text(_page(header, lynx=lynx))
        assert article.title == HEADLINE, lynx
        assert article.authors == ["Jo Marsh"], lynx
        assert article.published == "2024-05-09"
        for furniture in ("Play", "Download", "Intro", "The last reel", "Episode notes"):
            assert furniture not in article.body, (furniture, lynx)
        assert article.body.startswith("The town's only cinema")


def test_a_list_of_times_that_does_not_start_at_nought_is_the_text_s():
    programme = (
        "The last night:\n\n  • 19:00 Doors open\n  • 19:30 Casablanca\n  • 21:45 Last orders\n\n"
    )
    page = _page(f"{HEADLINE}\n\n").replace("Regulars have", programme + "Regulars have")
    assert "19:30 Casablanca" in parse_text(page).body


def test_a_post_s_pictographs_are_not_part_of_its_headline():
    for marks in ("❗️ ", "⚡️", "🎬 ", "🇬🇧 "):
        article = parse_text(_page(f"{marks}{HEADLINE}\n\n"))
        assert article.title == HEADLINE, marks
    assert parse_text(_page("№ 5 bus to be cut after the rent is doubled\n\n")).title.startswith(
        "№ 5"
    )


def _forum(first_post: str) -> str:
    """A phpBB topic as w3m prints it: the forum's name as the page's heading, the topic's
    title, the first post (its writer's profile, its subject, its author and date), replies."""
    reply = (
        "Сергей_К\n    Сообщения: 954\n    Зарегистрирован: 21 янв 2017, 09:02\n\n"
        f"Re: {_FORUM_TOPIC}\n\nСергей_К » 16 май 2024, 10:58\n\n"
        "Кольцо — это правильно, давно пора. Там каждое утро на левом повороте стоишь по три\n"
        "светофора, и никто ничего не делает уже много лет подряд.\n\n"
    )
    return (
        "Заозерский форум\n\nГородской портал Заозерска: новости, обсуждения, объявления\n\n"
        "Поиск Расширенный поиск\n  • Главная\n  • Форум\n  • Новости\n  • Регистрация\n"
        "  • Вход\n\n"
        f"{_FORUM_TOPIC}\n\nОтветить\nИнструменты темы\n23 сообщения • Страница 1 из 2 •\n\n"
        "Аватара пользователя\nЛариса Ганеева\n    Корреспондент портала\n"
        "    Сообщения: 1842\n    Зарегистрирован: 12 мар 2015, 10:21\n\n"
        f"{_FORUM_TOPIC}\n\n  • Цитата\n\nСообщение Лариса Ганеева » 16 май 2024, 10:12\n\n"
        f"{first_post}Вернуться к началу\n\n{reply}Вернуться к началу\n\nПохожие темы\n\n"
        "  • Ремонт Заводской у рынка — 87 ответов\n\n© 2024 Заозерский форум\n"
    )


def test_a_forum_topic_s_first_post_is_the_article():
    post = (
        "С 3 июня на перекрёстке улиц Ленина и Заводской начнут строить круговое движение.\n"
        "Светофоры там уберут, а в центре сделают островок с клумбой и новым освещением.\n\n"
        "    Пресс-служба администрации писал(а):На время работ движение по перекрёстку будет\n"
        "    организовано по временной схеме, а въезд на Заводскую закроют на два месяца.\n\n"
        "Об этом на заседании комиссии рассказал начальник управления благоустройства, и он\n"
        "пообещал, что работы закончат к первому сентября, если погода не помешает.\n\n"
    )
    article = parse_text(_forum(post))
    assert article.title == _FORUM_TOPIC
    assert article.authors == ["Лариса Ганеева"]
    assert article.published == "2024-05-16T10:12"
    text = plain_text(article.body)
    assert "> На время работ" in article.body and "писал(а)" not in text
    assert "Кольцо — это правильно" not in text and "Re:" not in text


def test_a_forum_s_dates_and_bylines():
    (registered, posted, quoted) = read_page(
        "Зарегистрирован: 12 мар 2015, 10:21\n\n"
        "Сообщение Лариса Ганеева » 16 май 2024, 10:12\n\n"
        "Registered: 3 May 2019\n"
    ).blocks
    assert meta(registered) is None  # when the writer joined the forum
    assert meta(posted) == (["Лариса Ганеева"], "2024-05-16T10:12")
    assert meta(quoted) is None


def test_a_forum_s_reply_subject_starts_the_replies():
    assert _kinds(f"Intro\n\nRe: {_FORUM_TOPIC}\n\nEnd\n")[f"Re: {_FORUM_TOPIC}"] == "stop"


def test_prose_that_says_whom_it_quotes_keeps_it():
    quote = "Толстой писал: «Все счастливые семьи похожи друг на друга» и так далее, и так далее."
    page = _page(f"{HEADLINE}\n\n").replace("Related stories", quote + "\n\nRelated stories")
    assert "Толстой писал:" in parse_text(page).body


def test_a_press_release_s_embargo_and_notes_to_editors_are_not_its_text():
    header = f"Press release\n\n{HEADLINE}\n\nPublished: 14 May 2024\n\n"
    header += "EMBARGOED UNTIL 00:01 BST, TUESDAY 14 MAY 2024\n\n"
    notes = (
        "Notes to editors\n\n"
        " 1. The owners are available for interview on 14 and 15 May. Please contact the Press\n"
        "    Office to arrange a time.\n"
        " 2. Photographs of the cinema are available on request from the Press Office.\n\n"
        "Media contact\n\nHelen Marsh\nPress Officer\n\n"
    )
    page = _page(header).replace("Related stories", notes + "Related stories")
    article = parse_text(page)
    assert article.title == HEADLINE
    text = plain_text(article.body)
    assert text.startswith("The town's only cinema")
    for furniture in ("EMBARGOED", "Notes to editors", "interview", "Photographs", "Helen"):
        assert furniture not in text, furniture


def test_a_booking_widget_inside_the_text_is_not_the_text():
    widget = (
        "Partner content\n\nBook a table at the Salt Loft\n\n"
        "Date [Sat 18 May] Guests [2 people] Find a table\n\n"
        "Powered by OpenSeat. The Courier may earn a commission on bookings.\n\n"
    )
    page = _page(f"{HEADLINE}\n\n").replace(
        "Regulars have started", widget + "Regulars have started"
    )
    text = plain_text(parse_text(page).body)
    assert "Regulars have started" in text
    for furniture in ("Partner content", "Find a table", "commission"):
        assert furniture not in text, furniture


def test_a_gallery_s_captions_after_the_text_are_the_article_s():
    # w3m prints each picture as its file name (its alt text), then its caption; lynx runs
    # them into one line with the link numbers between them.
    gallery = {
        "w3m": "Фотогалерея\n\ncinema_01.jpg\nThe foyer on the last night\n\n"
        "cinema_02.jpg\nThe projector in screen two\n\nText: Jo Marsh, photos: Sam Hill\n\n",
        "lynx": "Фотогалерея\n\n   [21]cinema_01.jpg The foyer on the last night[22]cinema_02.jpg\n"
        "   The projector in screen two\n\n   Text: Jo Marsh, photos: Sam Hill\n\n",
    }
    for dumper, lynx in (("w3m", False), ("lynx", True)):
        page = _page(f"{HEADLINE}\n\n", lynx=lynx).replace(
            "Related stories", gallery[dumper] + "Related stories"
        )
        article = parse_text(page)
        text = plain_text(article.body)
        assert "The foyer on the last night" in text, dumper
        assert "The projector in screen two" in text, dumper
        assert ".jpg" not in text and "Sam Hill" not in text, dumper
        assert article.authors == ["Jo Marsh"], dumper


def test_names_signed_under_the_text_are_its_authors():
    page = _page(f"{HEADLINE}\n\n").replace(
        "Related stories", "Алина Шерстнёва, Денис Ухов\n\nRelated stories"
    )
    article = parse_text(page)
    assert article.authors == ["Алина Шерстнёва", "Денис Ухов"]
    assert "Шерстнёва" not in article.body


def test_the_headline_repeated_by_a_picture_s_alt_text_is_not_the_text():
    article = parse_text(_page(f"{HEADLINE}\n\n{HEADLINE}\n\n"))
    assert article.title == HEADLINE
    assert HEADLINE not in article.body


def test_a_two_word_lead_in_to_a_list_is_the_text_s():
    lines = (
        "Getting there:\n▪️ by the number 5 bus from the station;\n▪️ on foot along the river.\n\n"
    )
    page = _page(f"{HEADLINE}\n\n").replace("Regulars have", lines + "Regulars have")
    assert "Getting there:" in parse_text(page).body.replace("\\", "")


# ---------------------------------------------------------------------------------------
# Kinds of page the fifth blind set brought: the common ones (a national daily, a business
# paper, a science magazine, a Russian business daily, a Habr-style blog), each with a box
# of its own inside the text or an unusual byline.

_CINEMA_TEXT = (
    "The Regent cinema in Marlow will close at the end of May, its owners said, after the\n"
    "landlord of the cinema building doubled the rent for the next ten years.\n\n"
    "The cinema opened in 1936 and still has most of its original seats. Its owners said the\n"
    "new rent would take every penny the cinema makes from its two screens.\n\n"
)
_CINEMA_MORE = (
    "Regulars of the Regent cinema have started a petition asking the council to buy the\n"
    "cinema building and keep its two screens open, and it has 4,000 names so far.\n\n"
    "The landlord said the new rent for the cinema building was what the market would pay.\n\n"
)


def _story(header: str, text: str, *, lynx: bool = False) -> str:
    """``_page`` with a text of its own under ``header``."""
    page = _page(header, lynx=lynx)
    start = page.index("The town's only cinema") - (3 if lynx else 0)
    return page[:start] + text + page[page.index("Related stories") :]


def test_a_subheading_after_a_box_in_the_text_is_not_the_headline():
    # A box inside the text (an ad, a "Read more" box) and a subheading under it: the
    # prose above the box is the text the subheading's section goes on with, so the line
    # is no headline under a box of the site's own (that prose would be another text).
    box = (
        "Advertisement\n\nSwitch your energy in minutes. Compare tariffs at Voltmate\n\n"
        "'We queued round the block for the first show'\n\n"
    )
    # (the subheading's section the longer: the box is near the top)
    more = _CINEMA_MORE + _CINEMA_MORE.replace("Regulars of", "Friends of").replace("said", "says")
    article = parse_text(_story(f"{HEADLINE}\n\n", _CINEMA_TEXT + box + more))
    assert article.title == HEADLINE
    assert "The Regent cinema in Marlow" in article.body
    assert "## 'We queued round the block for the first show'" in article.body


def test_a_promotion_that_opens_the_text_is_not_its_headline_or_its_text():
    # A newsletter's promotion between the byline and the text: its heading, its blurb
    # and its button. The text speaks of neither; a standfirst under the headline would
    # be spoken of.
    header = (
        f"{HEADLINE}\n\nBy Jo Marsh\n\nPublished May 14 2024\n\n"
        "Unlock the Editor's Digest for free\n\n"
        "Dorothea Quaile, Editor of the Post, selects her favourite stories in this weekly"
        " newsletter.\n\nSign up\n\n"
    )
    for lynx in (False, True):
        article = parse_text(_story(header, _CINEMA_TEXT + _CINEMA_MORE, lynx=lynx))
        assert article.title == HEADLINE, lynx
        assert "Digest" not in article.body and "favourite stories" not in article.body
        assert article.body.startswith("The Regent cinema in Marlow")


def test_a_menu_s_comment_item_does_not_end_the_text_before_it_starts():
    # A promotion's line of prose above a menu with a "Comment" section: the menu's item
    # is no heading of the comments (the text is further down).
    page = _story(f"{HEADLINE}\n\n", _CINEMA_TEXT + _CINEMA_MORE).replace(
        "Sign in  Subscribe\n\n",
        "Subscribe today and get 12 weeks for £12. Plus a free tote bag.\nThe Post\n\n"
        "  • News\n  • Features\n  • Comment\n  • Culture\n\nSign in  Subscribe\n\n",
    )
    article = parse_text(page)
    assert article.title == HEADLINE
    assert "The Regent cinema in Marlow" in article.body


def test_a_picture_without_alt_text_before_the_byline_is_not_a_word_of_it():
    # w3m prints a picture with an empty alt as its file name cut to its width: "[elea]".
    page = _story(
        f"{HEADLINE}\n\n[jo-ma] By Jo Marsh, Culture Editor\n16 May 2024 • 6:00am\n\n",
        _CINEMA_TEXT,
    )
    article = parse_text(page)
    assert article.title == HEADLINE
    assert article.authors == ["Jo Marsh"]
    assert article.published is not None and article.published.startswith("2024-05-16")


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("By Eleanor Whitcombe, Health Editor", ["Eleanor Whitcombe"]),
        ("By Sarah Quill Chief Reporter", ["Sarah Quill"]),
        (
            "Samuel Achterberg in Leeds and Priya Ranganathan in London",
            ["Samuel Achterberg", "Priya Ranganathan"],
        ),
        ("Storm Ciaran Hits in Cornwall", []),
    ],
)
def test_bylines_with_job_titles_and_places(line, names):
    assert find_authors(line) == names


def test_a_picture_s_alt_text_over_its_caption_and_credit_is_not_the_headline():
    # The alt text on a line of its own, the caption under it ending with the credit after
    # a copyright sign, then the byline (w3m): the line over the byline is the alt text.
    header = (
        f"{HEADLINE}\n\nThe Regent's owners blame a rent that has doubled\n\n"
        "Queue outside the Regent cinema\n"
        "The Regent has shown films since 1936 © Sam Hill/The Post\n\n"
        "Jo Marsh in Marlow and Sam Hill in London\n\nPublished May 14 2024\n\n"
    )
    article = parse_text(_story(header, _CINEMA_TEXT))
    assert article.title == HEADLINE
    assert article.authors == ["Jo Marsh", "Sam Hill"]


def test_two_writers_linked_names_and_a_post_s_tags_do_not_end_its_header():
    # lynx: the writers' names as links with no comma between them, a post's hubs as
    # links between commas; both under the headline, over the text.
    for between in (
        "   [8]Анна Пескова [9]Илья Борзов\n\n",
        "   [8]Python*, [9]Открытые данные*, [10]Визуализация данных*\n\n",
    ):
        page = _story(f"{HEADLINE}\n\n{between}", _CINEMA_TEXT, lynx=True)
        assert parse_text(page).title == HEADLINE, between


def test_the_date_under_a_byline_above_a_list_of_topics_is_the_article_s():
    # The byline and its date, then "Related Topics" and the share row, then the text.
    header = (
        f"{HEADLINE}\n\nBy Jo Marsh\n16 May 2024 • 6:00am\nRelated Topics\n\n"
        "  • Cinemas\n  • Local news\n\nGift this article free 243 comments Save\n\n"
    )
    article = parse_text(_story(header, _CINEMA_TEXT + _CINEMA_MORE))
    assert article.title == HEADLINE
    assert article.authors == ["Jo Marsh"]
    assert (article.published or "").startswith("2024-05-16")


def test_a_magazine_s_long_standfirst_between_a_short_headline_and_its_byline():
    # A weekly's feature: a headline of four words over a standfirst of seventy, then the
    # byline: the standfirst is the text's first paragraph, the headline the title.
    standfirst = (
        "For forty years a converted removals lorry has carried a projector, ninety folding "
        "seats and a cardboard box of reels to villages that lost their cinemas long ago. "
        "Its owner is seventy-eight now, the lorry is older still, and the films keep "
        "coming, one wet Tuesday at a time, to halls where the audience knows every name "
        "on the credits, and the tea urn is on before the van has parked."
    )
    assert 60 < len(standfirst.split()) <= 90
    header = f"Culture | Film\n\nThe last picture van\n\n{standfirst}\n\nBy Imogen Tate\n\n"
    article = parse_text(_page(header))
    assert article.title == "The last picture van"
    assert article.authors == ["Imogen Tate"]
    assert plain_text(article.body).startswith("For forty years a converted removals lorry")


def test_a_picture_s_caption_and_credit_over_an_agency_item_s_dateline():
    # lynx: the headline at the margin, the date, then the picture's alt text, caption and
    # credit on one line: the credit's line does not end the header.
    header = (
        "Экономика\n\n"
        "В порту Луговска построят зерновой терминал\n\n"
        "   16 мая 2024, 11:24\n\n"
        "   Порт Луговска Порт Луговска © Андрей Зимин/СЕВПРЕСС\n\n"
    )
    text = (
        "   ЛУГОВСК, 16 мая. /СЕВПРЕСС/. Строительство зернового терминала мощностью\n"
        "   2 млн тонн в год в порту Луговска завершится до конца года.\n\n"
        "   Терминал позволит региону отправлять на экспорт зерно, которое сейчас\n"
        "   вывозят по железной дороге через соседние порты, сообщили в компании.\n\n"
    )
    top = "   Войти Регистрация\n\n     * [1]Политика\n     * [2]Экономика\n     * [3]Спорт\n\n"
    bottom = "   Читайте также\n\n     * [9]Рынок переедет на площадь\n\n   © 2024 СЕВПРЕСС\n"
    article = parse_text(top + header + text + bottom)
    assert article.title == "В порту Луговска построят зерновой терминал"
    assert plain_text(article.body).startswith("ЛУГОВСК, 16 мая. /СЕВПРЕСС/. Строительство")
    assert "Андрей Зимин" not in plain_text(article.body)


def test_a_court_report_s_header_with_a_repeated_name_a_yearless_date_and_a_credit():
    # A local paper: the writer's photo (its alt text her name) and her name with her job
    # in small letters, "Published: 13th June" without a year, then the picture's alt
    # text over its caption, which ends with "(Image: …)".
    header = (
        f"{HEADLINE}\n\n"
        "Harriet Keane Harriet Keane Court reporter\n\n"
        "Published: 13th June\n\n"
        "Regent Cinema\nThe cinema on the High Street (Image: Newsdesk)\n\n"
    )
    article = parse_text(_page(header))
    assert article.title == HEADLINE
    assert article.authors == ["Harriet Keane"]
    assert "Court reporter" not in plain_text(article.body)
    assert CAPTION_RE.search("The cinema on the High Street (Image: Newsdesk)")  # a credit
    # A headline in Title Case that ends with a job's name is no byline.
    assert find_authors("Council Appoints Harriet Keane As New Editor") == []
    yearless, dated = read_page("Published: 13th June\n\nPublished: 13 June 2024\n").blocks
    assert meta(yearless) == ([], None)  # a dateline, though its date cannot be read
    assert meta(dated) == ([], "2024-06-13")


def test_a_cookie_banner_that_explains_what_cookies_are_is_not_the_article():
    banner = (
        "Cookies on our website\n\n"
        "We've put some small files called cookies on your device to make our site work.\n"
        "We'd also like to use analytics cookies to understand how you use the site.\n\n"
        "I'm OK with analytics cookies Do not use analytics cookies Let me choose\n\n"
    )
    article = parse_text(banner + _page(f"{HEADLINE}\n\n"))
    assert article.title == HEADLINE
    assert "cookies" not in plain_text(article.body)
    # Prose about cookies, not "we use cookies": still the site's notice.
    for sentence in (
        "We've put some small files called cookies on your device to make our site work.",
        "We'd also like to use analytics cookies to understand how you use the site.",
    ):
        assert find_notice(sentence), sentence


@pytest.mark.parametrize(
    "page",
    ["blind9/en-scaffold-board-raised-bed-howto", "blind9/ru-ria-meridian-ledokol-verhovsk"],
)
def test_a_picture_s_alt_text_run_into_its_caption_is_not_the_headline(page):
    # w3m prints a picture as its alt text with the caption on the next line, without a
    # credit, or with one on a third line: under the byline of a how-to (its headline and
    # standfirst above), or between an agency's headline and its text. A heading stands
    # apart from the line under it; the alt text and its caption are a picture's.
    folder = FIXTURES / "fullpages" / page
    truth = json.loads((folder / "truth.json").read_text(encoding="utf-8"))
    article = read_article(folder / "w3m.txt")
    assert article.title == truth["title"]
    assert plain_text(article.body).startswith(truth["body"][0][:40])
