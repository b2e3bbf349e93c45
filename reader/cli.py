"""The command line: every command goes through reader.core and never imports Qt."""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TextIO

from reader import APP_DISPLAY_NAME, __version__
from reader.core.errors import (
    LibraryBusy,
    LibraryDamaged,
    LibraryFull,
    LibraryReadOnly,
    ReaderError,
)
from reader.core.pathnames import display_path
from reader.core.store import Library
from reader.core.store.library_file import problem
from reader.paths import HOME_ENV, AppPaths, resolve_paths, resources_dir

# Exit codes (the README's command-line section lists them).
EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
EXIT_BUSY, EXIT_FULL, EXIT_READ_ONLY, EXIT_DAMAGED = 3, 4, 5, 6
_EXIT_CODES = (
    (LibraryBusy, EXIT_BUSY),
    (LibraryFull, EXIT_FULL),
    (LibraryReadOnly, EXIT_READ_ONLY),
    (LibraryDamaged, EXIT_DAMAGED),
)

COMMANDS = (
    "import",
    "list",
    "show",
    "remove",
    "export",
    "reset-library",
    "paths",
    "history",
    "search",
    "reindex",
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="article-reader",
        description=(
            f"{APP_DISPLAY_NAME}: an offline reader for stored articles. Without a command, "
            "the reader window opens; 'article-reader FILE...' opens it with the files "
            "imported and the first one shown (in the window already open, if there is "
            "one). --quit-after-load closes the window once loaded (for smoke tests)."
        ),
        epilog=(
            f"All files live in one data folder; --data-dir DIR or the {HOME_ENV} environment "
            "variable moves all of them (library, preferences, window state) together. "
            "'article-reader paths' shows where they are."
        ),
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        help=f"keep the library and settings in DIR (or set {HOME_ENV})",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    cmd = commands.add_parser(
        "import",
        help="import files and folders (recursive) into the library",
        description=(
            "Import web page text dumps, Markdown, plain text and saved HTML pages, in UTF-8, "
            "UTF-16 or the old Cyrillic encodings. Folders are searched recursively. Prints "
            "'imported N, duplicates N, failed N' and one 'path: reason' line per failure; "
            "exits with 0 only if nothing failed."
        ),
    )
    cmd.add_argument("paths", nargs="+", metavar="PATH", type=Path)
    cmd.add_argument("-q", "--quiet", action="store_true", help="no progress bar")

    cmd = commands.add_parser("list", help="list the articles, newest first")
    cmd.add_argument("--json", action="store_true", help="one JSON array of objects")
    cmd.add_argument("--limit", type=_positive_int, metavar="N", help="at most N articles")

    cmd = commands.add_parser("show", help="print one article as Markdown with its metadata")
    cmd.add_argument("id", type=_positive_int, metavar="ID")

    cmd = commands.add_parser("remove", help="remove articles from the library")
    cmd.add_argument("ids", nargs="+", type=_positive_int, metavar="ID")

    cmd = commands.add_parser(
        "export", help="write every article to DIR as a Markdown file with front matter"
    )
    cmd.add_argument("folder", type=Path, metavar="DIR")

    commands.add_parser(
        "reset-library",
        help="if the library is damaged, move it aside (kept, renamed) and recover every "
        "article that can still be read into a fresh one",
        description=(
            "Asks SQLite whether the library is damaged (a full check of the file). A healthy "
            "library is left exactly as it is. A damaged one is renamed aside together with "
            "its -wal and -shm files, and every article SQLite can still read from it, with "
            "its reading history, is copied into a fresh library in its place."
        ),
    )
    commands.add_parser("paths", help="show where the library and settings are kept")

    cmd = commands.add_parser(
        "search",
        help="find articles by their words (and your notes on them), in any inflection",
        description=(
            'Words must all match, in any form (Казахстан finds Казахстана). "a phrase" '
            "keeps words together, -word excludes, OR gives alternatives, word* is a prefix, "
            "title:, author: and source: look in one field. Case and ё/е do not matter. An "
            "article is found by its text or by one of your notes on it (then shown as "
            "'note: ...'); a word excluded in the text or in a note leaves the article out."
        ),
    )
    cmd.add_argument("query", nargs="+", metavar="QUERY")
    cmd.add_argument("--json", action="store_true", help="one JSON array of objects")
    cmd.add_argument(
        "--limit",
        type=_positive_int,
        default=20,
        metavar="N",
        help="at most N results (default 20)",
    )
    cmd = commands.add_parser(
        "reindex",
        help="rebuild the search index from the articles",
        description=(
            "Builds the search index again beside the one in use, a batch of articles at a "
            "time, and puts it in its place when whole: searching works meanwhile, and an "
            "interrupted rebuild goes on from where it stopped the next time."
        ),
    )
    cmd.add_argument("-q", "--quiet", action="store_true", help="no progress bar")

    cmd = commands.add_parser(
        "history",
        help="your reading history: list it, clear it, or export it",
        description=(
            "Without an action, lists what you read, most recent first. 'clear' forgets "
            "all of it; 'export FILE' writes it as JSON or CSV (by the file's extension). "
            "The history never leaves this computer."
        ),
    )
    cmd.add_argument("--json", action="store_true", help="one JSON array of objects")
    cmd.add_argument("--limit", type=_positive_int, metavar="N", help="at most N entries")
    actions = cmd.add_subparsers(dest="history_action", metavar="ACTION")
    actions.add_parser("clear", help="forget the whole reading history")
    export = actions.add_parser("export", help="write the history to FILE (.json or .csv)")
    export.add_argument("file", type=Path, metavar="FILE")

    cmd = commands.add_parser(
        "notes",
        help="your highlights and notes (and bookmarks): list them or export them",
        description=(
            "Lists the highlights and notes you made while reading, newest first, each with "
            "its article. QUERY keeps those whose words or note hold every word of it, in "
            "any form. --markdown and --json write them for keeping elsewhere (to FILE with "
            "--output); --article keeps one article's, --bookmarks adds the bookmarks."
        ),
    )
    cmd.add_argument("query", nargs="*", metavar="QUERY")
    formats = cmd.add_mutually_exclusive_group()
    formats.add_argument("--json", action="store_true", help="as JSON, grouped by article")
    formats.add_argument(
        "--markdown", action="store_true", help="as Markdown: quotes and notes by article"
    )
    cmd.add_argument("--article", type=_positive_int, metavar="ID", help="only this article's")
    cmd.add_argument("--bookmarks", action="store_true", help="bookmarks too")
    cmd.add_argument("-o", "--output", type=Path, metavar="FILE", help="write to FILE")
    cmd.add_argument("--limit", type=_positive_int, metavar="N", help="at most N marks")

    commands.add_parser(
        "install-desktop",
        help="add the app to your desktop's menu and to 'Open with' for articles (Linux)",
        description=(
            "Copies the menu entry, the AppStream metainfo and the icons into your XDG data "
            "folder (~/.local/share), pointing at this installation, and refreshes the "
            "desktop's caches. Markdown, plain text and HTML files then offer Article "
            "Reader under 'Open with'. Your library is not touched."
        ),
    )
    commands.add_parser(
        "uninstall-desktop",
        help="remove what install-desktop added (your library is kept)",
    )
    return parser


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"'{text}' must be 1 or more")
    return value


