"""An article kept without its pictures gets them when a copy with them is imported: the
same page saved again with its folder, the page after its text dump, a page imported
before pictures were kept. One article either way, never two."""

import hashlib

import pytest
from picture_files import photo

from reader.core.article import Article, normalise_for_hash, plain_text
from reader.core.file_import import import_paths
from reader.core.history import History
from reader.core.store import Library
from reader.core.store import library as library_module
from reader.core.store.library import MIGRATIONS
from reader.core.store.schema import PICTURES_VERSION

TITLE = "Bridge reopens after repairs"
PARAGRAPHS = [
    "The old stone bridge over the river reopened on Monday after eight months of repairs, "
    "the council said in a statement that thanked residents for their patience.",
    "Engineers replaced two of the arches and relaid the road surface, work that was "
    "delayed twice by floods in the spring and again in the autumn of last year.",
    "The footpath on the north side will follow before the summer holidays begin, and the "
    "council has promised a new ramp for wheelchairs and prams at the town end.",
]
CAPTION = "The bridge at dawn on Monday. Photo: Jane Roe"


def saved_page(folder, with_files=True):
    """The page as a browser saves it: the HTML, and its pictures in ``page_files/``."""
    folder.mkdir(parents=True, exist_ok=True)
    if with_files:
        (folder / "page_files").mkdir(exist_ok=True)
        (folder / "page_files" / "dawn.jpg").write_bytes(photo(800, 500, "JPEG"))
        (folder / "page_files" / "arch.png").write_bytes(photo(300, 200, hue=40))
    page = folder / "page.html"
    page.write_text(
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
        f"<title>{TITLE} | River Post</title></head><body><article><h1>{TITLE}</h1>"
        f"<p>{PARAGRAPHS[0]}</p>"
        '<figure><img src="page_files/dawn.jpg" alt="The bridge at dawn">'
        f"<figcaption>{CAPTION}</figcaption></figure>"
        f"<p>{PARAGRAPHS[1]}</p>"
        '<p><img src="page_files/arch.png" alt="One of the new arches"></p>'
        f"<p>{PARAGRAPHS[2]}</p></article></body></html>",
        encoding="utf-8",
    )
    return page


def text_dump(folder):
    dump = folder / "page.txt"
    dump.write_text(TITLE + "\n\n" + "\n\n".join(PARAGRAPHS) + "\n", encoding="utf-8")
    return dump


def assert_has_its_pictures(library, article_id):
    article = library.get(article_id)
    assert sorted(library.picture_sizes(article_id).values()) == [(300, 200), (800, 500)]
    assert "![The bridge at dawn](picture:" in article.body
    assert f"\n*{CAPTION}*" in article.body
    assert article.format == "html"
    return article


def test_a_page_saved_again_with_its_pictures_gives_them_to_the_article(tmp_path, library):
    first = import_paths(library, [saved_page(tmp_path / "a", with_files=False)])
    assert len(first.pictures_dropped) == 2  # (its folder was not saved with it)
    [article_id] = first.imported
    History(library).record_progress(article_id, block=2, block_fraction=0.5, seen=0.6)

    again = import_paths(library, [saved_page(tmp_path / "b")])
    assert again.summary() == (
        "imported 0, duplicates 1, failed 0, pictures added to 1 article already in the library"
    )
    assert again.given_pictures == [article_id] and again.stored == [article_id]
    assert library.count() == 1
    assert_has_its_pictures(library, article_id)
    assert History(library).get(article_id).block == 2  # its reading history stays


def test_the_page_after_its_text_dump_brings_the_pictures_and_its_own_text(tmp_path, library):
    dump = import_paths(library, [text_dump(tmp_path)])
    [article_id] = dump.imported
    assert library.get(article_id).format == "text"

    page = import_paths(library, [saved_page(tmp_path)])
    assert page.duplicates and page.given_pictures == [article_id]
    assert library.count() == 1
    article = assert_has_its_pictures(library, article_id)
    assert article.original_path.endswith("page.html")  # (the page's text and details now)


def test_a_copy_without_the_pictures_leaves_the_article_as_it_is(tmp_path, library):
    [article_id] = import_paths(library, [saved_page(tmp_path / "a")]).imported
    before = library.get(article_id)
    for copy in (text_dump(tmp_path), saved_page(tmp_path / "b", with_files=False)):
        report = import_paths(library, [copy])
        assert report.summary().startswith("imported 0, duplicates 1, failed 0")
        assert "pictures added" not in report.summary() and not report.pictures_dropped
    assert library.get(article_id).body == before.body
    assert_has_its_pictures(library, article_id)


def test_a_copy_with_other_pictures_does_not_take_away_those_kept(tmp_path, library):
    [article_id] = import_paths(library, [saved_page(tmp_path / "a")]).imported
    other = saved_page(tmp_path / "b")
    (tmp_path / "b" / "page_files" / "arch.png").unlink()
    (tmp_path / "b" / "page_files" / "dawn.jpg").write_bytes(photo(640, 400, "JPEG", hue=90))
    report = import_paths(library, [other])
    assert report.given_pictures == [] and len(report.duplicates) == 1
    assert_has_its_pictures(library, article_id)


def test_the_copy_with_pictures_found_in_one_import_is_the_one_kept(tmp_path, library):
    report = import_paths(library, [text_dump(tmp_path), saved_page(tmp_path / "page")])
    assert report.summary() == "imported 1, duplicates 1, failed 0"
    [article_id] = report.imported
    assert_has_its_pictures(library, article_id)
    assert library.count() == 1


