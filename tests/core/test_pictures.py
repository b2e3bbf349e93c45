"""What a picture must be to be kept: checked by decoding, limited, nothing from outside."""

import base64
import os

import pytest
from picture_files import SVG, photo, png_header_only

from reader.core.pictures import (
    MAX_PICTURE_BYTES,
    FolderPictures,
    PictureRefused,
    check_picture,
    data_uri_bytes,
)


@pytest.mark.parametrize(
    ("kind", "name"), [("PNG", "png"), ("JPEG", "jpeg"), ("GIF", "gif"), ("WEBP", "webp")]
)
def test_each_kept_kind_is_read_with_its_size(kind, name):
    picture = check_picture(photo(320, 200, kind))
    assert (picture.kind, picture.width, picture.height) == (name, 320, 200)
    assert len(picture.digest) == 64


def test_the_same_bytes_have_the_same_digest_and_others_another():
    assert check_picture(photo()).digest == check_picture(photo()).digest
    assert check_picture(photo()).digest != check_picture(photo(hue=40)).digest


def test_a_huge_picture_is_refused_from_its_header_without_decoding_it():
    with pytest.raises(
        PictureRefused, match=r"too large \(20.000 x 20.000 pixels; the limit is 25 megapixels\)"
    ):
        check_picture(png_header_only(20_000, 20_000))