def command_names() -> set[str]:
    return set(_HANDLERS)


def run(argv: Sequence[str], stdout: TextIO | None = None, stderr: TextIO | None = None) -> int:
    """Run one command; returns the exit code. The GUI is not this module's business."""
    out = stdout or sys.stdout
    err = stderr or sys.stderr
    args = build_parser().parse_args(_search_words_as_words(argv))
    paths = resolve_paths(args.data_dir)
    handler = _HANDLERS[args.command]
    try:
        return handler(args, paths, out, err)
    except ReaderError as exc:  # (the library's problems too: LibraryError)
        print(f"article-reader: {exc}", file=err)
        return exit_code(exc)


def _search_words_as_words(argv: Sequence[str]) -> list[str]:
    """``search -нефть``: a word after "search" that begins with "-" is an exclusion, not
    an option argparse does not know; the search's own options stay options."""
    argv = list(argv)
    at = 0
    while at < len(argv) and argv[at] != "search":
        at += 2 if argv[at] == "--data-dir" else 1
    if at >= len(argv):
        return argv
    options: list[str] = []
    words: list[str] = []
    rest = iter(argv[at + 1 :])
    for arg in rest:
        if arg in ("--json", "-h", "--help") or arg.startswith("--limit="):
            options.append(arg)
        elif arg == "--limit":
            options += [arg, next(rest, "")]
        elif arg == "--":
            words.extend(rest)
        else:
            words.append(arg)
    return argv[: at + 1] + options + (["--", *words] if words else [])


