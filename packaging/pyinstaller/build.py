"""Build the one-folder bundle of Article Reader with PyInstaller, smoke-test it, measure it.

    python packaging/pyinstaller/build.py [--dist DIR] [--no-smoke] [--runs N]

Run it with the Python that has the application's dependencies and PyInstaller (a build
tool, not a dependency of the application: ``python -m pip install pyinstaller``).
PyInstaller cannot cross-compile: the bundle is for the system it is built on.

Steps:
1. the icon the system wants (Windows .ico, macOS .icns), drawn from the SVG by
   packaging/icons.py into build/pyinstaller/icons/;
2. PyInstaller with article-reader.spec (work files in build/pyinstaller/work/, its
   cache in build/pyinstaller/cache/), timed; the bundle goes to build/pyinstaller/dist/
   or --dist DIR;
3. the smoke test: the bundle, offscreen and with a temporary data folder, imports and
   opens a Markdown file, a saved HTML page and a Russian text file in Windows-1251, must
   report a file it cannot read, starts with the Russian interface (its translations and
   Qt's), and its commands must import a few hundred files at once (worker processes),
   list the articles with their languages and find the Russian one by another form of a
   word;
4. cold start: the median of --runs starts of the bundle and of ``python -m reader``
   (``--quit-after-load``, no file), on an existing library and as a first start.

Exits with 1 when the build or the smoke test fails, saying what failed.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
SPEC = HERE / "article-reader.spec"
BUILD = ROOT / "build" / "pyinstaller"  # build/ is git-ignored
NAME = "article-reader"
APP_BUNDLE = "Article Reader.app"
WINDOWS = sys.platform == "win32"
MACOS = sys.platform == "darwin"
RUN_TIMEOUT = 60  # seconds for one start of the application (it takes about one)

# Import name -> what to install; the bundle holds what this Python has.
APP_DEPENDENCIES = "the application's dependencies (python -m pip install .)"
REQUIRED = {
    "PyInstaller": "PyInstaller 6 or later (python -m pip install pyinstaller)",
    **dict.fromkeys(
        (
            "PySide6",
            "trafilatura",
            "py3langid",
            "Stemmer",
            "charset_normalizer",
            "yaml",
            "markdown",
            "platformdirs",
        ),
        APP_DEPENDENCIES,
    ),
}

LOADED_LINE = re.compile(r"^Article Reader (\S+): (\d+) articles; showing '(.*)'$", re.M)
# What reader.ui.shell.application logs when a translation catalogue cannot be loaded.
MISSING_TRANSLATION = re.compile(r"no (\S+) translation in")


class Failed(Exception):
    """A step failed; the message says which and why."""


@dataclass(frozen=True)
class Bundle:
    folder: Path  # what is shipped: the one folder, or the .app on macOS
    gui: Path  # the executable a user starts
    cli: Path  # the executable with a standard output (the same one except on Windows)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--dist",
        type=Path,
        default=BUILD / "dist",
        metavar="DIR",
        help="where the bundle goes (default: build/pyinstaller/dist)",
    )
    parser.add_argument(
        "--no-smoke", action="store_true", help="only build: no smoke test and no start-up timing"
    )
    parser.add_argument(
        "--runs",
        type=int,
        default=7,
        metavar="N",
        help="starts of each program for the cold-start medians (default 7; 0: no timing)",
    )
    args = parser.parse_args()
    try:
        check_requirements()
        dist = args.dist.expanduser().resolve()
        started = time.perf_counter()
        icon = make_icon()
        icon_seconds = time.perf_counter() - started
        run_pyinstaller(dist, icon)
        build_seconds = time.perf_counter() - started
        bundle = locate_bundle(dist)
        files, on_disk, in_files = folder_size(bundle.folder)
        print()
        print(f"bundle:      {bundle.folder}")
        commands = f" (commands: {bundle.cli.name})" if bundle.cli != bundle.gui else ""
        print(f"executable:  {bundle.gui}{commands}")
        size = f"{mb(in_files)} MB in {files} files"
        print(f"size:        {size}" + (f", {mb(on_disk)} MB on disk (du)" if on_disk else ""))
        print(
            f"build time:  {build_seconds:.1f} s (icon {icon_seconds:.1f} s, PyInstaller "
            f"{build_seconds - icon_seconds:.1f} s)"
        )
        if args.no_smoke:
            print("smoke test:  skipped (--no-smoke)")
            return 0
        with tempfile.TemporaryDirectory(
            prefix="article-reader-smoke-", ignore_cleanup_errors=True
        ) as tmp:
            env = isolated_env(Path(tmp))
            checks = smoke_test(bundle, Path(tmp), env)
            print("smoke test:  passed")
            for check in checks:
                print(f"  - {check}")
            if args.runs > 0:
                compare_cold_starts(bundle, Path(tmp), env, args.runs)
    except Failed as exc:
        print(f"\nbuild.py: FAILED: {exc}", file=sys.stderr)
        return 1
    return 0


def check_requirements() -> None:
    missing = [
        (name, how) for name, how in REQUIRED.items() if importlib.util.find_spec(name) is None
    ]
    if missing:
        lines = "\n".join(f"  {name}: install {how}" for name, how in missing)
        raise Failed(f"this Python ({sys.executable}) lacks what the build needs:\n{lines}")
    from importlib.metadata import version

    found = version("pyinstaller")
    if int(found.split(".")[0]) < 6:  # the spec takes its options after "--" (6.0)
        raise Failed(f"PyInstaller {found} is too old: python -m pip install 'pyinstaller>=6'")


def make_icon() -> Path | None:
    """The icon for this system's executable or .app; None on Linux (no icon there)."""
    if not (WINDOWS or MACOS):
        return None
    icon = BUILD / "icons" / (f"{NAME}.ico" if WINDOWS else f"{NAME}.icns")
    option = "--ico" if WINDOWS else "--icns"
    step("icon", [sys.executable, str(ROOT / "packaging" / "icons.py"), option, str(icon)])
    if not icon.is_file():
        raise Failed(f"icon: packaging/icons.py did not write {icon}")
    return icon


