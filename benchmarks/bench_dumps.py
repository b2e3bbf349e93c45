"""Benchmark: the article inside a full-page text dump (issue 15, item 1).

    python benchmarks/bench_dumps.py [--set SET|all] [--verbose]

The corpus is tests/fixtures/fullpages/<set>/<page>/: a whole news page (page.html), its
dumps by w3m and by lynx (w3m.txt, lynx.txt; see the README there) and the article's true
text (truth.json). The sets (SET): dev (for development), heldout, blind, blind2, blind3,
blind4 to blind9 (each written by someone who never saw the importer's rules, for a
final measurement; each was measured once as it came and then, its failures studied,
became a development set: the fullpages README says which numbers were blind). Every dump
of the set is given to three extractors:

  whole dump     body = the whole dump; title = its first non-empty line.
  jusText alone  jusText (the boilerplate remover that comes with trafilatura) with the
                 English or Russian stop list, by the truth's language. Called on the raw
                 dump, justext.justext sees one paragraph (lxml wraps the whole text in a
                 single <p>), so it is given the dump's paragraphs instead, each a <p>: the
                 blocks between blank lines, with every list line ("•", "*", "+", "-",
                 "1.") a paragraph of its own. body = the paragraphs it does not call
                 boilerplate, joined; title = the first of them.
  ours           the app's importer as a user meets it: the dump written to a .txt file
                 and read with reader.core.parsers.read_article (which also fills the
                 shared fields, as an import does); body = the Markdown body as plain text
                 (reader.core.article.plain_text), title = article.title. A dump it
                 refuses scores F1 0 and a wrong title, and is listed.

Body: token F1 against the truth's body blocks joined (tokens: \\w+ of the casefolded text,
ё read as е; multiset precision and recall), the mean over dumps. Title: the share of
dumps whose title is exactly the headline (spacing normalised; case-sensitive, and also
case-insensitive). Also the median time "ours" takes for one dump.
"""

from __future__ import annotations

import argparse
import html
import json
import re
import statistics
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import justext  # noqa: E402

from reader.core.article import plain_text  # noqa: E402
from reader.core.errors import ImportFailure  # noqa: E402
from reader.core.parsers import read_article  # noqa: E402

CORPUS = ROOT / "tests" / "fixtures" / "fullpages"
SETS = (
    "dev",
    "heldout",
    "blind",
    "blind2",
    "blind3",
    "blind4",
    "blind5",
    "blind6",
    "blind7",
    "blind8",
    "blind9",
)
TOOLS = ("w3m", "lynx")
STOPLISTS = {"en": "English", "ru": "Russian"}

_TOKEN_RE = re.compile(r"\w+")
# A list line as the two tools write it: "  • item" (w3m), "     * item" (lynx), " 1. item".
_LIST_LINE_RE = re.compile(r"^\s*(?:[•*+\-]|\d{1,3}\.)\s+\S")


@dataclass
class Dump:
    page: str  # "<set>/<name>"
    tool: str
    text: str
    truth: dict


@dataclass
class Result:
    """One extractor on one dump."""

    f1: float
    precision: float
    recall: float
    title: str
    title_exact: bool
    title_casefold: bool
    refused: str | None = None


@dataclass
class Extractor:
    name: str
    run: Callable[[Dump], tuple[str, str]]  # (title, body); ImportFailure if refused
    results: list[Result] = field(default_factory=list)
    seconds: list[float] = field(default_factory=list)


def tokens(text: str) -> Counter[str]:
    return Counter(_TOKEN_RE.findall(text.casefold().replace("ё", "е")))


def scores(got: str, truth: str) -> tuple[float, float, float]:
    """Token F1, precision and recall of ``got`` against ``truth`` (multisets)."""
    got_tokens, truth_tokens = tokens(got), tokens(truth)
    common = sum((got_tokens & truth_tokens).values())
    if not common:
        return 0.0, 0.0, 0.0
    precision = common / sum(got_tokens.values())
    recall = common / sum(truth_tokens.values())
    return 2 * precision * recall / (precision + recall), precision, recall


def spaced(text: str) -> str:
    return " ".join(text.split())


# --- the three extractors ---


def whole_dump(dump: Dump) -> tuple[str, str]:
    first = next((line for line in dump.text.splitlines() if line.strip()), "")
    return first.strip(), dump.text


def dump_paragraphs(text: str) -> list[str]:
    """The dump's paragraphs: blocks between blank lines, each list line on its own."""
    paragraphs: list[str] = []
    current: list[str] = []
    for line in text.splitlines():
        if not line.strip() or _LIST_LINE_RE.match(line):
            if current:
                paragraphs.append(" ".join(current))
            current = []
        if line.strip():
            current.append(line.strip())
    if current:
        paragraphs.append(" ".join(current))
    return paragraphs


