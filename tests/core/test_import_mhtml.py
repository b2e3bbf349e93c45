"""Single-file web pages (.mhtml, .mht), as Chromium and Edge save them: the page is read
like a saved HTML page, decoded as its part declares."""

import base64
import quopri

import pytest

from reader.core.article import plain_text
from reader.core.errors import ImportFailure
from reader.core.parsers import read_article

BOUNDARY = "----MultipartBoundary--Qx7pL2vN9rT4kW8mZ3bY6cF1hJ5dS0aE----"

PAGE_EN = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Tide gauge returns to Morrow Quay | Harbour Post</title>
<meta property="og:site_name" content="Harbour Post"></head>
<body><nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
<article><h1>Tide gauge returns to Morrow Quay</h1>
<p class="byline">By Ellen Marsh</p>
<p>The old tide gauge on Morrow Quay is working again after a winter of repairs, and the
harbour office says its readings now reach the public board every ten minutes.</p>
<p>Volunteers from the sailing club cleaned the float well, replaced the rusted chain and
fitted a small solar panel so that the gauge no longer depends on the quay's lighting.</p>
<p>"Fishermen check it before they leave the harbour," said the harbour master, "so a gauge
that stops in the night is worse than no gauge at all."</p>
</article><footer>© Harbour Post</footer></body></html>
"""

PAGE_RU = """<!DOCTYPE html>
<html lang="ru"><head><meta charset="windows-1251">
<title>Паром через Сугру выйдет в рейс в мае</title></head>
<body><article><h1>Паром через Сугру выйдет в рейс в мае</h1>
<p>Речной паром между Заречьем и посёлком Луговой начнёт ходить в первых числах мая, когда
вода спадёт после половодья и причалы проверят инспекторы.</p>
<p>Перевозчик обещает два рейса в час в будни и один в выходные, а стоимость билета для
жителей посёлка останется прежней, как и в прошлом сезоне.</p>
<p>В администрации напомнили, что старый мост закрыт на ремонт до осени, поэтому паром
остаётся единственной короткой дорогой в город для пешеходов.</p>
</article></body></html>
"""

PICTURE = base64.b64encode(
    bytes.fromhex(
        "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
        "1f15c4890000000d4944415478da63f8cfc0f01f0005000201a5f0b7ad0000000049454e44ae426082"
    )
).decode()


def mhtml(parts: list[str], start: str | None = None, location: str | None = None) -> bytes:
    """A single-file page laid out as Chromium writes one."""
    head = ["From: <Saved by Blink>"]
    if location:
        head.append(f"Snapshot-Content-Location: {location}")
    head += ["Subject: Saved page", "Date: Fri, 12 May 2023 10:45:00 +0300", "MIME-Version: 1.0"]
    start_param = f'; start="<{start}>"' if start else ""
    head.append(
        f'Content-Type: multipart/related;\r\n\ttype="text/html";\r\n\tboundary="{BOUNDARY}"'
        + start_param
    )
    body = "".join(f"--{BOUNDARY}\r\n{part}\r\n" for part in parts) + f"--{BOUNDARY}--\r\n"
    return ("\r\n".join(head) + "\r\n\r\n\r\n" + body).encode("ascii")


def html_part(
    page: str,
    charset: str = "utf-8",
    cid: str = "frame-1@mhtml.blink",
    location: str = "https://harbour-post.example/news/tide-gauge",
) -> str:
    encoded = quopri.encodestring(page.encode(charset)).decode("ascii")
    return (
        f"Content-Type: text/html; charset={charset}\r\nContent-ID: <{cid}>\r\n"
        f"Content-Transfer-Encoding: quoted-printable\r\nContent-Location: {location}\r\n\r\n"
        f"{encoded}"
    )


def picture_part() -> str:
    return (
        "Content-Type: image/png\r\nContent-Transfer-Encoding: base64\r\n"
        f"Content-Location: https://harbour-post.example/img/gauge.png\r\n\r\n{PICTURE}"
    )


def write(tmp_path, name: str, data: bytes):
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_a_chromium_single_file_page_is_read_as_the_saved_page(tmp_path):
    path = write(tmp_path, "tide.mhtml", mhtml([html_part(PAGE_EN), picture_part()]))
    article = read_article(path)
    assert article.title == "Tide gauge returns to Morrow Quay"
    text = plain_text(article.body)
    assert "solar panel so that the gauge no longer depends" in text
    assert "=3D" not in article.body and "=\n" not in article.body  # quoted-printable undone
    assert "Sport" not in text and "©" not in text  # the page's furniture stays out
    assert article.url == "https://harbour-post.example/news/tide-gauge"
    assert article.source == "Harbour Post"
    assert article.language == "en"


def test_the_part_s_declared_charset_is_honoured(tmp_path):
    page = html_part(PAGE_RU, charset="windows-1251", location="https://zarechye.example/parom")
    path = write(tmp_path, "parom.mht", mhtml([page]))
    article = read_article(path)
    assert article.title == "Паром через Сугру выйдет в рейс в мае"
    assert "единственной короткой дорогой в город" in plain_text(article.body)
    # The page names no site and no address: both come from the saved part's address.
    assert (article.url, article.source) == ("https://zarechye.example/parom", "zarechye.example")


def test_the_page_the_message_starts_with_is_the_one_read(tmp_path):
    advert = "<html><body><p>An advertisement frame saved before the page.</p></body></html>"
    parts = [html_part(advert, cid="frame-ad@mhtml.blink"), html_part(PAGE_EN, cid="page@x")]
    article = read_article(write(tmp_path, "started.mhtml", mhtml(parts, start="page@x")))
    assert article.title == "Tide gauge returns to Morrow Quay"


def test_a_file_cut_short_inside_the_page_still_gives_what_it_holds(tmp_path):
    data = mhtml([html_part(PAGE_EN), picture_part()])
    cut = data[: data.index(b"Fishermen")]  # no closing boundary, the page half there
    article = read_article(write(tmp_path, "cut.mhtml", cut))
    assert "solar panel" in plain_text(article.body)


@pytest.mark.parametrize(
    ("parts", "reason"),
    [
        ([picture_part()], "no web page in the MHTML file"),  # cut before the page
        (
            [html_part(PAGE_EN).replace("text/html", "application/octet-stream")],
            "no web page in the MHTML file",  # the page's part labelled as something else
        ),
    ],
)
def test_a_single_file_page_without_its_page_is_refused_plainly(tmp_path, parts, reason):
    with pytest.raises(ImportFailure, match=reason):
        read_article(write(tmp_path, "broken.mhtml", mhtml(parts)))


def test_a_plain_html_page_named_mht_is_read_as_html(tmp_path):
    article = read_article(write(tmp_path, "plain.mht", PAGE_EN.encode("utf-8")))
    assert article.title == "Tide gauge returns to Morrow Quay"


def test_the_import_command_takes_single_file_pages(tmp_path, run_cli):
    write(tmp_path, "tide.mhtml", mhtml([html_part(PAGE_EN), picture_part()]))
    result = run_cli("import", tmp_path / "tide.mhtml")
    assert (result.code, result.out.strip()) == (0, "imported 1, duplicates 0, failed 0")
    assert "Tide gauge returns to Morrow Quay" in run_cli("list").out