def run_pyinstaller(dist: Path, icon: Path | None) -> None:
    work = BUILD / "work"
    shutil.rmtree(work, ignore_errors=True)  # a full build every time: honest build times
    work.mkdir(parents=True)
    log = BUILD / "pyinstaller.log"
    command = [
        sys.executable,
        "-m",
        "PyInstaller",
        "--noconfirm",
        "--log-level",
        "WARN",
        "--distpath",
        str(dist),
        "--workpath",
        str(work),
        str(SPEC),
    ]
    if icon:
        command += ["--", "--icon", str(icon)]
    # PyInstaller keeps its cache of processed binaries here instead of in the home folder.
    env = {**os.environ, "PYINSTALLER_CONFIG_DIR": str(BUILD / "cache")}
    print(f"building with PyInstaller into {dist} (log: {log}) ...", flush=True)
    with log.open("w", encoding="utf-8") as out:
        done = subprocess.run(
            command,
            cwd=ROOT,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            check=False,
        )
    if done.returncode != 0:
        tail = "\n".join(log.read_text(encoding="utf-8", errors="replace").splitlines()[-25:])
        raise Failed(f"PyInstaller exited with {done.returncode}; the end of {log}:\n{tail}")


def locate_bundle(dist: Path) -> Bundle:
    folder = dist / NAME
    suffix = ".exe" if WINDOWS else ""
    if MACOS:
        app = dist / APP_BUNDLE
        gui = app / "Contents" / "MacOS" / NAME
        bundle = Bundle(app, gui, gui)
    else:
        gui = folder / f"{NAME}{suffix}"
        cli = folder / f"{NAME}-cli{suffix}" if WINDOWS else gui
        bundle = Bundle(folder, gui, cli)
    for path in {bundle.gui, bundle.cli}:
        if not path.is_file():
            raise Failed(f"the build made no {path}")
    return bundle


