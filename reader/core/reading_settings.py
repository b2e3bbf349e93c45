"""How the article is set: font, spacing, column, alignment; and presets of them.

Values live in the preferences, which accept the ranges below (Reading Settings offers
the same). The ranges reach the WCAG 1.4.12 text-spacing values: line height 1.5,
paragraph spacing 2 em, letter spacing 0.12 em and word spacing 0.16 em.
"""

from __future__ import annotations

from typing import Any, NamedTuple

# Characters per line of each column width ("full": the whole view, less a margin).
COLUMNS = {"narrow": 55, "medium": 70, "wide": 90, "full": 0}
ALIGNMENTS = ("left", "justify")
# What Read Aloud highlights: the word being said inside its sentence (where the speech
# engine reports words; else the sentence), the sentence alone, or nothing.
READ_ALOUD_HIGHLIGHTS = ("words", "sentence", "none")
# Line focus (a reading ruler): how many lines around the text cursor, or the sentence read
# aloud, stay as they are while the rest of the article is dimmed; 0 is off.
LINE_FOCUS = (0, 1, 3, 5)


class Range(NamedTuple):
    low: float
    high: float
    step: float  # one press of an arrow key in Reading Settings


# How far each spacing may go: the preferences accept these, the settings offer them.
SPACINGS: dict[str, Range] = {
    "line_spacing": Range(1.0, 2.5, 0.1),  # times the font size
    "paragraph_spacing": Range(0.0, 3.0, 0.1),  # em after a paragraph
    "letter_spacing": Range(0.0, 0.12, 0.01),  # em
    "word_spacing": Range(0.0, 0.16, 0.02),  # em
}


class ReadingSettings(NamedTuple):
    font_family: str = ""  # "": the reading default
    line_spacing: float = 1.5
    paragraph_spacing: float = 0.8
    letter_spacing: float = 0.0
    word_spacing: float = 0.0
    column_width: str = "medium"
    text_align: str = "left"
    line_focus: int = 0  # one of LINE_FOCUS

    @classmethod
    def from_preferences(cls, preferences) -> ReadingSettings:
        return cls(**{name: preferences.get(name) for name in cls.names()})

    @staticmethod
    def names() -> tuple[str, ...]:
        return ReadingSettings._fields

    def as_preferences(self) -> dict[str, Any]:
        return self._asdict()

    def with_(self, **changes: Any) -> ReadingSettings:
        return self._replace(**changes)

    @property
    def column_characters(self) -> int:
        return COLUMNS.get(self.column_width, COLUMNS["medium"])


class Preset(NamedTuple):
    key: str  # (its name and what it does, translated: ui.settings.comfort.preset_texts)
    values: dict[str, Any]  # preferences: reading settings, and a theme or text size


PRESETS: dict[str, Preset] = {
    preset.key: preset
    for preset in (
        Preset(
            "default",
            {**ReadingSettings()._asdict(), "theme": "system", "text_size_percent": 100},
        ),
        Preset(
            "low_vision",
            {
                "font_family": "",
                "line_spacing": 1.8,
                "paragraph_spacing": 1.5,
                "letter_spacing": 0.05,
                "word_spacing": 0.1,
                "column_width": "wide",
                "text_align": "left",
                "theme": "high_contrast",
                "text_size_percent": 200,
            },
        ),
        Preset(
            "dyslexia",
            {
                "font_family": "",
                "line_spacing": 2.0,
                "paragraph_spacing": 2.0,
                "letter_spacing": 0.12,
                "word_spacing": 0.16,
                "column_width": "narrow",
                "text_align": "left",
                # (Shown at once, and left to the reader: Ctrl+Shift+L or Reading
                # Settings turns it off again. The other presets leave it as it is.)
                "line_focus": 3,
                "theme": "sepia",
                "text_size_percent": 125,
            },
        ),
    )
}
