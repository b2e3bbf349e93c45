"""Whole news pages dumped by w3m and lynx: the reader gets the article, not the page.

The pages under fixtures/fullpage-samples are our own writing, laid out as news sites are
(menus, sign-in prompts, share buttons, related lists, comments, footers, cookie notices);
``make_samples.py`` there dumps them and takes each article's true text from the page.
"""

import contextlib
import json
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from helpers import FIXTURES, SEED
from reader.core.article import plain_text
from reader.core.errors import ImportFailure
from reader.core.parsers import parse_text, read_article
from reader.core.parsers.webdump import looks_like_webdump

SAMPLES = FIXTURES / "fullpage-samples"
NAMES = sorted(p.name for p in SAMPLES.iterdir() if (p / "truth.json").exists())
DUMPERS = ("w3m", "lynx")


def paragraphs(article) -> list[str]:
    return [plain_text(p) for p in article.body.split("\n\n")]


def lines_of(article) -> list[str]:
    """What the reader sees, one block (a paragraph, a heading, a list item) a line."""
    return [line for line in plain_text(article.body).split("\n") if line.strip()]


@pytest.mark.parametrize("dumper", DUMPERS)
@pytest.mark.parametrize("name", NAMES)
def test_each_sample_page_gives_its_article_and_nothing_else(name, dumper):
    truth = json.loads((SAMPLES / name / "truth.json").read_text(encoding="utf-8"))
    article = read_article(SAMPLES / name / f"{dumper}.txt")
    assert article.format == "webdump"
    assert article.title == truth["title"]
    assert article.authors == truth["authors"]
    assert article.published == truth["published"]
    got = lines_of(article)
    assert len(got) == len(truth["body"])
    for block, true_block in zip(got, truth["body"], strict=True):
        # lynx writes a picture's alt text and its caption on one line: both are kept.
        assert block == true_block or (dumper == "lynx" and block.endswith(true_block))


FURNITURE = {
    "en_bridge": [
        "We use cookies",
        "Sign in",
        "Subscribe",
        "Home / News / Local",
        "Share on Facebook",
        "Related stories",
        "Ferry fares to rise in spring",
        "Storm warning issued",
        "Sign up for our newsletter",
        "About time they fixed it",
        "Two years is far too long",
        "Privacy policy",
        "All rights reserved",
        "The Harbour Post",
        "http",
        "[",
    ],
    "ru_library": [
        "Войти",
        "Главная",
        "Поделиться",
        "Читайте также",
        "Теги",
        "Нашли ошибку",
        "Подписывайтесь",
        "Новости партнёров",
        "Самое читаемое",
        "Водила туда дочку",
        "Ответить",
        "Все права защищены",
        "Мы используем файлы cookie",
        "Просмотров",
        "Городские вести",
    ],
}


@pytest.mark.parametrize("dumper", DUMPERS)
@pytest.mark.parametrize("name", sorted(FURNITURE))
def test_no_furniture_line_reaches_the_body(name, dumper):
    article = read_article(SAMPLES / name / f"{dumper}.txt")
    text = plain_text(article.body)
    for furniture in FURNITURE[name]:
        assert furniture not in text, furniture


def test_the_article_keeps_its_structure():
    article = read_article(SAMPLES / "en_bridge" / "lynx.txt")
    blocks = article.body.split("\n\n")
    assert "## Detours for drivers" in blocks
    assert "- Pedestrians can use a temporary footbridge from June." in article.body.split("\n")
    assert any(block.startswith('> "We know this is a long time') for block in blocks)
    assert article.lead == "Engineers say the 1904 crossing needs new gears and deck"
    assert article.language == "en"
    # lynx's list of links says which site the page came from.
    assert article.source == "harbourpost.example.com"


def test_a_russian_page_reads_as_russian_with_its_byline():
    article = read_article(SAMPLES / "ru_library" / "w3m.txt")
    assert article.language == "ru"
    assert article.authors == ["Мария Иванова"]
    assert article.published == "2024-02-14T11:20"
    assert paragraphs(article)[1].startswith("В Заводском районе после ремонта")


def test_comments_after_the_article_are_not_the_article():
    page = (SAMPLES / "en_blog" / "w3m.txt").read_text(encoding="utf-8")
    text = plain_text(parse_text(page).body)
    assert "slugs were a nightmare" not in text
    assert "Leave a Reply" not in text
    assert "Previous post" not in text
    assert text.rstrip().endswith("be patient with the first season.")


