"""Hostile or absurd files: each imports, or is refused with one clear reason, promptly.

Never a hang, a RecursionError or an "internal error". The formerly slow cases assert only
the result; pytest-timeout is the backstop.
"""

from __future__ import annotations

import os
import socket
import stat
from pathlib import Path

import pytest

from reader.core.errors import ImportFailure
from reader.core.file_import import parse_for_import
from reader.core.parsers import read_article
from reader.core.render import body_html

SENTENCE = "The council met on Tuesday evening to discuss the harbour budget."
PROSE = " ".join([SENTENCE] * 4)


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def page(head: str = "", body: str = "") -> str:
    return (
        f"<!DOCTYPE html><html><head><title>Harbour budget</title>{head}</head>"
        f"<body><article><h1>Harbour budget</h1><p>{PROSE}</p>{body}</article></body></html>"
    )


def assert_harbour_article(path: Path) -> None:
    article = read_article(path)
    assert article.title == "Harbour budget"
    assert SENTENCE in article.body


# --- only regular files are read --------------------------------------------------------


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are a POSIX thing")
def test_a_named_pipe_is_refused_without_waiting_for_a_writer(tmp_path):
    fifo = tmp_path / "article.txt"
    os.mkfifo(fifo)
    with pytest.raises(ImportFailure, match=r"^not a regular file \(a named pipe\)$"):
        read_article(fifo)
    assert parse_for_import(fifo) == (fifo, "not a regular file (a named pipe)")


@pytest.mark.skipif(not hasattr(socket, "AF_UNIX"), reason="needs Unix sockets")
def test_a_socket_is_refused(tmp_path):
    path = tmp_path / "s.txt"
    with socket.socket(socket.AF_UNIX) as server:
        server.bind(str(path))
        with pytest.raises(ImportFailure, match=r"not a regular file \(a socket\)"):
            read_article(path)


ZERO = Path("/dev/zero")


@pytest.mark.skipif(
    not ZERO.exists() or not stat.S_ISCHR(ZERO.stat().st_mode), reason="needs /dev/zero"
)
def test_a_device_is_refused_before_it_is_read():
    # /dev/zero never ends; it has no extension, which counts as plain text.
    with pytest.raises(ImportFailure, match=r"not a regular file \(a character device\)"):
        read_article(ZERO)


def test_a_link_to_a_regular_file_is_still_read(tmp_path):
    target = write(tmp_path, "real.txt", f"Harbour budget\n\n{PROSE}\n")
    link = tmp_path / "link.txt"
    link.symlink_to(target)
    assert read_article(link).title == "Harbour budget"


# --- HTML: attributes in bulk -----------------------------------------------------------


def test_one_element_with_300000_attributes_still_gives_the_article(tmp_path):
    # libxml2 compares each new attribute with all earlier ones: minutes before the bound.
    attributes = " ".join(f'data-a{i}="v"' for i in range(300_000))
    assert_harbour_article(write(tmp_path, "attrs.html", page(body=f"<div {attributes}>x</div>")))


def test_attribute_values_holding_markup_do_not_confuse_the_bound(tmp_path):
    attributes = " ".join(f'a{i}="<p>&gt;</p>"' for i in range(300_000))
    closing = f"<p>The second paragraph tells what the pier will cost. {PROSE}</p>"
    path = write(tmp_path, "attrs.html", page(body=f"<div {attributes}>x</div>{closing}"))
    article = read_article(path)
    assert "The second paragraph tells what the pier will cost." in article.body


def test_many_attributes_across_an_article_page_keep_its_text(tmp_path):
    paragraphs = "".join(
        f"<p class='text' {' '.join(f'data-x{i}={i}' for i in range(6000))}>"
        f"Paragraph {k} says the harbour budget was argued over for a long evening.</p>"
        for k in range(50)
    )
    path = write(tmp_path, "attrs.html", page(body=paragraphs))
    article = read_article(path)
    assert all(f"Paragraph {k} says" in article.body for k in range(50))


def test_thirty_thousand_elements_with_an_attribute_each_still_import(tmp_path):
    spans = "".join(f'<span a="{i}"></span>' for i in range(30_000))
    assert_harbour_article(write(tmp_path, "spans.html", page(body=spans)))


