"""The library store: WAL, schema versions and migrations, duplicates, damaged files."""

import sqlite3

import pytest

from reader.core.article import Article
from reader.core.errors import LibraryDamaged, LibraryError
from reader.core.store import Library
from reader.core.store import library as library_module
from reader.core.store.library import MIGRATIONS, SCHEMA_VERSION
from reader.core.store.library_file import move_aside
from reader.core.store.schema import ACCENTS_FOLDED


def make_article(n: int, **fields) -> Article:
    body = fields.pop(
        "body", f"Paragraph number {n} of a test article about rivers.\n\nSecond part {n}."
    )
    article = Article(title=fields.pop("title", f"Article {n}"), body=body, **fields)
    article = article.with_derived_fields()
    article.imported_at = article.imported_at or "2026-11-27T10:00:00+00:00"
    return article


def test_a_new_library_uses_wal_foreign_keys_and_the_latest_schema(tmp_path):
    path = tmp_path / "lib.sqlite3"
    with Library.open(path) as lib:
        assert lib.schema_version == SCHEMA_VERSION
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    db.close()
    with Library.open(path) as lib:
        assert lib._db.execute("PRAGMA foreign_keys").fetchone()[0] == 1


def test_an_article_round_trips_every_field(library):
    article = make_article(
        1,
        authors=["Анна Петрова", "Jane Roe"],
        published="2024-01-05T16:25:27",
        source="evrazesnews.ru",
        url="https://evrazesnews.ru/a/1",
        language="ru",
        views=719,
        lead="Коротко.",
        tags=["news", "ОДКБ"],
        original_path="/tmp/a.txt",
        format="webdump",
    )
    result = library.add(article)
    assert not result.duplicate
    stored = library.get(result.id)
    article.id = result.id
    assert stored == article


def test_the_same_text_is_not_stored_twice(library):
    first = library.add(make_article(1, body="Один и тот же текст статьи, ёлка."))
    again = library.add(
        make_article(2, title="Other title", body="ОДИН и тот же  текст статьи — елка!")
    )
    assert again.duplicate and again.id == first.id
    assert library.count() == 1


@pytest.mark.parametrize("version", range(1, SCHEMA_VERSION))
def test_a_library_at_version_n_opens_at_n_plus_1_without_loss(tmp_path, version, monkeypatch):
    path = tmp_path / "old.sqlite3"
    monkeypatch.setattr(library_module, "SCHEMA_VERSION", version)
    monkeypatch.setattr(library_module, "MIGRATIONS", MIGRATIONS[:version])
    with Library.open(path) as old:
        assert old.schema_version == version
        old._db.execute(
            "INSERT INTO articles (title, body, words, content_hash, imported_at, published) "
            "VALUES ('Old one', 'Body text', 2, 'h1', '2023-05-01T08:00:00', '2023-04-30')"
        )
    monkeypatch.setattr(library_module, "SCHEMA_VERSION", version + 1)
    monkeypatch.setattr(library_module, "MIGRATIONS", MIGRATIONS[: version + 1])
    with Library.open(path) as new:
        assert new.schema_version == version + 1
        rows = new._db.execute("SELECT title, body, content_hash FROM articles").fetchall()
        assert rows == [("Old one", "Body text", "h1")]


def test_every_version_migrates_to_the_latest_and_lists_by_date(tmp_path, monkeypatch):
    path = tmp_path / "v1.sqlite3"
    monkeypatch.setattr(library_module, "SCHEMA_VERSION", 1)
    monkeypatch.setattr(library_module, "MIGRATIONS", MIGRATIONS[:1])
    with Library.open(path) as old:
        for title, published in (("Older", "2020-01-01"), ("Newer", "2024-06-01T10:00:00")):
            old._db.execute(
                "INSERT INTO articles (title, body, words, content_hash, imported_at, published) "
                "VALUES (?, 'x', 1, ?, '2026-01-01T00:00:00', ?)",
                (title, title, published),
            )
    monkeypatch.undo()
    with Library.open(path) as lib:
        assert [s.title for s in lib.summaries()] == ["Newer", "Older"]