def exit_code(error: BaseException) -> int:
    """The exit code that tells what went wrong: busy, disk full, read-only, damaged, or
    EXIT_FAILED for anything else."""
    for kind, code in _EXIT_CODES:
        if isinstance(error, kind):
            return code
    return EXIT_FAILED


def open_library(paths: AppPaths) -> Library:
    try:
        paths.ensure()
    except OSError as exc:
        raise problem(paths.library, exc) from None
    return Library.open(paths.library)


# Terminal control: escape sequences (CSI, OSC and the other strings, two-byte escapes),
# the 8-bit CSI, and every other C0 and C1 control character.
_ESCAPES = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]?|\x1b[\]PX^_][^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?|\x1b[ -~]?"
    r"|\x9b[0-?]*[ -/]*[@-~]?|[\x00-\x08\x0b-\x1f\x7f-\x9f]"
)


def printable(text: str | None, lines: bool = False) -> str:
    """``text`` safe to print on a terminal: a title cannot move the cursor, recolour the
    screen or retitle the window. Tabs and line breaks become spaces (one line per item),
    unless ``lines``."""
    if not text:
        return ""
    if not lines:
        text = text.replace("\t", " ").replace("\r\n", " ").replace("\n", " ").replace("\r", " ")
    return _ESCAPES.sub("", text)


def _cmd_import(args: argparse.Namespace, paths: AppPaths, out: TextIO, err: TextIO) -> int:
    from reader.core.file_import import import_paths

    bar = _ProgressBar(err) if not args.quiet and err.isatty() else None
    with open_library(paths) as library, _Interruption() as interrupted:
        # Each file is read in a worker process with a time and memory limit of its own.
        report = import_paths(
            library, args.paths, progress=bar, cancel=interrupted.event, isolated=True
        )
    if bar:
        bar.finish()
    if interrupted.signal is not None:
        print(f"interrupted: {report.summary().removesuffix(' (cancelled)')}", file=out)
    else:
        print(report.summary(), file=out)
    for failure in report.failures:
        print(printable(str(failure)), file=err)
    for note in report.pictures_dropped + report.marks_dropped:
        print(printable(str(note)), file=err)
    if report.stopped is not None:
        print(f"article-reader: the import stopped: {report.stopped}", file=err)
    if interrupted.signal is not None:
        return 128 + interrupted.signal  # as the shell reports a command ended by it
    if report.stopped is not None:
        return exit_code(report.stopped)
    return EXIT_OK if report.ok else EXIT_FAILED


class _Interruption:
    """Ctrl+C or SIGTERM during an import: the article being written is finished, the
    workers are stopped, and the command ends with what it did. A second one ends it at
    once (nothing half-written either way: every article is its own transaction)."""

    def __init__(self) -> None:
        import threading

        self.event = threading.Event()
        self.signal: int | None = None
        self._previous: dict[int, Any] = {}  # (whatever signal.signal answered)

    def _caught(self, number: int, _frame: object) -> None:
        import signal

        self.signal = self.signal or number
        self.event.set()
        signal.signal(number, signal.SIG_DFL)

    def __enter__(self) -> _Interruption:
        import signal
        import threading

        if threading.current_thread() is threading.main_thread():
            for number in (signal.SIGINT, signal.SIGTERM):
                self._previous[number] = signal.signal(number, self._caught)
        return self

    def __exit__(self, *exc: object) -> None:
        import signal

        for number, handler in self._previous.items():
            signal.signal(number, handler)


class _ProgressBar:
    """One line on the terminal, redrawn in place: done/total and the current file."""

    def __init__(self, stream: TextIO, width: int = 30) -> None:
        self.stream, self.width, self._last = stream, width, -1

    def __call__(self, done: int, total: int | None, path: Path) -> None:
        if not total:
            return
        filled = self.width * done // total
        if filled == self._last and done not in (0, total) and done % 50:
            return
        self._last = filled
        bar = "#" * filled + "." * (self.width - filled)
        name = printable(display_path(path.name))[:40]
        self.stream.write(f"\r[{bar}] {done}/{total} {name:<40}")
        self.stream.flush()

    def finish(self) -> None:
        self.stream.write("\r" + " " * (self.width + 60) + "\r")
        self.stream.flush()


