"""Pictures come into the library with their article: saved pages, inline pictures,
single-file pages, Markdown notes; stored once, removed with the last article that shows
them, written out by export and brought back by importing the export."""

import base64
import email.policy
from email.message import EmailMessage
from pathlib import Path

from picture_files import SVG, photo, png_header_only

from reader.core.article import plain_text
from reader.core.article_pictures import digests_in
from reader.core.export import export_articles
from reader.core.file_import import import_paths
from reader.core.render import body_html
from reader.core.store import Library

PROSE = (
    "The old stone bridge over the river reopened on Monday after eight months of repairs, "
    "the council said in a statement that thanked residents for their patience and promised "
    "that the footpath on the north side would follow before the summer holidays begin."
)


def saved_page(folder: Path, figures: str, name: str = "Bridge reopens.html") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    page = folder / name
    page.write_text(
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
        "<title>Bridge reopens after repairs | River Post</title></head><body>"
        "<nav><a href='/'>Home</a> <a href='/news'>News</a></nav><article>"
        "<h1>Bridge reopens after repairs</h1>"
        f"<p>{PROSE}</p>{figures}<p>{PROSE.replace('bridge', 'crossing')}</p>"
        "<p>Engineers replaced two of the arches and relaid the road surface, work that was "
        "delayed twice by floods in the spring and again in the autumn of last year.</p>"
        "</article><footer>© River Post</footer></body></html>",
        encoding="utf-8",
    )
    return page


def test_a_saved_page_keeps_its_pictures_and_their_captions(tmp_path, library):
    files = tmp_path / "Bridge reopens_files"
    files.mkdir()
    (files / "bridge.jpg").write_bytes(photo(1200, 800, "JPEG"))
    inline = base64.b64encode(photo(300, 200, "PNG", hue=50)).decode()
    page = saved_page(
        tmp_path,
        '<figure><img src="Bridge%20reopens_files/bridge.jpg" alt="The bridge at dawn">'
        "<figcaption>The bridge at dawn on Monday. Photo: Jane Roe</figcaption></figure>"
        f"<p>{PROSE}</p>"
        f'<p><img src="data:image/png;base64,{inline}" alt="A chart of river levels"></p>',
    )
    report = import_paths(library, [page])
    assert report.ok and not report.pictures_dropped
    article = library.get(report.imported[0])
    blocks = article.body.split("\n\n")
    figure = next(b for b in blocks if "The bridge at dawn on Monday" in b)
    assert figure.startswith("![The bridge at dawn](picture:")
    assert figure.endswith("\n*The bridge at dawn on Monday. Photo: Jane Roe*")
    assert "data:" not in article.body  # the inline picture is stored, not kept as text
    sizes = library.picture_sizes(article.id)
    assert sorted(sizes.values()) == [(300, 200), (1200, 800)]
    assert set(digests_in(article.body)) == set(sizes)
    assert "The bridge at dawn on Monday" in plain_text(article.body)  # read and searched


