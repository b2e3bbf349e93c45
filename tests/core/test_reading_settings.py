"""Reading settings: the WCAG 1.4.12 values are reachable, presets are valid, updates
are all or nothing."""

import json

import pytest

from reader.core.preferences import PREFERENCES, Preferences
from reader.core.reading_settings import PRESETS, ReadingSettings


def test_wcag_text_spacing_values_are_accepted_and_beyond_them_refused(tmp_path):
    preferences = Preferences(tmp_path / "preferences.json")
    wcag = {
        "line_spacing": 1.5,
        "paragraph_spacing": 2.0,
        "letter_spacing": 0.12,
        "word_spacing": 0.16,
    }
    preferences.update(wcag)
    assert ReadingSettings.from_preferences(
        Preferences(tmp_path / "preferences.json")
    ).with_() == ReadingSettings(**wcag)
    for name, value in {
        "line_spacing": 2.6,
        "letter_spacing": 0.2,
        "word_spacing": -0.1,
        "column_width": "huge",
        "text_align": "center",
        "font_family": 3,
        "line_focus": 2,
    }.items():
        assert not PREFERENCES[name].valid(value), name


def test_an_update_with_one_bad_value_changes_nothing(tmp_path):
    path = tmp_path / "preferences.json"
    preferences = Preferences(path)
    preferences.update({"line_spacing": 2.0})
    with pytest.raises(ValueError, match="letter_spacing"):
        preferences.update({"line_spacing": 1.2, "letter_spacing": 1.0})
    assert json.loads(path.read_text())["line_spacing"] == 2.0


def test_a_hand_edited_bad_value_falls_back_to_the_default(tmp_path):
    path = tmp_path / "preferences.json"
    path.write_text(json.dumps({"word_spacing": "wide", "line_spacing": 9}), encoding="utf-8")
    settings = ReadingSettings.from_preferences(Preferences(path))
    assert (settings.word_spacing, settings.line_spacing) == (0.0, 1.5)


@pytest.mark.parametrize("key", list(PRESETS))
def test_every_preset_holds_valid_preferences(key):
    for name, value in PRESETS[key].values.items():
        assert PREFERENCES[name].valid(value), (key, name, value)


def test_the_presets_do_what_they_promise():
    low, dyslexia = PRESETS["low_vision"].values, PRESETS["dyslexia"].values
    assert low["theme"] == "high_contrast" and low["text_size_percent"] >= 200
    assert dyslexia["text_align"] == "left" and dyslexia["column_width"] == "narrow"
    default = ReadingSettings()
    assert dyslexia["letter_spacing"] > default.letter_spacing
    assert (
        dyslexia["word_spacing"] > default.word_spacing
        and dyslexia["line_spacing"] > default.line_spacing
    )


def test_line_focus_is_one_of_its_choices_kept_as_a_reading_setting(tmp_path):
    path = tmp_path / "preferences.json"
    preferences = Preferences(path)
    assert ReadingSettings.from_preferences(preferences).line_focus == 0  # off at first
    for lines in (1, 3, 5, 0):
        preferences.update(ReadingSettings(line_focus=lines).as_preferences())
        kept = ReadingSettings.from_preferences(Preferences(path))
        assert kept.line_focus == lines
    assert json.loads(path.read_text())["line_focus"] == 0


def test_only_the_dyslexia_preset_turns_line_focus_on_and_the_default_turns_it_off():
    assert PRESETS["dyslexia"].values["line_focus"] == 3
    assert PRESETS["default"].values["line_focus"] == 0
    assert "line_focus" not in PRESETS["low_vision"].values  # (left as the reader has it)
