"""Reading history in the window: resume, continue, states in the list, the History panel."""

import time
from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QVBoxLayout, QWidget

from reader.core.preferences import Preferences, State
from reader.ui.history.tracker import ReadingTracker
from reader.ui.reading.article_view import ArticleView
from reader.ui.shell.main_window import MainWindow

PARAGRAPHS = "\n\n".join(
    f"Paragraph {n}. " + " ".join(f"w{n}x{k}" for k in range(70)) for n in range(50)
)


@pytest.fixture
def articles(tmp_path):
    paths = []
    for name in ("alpha", "beta", "gamma"):
        path = tmp_path / f"{name}.md"
        path.write_text(
            f"# Story {name}\n\n{PARAGRAPHS.replace('Paragraph', name.title())}\n", encoding="utf-8"
        )
        paths.append(path)
    return paths


def top_paragraph(window):
    view = window.article_view
    return view.document().findBlockByNumber(view.top_position()[0]).text().split(".")[0]


def reopen(qtbot, tmp_path, library, make_window):
    window = MainWindow(
        library, Preferences(tmp_path / "preferences.json"), State(tmp_path / "state.json")
    )
    qtbot.addWidget(window)
    # Closed before the library is: its reading tracker must not write after that.
    make_window.adopt(window)
    window.show()
    qtbot.waitUntil(lambda: window.content_loaded)
    return window


def test_reopening_lands_on_the_same_paragraph_at_another_size(
    make_window, qtbot, tmp_path, library, articles
):
    window = make_window(*articles)
    target = window.model.id_at(0)
    window.open_article(target)
    window.article_view.scroll_to_position(30, 0.0)
    where = top_paragraph(window)
    window.close()  # (which saves the place at once)
    assert window.history.get(target).block == 30

    again = reopen(qtbot, tmp_path, library, make_window)
    for _ in range(5):
        again.text_size.larger()  # 110, 125, 150, 175, 200 %
    assert again.text_size.percent == 200
    again.open_article(window.model.id_at(1))
    again.open_article(target)
    assert top_paragraph(again) == where
    assert again.article_view.verticalScrollBar().value() > 0


@pytest.fixture
def reading_page(qtbot, library):
    """Makes a page of its own over a window's history, with a tracker that saves
    ``save_delay_ms`` after the reader scrolls (the app waits SAVE_DELAY_MS, 2 s). Its
    tracker is stopped before the library closes: its save timer and clock would write
    into the closed library during a later test."""
    trackers = []

    def make(window, save_delay_ms):
        page = QWidget()
        qtbot.addWidget(page)
        view = ArticleView(page)
        QVBoxLayout(page).addWidget(view)
        page.resize(600, 400)
        page.show()
        qtbot.waitExposed(page)
        view.show_html("".join(f"<p>{paragraph}</p>" for paragraph in PARAGRAPHS.split("\n\n")))
        tracker = ReadingTracker(window.history, view, page, save_delay_ms=save_delay_ms)
        trackers.append(tracker)
        return view, tracker

    yield make
    for tracker in trackers:
        tracker.stop()


def test_progress_is_saved_a_moment_after_scrolling(make_window, qtbot, articles, reading_page):
    window = make_window(*articles)
    article = window.model.id_at(2)  # (not the one the window opened)
    view, tracker = reading_page(window, save_delay_ms=50)
    tracker.open(article)
    view.scroll_to_position(20, 0.5)
    assert window.history.get(article).block == 0  # not written at once
    qtbot.waitUntil(lambda: window.history.get(article).block == 20)
    assert window.history.get(article).block_fraction == pytest.approx(0.5, abs=0.05)


def test_steady_scrolling_is_saved_as_it_goes_not_once_it_stops(
    make_window, qtbot, articles, reading_page
):
    window = make_window(*articles)
    article = window.model.id_at(2)
    view, tracker = reading_page(window, save_delay_ms=50)
    tracker.open(article)
    saves = []
    tracker.saved.connect(saves.append)
    bar = view.verticalScrollBar()

    def scroll_on() -> bool:  # a little further each time it is asked, about every 10 ms
        bar.setValue(bar.value() + 5)
        return len(saves) >= 3

    qtbot.waitUntil(scroll_on, timeout=3000)
    reading = window.history.get(article)
    assert (reading.block, reading.block_fraction) > (0, 0.0)


