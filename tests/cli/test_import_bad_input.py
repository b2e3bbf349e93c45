"""Bad input: one clear line naming the file and the reason, a non-zero exit, and every
other file still imported."""

import os
from pathlib import Path

import pytest

from reader.core.file_import import import_paths

GOOD = "A good article\n\nThis paragraph is the whole of a small but perfectly good article.\n"


def write_good(folder: Path, name: str = "good.txt") -> Path:
    path = folder / name
    path.write_text(GOOD, encoding="utf-8")
    return path


def assert_one_failure(result, path: Path, reason: str) -> None:
    assert result.code == 1
    assert result.out.strip() == "imported 1, duplicates 0, failed 1"
    assert result.err.splitlines() == [f"{path}: {reason}"]


def test_empty_file(tmp_path, run_cli):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    result = run_cli("import", empty, write_good(tmp_path))
    assert_one_failure(result, empty, "the file is empty")


def test_whitespace_only_file(tmp_path, run_cli):
    blank = tmp_path / "blank.md"
    blank.write_text(" \n\u00a0\n\t\n", encoding="utf-8")
    result = run_cli("import", blank, write_good(tmp_path))
    assert_one_failure(result, blank, "the file holds only whitespace")


def test_binary_file_named_txt(tmp_path, run_cli):
    binary = tmp_path / "photo.txt"
    binary.write_bytes(bytes(range(256)) * 40)
    result = run_cli("import", binary, write_good(tmp_path))
    assert_one_failure(result, binary, "not a text file (it holds binary data)")


def test_fifty_megabyte_file_is_refused_by_size_without_reading_it(tmp_path, run_cli):
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as handle:
        handle.write(b"Title\n\n")
        handle.write(("слово " * 1000 + "\n\n").encode() * 4600)
    assert huge.stat().st_size > 50_000_000
    result = run_cli("import", huge, write_good(tmp_path))
    assert_one_failure(
        result,
        huge,
        f"the file is too large ({huge.stat().st_size / 1048576:.1f} MB; the limit is 32 MB)",
    )


def test_invalid_utf8_bytes(tmp_path, run_cli):
    damaged = tmp_path / "damaged.txt"
    head, tail = (
        "Заголовок статьи\n\n".encode(),
        "Первый абзац статьи о погоде и городе.\n".encode(),
    )
    assert len(head) == 33
    damaged.write_bytes(head + b"\xff\xfe\xff" + tail)
    result = run_cli("import", damaged, write_good(tmp_path))
    assert_one_failure(
        result,
        damaged,
        "invalid UTF-8 at byte 33: the file is UTF-8 with damaged bytes; "
        "repair or re-save it as UTF-8",
    )


@pytest.fixture
def unprivileged():
    """Drop to an ordinary user's rights for the block (root reads any file regardless)."""
    if os.geteuid() != 0:
        yield lambda: _NullContext()
        return

    class Dropped:
        def __enter__(self):
            os.setegid(65534)
            os.seteuid(65534)

        def __exit__(self, *exc):
            os.seteuid(0)
            os.setegid(0)

    yield Dropped


class _NullContext:
    def __enter__(self):
        return None

    def __exit__(self, *exc):
        return None


def test_unreadable_file(tmp_path, library, unprivileged):
    # The library is opened before rights are dropped, as the running app has it open.
    folder = tmp_path / "shared"
    folder.mkdir()
    secret = folder / "secret.txt"
    secret.write_text(GOOD.replace("good", "secret"), encoding="utf-8")
    secret.chmod(0)
    good = write_good(folder)
    good.chmod(0o644)
    # pytest's temporary folders are private to root: let the ordinary user pass through.
    opened = []
    for parent in [folder, *folder.parents]:
        mode = parent.stat().st_mode & 0o777
        if not mode & 0o001:
            parent.chmod(mode | 0o111)
            opened.append((parent, mode))
    try:
        with unprivileged():
            report = import_paths(library, [secret, good])
    finally:
        for parent, mode in opened:
            parent.chmod(mode)
    assert report.summary() == "imported 1, duplicates 0, failed 1"
    assert [str(f) for f in report.failures] == [
        f"{secret}: permission denied (the file cannot be read)"
    ]
    assert [s.title for s in library.summaries()] == ["A good article"]


