"""Preferences and state files: defaults, bad values, corrupt files, atomic saves."""

import json

import pytest

from reader.core.preferences import Preferences, State


def test_missing_file_gives_defaults(tmp_path):
    prefs = Preferences(tmp_path / "preferences.json")
    assert prefs.get("text_size_percent") == 100
    assert prefs.get("history_paused") is False
    assert prefs.get("history_retention_days") == 0


@pytest.mark.parametrize(
    ("name", "bad"),
    [
        ("text_size_percent", "huge"),
        ("text_size_percent", 1000),
        ("text_size_percent", True),
        ("history_retention_days", 45),
        ("history_paused", "yes"),
        ("base_font_pt", 2),
        ("text_cursor", "on"),
        ("text_cursor", 1),
        ("line_focus", 4),
        ("line_focus", "x"),
        ("line_focus", True),
        ("line_focus", 3.0),
        ("line_focus", -1),
        ("read_aloud_highlight", "karaoke"),
        ("read_aloud_highlight", True),
    ],
)
def test_a_bad_value_in_the_file_falls_back_to_the_default_with_a_warning(
    tmp_path, caplog, name, bad
):
    path = tmp_path / "preferences.json"
    path.write_text(json.dumps({name: bad}), encoding="utf-8")
    prefs = Preferences(path)
    from reader.core.preferences import PREFERENCES

    assert prefs.get(name) == PREFERENCES[name].default
    assert f"preference {name}=" in caplog.text


def test_setting_a_bad_value_is_refused_and_nothing_is_written(tmp_path):
    path = tmp_path / "preferences.json"
    prefs = Preferences(path)
    with pytest.raises(
        ValueError, match="not a valid value for the preference 'text_size_percent'"
    ):
        prefs.set("text_size_percent", 401)
    assert not path.exists()


@pytest.mark.parametrize("content", ["", "{", "[1, 2]", "null", "\x00\x01 binary"])
def test_corrupt_files_give_defaults_and_the_next_save_is_valid(tmp_path, caplog, content):
    path = tmp_path / "state.json"
    path.write_text(content, encoding="utf-8")
    state = State(path)
    assert state.get("last_article") is None
    state.set("last_article", 7)
    state.save()
    assert json.loads(path.read_text(encoding="utf-8")) == {"last_article": 7}
    assert not path.with_name("state.json.part").exists()


def test_a_choice_that_cannot_be_saved_still_holds_and_the_log_says_why(tmp_path, caplog):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the folder should be", encoding="utf-8")
    preferences = Preferences(blocker / "preferences.json")
    preferences.set("text_size_percent", 150)
    assert preferences.get("text_size_percent") == 150
    assert "cannot save the preferences" in caplog.text
    assert blocker.read_text(encoding="utf-8") == "a file where the folder should be"