def test_switching_articles_saves_the_place_at_once(make_window, articles):
    window = make_window(*articles)
    first = window.current_article_id
    window.article_view.scroll_to_position(12, 0.0)
    window.open_article(window.model.id_at(2))
    assert window.history.get(first).block == 12


def test_continue_reading_opens_the_latest_unfinished_where_it_stopped(
    make_window, qtbot, articles
):
    window = make_window(*articles)
    a, b = window.model.id_at(0), window.model.id_at(1)
    window.open_article(a)
    window.article_view.scroll_to_position(25, 0.0)
    window.open_article(b)
    bar = window.article_view.verticalScrollBar()
    bar.setValue(bar.maximum())  # read to the end: finished
    window.open_article(window.model.id_at(2))
    window.history.remove(window.model.id_at(2))
    window.current_article_id = None
    window.tracker.article_id = None
    window.history_ui.continue_action.trigger()
    assert window.current_article_id == a
    assert top_paragraph(window).startswith(
        window.article_view.document().findBlockByNumber(25).text().split(".")[0]
    )
    assert window.history.get(b).finished


def test_continue_at_start_when_chosen(make_window, qtbot, tmp_path, library, articles):
    window = make_window(*articles)
    a, b = window.model.id_at(2), window.model.id_at(0)
    window.open_article(a)
    window.article_view.scroll_to_position(10, 0.0)
    window.open_article(b)
    bar = window.article_view.verticalScrollBar()
    bar.setValue(bar.maximum())  # b is read to the end, and is the last one open
    window.history_ui.continue_on_start_action.setChecked(True)
    window.close()
    again = reopen(qtbot, tmp_path, library, make_window)
    assert again.current_article_id == a


def test_the_list_shows_reading_state_and_filters_by_it(make_window, qtbot, articles):
    window = make_window(*articles)
    model = window.model
    a, b, c = (model.id_at(r) for r in range(3))
    window.open_article(b)
    window.article_view.scroll_to_position(10, 0.0)
    window.open_article(c)
    bar = window.article_view.verticalScrollBar()
    bar.setValue(bar.maximum())
    window.tracker.flush()
    window.library_panel.refresh()
    shown = {model.id_at(r): model.index(r, 3).data() for r in range(3)}
    assert shown[c] == "Finished"
    assert shown[b].endswith("%") and 0 < int(shown[b][:-1]) < 100
    window.history.remove(a)
    window.library_panel.refresh()
    assert model.index(model.row_of(a), 3).data() == "Unread"
    box = window.library_panel.state_box
    for label, expected in (("Unread", [a]), ("In progress", [b]), ("Finished", [c])):
        box.setCurrentIndex(box.findText(label))
        assert [model.id_at(r) for r in range(model.rowCount())] == expected
    box.setCurrentIndex(0)
    assert model.rowCount() == 3


def test_history_panel_groups_entries_by_day(make_window, articles):
    window = make_window(*articles)
    now = datetime(2026, 11, 27, 9, 0)
    window.history.clock = lambda: now.timestamp()
    window.history.clear()
    ids = [window.model.id_at(r) for r in range(3)]
    moments = (now - timedelta(hours=1), now - timedelta(days=1), now - timedelta(days=20))
    for article, when in zip(ids, moments, strict=True):
        window.history.clock = lambda when=when: when.timestamp()
        window.history.open_session(article)
    window.history.clock = lambda: now.timestamp()
    window.history_ui.show()
    model = window.history_ui.panel.model
    rows = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert rows[0] == "Today" and rows[2] == "Yesterday" and rows[4] == "Earlier"
    assert rows[1].split("\n")[0] == window.history.entries_for([ids[0]])[0].title
    assert len(rows) == 6
    assert window.history_ui.panel.isVisible()


