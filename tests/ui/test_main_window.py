"""The reader window lists the library and shows the chosen article."""

import pytest

pytest.importorskip("PySide6.QtWidgets")

from reader.core.importing import import_paths  # noqa: E402
from reader.ui.main_window import MainWindow  # noqa: E402
from conftest import FIXTURES  # noqa: E402


def test_the_window_lists_articles_and_shows_the_selected_one(qtbot, library):
    import_paths(library, [FIXTURES / "dumps" / "english.txt", FIXTURES / "dumps" / "seedlike.txt"])
    window = MainWindow(library)
    qtbot.addWidget(window)
    window.show()
    titles = [window.article_list.item(i).text() for i in range(window.article_list.count())]
    assert len(titles) == 2
    window.article_list.setCurrentRow(titles.index(next(t for t in titles if "lighthouse" in t.lower())))
    text = window.article_view.toPlainText()
    assert text.splitlines()[0] == window.article_list.currentItem().text()
    assert "Views: 88" not in text and "Text size" not in text
    assert window.statusBar().currentMessage() == "2 articles"