def test_a_cut_short_picture_is_damaged():
    whole = photo(400, 300, "JPEG")
    with pytest.raises(PictureRefused, match=r"^damaged"):
        check_picture(whole[: len(whole) // 2])


def test_text_is_not_a_picture_and_other_formats_are_not_kept():
    with pytest.raises(PictureRefused, match=r"not a picture \(PNG, JPEG, GIF, WebP or SVG\)"):
        check_picture(b"hello, this is text")
    with pytest.raises(PictureRefused, match="BMP pictures are not kept"):
        check_picture(photo(20, 20, "BMP"))
    with pytest.raises(PictureRefused, match="empty"):
        check_picture(b"")


def test_a_picture_over_the_byte_limit_is_refused_before_it_is_read():
    with pytest.raises(PictureRefused, match=r"too large .* MB"):
        check_picture(b"\x89PNG" + b"\0" * MAX_PICTURE_BYTES)


def test_a_plain_svg_is_kept_with_its_size():
    picture = check_picture(SVG.encode())
    assert (picture.kind, picture.width, picture.height) == ("svg", 120, 80)
    only_box = check_picture(b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 40 30"/>')
    assert (only_box.width, only_box.height) == (40, 30)


@pytest.mark.parametrize(
    ("svg", "reason"),
    [
        ('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', "a script"),
        ('<svg xmlns="http://www.w3.org/2000/svg" onload="go()"/>', r"a script \(onload\)"),
        (
            '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">'
            '<image xlink:href="http://tracker.example/p.png"/></svg>',
            r"refers to outside content \(http://tracker.example/p.png\)",
        ),
        (
            '<svg xmlns="http://www.w3.org/2000/svg"><rect style="fill:url(https://x.example/a)"/></svg>',
            "refers to outside content",
        ),
        (
            '<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "aaaa">]>'
            '<svg xmlns="http://www.w3.org/2000/svg"><text>&a;</text></svg>',
            "document type or entities",
        ),
        ('<svg xmlns="http://www.w3.org/2000/svg"><foreignObject/></svg>', "foreignObject"),
        ("<svg><unclosed></svg>", "not well-formed"),
    ],
)
def test_an_svg_with_a_script_or_outside_references_is_refused(svg, reason):
    with pytest.raises(PictureRefused, match=reason):
        check_picture(svg.encode())


def test_an_svg_may_refer_to_its_own_parts():
    own = (
        '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
        'width="10" height="10"><defs><g id="dot"/></defs><use xlink:href="#dot"/>'
        '<rect style="fill:url(#dot)"/></svg>'
    )
    assert check_picture(own.encode()).kind == "svg"


def test_data_addresses_base64_and_percent_encoded():
    png = photo(10, 10)
    assert data_uri_bytes("data:image/png;base64," + base64.b64encode(png).decode()) == png
    assert data_uri_bytes("data:image/svg+xml,%3Csvg%2F%3E") == b"<svg/>"
    with pytest.raises(PictureRefused, match="says base64 but is not valid base64"):
        data_uri_bytes("data:image/png;base64,this is not base64!")
    with pytest.raises(PictureRefused, match="without data"):
        data_uri_bytes("data:image/png;base64")


def test_a_folder_gives_its_own_files_and_nothing_outside_it(tmp_path):
    page = tmp_path / "saved"
    (page / "Page_files").mkdir(parents=True)
    (page / "Page_files" / "a b.png").write_bytes(b"inside")
    (tmp_path / "secret.png").write_bytes(b"outside")
    os.symlink(tmp_path / "secret.png", page / "Page_files" / "link.png")
    folder = FolderPictures(page)
    assert folder("Page_files/a%20b.png") == b"inside"
    assert folder("./Page_files/a b.png?v=2#top") == b"inside"
    assert folder("https://news.example/a.png") is None  # remote: never fetched
    with pytest.raises(PictureRefused, match="leaves the page's folder"):
        folder("../secret.png")
    with pytest.raises(PictureRefused, match="leaves the page's folder"):
        folder("../../../../etc/passwd")
    with pytest.raises(PictureRefused, match="leaves the page's folder"):
        folder(f"file://{tmp_path / 'secret.png'}")
    with pytest.raises(PictureRefused, match="symbolic link out of the page's folder"):
        folder("Page_files/link.png")
    with pytest.raises(PictureRefused, match="missing"):
        folder("Page_files/gone.png")
    with pytest.raises(PictureRefused, match="is a folder"):
        folder("Page_files")


@pytest.mark.parametrize(
    ("svg", "reason"),
    [
        (
            '<?xml version="1.0"?><?xml-stylesheet type="text/css" href="/dev/zero"?>'
            '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>',
            "processing instruction",
        ),
        (
            '<svg xmlns="http://www.w3.org/2000/svg"><rect fill="url(http://x.example/p)"/></svg>',
            "outside content",
        ),
        (
            '<svg xmlns="http://www.w3.org/2000/svg"><set attributeName="href" '
            'to="http://x.example/p"/></svg>',
            "outside content",
        ),
        (
            '<svg xmlns="http://www.w3.org/2000/svg" width="' + "9" * 400 + '" height="5"/>',
            "no usable size",
        ),
        ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 inf 10"/>', "no usable size"),
        (
            '<svg xmlns="http://www.w3.org/2000/svg" width="60in" viewBox="0 0 10 10"/>',
            r"too large \(5.760 x 5.760 pixels",
        ),
    ],
)
def test_svg_tricks_found_in_review_are_refused_with_a_reason(svg, reason):
    with pytest.raises(PictureRefused, match=reason):
        check_picture(svg.encode())


def test_a_path_with_a_nul_character_is_refused(tmp_path):
    with pytest.raises(PictureRefused, match="NUL"):
        FolderPictures(tmp_path)("images/map%00.png")


@pytest.mark.parametrize(
    "src",
    [
        "//cdn.example/chart.png",  # the page's own scheme: http or https
        "file:///C:/Users/Ann/Pictures/map.png",
        "file:///c%3A/Users/Ann/map.png",
        "file://localhost/D:/maps/map.png",
        "file://fileserver/share/map.png",
        "C:\\Users\\Ann\\map.png",
        "D:/maps/map.png",
        "\\\\fileserver\\share\\map.png",
    ],
)
def test_an_address_on_another_computer_is_remote_not_a_file_of_the_page(tmp_path, src):
    assert FolderPictures(tmp_path)(src) is None  # never read, its alt text shows


def test_a_path_written_with_backslashes_is_read_as_a_browser_reads_it(tmp_path):
    (tmp_path / "Page_files").mkdir()
    (tmp_path / "Page_files" / "map.png").write_bytes(b"inside")
    folder = FolderPictures(tmp_path / ".")
    assert folder("Page_files\\map.png") == b"inside"
    with pytest.raises(PictureRefused, match="leaves the page's folder"):
        folder("..\\..\\etc\\passwd")
