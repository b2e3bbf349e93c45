"""A search result's snippet with its matched words marked: one way for every output.

The command line marks them with ``**``, the Search panel with HTML; both walk the
snippet's spans the same way here, so they cannot disagree on what was matched.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable


def pieces(snippet: str, spans: Iterable[tuple[int, int]]) -> list[tuple[str, bool]]:
    """``snippet`` cut at ``spans`` (sorted, not overlapping): (text, is_match) in order.
    Text between matches that is empty is left out; a match is kept as it is."""
    found, last = [], 0
    for start, end in spans:
        if start > last:
            found.append((snippet[last:start], False))
        found.append((snippet[start:end], True))
        last = end
    if last < len(snippet):
        found.append((snippet[last:], False))
    return found


def mark(
    snippet: str,
    spans: Iterable[tuple[int, int]],
    before: str,
    after: str,
    escape: Callable[[str], str] = lambda text: text,
) -> str:
    """``snippet`` with each span between ``before`` and ``after``; every piece of the
    snippet passes through ``escape`` (html.escape for HTML), the markers do not."""
    return "".join(
        f"{before}{escape(text)}{after}" if match else escape(text)
        for text, match in pieces(snippet, spans)
    )
