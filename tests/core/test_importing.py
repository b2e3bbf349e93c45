"""Walking folders and importing many files: order, parallel parsing, cancel, page folders."""

import threading

from picture_files import photo

from helpers import FIXTURES
from reader.core.file_import import import_paths

DUMPS = FIXTURES / "dumps"


def _titles(library):
    return sorted(s.title for s in library.summaries())


def test_parallel_parsing_gives_the_same_library_as_serial(tmp_path):
    from reader.core.store import Library

    with (
        Library.open(tmp_path / "a.sqlite3") as serial,
        Library.open(tmp_path / "b.sqlite3") as parallel,
    ):
        one = import_paths(serial, [DUMPS, FIXTURES / "html"], workers=1)
        two = import_paths(parallel, [DUMPS, FIXTURES / "html"], workers=2)
        assert one.summary() == two.summary()
        assert [str(f) for f in one.failures] == [str(f) for f in two.failures]
        assert _titles(serial) == _titles(parallel)
        assert len(_titles(serial)) >= 7


def test_progress_counts_every_file_and_ends_at_the_total(library):
    seen = []
    import_paths(library, [DUMPS], progress=lambda done, total, path: seen.append((done, total)))
    assert seen[0] == (0, 7)
    assert seen[-1] == (7, 7)
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)


def test_a_cancelled_import_keeps_what_went_in_and_stops(library):
    cancel = threading.Event()

    def progress(done, total, path):
        if done == 3:
            cancel.set()

    report = import_paths(library, [DUMPS], progress=progress, cancel=cancel)
    assert report.cancelled
    assert report.summary() == "imported 3, duplicates 0, failed 0 (cancelled)"
    assert library.count() == 3
    assert library._db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_a_browsers_page_folder_is_not_walked(tmp_path, library):
    tmp_path = tmp_path / "saved"
    tmp_path.mkdir()
    page = tmp_path / "Saved page.html"
    html = (FIXTURES / "html" / "en_news_ledger.html").read_text(encoding="utf-8")
    page.write_text(html.replace('src="turbine.jpg"', 'src="Saved page_files/turbine.jpg"'))
    assets = tmp_path / "Saved page_files"
    assets.mkdir()
    (assets / "frame.html").write_text(
        "<html><body><p>An advert frame</p></body></html>", encoding="utf-8"
    )
    (assets / "script.js").write_text("var x = 1;", encoding="utf-8")
    (assets / "turbine.jpg").write_bytes(photo(300, 200, "JPEG"))  # the article's picture
    report = import_paths(library, [tmp_path])
    assert report.summary() == "imported 1, duplicates 0, failed 0"
    assert list(library.picture_sizes(report.imported[0]).values()) == [(300, 200)]


def test_hidden_files_and_folders_are_left_alone(tmp_path, library):
    tmp_path = tmp_path / "notes"
    tmp_path.mkdir()
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "notes.txt").write_text("Secret\n\nnot an article\n", encoding="utf-8")
    (tmp_path / ".hidden.md").write_text("# Hidden\n\ntext\n", encoding="utf-8")
    (tmp_path / "visible.md").write_text("# Visible\n\nSome article text.\n", encoding="utf-8")
    report = import_paths(library, [tmp_path])
    assert report.summary() == "imported 1, duplicates 0, failed 0"
    assert _titles(library) == ["Visible"]