def test_history_panel_filter_open_and_remove(make_window, qtbot, articles):
    window = make_window(*articles)
    for r in range(3):
        window.open_article(window.model.id_at(r))
    window.history_ui.show()
    panel = window.history_ui.panel
    qtbot.keyClicks(panel.filter_box, "gamma")
    qtbot.waitUntil(lambda: panel.model.entry_count() == 1)
    row = next(r for r in range(panel.model.rowCount()) if panel.model.id_at(r) is not None)
    panel.view.setCurrentIndex(panel.model.index(row, 0))
    panel.view.setFocus()
    qtbot.keyClick(panel.view, Qt.Key.Key_Return)
    assert window.article_view.toPlainText().startswith("Story gamma")
    qtbot.keyClick(panel.view, Qt.Key.Key_Delete)
    assert panel.model.entry_count() == 0
    assert window.history.count() == 2


def test_clear_history_asks_first(make_window, answer_dialogs, articles):
    window = make_window(*articles)
    for r in range(3):
        window.open_article(window.model.id_at(r))
    answer_dialogs.reply = QMessageBox.StandardButton.Cancel
    window.history_ui.clear_action.trigger()
    assert window.history.count() == 3
    answer_dialogs.reply = QMessageBox.StandardButton.Yes
    window.history_ui.clear_action.trigger()
    assert window.history.count() == 0
    assert answer_dialogs.asked[-1].startswith("Forget every article you have read")
    assert window.library.count() == 3


def test_pause_records_nothing_and_the_window_says_so(make_window, qtbot, articles):
    window = make_window(*articles)
    assert window.history_ui.paused_label.isHidden()
    window.history_ui.pause_action.trigger()
    window.history.clear()
    assert (
        window.history_ui.paused_label.isVisible()
        and window.history_ui.paused_label.text() == "History paused"
    )
    window.open_article(window.model.id_at(1))
    window.article_view.scroll_to_position(10, 0.0)
    window.tracker.flush()
    assert window.history.count() == 0
    assert window.preferences.get("history_paused") is True
    window.history_ui.pause_action.trigger()
    assert window.history_ui.paused_label.isHidden()
    window.open_article(window.model.id_at(2))
    assert window.history.count() == 1


def test_retention_choice_is_applied(make_window, articles):
    window = make_window(*articles)
    old = window.model.id_at(0)
    window.history.clock = lambda: (datetime.now() - timedelta(days=40)).timestamp()
    window.history.open_session(old)
    window.history.clock = time.time
    assert window.history.get(old) is not None
    thirty = next(a for a in window.history_ui.retention_group.actions() if a.data() == 30)
    thirty.trigger()
    assert window.history.get(old) is None
    assert window.preferences.get("history_retention_days") == 30


def test_removing_an_article_removes_its_history(make_window, answer_dialogs, articles):
    window = make_window(*articles)
    article = window.current_article_id
    assert window.history.get(article) is not None
    window.remove_articles([article])
    assert window.history.get(article) is None


def reading_with_a_clock(window):
    """The open article's reading time so far, and a clock the tracker reads (``now[0]``)."""
    tracker = window.tracker
    before = window.history.get(window.current_article_id).active_seconds
    now = [1000.0]
    tracker._clock = lambda: now[0]
    tracker._last_activity = now[0]
    return tracker, before, now


def test_active_reading_time_counts_only_while_active_and_not_idle(make_window, articles):
    window = make_window(*articles)
    article = window.current_article_id
    tracker, before, now = reading_with_a_clock(window)
    assert window.isActiveWindow()
    for _ in range(6):  # 30 s of reading, ticking every 5 s
        now[0] += 5
        tracker._count_time()
    now[0] += 180  # then the reader walks away: idle for three minutes
    for _ in range(4):
        now[0] += 5
        tracker._count_time()
    tracker.flush()
    assert window.history.get(article).active_seconds - before == 30


def test_a_key_press_in_the_article_is_reading_not_idling(qtbot, make_window, articles):
    window = make_window(*articles)
    article = window.current_article_id
    tracker, before, now = reading_with_a_clock(window)
    now[0] += 600  # ten minutes without touching anything: idle
    tracker._count_time()
    tracker.flush()
    assert window.history.get(article).active_seconds == before
    qtbot.keyClick(window.article_view, Qt.Key.Key_Down)  # the reader is back
    tracker._count_time()
    tracker.flush()
    assert window.history.get(article).active_seconds - before == 5
