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
from reader.core.errors import ImportFailure
from reader.core.importers import HTML_EXTENSIONS, is_supported, read_article
from reader.core.library import Library, index_terms

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Failure:
    path: Path
    reason: str

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


@dataclass
class ImportReport:
    imported: list[int] = field(default_factory=list)
    duplicates: list[Path] = field(default_factory=list)
    failures: list[Failure] = field(default_factory=list)
    skipped: list[Path] = field(default_factory=list)  # unsupported files met inside folders
    cancelled: bool = False

    @property
    def ok(self) -> bool:
        return not self.failures

    def summary(self) -> str:
        text = (
            f"imported {len(self.imported)}, duplicates {len(self.duplicates)}, "
            f"failed {len(self.failures)}"
        )
        if self.skipped:
            text += f", skipped {len(self.skipped)} unsupported"
        if self.cancelled:
            text += " (cancelled)"
        return text


# progress(done, total, path): total is None while the folders are still being walked.
Progress = Callable[[int, int | None, Path], None]


# Below this many files, starting worker processes costs more than it saves.
PARALLEL_THRESHOLD = 200


def import_paths(
    library: Library,
    paths: Iterable[Path | str],
    progress: Progress | None = None,
    cancel: threading.Event | None = None,
    workers: int | None = None,
) -> ImportReport:
    """Import files and folders. Reading and parsing (the slow part) runs in worker
    processes when there are many files; every write happens here, one file a transaction."""
    report = ImportReport()
    files = list(collect_files([Path(p) for p in paths], report))
    total = len(files)
    workers = _worker_count(total) if workers is None else workers
    parsed = _parse_in_workers(files, workers) if workers > 1 else map(parse_for_import, files)
    done = 0
    writes = library.bulk_writes() if total > 1 else contextlib.nullcontext()
    try:
        with writes:
            for path, outcome in parsed:
                if progress:
                    progress(done, total, path)
                if cancel is not None and cancel.is_set():
                    report.cancelled = True
                    break
                _store(library, path, outcome, report)
                done += 1
    finally:
        close = getattr(parsed, "close", None)
        if close:
            close()
    if progress and not report.cancelled:
        progress(total, total, files[-1] if files else Path())
    if total > 1 and report.imported and not report.cancelled:
        # Many files leave many small pieces of index; Cancel still works meanwhile.
        library.tidy_search_index(stop=cancel.is_set if cancel is not None else None)
    return report


def parse_for_import(path: Path) -> tuple[Path, Article | str]:
    """The article in ``path``, or the reason it cannot be imported."""
    try:
        article = read_article(path)
        article.index_terms = index_terms(article)  # the slow part of indexing, done here
        return path, article
    except ImportFailure as exc:
        return path, str(exc)
    except Exception as exc:  # a bug in a parser must not stop the other files
        log.exception("importing %s failed", path)
        return path, f"internal error, please report it: {type(exc).__name__}: {exc}"


def _store(library: Library, path: Path, outcome: Article | str, report: ImportReport) -> None:
    if isinstance(outcome, str):
        report.failures.append(Failure(path, outcome))
        return
    result = library.add(outcome)
    if result.duplicate:
        report.duplicates.append(path)
    else:
        report.imported.append(result.id)


def _worker_count(total: int) -> int:
    import multiprocessing

    # Workers are forked: they start at once with everything already loaded. Forking is
    # only safe in a process with a single thread, so a GUI (which imports from a thread
    # of its own) parses in that thread instead.
    if (
        total < PARALLEL_THRESHOLD
        or threading.active_count() > 1
        or "fork" not in multiprocessing.get_all_start_methods()
    ):
        return 1
    return max(1, min(os.cpu_count() or 1, 4))


def _parse_in_workers(files: list[Path], workers: int) -> Iterator[tuple[Path, Article | str]]:
    """Parse in forked worker processes, yielding results in file order as they arrive."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    from reader.core.language import detect_language

    detect_language("warm the language model once, before the workers are forked")
    context = multiprocessing.get_context("fork")
    executor = ProcessPoolExecutor(max_workers=workers, mp_context=context)
    try:
        yield from executor.map(parse_for_import, files, chunksize=16)
    finally:
        executor.shutdown(wait=True, cancel_futures=True)


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
            stat = entry.stat()
            file_key = (stat.st_dev, stat.st_ino)
            if file_key in seen:
                continue
            seen.add(file_key)
            if is_supported(path):
                yield path
            else:
                report.skipped.append(path)
        elif entry.is_symlink():
            report.failures.append(Failure(path, _dangling_reason(path)))


def _saved_page_folders(entries: list[os.DirEntry]) -> set[str]:
    """Folders a browser saved beside a page ("Page_files" next to "Page.html"): they hold
    the page's images and scripts, not articles."""
    pages = {Path(e.name).stem for e in entries if Path(e.name).suffix.lower() in HTML_EXTENSIONS}
    return {f"{stem}_files" for stem in pages} | {f"{stem}-Dateien" for stem in pages}


def _dangling_reason(path: Path) -> str:
    try:
        path.stat()
    except OSError as exc:
        if isinstance(exc, FileNotFoundError):
            return "broken symbolic link"
        return _os_reason(exc)
    return "not a regular file"


def _os_reason(exc: OSError) -> str:
    if exc.errno == errno.ELOOP:
        return "symbolic link loop (the link leads back to itself); not followed"
    if isinstance(exc, PermissionError):
        return "permission denied"
    return exc.strerror or str(exc)
