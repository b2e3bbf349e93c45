"""Preferences (what the reader chose) and state (what the app remembers by itself).

Both are small JSON files. Every preference has one typed default in one table; a value
of the wrong type or out of range falls back to its default. A missing or corrupt file
gives the defaults and a warning in the log, never a crash, and the next save writes a
valid file (atomically: a crash mid-save leaves the previous file whole).
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any, NamedTuple

from reader.core.marks import COLOURS as HIGHLIGHT_COLOURS
from reader.core.reading_settings import (
    ALIGNMENTS,
    COLUMNS,
    LINE_FOCUS,
    READ_ALOUD_HIGHLIGHTS,
    SPACINGS,
    Range,
)
from reader.core.themes import THEME_CHOICES

log = logging.getLogger(__name__)

# The languages the interface speaks (a catalogue in resources/translations for each but
# English); the preference may also be "system": the system's language when it is one.
INTERFACE_LANGUAGES = ("en", "ru")
LANGUAGE_CHOICES = ("system", *INTERFACE_LANGUAGES)
RETENTION_CHOICES = (0, 30, 90, 365)  # Keep History, in days; 0 keeps everything


class Setting(NamedTuple):
    default: Any
    valid: Callable[[Any], bool] = lambda value: True


def _is_int_between(low: int, high: int) -> Callable[[Any], bool]:
    return lambda v: isinstance(v, int) and not isinstance(v, bool) and low <= v <= high


def _is_number_between(low: float, high: float) -> Callable[[Any], bool]:
    return lambda v: (
        isinstance(v, int | float) and not isinstance(v, bool) and low - 1e-9 <= v <= high + 1e-9
    )


def _is_number_in(bounds: Range) -> Callable[[Any], bool]:
    return _is_number_between(bounds.low, bounds.high)


# The one table of preferences: name -> default and what makes a value acceptable.
PREFERENCES: dict[str, Setting] = {
    "text_size_percent": Setting(100, _is_int_between(50, 400)),
    # Point size that 100 % stands for; 0 means "derived from the system font".
    "base_font_pt": Setting(0, lambda v: isinstance(v, int | float) and (v == 0 or 6 <= v <= 72)),
    "history_paused": Setting(False, lambda v: isinstance(v, bool)),
    # Days to keep history entries (0: keep them all).
    "history_retention_days": Setting(0, lambda v: v in RETENTION_CHOICES),
    "continue_on_start": Setting(False, lambda v: isinstance(v, bool)),
    # A movable text cursor in the article (F7), as browsers' caret browsing; it is also
    # on, without being saved, while a screen reader is running.
    "text_cursor": Setting(False, lambda v: isinstance(v, bool)),
    # Appearance and reading comfort (reader.core.themes, reader.core.reading_settings).
    "theme": Setting("system", lambda v: v in THEME_CHOICES),
    "font_family": Setting("", lambda v: isinstance(v, str) and len(v) <= 200),  # "": the default
    # Spacing: its ranges and units are in reading_settings.SPACINGS (Reading Settings
    # offers the same).
    "line_spacing": Setting(1.5, _is_number_in(SPACINGS["line_spacing"])),
    "paragraph_spacing": Setting(0.8, _is_number_in(SPACINGS["paragraph_spacing"])),
    "letter_spacing": Setting(0.0, _is_number_in(SPACINGS["letter_spacing"])),
    "word_spacing": Setting(0.0, _is_number_in(SPACINGS["word_spacing"])),
    "column_width": Setting("medium", lambda v: v in COLUMNS),
    "text_align": Setting("left", lambda v: v in ALIGNMENTS),
    # Lines left undimmed by line focus (0: off); not True, not 3.0.
    "line_focus": Setting(0, lambda v: type(v) is int and v in LINE_FOCUS),
    "interface_language": Setting("system", lambda v: v in LANGUAGE_CHOICES),
    # The colour a new highlight gets (reader.core.marks.COLOURS).
    "highlight_colour": Setting(HIGHLIGHT_COLOURS[0], lambda v: v in HIGHLIGHT_COLOURS),
    # What Read Aloud highlights as it reads (reading_settings.READ_ALOUD_HIGHLIGHTS).
    "read_aloud_highlight": Setting("words", lambda v: v in READ_ALOUD_HIGHLIGHTS),
}


class JsonStore:
    """A dict of values kept in one JSON file."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.values: dict[str, Any] = self._load()

    def _load(self) -> dict[str, Any]:
        try:
            text = self.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return {}
        except OSError as exc:
            log.warning("cannot read %s (%s); using defaults", self.path, exc.strerror)
            return {}
        try:
            data = json.loads(text)
        except ValueError as exc:
            log.warning("%s is not valid JSON (%s); using defaults", self.path, exc)
            return {}
        if not isinstance(data, dict):
            log.warning("%s does not hold a JSON object; using defaults", self.path)
            return {}
        return data

    def save(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        partial = self.path.with_name(self.path.name + ".part")
        partial.write_text(json.dumps(self.values, ensure_ascii=False, indent=2), encoding="utf-8")
        partial.replace(self.path)


class Preferences(JsonStore):
    def get(self, name: str) -> Any:
        setting = PREFERENCES[name]
        value = self.values.get(name, setting.default)
        if value is not setting.default and not setting.valid(value):
            log.warning(
                "preference %s=%r in %s is not valid; using %r",
                name,
                value,
                self.path,
                setting.default,
            )
            return setting.default
        return value

    def set(self, name: str, value: Any) -> None:
        setting = PREFERENCES[name]
        if not setting.valid(value):
            raise ValueError(f"{value!r} is not a valid value for the preference {name!r}")
        self.values[name] = value
        self._keep()

    def update(self, values: dict[str, Any]) -> None:
        """Set several preferences with one save; none of them if any is invalid."""
        for name, value in values.items():
            if not PREFERENCES[name].valid(value):
                raise ValueError(f"{value!r} is not a valid value for the preference {name!r}")
        self.values.update(values)
        self._keep()

    def _keep(self) -> None:
        """Save; where the file cannot be written (a read-only or full disk) the choice
        still holds until the app closes, and the log says why it was not kept."""
        try:
            self.save()
        except OSError as exc:
            log.warning(
                "cannot save the preferences to %s (%s); they hold until the app closes",
                self.path,
                exc.strerror or exc,
            )


class State(JsonStore):
    """Window geometry, splitter sizes, the last open article: not choices, memories."""

    def get(self, name: str, default: Any = None) -> Any:
        return self.values.get(name, default)

    def set(self, name: str, value: Any) -> None:
        self.values[name] = value
