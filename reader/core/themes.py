"""Colour themes as plain data, and the WCAG contrast arithmetic that checks them.

A theme names every colour the window uses, so the whole window (panels, lists, menus,
the article) changes together. Each theme meets WCAG 2.2 AAA: body text at least 7:1
against its background, every other text at least 4.5:1, and what is not text but must
be seen (focus ring, borders of controls, the selection) at least 3:1. tests/core
checks every pair in ``CONTRAST_RULES`` for every theme.
"""

from __future__ import annotations

from typing import NamedTuple

SYSTEM = "system"  # follow the desktop's light or dark scheme


class Theme(NamedTuple):
    key: str
    dark: bool
    base: str  # the article's and the lists' background
    text: str  # body text on ``base``
    window: str  # panels, toolbar, menus
    window_text: str
    alternate_base: str  # every other row of a list
    secondary_text: str  # byline, details, placeholders (on ``base`` and ``window``)
    button: str
    button_text: str
    highlight: str  # selection
    highlighted_text: str
    link: str
    border: str  # edges of fields, buttons and panes
    focus: str  # the focus ring
    match: str  # search and find matches
    match_text: str
    # Read aloud, where the engine reports words: the sentence being read, softly (its text
    # keeps its own colours), around the word being said, which stands out from it and from
    # the reader's highlights (the selection's colours, but in high contrast, where those
    # are yellow like a highlight).
    spoken_sentence: str
    spoken_word: str
    spoken_word_text: str
    disabled_text: str
    tooltip_base: str
    tooltip_text: str


THEMES: dict[str, Theme] = {
    theme.key: theme
    for theme in (
        Theme(
            key="light",
            dark=False,
            base="#ffffff",
            text="#1b1b1b",
            window="#f2f2f0",
            window_text="#1b1b1b",
            alternate_base="#f6f6f4",
            secondary_text="#4a4a4a",
            button="#e6e6e3",
            button_text="#1b1b1b",
            highlight="#1d4f91",
            highlighted_text="#ffffff",
            link="#0a4a8f",
            border="#767676",
            focus="#1d4f91",
            match="#ffd84d",
            match_text="#000000",
            spoken_sentence="#e0e4ec",
            spoken_word="#1d4f91",
            spoken_word_text="#ffffff",
            disabled_text="#5c5c5c",
            tooltip_base="#1b1b1b",
            tooltip_text="#ffffff",
        ),
        Theme(
            key="sepia",
            dark=False,
            base="#f5ecd9",
            text="#33281b",
            window="#eadfc6",
            window_text="#33281b",
            alternate_base="#efe5cf",
            secondary_text="#5a4a36",
            button="#dfd2b5",
            button_text="#33281b",
            highlight="#6b3f12",
            highlighted_text="#fff8ea",
            link="#6a3500",
            border="#8a7557",
            focus="#6b3f12",
            match="#f2c14e",
            match_text="#1f1609",
            spoken_sentence="#dfd3c0",
            spoken_word="#6b3f12",
            spoken_word_text="#fff8ea",
            disabled_text="#5e4f3b",
            tooltip_base="#33281b",
            tooltip_text="#f5ecd9",
        ),
        Theme(
            key="dark",
            dark=True,
            base="#1c1c1e",
            text="#e8e6e3",
            window="#26262a",
            window_text="#e8e6e3",
            alternate_base="#222225",
            secondary_text="#b9b6b0",
            button="#34343a",
            button_text="#e8e6e3",
            highlight="#8fb8ff",
            highlighted_text="#0d1420",
            link="#9cc2ff",
            border="#8a8a90",
            focus="#8fb8ff",
            match="#e0b93a",
            match_text="#000000",
            spoken_sentence="#2f3445",
            spoken_word="#8fb8ff",
            spoken_word_text="#0d1420",
            disabled_text="#a3a09b",
            tooltip_base="#e8e6e3",
            tooltip_text="#1c1c1e",
        ),
        Theme(
            key="high_contrast",
            dark=True,
            base="#000000",
            text="#ffffff",
            window="#000000",
            window_text="#ffffff",
            alternate_base="#141414",
            secondary_text="#ffff00",
            button="#000000",
            button_text="#ffffff",
            highlight="#ffff00",
            highlighted_text="#000000",
            link="#ffff00",
            border="#ffffff",
            focus="#00ffff",
            match="#00ffff",
            match_text="#000000",
            spoken_sentence="#23236b",
            spoken_word="#ffffff",
            spoken_word_text="#000000",
            disabled_text="#c8c8c8",
            tooltip_base="#ffffff",
            tooltip_text="#000000",
        ),
    )
}
# The highlight colours of each theme (reader.core.marks.COLOURS): the background and the
# text on it, at least 7:1 (AAA) like the body text. Light themes tint the page as a
# highlighter pen does, dark ones darken it; a highlight is also underlined, so that it is
# not told by its colour alone.
MARK_COLOURS: dict[str, dict[str, tuple[str, str]]] = {
    "light": {
        "yellow": ("#fff09a", "#000000"),
        "green": ("#c4efc0", "#000000"),
        "blue": ("#cde2ff", "#000000"),
        "pink": ("#ffd3e6", "#000000"),
    },
    "sepia": {
        "yellow": ("#f3d56b", "#1f1609"),
        "green": ("#c9e0a8", "#1f1609"),
        "blue": ("#c6d9ee", "#1f1609"),
        "pink": ("#f0c4d2", "#1f1609"),
    },
    "dark": {
        "yellow": ("#5c4b00", "#ffffff"),
        "green": ("#1e4d2b", "#ffffff"),
        "blue": ("#1c3f6e", "#ffffff"),
        "pink": ("#62254a", "#ffffff"),
    },
    "high_contrast": {
        "yellow": ("#ffd700", "#000000"),
        "green": ("#00ff7f", "#000000"),
        "blue": ("#87cefa", "#000000"),
        "pink": ("#ff99cc", "#000000"),
    },
}


