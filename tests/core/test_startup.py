"""What a start does, without Qt: the history trimmed as the reader chose, and the
article the window opens on."""

from datetime import datetime, timedelta

import pytest

from helpers import FIXTURES
from reader.core.file_import import import_paths
from reader.core.history import History
from reader.core.preferences import Preferences
from reader.core.startup import articles_to_open, trim_history


@pytest.fixture
def filled(library):
    import_paths(library, [FIXTURES / "dumps"])
    return library


@pytest.fixture
def preferences(tmp_path):
    return Preferences(tmp_path / "preferences.json")


def _read(library, article_id, when: datetime, seen: float) -> None:
    history = History(library, lambda: when.timestamp())
    history.open_session(article_id)
    history.record_progress(article_id, block=2, block_fraction=0.5, seen=seen)


def test_the_window_opens_on_the_last_article_then_the_first_listed(filled, preferences):
    ids = filled.ids()
    history = History(filled)
    assert articles_to_open(history, preferences, ids[2], ids[0]) == [ids[2], ids[0]]
    assert articles_to_open(history, preferences, None, ids[0]) == [ids[0]]
    # The state file is the reader's to edit: a value that is no id is passed over.
    assert articles_to_open(history, preferences, "7", ids[0]) == [ids[0]]
    assert articles_to_open(history, preferences, None, None) == []


def test_continue_reading_at_start_puts_the_latest_unfinished_article_first(filled, preferences):
    ids = filled.ids()
    now = datetime.now()
    _read(filled, ids[1], now - timedelta(hours=2), seen=0.3)
    _read(filled, ids[3], now - timedelta(hours=1), seen=1.0)  # finished: not continued
    history = History(filled)
    assert articles_to_open(history, preferences, ids[2], ids[0]) == [ids[2], ids[0]]
    preferences.set("continue_on_start", True)
    assert articles_to_open(history, preferences, ids[2], ids[0]) == [ids[1], ids[2], ids[0]]
    # Each article is tried once, however many reasons there are to open it.
    assert articles_to_open(history, preferences, ids[1], ids[1]) == [ids[1]]


def test_history_older_than_the_keep_history_choice_is_forgotten(filled, preferences):
    ids = filled.ids()
    now = datetime.now()
    _read(filled, ids[0], now - timedelta(days=45), seen=0.5)
    _read(filled, ids[1], now - timedelta(days=5), seen=0.5)
    history = History(filled)
    assert trim_history(history, preferences, read_only=False) == 0  # kept forever
    preferences.set("history_retention_days", 30)
    assert trim_history(history, preferences, read_only=True) == 0  # a read-only library
    assert history.count() == 2
    assert trim_history(history, preferences, read_only=False) == 1
    assert [entry.reading.article_id for entry in history.entries()] == [ids[1]]
