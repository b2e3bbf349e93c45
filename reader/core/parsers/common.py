"""Small pieces the importers share: blank-line handling, Markdown escaping, dates."""

from __future__ import annotations

import re
from datetime import datetime

# Characters that look like nothing on screen; a line of only these is blank.
_INVISIBLE_RE = re.compile("[\ufeff\u200b\u200c\u200d\u2060]")

_LINE_START_MARKUP = re.compile(
    r"^(\s*)(#{1,6}(?=\s|$)|>|[-+*](?=\s)|(\d+)([.)])(?=\s)|=+\s*$|-+\s*$)"
)
_INLINE_MARKUP = re.compile(r"([\\`*_\[\]<>|])")


def split_lines(text: str) -> list[str]:
    """Lines with any line-ending convention, trailing spaces dropped, and lines made only
    of whitespace (no-break spaces included) or invisible characters made empty."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if _INVISIBLE_RE.search(text):
        text = _INVISIBLE_RE.sub("", text)
    return [line.rstrip() for line in text.split("\n")]


def clean_inline(text: str) -> str:
    """One line of text with outer spacing and invisible characters removed."""
    return _INVISIBLE_RE.sub("", text).strip()


def blocks(lines: list[str]) -> list[list[str]]:
    """Runs of non-blank lines, separated by one or more blank lines."""
    result: list[list[str]] = []
    current: list[str] = []
    for line in lines:
        if line:
            current.append(line)
        elif current:
            result.append(current)
            current = []
    if current:
        result.append(current)
    return result


def escape_markdown(text: str) -> str:
    """Plain text made safe to place in a Markdown body: it renders as the same text."""
    out = []
    for line in text.split("\n"):
        line = _INLINE_MARKUP.sub(r"\\\1", line)
        match = _LINE_START_MARKUP.match(line)
        if match:
            indent, marker = match.group(1), match.group(2)
            # "1." or "1)" would start a numbered list
            escaped = f"{match.group(3)}\\{match.group(4)}" if match.group(3) else "\\" + marker
            line = indent + escaped + line[match.end() :]
        out.append(line)
    return "\n".join(out)


def paragraphs_to_markdown(paragraphs: list[str]) -> str:
    return "\n\n".join(escape_markdown(p) for p in paragraphs if p.strip())


_DATE_PATTERNS = [
    # Day first, as Russian and most European sites write it.
    (re.compile(r"^(\d{1,2})[-./](\d{1,2})[-./](\d{4})$"), "dmy"),
    (re.compile(r"^(\d{4})[-./](\d{1,2})[-./](\d{1,2})$"), "ymd"),
]
_TIME_RE = re.compile(r"^(\d{1,2}):(\d{2})(?::(\d{2}))?$")


def parse_numeric_datetime(date_text: str, time_text: str | None = None) -> str | None:
    """ISO 8601 text for a numeric date (and time) as a page prints it, or None.

    No timezone is added: the page gave none, so none is invented.
    """
    for pattern, order in _DATE_PATTERNS:
        match = pattern.match(date_text.strip())
        if not match:
            continue
        a, b, c = (int(g) for g in match.groups())
        year, month, day = (c, b, a) if order == "dmy" else (a, b, c)
        try:
            moment = datetime(year, month, day)
        except ValueError:
            return None
        if not time_text:
            return moment.date().isoformat()
        tmatch = _TIME_RE.match(time_text.strip())
        if not tmatch:
            return moment.date().isoformat()
        hour, minute = int(tmatch.group(1)), int(tmatch.group(2))
        second = int(tmatch.group(3) or 0)
        try:
            moment = moment.replace(hour=hour, minute=minute, second=second)
        except ValueError:
            return moment.date().isoformat()
        spec = "seconds" if tmatch.group(3) else "minutes"
        return moment.isoformat(timespec=spec)
    return None
