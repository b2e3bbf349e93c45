"""Finding the forms of words inside one text: what the find bar and the snippets mark."""

import pytest

from reader.core.find import Matcher, contains_word, form_matches
from reader.core.search import snippet


def marked(text, needle, prefixes=frozenset()):
    terms = Matcher.for_words(needle).terms
    return [text[a:b] for a, b in form_matches(text, terms, prefixes)]


@pytest.mark.parametrize(
    "text, needle, expected",
    [
        ("В Казахстане и Казахстану, но не казаху.", "казахстан", ["Казахстане", "Казахстану"]),
        ("Зелёная ёлка и зеленая елка.", "елка", ["ёлка", "елка"]),
        ("ЁЛКА в зале.", "ёлка", ["ЁЛКА"]),
        (
            "Many organizations; one Organization.",
            "organization",
            ["organizations", "Organization"],
        ),
        ("A happy day, happiness and the happiest.", "happy", ["happy", "happiness"]),
        ("The energy of energies.", "energy", ["energy", "energies"]),
        ("Café society and the cafe on the corner.", "cafe", ["Café", "cafe"]),
        ("Straße and strasse.", "strasse", ["Straße", "strasse"]),
        ("Word_with_underscore and word.", "word", ["word"]),
        ("Nothing here.", "absent", []),
    ],
)
def test_forms_are_found_as_written(text, needle, expected):
    assert marked(text, needle) == expected


def test_prefixes_find_words_that_begin_with_them():
    assert marked("Казахи, казахстанцы и Казань.", "", frozenset({"казах"})) == [
        "Казахи",
        "казахстанцы",
    ]


def test_whole_words_only():
    assert contains_word("The organization met.", "organization")
    assert not contains_word("The organizations met.", "organization")
    assert contains_word("Зелёная ЁЛКА", "елка")
    assert not contains_word("елками", "елка")
    assert contains_word("Un café noir", "cafe")


def test_a_snippet_is_the_stretch_with_the_most_matches():
    filler = " ".join(f"word{n}" for n in range(60))
    text = (
        f"Lighthouse at the start. {filler} The lighthouse keepers and lighthouses here. {filler}"
    )
    excerpt, marks = snippet(text, Matcher.for_words("lighthouse"))
    assert excerpt.startswith("…") and excerpt.endswith("…")
    assert [excerpt[a:b] for a, b in marks] == ["lighthouse", "lighthouses"]
    assert len(excerpt.split()) <= 28


def test_a_snippet_without_matches_is_the_beginning():
    excerpt, marks = snippet("One two three.", Matcher.for_words("absent"))
    assert (excerpt, marks) == ("One two three…", [])


def test_english_forms_whose_stem_is_spelt_differently():
    assert marked("Lying, tying and dying.", "lie tie die") == ["Lying", "tying", "dying"]
    assert marked("Skies and sky.", "sky") == ["Skies", "sky"]


def test_prefixes_match_by_stem_as_well():
    # While typing, the last word is a prefix: "librari(es)" and "save" must still find
    # "library" and "Saving", whose stems begin with them.
    text = "The library opens at nine. Saving time."
    assert [text[a:b] for a, b in form_matches(text, set(), {"librari"})] == ["library"]
    assert [text[a:b] for a, b in form_matches(text, set(), {"save"})] == ["Saving"]


def test_literal_find_folds_as_search_and_marks_the_text_as_written():
    from reader.core.find import literal_matches

    def found(text, needle):
        return [text[a:b] for a, b in literal_matches(text, needle)]

    assert found("Café, CAFE and cafe\u0301 (written apart)", "cafe") == [
        "Café",
        "CAFE",
        "cafe\u0301",
    ]
    assert found("Ёлка и елка", "ЕЛКА") == ["Ёлка", "елка"]
    assert found("Straße", "strasse") == ["Straße"]
    assert found("й is not и", "и") == ["и"]
