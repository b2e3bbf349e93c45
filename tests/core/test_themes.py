"""Themes meet WCAG 2.2 AAA contrast, computed from their definitions."""

import pytest

from reader.core.preferences import PREFERENCES
from reader.core.themes import (
    BODY,
    CONTRAST_RULES,
    SYSTEM,
    THEME_CHOICES,
    THEMES,
    contrast,
    contrast_table,
    resolve,
)


def test_the_contrast_formula_matches_wcag_reference_values():
    assert contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast("#ffffff", "#ffffff") == pytest.approx(1.0)
    assert contrast("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)  # the known 4.5:1 grey
    assert contrast("#595959", "#ffffff") == pytest.approx(7.0, abs=0.01)  # the known 7:1 grey


@pytest.mark.parametrize("key", list(THEMES))
def test_every_theme_meets_aaa_contrast(key):
    failures = [
        f"{fg} on {bg} ({why}): {ratio:.2f} < {minimum}"
        for fg, bg, ratio, minimum, why in contrast_table(THEMES[key])
        if ratio < minimum
    ]
    assert failures == []


def test_the_rules_cover_body_text_at_seven_and_every_colour():
    assert ("text", "base", BODY, "article body text") in CONTRAST_RULES
    checked = {name for fg, bg, *_ in CONTRAST_RULES for name in (fg, bg)}
    colours = {
        name for name, value in THEMES["light"]._asdict().items() if str(value).startswith("#")
    }
    assert colours <= checked  # a colour added to themes must be given a rule


def test_themes_the_reader_can_choose_are_the_ones_defined():
    assert set(THEME_CHOICES) == {SYSTEM, "light", "sepia", "dark", "high_contrast"}
    assert all(PREFERENCES["theme"].valid(key) for key in THEME_CHOICES)
    assert resolve(SYSTEM, system_dark=True).key == "dark"
    assert resolve(SYSTEM, system_dark=False).key == "light"
    assert resolve("sepia", system_dark=True).key == "sepia"
    assert resolve("no-such-theme", system_dark=False).key == "light"


@pytest.mark.parametrize("key", sorted(THEMES))
def test_highlighted_words_keep_aaa_contrast_in_every_theme(key):
    from reader.core.marks import COLOURS
    from reader.core.themes import mark_colours

    colours = mark_colours(THEMES[key])
    assert tuple(colours) == COLOURS
    for name, (background, text) in colours.items():
        assert contrast(text, background) >= 7.0, (key, name)
        # Told apart from the page and from a search match, if only a little (a
        # highlight is underlined as well).
        assert background not in (THEMES[key].base, THEMES[key].match), (key, name)


@pytest.mark.parametrize("key", sorted(THEMES))
def test_the_sentence_and_the_word_read_aloud_are_told_from_the_page_and_marks(key):
    from reader.core.themes import mark_colours

    theme = THEMES[key]
    sentence = theme.spoken_sentence
    # A band the eye follows, softer than the word said in it (``highlight``: at least 3:1
    # against it, by the rules above); not the colour of a match or of a highlight.
    assert contrast(sentence, theme.base) >= 1.2, key
    others = {theme.base, theme.match, theme.highlight}
    highlights = {background for background, _text in mark_colours(theme).values()}
    assert sentence not in others | highlights, key
    # The word said is seen over the reader's highlights too: in high contrast the
    # selection's yellow would be lost in a yellow highlight ("#ffff00" and "#ffd700"
    # differ by 40 in green alone).
    for background in highlights:
        differences = [
            abs(int(theme.spoken_word[i : i + 2], 16) - int(background[i : i + 2], 16))
            for i in (1, 3, 5)
        ]
        assert max(differences) >= 96, (key, background)


def test_shading_blends_as_a_painter_lays_a_colour_over_another():
    from reader.core.themes import shaded

    assert shaded("#ffffff", "#000000", 0.5) == "#808080"
    assert shaded("#ffffff", "#000000", 0.0) == "#ffffff"
    assert shaded("#123456", "#abcdef", 1.0) == "#abcdef"


@pytest.mark.parametrize("key", sorted(THEMES))
def test_line_focus_dims_the_text_clearly_and_leaves_it_readable(key):
    from reader.core.themes import line_focus_shade, shaded

    theme = THEMES[key]
    colour, opacity, edge = line_focus_shade(theme)
    page = shaded(theme.base, colour, opacity)
    for name in ("text", "link", "secondary_text"):
        dimmed = contrast(shaded(getattr(theme, name), colour, opacity), page)
        assert dimmed >= 3.0, (key, name, dimmed)  # still visible
    body = contrast(shaded(theme.text, colour, opacity), page)
    assert body <= contrast(theme.text, theme.base) / 2, (key, body)  # clearly dimmer
    # Where white on black can lose little, the band's edges show where it is.
    if key == "high_contrast":
        assert contrast(edge, page) >= 7.0 and contrast(edge, theme.base) >= 7.0