def folder_size(folder: Path) -> tuple[int, int, int]:
    """Files, bytes on disk (as du counts them; 0 where the system does not say) and bytes
    in the files. Links are counted as links, not followed."""
    files = on_disk = in_files = 0
    for dirpath, _dirs, names in os.walk(folder):
        for name in names:
            info = (Path(dirpath) / name).lstat()
            files += 1
            in_files += info.st_size
            on_disk += getattr(info, "st_blocks", 0) * 512
    return files, on_disk, in_files


def mb(size: int) -> str:
    return f"{size / 1e6:.1f}"


# --- smoke test -----------------------------------------------------------------------

NOTE_TITLE = "Smoke test note"
NOTE_MD = f"""# {NOTE_TITLE}

This Markdown file was written by the bundle's build script. It has **bold** words, a
[link](https://example.org/) and a list:

- one
- two
"""

PAGE_TITLE = "Bundled extraction keeps working"
# The text is under trafilatura's minimum extracted size (250 characters), so its jusText
# fallback runs too, and with it jusText's stop lists.
PAGE_HTML = f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{PAGE_TITLE} | Smoke Test Gazette</title>
<meta property="og:title" content="{PAGE_TITLE}">
<meta property="og:site_name" content="Smoke Test Gazette">
<meta name="author" content="Jane Tester">
<meta property="article:published_time" content="2024-05-06T07:08:00+00:00">
</head>
<body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/science">Science</a></nav>
<article>
<h1>{PAGE_TITLE}</h1>
<p>This page is short and it is read here.</p>
<p>The text is so short that it calls on more.</p>
<p>That step needs the lists that come with it.</p>
<p>So we know that they are in the bundle now.</p>
</article>
<footer>Copyright Smoke Test Gazette. All rights reserved.</footer>
</body>
</html>
"""

RUSSIAN_TITLE = "Проверка сборки: статья на русском языке"
RUSSIAN_TEXT = f"""{RUSSIAN_TITLE}

Эта статья записана в старой кодировке Windows-1251, как многие тексты, сохранённые с
русских сайтов много лет назад. Программа должна узнать кодировку, определить язык и
разбить текст на основы слов для поиска.

Читатель ищет слова в любой форме: в библиотеке находятся статьи по слову «библиотека»,
даже если в тексте стоит «библиотеками» или «библиотеке».
"""
RUSSIAN_QUERY = "библиотекам"  # a form that is not in the text: only stemming finds it


def isolated_env(tmp: Path) -> dict[str, str]:
    """The environment for the application's runs: offscreen, nothing in the real home."""
    env = {k: v for k, v in os.environ.items() if k != "ARTICLE_READER_HOME"}
    env["QT_QPA_PLATFORM"] = "offscreen"
    for var, sub in (
        ("XDG_CONFIG_HOME", "config"),
        ("XDG_CACHE_HOME", "cache"),
        ("XDG_DATA_HOME", "share"),
        ("XDG_STATE_HOME", "state"),
    ):
        env[var] = str(tmp / "xdg" / sub)
    return env


