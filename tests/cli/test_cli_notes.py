"""`article-reader notes`: the highlights and notes made while reading, listed, found by
their words in any form, and written out as Markdown or JSON."""

import json

from reader.core.marks import bookmark, highlight
from reader.core.store import Library

ARTICLE = (
    "---\ntitle: Завод закроют\nsource: Верхнеозёрск Онлайн\nlanguage: ru\n---\n\n"
    "Кирпичный завод закроют до конца года. Без работы останутся около 400 человек.\n\n"
    "Люди узнали об этом из объявления на проходной.\n"
)


def _library_with_notes(run_cli, tmp_path):
    page = tmp_path / "zavod.md"
    page.write_text(ARTICLE, "utf-8")
    assert run_cli("import", page).code == 0
    with Library.open(run_cli.data_dir / "library.sqlite3") as library:
        article_id = library.ids()[0]
        body = library.get(article_id).body
        start = body.index("Без работы")
        library.add_mark(
            article_id, highlight(body, start, start + len("Без работы"), note="Спросить у людей")
        )
        start = body.index("Люди узнали")
        library.add_mark(article_id, highlight(body, start, start + len("Люди узнали")))
        library.add_mark(article_id, bookmark(body, 0, "Начало"))
    return article_id


def test_notes_lists_highlights_newest_first_with_their_note(run_cli, tmp_path):
    article_id = _library_with_notes(run_cli, tmp_path)
    result = run_cli("notes")
    assert result.code == 0
    lines = result.out.splitlines()
    assert lines[0].split()[0] == str(article_id) and lines[0].endswith("Завод закроют")
    assert lines[1].strip() == "\u201cЛюди узнали\u201d"
    assert lines[3].strip() == "\u201cБез работы\u201d"
    assert lines[4].strip() == "note: Спросить у людей"
    assert "Начало" not in result.out  # bookmarks only with --bookmarks
    assert result.err.strip() == "2 found"
    assert "bookmark: Начало" in run_cli("notes", "--bookmarks").out


def test_a_query_finds_notes_by_any_form_of_their_words(run_cli, tmp_path):
    _library_with_notes(run_cli, tmp_path)
    # «человек» is the lemma of «людей» (in the note) and «Люди» (in the highlight).
    found = run_cli("notes", "человек")
    assert found.code == 0 and found.err.strip() == "2 found"
    found = run_cli("notes", "работа")
    assert found.err.strip() == "1 found" and "Без работы" in found.out
    assert run_cli("notes", "нефть").err.strip() == "0 found"
    empty = run_cli("notes", "!!!")
    assert empty.code == 1 and "holds no words" in empty.err


def test_notes_written_as_markdown_and_json(run_cli, tmp_path):
    article_id = _library_with_notes(run_cli, tmp_path)
    markdown = run_cli("notes", "--markdown")
    assert markdown.code == 0
    assert markdown.out.startswith("## Завод закроют\n\nSource: Верхнеозёрск Онлайн\n")
    # In the order of the text, each note under its quote.
    assert markdown.out.index("> Без работы") < markdown.out.index("> Люди узнали")
    assert "> Без работы\n\nNote: Спросить у людей" in markdown.out
    target = tmp_path / "notes.json"
    written = run_cli("notes", "--json", "--article", article_id, "--output", target)
    assert written.code == 0 and written.out.strip() == f"wrote 2 to {target}"
    data = json.loads(target.read_text("utf-8"))
    assert [a["id"] for a in data["articles"]] == [article_id]
    assert {m["quote"] for m in data["articles"][0]["marks"]} == {"Без работы", "Люди узнали"}


