"""Importing files and folders into the library, one file at a time.

Each file is read, parsed and stored on its own: a file that fails is reported with its
reason and every other file still goes in. Folders are walked recursively; symbolic links
are followed, but a link that leads back into a folder being walked is reported, not looped.
"""

from __future__ import annotations

import contextlib
import errno
import logging
import os
import threading
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from reader.core.article import Article
from reader.core.errors import ImportFailure, LibraryError
from reader.core.parsers import HTML_EXTENSIONS, MARKDOWN_EXTENSIONS, is_supported, read_article
from reader.core.pathnames import display_path
from reader.core.store import Library
from reader.core.store.schema import index_terms

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Failure:
    path: Path
    reason: str

    def __str__(self) -> str:
        return f"{display_path(self.path)}: {self.reason}"


@dataclass
class ImportReport:
    imported: list[int] = field(default_factory=list)
    duplicates: list[Path] = field(default_factory=list)
    failures: list[Failure] = field(default_factory=list)
    skipped: list[Path] = field(default_factory=list)  # unsupported files met inside folders
    # Pictures of imported articles that could not be kept (missing, damaged, too large):
    # the article is in the library without them.
    pictures_dropped: list[Failure] = field(default_factory=list)
    # Marks of an export's side file that could not be kept (the article is imported).
    marks_dropped: list[Failure] = field(default_factory=list)
    # Articles already in the library that a copy with the pictures they lacked took the
    # place of (an article saved again with its pictures, or imported before pictures
    # were kept): counted among the duplicates too.
    given_pictures: list[int] = field(default_factory=list)
    given_pictures_paths: list[Path] = field(default_factory=list)  # (beside it)
    # The id of every file now in the library (imported or already there), in file order.
    stored: list[int] = field(default_factory=list)
    imported_paths: list[Path] = field(default_factory=list)  # (beside imported)
    cancelled: bool = False
    # Why the import ended early, when the library refused to take more (disk full, ...).
    stopped: LibraryError | None = None
    not_attempted: int = 0  # files never reached because it stopped
    worker_pids: list[int] = field(default_factory=list)  # the parse workers it started

    @property
    def ok(self) -> bool:
        return not self.failures and self.stopped is None

    def summary(self) -> str:
        text = (
            f"imported {len(self.imported)}, duplicates {len(self.duplicates)}, "
            f"failed {len(self.failures)}"
        )
        if self.skipped:
            text += f", skipped {len(self.skipped)} unsupported"
        if self.given_pictures:
            count = len(self.given_pictures)
            text += (
                f", pictures added to {count} article{'s' if count != 1 else ''} "
                "already in the library"
            )
        if self.pictures_dropped:
            count = len(self.pictures_dropped)
            text += f", {count} picture{'s' if count != 1 else ''} not kept"
        if self.marks_dropped:
            count = len(self.marks_dropped)
            text += f", {count} mark problem{'s' if count != 1 else ''}"
        if self.not_attempted:
            text += f", not attempted {self.not_attempted}"
        if self.cancelled:
            text += " (cancelled)"
        return text


# progress(done, total, path): total is None while the folders are still being walked.
Progress = Callable[[int, int | None, Path], None]


# Below this many files, a second worker process costs more than it saves.
PARALLEL_THRESHOLD = 200


