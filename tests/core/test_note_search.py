"""Search finds articles by the reader's notes on them: in any form of the words, said to
be in a note, kept in step with every change of a note, and carried through migrations
and index rebuilds."""

import sqlite3

import pytest

import reader.core.store.library as library_module
from reader.core.article import Article
from reader.core.marks import highlight
from reader.core.search import Filters, search
from reader.core.store import Library
from reader.core.store.schema import MIGRATIONS, NOTE_INDEX_VERSION


def article(title: str, body: str, source: str = "Example Post") -> Article:
    made = Article(title=title, body=body, source=source).with_derived_fields()
    made.imported_at = "2026-11-27T10:00:00+00:00"
    return made


FACTORY = (
    "Кирпичный завод закроют до конца года. Без работы останутся рабочие цеха.\n\n"
    "Объявление повесили на проходной."
)
RIVER = "The river flooded the lower town in spring. Boats were moored by the bridge."


def noted(library: Library, title: str, body: str, words: str, note: str, **fields) -> int:
    """An article with a highlight on ``words`` holding ``note``; its id."""
    article_id = library.add(article(title, body, **fields)).id
    text = library.get(article_id).body
    start = text.index(words)
    library.add_mark(article_id, highlight(text, start, start + len(words), note=note))
    return article_id


def marked(snippet: str, spans) -> list[str]:
    return [snippet[a:b] for a, b in spans]


def test_a_note_finds_its_article_by_any_form_of_its_words_and_says_so(library):
    factory = noted(library, "Завод закроют", FACTORY, "Без работы", "Спросить о людях")
    river = noted(library, "Flood", RIVER, "lower town", "Ask the organizations for photos")
    library.add(article("Другое", "Сегодня шёл дождь над рекой."))

    results = search(library, "человек")  # «людях» is a form of «человек»
    assert results.total == 1
    [hit] = results.hits
    assert (hit.id, hit.in_text) == (factory, False)
    assert hit.note is not None and hit.note.snippet == "Спросить о людях"
    assert marked(hit.note.snippet, hit.note.highlights) == ["людях"]
    assert hit.snippet == "Без работы"  # the words the note is on

    [hit] = search(library, "organization").hits  # an English stem
    assert (hit.id, hit.in_text) == (river, False)
    assert marked(hit.note.snippet, hit.note.highlights) == ["organizations"]
    # Typed as the window searches (the last word a prefix while typing):
    assert [h.id for h in search(library, "organiz", live=True).hits] == [river]
    assert search(library, "нефть").hits == []


def test_an_article_matching_in_its_text_and_a_note_is_listed_once_and_first(library):
    plain = library.add(article("Boats one", "The river is wide here. Boats pass.")).id
    both = noted(library, "Boats two", "The river is wide there. Boats pass.", "wide", "river")
    results = search(library, "river")
    assert [h.id for h in results.hits] == [both, plain]
    assert results.total == 2
    first = results.hits[0]
    assert first.in_text and marked(first.snippet, first.highlights) == ["river"]
    assert marked(first.note.snippet, first.note.highlights) == ["river"]
    assert results.hits[1].note is None


def test_editing_or_removing_a_note_and_removing_the_article_take_the_hit_away(library):
    factory = noted(library, "Завод закроют", FACTORY, "Без работы", "Спросить о людях")
    [mark] = library.marks_of(factory)
    mark.note = "Позвонить в мэрию"
    assert library.update_mark(mark)
    assert search(library, "человек").hits == []
    assert [h.id for h in search(library, "мэрия").hits] == [factory]
    mark.note = ""  # the note taken off the highlight
    assert library.update_mark(mark)
    assert search(library, "мэрия").hits == []

    mark.note = "Спросить о людях"
    library.update_mark(mark)
    assert [h.id for h in search(library, "люди").hits] == [factory]
    assert library.remove_marks([mark.id]) == 1
    assert search(library, "люди").hits == []

    again = library.add_mark(factory, highlight(library.get(factory).body, 0, 9, note="люди"))
    assert [h.note.mark_id for h in search(library, "человек").hits] == [again]
    library.remove([factory])
    assert search(library, "человек").hits == []
    assert library._db.execute("SELECT count(*) FROM note_index").fetchone()[0] == 0


