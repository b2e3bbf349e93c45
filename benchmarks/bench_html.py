"""Benchmark: the article inside a saved HTML page, ours against trafilatura alone.

    python benchmarks/bench_html.py [--small] [--only TEXT] [--verbose] [--strict]

The corpus is every page folder holding page.html and truth.json under
tests/fixtures/fullpages/<set>/ (whatever sets are there) and tests/fixtures/htmlpages/
(see the README in each). Every page is given to two extractors, on the same text:

  trafilatura alone  trafilatura.extract with its default options (plain-text output,
                     comments and tables included) on the page's text as our importer
                     decodes it (reader.core.encoding.decode_bytes), so that both read the
                     same characters; its first line is dropped when it is the headline
                     (the body is what is compared, and ours shows the title apart).
  ours               the app's importer as a user meets it: reader.core.parsers.read_article
                     on the page file; body = the Markdown body as plain text
                     (reader.core.article.plain_text). A page it refuses scores F1 0.

Body: token F1 against the truth's body blocks joined (as in bench_dumps.py: tokens are \\w+
of the casefolded text, ё read as е; multiset precision and recall), the mean over pages.
The two requirements of "add to trafilatura, never subtract" are checked in the same run:
(a) ours' mean F1 is at least trafilatura's; (b) ours refuses no page from which
trafilatura alone extracts 200 words or more. Also the median time per page of each.
--small (for CI) takes the first and the last page of each set; --strict exits with 1
when a requirement is not met.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import trafilatura  # noqa: E402
from bench_dumps import scores, spaced  # noqa: E402

from reader.core.article import plain_text  # noqa: E402
from reader.core.encoding import decode_bytes  # noqa: E402
from reader.core.errors import ImportFailure  # noqa: E402
from reader.core.parsers import read_article  # noqa: E402

FIXTURES = ROOT / "tests" / "fixtures"
# Each entry: a folder whose page folders are one level down, or two (a folder per set).
CORPORA = ((FIXTURES / "htmlpages", 1), (FIXTURES / "fullpages", 2))
REFUSAL_LIMIT = 200  # words trafilatura alone extracts from a page ours must not refuse

_WORD_RE = re.compile(r"\w+")


@dataclass
class Page:
    name: str  # "htmlpages/<page>" or "fullpages/<set>/<page>"
    path: Path
    truth: dict


@dataclass
class Result:
    f1: float
    precision: float
    recall: float
    words: int
    refused: str | None = None


@dataclass
class Extractor:
    name: str
    run: Callable[[Page], str]  # the body as plain text; ImportFailure if refused
    results: list[Result] = field(default_factory=list)
    seconds: list[float] = field(default_factory=list)


def trafilatura_alone(page: Page) -> str:
    text = decode_bytes(page.path.read_bytes()).text
    body = trafilatura.extract(text) or ""
    first, _, rest = body.lstrip().partition("\n")
    if _same(first, page.truth["title"]):
        body = rest
    return body


def ours(page: Page) -> str:
    return plain_text(read_article(page.path).body)


def _same(a: str, b: str) -> bool:
    return spaced(a).strip(" .:").casefold() == spaced(b).strip(" .:").casefold()


def load(small: bool, only: str | None) -> list[Page]:
    pages = []
    for corpus, depth in CORPORA:
        sets = sorted(p for p in corpus.iterdir() if p.is_dir()) if depth == 2 else [corpus]
        for folder in sets:
            found = sorted(p.parent for p in folder.glob("*/page.html"))
            if only:
                found = [p for p in found if only in str(p.relative_to(FIXTURES))]
            if small and len(found) > 2:
                found = [found[0], found[-1]]
            for page in found:
                truth = json.loads((page / "truth.json").read_text(encoding="utf-8"))
                pages.append(Page(str(page.relative_to(FIXTURES)), page / "page.html", truth))
    if not pages:
        raise SystemExit(f"no pages found under {FIXTURES} (htmlpages, fullpages)")
    return pages


def measure(extractor: Extractor, page: Page) -> Result:
    start = time.perf_counter()
    try:
        body = extractor.run(page)
    except ImportFailure as exc:
        return Result(0.0, 0.0, 0.0, 0, refused=str(exc))
    finally:
        extractor.seconds.append(time.perf_counter() - start)
    f1, precision, recall = scores(body, "\n\n".join(page.truth["body"]))
    return Result(f1, precision, recall, len(_WORD_RE.findall(body)))


def mean(values: list[float]) -> float:
    return statistics.fmean(values) if values else 0.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--small", action="store_true", help="two pages of each set (for CI)")
    parser.add_argument("--only", help="only the pages whose folder path contains this text")
    parser.add_argument("--verbose", action="store_true", help="a line per page and extractor")
    parser.add_argument("--strict", action="store_true", help="exit 1 if a requirement fails")
    args = parser.parse_args()

    pages = load(args.small, args.only)
    extractors = [Extractor("trafilatura", trafilatura_alone), Extractor("ours", ours)]
    for extractor in extractors:
        # Once untimed: the first call of each loads its modules (lxml, trafilatura).
        measure(extractor, pages[0])
        extractor.seconds.clear()
    for page in pages:
        for extractor in extractors:
            extractor.results.append(measure(extractor, page))
    alone, mine = extractors

    languages = sorted({p.truth["language"] for p in pages})
    print(f"Saved HTML pages: {len(pages)} ({', '.join(languages)})")
    if args.verbose:
        print(f"\n{'page':<48} {'extractor':<12} {'F1':>6} {'P':>6} {'R':>6} {'words':>6}")
        for index, page in enumerate(pages):
            for extractor in extractors:
                r = extractor.results[index]
                name = page.name if extractor is alone else ""
                refused = f"  REFUSED: {r.refused}" if r.refused else ""
                print(
                    f"{name:<48} {extractor.name:<12} {r.f1:>6.3f} {r.precision:>6.3f}"
                    f" {r.recall:>6.3f} {r.words:>6}{refused}"
                )
        print()

    header = f"{'extractor':<12} {'body F1':>7} {'P':>6} {'R':>6}" + "".join(
        f" {'F1 ' + lang:>6}" for lang in languages
    )
    header += f" {'refused':>8} {'median ms':>10}"
    print(header)
    print("-" * len(header))
    for extractor in extractors:
        results = extractor.results
        by_language = [
            mean([r.f1 for r, p in zip(results, pages, strict=True) if p.truth["language"] == lang])
            for lang in languages
        ]
        print(
            f"{extractor.name:<12} {mean([r.f1 for r in results]):>7.3f}"
            f" {mean([r.precision for r in results]):>6.3f}"
            f" {mean([r.recall for r in results]):>6.3f}"
            + "".join(f" {f1:>6.3f}" for f1 in by_language)
            + f" {sum(r.refused is not None for r in results):>8}"
            f" {1000 * statistics.median(extractor.seconds):>10.1f}"
        )

    refused = [
        (page, r, t)
        for page, r, t in zip(pages, mine.results, alone.results, strict=True)
        if r.refused
    ]
    print(f"\nours refused {len(refused)} page(s)" + (":" if refused else ""))
    for page, result, theirs in refused:
        print(f"  {page.name}: {result.refused} (trafilatura alone: {theirs.words} words)")
    gap = mean([r.f1 for r in mine.results]) - mean([r.f1 for r in alone.results])
    met_a = gap >= 0
    met_b = not any(theirs.words >= REFUSAL_LIMIT for _, _, theirs in refused)
    print(f"(a) ours' mean F1 >= trafilatura alone: {'met' if met_a else 'NOT met'} ({gap:+.3f})")
    print(
        f"(b) no page refused that trafilatura alone reads {REFUSAL_LIMIT}+ words from: "
        f"{'met' if met_b else 'NOT met'}"
    )
    if args.strict and not (met_a and met_b):
        sys.exit(1)


if __name__ == "__main__":
    main()