def test_path_that_does_not_exist(tmp_path, run_cli):
    missing = tmp_path / "nowhere" / "article.txt"
    result = run_cli("import", missing, write_good(tmp_path))
    assert_one_failure(result, missing, "no such file or folder")


def test_folder_with_a_symlink_loop(tmp_path, run_cli):
    top = tmp_path / "articles"
    inner = top / "inner"
    inner.mkdir(parents=True)
    write_good(inner)
    (inner / "back-to-top").symlink_to(top, target_is_directory=True)
    result = run_cli("import", top)
    loop = inner / "back-to-top"
    assert_one_failure(result, loop, f"symbolic link loop (leads back to {top}); not followed")


def test_a_link_to_itself_inside_a_folder(tmp_path, run_cli):
    top = tmp_path / "articles"
    top.mkdir()
    write_good(top)
    (top / "self.txt").symlink_to(top / "self.txt")
    result = run_cli("import", top)
    assert_one_failure(
        result, top / "self.txt", "symbolic link loop (the link leads back to itself); not followed"
    )


def test_markdown_with_broken_front_matter(tmp_path, run_cli):
    broken = tmp_path / "broken.md"
    broken.write_text(
        "---\ntitle: [unclosed\nauthor: Me\n---\n\nBody text here.\n", encoding="utf-8"
    )
    result = run_cli("import", broken, write_good(tmp_path))
    assert result.code == 1
    assert result.out.strip() == "imported 1, duplicates 0, failed 1"
    [line] = result.err.splitlines()
    assert line.startswith(f"{broken}: broken front matter on line ")


def test_markdown_with_unclosed_front_matter(tmp_path, run_cli):
    broken = tmp_path / "unclosed.md"
    broken.write_text(
        "---\ntitle: Fine\n\nThe body starts but the block never closes.\n", encoding="utf-8"
    )
    result = run_cli("import", broken, write_good(tmp_path))
    assert_one_failure(
        result, broken, "broken front matter: the opening '---' has no closing '---'"
    )


def test_html_with_no_article(tmp_path, run_cli):
    page = tmp_path / "login.html"
    page.write_text(
        "<!DOCTYPE html><html><head><title>Sign in</title></head><body>"
        "<nav><a href='/'>Home</a> <a href='/about'>About</a></nav>"
        "<form><label>Login <input name=u></label><button>Sign in</button></form>"
        "<footer>© 2024 Example</footer></body></html>",
        encoding="utf-8",
    )
    result = run_cli("import", page, write_good(tmp_path))
    assert_one_failure(result, page, "no article text found in the HTML page")


def test_unknown_extension(tmp_path, run_cli):
    doc = tmp_path / "report.docx"
    doc.write_bytes(b"PK\x03\x04 not really a document")
    result = run_cli("import", doc, write_good(tmp_path))
    assert_one_failure(
        result,
        doc,
        "unsupported file type '.docx' (supported: .htm, .html, .markdown, .md, .mdown, "
        ".mht, .mhtml, .mkd, .mkdn, .shtml, .text, .txt, .xhtml)",
    )


def test_unsupported_files_inside_a_folder_are_skipped_not_failed(tmp_path, run_cli):
    (tmp_path / "x").mkdir()
    write_good(tmp_path / "x")
    (tmp_path / "x" / "cover.jpg").write_bytes(b"\xff\xd8\xff")
    result = run_cli("import", tmp_path / "x")
    assert result.code == 0
    assert result.out.strip() == "imported 1, duplicates 0, failed 0, skipped 1 unsupported"


def test_many_bad_files_at_once_still_import_every_good_one(tmp_path, run_cli):
    bad = []
    for n in range(5):
        path = tmp_path / f"empty{n}.txt"
        path.write_bytes(b"")
        bad.append(path)
    good = []
    for n in range(3):
        path = tmp_path / f"good{n}.txt"
        path.write_text(
            f"Good {n}\n\nDifferent text number {n} for a good article.\n", encoding="utf-8"
        )
        good.append(path)
    result = run_cli("import", *bad, *good)
    assert result.code == 1
    assert result.out.strip() == "imported 3, duplicates 0, failed 5"
    listing = run_cli("list")
    assert sorted(line.split(None, 3)[-1] for line in listing.out.splitlines()) == [
        "Good 0",
        "Good 1",
        "Good 2",
    ]
