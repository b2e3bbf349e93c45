"""Benchmark: articles with pictures (issue 15, item 2).

    python benchmarks/bench_pictures.py [--pages 40] [--pictures 20] [--runs 5]

Made here, in a temporary folder: --pages saved HTML pages of about 3,000 words, each
with --pictures photographs (JPEG, 1200 x 800, distinct) in its ``<page>_files/`` folder,
and the same pages with no pictures (the <img> tags left out): the baseline, measured in
the same run.

  import      both folders imported into fresh libraries (import_paths, as the command
              line does), --runs times: articles a second, and the time each picture adds
  size        the library file with and without the pictures, against the pictures'
              own bytes
  open        the window opens the 3,000-word article (to laid out and the first screen
              painted), with its pictures and without: median over --runs
"""

from __future__ import annotations

import argparse
import io
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

SENTENCES = (
    "The harbour master counted more boats at the evening moorings than in any summer before.",
    "Fishing families say the new pontoon has made the late landings safer for young crews.",
    "The council will decide in the autumn whether to extend the breakwater to the north.",
    "Visitors came from the inland towns on the weekend trains to watch the boats return.",
    "A survey of the harbour wall found two places where the stones had shifted in storms.",
)


def photo(width: int, height: int, seed: int) -> bytes:
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (width, height), (seed * 37 % 255, 140, 200))
    draw = ImageDraw.Draw(image)
    for n in range(12):
        x = (seed * 97 + n * 131) % width
        y = (seed * 53 + n * 71) % height
        draw.ellipse((x, y, x + 160, y + 120), fill=((n * 40 + seed) % 255, 90, 60))
    data = io.BytesIO()
    image.save(data, "JPEG", quality=85)
    return data.getvalue()


def make_pages(folder: Path, pages: int, pictures: int, with_pictures: bool) -> int:
    """The pages; returns the pictures' bytes written."""
    folder.mkdir(parents=True)
    written = 0
    for page in range(pages):
        stem = f"harbour-{page:03d}"
        # About 3,000 words, whatever the number of pictures; the first picture comes
        # after a short lead, on the first screen.
        per_part = max(1, 3000 // (15 * max(1, pictures)))
        blocks = [f"<p>Report {page}. {SENTENCES[page % 5]} {SENTENCES[(page + 1) % 5]}</p>"]
        for n in range(pictures):
            text = " ".join(SENTENCES[(page + n + k) % 5] for k in range(per_part))
            if with_pictures:
                files = folder / f"{stem}_files"
                files.mkdir(exist_ok=True)
                data = photo(1200, 800, page * pictures + n)
                (files / f"p{n}.jpg").write_bytes(data)
                written += len(data)
                blocks.append(
                    f'<figure><img src="{stem}_files/p{n}.jpg" alt="Boats, picture {n}">'
                    f"<figcaption>The moorings, picture {n} of {pictures}.</figcaption></figure>"
                )
            blocks.append(f"<p>Part {n}. {text}</p>")
        (folder / f"{stem}.html").write_text(
            "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
            f"<title>Harbour report {page}</title></head><body><article>"
            f"<h1>Harbour report {page}</h1>{''.join(blocks)}</article></body></html>",
            encoding="utf-8",
        )
    return written


def library_bytes(path: Path) -> int:
    return sum(p.stat().st_size for p in path.parent.glob(path.name + "*"))


def bench_import(work: Path, args: argparse.Namespace) -> None:
    from reader.core.file_import import import_paths
    from reader.core.store import Library

    picture_bytes = make_pages(work / "with", args.pages, args.pictures, True)
    make_pages(work / "without", args.pages, args.pictures, False)
    with Library.open(work / "warm-up.sqlite3") as library:  # (the parsers load once)
        import_paths(library, [work / "with" / "harbour-000.html"])
    times: dict[str, list[float]] = {"with": [], "without": []}
    sizes: dict[str, int] = {}
    for run in range(args.runs):
        for kind in ("without", "with"):
            path = work / f"lib-{kind}-{run}.sqlite3"
            with Library.open(path) as library:
                start = time.perf_counter()
                report = import_paths(library, [work / kind])
                times[kind].append(time.perf_counter() - start)
                assert len(report.imported) == args.pages, report.summary()
                assert not report.pictures_dropped, report.pictures_dropped[:3]
                count, _bytes = library.picture_totals()
            sizes[kind] = library_bytes(path)
            if kind == "with":
                assert count == args.pages * args.pictures
    with_s, without_s = statistics.median(times["with"]), statistics.median(times["without"])
    per_picture = (with_s - without_s) / (args.pages * args.pictures) * 1000
    print(
        f"import, {args.pages} pages of ~3000 words: with {args.pictures} pictures each "
        f"{args.pages / with_s:.0f} articles/s (median {with_s:.2f} s), without "
        f"{args.pages / without_s:.0f} articles/s ({without_s:.2f} s); ratio "
        f"{with_s / without_s:.2f}; {per_picture:.1f} ms a picture"
    )
    print(
        f"library size: with pictures {sizes['with'] / 1048576:.1f} MB, without "
        f"{sizes['without'] / 1048576:.1f} MB; the pictures' own bytes "
        f"{picture_bytes / 1048576:.1f} MB (overhead "
        f"{(sizes['with'] - sizes['without'] - picture_bytes) / picture_bytes * 100:+.1f} %)"
    )


def bench_open(work: Path, args: argparse.Namespace) -> None:
    from PySide6.QtWidgets import QApplication

    from reader.core.file_import import import_paths
    from reader.core.preferences import Preferences, State
    from reader.core.store import Library
    from reader.ui.shell.main_window import MainWindow

    app = QApplication.instance() or QApplication([])
    results = {}
    for kind in ("without", "with"):
        folder = work / f"open-{kind}"
        library = Library.open(folder / "library.sqlite3")
        source = work / kind / "harbour-000.html"
        other = work / kind / "harbour-001.html"
        first, second = import_paths(library, [source, other]).imported
        window = MainWindow(library, Preferences(folder / "p.json"), State(folder / "s.json"))
        window.resize(1100, 760)
        window.show()
        window.load_content()
        app.processEvents()
        view = window.article_view
        times = []
        for _ in range(args.runs * 2):
            window.open_article(second)  # (away, so each open is a real one)
            app.processEvents()
            start = time.perf_counter()
            window.open_article(first)
            document = view.document()
            document.documentLayout().blockBoundingRect(document.lastBlock())
            view.viewport().repaint()  # the first screen, its pictures drawn
            times.append(time.perf_counter() - start)
        results[kind] = statistics.median(times)
        drawn = sum(1 for u in view.requested_resources if u.scheme() == "picture")
        window.close()
        library.close()
    print(
        f"open a 3000-word article with {args.pictures} pictures, laid out and first screen "
        f"painted: median {results['with'] * 1000:.1f} ms; without pictures "
        f"{results['without'] * 1000:.1f} ms; ratio {results['with'] / results['without']:.2f} "
        f"(pictures decoded on the first screen: {drawn} over {args.runs * 2} opens)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=40)
    parser.add_argument("--pictures", type=int, default=20)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="reader-bench-pictures-") as tmp:
        work = Path(tmp)
        bench_import(work, args)
        bench_open(work, args)


if __name__ == "__main__":
    main()
