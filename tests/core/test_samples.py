"""A new library starts with the shipped samples, once in its life."""

from reader.core.samples import add_samples_on_first_start
from reader.paths import resources_dir

SAMPLES = resources_dir() / "articles"


def test_the_samples_ship_with_the_app():
    names = {p.name for p in SAMPLES.iterdir()}
    assert {"welcome-en.md", "welcome-ru.md", "sample-news-dump.txt"} <= names


def test_first_start_imports_the_guides_and_the_sample_page(library):
    report = add_samples_on_first_start(library, SAMPLES)
    assert report is not None and report.ok
    by_language = {}
    formats = set()
    for summary in library.summaries():
        by_language.setdefault(summary.language, []).append(summary.title)
        formats.add(summary.format)
    assert "Welcome to Article Reader" in by_language["en"]
    assert len(by_language["ru"]) == 2  # the Russian guide and the sample news page
    assert "webdump" in formats


def test_deleted_samples_do_not_come_back(library):
    add_samples_on_first_start(library, SAMPLES)
    library.remove([s.id for s in library.summaries()])
    assert add_samples_on_first_start(library, SAMPLES) is None
    assert library.is_empty()


def test_a_library_with_articles_gets_no_samples(library, tmp_path):
    own = tmp_path / "mine.txt"
    own.write_text("Mine\n\nMy own article text.\n", encoding="utf-8")
    from reader.core.file_import import import_paths

    import_paths(library, [own])
    assert add_samples_on_first_start(library, SAMPLES) is None
    assert library.count() == 1
