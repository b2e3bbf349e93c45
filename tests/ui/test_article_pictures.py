"""Pictures in the article view: at the column's width at most, never wider than the
window, captions under them, decoded only when drawn, nothing remote ever asked for."""

from picture_files import photo
from PySide6.QtCore import QPoint
from PySide6.QtGui import QAccessible, QTextDocument

PROSE = (
    "The old stone bridge over the river reopened on Monday after eight months of repairs, "
    "the council said in a statement that thanked residents for their patience."
)


def _page(tmp_path, pictures):
    (tmp_path / "page_files").mkdir()
    figures = []
    for n, (width, height, caption) in enumerate(pictures):
        (tmp_path / "page_files" / f"p{n}.png").write_bytes(photo(width, height, hue=n * 30))
        cap = f"<figcaption>{caption}</figcaption>" if caption else ""
        figures.append(
            f'<figure><img src="page_files/p{n}.png" alt="Picture {n} of the bridge">{cap}</figure>'
            + f"<p>{PROSE}</p>" * 6
        )
    page = tmp_path / "page.html"
    page.write_text(
        "<html lang='en'><head><meta charset='utf-8'><title>Bridge reopens</title></head><body>"
        f"<article><h1>Bridge reopens</h1><p>{PROSE}</p>{''.join(figures)}"
        '<p><img src="https://cdn.example/remote.jpg" alt="A remote picture"></p>'
        f"<p>{PROSE}</p></article></body></html>",
        encoding="utf-8",
    )
    return page


def _pictures(view):
    """(name, width, height, top) of each picture as laid out in the view's document."""
    found = []
    document = view.document()
    layout = document.documentLayout()
    block = document.begin()
    while block.isValid():
        iterator = block.begin()
        while not iterator.atEnd():
            char = iterator.fragment().charFormat()
            if char.isImageFormat():
                image = char.toImageFormat()
                top = layout.blockBoundingRect(block).top()
                found.append((image.name(), image.width(), image.height(), top))
            iterator += 1
        block = block.next()
    return found


def _column(view):
    frame = view.document().rootFrame().frameFormat()
    return view.viewport().width() - frame.leftMargin() - frame.rightMargin()


def test_pictures_fit_the_column_keep_their_shape_and_have_captions(make_window, tmp_path):
    window = make_window(_page(tmp_path, [(2400, 1200, "The bridge at dawn"), (200, 150, None)]))
    window.open_article(window.model.id_at(0))
    view = window.article_view
    big, small = _pictures(view)
    assert big[0].startswith("picture:") and small[0].startswith("picture:")
    assert big[1] <= _column(view) + 0.5 and big[1] >= _column(view) - 1.5  # fitted
    assert abs(big[1] / big[2] - 2.0) < 0.02  # its proportions
    assert (small[1], small[2]) == (200, 150)  # a small picture keeps its own size
    text = view.toPlainText()
    assert "The bridge at dawn" in text  # the caption, under its picture
    assert "Picture 1 of the bridge" in text  # no caption: its alt text is shown instead
    assert "[Image: A remote picture]" in text  # remote: never fetched, alt text shown
    accessible = QAccessible.queryAccessibleInterface(view).textInterface()
    spoken = accessible.text(0, accessible.characterCount())
    assert "The bridge at dawn" in spoken and "Picture 1 of the bridge" in spoken


def test_at_400_percent_and_in_a_narrow_window_pictures_stay_inside_the_window(
    make_window, tmp_path, qtbot
):
    window = make_window(_page(tmp_path, [(1600, 900, "Wide"), (500, 500, "Square")]), width=700)
    window.open_article(window.model.id_at(0))
    view = window.article_view
    for _ in range(12):
        window.text_size.larger()
    assert view.percent == 400
    for _name, width, _height, _top in _pictures(view):
        assert width <= view.viewport().width()
        assert width <= _column(view) + 0.5
    wide = _pictures(view)[0]
    assert abs(wide[1] / wide[2] - 1600 / 900) < 0.02
    window.resize(1400, 800)
    qtbot.waitUntil(lambda: _pictures(view)[1][1] == 500)  # room again: its own size


def test_pictures_are_decoded_when_drawn_and_remote_ones_never_asked_for(make_window, tmp_path):
    window = make_window(
        _page(tmp_path, [(600, 400, f"Caption {n}") for n in range(6)]), height=500
    )
    window.open_article(window.model.id_at(0))
    view = window.article_view
    view.viewport().repaint()
    asked = {u.toString() for u in view.requested_resources}
    names = [p[0] for p in _pictures(view)]
    assert names[0] in asked and names[-1] not in asked  # text first; far pictures wait
    view.verticalScrollBar().setValue(int(_pictures(view)[-1][3]))
    view.viewport().repaint()
    asked = [u.toString() for u in view.requested_resources]
    assert names[-1] in asked
    assert all(u.startswith("picture:") for u in asked)
    assert len(asked) == len(set(asked))  # each decoded once
    image = view.document().resource(QTextDocument.ResourceType.ImageResource, names[-1])
    # Drawn from the library's bytes, made smooth at the size it is shown at.
    assert (image.width(), image.height()) == tuple(round(v) for v in _pictures(view)[-1][1:3])
    assert view.viewport().grab().toImage().pixelColor(QPoint(5, 5)).isValid()


def test_the_open_article_shows_the_pictures_a_copy_brings(make_window, tmp_path, qtbot):
    # Read first from the text a page's pictures were missing from; the page is then
    # imported again with its folder while the article is open.
    (tmp_path / "saved").mkdir()
    page = _page(tmp_path / "saved", [(640, 400, "The bridge at dawn")])
    missing = tmp_path / "saved" / "page_files"
    missing.rename(tmp_path / "elsewhere")
    window = make_window(page)
    article_id = window.model.id_at(0)
    window.open_article(article_id)
    assert _pictures(window.article_view) == []
    assert "[Image: Picture 0 of the bridge]" in window.article_view.toPlainText()

    (tmp_path / "elsewhere").rename(missing)
    window.import_paths([page])
    qtbot.waitUntil(lambda: not window.importer.running, timeout=15000)
    qtbot.waitUntil(lambda: len(_pictures(window.article_view)) == 1)
    assert window.current_article_id == article_id and window.library.count() == 1
    assert "The bridge at dawn" in window.article_view.toPlainText()