def test_text_that_only_looks_like_a_huge_tag_is_left_alone(tmp_path):
    # A comment and a script hold "<a title=" and many words; the page's text is unchanged.
    words = " ".join(f"word{i}" for i in range(400))
    tricky = (
        f'<!-- <a title=" --><script>if (a <b && c) {{ s = "{words}"; }}</script>'
        f"<p>The pier opens in May. {words}.</p>"
    )
    article = read_article(write(tmp_path, "tricky.html", page(body=tricky)))
    assert f"The pier opens in May. {words}." in article.body


# --- YAML front matter ------------------------------------------------------------------


def laughs(levels: int) -> str:
    """A "billion laughs" block: each level is nine aliases of the one before."""
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    names = "abcdefghijklmnop"
    for i in range(1, levels):
        lines.append(f"{names[i]}: &{names[i]} [" + ",".join([f"*{names[i - 1]}"] * 9) + "]")
    return "\n".join(lines) + f"\ntags: *{names[levels - 1]}\n"


def markdown(front_matter: str) -> str:
    return f"---\ntitle: Harbour budget\n{front_matter}---\n\n{PROSE}\n"


@pytest.mark.parametrize("levels", [6, 9])
def test_a_billion_laughs_front_matter_is_refused(tmp_path, levels):
    path = write(tmp_path, "laughs.md", markdown(laughs(levels)))
    with pytest.raises(
        ImportFailure,
        match=r"front matter expands to more than 10,000 values "
        r"\(YAML aliases\)",
    ):
        read_article(path)


def test_a_front_matter_alias_inside_its_own_anchor_is_refused(tmp_path):
    path = write(tmp_path, "self.md", markdown("tags: &a [x, *a]\n"))
    with pytest.raises(ImportFailure, match="front matter refers to itself"):
        read_article(path)


@pytest.mark.parametrize("depth", [51, 900, 100_000])
def test_deeply_nested_front_matter_is_refused(tmp_path, depth):
    path = write(tmp_path, "deep.md", markdown("tags: " + "[" * depth + "x" + "]" * depth + "\n"))
    with pytest.raises(ImportFailure, match="front matter nests more than 50 levels deep"):
        read_article(path)


def test_ordinary_aliases_and_merge_keys_still_work(tmp_path):
    front = (
        "common: &common {source: Harbour Weekly, tags: [harbour, budget]}\n"
        "<<: *common\nauthor: &who Anna Petrova\nauthors: [*who]\n"
    )
    article = read_article(write(tmp_path, "alias.md", markdown(front)))
    assert (article.source, article.tags, article.authors) == (
        "Harbour Weekly",
        ["harbour", "budget"],
        ["Anna Petrova"],
    )


def test_a_huge_number_in_front_matter_is_a_clear_reason(tmp_path):
    # int() refuses more than 4,300 digits with a ValueError: it used to be an internal error.
    path = write(tmp_path, "views.md", markdown("views: " + "9" * 5000 + "\n"))
    with pytest.raises(ImportFailure, match=r"'views' must be a whole number, not '9{39}…$"):
        read_article(path)


def test_a_long_base_60_number_is_kept_as_text(tmp_path):
    # YAML 1.1 reads "1:2:3" as a base-60 integer; building a huge one took quadratic time.
    value = "1" + ":1" * 800_000
    article = read_article(write(tmp_path, "sexagesimal.md", markdown(f"date: {value}\n")))
    assert article.published == value


# --- deep structures --------------------------------------------------------------------


@pytest.mark.parametrize(
    "json_ld",
    [
        "[" * 100_000 + "]" * 100_000,
        '{"a":' * 100_000 + "1" + "}" * 100_000,
        '{"@type":"NewsArticle","keywords":' + "[" * 900 + '"x"' + "]" * 900 + "}",
    ],
)
def test_absurdly_deep_json_ld_is_ignored(tmp_path, json_ld):
    head = (
        f'<script type="application/ld+json">{json_ld}</script>'
        '<meta name="author" content="Anna Petrova">'
    )
    path = write(tmp_path, "deep.html", page(head=head))
    article = read_article(path)
    assert article.title == "Harbour budget" and SENTENCE in article.body
    assert article.authors == ["Anna Petrova"]
    assert article.tags == []  # not the text of a nested list


