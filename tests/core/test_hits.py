"""Marking the matched words of a search result's snippet (the command line and the
Search panel both mark them this way)."""

import html

from reader.core.hits import mark, pieces


def test_a_snippet_is_cut_into_plain_and_matched_pieces_in_order():
    snippet = "the lighthouse keeper kept lighthouses"
    spans = [(4, 14), (27, 38)]
    assert pieces(snippet, spans) == [
        ("the ", False),
        ("lighthouse", True),
        (" keeper kept ", False),
        ("lighthouses", True),
    ]
    assert "".join(text for text, _ in pieces(snippet, spans)) == snippet


def test_matches_at_the_edges_and_side_by_side_leave_no_empty_pieces():
    assert pieces("ab", [(0, 1), (1, 2)]) == [("a", True), ("b", True)]
    assert pieces("abc", []) == [("abc", False)]
    assert pieces("", []) == []


def test_the_command_line_marks_matches_with_asterisks():
    assert (
        mark("в Казахстане и Казахстан", [(2, 12), (15, 24)], "**", "**")
        == "в **Казахстане** и **Казахстан**"
    )


def test_html_marking_escapes_the_text_but_not_the_markers():
    marked = mark("a <b> & <i>x</i>", [(8, 16)], "<mark>", "</mark>", html.escape)
    assert marked == "a &lt;b&gt; &amp; <mark>&lt;i&gt;x&lt;/i&gt;</mark>"
