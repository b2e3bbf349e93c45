"""`article-reader search` and `reindex`."""

import json

from helpers import FIXTURES


def test_search_prints_results_with_highlighted_snippets(run_cli):
    run_cli("import", FIXTURES / "dumps")
    result = run_cli("search", "lighthouses")
    assert result.code == 0
    lines = result.out.splitlines()
    assert "Old Lighthouse Reopens as a Small Maritime Museum" in lines[0]
    assert "**lighthouse**" in lines[1].casefold()
    assert result.err.startswith("1 found in ")


def test_search_json_fields(run_cli):
    run_cli("import", FIXTURES / "dumps")
    records = json.loads(run_cli("search", "--json", "lighthouse").out)
    assert len(records) == 1
    record = records[0]
    assert set(record) >= {"id", "title", "source", "published", "score", "snippet"}
    start, end = record["highlights"][0]
    assert record["snippet"][start:end].casefold().startswith("lighthouse")


def test_search_limit_and_nothing_found(run_cli):
    run_cli("import", FIXTURES / "dumps")
    assert len(json.loads(run_cli("search", "--json", "--limit", "2", "в").out)) == 2
    nothing = run_cli("search", "zzzyzzx")
    assert (nothing.code, nothing.out) == (0, "")
    assert nothing.err.startswith("0 found")


def test_reindex(run_cli):
    run_cli("import", FIXTURES / "dumps")
    assert run_cli("reindex").out == "reindexed 7 articles\n"
    assert json.loads(run_cli("search", "--json", "lighthouse").out)[0]["title"].startswith(
        "Old Lighthouse"
    )


def test_a_query_too_broad_to_count_says_more_than_and_has_no_scores(
    run_cli, tmp_path, monkeypatch
):
    import reader.core.search

    for number in range(5):
        (tmp_path / f"{number}.md").write_text(
            f"# Note {number}\n\nThe harbour, again {number}.\n", encoding="utf-8"
        )
        run_cli("import", tmp_path / f"{number}.md")
    monkeypatch.setattr(reader.core.search, "BROAD", 2)  # instead of writing 3,000 files
    assert run_cli("search", "harbour").err.startswith("more than 2 found in ")
    result = run_cli("search", "--json", "harbour")
    assert result.code == 0
    records = json.loads(result.out)
    assert [r["title"] for r in records] == [f"Note {n}" for n in range(4, -1, -1)]  # newest first
    assert all(r["score"] is None for r in records)


def test_a_query_beginning_with_a_minus_is_an_exclusion(run_cli, tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "oil.md").write_text("# Нефть дорожает\n\nЦены на нефть растут.\n", encoding="utf-8")
    (folder / "gas.md").write_text("# Газ и цены\n\nЦены на газ растут.\n", encoding="utf-8")
    run_cli("import", folder)
    result = run_cli("search", "-нефть", "цены")
    assert result.code == 0, result.err
    assert "Газ и цены" in result.out and "Нефть" not in result.out
    alone = run_cli("search", "-нефть")
    assert alone.code == 0 and alone.out == ""
    hint, found = alone.err.splitlines()
    assert hint == (
        "article-reader: a word with a minus is left out of the results; add a word to "
        "search for (e.g. 'цены -нефть')"
    )
    assert found.startswith("0 found in ")
    assert "add a word" not in result.err
    with_options = run_cli("search", "--json", "-нефть", "--limit", "5", "цены")
    assert [r["title"] for r in json.loads(with_options.out)] == ["Газ и цены"]


def test_reindex_builds_the_index_again_and_search_finds_every_form(run_cli, tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "park.md").write_text("# Парк\n\nВ парк пришли сотни людей.\n", encoding="utf-8")
    run_cli("import", folder)
    result = run_cli("reindex")
    assert (result.code, result.out) == (0, "reindexed 1 articles\n")
    found = run_cli("search", "человек")
    assert "Парк" in found.out and "**людей**" in found.out