def test_an_article_dump_is_still_read_as_before():
    # The doubled body and the widgets of an article-only dump are not a page's furniture.
    dump = (FIXTURES / "dumps" / "seedlike.txt").read_text(encoding="utf-8")
    assert looks_like_webdump(dump)
    article = parse_text(dump)
    assert article.views == 352
    assert len(paragraphs(article)) == 4


def test_prose_with_a_list_is_not_a_page():
    text = (
        "Shopping and other notes\n\nRemember to buy these before the weekend, since the "
        "shop is closed on Sunday and we have guests.\n\n* bread\n* milk\n* apples\n* tea\n\n"
        "Call the plumber about the kitchen tap. Ask about the price first.\n"
    )
    assert not looks_like_webdump(text)
    assert parse_text(text).format != "webdump"


def test_a_page_of_only_furniture_is_not_taken_for_an_article():
    text = (
        "We use cookies to improve your experience. Accept all\n\n  • Home\n  • News\n"
        "  • Sport\n  • Sign in\n\nSubscribe\n\n© 2024 Example Ltd. All rights reserved.\n"
    )
    try:
        article = parse_text(text)
    except ImportFailure:
        return
    assert "cookies" not in plain_text(article.body) or article.format != "webdump"


@pytest.mark.parametrize(
    "line",
    [
        "[1]" * 200_000,
        "By " + "Aa " * 200_000,
        "12 March " * 100_000,
        "a" * 1_000_000,
        " " * 500_000 + "x",
        "Share " * 200_000,
        "• " + "Home " * 200_000,
        ("[12]Home | " * 50_000) + "\n\n" + ("Text, more text. " * 50_000),
    ],
)
def test_a_hostile_line_is_read_in_linear_time(line):
    text = "We use cookies.\n\nSign in\n\n  • Home\n  • News\n\n" + line + "\n\nComments\n"
    started = time.perf_counter()
    with contextlib.suppress(ImportFailure):
        parse_text(text)
    assert time.perf_counter() - started < 3.0


def test_the_quick_test_for_notices_never_hides_one():
    # find_notice skips the long pattern when none of its words is in the text; it must
    # answer as the pattern does on every block of every sample.
    from reader.core.parsers import page_blocks, page_furniture

    blocks = [
        block.text[:400]
        for path in sorted(SAMPLES.glob("*/*.txt"))
        for block in page_blocks.read_page(path.read_text(encoding="utf-8")).blocks
    ]
    extra = ["We use cookies.", "(c) 2024 Example", "write to ed@example.org", "© Вести"]
    for text in blocks + extra:
        assert bool(page_furniture.find_notice(text)) == bool(page_furniture.NOTICE_RE.search(text))
    assert all(page_furniture.find_notice(text) for text in extra)


def test_imported_pages_are_stored_as_their_articles(tmp_path, library):
    from reader.core.file_import import import_paths

    folder = tmp_path / "saved"
    folder.mkdir()
    for name in ("en_bridge", "ru_library"):
        for dumper in DUMPERS:
            text = (SAMPLES / name / f"{dumper}.txt").read_bytes()
            (folder / f"{name}-{dumper}.txt").write_bytes(text)
    report = import_paths(library, [folder], workers=1)
    # w3m's and lynx's dumps of the Russian page give the same article: it is stored once.
    assert report.ok and len(report.imported) == 3
    assert [path.name for path in report.duplicates] == ["ru_library-w3m.txt"]
    stored = {
        path.name: library.get(i)
        for path, i in zip(report.imported_paths, report.imported, strict=True)
    }
    for name, article in stored.items():
        truth = json.loads((SAMPLES / name.split("-")[0] / "truth.json").read_text("utf-8"))
        assert article.title == truth["title"]
        assert article.authors == truth["authors"]
        assert article.published == truth["published"]
        text = plain_text(article.body)
        assert truth["body"][1] in text  # a paragraph of the article
        assert truth["body"][-1] in text  # and its last
        for furniture in FURNITURE[name.split("-")[0]]:
            assert furniture not in text
    assert stored["en_bridge-w3m.txt"].language == "en"
    assert stored["ru_library-lynx.txt"].language == "ru"
    assert library.count() == 3


def test_show_prints_the_article_without_the_page(run_cli):
    assert run_cli("import", SAMPLES / "ru_library" / "w3m.txt").code == 0
    article_id = json.loads(run_cli("list", "--json").out)[0]["id"]
    shown = run_cli("show", article_id).out
    assert "В Заводском районе открылась библиотека нового типа" in shown
    assert "Мария Иванова" in shown
    assert "## Что появилось в библиотеке" in shown
    for furniture in ("Войти", "Мы используем файлы cookie", "Ответить", "Все права защищены"):
        assert furniture not in shown