def _cmd_list(args: argparse.Namespace, paths: AppPaths, out: TextIO, err: TextIO) -> int:
    with open_library(paths) as library:
        summaries = library.summaries(limit=args.limit)
        if args.json:
            _write_json_list(summaries, out)
        else:
            for item in summaries:
                date = printable(item.published)[:10] or "—"
                source = printable(item.source) or "—"
                print(
                    f"{item.id:>6}  {date:<10}  {source[:24]:<24}  {printable(item.title)}",
                    file=out,
                )
    return EXIT_OK


def _write_json_list(summaries, out: TextIO) -> None:
    # Written a batch at a time: 100,000 articles never sit in memory as one string, and
    # the stream is not asked to write 100,000 times.
    encode = json.JSONEncoder(ensure_ascii=False).encode
    out.write("[")
    batch: list[str] = []
    first = True
    for item in summaries:
        batch.append(
            encode(
                {
                    "id": item.id,
                    "title": item.title,
                    "author": item.author or None,
                    "authors": item.authors,
                    "published": item.published,
                    "source": item.source,
                    "url": item.url,
                    "views": item.views,
                    "language": item.language,
                    "words": item.words,
                    "lead": item.lead,
                    "imported_at": item.imported_at,
                    "format": item.format,
                }
            )
        )
        if len(batch) == 1000:
            out.write(("\n  " if first else ",\n  ") + ",\n  ".join(batch))
            batch, first = [], False
    if batch:
        out.write(("\n  " if first else ",\n  ") + ",\n  ".join(batch))
    out.write("\n]\n")


def _cmd_show(args: argparse.Namespace, paths: AppPaths, out: TextIO, err: TextIO) -> int:
    from reader.core.export import article_to_markdown

    with open_library(paths) as library:
        article = library.get(args.id)
    if article is None:
        print(f"article-reader: no article with id {args.id}", file=err)
        return EXIT_FAILED
    text = article_to_markdown(article)
    # Exact when written to a file or a pipe; on a terminal, its controls are left out.
    out.write(printable(text, lines=True) if out.isatty() else text)
    return EXIT_OK


def _cmd_remove(args: argparse.Namespace, paths: AppPaths, out: TextIO, err: TextIO) -> int:
    with open_library(paths) as library:
        removed = library.remove(args.ids)
    missing = [i for i in args.ids if i not in removed]
    print(f"removed {len(removed)}", file=out)
    for article_id in missing:
        print(f"article-reader: no article with id {article_id}", file=err)
    return EXIT_FAILED if missing else EXIT_OK


def _cmd_export(args: argparse.Namespace, paths: AppPaths, out: TextIO, err: TextIO) -> int:
    from reader.core.export import export_articles

    folder: Path = args.folder
    if folder.exists() and not folder.is_dir():
        print(f"article-reader: {folder}: not a folder", file=err)
        return EXIT_FAILED
    try:
        with open_library(paths) as library:
            written = export_articles(
                library.articles(), folder, library.pictures_of, library.marks_of
            )
    except OSError as exc:
        print(f"article-reader: {folder}: {exc.strerror or exc}", file=err)
        return EXIT_FAILED
    print(f"exported {len(written)} to {folder}", file=out)
    return EXIT_OK


def _cmd_reset_library(args: argparse.Namespace, paths: AppPaths, out: TextIO, err: TextIO) -> int:
    from reader.core.store.salvage import reset_library

    target = paths.library
    outcome = reset_library(target)
    if outcome.state == "absent":
        print(f"no library at {target}; a fresh one is made on first use", file=out)
    elif outcome.state == "healthy":
        print(f"the library at {target} is healthy; nothing was changed", file=out)
    else:
        print(f"the library at {target} was damaged; {outcome.summary()}", file=out)
    return EXIT_OK


def _cmd_paths(args: argparse.Namespace, paths: AppPaths, out: TextIO, err: TextIO) -> int:
    print(f"library:     {paths.library}", file=out)
    print(f"preferences: {paths.preferences}", file=out)
    print(f"state:       {paths.state}", file=out)
    return EXIT_OK


