"""Search panel and find in article, as a reader uses them."""

import pytest
from PySide6.QtCore import Qt

from helpers import FIXTURES
from reader.core.search import Results


@pytest.fixture
def window(make_window, tmp_path):
    (tmp_path / "kz.md").write_text(
        "# Новости региона\n\nВ Казахстане открыли музей. Казахстан готовит выставку, "
        "а гости Казахстана приедут весной.\n\nКазахстан и соседи обсудили погоду.\n",
        encoding="utf-8",
    )
    return make_window(FIXTURES / "dumps", tmp_path / "kz.md")


def search_for(window, qtbot, text):
    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    panel = window.search_panel
    assert panel.box.hasFocus()
    panel.box.setText(text)  # QTest cannot type Cyrillic keys
    qtbot.waitUntil(
        lambda: (
            panel.last_results is not None
            and panel.status.text().startswith(f"{panel.last_results.total} found")
        ),
        timeout=5000,
    )
    return panel


def test_ctrl_k_searches_as_you_type_and_shows_count_and_snippets(window, qtbot):
    panel = search_for(window, qtbot, "казахстану")
    assert panel.model.rowCount() == 1
    hit = panel.model.index(0, 0).data(Qt.ItemDataRole.UserRole + 1)
    assert hit.title == "Новости региона"
    assert [hit.snippet[a:b] for a, b in hit.highlights][:3] == [
        "Казахстане",
        "Казахстан",
        "Казахстана",
    ]
    assert panel.status.text().startswith("1 found in ")


def test_a_result_shows_its_matched_words_in_the_match_colours(window, qtbot):
    from PySide6.QtGui import QTextCursor

    from reader.ui.shell.appearance import current_theme

    panel = search_for(window, qtbot, "казахстану")
    index = panel.model.index(0, 0)
    hit = index.data(Qt.ItemDataRole.UserRole + 1)
    document = panel.results.itemDelegate()._document(index, 400)
    match = current_theme().match
    cursor = QTextCursor(document)
    marked, word = [], ""
    for position in range(document.characterCount() - 1):
        cursor.setPosition(position + 1)  # (the format of the character before it)
        if cursor.charFormat().background().color().name() == match:
            word += document.characterAt(position)
        elif word:
            marked.append(word)
            word = ""
    assert marked == [hit.snippet[a:b] for a, b in hit.highlights]
    assert document.toPlainText().splitlines()[2] == hit.snippet  # the text as it is, all of it


def test_an_older_answer_never_replaces_a_newer_one(window, qtbot):
    panel = search_for(window, qtbot, "lighthouse")
    newest = panel._latest
    panel._show(newest - 1, Results([], 0, 0.0))  # a late answer to an older query
    assert panel.model.rowCount() == 1
    panel.box.setText("museum")
    first = panel.run()
    panel.box.setText("lighthouse")
    second = panel.run()
    qtbot.waitUntil(lambda: panel.status.text().startswith("1 found"), timeout=5000)
    assert second > first and panel.last_results.hits[0].title.startswith("Old Lighthouse")


def test_a_query_that_only_leaves_words_out_asks_for_a_word(window, qtbot):
    panel = search_for(window, qtbot, "lighthouse")
    panel.box.setText("-lighthouse")
    qtbot.waitUntil(lambda: panel.model.rowCount() == 0, timeout=5000)
    assert panel.status.text() == "Add a word to search for: a word after a minus is left out"
    panel.box.setText("museum -lighthouse")
    qtbot.waitUntil(lambda: panel.status.text().endswith(" ms"), timeout=5000)
    assert panel.status.text().startswith(f"{panel.last_results.total} found in ")


def test_source_filter_narrows_results(window, qtbot):
    panel = search_for(window, qtbot, "в")
    everything = panel.last_results.total
    panel.refresh_sources()
    panel.source_box.setCurrentIndex(panel.source_box.findData("example-news.ru"))
    qtbot.waitUntil(lambda: panel.last_results.total < everything, timeout=5000)
    assert {h.source for h in panel.last_results.hits} == {"example-news.ru"}


def test_opening_a_result_scrolls_to_the_first_match_and_highlights_all(window, qtbot):
    panel = search_for(window, qtbot, "Казахстан")
    panel.results.setFocus()
    qtbot.keyClick(panel.results, Qt.Key.Key_Return)
    view = window.article_view
    assert view.toPlainText().startswith("Новости региона")
    marked = [s.cursor.selectedText() for s in view.extraSelections()]
    assert marked == ["Казахстане", "Казахстан", "Казахстана", "Казахстан"]
    assert view.textCursor().position() == view.extraSelections()[0].cursor.selectionStart()


