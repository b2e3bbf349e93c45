"""The page cache under the library and history lists: rows read a page at a time."""

from reader.ui.common import PageCache

ROWS = [f"row {n}" for n in range(950)]


def cache(kept=3):
    reads = []

    def read(first, end):
        reads.append((first, end))
        return ROWS[first:end]

    return PageCache(read, page=100, kept=kept), reads


def test_a_row_is_read_with_its_page_once():
    rows, reads = cache()
    assert [rows.row(n) for n in (0, 99, 5, 150, 199)] == [
        "row 0",
        "row 99",
        "row 5",
        "row 150",
        "row 199",
    ]
    assert reads == [(0, 100), (100, 200)]


def test_the_last_page_may_be_short():
    rows, reads = cache()
    assert rows.row(949) == "row 949"
    assert reads == [(900, 1000)]  # (asked for a whole page; there are 50 rows)


def test_only_the_pages_used_last_are_kept():
    rows, reads = cache(kept=2)
    for n in (0, 100, 0, 200):  # page 1 is the one used longest ago when page 2 comes
        rows.row(n)
    rows.row(50)
    assert reads == [(0, 100), (100, 200), (200, 300)]
    rows.row(150)
    assert reads[-1] == (100, 200)


def test_a_forgotten_page_or_a_cleared_cache_is_read_again():
    rows, reads = cache()
    rows.row(10)
    rows.row(110)
    rows.forget(42)
    rows.row(10)
    rows.row(110)
    assert reads == [(0, 100), (100, 200), (0, 100)]
    rows.clear()
    rows.row(110)
    assert reads[-1] == (100, 200)


def test_the_library_and_history_lists_show_each_row_past_the_first_page(make_window, library):
    from PySide6.QtCore import Qt

    from reader.core.article import Article

    window = make_window()
    titles = [f"Article {n:03}" for n in range(450)]  # more than two pages
    for title in titles:
        article = Article(title=title, body=f"{title}, its text.").with_derived_fields()
        article.imported_at = "2026-11-27T10:00:00+00:00"
        library.add(article)
    window.library_panel.refresh()
    model = window.model
    window.library_panel.view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    assert [model.index(row, 0).data() for row in range(model.rowCount())] == titles
    for article_id in (model.id_at(row) for row in range(model.rowCount())):
        window.history.open_session(article_id)
    window.history_ui.show()
    history = window.history_ui.panel.model
    shown = [history.index(row, 0).data() for row in range(history.rowCount())]
    assert shown[0] == "Today"
    assert sorted(text.split("\n")[0] for text in shown[1:]) == titles