def import_paths(
    library: Library,
    paths: Iterable[Path | str],
    progress: Progress | None = None,
    cancel: threading.Event | None = None,
    workers: int | None = None,
    isolated: bool = False,
) -> ImportReport:
    """Import files and folders; every write happens here, one file a transaction.

    Reading and parsing (the slow part) runs in worker processes (reader.core.parse_workers)
    when ``isolated`` is true, as the command line and the window ask, so that each file
    has a time and memory limit; or when there are many files. Otherwise (a few files, from
    code that trusts them, like the tests and the first-start samples) it runs here.
    ``workers`` overrides how many processes (0: none)."""
    report = ImportReport()
    files = list(collect_files([Path(p) for p in paths], report))
    total = len(files)
    if workers is None:
        workers = _worker_count(total, isolated)
    stop = cancel.is_set if cancel is not None else None
    writes = library.bulk_writes() if total > 1 else contextlib.nullcontext()
    pool = None
    if workers > 0 and files:
        from reader.core.parse_workers import ParsePool

        pool = ParsePool(workers)
        parsed = pool.parse(files, cancel=stop, waiting=getattr(writes, "flush", None))
    else:
        parsed = map(parse_for_import, files)
    done = 0
    try:
        with writes:
            for path, outcome in parsed:
                if progress:
                    progress(done, total, path)
                if stop and stop():
                    break
                _store(library, path, outcome, report)
                done += 1
    except LibraryError as exc:  # busy, full, read-only, damaged: nothing more can go in
        _stopped(report, exc)
        report.not_attempted = total - done  # (the one being stored when it stopped, too)
    finally:
        if pool is not None:
            report.worker_pids = pool.started
            pool.close()
    report.cancelled = bool(stop and stop()) and done < total and report.stopped is None
    if progress and not report.cancelled and report.stopped is None:
        progress(total, total, files[-1] if files else Path())
    if total > 1 and report.imported and not report.cancelled and report.stopped is None:
        # Many files leave many small pieces of index; Cancel still works meanwhile.
        library.tidy_search_index(stop=stop)
    return report


def _stopped(report: ImportReport, error: LibraryError) -> None:
    """The library refused a write: the articles of the group it was in are not stored
    (they become failures), every one committed before stays."""
    report.stopped = error
    lost = set(error.uncommitted)
    if not lost:
        return
    paths = dict(zip(report.imported, report.imported_paths, strict=True))
    report.imported = [i for i in report.imported if i not in lost]
    report.imported_paths = [paths[i] for i in report.imported]
    report.stored = [i for i in report.stored if i not in lost or i not in paths]
    for article_id in sorted(lost & paths.keys()):
        report.failures.append(Failure(paths[article_id], "not stored: the import stopped"))
    given = dict(zip(report.given_pictures, report.given_pictures_paths, strict=True))
    report.given_pictures = [i for i in report.given_pictures if i not in lost]
    report.given_pictures_paths = [given[i] for i in report.given_pictures]
    for article_id in sorted(lost & given.keys()):
        report.failures.append(
            Failure(given[article_id], "its pictures not added: the import stopped")
        )


def parse_for_import(path: Path) -> tuple[Path, Article | str]:
    """The article in ``path``, or the reason it cannot be imported."""
    try:
        article = read_article(path)
        article.index_terms = index_terms(article)  # the slow part of indexing, done here
        if path.suffix.lower() in MARKDOWN_EXTENSIONS:
            _take_marks(path, article)
        return path, article
    except ImportFailure as exc:
        return path, str(exc)
    except MemoryError:
        from reader.core.parse_workers import MEMORY_REASON

        return path, MEMORY_REASON
    except RecursionError:
        return path, "its structure is nested too deeply to read"
    except Exception as exc:  # a bug in a parser must not stop the other files
        log.exception("importing %s failed", display_path(path))
        return path, f"internal error, please report it: {type(exc).__name__}: {exc}"


def _take_marks(path: Path, article: Article) -> None:
    """The highlights and bookmarks an export wrote beside the article's Markdown."""
    from reader.core.marks_file import side_file

    marks_path = side_file(path)
    if not marks_path.is_file():
        return
    from reader.core.article import plain_text
    from reader.core.marks_file import read_side_file

    text = f"{article.title}\n{plain_text(article.body)}"
    article.marks, article.marks_dropped = read_side_file(marks_path, text)


def _store(library: Library, path: Path, outcome: Article | str, report: ImportReport) -> None:
    if isinstance(outcome, str):
        report.failures.append(Failure(path, outcome))
        return
    result = library.add(outcome)
    report.stored.append(result.id)
    if result.duplicate:
        report.duplicates.append(path)
        if result.updated:
            if result.id not in report.given_pictures and result.id not in report.imported:
                report.given_pictures.append(result.id)
                report.given_pictures_paths.append(path)
            report.pictures_dropped += (Failure(path, note) for note in outcome.pictures_dropped)
    else:
        report.imported.append(result.id)
        report.imported_paths.append(path)
        report.pictures_dropped += (Failure(path, note) for note in outcome.pictures_dropped)
    report.marks_dropped += (Failure(path, note) for note in outcome.marks_dropped)


