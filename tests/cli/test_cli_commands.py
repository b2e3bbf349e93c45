"""The command line as a user types it: import, list, show, remove, export, paths."""

import json
import os
import subprocess
import sys

import pytest

from helpers import FIXTURES, REPO

DUMPS = FIXTURES / "dumps"
SAMPLES = REPO / "resources" / "articles"


def test_import_a_folder_then_list_newest_first(run_cli):
    result = run_cli("import", DUMPS)
    assert (result.code, result.err) == (0, "")
    assert result.out.strip() == "imported 7, duplicates 0, failed 0"
    listing = run_cli("list")
    dates = [line.split()[1] for line in listing.out.splitlines()]
    assert len(dates) == 7
    assert dates == sorted(dates, reverse=True)


def test_importing_the_same_files_again_reports_duplicates(run_cli):
    run_cli("import", DUMPS)
    again = run_cli("import", DUMPS)
    assert (again.code, again.out.strip()) == (0, "imported 0, duplicates 7, failed 0")


def test_list_json_has_the_promised_fields(run_cli):
    run_cli("import", DUMPS / "font_widget.txt", DUMPS / "english.txt")
    records = json.loads(run_cli("list", "--json").out)
    assert len(records) == 2
    for record in records:
        assert {
            "id",
            "title",
            "author",
            "published",
            "source",
            "url",
            "views",
            "language",
            "words",
        } <= set(record)
    english = next(r for r in records if r["language"] == "en")
    assert english["author"] == "Jane Doe"
    assert english["published"] == "2023-03-12T09:05:00"
    assert english["views"] == 88
    assert english["words"] > 100
    park = next(r for r in records if r["source"] == "example-news.ru")
    assert park["url"] == "https://example-news.ru/society/2023/park-reopens"
    assert park["views"] == 1204


def test_list_limit_and_empty_json(run_cli):
    assert json.loads(run_cli("list", "--json").out) == []
    run_cli("import", DUMPS)
    assert len(json.loads(run_cli("list", "--json", "--limit", "3").out)) == 3


def test_show_prints_markdown_with_a_metadata_header(run_cli):
    run_cli("import", DUMPS / "english.txt")
    [record] = json.loads(run_cli("list", "--json").out)
    shown = run_cli("show", record["id"])
    assert shown.code == 0
    assert shown.out.startswith("---\ntitle: ")
    assert "authors:\n- Jane Doe\n" in shown.out
    assert "views: 88\n" in shown.out
    assert shown.out.rstrip().endswith(
        json.loads((FIXTURES / "dumps-expected.json").read_text())["english.txt"]["paragraphs"][-1]
    )


def test_show_and_remove_an_unknown_id(run_cli):
    assert (run_cli("show", 42).code, run_cli("show", 42).err) == (
        1,
        "article-reader: no article with id 42\n",
    )
    removed = run_cli("remove", 42)
    assert (removed.code, removed.out, removed.err) == (
        1,
        "removed 0\n",
        "article-reader: no article with id 42\n",
    )


def test_remove_deletes_from_the_library(run_cli):
    run_cli("import", DUMPS)
    ids = [r["id"] for r in json.loads(run_cli("list", "--json").out)]
    result = run_cli("remove", ids[0], ids[1])
    assert (result.code, result.out) == (0, "removed 2\n")
    assert [r["id"] for r in json.loads(run_cli("list", "--json").out)] == ids[2:]


def test_bad_arguments_give_usage_errors_not_tracebacks(run_cli):
    for args in (("show", "abc"), ("remove", "0"), ("list", "--limit", "-1"), ("frobnicate",)):
        with pytest.raises(SystemExit) as exit_info:
            run_cli(*args)
        assert exit_info.value.code == 2