def _cmd_history(args: argparse.Namespace, paths: AppPaths, out: TextIO, err: TextIO) -> int:
    from reader.core import history_export
    from reader.core.history import History
    from reader.core.preferences import Preferences
    from reader.core.startup import trim_history

    with open_library(paths) as library:
        history = History(library)
        trim_history(history, Preferences(paths.preferences), library.read_only)
        if args.history_action == "clear":
            print(f"cleared {history.clear()} history entries", file=out)
            return EXIT_OK
        entries = history.entries(limit=args.limit)
    if args.history_action == "export":
        target: Path = args.file
        suffix = target.suffix.lower()
        if suffix not in (".json", ".csv"):
            print(f"article-reader: {target}: the file must end in .json or .csv", file=err)
            return EXIT_FAILED
        try:
            history_export.write(entries, target)
        except OSError as exc:
            print(f"article-reader: {target}: {exc.strerror or exc}", file=err)
            return EXIT_FAILED
        print(f"exported {len(entries)} history entries to {target}", file=out)
        return EXIT_OK
    if args.json:
        json.dump([history_export.record(e) for e in entries], out, ensure_ascii=False, indent=1)
        out.write("\n")
        return EXIT_OK
    for entry in entries:
        record = history_export.record(entry)
        state = "finished" if record["finished"] else f"{record['progress']:>3}%"
        print(
            f"{record['last_opened'][:16].replace('T', ' ')}  {state:>8}  {printable(entry.title)}",
            file=out,
        )
    return EXIT_OK


def _cmd_search(args: argparse.Namespace, paths: AppPaths, out: TextIO, err: TextIO) -> int:
    from reader.core.search import search

    with open_library(paths) as library:
        results = search(library, " ".join(args.query), limit=args.limit)
        _print_notices(library, err)
        if library.index_outdated:
            print(
                "article-reader: the search index was made by an older version and finds "
                "fewer forms of Russian words; 'article-reader reindex' (or opening the "
                "window) rebuilds it",
                file=err,
            )
    if results.only_exclusions:
        print(
            "article-reader: a word with a minus is left out of the results; add a word "
            "to search for (e.g. 'цены -нефть')",
            file=err,
        )
    if args.json:
        records = [
            {
                "id": h.id,
                "title": h.title,
                "source": h.source,
                "published": h.published,
                "score": None if h.score is None else round(-h.score, 4),
                "snippet": h.snippet,
                "highlights": [list(span) for span in h.highlights],
                # Where it matched: its text, a note of the reader's on it, or both.
                "found_in": [
                    where
                    for where, found in (("text", h.in_text), ("note", h.note is not None))
                    if found
                ],
                "note": None
                if h.note is None
                else {
                    "mark_id": h.note.mark_id,
                    "snippet": h.note.snippet,
                    "highlights": [list(span) for span in h.note.highlights],
                },
            }
            for h in results.hits
        ]
        json.dump(records, out, ensure_ascii=False, indent=1)
        out.write("\n")
        return EXIT_OK
    from reader.core.hits import mark

    for hit in results.hits:
        date = printable(hit.published)[:10]
        print(f"{hit.id:>6}  {date:<10}  {printable(hit.title)}", file=out)
        snippet = printable(mark(hit.snippet, hit.highlights, "**", "**"))
        # Found by a note alone: the words the note is on, quoted as `notes` quotes them.
        print(f"        {snippet}" if hit.in_text else f"        \u201c{snippet}\u201d", file=out)
        if hit.note is not None:
            note = printable(mark(hit.note.snippet, hit.note.highlights, "**", "**"))
            print(f"        note: {note}", file=out)
    found = f"more than {results.total}" if results.more else str(results.total)
    print(f"{found} found in {results.seconds * 1000:.0f} ms", file=err)
    return EXIT_OK


def _cmd_reindex(args: argparse.Namespace, paths: AppPaths, out: TextIO, err: TextIO) -> int:
    bar = _ProgressBar(err) if not args.quiet and err.isatty() else None
    with open_library(paths) as library, _Interruption() as interrupted:
        done = library.upgrade_search_index(
            progress=(lambda done, total: bar(done, total, Path())) if bar else None,
            stop=interrupted.event.is_set,
            again=not library.index_outdated,  # (an outdated one goes on where it stopped)
        )
        count = library.count()
    if bar:
        bar.finish()
    if not done:
        print("interrupted: the rest is indexed by the next 'reindex' or window", file=out)
        return 128 + (interrupted.signal or 2)
    print(f"reindexed {count} articles", file=out)
    return EXIT_OK


def _print_notices(library: Library, err: TextIO) -> None:
    for notice in library.notices:
        print(f"article-reader: {notice}", file=err)
    library.notices.clear()


