"""`article-reader history`: list, JSON, clear, export."""

import csv
import json

from helpers import FIXTURES
from reader.core.history import History
from reader.core.store import Library


def read_some(run_cli, count=3):
    run_cli("import", FIXTURES / "dumps")
    with Library.open(run_cli.data_dir / "library.sqlite3") as library:
        history = History(library)
        ids = library.ids()[:count]
        for n, article in enumerate(ids):
            history.record_progress(article, n, 0.5, seen=0.3 * (n + 1), active_seconds=60)
    return ids


def test_history_lists_most_recent_first(run_cli):
    read_some(run_cli)
    result = run_cli("history")
    assert result.code == 0
    lines = result.out.splitlines()
    assert len(lines) == 3
    assert " 90%" in lines[0]
    assert " 30%" in lines[-1]


def test_history_json_and_limit(run_cli):
    ids = read_some(run_cli)
    records = json.loads(run_cli("history", "--json").out)
    assert [r["id"] for r in records] == list(reversed(ids))
    assert records[-1]["progress"] == 30 and records[-1]["sessions"] == 1
    assert records[-1]["active_seconds"] == 60
    assert set(records[0]) >= {
        "id",
        "title",
        "source",
        "first_opened",
        "last_opened",
        "progress",
        "finished",
    }
    assert len(json.loads(run_cli("history", "--json", "--limit", "1").out)) == 1


def test_history_export_json_and_csv(run_cli, tmp_path):
    read_some(run_cli)
    result = run_cli("history", "export", tmp_path / "h.json")
    assert (result.code, result.out) == (
        0,
        f"exported 3 history entries to {tmp_path / 'h.json'}\n",
    )
    assert len(json.loads((tmp_path / "h.json").read_text(encoding="utf-8"))) == 3
    assert run_cli("history", "export", tmp_path / "h.csv").code == 0
    rows = list(csv.DictReader((tmp_path / "h.csv").open(encoding="utf-8")))
    assert len(rows) == 3 and rows[0]["title"]


def test_history_export_needs_a_known_extension(run_cli, tmp_path):
    read_some(run_cli)
    result = run_cli("history", "export", tmp_path / "h.xml")
    assert (result.code, result.err) == (
        1,
        f"article-reader: {tmp_path / 'h.xml'}: the file must end in .json or .csv\n",
    )
    assert not (tmp_path / "h.xml").exists()


def test_history_clear(run_cli):
    read_some(run_cli)
    assert run_cli("history", "clear").out == "cleared 3 history entries\n"
    assert run_cli("history", "--json").out.strip() == "[]"