def smoke_test(bundle: Bundle, tmp: Path, env: dict[str, str]) -> list[str]:
    files = tmp / "files"
    files.mkdir()
    note = files / "note.md"
    note.write_text(NOTE_MD, encoding="utf-8")
    page = files / "page.html"
    page.write_text(PAGE_HTML, encoding="utf-8")
    russian = files / "статья.txt"
    russian.write_bytes(RUSSIAN_TEXT.encode("cp1251"))
    empty = files / "empty.txt"
    empty.write_bytes(b"")
    data = tmp / "smoke-data"
    samples = sum(
        1 for p in (ROOT / "resources" / "articles").iterdir() if p.suffix in (".md", ".txt")
    )
    checks = []

    if bundle.gui != bundle.cli:  # Windows: the GUI executable has no standard output
        done = run(bundle.gui, ["--data-dir", str(data), "--quit-after-load", str(note)], env)
        if done.returncode != 0:
            raise Failed(f"smoke test: the GUI executable failed:\n{report(done)}")
        checks.append(f"{bundle.gui.name} starts and quits")
        shutil.rmtree(data)

    for count, (path, title, what) in enumerate(
        [
            (note, NOTE_TITLE, "Markdown"),
            (page, PAGE_TITLE, "HTML page"),
            (russian, RUSSIAN_TITLE, "Russian text in Windows-1251"),
        ],
        start=samples + 1,
    ):
        done = run(bundle.cli, ["--data-dir", str(data), "--quit-after-load", str(path)], env)
        found = LOADED_LINE.search(done.stdout)
        if done.returncode != 0 or not found:
            raise Failed(f"smoke test: opening the {what} {path.name} failed:\n{report(done)}")
        articles, shown = int(found.group(2)), found.group(3)
        if articles != count or title not in shown:
            raise Failed(
                f"smoke test: after importing the {what} the library should hold {count} articles "
                f"and show {title!r}; the bundle said: {found.group(0)!r} (samples missing or an "
                f"import failed?)\n{report(done)}"
            )
        checks.append(f"{what} imported ({articles} articles, showing {shown!r})")

    done = run(bundle.cli, ["--data-dir", str(data), "--quit-after-load", str(empty)], env)
    expected = f"article-reader: {empty}"
    if done.returncode == 0 or expected not in done.stderr:
        raise Failed(
            f"smoke test: an empty file should fail with {expected!r} on stderr and a "
            f"non-zero exit:\n{report(done)}"
        )
    checks.append("an empty file is refused (exit code and message)")

    # The Russian interface: the application's catalogue (reader/resources/translations)
    # and Qt's own (qtbase_ru) must both load; each one missing is logged on stderr.
    russian_ui = tmp / "russian-ui-data"
    russian_ui.mkdir()
    (russian_ui / "preferences.json").write_text('{"interface_language": "ru"}', encoding="utf-8")
    done = run(bundle.cli, ["--data-dir", str(russian_ui), "--quit-after-load"], env)
    missing = MISSING_TRANSLATION.findall(done.stderr)
    if done.returncode != 0 or not LOADED_LINE.search(done.stdout) or missing:
        raise Failed(
            f"smoke test: the Russian interface did not start with its translations "
            f"(missing: {missing or 'none'}):\n{report(done)}"
        )
    checks.append("Russian interface translations load (the application's and Qt's)")

    done = run(bundle.cli, ["--data-dir", str(data), "list", "--json"], env)
    try:
        listed = {item["title"]: item["language"] for item in json.loads(done.stdout)}
    except (ValueError, KeyError, TypeError):
        raise Failed(f"smoke test: 'list --json' gave no article list:\n{report(done)}") from None
    languages = {NOTE_TITLE: "en", PAGE_TITLE: "en", RUSSIAN_TITLE: "ru"}
    got = {title: listed.get(title) for title in languages}
    if got != languages or len(listed) != samples + 3:
        raise Failed(
            f"smoke test: 'list --json' should have {samples + 3} articles with the "
            f"languages {languages}; got {got} among {len(listed)}:\n{report(done)}"
        )
    checks.append("languages detected (en, en, ru)")

    # Many files at once: above the threshold the command line parses in forked worker
    # processes (where the system can fork), which a frozen program must survive.
    many = files / "many"
    many.mkdir()
    total = parallel_threshold() + 10
    for number in range(1, total + 1):
        (many / f"note-{number:03}.txt").write_text(
            f"Bulk note {number}\n\nNote {number} of {total}, imported in one go.\n",
            encoding="utf-8",
        )
    done = run(bundle.cli, ["--data-dir", str(tmp / "bulk-data"), "import", "-q", str(many)], env)
    if done.returncode != 0 or f"imported {total}, duplicates 0, failed 0" not in done.stdout:
        raise Failed(f"smoke test: importing {total} files at once failed:\n{report(done)}")
    checks.append(f"{total} files imported at once by the 'import' command")

    done = run(bundle.cli, ["--data-dir", str(data), "search", "--json", RUSSIAN_QUERY], env)
    try:
        titles = [hit["title"] for hit in json.loads(done.stdout)]
    except (ValueError, KeyError, TypeError):
        raise Failed(f"smoke test: 'search' gave no results list:\n{report(done)}") from None
    if RUSSIAN_TITLE not in titles:
        raise Failed(
            f"smoke test: searching {RUSSIAN_QUERY!r} should find {RUSSIAN_TITLE!r}; "
            f"found {titles}:\n{report(done)}"
        )
    checks.append(f"search finds the Russian article by {RUSSIAN_QUERY!r}")
    return checks