def _cmd_desktop(install: bool, out: TextIO, err: TextIO) -> int:
    from reader.core import desktop

    if not sys.platform.startswith("linux"):
        print(
            "article-reader: the desktop menu entry is for Linux desktops; on Windows and "
            "macOS use the standalone bundle (see packaging/README.md)",
            file=err,
        )
        return EXIT_FAILED
    try:
        outcome = desktop.install(resources_dir()) if install else desktop.uninstall()
    except OSError as exc:
        where = getattr(exc, "filename", None) or desktop.data_home()
        print(f"article-reader: {where}: {exc.strerror or exc}", file=err)
        return EXIT_FAILED
    for path in outcome.written:
        print(f"installed {path}", file=out)
    for path in outcome.removed:
        print(f"removed {path}", file=out)
    if install:
        print(
            "Article Reader is in your desktop's menu and under 'Open with' for articles"
            + ("" if outcome.refreshed else " (after the next log-in)"),
            file=out,
        )
    elif not outcome.removed:
        print("nothing to remove: the desktop entry was not installed", file=out)
    return EXIT_OK


def _cmd_notes(args: argparse.Namespace, paths: AppPaths, out: TextIO, err: TextIO) -> int:
    from reader.core.marks import BOOKMARK, HIGHLIGHT
    from reader.core.marks_file import grouped_by_article, marks_json, marks_markdown

    query = " ".join(args.query).strip()
    kinds = [HIGHLIGHT, BOOKMARK] if args.bookmarks else [HIGHLIGHT]
    with open_library(paths) as library:
        if args.article is not None and library.get(args.article) is None:
            print(f"article-reader: no article with id {args.article}", file=err)
            return EXIT_FAILED
        ids = [args.article] if args.article is not None else None
        rows = library.all_marks(kinds=kinds, article_ids=ids)
    if query:
        from reader.core.find import Matcher

        matchers = [m for m in (Matcher.for_words(word) for word in query.split()) if m]
        if not matchers:
            print(f"article-reader: the query {query!r} holds no words to look for", file=err)
            return EXIT_FAILED
        rows = [row for row in rows if _holds_all(matchers, row.mark)]
    if args.limit is not None:
        rows = rows[: args.limit]
    if args.json or args.markdown:
        text = marks_json(rows) if args.json else marks_markdown(grouped_by_article(rows))
        if args.output is None:
            out.write(text)
            return EXIT_OK
        try:
            _write_text(args.output, text)
        except OSError as exc:
            print(f"article-reader: {args.output}: {exc.strerror or exc}", file=err)
            return EXIT_FAILED
        print(f"wrote {len(rows)} to {args.output}", file=out)
        return EXIT_OK
    for row in rows:
        mark = row.mark
        when = mark.created[:10]
        print(f"{mark.article_id:>6}  {when:<10}  {printable(row.title)}", file=out)
        if mark.kind == BOOKMARK:
            print(f"        bookmark: {printable(mark.name)}", file=out)
            continue
        lost = " (no longer in the article)" if mark.lost else ""
        print(f"        \u201c{printable(mark.anchor.quote)}\u201d{lost}", file=out)
        if mark.note:
            print(f"        note: {printable(mark.note)}", file=out)
    print(f"{len(rows)} found", file=err)
    return EXIT_OK


def _holds_all(matchers: list, mark) -> bool:
    """Whether the mark's words, note or name hold a form of every word of the query."""
    text = "\n".join((mark.anchor.quote, mark.note, mark.name))
    return all(matcher(text) for matcher in matchers)


def _write_text(target: Path, text: str) -> None:
    partial = target.with_name(target.name + ".part")
    partial.write_text(text, encoding="utf-8")
    partial.replace(target)


_HANDLERS = {
    "import": _cmd_import,
    "list": _cmd_list,
    "show": _cmd_show,
    "remove": _cmd_remove,
    "export": _cmd_export,
    "reset-library": _cmd_reset_library,
    "paths": _cmd_paths,
    "history": _cmd_history,
    "search": _cmd_search,
    "reindex": _cmd_reindex,
    "notes": _cmd_notes,
    "install-desktop": lambda args, paths, out, err: _cmd_desktop(True, out, err),
    "uninstall-desktop": lambda args, paths, out, err: _cmd_desktop(False, out, err),
}
