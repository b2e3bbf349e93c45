"""Highlights, notes and bookmarks: anchored to the words, kept in the library with their
article, gone with it, written out by an export and brought back by importing it."""

import json
import sqlite3

import pytest

from reader.core.article import Article, plain_text
from reader.core.export import export_articles
from reader.core.file_import import import_paths
from reader.core.marks import (
    BOOKMARK,
    HIGHLIGHT,
    MAX_NOTE_CHARS,
    Anchor,
    MarkError,
    bookmark,
    from_data,
    highlight,
    locate,
)
from reader.core.marks_file import marks_json, marks_markdown, side_file
from reader.core.store import Library
from reader.core.store import library as library_module
from reader.core.store.schema import MARKS_VERSION, MIGRATIONS, SCHEMA_VERSION


def make_article(n: int, **fields) -> Article:
    body = fields.pop("body", f"Paragraph number {n} of a test article about rivers.")
    article = Article(title=f"Article {n}", body=body, source="Example Post", **fields)
    article = article.with_derived_fields()
    article.imported_at = "2026-11-27T10:00:00+00:00"
    return article


TEXT = (
    "Cinema to close\n"
    "The town's only cinema will close at the end of May, its owners said.\n"
    "Regulars have started a petition. The cinema opened in 1936.\n"
    "Its owners said the rent had doubled."
)