def test_export_then_import_into_an_empty_library_reproduces_every_field(tmp_path, run_cli):
    run_cli("import", DUMPS, SAMPLES)
    before = json.loads(run_cli("list", "--json").out)
    exported = run_cli("export", tmp_path / "out")
    assert exported.code == 0
    assert exported.out == f"exported {len(before)} to {tmp_path / 'out'}\n"
    files = sorted((tmp_path / "out").glob("*.md"))
    assert len(files) == len(before)

    other = tmp_path / "other"
    code = subprocess.run(
        [sys.executable, "-m", "reader", "--data-dir", str(other), "import", str(tmp_path / "out")],
        capture_output=True,
        text=True,
    )
    assert code.returncode == 0, code.stderr
    after = json.loads(
        subprocess.run(
            [sys.executable, "-m", "reader", "--data-dir", str(other), "list", "--json"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    )

    def strip(records):
        return sorted(
            tuple(sorted((k, json.dumps(v)) for k, v in r.items() if k != "id")) for r in records
        )

    assert strip(after) == strip(before)

    # Bodies too: every article's Markdown is the same after the round trip.
    from reader.core.store import Library

    with (
        Library.open(run_cli.data_dir / "library.sqlite3") as first,
        Library.open(other / "library.sqlite3") as second,
    ):
        by_hash = {a.content_hash: a for a in second.articles()}
        for article in first.articles():
            twin = by_hash[article.content_hash]
            article.id = twin.id
            assert twin == article


def test_data_dir_and_environment_variable_move_everything(tmp_path, monkeypatch, run_cli):
    shown = run_cli("paths")
    data = run_cli.data_dir
    assert shown.out.splitlines() == [
        f"library:     {data / 'library.sqlite3'}",
        f"preferences: {data / 'preferences.json'}",
        f"state:       {data / 'state.json'}",
    ]
    monkeypatch.setenv("ARTICLE_READER_HOME", str(tmp_path / "portable"))
    from reader.paths import resolve_paths

    paths = resolve_paths()
    assert {paths.library.parent, paths.preferences.parent, paths.state.parent} == {
        tmp_path / "portable"
    }


def test_without_override_the_platform_folders_are_used(monkeypatch, isolated_home):
    monkeypatch.delenv("ARTICLE_READER_HOME")
    from reader.paths import resolve_paths

    paths = resolve_paths()
    assert paths.library == isolated_home / "xdg_data_home" / "article-reader" / "library.sqlite3"
    assert (
        paths.preferences
        == isolated_home / "xdg_config_home" / "article-reader" / "preferences.json"
    )


def test_help_documents_every_command():
    result = subprocess.run(
        [sys.executable, "-m", "reader", "--help"], capture_output=True, text=True
    )
    assert result.returncode == 0
    for command in (
        "import",
        "list",
        "show",
        "remove",
        "export",
        "reset-library",
        "paths",
        "--data-dir",
    ):
        assert command in result.stdout


def test_version():
    from reader import __version__

    result = subprocess.run(
        [sys.executable, "-m", "reader", "--version"], capture_output=True, text=True
    )
    assert result.stdout.strip() == f"article-reader {__version__}"


def test_progress_bar_only_on_a_terminal(tmp_path):
    # Piped: quiet apart from the summary.
    env = {**os.environ, "ARTICLE_READER_HOME": str(tmp_path / "d")}
    piped = subprocess.run(
        [sys.executable, "-m", "reader", "import", str(DUMPS)],
        capture_output=True,
        text=True,
        env=env,
    )
    assert (piped.stdout, piped.stderr) == ("imported 7, duplicates 0, failed 0\n", "")
    # On a terminal: a bar redrawn in place.
    import pty

    pid, fd = pty.fork()
    if pid == 0:
        os.execve(
            sys.executable,
            [
                sys.executable,
                "-m",
                "reader",
                "--data-dir",
                str(tmp_path / "e"),
                "import",
                str(DUMPS),
            ],
            env,
        )
    output = b""
    while True:
        try:
            chunk = os.read(fd, 4096)
        except OSError:
            break
        if not chunk:
            break
        output += chunk
    os.waitpid(pid, 0)
    text = output.decode()
    assert "\r[" in text and "7/7" in text
    assert "imported 7, duplicates 0, failed 0" in text


def test_a_damaged_library_gives_one_message_and_reset_moves_it_aside(run_cli):
    run_cli.data_dir.mkdir(parents=True)
    lib = run_cli.data_dir / "library.sqlite3"
    lib.write_bytes(b"not a database at all" * 50)
    result = run_cli("list")
    assert result.code == 6  # damaged (README: the command line)
    assert result.err == (
        f"article-reader: the library {lib} is damaged (it is not an SQLite database); run "
        "'article-reader reset-library': it moves the file aside (kept, renamed) and recovers "
        "every article that can still be read into a fresh library\n"
    )
    assert lib.read_bytes() == b"not a database at all" * 50
    reset = run_cli("reset-library")
    assert reset.code == 0
    [kept] = [p for p in run_cli.data_dir.iterdir() if "damaged" in p.name]
    assert kept.read_bytes() == b"not a database at all" * 50
    assert reset.out == (
        f"the library at {lib} was damaged; no articles could be read from it "
        f"into a fresh library; the damaged file is kept at {kept}\n"
    )
    assert run_cli("list").code == 0
    assert run_cli("reset-library").out == f"the library at {lib} is healthy; nothing was changed\n"


def test_a_listing_cut_short_by_its_reader_ends_quietly(tmp_path):
    # ``article-reader list --json | head``: the pipe closes long before the list ends.
    from reader.core.article import Article
    from reader.core.parsers import finish
    from reader.core.store import Library

    data = tmp_path / "data"
    with Library.open(data / "library.sqlite3") as library:
        articles = (finish(Article(title=f"Article {n}", body=f"Text {n}.")) for n in range(3000))
        assert library.add_all(articles) == 3000
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    process = subprocess.Popen(
        [sys.executable, "-m", "reader", "--data-dir", str(data), "list", "--json"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
    )
    assert process.stdout.read(100).startswith(b"[")
    process.stdout.close()  # as head does once it has its lines
    stderr = process.stderr.read().decode()
    assert process.wait(timeout=60) == 141
    assert stderr == ""