def test_a_word_left_out_leaves_out_the_articles_with_it_in_their_text_or_a_note(library):
    factory = noted(library, "Завод закроют", FACTORY, "Без работы", "Спросить о людях")
    river = noted(library, "Flood", RIVER, "lower town", "people from the factory")
    assert {h.id for h in search(library, "людях").hits} == {factory}
    assert search(library, "людях -проходная").hits == []  # in the article's text
    assert {h.id for h in search(library, "people").hits} == {river}
    assert search(library, "river -factory").hits == []  # in the article's note
    assert [h.id for h in search(library, "river -завод").hits] == [river]


def test_a_word_for_one_field_and_the_filters_hold_for_notes_too(library):
    factory = noted(
        library, "Завод закроют", FACTORY, "Без работы", "Спросить о людях", source="Vesti"
    )
    assert search(library, "title:человек").hits == []  # a note has no title
    assert [h.id for h in search(library, "человек OR title:нефть").hits] == [factory]
    assert search(library, "человек", filters=Filters(source="Other")).hits == []
    kept = search(library, "человек", filters=Filters(source="Vesti"))
    assert [h.id for h in kept.hits] == [factory]
    assert search(library, "человек", filters=Filters(state="finished")).hits == []


def test_a_query_too_broad_to_rank_lists_the_noted_articles_in_the_first_tier(library):
    ids = [library.add(article(f"Report {n}", f"The harbour, again {n}.")).id for n in range(4)]
    noted_id = noted(library, "Old news", "Nothing about it here.", "Nothing", "the harbour")
    with_note = noted(library, "Oldest", "The harbour once more.", "once more", "a harbour")
    results = search(library, "harbour", broad=2)
    assert results.more and results.total == 2
    assert [h.id for h in results.hits] == [with_note, noted_id, *reversed(ids)]
    assert [h.in_text for h in results.hits[:2]] == [True, False]
    pages = [search(library, "harbour", limit=2, offset=at, broad=2).hits for at in (0, 2, 4)]
    assert [h.id for page in pages for h in page] == [h.id for h in results.hits]


def test_rebuilding_the_index_and_building_it_anew_keep_the_notes_searchable(library):
    factory = noted(library, "Завод закроют", FACTORY, "Без работы", "Спросить о людях")
    library.rebuild_search_index()
    assert [h.id for h in search(library, "человек").hits] == [factory]
    assert library.upgrade_search_index(again=True)  # (what `reindex` does)
    assert [h.id for h in search(library, "человек").hits] == [factory]


def test_a_library_indexed_with_stems_gets_its_notes_in_lemmas_with_the_articles(
    tmp_path, monkeypatch
):
    path = tmp_path / "old.sqlite3"
    monkeypatch.setattr(library_module, "SCHEMA_VERSION", 8)
    monkeypatch.setattr(library_module, "MIGRATIONS", MIGRATIONS[:8])
    with Library.open(path) as old:
        factory = old.add(article("Завод закроют", FACTORY)).id
    monkeypatch.undo()
    with Library.open(path) as library:
        assert library.index_outdated
        text = library.get(factory).body
        library.add_mark(factory, highlight(text, 0, 9, note="Спросить о людях"))
        # Stems, as the articles' index is: «людях» is found as it is, not by «человек».
        assert [h.id for h in search(library, "людях").hits] == [factory]
        assert search(library, "человек").hits == []
        assert library.upgrade_search_index()
        assert [h.id for h in search(library, "человек").hits] == [factory]