@pytest.mark.parametrize("tag", ["div", "blockquote", "ul><li", "span", "table><tr><td"])
def test_html_nested_100000_deep_imports(tmp_path, tag):
    opening = f"<{tag}>"
    path = write(tmp_path, "deep.html", page(body=(opening + SENTENCE) * 100_000))
    assert_harbour_article(path)


def test_markdown_lists_nested_past_the_limit_are_refused(tmp_path):
    # Python-Markdown recurses a few calls per level: 250 levels broke the reading view.
    lists = "".join("    " * i + "- item\n" for i in range(300))
    path = write(tmp_path, "lists.md", f"# Harbour budget\n\n{lists}\n{PROSE}\n")
    with pytest.raises(ImportFailure, match="the Markdown nests lists more than 50 levels deep"):
        read_article(path)


def test_markdown_lists_nested_a_few_levels_import_and_render(tmp_path):
    lists = "".join("    " * i + f"- item {i}\n" for i in range(20))
    article = read_article(write(tmp_path, "lists.md", f"# Harbour budget\n\n{lists}\n{PROSE}\n"))
    assert "item 19" in body_html(article.body)


def test_100000_quotation_marks_import_and_render(tmp_path):
    text = f"# Harbour budget\n\n{'>' * 100_000} {SENTENCE}\n\n{PROSE}\n"
    path = write(tmp_path, "quotes.md", text)
    article = read_article(path)
    assert SENTENCE in body_html(article.body)


# --- long lines: no regular expression may backtrack on them ----------------------------


SPACES = " " * 1_000_000


@pytest.mark.parametrize(
    ("name", "text", "title"),
    [
        # Markdown headings: "(.+?)\s*#*\s*$" was cubic in a run of spaces.
        ("heading.md", f"# Harbour{SPACES}budget #\n\n{PROSE}\n", f"Harbour{SPACES}budget"),
        ("heading.txt", f"# Harbour{SPACES}budget\n\n{PROSE}\n", f"Harbour{SPACES}budget"),
        # Page-dump furniture: "\s*:?\s*" was quadratic.
        ("views.txt", f"Harbour budget\n\nпросмотров{SPACES}x\n\n{PROSE}\n", "Harbour budget"),
        ("size.txt", f"Harbour budget\n\nшрифт -{SPACES}x\n\n{PROSE}\n", "Harbour budget"),
        ("byline.txt", f"Harbour budget\nAnna{'-' * 1_000_000}\n{PROSE}\n", "Harbour budget"),
    ],
)
def test_long_runs_inside_a_line_import_promptly(tmp_path, name, text, title):
    article = read_article(write(tmp_path, name, text))
    assert article.title == title
    assert SENTENCE in article.body


def test_long_runs_of_spaces_in_json_ld_names_and_keywords(tmp_path):
    # The author split ("\s*...\s+and\s+") was cubic in a run of spaces.
    gap = " " * 100_000
    json_ld = (
        f'{{"@type":"NewsArticle","author":{{"name":"Anna{gap}Petrova"}},'
        f'"keywords":"pier{gap},budget"}}'
    )
    script = f'<script type="application/ld+json">{json_ld}</script>'
    path = write(tmp_path, "ld.html", page(head=script))
    article = read_article(path)
    assert article.authors == ["Anna Petrova"]
    assert article.tags == ["pier", "budget"]


@pytest.mark.parametrize(
    "run",
    [
        "[a](" * 100_000,  # links never closed: "!?\[([^\]]*)\]\([^)]*\)" read to the end
        "![a](" * 100_000,  # from each one
        "[a " * 100_000 + "](",
        "![a [b" * 50_000,
        "`x " * 100_000,  # backticks never closed (code spans)
        "![" * 100_000,
    ],
)
def test_a_long_run_of_unclosed_links_or_images_imports_and_is_searched_promptly(tmp_path, run):
    from reader.core.article import plain_text

    path = write(tmp_path, "links.md", f"# Harbour budget\n\n{PROSE}\n\n{run}\n")
    article = read_article(path)
    assert SENTENCE in article.body and article.pictures == {}
    assert SENTENCE in plain_text(article.body)  # (what search snippets are cut from)