def test_notes_of_an_article_that_is_not_there_is_one_clear_message(run_cli, tmp_path):
    _library_with_notes(run_cli, tmp_path)
    result = run_cli("notes", "--article", "99")
    assert result.code == 1
    assert result.err.strip() == "article-reader: no article with id 99"
    unwritable = run_cli("notes", "--json", "--output", tmp_path / "missing" / "n.json")
    assert unwritable.code == 1
    assert unwritable.err.startswith(f"article-reader: {tmp_path / 'missing' / 'n.json'}: ")
    assert "Traceback" not in unwritable.err


def test_export_and_import_carry_the_marks_on_the_command_line(run_cli, tmp_path):
    _library_with_notes(run_cli, tmp_path)
    assert run_cli("export", tmp_path / "out").code == 0
    assert len(list((tmp_path / "out").glob("*.marks.json"))) == 1
    other = tmp_path / "other"
    import io

    from reader import cli

    out, err = io.StringIO(), io.StringIO()
    code = cli.run(["--data-dir", str(other), "import", str(tmp_path / "out")], out, err)
    assert code == 0 and out.getvalue().strip() == "imported 1, duplicates 0, failed 0"
    out = io.StringIO()
    cli.run(["--data-dir", str(other), "notes", "--bookmarks", "--json"], out, io.StringIO())
    kinds = sorted(m["kind"] for m in json.loads(out.getvalue())["articles"][0]["marks"])
    assert kinds == ["bookmark", "highlight", "highlight"]


def test_search_finds_an_article_by_its_note_and_says_the_match_is_in_the_note(run_cli, tmp_path):
    article_id = _library_with_notes(run_cli, tmp_path)
    other = tmp_path / "river.md"
    other.write_text("# Flood\n\nThe river flooded the lower town in spring.\n", "utf-8")
    run_cli("import", other)
    # «спросили» (спросить) is in no article's text: only in the note «Спросить у людей».
    found = run_cli("search", "спросили")
    assert found.code == 0
    lines = found.out.splitlines()
    assert lines[0].split()[0] == str(article_id) and lines[0].endswith("Завод закроют")
    assert lines[1].strip() == "\u201cБез работы\u201d"  # the words the note is on
    assert lines[2].strip() == "note: **Спросить** у людей"
    assert found.err.startswith("1 found in ")
    # The same note as `notes` lists for the same word: one matcher for both.
    assert "note: Спросить у людей" in run_cli("notes", "спросили").out

    [record] = json.loads(run_cli("search", "--json", "спросили").out)
    assert record["id"] == article_id and record["found_in"] == ["note"]
    note = record["note"]
    start, end = note["highlights"][0]
    assert note["snippet"][start:end] == "Спросить"
    with Library.open(run_cli.data_dir / "library.sqlite3") as library:
        [mark] = [m for m in library.marks_of(article_id) if m.note]
        assert note["mark_id"] == mark.id
        # Text and note both: one result, found in both.
        [both] = json.loads(run_cli("search", "--json", "работа").out)
        assert both["found_in"] == ["text"] and both["note"] is None
        mark.note = "Работы не будет"
        library.update_mark(mark)
    [both] = json.loads(run_cli("search", "--json", "работа").out)
    assert both["found_in"] == ["text", "note"]
    # The note edited away: the hit is gone.
    assert run_cli("search", "спросили").err.startswith("0 found")


def test_a_search_that_only_leaves_words_out_still_says_so_with_notes(run_cli, tmp_path):
    _library_with_notes(run_cli, tmp_path)
    result = run_cli("search", "-спросили")
    assert result.code == 0 and result.out == ""
    assert "a word with a minus is left out of the results" in result.err
    assert run_cli("search", "завод").out != ""
    assert run_cli("search", "завод", "-спросили").out == ""  # in the note: left out too


def test_reindex_keeps_the_notes_searchable(run_cli, tmp_path):
    article_id = _library_with_notes(run_cli, tmp_path)
    assert run_cli("reindex").out == "reindexed 1 articles\n"
    [record] = json.loads(run_cli("search", "--json", "спросили").out)
    assert record["id"] == article_id and record["found_in"] == ["note"]