def test_pictures_that_cannot_be_kept_are_named_and_the_article_still_imported(tmp_path, library):
    (tmp_path / "outside.png").write_bytes(photo(50, 50))
    files = tmp_path / "page" / "Page_files"
    files.mkdir(parents=True)
    (files / "bomb.png").write_bytes(png_header_only(20_000, 20_000))
    (files / "broken.jpg").write_bytes(photo(400, 300, "JPEG")[:900])
    (files / "script.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
    )
    (files / "good.svg").write_text(SVG)
    (files / "link.png").symlink_to(tmp_path / "outside.png")
    page = saved_page(
        tmp_path / "page",
        "".join(
            f'<p><img src="{src}" alt="{alt}"></p><p>{PROSE}</p>'
            for src, alt in [
                ("Page_files/missing.png", "Missing map"),
                ("Page_files/bomb.png", "Huge"),
                ("Page_files/broken.jpg", "Broken"),
                ("Page_files/script.svg", "Scripted"),
                ("../outside.png", "Outside"),
                ("Page_files/link.png", "Linked"),
                ("data:image/png;base64,@@@notbase64", "Bad inline"),
                ("https://cdn.example/remote.png", "Remote"),
                ("Page_files/good.svg", "Diagram"),
            ]
        ),
    )
    report = import_paths(library, [page])
    assert report.ok and len(report.imported) == 1
    notes = [str(n) for n in report.pictures_dropped]
    reasons = [n.split(": ", 1)[1] for n in notes]
    assert reasons == [
        "picture 'Page_files/missing.png' not kept: missing (no such file)",
        "picture 'Page_files/bomb.png' not kept: too large (20\u202f000 x 20\u202f000 pixels; "
        "the limit is 25 megapixels)",
        reasons[2],  # (Pillow's own words after "damaged")
        "picture 'Page_files/script.svg' not kept: an SVG picture with a script is not kept",
        "picture '../outside.png' not kept: its path leaves the page's folder; not read",
        "picture 'Page_files/link.png' not kept: it is a symbolic link out of the page's "
        "folder; not read",
        "picture inline image/png (Bad inline) not kept: damaged (a data: address that says "
        "base64 but is not valid base64)",
    ]
    assert reasons[2].startswith("picture 'Page_files/broken.jpg' not kept: damaged")
    assert all(n.startswith(str(page)) or "page.html" in n or page.name in n for n in notes)
    assert "2 pictures" not in report.summary() and "7 pictures not kept" in report.summary()
    article = library.get(report.imported[0])
    assert list(library.picture_sizes(article.id).values()) == [(120, 80)]  # the diagram
    assert "![Remote](https://cdn.example/remote.png)" in article.body  # never fetched
    assert "![Missing map](Page_files/missing.png)" in article.body  # its alt text shows
    assert "![Bad inline]()" in article.body


def test_a_markdown_note_keeps_its_relative_pictures(tmp_path, library):
    (tmp_path / "images").mkdir()
    (tmp_path / "images" / "hill.webp").write_bytes(photo(640, 480, "WEBP"))
    note = tmp_path / "walk.md"
    note.write_text(f"# A walk up the hill\n\n{PROSE}\n\n![The hill](images/hill.webp)\n")
    report = import_paths(library, [note])
    article = library.get(report.imported[0])
    assert list(library.picture_sizes(article.id).values()) == [(640, 480)]
    assert "![The hill](picture:" in article.body


def test_a_single_file_page_keeps_the_pictures_it_holds(tmp_path, library):
    message = EmailMessage(policy=email.policy.SMTP)
    message["Snapshot-Content-Location"] = "https://river.example/news/bridge"
    message["MIME-Version"] = "1.0"
    message.set_content(
        saved_page(
            tmp_path / "src",
            '<figure><img src="https://river.example/img/bridge.png" alt="The bridge">'
            "<figcaption>The bridge reopened</figcaption></figure>"
            '<p><img src="cid:chart@river" alt="Chart"></p>'
            '<p><img src="https://river.example/img/not-saved.png" alt="Not saved"></p>',
        ).read_text(),
        subtype="html",
        cte="quoted-printable",
    )
    message.add_attachment(photo(500, 400), maintype="image", subtype="png", cte="base64")
    message.get_payload()[1].replace_header("Content-Disposition", "inline")
    message.get_payload()[1]["Content-Location"] = "https://river.example/img/bridge.png"
    message.add_attachment(photo(90, 60, "GIF"), maintype="image", subtype="gif", cte="base64")
    message.get_payload()[2]["Content-ID"] = "<chart@river>"
    page = tmp_path / "bridge.mhtml"
    page.write_bytes(message.as_bytes())
    report = import_paths(library, [page])
    assert report.ok, report.failures
    article = library.get(report.imported[0])
    assert sorted(library.picture_sizes(article.id).values()) == [(90, 60), (500, 400)]
    assert "*The bridge reopened*" in article.body
    assert "![Not saved](https://river.example/img/not-saved.png)" in article.body