def _span(text: str, words: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(words, start + 1)
    return start, start + len(words)


def test_a_highlight_is_found_at_its_place_and_again_when_the_text_around_it_moves():
    start, end = _span(TEXT, "owners said", 1)  # the second "owners said"
    mark = highlight(TEXT, start, end, "green", "Check the lease")
    assert locate(TEXT, mark.anchor) == (start, end)
    # Another header above (a re-render in another language, a longer title): the same
    # words, found by their context, not the first copy of them.
    moved = "Кинотеатр закроется\n" + TEXT
    found = locate(moved, mark.anchor)
    assert found is not None and moved[found[0] : found[1]] == "owners said"
    assert found[0] == moved.index("owners said", moved.index("owners said") + 1)


def test_a_highlight_over_a_line_break_is_found_when_the_text_is_spaced_otherwise():
    start, _ = _span(TEXT, "petition.")
    end = TEXT.index("opened") + len("opened")
    mark = highlight(TEXT, start, end)
    reflowed = TEXT.replace("petition. The cinema", "petition.\n\nThe  cinema")
    found = locate(reflowed, mark.anchor)
    assert found is not None
    assert " ".join(reflowed[found[0] : found[1]].split()) == "petition. The cinema opened"


def test_words_no_longer_in_the_text_are_not_found():
    start, end = _span(TEXT, "petition")
    mark = highlight(TEXT, start, end)
    assert locate(TEXT.replace("petition", "campaign"), mark.anchor) is None


def test_bad_marks_are_refused_with_their_reason():
    with pytest.raises(MarkError, match="nothing is selected"):
        highlight(TEXT, 5, 5)
    with pytest.raises(MarkError, match="outside the article"):
        highlight(TEXT, 10, len(TEXT) + 5)
    with pytest.raises(
        MarkError, match=f"the note is too long: 1,048,576 characters, at most {MAX_NOTE_CHARS:,}"
    ):
        highlight(TEXT, 0, 6, note="x" * 1024 * 1024)
    with pytest.raises(MarkError, match="unknown highlight colour 'purple'"):
        highlight(TEXT, 0, 6, "purple")
    with pytest.raises(MarkError, match="mark 2: 'kind' must be one of highlight, bookmark"):
        from_data({"kind": "star", "quote": "x"}, "mark 2")


def test_a_bookmark_name_loses_its_control_characters_and_gets_a_default():
    at = TEXT.index("Regulars")
    mark = bookmark(TEXT, at, "Pet\x00ition\x1b[31m\u202e here\n")
    assert mark.kind == BOOKMARK
    assert mark.name == "Pet ition [31m here"
    assert bookmark(TEXT, at, "   ").name == "Regulars have started a petition. The cinema opened…"


def _library_with_marks(path):
    library = Library.open(path)
    article_id = library.add(make_article(1, body=TEXT.split("\n", 1)[1])).id
    body = library.get(article_id).body
    start, end = _span(body, "only cinema")
    first = library.add_mark(article_id, highlight(body, start, end, "yellow", "Only one!"))
    second = library.add_mark(article_id, bookmark(body, body.index("Regulars"), "Petition"))
    return library, article_id, (first, second)


def test_marks_are_kept_in_the_library_in_text_order_and_go_with_their_article(tmp_path):
    path = tmp_path / "library.sqlite3"
    library, article_id, _ = _library_with_marks(path)
    other = library.add(make_article(2)).id
    library.add_mark(other, highlight("Some other words", 0, 4))
    library.close()
    db = sqlite3.connect(path)
    rows = db.execute(
        "SELECT kind, quote, note, name FROM marks WHERE article_id = ? ORDER BY start",
        (article_id,),
    ).fetchall()
    db.close()
    assert rows == [
        ("highlight", "only cinema", "Only one!", ""),
        ("bookmark", rows[1][1], "", "Petition"),
    ]
    with Library.open(path) as library:
        assert [m.kind for m in library.marks_of(article_id)] == [HIGHLIGHT, BOOKMARK]
        library.remove([article_id])
        assert library.marks_of(article_id) == []
        assert [row.mark.anchor.quote for row in library.all_marks()] == ["Some"]


def test_the_library_wide_list_is_newest_first_and_filtered_by_words_or_note(tmp_path):
    library, article_id, (first, second) = _library_with_marks(tmp_path / "l.sqlite3")
    with library:
        rows = library.all_marks()
        assert [row.mark.id for row in rows] == [second, first]
        assert rows[0].title == library.get(article_id).title
        assert [row.mark.id for row in library.all_marks("ONLY ONE")] == [first]
        assert [row.mark.id for row in library.all_marks(kinds=[BOOKMARK])] == [second]
        mark = library.marks_of(article_id)[0]
        mark.note = "Changed"
        assert library.update_mark(mark)
        assert library.marks_of(article_id)[0].note == "Changed"
        assert library.remove_marks([first]) == 1
        assert [m.kind for m in library.marks_of(article_id)] == [BOOKMARK]


def test_a_library_before_marks_migrates_without_losing_its_articles(tmp_path, monkeypatch):
    path = tmp_path / "v10.sqlite3"
    monkeypatch.setattr(library_module, "SCHEMA_VERSION", MARKS_VERSION - 1)
    monkeypatch.setattr(library_module, "MIGRATIONS", MIGRATIONS[: MARKS_VERSION - 1])
    with Library.open(path) as old:
        old_id = old.add(make_article(1)).id
        assert old.schema_version == MARKS_VERSION - 1
    monkeypatch.undo()
    with Library.open(path) as new:
        assert new.schema_version == SCHEMA_VERSION
        assert new.get(old_id).title == make_article(1).title
        assert new.marks_of(old_id) == []
        new.add_mark(old_id, highlight(new.get(old_id).body, 0, 5))
        assert len(new.marks_of(old_id)) == 1


def test_an_export_keeps_the_marks_and_importing_it_brings_them_back(tmp_path):
    library, article_id, _ = _library_with_marks(tmp_path / "a.sqlite3")
    with library:
        written = export_articles(library.articles(), tmp_path / "out", None, library.marks_of)
        before = [
            (m.kind, m.anchor, m.note, m.name, m.colour) for m in library.marks_of(article_id)
        ]
    marks_path = side_file(written[0])
    assert json.loads(marks_path.read_text("utf-8"))["marks"][0]["note"] == "Only one!"
    with Library.open(tmp_path / "b.sqlite3") as restored:
        report = import_paths(restored, [tmp_path / "out"])
        assert report.summary() == "imported 1, duplicates 0, failed 0"  # (no "skipped")
        new_id = report.imported[0]
        after = [(m.kind, m.anchor, m.note, m.name, m.colour) for m in restored.marks_of(new_id)]
        assert after == before
        assert not any(m.lost for m in restored.marks_of(new_id))
        # Imported again: the article is a duplicate, and its marks are not doubled.
        again = import_paths(restored, [tmp_path / "out"])
        assert again.duplicates and len(restored.marks_of(new_id)) == 2


def test_a_mark_whose_words_left_the_article_is_kept_and_flagged_and_a_bad_one_is_named(tmp_path):
    library, _, _ = _library_with_marks(tmp_path / "a.sqlite3")
    with library:
        written = export_articles(library.articles(), tmp_path / "out", None, library.marks_of)
    marks_path = side_file(written[0])
    data = json.loads(marks_path.read_text("utf-8"))
    data["marks"][0]["quote"] = "words that were edited out"
    data["marks"].append({"kind": "highlight"})
    marks_path.write_text(json.dumps(data), "utf-8")
    with Library.open(tmp_path / "b.sqlite3") as restored:
        report = import_paths(restored, [written[0]])
        assert report.summary() == "imported 1, duplicates 0, failed 0, 1 mark problem"
        assert [str(f) for f in report.marks_dropped] == [
            f"{written[0]}: {marks_path.name}, mark 3: 'quote' must be the marked text"
        ]
        marks = restored.marks_of(report.imported[0])
        assert [(m.anchor.quote, m.lost) for m in marks if m.kind == HIGHLIGHT] == [
            ("words that were edited out", True)
        ]


def test_a_marks_file_that_is_not_json_leaves_the_article_imported(tmp_path):
    page = tmp_path / "note.md"
    page.write_text("# A note\n\nSome words to read.\n", "utf-8")
    side_file(page).write_text("{not json", "utf-8")
    with Library.open(tmp_path / "l.sqlite3") as library:
        report = import_paths(library, [page])
        assert len(report.imported) == 1
        assert str(report.marks_dropped[0]).startswith(f"{page}: note.marks.json: not valid JSON")


def test_marks_written_as_markdown_and_json(tmp_path):
    library, article_id, _ = _library_with_marks(tmp_path / "a.sqlite3")
    with library:
        rows = library.all_marks(kinds=[HIGHLIGHT, BOOKMARK])
        title = library.get(article_id).title
        source = library.get(article_id).source
    text = marks_markdown(sorted(rows, key=lambda r: r.mark.anchor.start))
    expected = f"## {title}\n"
    if source:
        expected += f"\nSource: {source}\n"
    assert text.startswith(expected)
    assert "> only cinema\n\nNote: Only one!" in text
    assert "- Bookmark: Petition" in text
    data = json.loads(marks_json(rows))
    assert data["articles"][0]["title"] == title
    assert {m["kind"] for m in data["articles"][0]["marks"]} == {"highlight", "bookmark"}


def test_the_anchor_of_a_plain_text_survives_a_markdown_round_trip():
    body = "First paragraph here.\n\nSecond *paragraph* with words."
    text = plain_text(body)
    start, end = _span(text, "paragraph with")
    anchor = Anchor(text[start:end], text[max(0, start - 32) : start], text[end : end + 32], start)
    assert locate(text, anchor) == (start, end)