def test_a_headline_below_the_sites_own_box_is_found_without_a_byline():
    # No byline and no date: the headline is known by what is above it (the site's blurb
    # and a list of its news) and below it (the article's prose).
    page = (
        "Fern Valley Voice\n\n  • Home\n  • Community\n  • Council\n  • Schools\n\n"
        "Our village paper\n\nThe Fern Valley Voice is a volunteer-run newsletter for the"
        " villages of the upper\nFern valley, and everything in it is written by people who"
        " live here.\n\nNoticeboard\n\n  • Bin collections move to Thursdays\n"
        "  • Village hall roof appeal reaches its target\n\n"
        "Allotment waiting list cut by half after council splits large plots\n\n"
        "The number of people waiting for an allotment in Fern Valley has fallen from 64 to\n"
        "31 in a year, after the parish council divided its largest plots into halves and\n"
        "opened a new site behind the primary school.\n\n"
        "When the scheme was proposed last spring, some plot holders worried that smaller\n"
        "plots would be too cramped for fruit cages and sheds. In the end, most of those\n"
        "who gave up half their plot said they were relieved to have less ground to weed.\n\n"
        "Share: Facebook Email Print\n\n© 2024 Fern Valley Voice. All rights reserved.\n"
    )
    article = parse_text(page)
    assert article.title == "Allotment waiting list cut by half after council splits large plots"
    assert article.authors == [] and article.published is None
    assert [p[:24] for p in paragraphs(article)] == [
        "The number of people wai",
        "When the scheme was prop",
    ]


@pytest.mark.skipif(not SEED.exists(), reason="the shared seed folder is not beside this checkout")
def test_the_seed_inside_a_whole_page_gives_the_seeds_article():
    seed = SEED.read_text(encoding="utf-8")
    page = (
        "Мы используем файлы cookie. Оставаясь на сайте, вы соглашаетесь.\n\nВойти Регистрация"
        "\n\n  • Главная\n  • Новости\n  • Политика\n  • Экономика\n  • Общество\n\n"
        + seed
        + "\n\nЧитайте также\n\n  • Другая новость\n  • Ещё одна новость\n\n"
        "Комментарии (2)\n\nИван: Хорошая новость, спасибо редакции за подробный рассказ.\n\n"
        "© 2024 Евразийские новости. Все права защищены.\n"
    )
    alone, whole = parse_text(seed), parse_text(page)
    assert whole.body == alone.body  # the body printed twice on the page is kept once
    assert (whole.title, whole.authors, whole.published) == (
        alone.title,
        alone.authors,
        alone.published,
    )
    assert (whole.views, whole.source) == (719, "evrazesnews.ru")


_PIECES = [
    "",
    "  • Home",
    "     * [12]News",
    "    1. [3]Most read story",
    "References",
    "   1. https://example.org/a",
    "By Jane Smith",
    "Текст: Мария Иванова · 14 февраля 2024, 11:20",
    "12 March 2024, 09:30",
    "Comments (3)",
    "Читайте также",
    "© 2024 Example. All rights reserved.",
    "We use cookies to improve your experience.",
    "│ Читайте также: │",
    "┌──────┐",
    "Home                                    Tide times today",
    "                                        High water 06:12",
    "( ) Yes",
    "#tag #другой",
    "The council said on Monday that the bridge will close for two years of repairs.",
    "Совет депутатов решил, что мост закроют на ремонт на два года, и жители согласились.",
    "A short heading",
    "x" * 300,
    "[1]" * 50,
]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(_PIECES), min_size=1, max_size=60))
def test_no_arrangement_of_page_pieces_breaks_the_import(pieces):
    text = "\n".join(pieces)
    if not text.strip():
        return
    try:
        article = parse_text(text)
    except ImportFailure:
        return
    assert article.title is not None and isinstance(article.body, str)


def test_lynx_link_numbers_do_not_stay_in_the_authors_names():
    # "Авторы: [14]Ольга Смирнова, [15]Денис Ковалёв": lynx numbers each linked name.
    path = FIXTURES / "fullpage-samples" / "ru_labelled_authors" / "lynx.txt"
    article = read_article(path)
    assert article.title == "Паром через Сугру выйдет в рейс в мае"
    assert article.authors == ["Ольга Смирнова", "Денис Ковалёв"]
    text = plain_text(article.body)
    assert "единственной короткой дорогой в город" in text
    assert "Читайте также" not in text and "cookie" not in text and "[16]" not in text