def test_find_in_article_counts_moves_and_closes(window, qtbot):
    window.open_article(
        next(
            window.model.id_at(r)
            for r in range(window.model.rowCount())
            if window.model.index(r, 0).data() == "Новости региона"
        )
    )
    qtbot.keyClick(window.article_view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    bar = window.find_bar
    assert bar.isVisible() and bar.field.hasFocus()
    bar.field.setText("казахстан")  # literally inside Казахстане, Казахстан, Казахстана, Казахстан
    assert bar.count.text() == "1 of 4"
    assert len(window.article_view.extraSelections()) == 4
    qtbot.keyClick(bar.field, Qt.Key.Key_Return)
    assert bar.count.text() == "2 of 4"
    qtbot.keyClick(bar.field, Qt.Key.Key_F3)
    assert bar.count.text() == "3 of 4"
    qtbot.keyClick(bar.field, Qt.Key.Key_F3, Qt.KeyboardModifier.ShiftModifier)
    assert bar.count.text() == "2 of 4"
    bar.field.setText("казахстана")
    assert bar.count.text() == "1 of 1"
    bar.related.setChecked(True)  # every form of the word
    assert bar.count.text() == "1 of 4"
    assert [s.cursor.selectedText() for s in window.article_view.extraSelections()] == [
        "Казахстане",
        "Казахстан",
        "Казахстана",
        "Казахстан",
    ]
    for _ in range(20):
        window.text_size.larger()
    assert len(window.article_view.extraSelections()) == 4  # still marked at 400 %
    qtbot.keyClick(bar.field, Qt.Key.Key_Escape)
    assert bar.isHidden() and window.article_view.extraSelections() == []


def test_find_with_no_match_says_so(window, qtbot):
    window.find_bar.open_bar()
    window.find_bar.field.setText("zzqx")
    assert window.find_bar.count.text() == "No matches"


def test_a_rebuilt_index_is_reported_in_the_status_bar(qtbot, tmp_path):
    from reader.core.file_import import import_paths
    from reader.core.store import Library
    from reader.paths import resolve_paths
    from reader.ui.shell.application import create_app, create_window

    data = tmp_path / "data"
    data.mkdir()
    with Library.open(data / "library.sqlite3") as library:
        import_paths(library, [FIXTURES / "dumps"])
        library._db.execute("DROP TABLE search_index")
    create_app()
    window = create_window(resolve_paths(data))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.content_loaded)
    assert (
        window.statusBar().currentMessage() == "The search index was missing; it has been rebuilt"
    )
    window.close()
    window.library.close()


def test_the_reading_state_filter_offers_the_librarys_states_and_recent_reading(window, qtbot):
    panel = search_for(window, qtbot, "в")
    everything = [hit.id for hit in panel.last_results.hits]
    box = panel.state_box
    assert [box.itemText(i) for i in range(box.count())] == [
        "Any reading state",
        "Unread",
        "In progress",
        "Finished",
        "Read in the last 7 days",
        "Read in the last 30 days",
    ]
    library_box = window.library_panel.state_box
    assert [library_box.itemText(i) for i in range(library_box.count())] == [
        "All articles",
        "Unread",
        "In progress",
        "Finished",
    ]
    window.open_article(everything[-1])  # read now (as is the article opened at start)
    read = [i for i in everything if window.history.get(i) is not None]
    unread = [i for i in everything if i not in read]
    assert everything[-1] in read and unread
    box.setCurrentIndex(box.findText("Read in the last 7 days"))
    qtbot.waitUntil(lambda: [hit.id for hit in panel.last_results.hits] == read, timeout=5000)
    box.setCurrentIndex(box.findText("Unread"))
    qtbot.waitUntil(lambda: [hit.id for hit in panel.last_results.hits] == unread, timeout=5000)


def test_results_show_dates_in_the_interface_language_format(window, qtbot):
    from PySide6.QtCore import QDate, QLocale

    panel = search_for(window, qtbot, "в")
    row = next(
        r
        for r in range(panel.model.rowCount())
        if panel.model.index(r, 0).data(Qt.ItemDataRole.UserRole + 1).published
    )
    index = panel.model.index(row, 0)
    published = index.data(Qt.ItemDataRole.UserRole + 1).published[:10]
    shown = panel.results.itemDelegate()._document(index, 400).toPlainText()
    local = QLocale().toString(
        QDate.fromString(published, Qt.DateFormat.ISODate), QLocale.FormatType.ShortFormat
    )
    assert local in shown.splitlines()[1]
    assert published not in shown
    # A screen reader hears all the row shows: title, source and date, snippet.
    hit = index.data(Qt.ItemDataRole.UserRole + 1)
    assert index.data().splitlines()[:2] == [hit.title, f"{hit.source} · {local}"]


def test_the_search_filters_leave_the_article_its_room(window, qtbot):
    # Side by side, the filters made the side pane as wide as the longest source name.
    panel = search_for(window, qtbot, "в")
    panel.refresh_sources()
    assert panel.source_box.count() > 2  # every source of the library is offered
    assert window.side_tabs.minimumSizeHint().width() < window.width() // 3


def test_a_library_indexed_the_old_way_is_rebuilt_in_the_background(qtbot, tmp_path, monkeypatch):
    import shiboken6

    import reader.core.store.library as library_module
    from reader.core.article import Article
    from reader.core.preferences import Preferences, State
    from reader.core.store import Library
    from reader.core.store.schema import MIGRATIONS
    from reader.ui.shell.main_window import MainWindow

    path = tmp_path / "old.sqlite3"
    monkeypatch.setattr(library_module, "SCHEMA_VERSION", 8)
    monkeypatch.setattr(library_module, "MIGRATIONS", MIGRATIONS[:8])
    with Library.open(path) as old:  # (indexed by stems, as before schema 9)
        for n in range(300):
            made = Article(title=f"Парк {n}", body=f"В парк пришли сотни людей ({n}).")
            made = made.with_derived_fields()
            made.imported_at = "2024-01-01T00:00:00"
            old.add(made)
    monkeypatch.undo()
    library = Library.open(path)
    window = MainWindow(
        library, Preferences(tmp_path / "p.json"), State(tmp_path / "s.json"), tmp_path
    )
    window.show()
    qtbot.waitUntil(lambda: window.content_loaded)
    rebuild = window.index_rebuild
    assert rebuild is not None
    assert rebuild.label.text().startswith("Rebuilding the search index")
    assert not rebuild.label.isHidden()
    qtbot.waitUntil(
        lambda: "search index is rebuilt" in window.statusBar().currentMessage(), timeout=60_000
    )
    assert rebuild.label.isHidden()
    assert not library.index_outdated
    panel = search_for(window, qtbot, "человек")
    assert panel.last_results.total == 300
    window.close()
    shiboken6.delete(window)
    library.close()
