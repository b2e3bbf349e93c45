"""A library indexed the old way (Snowball stems, before schema 9): searched as it is,
then built again with lemmas beside it, resumable, and never half-used."""

import pytest

import reader.core.store.library as library_module
from reader.core.article import Article
from reader.core.search import search
from reader.core.store import Library
from reader.core.store.schema import MIGRATIONS


def article(title: str, body: str) -> Article:
    made = Article(title=title, body=body).with_derived_fields()
    made.imported_at = "2024-01-01T00:00:00"
    return made


def titles(library: Library, query: str) -> set[str]:
    return {hit.title for hit in search(library, query, limit=1000).hits}


@pytest.fixture
def old_library(tmp_path, monkeypatch):
    """A library of schema 8, its articles indexed by their stems as that version did."""
    path = tmp_path / "old.sqlite3"
    monkeypatch.setattr(library_module, "SCHEMA_VERSION", 8)
    monkeypatch.setattr(library_module, "MIGRATIONS", MIGRATIONS[:8])
    with Library.open(path) as old:
        old.add(article("Люди в парке", "В парк пришли сотни людей."))
        old.add(article("Один человек", "Человек шёл домой."))
        for n in range(450):
            old.add(article(f"Заметка {n}", f"Заметка номер {n} о погоде и реке."))
    monkeypatch.undo()
    return path


def test_an_old_index_is_searched_as_it_was_until_rebuilt_with_lemmas(old_library):
    with Library.open(old_library) as library:
        assert library.index_outdated
        # the stems index answers as it did: людей and человек are not joined yet
        assert titles(library, "людей") == {"Люди в парке"}
        told = []
        assert library.upgrade_search_index(progress=lambda done, total: told.append((done, total)))
        assert told[0] == (0, 452) and told[-1] == (452, 452)
        assert not library.index_outdated
        assert titles(library, "людей") == {"Люди в парке", "Один человек"}
        assert titles(library, "идти") == {"Один человек"}
        assert len(titles(library, "погода")) == 450


def test_an_interrupted_rebuild_goes_on_from_where_it_stopped(old_library):
    with Library.open(old_library) as library:
        told = []
        done = library.upgrade_search_index(
            progress=lambda done, total: told.append(done), stop=lambda: len(told) > 1
        )
        assert not done and told == [0, 200]
        # half built: searches still read the whole old index, never the half new one
        assert library.index_outdated
        assert len(titles(library, "погоде")) == 450
        assert titles(library, "человек") == {"Один человек"}
        # written meanwhile: an article added (and one removed) reaches both indexes
        added = library.add(article("Дети во дворе", "Ребёнок и дети гуляли.")).id
        gone = next(hit.id for hit in search(library, "людей").hits)
        library.remove([gone])
    with Library.open(old_library) as library:  # (the window closed and opened again)
        assert library.index_outdated
        told = []
        assert library.upgrade_search_index(progress=lambda done, total: told.append(done))
        assert told[0] == 199 and told[-1] == 452  # (200 built, one of them removed since)
        assert titles(library, "ребёнок") == {"Дети во дворе"}
        assert titles(library, "людей") == {"Один человек"}
        assert [hit.id for hit in search(library, "детей").hits] == [added]
        assert len(titles(library, "погода")) == 450


def test_a_new_library_needs_no_rebuild(library):
    library.add(article("Люди", "Много людей."))
    assert not library.index_outdated
    assert titles(library, "человек") == {"Люди"}


def test_a_rebuild_lets_go_of_the_words_it_looked_up(old_library):
    from reader.core import text_index

    with Library.open(old_library) as library:
        text_index.forget_words()
        assert library.upgrade_search_index()
        assert text_index._lemma_terms.cache_info().currsize == 0
        assert text_index.stem.cache_info().currsize == 0
        assert titles(library, "людей") == {"Люди в парке", "Один человек"}
        library.rebuild_search_index()
        assert text_index._lemma_terms.cache_info().currsize == 0
        assert titles(library, "погода") == {f"Заметка {n}" for n in range(450)}