def _worker_count(total: int, isolated: bool) -> int:
    if total >= PARALLEL_THRESHOLD:
        return max(1, min(os.cpu_count() or 1, 4))
    return 1 if isolated else 0


def collect_files(paths: list[Path], report: ImportReport) -> Iterator[Path]:
    """The files to import, in a stable order; problems with paths go into the report."""
    seen: set[tuple[int, int]] = set()
    for path in paths:
        try:
            info = path.stat()
        except FileNotFoundError:
            reason = "broken symbolic link" if path.is_symlink() else "no such file or folder"
            report.failures.append(Failure(path, reason))
            continue
        except OSError as exc:
            report.failures.append(Failure(path, _os_reason(exc)))
            continue
        if path.is_dir():
            yield from _walk(path, report, seen, ancestors=())
        elif (info.st_dev, info.st_ino) not in seen:
            seen.add((info.st_dev, info.st_ino))
            yield path


def _walk(
    folder: Path,
    report: ImportReport,
    seen: set[tuple[int, int]],
    ancestors: tuple[tuple[tuple[int, int], Path], ...],
) -> Iterator[Path]:
    info = folder.stat()
    key = (info.st_dev, info.st_ino)
    for ancestor_key, ancestor in ancestors:
        if ancestor_key == key:
            report.failures.append(
                Failure(folder, f"symbolic link loop (leads back to {ancestor}); not followed")
            )
            return
    if key in seen:
        return  # the same folder reached twice through links: walk it once
    seen.add(key)
    ancestors = (*ancestors, (key, folder))
    try:
        entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
    except OSError as exc:
        report.failures.append(Failure(folder, _os_reason(exc)))
        return
    page_folders = _saved_page_folders(entries)
    marks_files = _export_marks_files(entries)
    for entry in entries:
        path = Path(entry.path)
        if entry.name.startswith("."):
            continue
        try:
            is_dir = entry.is_dir()
            is_file = entry.is_file()
        except OSError as exc:
            report.failures.append(Failure(path, _os_reason(exc)))
            continue
        if is_dir:
            if entry.name not in page_folders:
                yield from _walk(path, report, seen, ancestors)
        elif is_file:
            if entry.name in marks_files:
                continue  # read with its article's Markdown
            stat = entry.stat()
            file_key = (stat.st_dev, stat.st_ino)
            if file_key in seen:
                continue
            seen.add(file_key)
            if is_supported(path):
                yield path
            else:
                report.skipped.append(path)
        elif entry.is_symlink() and (reason := _dangling_reason(path)):
            report.failures.append(Failure(path, reason))
        else:  # a named pipe, a socket, a device: nothing to read, and reading may block
            report.skipped.append(path)


def _saved_page_folders(entries: list[os.DirEntry]) -> set[str]:
    """Folders a browser saved beside a page ("Page_files" next to "Page.html"), and those
    an export writes beside an article's Markdown: they hold pictures and scripts, not
    articles."""
    kinds = HTML_EXTENSIONS | MARKDOWN_EXTENSIONS
    pages = {Path(e.name).stem for e in entries if Path(e.name).suffix.lower() in kinds}
    return {f"{stem}_files" for stem in pages} | {f"{stem}-Dateien" for stem in pages}


def _export_marks_files(entries: list[os.DirEntry]) -> set[str]:
    """The marks files an export writes beside articles' Markdown files."""
    from reader.core.marks_file import SUFFIX

    names = {e.name for e in entries}
    return {
        name
        for name in names
        if name.lower().endswith(SUFFIX)
        and any(f"{name[: -len(SUFFIX)]}{ext}" in names for ext in MARKDOWN_EXTENSIONS)
    }


def _dangling_reason(path: Path) -> str | None:
    """Why a link leads nowhere readable; None if it leads somewhere (a link to a named
    pipe or a device is skipped, as they are)."""
    try:
        path.stat()
    except OSError as exc:
        if isinstance(exc, FileNotFoundError):
            return "broken symbolic link"
        return _os_reason(exc)
    return None


def _os_reason(exc: OSError) -> str:
    if exc.errno == errno.ELOOP:
        return "symbolic link loop (the link leads back to itself); not followed"
    if isinstance(exc, PermissionError):
        return "permission denied"
    return exc.strerror or str(exc)