def test_a_library_from_a_newer_version_is_refused_untouched(tmp_path):
    path = tmp_path / "future.sqlite3"
    Library.open(path).close()
    db = sqlite3.connect(path)
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    db.close()
    before = path.read_bytes()
    with pytest.raises(LibraryError, match="newer Article Reader"):
        Library.open(path)
    assert path.read_bytes() == before


def test_a_file_that_is_not_sqlite_is_reported_and_kept(tmp_path):
    path = tmp_path / "library.sqlite3"
    path.write_bytes(b"these are my notes, not a database\n" * 100)
    with pytest.raises(LibraryDamaged, match="not an SQLite database") as caught:
        Library.open(path)
    assert "reset-library" in str(caught.value)
    assert path.read_bytes() == b"these are my notes, not a database\n" * 100


def test_a_truncated_library_is_reported_and_kept(tmp_path):
    path = tmp_path / "library.sqlite3"
    with Library.open(path) as lib:
        for n in range(200):
            lib.add(make_article(n, body=f"Text {n} " + "word " * 300))
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    # (SQLite's judgement: the file's size alone says nothing, see test_library_faults.)
    with pytest.raises(LibraryDamaged, match=r"is damaged \(database disk image is malformed\)"):
        Library.open(path)
    assert path.read_bytes() == data[: len(data) // 2]


def test_moving_a_damaged_library_aside_keeps_it_and_frees_the_name(tmp_path):
    path = tmp_path / "library.sqlite3"
    path.write_bytes(b"garbage")
    kept = move_aside(path)
    assert kept.read_bytes() == b"garbage"
    assert not path.exists()
    assert "damaged" in kept.name
    with Library.open(path) as fresh:
        assert fresh.is_empty()
    again = tmp_path / "library.sqlite3"
    assert move_aside(again) != kept  # a second move never overwrites the first


def test_a_failed_write_leaves_earlier_articles_and_the_file_healthy(library, monkeypatch):
    library.add(make_article(1))
    broken = make_article(2)
    broken.content_hash = None  # violates NOT NULL inside the transaction
    with pytest.raises(sqlite3.IntegrityError):
        library.add(broken)
    library.add(make_article(3))
    assert [s.title for s in library.summaries()] == ["Article 3", "Article 1"]
    assert library.count() == 2
    assert library._db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_remove_returns_what_existed(library):
    ids = [library.add(make_article(n)).id for n in range(3)]
    assert library.remove([ids[0], 9999]) == [ids[0]]
    assert library.get(ids[0]) is None
    assert library.count() == 2


def test_in_a_group_of_writes_a_failed_article_undoes_only_itself(library):
    with library.bulk_writes():
        library.add(make_article(1, body="A first article about herons by the river."))
        broken = make_article(2, body="A second article, broken on purpose.")
        broken.content_hash = None  # NOT NULL fails inside this article's savepoint
        with pytest.raises(sqlite3.IntegrityError):
            library.add(broken)
        library.add(make_article(3, body="A third article about herons in the reeds."))
    assert [s.title for s in library.summaries()] == ["Article 3", "Article 1"]
    assert library._db.execute("SELECT count(*) FROM search_index").fetchone()[0] == 2
    assert library._db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert not library._db.in_transaction


# -- the filter folds as search does ------------------------------------------------------


def test_the_filter_ignores_latin_accents_case_and_yo_as_search_does(library):
    for n, (title, source, authors) in enumerate(
        [
            ("Café society", "Le Monde", []),
            ("A plain cafe", None, []),
            ("Ёлка во дворе", "Вести", ["Пётр Иванов"]),
            ("Crème brûlée", None, ["Zoë Müller"]),
            ("Something else", "example.org", []),
        ]
    ):
        library.add(make_article(n, title=title, source=source, authors=authors))

    def titles(text):
        return sorted(library.get(i).title for i in library.ids(text=text))

    assert titles("cafe") == ["A plain cafe", "Café society"]
    assert titles("CAFÉ") == ["A plain cafe", "Café society"]
    assert titles("creme brulee") == ["Crème brûlée"]
    assert titles("zoe muller") == ["Crème brûlée"]
    assert titles("елка") == titles("ЁЛКА") == ["Ёлка во дворе"]
    assert titles("петр") == ["Ёлка во дворе"]
    assert titles("le monde") == ["Café society"]


def test_a_library_filtered_before_accents_were_folded_finds_them_after_migrating(
    tmp_path, monkeypatch
):
    # A library of the schema before 7: its filter text kept Latin accents ("café").
    path = tmp_path / "old.sqlite3"
    before = ACCENTS_FOLDED - 1
    monkeypatch.setattr(library_module, "SCHEMA_VERSION", before)
    monkeypatch.setattr(library_module, "MIGRATIONS", MIGRATIONS[:before])
    with Library.open(path) as old:
        for n, (title, authors) in enumerate(
            [("Café society", '["Zoë Müller"]'), ("Ёлка", "[]"), ("Plain", "[]")]
        ):
            old._db.execute(
                "INSERT INTO articles (title, authors, body, words, content_hash, imported_at, "
                "sort_key, filter_text) VALUES (?, ?, 'Body', 1, ?, '2024-01-01T00:00:00', "
                "'2024-01-01T00:00:00', ?)",
                (title, authors, f"h{n}", f"{title}\n{authors}".casefold().replace("ё", "е")),
            )
        old_ids = {title: i for i, title in old._db.execute("SELECT id, title FROM articles")}
        assert old.ids(text="cafe") == []
    monkeypatch.undo()
    with Library.open(path) as new:
        assert new.schema_version == SCHEMA_VERSION
        assert new.count() == 3
        assert new.ids(text="cafe") == new.ids(text="zoe muller") == [old_ids["Café society"]]
        assert new.ids(text="елка") == [old_ids["Ёлка"]]
        assert {s.title for s in new.summaries()} == {"Café society", "Ёлка", "Plain"}


def test_a_read_only_library_of_the_schema_before_is_read_as_it_is(tmp_path, monkeypatch):
    # Schema 7 only re-folded stored text: a library of schema 6 on a read-only disk (it
    # cannot be brought up to date) still opens, unchanged, and its filter finds titles as
    # that schema stored them (accents kept).
    from helpers import read_only

    folder = tmp_path / "data"
    folder.mkdir()
    path = folder / "library.sqlite3"
    before = ACCENTS_FOLDED - 1
    monkeypatch.setattr(library_module, "SCHEMA_VERSION", before)
    monkeypatch.setattr(library_module, "MIGRATIONS", MIGRATIONS[:before])
    with Library.open(path) as old:
        first = old.add(make_article(1, title="Café society")).id
        old.add(make_article(2, title="Ёлка"))
        old._db.execute("UPDATE articles SET filter_text = lower(title)")  # (as v6 stored it)
        old._db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    monkeypatch.undo()
    unchanged = path.read_bytes()
    with read_only(folder), Library.open(path) as library:
        assert library.read_only and library.schema_version == before
        assert library.count() == 2
        assert library.ids(text="CAFÉ") == [first]
        assert library.get(first).title == "Café society"
        assert library.picture_sizes(first) == {}  # (schema 8's pictures: it has none)
        assert library.picture(64 * "0") is None
    assert path.read_bytes() == unchanged


def test_a_write_to_a_closed_library_is_a_library_error_not_a_crash(tmp_path):
    # (A window's last timer may fire after its library closed, at exit.)
    lib = Library.open(tmp_path / "lib.sqlite3")
    lib.close()
    with pytest.raises(LibraryError, match="is closed"):
        lib.add(make_article(1))
