"""The reading history in the library: sessions, progress, states, control, retention."""

from datetime import datetime, timedelta

import pytest

from helpers import FIXTURES
from reader.core.file_import import import_paths
from reader.core.history import History, day_group, reading_state


class Clock:
    def __init__(self, start: datetime) -> None:
        self.now = start.timestamp()

    def __call__(self) -> float:
        return self.now

    def advance(self, **delta) -> None:
        self.now += timedelta(**delta).total_seconds()


@pytest.fixture
def clock():
    return Clock(datetime(2026, 11, 27, 10, 0, 0))


@pytest.fixture
def filled(library):
    import_paths(library, [FIXTURES / "dumps"])
    return library


def test_opening_and_reading_is_recorded(filled, clock):
    history = History(filled, clock)
    article = filled.ids()[0]
    history.open_session(article)
    clock.advance(minutes=3)
    history.record_progress(article, block=7, block_fraction=0.25, seen=0.4, active_seconds=170)
    history.record_progress(article, block=3, block_fraction=0.5, seen=0.2, active_seconds=10)
    clock.advance(days=1)
    history.open_session(article)
    reading = history.get(article)
    assert reading.sessions == 2
    assert reading.first_opened == clock.now - 86400 - 180
    assert reading.last_opened == clock.now
    assert reading.active_seconds == 180
    assert reading.furthest == 0.4  # scrolling back does not undo what was read
    assert (reading.block, reading.block_fraction) == (3, 0.5)  # but the place follows
    assert reading_state(reading) == "in_progress" and reading.percent == 40


def test_reaching_the_end_finishes_an_article_for_good(filled, clock):
    history = History(filled, clock)
    article = filled.ids()[0]
    history.record_progress(article, 40, 0.9, seen=0.99)
    history.record_progress(article, 0, 0.0, seen=0.1)
    assert history.get(article).finished
    assert reading_state(history.get(article)) == "finished"


def test_the_library_filters_by_reading_state(filled, clock):
    history = History(filled, clock)
    a, b, *rest = filled.ids()
    history.record_progress(a, 2, 0.0, seen=0.3)
    history.record_progress(b, 9, 0.0, seen=1.0)
    assert filled.ids(state="in_progress") == [a]
    assert filled.ids(state="finished") == [b]
    assert filled.ids(state="unread") == rest


def test_pause_records_nothing(filled, clock):
    history = History(filled, clock)
    history.paused = True
    article = filled.ids()[0]
    history.open_session(article)
    history.record_progress(article, 1, 0.0, seen=0.5)
    assert history.count() == 0


def test_continue_reading_finds_the_most_recent_unfinished(filled, clock):
    history = History(filled, clock)
    a, b, c = filled.ids()[:3]
    history.record_progress(a, 4, 0.0, seen=0.5)
    clock.advance(hours=1)
    history.record_progress(b, 8, 0.0, seen=1.0)  # finished: not to be continued
    clock.advance(hours=1)
    history.record_progress(c, 2, 0.3, seen=0.2)
    assert history.most_recent_unfinished().article_id == c
    history.remove(c)
    assert history.most_recent_unfinished().article_id == a


def test_clear_remove_and_article_removal(filled, clock):
    history = History(filled, clock)
    ids = filled.ids()
    for article in ids:
        history.open_session(article)
    assert history.remove(ids[0]) and history.get(ids[0]) is None
    filled.remove([ids[1]])  # removing an article removes its history
    assert history.get(ids[1]) is None
    assert history.count() == len(ids) - 2
    assert history.clear() == len(ids) - 2
    assert history.count() == 0


def test_retention_forgets_only_what_is_older(filled, clock):
    history = History(filled, clock)
    old, recent = filled.ids()[:2]
    history.open_session(old)
    clock.advance(days=31)
    history.open_session(recent)
    assert history.apply_retention(0) == 0
    assert history.apply_retention(90) == 0
    assert history.apply_retention(30) == 1
    assert history.get(old) is None and history.get(recent) is not None


def test_entries_are_newest_first_and_filter_by_title(filled, clock):
    history = History(filled, clock)
    ids = filled.ids()
    for article in ids:
        clock.advance(minutes=5)
        history.open_session(article)
    entries = history.entries()
    assert [e.reading.article_id for e in entries] == list(reversed(ids))
    lighthouse = history.entries(text="LIGHTHOUSE")
    assert [e.title for e in lighthouse] == ["Old Lighthouse Reopens as a Small Maritime Museum"]


@pytest.mark.parametrize(
    ("moment", "group"),
    [
        (datetime(2026, 11, 27, 0, 5), "today"),
        (datetime(2026, 11, 26, 23, 59), "yesterday"),
        (datetime(2026, 11, 26, 0, 0), "yesterday"),
        (datetime(2026, 11, 25, 23, 59), "this_week"),
        (datetime(2026, 11, 21, 12, 0), "this_week"),
        (datetime(2026, 11, 20, 23, 59), "earlier"),
        (datetime(2025, 1, 1), "earlier"),
    ],
)
def test_day_groups_across_day_boundaries(moment, group):
    now = datetime(2026, 11, 27, 0, 1).timestamp()
    assert day_group(moment.timestamp(), now) == group


def test_the_reading_states_are_one_list_the_store_filters_by():
    from reader.core.history import STATES
    from reader.core.store.history_table import STATE_CONDITIONS

    assert tuple(STATE_CONDITIONS) == STATES
    assert reading_state(None) in STATES
