"""A Markdown note's pictures are its images as the reading view's Markdown reads them:
what is written as code (or escaped) stays text at import, in the view and in an export,
and every form of image Markdown allows brings its picture."""

import hashlib

from picture_files import photo

from reader.core.export import export_articles
from reader.core.file_import import import_paths
from reader.core.render import body_html

PROSE = (
    "Pictures in a note are written with an exclamation mark, the alternative text in "
    "brackets and the file's name in parentheses, and the reader keeps each one."
)


def _import_note(tmp_path, library, text, pictures):
    for name, data in pictures.items():
        (tmp_path / name).write_bytes(data)
    note = tmp_path / "note.md"
    note.write_text(f"# Pictures in notes\n\n{PROSE}\n\n{text}\n", encoding="utf-8")
    report = import_paths(library, [note])
    assert report.ok and len(report.imported) == 1, report.failures
    return report, library.get(report.imported[0])


def test_images_written_as_code_or_escaped_stay_text(tmp_path, library):
    cat = photo(64, 48)
    stored_form = f"![a cat](picture:{hashlib.sha256(cat).hexdigest()})"
    code = [
        "Write `![a cat](cat.png)` where the picture goes.",
        "```\n![in a fence](cat.png)\n```",
        "~~~markdown\n![in a tilde fence](cat.png)\n~~~",
        "    ![indented as code](cat.png)",
        "Not a picture: \\![escaped](cat.png).",
        "<div>\n![inside raw HTML](cat.png)\n</div>",
        f"The library keeps it as `{stored_form}`.",
    ]
    text = "\n\n".join([*code, "![The cat itself](cat.png)"])
    report, article = _import_note(tmp_path, library, text, {"cat.png": cat})

    for literal in code:
        assert literal in article.body  # as written, not pointed at the stored picture
    assert article.body.count("](picture:") == 2  # the real one, and the documented form
    assert "![The cat itself](picture:" in article.body
    assert list(library.picture_sizes(article.id).values()) == [(64, 48)]
    assert not report.pictures_dropped

    html = body_html(article.body, pictures=library.picture_sizes(article.id))
    assert "<code>![a cat](cat.png)</code>" in html
    assert "<code>![indented as code](cat.png)\n</code>" in html
    assert "<code>![in a fence](cat.png)</code>" in html
    assert html.count("<img") == 1

    [exported] = export_articles(library.articles(), tmp_path / "out", library.pictures_of)
    written = exported.read_text(encoding="utf-8")
    assert f"`{stored_form}`" in written  # code is exported as it reads
    assert "![The cat itself](" + exported.stem + "_files/" in written


def test_every_form_of_markdown_image_brings_its_picture(tmp_path, library):
    pictures = {f"p{n}.png": photo(40 + n, 30, hue=n * 20) for n in range(5)}
    text = "\n\n".join(
        [
            "![A title in single quotes](p0.png 'The first')",
            "![A title in parentheses](p1.png (The second))",
            "![An alt text with [brackets] in it](p2.png)",
            "![A reference][fourth] and ![a shortcut]",
            "[fourth]: p3.png",
            '[a shortcut]: <p4.png> "The fifth"',
        ]
    )
    report, article = _import_note(tmp_path, library, text, pictures)
    assert not report.pictures_dropped
    assert sorted(w for w, _h in library.picture_sizes(article.id).values()) == [
        40,
        41,
        42,
        43,
        44,
    ]
    body = article.body
    assert "![A title in single quotes](picture:" in body and " 'The first')" in body
    # (The view's Markdown knows only quoted titles: one in parentheses is quoted.)
    assert '"The second")' in body
    assert "![An alt text with [brackets] in it](picture:" in body
    assert "![A reference](picture:" in body and "![a shortcut](picture:" in body
    html = body_html(body, pictures=library.picture_sizes(article.id))
    assert html.count('<img src="picture:') == 5
    assert "[Image" not in html


def test_a_picture_named_twice_is_read_and_reported_once(tmp_path, library):
    text = "![A missing map](map.png)\n\nAgain: ![The same map](map.png)"
    report, article = _import_note(tmp_path, library, text, {})
    assert [str(n).split(": ", 1)[1] for n in report.pictures_dropped] == [
        "picture 'map.png' not kept: missing (no such file)"
    ]
    assert "![A missing map](map.png)" in article.body
    assert "![The same map](map.png)" in article.body
