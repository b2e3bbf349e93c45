"""YAML front matter: the ``---`` block at the top of a Markdown article."""

from __future__ import annotations

import datetime as dt
import re

import yaml

from reader.core.errors import ImportFailure

# The C loader when PyYAML was built with libyaml: the same results, several times faster.
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_Dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)

_OPEN_RE = re.compile(r"\A(?:\ufeff)?---[ \t]*\n")
_CLOSE_RE = re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.MULTILINE)


def has_front_matter(text: str) -> bool:
    return bool(_OPEN_RE.match(text.replace("\r\n", "\n")))


def split_front_matter(text: str) -> tuple[dict, str]:
    """The front matter as a dict and the Markdown after it; ({}, text) when there is none."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    opening = _OPEN_RE.match(text)
    if not opening:
        return {}, text
    closing = _CLOSE_RE.search(text, opening.end())
    if not closing:
        raise ImportFailure("broken front matter: the opening '---' has no closing '---'")
    block = text[opening.end() : closing.start()]
    try:
        data = yaml.load(block, Loader=_Loader)  # noqa: S506 - a safe loader
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" on line {mark.line + 2}" if mark is not None else ""
        problem = getattr(exc, "problem", None) or "not valid YAML"
        raise ImportFailure(f"broken front matter{where}: {problem}") from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise ImportFailure("broken front matter: it must be a list of 'key: value' lines")
    return data, text[closing.end() :].lstrip("\n")


def dump_front_matter(fields: dict) -> str:
    """A front matter block for ``fields`` (None values left out), ending in a newline."""
    kept = {key: value for key, value in fields.items() if value not in (None, [], "")}
    block = yaml.dump(kept, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=1000)
    return f"---\n{block}---\n"


def as_text(value: object) -> str | None:
    """A front matter value as text; YAML turns bare dates into date objects."""
    if value is None:
        return None
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    text = str(value).strip()
    return text or None


def as_list(value: object) -> list[str]:
    if value is None:
        return []
    if isinstance(value, list | tuple):
        return [str(item).strip() for item in value if str(item).strip()]
    return [part.strip() for part in re.split(r"[,;]", str(value)) if part.strip()]