def justext_alone(dump: Dump) -> tuple[str, str]:
    page = "".join(f"<p>{html.escape(p)}</p>\n" for p in dump_paragraphs(dump.text))
    document = f"<html><body>\n{page}</body></html>"
    stoplist = justext.get_stoplist(STOPLISTS[dump.truth["language"]])
    kept = [p.text for p in justext.justext(document, stoplist) if not p.is_boilerplate]
    return (kept[0] if kept else ""), "\n\n".join(kept)


def ours(dump: Dump, folder: Path, seconds: list[float]) -> tuple[str, str]:
    path = folder / "page.txt"
    path.write_text(dump.text, encoding="utf-8")
    start = time.perf_counter()
    article = read_article(path)
    seconds.append(time.perf_counter() - start)
    return article.title, plain_text(article.body)


# --- the corpus and the run ---


def load(which: str) -> list[Dump]:
    dumps = []
    for set_name in SETS if which == "all" else (which,):
        pages = sorted(p for p in (CORPUS / set_name).iterdir() if p.is_dir())
        if not pages:
            raise SystemExit(f"no pages in {CORPUS / set_name}")
        for page in pages:
            truth = json.loads((page / "truth.json").read_text(encoding="utf-8"))
            for tool in TOOLS:
                text = (page / f"{tool}.txt").read_text(encoding="utf-8")
                dumps.append(Dump(f"{set_name}/{page.name}", tool, text, truth))
    return dumps


def measure(extractor: Extractor, dump: Dump) -> Result:
    truth_body = "\n\n".join(dump.truth["body"])
    headline = spaced(dump.truth["title"])
    try:
        title, body = extractor.run(dump)
    except ImportFailure as exc:
        return Result(0.0, 0.0, 0.0, "", False, False, refused=str(exc))
    f1, precision, recall = scores(body, truth_body)
    title = spaced(title)
    return Result(
        f1, precision, recall, title, title == headline, title.casefold() == headline.casefold()
    )


def mean(values: list[float]) -> float:
    return statistics.fmean(values) if values else 0.0


def share(flags: list[bool]) -> str:
    return f"{sum(flags)}/{len(flags)} ({100 * sum(flags) / len(flags):.0f} %)"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--set", choices=(*SETS, "all"), default="dev")
    parser.add_argument("--verbose", action="store_true", help="a line per dump and extractor")
    args = parser.parse_args()

    dumps = load(args.set)
    with tempfile.TemporaryDirectory() as work:
        folder = Path(work)
        ours_seconds: list[float] = []
        extractors = [
            Extractor("whole dump", whole_dump),
            Extractor("jusText alone", justext_alone),
            Extractor("ours", lambda dump: ours(dump, folder, ours_seconds)),
        ]
        for dump in dumps:
            for extractor in extractors:
                extractor.results.append(measure(extractor, dump))
        extractors[2].seconds = ours_seconds

    pages = len({d.page for d in dumps})
    print(f"Full-page dumps, set {args.set}: {pages} pages, {len(dumps)} dumps (w3m and lynx)")
    if args.verbose:
        for index, dump in enumerate(dumps):
            print(f"\n{dump.page} {dump.tool}  (headline: {dump.truth['title']!r})")
            for extractor in extractors:
                r = extractor.results[index]
                mark = "=" if r.title_exact else ("~" if r.title_casefold else "x")
                what = f"REFUSED: {r.refused}" if r.refused else f"title {mark} {r.title[:70]!r}"
                print(
                    f"  {extractor.name:<14} F1 {r.f1:.3f} (P {r.precision:.3f} "
                    f"R {r.recall:.3f})  {what}"
                )
        print()

    by_tool = {tool: [i for i, d in enumerate(dumps) if d.tool == tool] for tool in TOOLS}
    header = (
        f"{'extractor':<14} {'body F1':>7} {'P':>6} {'R':>6} {'F1 w3m':>7} {'F1 lynx':>7}"
        f"  {'title exact':<13} {'title, any case':<13}"
    )
    print(header)
    print("-" * len(header))
    for extractor in extractors:
        results = extractor.results
        per_tool = [mean([results[i].f1 for i in by_tool[tool]]) for tool in TOOLS]
        print(
            f"{extractor.name:<14} {mean([r.f1 for r in results]):>7.3f}"
            f" {mean([r.precision for r in results]):>6.3f}"
            f" {mean([r.recall for r in results]):>6.3f}"
            f" {per_tool[0]:>7.3f} {per_tool[1]:>7.3f}"
            f"  {share([r.title_exact for r in results]):<13}"
            f" {share([r.title_casefold for r in results]):<13}"
        )
    ours_result = extractors[2]
    if ours_result.seconds:
        median_ms = 1000 * statistics.median(ours_result.seconds)
        print(f"\nours: median {median_ms:.1f} ms per dump (read_article on a .txt file)")
    refused = [(d, r) for d, r in zip(dumps, ours_result.results, strict=True) if r.refused]
    if refused:
        print(f"ours refused {len(refused)} dump(s):")
        for dump, result in refused:
            print(f"  {dump.page} {dump.tool}: {result.refused}")
    else:
        print("ours refused no dump")


if __name__ == "__main__":
    main()
