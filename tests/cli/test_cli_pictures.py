"""Pictures on the command line: an import names what it could not keep, and nothing
the commands print is binary."""

import base64

from picture_files import photo, png_header_only

PROSE = (
    "The old stone bridge over the river reopened on Monday after eight months of repairs, "
    "the council said in a statement that thanked residents for their patience."
)


def test_import_names_dropped_pictures_and_succeeds_and_show_prints_text(run_cli, tmp_path):
    (tmp_path / "page_files").mkdir()
    (tmp_path / "page_files" / "bomb.png").write_bytes(png_header_only(20_000, 20_000))
    inline = base64.b64encode(photo(200, 100)).decode()
    page = tmp_path / "page.html"
    page.write_text(
        "<html><head><meta charset='utf-8'><title>Bridge</title></head><body><article>"
        f"<h1>Bridge reopens</h1><p>{PROSE}</p>"
        '<p><img src="page_files/bomb.png" alt="Huge"></p>'
        f'<p><img src="data:image/png;base64,{inline}" alt="Chart"></p><p>{PROSE}</p>'
        "</article></body></html>",
        encoding="utf-8",
    )
    result = run_cli("import", page)
    assert result.code == 0
    assert result.out.strip() == "imported 1, duplicates 0, failed 0, 1 picture not kept"
    assert result.err.strip() == (
        f"{page}: picture 'page_files/bomb.png' not kept: too large "
        "(20\u202f000 x 20\u202f000 pixels; the limit is 25 megapixels)"
    )
    shown = run_cli("show", "1")
    assert shown.code == 0
    assert "![Chart](picture:" in shown.out and inline[:40] not in shown.out
    assert shown.out.isprintable() or all(c.isprintable() or c in "\n\t" for c in shown.out)

    exported = run_cli("export", tmp_path / "out")
    assert exported.code == 0
    [folder] = [p for p in (tmp_path / "out").iterdir() if p.is_dir()]
    assert [p.suffix for p in folder.iterdir()] == [".png"]


def test_importing_a_page_again_with_its_pictures_says_they_were_added(run_cli, tmp_path):
    page = tmp_path / "page.html"
    page.write_text(
        "<html><head><meta charset='utf-8'><title>Bridge</title></head><body><article>"
        f"<h1>Bridge reopens</h1><p>{PROSE}</p>"
        '<figure><img src="page_files/dawn.png" alt="The bridge at dawn">'
        f"<figcaption>Reopened on Monday</figcaption></figure><p>{PROSE[::-1]}</p>"
        "</article></body></html>",
        encoding="utf-8",
    )
    first = run_cli("import", page)
    assert first.out.strip() == "imported 1, duplicates 0, failed 0, 1 picture not kept"
    (tmp_path / "page_files").mkdir()
    (tmp_path / "page_files" / "dawn.png").write_bytes(photo(300, 200))
    again = run_cli("import", page)
    assert again.code == 0 and again.err == ""
    assert again.out.strip() == (
        "imported 0, duplicates 1, failed 0, pictures added to 1 article already in the library"
    )
    shown = run_cli("show", "1")
    assert "![The bridge at dawn](picture:" in shown.out and "*Reopened on Monday*" in shown.out
    assert len(run_cli("list").out.splitlines()) == 1  # one article, with its picture