def mark_colours(theme: Theme) -> dict[str, tuple[str, str]]:
    """(background, text) of each highlight colour in ``theme``."""
    return MARK_COLOURS.get(theme.key, MARK_COLOURS["dark" if theme.dark else "light"])


# Line focus (a reading ruler) dims the article outside a band of lines with a shade laid
# over it: (colour, opacity, edge). Inside the band nothing is drawn, so the text keeps
# its contrast; outside, body text, links and the byline stay at least 3:1 against the
# dimmed page (still readable) and body text loses at least half its contrast (clearly
# dimmer): tests/core/test_themes.py computes both. High Contrast, where dimming cannot
# take much from white on black, also draws the band's edges, in its focus colour.
LINE_FOCUS_SHADES: dict[str, tuple[str, float, str]] = {
    "light": ("#000000", 0.45, ""),
    "sepia": ("#2a1d0e", 0.42, ""),
    "dark": ("#000000", 0.45, ""),
    "high_contrast": ("#000000", 0.5, "#00ffff"),
}
LINE_FOCUS_EDGE = 3  # pixels, outside the band


def line_focus_shade(theme: Theme) -> tuple[str, float, str]:
    """(colour, opacity, edge colour or "") of line focus's shade in ``theme``."""
    return LINE_FOCUS_SHADES.get(theme.key, LINE_FOCUS_SHADES["dark" if theme.dark else "light"])


def shaded(colour: str, shade: str, opacity: float) -> str:
    """``colour`` under ``shade`` laid over it at ``opacity`` (0..1), as ``#rrggbb``."""
    under, over = (
        [int(value.lstrip("#")[i : i + 2], 16) for i in (0, 2, 4)] for value in (colour, shade)
    )
    return "#" + "".join(
        f"{round(a * (1 - opacity) + b * opacity):02x}" for a, b in zip(under, over, strict=True)
    )


DEFAULT_THEME = "light"
THEME_CHOICES = (SYSTEM, *THEMES)


def resolve(key: str, system_dark: bool) -> Theme:
    """The theme to show for a preference ``key`` (``system`` follows the desktop)."""
    if key == SYSTEM or key not in THEMES:
        return THEMES["dark" if system_dark else "light"]
    return THEMES[key]


# What must stand out from what, and by how much: (foreground, background, minimum, why).
BODY, TEXT, NON_TEXT = 7.0, 4.5, 3.0
CONTRAST_RULES: tuple[tuple[str, str, float, str], ...] = (
    ("text", "base", BODY, "article body text"),
    ("link", "base", BODY, "links in the article"),
    ("text", "alternate_base", TEXT, "list rows"),
    ("secondary_text", "base", TEXT, "byline, details, placeholders"),
    ("secondary_text", "window", TEXT, "secondary text on panels"),
    ("window_text", "window", TEXT, "panels, menus, labels"),
    ("button_text", "button", TEXT, "buttons"),
    ("highlighted_text", "highlight", TEXT, "selected text"),
    ("match_text", "match", TEXT, "search matches"),
    ("text", "spoken_sentence", BODY, "the sentence read aloud"),
    ("link", "spoken_sentence", TEXT, "links in the sentence read aloud"),
    ("secondary_text", "spoken_sentence", TEXT, "a byline read aloud"),
    ("spoken_word_text", "spoken_word", BODY, "the word read aloud"),
    ("spoken_word", "spoken_sentence", NON_TEXT, "the word read aloud, within its sentence"),
    ("disabled_text", "window", TEXT, "disabled controls"),
    ("disabled_text", "button", TEXT, "disabled buttons"),
    ("tooltip_text", "tooltip_base", TEXT, "tooltips"),
    ("focus", "window", NON_TEXT, "focus ring on panels"),
    ("focus", "base", NON_TEXT, "focus ring on lists and the article"),
    ("border", "window", NON_TEXT, "edges of controls on panels"),
    ("border", "base", NON_TEXT, "edges of fields"),
    ("highlight", "base", NON_TEXT, "the selection against the page"),
)


def _channel(value: int) -> float:
    c = value / 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def luminance(colour: str) -> float:
    """WCAG relative luminance of ``#rrggbb``."""
    colour = colour.lstrip("#")
    r, g, b = (int(colour[i : i + 2], 16) for i in (0, 2, 4))
    return 0.2126 * _channel(r) + 0.7152 * _channel(g) + 0.0722 * _channel(b)


def contrast(foreground: str, background: str) -> float:
    """WCAG contrast ratio, from 1 (none) to 21 (black on white)."""
    a, b = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (a + 0.05) / (b + 0.05)


def contrast_table(theme: Theme) -> list[tuple[str, str, float, float, str]]:
    """(foreground, background, ratio, minimum, why) for every rule."""
    return [
        (fg, bg, contrast(getattr(theme, fg), getattr(theme, bg)), minimum, why)
        for fg, bg, minimum, why in CONTRAST_RULES
    ]