def _v11_library_with_notes(path, monkeypatch) -> tuple[int, list[tuple]]:
    """A library of schema 11 holding marks, written as that version wrote them."""
    monkeypatch.setattr(library_module, "SCHEMA_VERSION", NOTE_INDEX_VERSION - 1)
    monkeypatch.setattr(library_module, "MIGRATIONS", MIGRATIONS[: NOTE_INDEX_VERSION - 1])
    with Library.open(path) as old:
        factory = old.add(article("Завод закроют", FACTORY)).id
        rows = [
            (factory, "highlight", "Без работы", "yellow", "Спросить о людях", ""),
            (factory, "highlight", "проходной", "green", "", ""),
            (factory, "bookmark", "Кирпичный", None, "", "Начало"),
        ]
        old._db.executemany(
            "INSERT INTO marks (article_id, kind, quote, colour, note, name, created, updated) "
            "VALUES (?, ?, ?, ?, ?, ?, '2026-11-27T10:00:00', '2026-11-27T10:00:00')",
            rows,
        )
        assert old.schema_version == NOTE_INDEX_VERSION - 1
    monkeypatch.undo()
    return factory, rows


def test_a_library_of_schema_11_opens_at_12_with_its_notes_searchable_and_nothing_lost(
    tmp_path, monkeypatch
):
    path = tmp_path / "v11.sqlite3"
    factory, rows = _v11_library_with_notes(path, monkeypatch)
    with Library.open(path) as library:
        assert library.schema_version == NOTE_INDEX_VERSION
        kept = [
            (m.kind, m.anchor.quote, m.colour, m.note, m.name) for m in library.marks_of(factory)
        ]
        assert sorted(kept, key=str) == sorted((r[1:] for r in rows), key=str)
        assert library.get(factory).title == "Завод закроют"
        [hit] = search(library, "человек").hits
        assert hit.id == factory and not hit.in_text and hit.note.snippet == "Спросить о людях"
        assert [h.id for h in search(library, "проходная").hits] == [factory]  # (its text)
        # one row, for the one note (not for the highlight without one, nor the bookmark)
        assert library._db.execute("SELECT count(*) FROM note_index").fetchone()[0] == 1


def test_a_missing_notes_index_is_made_again_when_the_library_opens(library, tmp_path):
    factory = noted(library, "Завод закроют", FACTORY, "Без работы", "Спросить о людях")
    path = library.path
    library.close()
    db = sqlite3.connect(path)
    db.execute("DROP TABLE note_index")  # (another program's doing)
    db.commit()
    db.close()
    with Library.open(path) as again:
        assert any("rebuilt" in notice for notice in again.notices)
        assert [h.id for h in search(again, "человек").hits] == [factory]


def test_a_damaged_notes_index_is_rebuilt_by_the_search_that_meets_it(library):
    factory = noted(library, "Завод закроют", FACTORY, "Без работы", "Спросить о людях")
    library._db.execute("DROP TABLE note_index")
    assert [h.id for h in search(library, "человек").hits] == [factory]
    assert any("damaged" in notice for notice in library.notices)


@pytest.mark.parametrize("query", ["!!!", "-людях", '"', "title:", "OR OR", "людях*" * 300])
def test_no_query_about_notes_raises(library, query):
    noted(library, "Завод закроют", FACTORY, "Без работы", "Спросить о людях")
    results = search(library, query)
    assert results.total == len(results.hits)


def test_a_read_only_library_of_schema_11_is_searched_without_its_notes(tmp_path, monkeypatch):
    from helpers import read_only

    folder = tmp_path / "data"
    folder.mkdir()
    path = folder / "library.sqlite3"
    factory, _ = _v11_library_with_notes(path, monkeypatch)
    unchanged = path.read_bytes()
    with read_only(folder), Library.open(path) as library:
        assert library.read_only and library.schema_version == NOTE_INDEX_VERSION - 1
        assert [h.id for h in search(library, "проходная").hits] == [factory]
        assert search(library, "человек").hits == []  # (its notes have no index to be found by)
        assert search(library, "проходная -людях").total == 1
    assert path.read_bytes() == unchanged