def test_a_picture_is_stored_once_and_goes_with_the_last_article_showing_it(tmp_path, library):
    shared = photo(400, 300)
    pages = []
    for n in range(2):
        folder = tmp_path / f"page{n}"
        (folder / "p_files").mkdir(parents=True)
        (folder / "p_files" / "shared.png").write_bytes(shared)
        pages.append(
            saved_page(
                folder,
                '<p><img src="p_files/shared.png" alt="Shared"></p>'
                f"<p>Story number {n}: {PROSE}</p>",
                name="p.html",
            )
        )
    report = import_paths(library, pages)
    assert len(report.imported) == 2
    assert library.picture_totals() == (1, len(shared))
    first, second = report.imported
    library.remove([first])
    assert library.picture_totals() == (1, len(shared))  # the other article still shows it
    library.remove([second])
    assert library.picture_totals() == (0, 0)


def test_export_writes_pictures_beside_the_article_and_importing_it_brings_them_back(
    tmp_path, library
):
    files = tmp_path / "page" / "Bridge reopens_files"
    files.mkdir(parents=True)
    (files / "bridge.jpg").write_bytes(photo(1000, 700, "JPEG"))
    page = saved_page(
        tmp_path / "page",
        '<figure><img src="Bridge reopens_files/bridge.jpg" alt="The bridge">'
        "<figcaption>Reopened on Monday</figcaption></figure>",
    )
    original = library.get(import_paths(library, [page]).imported[0])
    exported = tmp_path / "export"
    [markdown] = export_articles(library.articles(), exported, library.pictures_of)
    folder = exported / (markdown.stem + "_files")
    [picture_file] = folder.iterdir()
    assert picture_file.suffix == ".jpg"
    assert picture_file.read_bytes() == (files / "bridge.jpg").read_bytes()
    text = markdown.read_text()
    assert f"![The bridge]({folder.name}/{picture_file.name})" in text
    assert "picture:" not in text

    again = Library.open(tmp_path / "again.sqlite3")
    try:
        report = import_paths(again, [exported])
        assert report.ok and not report.skipped and len(report.imported) == 1
        copy = again.get(report.imported[0])
        assert copy.body == original.body
        assert again.picture_sizes(copy.id) == library.picture_sizes(original.id)
    finally:
        again.close()


def _mhtml(tmp_path, parts):
    message = EmailMessage(policy=email.policy.SMTP)
    message["MIME-Version"] = "1.0"
    images = "".join(
        f'<p><img src="https://river.example/img/{name}" alt="{name}"></p><p>{PROSE}</p>'
        for name, _type, _data in parts
    )
    message.set_content(
        saved_page(tmp_path / "src", images).read_text(), subtype="html", cte="quoted-printable"
    )
    for name, content_type, data in parts:
        maintype, subtype = content_type.split("/")
        message.add_attachment(data, maintype=maintype, subtype=subtype, cte="base64")
        message.get_payload()[-1]["Content-Location"] = f"https://river.example/img/{name}"
    return message.as_bytes()


def test_single_file_page_parts_are_judged_by_what_they_hold(tmp_path, library):
    data = _mhtml(
        tmp_path,
        [
            ("labelled-as-text.png", "text/plain", photo(120, 90)),  # a wrong type: still a PNG
            ("not-a-picture.png", "image/png", b"<html>an error page</html>"),
        ],
    )
    page = tmp_path / "page.mht"
    page.write_bytes(data)
    report = import_paths(library, [page])
    assert report.ok
    assert [str(n).split(": ", 1)[1] for n in report.pictures_dropped] == [
        "picture 'https://river.example/img/not-a-picture.png' not kept: not a picture "
        "(PNG, JPEG, GIF, WebP or SVG)"
    ]
    assert list(library.picture_sizes(report.imported[0]).values()) == [(120, 90)]


def test_a_cut_short_single_file_page_keeps_its_text_and_names_the_broken_picture(
    tmp_path, library
):
    data = _mhtml(
        tmp_path,
        [
            ("whole.png", "image/png", photo(64, 48)),
            ("cut.jpg", "image/jpeg", photo(800, 600, "JPEG")),
        ],
    )
    page = tmp_path / "page.mhtml"
    page.write_bytes(data[: len(data) - 6000])  # the download stopped inside the last picture
    report = import_paths(library, [page])
    assert report.ok and len(report.imported) == 1
    [note] = report.pictures_dropped
    assert (
        str(note)
        .split(": ", 1)[1]
        .startswith("picture 'https://river.example/img/cut.jpg' not kept: damaged")
    )
    article = library.get(report.imported[0])
    assert list(library.picture_sizes(article.id).values()) == [(64, 48)]
    assert PROSE[:60] in article.body


