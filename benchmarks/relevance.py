"""Relevance of search on our own corpus (tests/fixtures/search): recall, precision and F1
per query, and their means, for the code on the path (run it with an older tree first on
PYTHONPATH to compare: the numbers are the corpus's, not timings).

    python benchmarks/relevance.py [--only-complete]

A query's relevant articles are its "must_include"; for queries marked "complete" that is
every relevant article of the corpus, and precision counts every result; for the others,
only the results judged (must_include and must_exclude) count.
"""

from __future__ import annotations

import argparse
import json
import statistics
import tempfile
from pathlib import Path

from reader.core.file_import import import_paths
from reader.core.search import search
from reader.core.store import Library

CORPUS = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "search"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only-complete", action="store_true")
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    args = parser.parse_args()
    queries = json.loads((args.corpus / "queries.json").read_text(encoding="utf-8"))
    if args.only_complete:
        queries = [q for q in queries if q.get("complete")]
    with tempfile.TemporaryDirectory() as tmp, Library.open(Path(tmp) / "l.sqlite3") as library:
        import_paths(library, [args.corpus])
        names = {a.id: Path(a.original_path or "").name for a in library.articles()}
        recalls, precisions, f1s = [], [], []
        for case in queries:
            if case.get("empty"):
                continue
            found = {names[h.id] for h in search(library, case["query"], limit=100).hits}
            relevant = set(case["must_include"])
            judged = (
                found if case.get("complete") else found & (relevant | set(case["must_exclude"]))
            )
            hits = len(found & relevant)
            recall = hits / len(relevant) if relevant else 1.0
            precision = hits / len(judged) if judged else 1.0
            f1 = 2 * recall * precision / (recall + precision) if recall + precision else 0.0
            recalls.append(recall)
            precisions.append(precision)
            f1s.append(f1)
            wrong = sorted(judged - relevant)
            missed = sorted(relevant - found)
            print(
                f"{case['query']:<28} R {recall:.2f} P {precision:.2f} F1 {f1:.2f}"
                + (f"  missed {missed}" if missed else "")
                + (f"  wrong {wrong}" if wrong else "")
            )
        print(
            f"{len(f1s)} queries: mean recall {statistics.mean(recalls):.3f}, "
            f"precision {statistics.mean(precisions):.3f}, F1 {statistics.mean(f1s):.3f}"
        )


if __name__ == "__main__":
    main()