def parallel_threshold() -> int:
    """How many files make the 'import' command use worker processes (from the source)."""
    sys.path.insert(0, str(ROOT))
    try:
        from reader.core.file_import import PARALLEL_THRESHOLD
    finally:
        sys.path.remove(str(ROOT))
    return PARALLEL_THRESHOLD


def run(
    program: Path | list[str], args: list[str], env: dict[str, str], cwd: Path | None = None
) -> subprocess.CompletedProcess[str]:
    command = [str(program)] if isinstance(program, Path) else program
    try:
        return subprocess.run(
            [*command, *args],
            env=env,
            cwd=cwd,
            capture_output=True,
            stdin=subprocess.DEVNULL,
            encoding="utf-8",
            errors="replace",
            timeout=RUN_TIMEOUT,
            check=False,
        )
    except subprocess.TimeoutExpired as exc:

        def text(data: bytes | str | None) -> str:
            data = data or b""
            if isinstance(data, bytes):
                data = data.decode("utf-8", "replace")
            return data.strip()[-2000:]

        raise Failed(
            f"{' '.join(command + args)} did not finish in {RUN_TIMEOUT} s (stopped)\n"
            f"  stdout: {text(exc.stdout)}\n  stderr: {text(exc.stderr)}"
        ) from None


def report(done: subprocess.CompletedProcess[str]) -> str:
    return (
        f"  command: {' '.join(map(str, done.args))}\n  exit code: {done.returncode}\n"
        f"  stdout: {done.stdout.strip()[-2000:]}\n  stderr: {done.stderr.strip()[-2000:]}"
    )


# --- cold start -----------------------------------------------------------------------


def compare_cold_starts(bundle: Bundle, tmp: Path, env: dict[str, str], runs: int) -> None:
    """Wall-clock time from starting the process to its exit (``--quit-after-load``, no
    file), for the bundle and for ``python -m reader`` (this Python, the source tree), the
    two started in turn so that drift hits both alike. Two cases:
    - existing library: one data folder for all starts, filled (the sample articles) by an
      untimed first start of each program, which also warms the disk cache;
    - first start: a new data folder for every start, so each imports the samples."""
    programs = {
        "bundle": [str(bundle.gui)],
        "python -m reader": [sys.executable, "-m", "reader"],
    }
    print(f"cold start:  median of {runs} starts, process start to exit, offscreen")
    cases = (
        ("existing library", "same data folder", False),
        ("first start", "a new data folder each time", True),
    )
    for case, folder, fresh in cases:
        times: dict[str, list[float]] = {name: [] for name in programs}
        for attempt in range(runs + 1):
            for number, (name, command) in enumerate(programs.items()):
                data = tmp / (f"timing-fresh-{attempt}-{number}" if fresh else "timing-data")
                started = time.perf_counter()
                done = run(command, ["--data-dir", str(data), "--quit-after-load"], env, cwd=ROOT)
                elapsed = time.perf_counter() - started
                if done.returncode != 0:
                    raise Failed(
                        f"cold start: {name} exited with {done.returncode}:\n{report(done)}"
                    )
                if attempt:  # the first start of each is an untimed warm-up
                    times[name].append(elapsed)
        medians = {name: statistics.median(values) for name, values in times.items()}
        ratio = medians["bundle"] / medians["python -m reader"]
        print(f"  {case} ({folder}):")
        for name, values in times.items():
            print(
                f"    {name:<17} {medians[name]:.2f} s  (min {min(values):.2f}, "
                f"max {max(values):.2f})"
            )
        print(f"    ratio             bundle / python = {ratio:.2f}")


def step(what: str, command: list[str]) -> None:
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise Failed(
            f"{what}: {' '.join(command)} exited with {done.returncode}:\n"
            f"{done.stdout}{done.stderr}"
        )


if __name__ == "__main__":
    sys.exit(main())
