"""Saved HTML pages: our tidy-up adds to what trafilatura finds and never takes article text.

Each page below is shaped like a real saved page on which the tidy-up once lost words or the
whole article (benchmarks/bench_html.py measures the same shapes on larger pages): it is
written to a file, imported into a library, and the stored article is read back.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.core.article import Article, plain_text
from reader.core.file_import import import_paths
from reader.core.store.library import Library

NAV = (
    '<div class="nav"><a href="/news">News</a> <a href="/sport">Sport</a> '
    '<a href="/opinion">Opinion</a> <a href="/subscribe">Subscribe</a></div>'
)
FOOTER = '<div class="footer"><a href="/privacy">Privacy</a> <a href="/terms">Terms</a></div>'


def stored(library: Library, path: Path) -> Article:
    report = import_paths(library, [path])
    assert report.failures == [], report.failures
    [article_id] = report.imported
    article = library.get(article_id)
    assert article is not None
    return article


def write_page(folder: Path, title: str, body: str, *, head: str = "", lang: str = "en") -> Path:
    path = folder / "page.html"
    path.write_text(
        f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title>{title}</title>'
        f"{head}</head><body>{NAV}<h1>{title}</h1>{body}{FOOTER}</body></html>",
        encoding="utf-8",
    )
    return path


def paragraphs(article: Article) -> list[str]:
    """The body as the reader shows it: one block (paragraph, heading, item) a line."""
    return [plain_text(p).strip() for p in article.body.split("\n\n") if p.strip()]


PIER = [
    "The strings of coloured bulbs along Bramport pier will stay lit through the winter for "
    "the first time in a decade, after traders raised the money to pay for the electricity.",
    "The town council switched the lights off each October from 2013 to save about six "
    "thousand pounds a year. Shop owners say the dark pier made the whole front feel closed.",
    "People walk to the end of the pier and back after their chips, said Nadia Fenn, who "
    "runs the café at the pier gates. In the dark they do not come at all.",
    "Fourteen businesses have each pledged between one hundred and eight hundred pounds, and "
    "a further fourteen hundred came from a collection tin in the amusement arcade.",
    "The council has agreed to fit the bulbs with timers so that they switch off at midnight, "
    "and the lights will be switched back on this Saturday with a brass band at the pier head.",
]


def test_article_blocks_sharing_a_share_class_are_the_article(tmp_path, library):
    # A "select to share" script marks each block of the text "share-content"; such blocks
    # used to be dropped as share widgets, leaving a page with no article.
    body = (
        '<div class="article-body">'
        f'<div class="share-content"><p>{PIER[0]}</p><p>{PIER[1]}</p></div>'
        '<div class="inline-ad"><span>Advertisement</span></div>'
        f'<div class="share-content"><p>{PIER[2]}</p><p>{PIER[3]}</p></div>'
        '<div class="newsletter-inline"><strong>Sign up to our newsletter</strong>'
        "<p>All the latest news from the town, every weekday morning.</p>"
        '<a href="/newsletters">Sign up</a></div>'
        f'<div class="share-content"><p>{PIER[4]}</p></div>'
        "</div>"
    )
    title = "Pier lights to stay on all winter"
    article = stored(library, write_page(tmp_path, title, body))
    assert article.title == title
    assert paragraphs(article) == PIER  # the newsletter box is still dropped


def test_sections_of_the_text_named_share_content_are_kept_with_their_headings(tmp_path, library):
    # Only the lead used to be left: the sections were dropped as share widgets.
    lead = (
        "Двенадцать мастериц из сёл Приволжского района вышили карты своих деревень, с улицами, "
        "прудами, церквями и даже собаками у ворот, и теперь эти карты можно увидеть в музее."
    )
    texts = [
        "Идея принадлежит учительнице из Кузьминок, которая три года назад вышила план "
        "родного села для школьного музея.",
        "Выставка открылась в краеведческом музее в четверг, и в первый же день её посетили "
        "больше двухсот человек.",
        "Работа над одной картой занимала от полугода до года: мастерицы сверялись со старыми "
        "планами и расспрашивали соседей.",
        "На карте Новой Бережки отмечены дома, которых уже нет, а рядом подписаны фамилии их "
        "последних жильцов.",
        "Выставка продлится до конца мая, а потом карты повезут по сельским домам культуры района.",
    ]
    section = '<section class="article-section share-content">{}</section>'
    body = f'<div class="article-content"><p class="article-lead"><b>{lead}</b></p>' + "".join(
        [
            section.format(f"<p>{texts[0]}</p>"),
            section.format(f"<p>{texts[1]}</p>"),
            section.format("<h2>Год на одну карту</h2>"),
            section.format(f"<p>{texts[2]}</p>"),
            section.format(f"<p>{texts[3]}</p>"),
            section.format("<h2>Карты поедут по сёлам</h2>"),
            section.format(f"<p>{texts[4]}</p>"),
        ]
    )
    body += '</div><div class="article-share"><a href="https://vk.example/s">ВК</a></div>'
    title = "Вышитые карты в краеведческом музее"
    article = stored(library, write_page(tmp_path, title, body, lang="ru"))
    assert article.title == title
    assert paragraphs(article) == [
        lead,
        texts[0],
        texts[1],
        "Год на одну карту",
        texts[2],
        texts[3],
        "Карты поедут по сёлам",
        texts[4],
    ]
    assert "## Год на одну карту" in article.body


def test_parts_named_after_a_story_component_called_related_story_are_kept(tmp_path, library):
    lead = "A 140-year-old apple tree that fell in a storm will live on in the county's schools."
    first = (
        "When the old apple tree at Hessel Orchard came down in a June storm, Ada Hessel went "
        "out the next morning with pruning shears and a cool box."
    )
    second = (
        "The tree had been planted by her great-great-grandfather in 1884, and for most of the "
        "family's history it was simply called the mother tree."
    )
    third = (
        "She cut dozens of shoots from the fallen branches and took them to the county "
        "extension office, where a volunteer grafted them onto young rootstock."
    )
    fourth = (
        "Forty of the grafts took, and over the next two weeks the saplings will be planted at "
        "every elementary school in the county."
    )
    quote = "Every one of these is the same tree, just starting over, the volunteer said."
    body = (
        '<div class="story related-story">'
        f'<p class="related-story__lead">{lead}</p>'
        '<div class="related-story__share"><a href="https://facebook.example/s">Facebook</a> '
        '<a href="mailto:?subject=tree">Email</a></div>'
        f'<div class="related-story__text"><p>{first}</p><p>{second}</p></div>'
        '<div class="ad-unit ad-unit--inline"><span>Advertisement</span></div>'
        f'<div class="related-story__text"><p>{third}</p><p>{fourth}</p></div>'
        f'<blockquote class="related-story__quote">{quote}</blockquote>'
        "</div>"
    )
    title = "Orchard's mother tree gets a second life"
    article = stored(library, write_page(tmp_path, title, body))
    assert article.title == title
    assert paragraphs(article) == [lead, first, second, third, fourth, quote]


def test_a_subscribers_paywall_block_is_kept_and_the_subscribe_prompt_dropped(tmp_path, library):
    free = [
        "At half past ten on a Tuesday night, the only lit window on Hollins Street belongs to "
        "Crane's Bakery, where Tomasz Wilk is folding dough on a floured bench.",
        "Crane's has baked through the night since 1958 and supplies bread to eleven cafés, two "
        "schools and the hospital.",
    ]
    paid = [
        "Wilk, who trained in Kraków, has worked the night shift for nineteen years and says "
        "the hours stopped feeling strange long ago.",
        "The owner, Judith Crane, says rising costs have made the night shift harder to pay "
        "for, but she has no plans to change it.",
    ]
    body = (
        '<div class="article-body">'
        + "".join(f"<p>{p}</p>" for p in free)
        + '<div class="paywall-prompt"><p>Subscribe for four pounds a month to keep reading.</p>'
        '<a href="/subscribe">Subscribe now</a></div>'
        '<div class="paywall">' + "".join(f"<p>{p}</p>" for p in paid) + "</div></div>"
    )
    article = stored(library, write_page(tmp_path, "Night bakers", body))
    assert paragraphs(article) == free + paid


def test_a_poem_of_short_lines_is_imported_whole(tmp_path, library):
    stanzas = [
        ["The tide has gone to town.", "It left its coat behind,", "a grey wet wool of mud",
         "buttoned with shells."],
        ["Boats lie down like dogs", "on their sides in the creek,", "ropes gone slack,",
         "nobody calling them home."],
        ["My father knew these channels", "the way he knew his hands,",
         "which way each one turned", "and where it went to sleep."],
        ["Behind me the village", "counts its chimneys.", "Ahead, a silver line",
         "is thinking about coming back."],
    ]  # fmt: skip
    body = (
        '<div class="entry-content">'
        + "".join("<p>" + "<br>\n".join(lines) + "</p>" for lines in stanzas)
        + "<p><em>From the collection Low Water (2023).</em></p></div>"
    )
    # Not one of its lines is a sentence of seven words: the page used to be refused as
    # holding no article text.
    article = stored(library, write_page(tmp_path, "Low Water at Saltings", body))
    assert article.title == "Low Water at Saltings"
    shown = paragraphs(article)
    assert shown == [line for lines in stanzas for line in lines] + [
        "From the collection Low Water (2023)."
    ]


@pytest.mark.parametrize(
    "text",
    [
        "home\nnews\nabout us\ncontact\nsign in\nregister\nhelp\nprivacy\nterms\nsitemap",
        "Sign in\nEmail address\nPassword\nKeep me signed in\nForgotten your password?",
    ],
)
def test_lines_of_labels_are_still_no_article(tmp_path, library, text):
    lines = "".join(f"<p>{line}</p>" for line in text.split("\n"))
    path = write_page(tmp_path, "Account", lines)
    report = import_paths(library, [path])
    assert [f.reason for f in report.failures] == ["no article text found in the HTML page"]


def test_words_of_a_javascript_link_inside_a_sentence_are_kept(tmp_path, library):
    sentence = (
        "Бывшие рабочие приносили в музей грамоты, пропуска и чертежи, а снимки можно "
        "посмотреть на нашем сайте (фотографии с открытия)."
    )
    linked = sentence.replace(
        "фотографии с открытия", '<a href="javascript:openPhoto(118)">фотографии с открытия</a>'
    )
    other = (
        "Главный экспонат музея — токарный станок 1937 года выпуска, один из первых, сделанных "
        "на заводе."
    )
    page = (
        "<html><head>"
        '<meta http-equiv="Content-Type" content="text/html; charset=windows-1251">'
        "<title>Музей станкостроения :: Заречный вестник</title></head><body>"
        "<h1>В заводоуправлении открылся музей станкостроения</h1>"
        '<div class="tools"><a href="javascript:window.print()">Версия для печати</a></div>'
        f'<div class="text"><p>{linked}</p><p>{other}</p></div></body></html>'
    )
    path = tmp_path / "muzey.html"
    path.write_bytes(page.encode("windows-1251"))
    article = stored(library, path)
    assert article.title == "В заводоуправлении открылся музей станкостроения"
    assert paragraphs(article) == [sentence, other]  # and no "Версия для печати" button


def test_a_list_of_teaser_links_with_a_shared_promo_class_is_still_dropped(tmp_path, library):
    story = [
        f"Paragraph {n} of the council's budget story, which runs to a few sentences here."
        for n in range(1, 5)
    ]
    teasers = "".join(
        f'<div class="promo-item"><a href="/news/{n}">Another story about the town that you '
        f"might also like to read, number {n}</a> <span>{n} hours ago</span></div>"
        for n in range(10)
    )
    body = (
        '<div class="story">' + "".join(f"<p>{p}</p>" for p in story) + "</div>"
        f'<div class="more-stories">{teasers}</div>'
    )
    article = stored(library, write_page(tmp_path, "Council budget", body))
    assert paragraphs(article) == story


def test_when_the_tidy_up_leaves_no_article_the_page_as_saved_is_read(tmp_path, library):
    # A sponsored feature is still the article its reader saved; whatever the tidy-up makes
    # of a page, it never refuses one that trafilatura alone reads.
    text = (
        "Hillside Dairy has opened its milking parlour to visitors for the summer. Families "
        "can watch the afternoon milking from a gallery above the stalls, meet the calves in "
        "the nursery barn and finish with an ice cream made that morning from the herd's own "
        "milk. The farm shop also sells cheese, butter and yoghurt, and the café serves lunch "
        "from noon until three."
    )
    body = f'<div class="sponsored-feature"><p>{text}</p></div>'
    article = stored(library, write_page(tmp_path, "A summer day at the dairy", body))
    assert paragraphs(article) == [text]


DAIRY = (
    "Hillside Dairy has opened its milking parlour to visitors for the summer. Families "
    "can watch the afternoon milking from a gallery above the stalls, meet the calves in "
    "the nursery barn and finish with an ice cream made that morning from the herd's own "
    "milk. The farm shop also sells cheese, butter and yoghurt, and the café serves lunch "
    "from noon until three."
)
LONG_CAPTION = (
    "Visitors watch the afternoon milking from the gallery above the stalls at Hillside "
    "Dairy, where the herd of ninety cows is milked twice a day by the farmer and her sons."
)


def test_a_caption_left_by_the_tidy_up_is_not_taken_for_the_article(tmp_path, library):
    # The tidy-up takes the sponsored feature for furniture and leaves only a figure: its
    # long caption is no article, so the page as saved is read (its words are kept).
    from picture_files import photo

    (tmp_path / "page_files").mkdir()
    (tmp_path / "page_files" / "cows.jpg").write_bytes(photo(400, 300, "JPEG"))
    body = (
        '<figure><img src="page_files/cows.jpg" alt="Cows in the parlour">'
        f"<figcaption>{LONG_CAPTION}</figcaption></figure>"
        f'<div class="sponsored-feature"><p>{DAIRY}</p></div>'
    )
    article = stored(library, write_page(tmp_path, "A summer day at the dairy", body))
    assert DAIRY in paragraphs(article)


def test_a_page_of_captioned_pictures_is_an_article(tmp_path, library):
    from picture_files import photo

    (tmp_path / "page_files").mkdir()
    figures = ""
    for n in range(2):
        (tmp_path / "page_files" / f"p{n}.jpg").write_bytes(photo(400, 300, "JPEG", hue=n))
        figures += (
            f'<figure><img src="page_files/p{n}.jpg" alt="Picture {n}">'
            f"<figcaption>{LONG_CAPTION} Picture {n} of two.</figcaption></figure>"
        )
    article = stored(library, write_page(tmp_path, "The dairy in pictures", figures))
    assert article.body.count("](picture:") == 2
    assert f"{LONG_CAPTION} Picture 1 of two." in plain_text(article.body)