def test_single_file_page_parts_are_found_however_their_addresses_are_encoded(tmp_path, library):
    # Chromium writes a part's Content-Location percent-encoded as it fetched it; the
    # page's own <img> may write the same address raw, or encoded another way.
    pictures = [
        ("https://river.example/img/bridge (1).png", "https://river.example/img/bridge%20(1).png"),
        ("https://river.example/img/%C3%A9cluse.png", "https://river.example/img/écluse.png"),
        ("img/weir%5B2%5D.png", "https://river.example/news/img/weir[2].png"),
        ("HTTPS://River.Example/img/map.png#top", "https://river.example/img/map.png"),
        ("cid:chart%40river", None),
    ]
    message = EmailMessage(policy=email.policy.SMTP)
    message["Snapshot-Content-Location"] = "https://river.example/news/bridge"
    message["MIME-Version"] = "1.0"
    images = "".join(
        f'<p><img src="{src}" alt="Picture {n}"></p><p>{PROSE}</p>'
        for n, (src, _location) in enumerate(pictures)
    )
    message.set_content(
        saved_page(tmp_path / "src", images).read_text(), subtype="html", cte="quoted-printable"
    )
    for n, (_src, location) in enumerate(pictures):
        message.add_attachment(photo(60 + n, 40), maintype="image", subtype="png", cte="base64")
        part = message.get_payload()[-1]
        if location:
            part["Content-Location"] = location
        else:
            part["Content-ID"] = "<chart@river>"
    page = tmp_path / "bridge.mhtml"
    page.write_bytes(message.as_bytes())
    report = import_paths(library, [page])
    assert report.ok and not report.pictures_dropped, report.pictures_dropped
    article = library.get(report.imported[0])
    assert sorted(w for w, _h in library.picture_sizes(article.id).values()) == [
        60,
        61,
        62,
        63,
        64,
    ]
    assert article.body.count("](picture:") == 5


def test_pictures_on_another_computer_are_remote_not_outside_the_folder(tmp_path, library):
    page = saved_page(
        tmp_path,
        "".join(
            f'<p><img src="{src}" alt="{alt}"></p><p>{PROSE}</p>'
            for src, alt in [
                ("file:///C:/Users/Ann/Pictures/map.png", "A map on Ann's disk"),
                ("//cdn.example/chart.png", "A chart from the site"),
                ("file://fileserver/share/weir.png", "A weir on a file server"),
                ("C:\\Users\\Ann\\lock.png", "A lock on Ann's disk"),
            ]
        ),
    )
    report = import_paths(library, [page])
    assert report.ok and report.pictures_dropped == []
    article = library.get(report.imported[0])
    assert "![A map on Ann's disk](file:///C:/Users/Ann/Pictures/map.png)" in article.body
    assert "![A chart from the site](//cdn.example/chart.png)" in article.body
    html = body_html(article.body, pictures=library.picture_sizes(article.id))
    for alt in ("A map on Ann's disk", "A chart from the site", "A weir on a file server"):
        assert f"[Image: {alt}]" in html.replace("&#x27;", "'")
    assert library.picture_totals() == (0, 0)


def test_a_saved_page_s_addresses_are_read_as_a_browser_reads_them(tmp_path, library):
    files = tmp_path / "Bridge reopens_files"
    files.mkdir()
    (files / "dawn (1).png").write_bytes(photo(90, 60))
    (files / "arch_2.png").write_bytes(photo(80, 60))
    (files / "weir.png").write_bytes(photo(70, 60))
    page = saved_page(
        tmp_path,
        '<p><img src="Bridge reopens_files\\dawn (1).png" alt="Dawn"></p>'
        f"<p>{PROSE}</p>"
        '<p><img src="Bridge%20reopens_files\\arch_2.png" alt="Arch"></p>'
        '<p><img src="Bridge reopens_files/we\n\tir.png" alt="Weir"></p>',
    )
    report = import_paths(library, [page])
    assert report.ok and report.pictures_dropped == []
    sizes = library.picture_sizes(report.imported[0])
    assert sorted(w for w, _h in sizes.values()) == [70, 80, 90]