def _library_before_pictures(path, monkeypatch, articles):
    """A library as the version before pictures (schema 7) left it, holding ``articles``
    stored as that version stored them."""
    before = PICTURES_VERSION - 1
    monkeypatch.setattr(library_module, "SCHEMA_VERSION", before)
    monkeypatch.setattr(library_module, "MIGRATIONS", MIGRATIONS[:before])
    with Library.open(path) as old:
        ids = [old.add(article).id for article in articles]
    monkeypatch.undo()
    return ids


def _as_stored_before_pictures(title, body, **fields):
    """The article as the version before pictures stored it: every word of its body
    counted in its duplicate key, alt text included (the images of a page it did not
    read at all)."""
    words = normalise_for_hash(plain_text(body))
    article = Article(title=title, body=body, words=len(words.split()), **fields)
    article.content_hash = hashlib.sha256(words.encode()).hexdigest()
    article.imported_at = "2026-10-01T09:00:00+00:00"
    return article


def test_a_page_imported_before_pictures_were_kept_gets_them_when_imported_again(
    tmp_path, monkeypatch
):
    path = tmp_path / "library.sqlite3"
    # The version before pictures read the page's text only: no images, no captions.
    [old_id] = _library_before_pictures(
        path,
        monkeypatch,
        [_as_stored_before_pictures(TITLE, "\n\n".join(PARAGRAPHS), format="html")],
    )
    with Library.open(path) as library:
        report = import_paths(library, [saved_page(tmp_path / "page")])
        assert report.given_pictures == [old_id] and not report.imported
        assert library.count() == 1
        article = assert_has_its_pictures(library, old_id)
        assert article.imported_at == "2026-10-01T09:00:00+00:00"  # it came in then


def test_a_note_imported_before_pictures_were_kept_is_the_same_article_after(tmp_path, monkeypatch):
    path = tmp_path / "library.sqlite3"
    note_text = (
        f"{PARAGRAPHS[0]}\n\n![The hill from the bridge](images/hill.png)\n\n{PARAGRAPHS[1]}"
    )
    [old_id] = _library_before_pictures(
        path,
        monkeypatch,
        [_as_stored_before_pictures("A walk", note_text, format="markdown")],
    )
    (tmp_path / "images").mkdir()
    (tmp_path / "images" / "hill.png").write_bytes(photo(320, 240))
    note = tmp_path / "walk.md"
    note.write_text(f"# A walk\n\n{note_text}\n", encoding="utf-8")
    with Library.open(path) as library:
        report = import_paths(library, [note])
        assert report.given_pictures == [old_id] and library.count() == 1
        assert "![The hill from the bridge](picture:" in library.get(old_id).body
        assert list(library.picture_sizes(old_id).values()) == [(320, 240)]


def test_articles_told_apart_only_by_their_pictures_words_both_stay(tmp_path, monkeypatch):
    # Kept as two articles by the duplicate check of their time; neither is lost when the
    # keys are made again without the pictures' words.
    path = tmp_path / "library.sqlite3"
    bodies = [f"{PARAGRAPHS[0]}\n\n![{alt}](photo.png)" for alt in ("A heron", "A kingfisher")]
    ids = _library_before_pictures(
        path, monkeypatch, [_as_stored_before_pictures(TITLE, body) for body in bodies]
    )
    with Library.open(path) as library:
        assert library.count() == 2
        assert [library.get(i).body for i in ids] == bodies


@pytest.mark.parametrize("alt", ["The bridge at dawn", "Another alt text entirely"])
def test_pictures_words_do_not_make_a_copy_another_article(alt, tmp_path, library):
    [first] = import_paths(library, [text_dump(tmp_path)]).imported
    with_pictures = Article(
        title=TITLE,
        body=f"{PARAGRAPHS[0]}\n\n![{alt}](picture:{'0' * 64})\n*{CAPTION}*\n\n"
        + "\n\n".join(PARAGRAPHS[1:]),
        imported_at="2026-12-01T10:00:00+00:00",
    ).with_derived_fields()
    assert library.add(with_pictures) == (first, True, False)
    assert library.count() == 1


def test_articles_recovered_from_a_damaged_library_keep_being_the_same_articles(
    tmp_path, monkeypatch
):
    from reader.core.store.salvage import salvage

    old = tmp_path / "old.sqlite3"
    note_text = f"{PARAGRAPHS[0]}\n\n![The hill](images/hill.png)"
    twins = [f"{PARAGRAPHS[1]}\n\n![{alt}](photo.png)" for alt in ("A heron", "A kingfisher")]
    ids = _library_before_pictures(
        old,
        monkeypatch,
        [_as_stored_before_pictures("A walk", b, format="markdown") for b in [note_text, *twins]],
    )
    (tmp_path / "images").mkdir()
    (tmp_path / "images" / "hill.png").write_bytes(photo(320, 240))
    note = tmp_path / "walk.md"
    note.write_text(f"# A walk\n\n{note_text}\n", encoding="utf-8")
    with Library.open(tmp_path / "fresh.sqlite3") as fresh:
        assert salvage(old, fresh).articles == 3
        assert sorted(fresh.ids()) == ids  # the twins too, each under its own id
        report = import_paths(fresh, [note])
        assert report.given_pictures == [ids[0]] and fresh.count() == 3
