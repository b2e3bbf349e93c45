"""Relevance: our own corpus of 54 articles and 70 queries with the results they must give."""

import json

import pytest

from helpers import FIXTURES
from reader.core.file_import import import_paths
from reader.core.search import search

CORPUS = FIXTURES / "search"
QUERIES = json.loads((CORPUS / "queries.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    from reader.core.store import Library

    library = Library.open(tmp_path_factory.mktemp("corpus") / "library.sqlite3")
    report = import_paths(library, [CORPUS])
    assert report.ok and len(report.imported) == 54
    names = {}
    for article in library.articles():
        names[article.id] = article.original_path.rsplit("/", 1)[-1]
    yield library, names
    library.close()


@pytest.mark.parametrize("case", QUERIES, ids=[q["query"] for q in QUERIES])
def test_query_returns_what_it_must(corpus, case):
    library, names = corpus
    found = [names[hit.id] for hit in search(library, case["query"], limit=100).hits]
    if case.get("empty"):
        assert found == [], case["why"]
        return
    assert set(case["must_include"]) <= set(found), case["why"]
    assert not set(case.get("must_exclude", [])) & set(found), case["why"]
    if case.get("complete") and "precision_not_asserted" not in case:
        # must_include is every relevant article of the corpus: nothing else may come
        assert set(found) == set(case["must_include"]), case["why"]
    if case.get("top"):
        assert found[0] == case["top"], case["why"]


def test_the_corpus_covers_what_the_issue_asks():
    assert len(QUERIES) >= 30
    assert sum(1 for q in QUERIES if q.get("empty")) >= 4
    assert any('"' in q["query"] for q in QUERIES)
    assert any(" -" in f" {q['query']}" for q in QUERIES)
    whys = " ".join(q["why"] for q in QUERIES)
    for kind in (
        "suppletive",
        "look-alike",
        "ambiguous",
        "ё/е",
        "name",
        "mixed Russian and English",
    ):
        assert kind in whys
