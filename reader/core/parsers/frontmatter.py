"""YAML front matter: the ``---`` block at the top of a Markdown article."""

from __future__ import annotations

import datetime as dt
import re

import yaml

from reader.core.errors import ImportFailure

# The C loader when PyYAML was built with libyaml: the same results, several times faster.
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_Dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)

# Far more than any article's front matter holds; past them, the front matter is refused.
# YAML aliases let a small block stand for an exponentially large one ("billion laughs"):
# the block is composed into nodes first (an alias shares its anchor's node, nothing is
# copied) and measured before anything is built from it.
MAX_VALUES = 10_000
MAX_DEPTH = 50
_TOO_DEEP = f"the front matter nests more than {MAX_DEPTH} levels deep"
# A longer "number" is kept as text: int() refuses over 4,300 digits, and a base-60 one
# ("1:2:3:...") takes quadratic time to build.
_MAX_NUMBER_CHARS = 100
_NUMBER_TAGS = frozenset({"tag:yaml.org,2002:int", "tag:yaml.org,2002:float"})

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
        data = _load_bounded(block)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" on line {mark.line + 2}" if mark is not None else ""
        problem = getattr(exc, "problem", None) or "not valid YAML"
        if "nesting depth" in problem:  # libyaml's own limit, past ours
            raise ImportFailure(_TOO_DEEP) from None
        raise ImportFailure(f"broken front matter{where}: {problem}") from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise ImportFailure("broken front matter: it must be a list of 'key: value' lines")
    return data, text[closing.end() :].lstrip("\n")


def _load_bounded(block: str) -> object:
    """The YAML in ``block`` as Python data; ImportFailure if it is too big once expanded."""
    loader = _Loader(block)
    try:
        try:
            node = loader.get_single_node()
        except RecursionError:  # only the pure-Python composer recurses; libyaml stops at 1000
            raise ImportFailure(_TOO_DEEP) from None
        if node is None:
            return None
        _check_size(node)
        return loader.construct_document(node)
    finally:
        loader.dispose()


def _check_size(root: yaml.Node) -> None:
    """Refuse a node tree that expands to too many values or nests too deep.

    Iterative, and each node measured once (an alias is the same node again), so a short
    block of aliases upon aliases costs what its text costs.
    """
    size: dict[int, int] = {}  # expanded values under a node, itself included
    depth: dict[int, int] = {}
    pending: list[tuple[yaml.Node, bool]] = [(root, False)]
    open_nodes: set[int] = set()
    while pending:
        node, children_done = pending.pop()
        key = id(node)
        if isinstance(node, yaml.ScalarNode):
            if node.tag in _NUMBER_TAGS and len(node.value) > _MAX_NUMBER_CHARS:
                node.tag = "tag:yaml.org,2002:str"
            size[key], depth[key] = 1, 1
            continue
        children = _children(node)
        if children_done:
            open_nodes.discard(key)
            size[key] = 1 + sum(size[id(child)] for child in children)
            depth[key] = 1 + max((depth[id(child)] for child in children), default=0)
            if depth[key] > MAX_DEPTH:
                raise ImportFailure(_TOO_DEEP)
            if size[key] > MAX_VALUES:
                if len(size) > MAX_VALUES:  # that many written out, not through aliases
                    raise ImportFailure(f"the front matter holds more than {MAX_VALUES:,} values")
                raise ImportFailure(
                    f"the front matter expands to more than {MAX_VALUES:,} values (YAML aliases)"
                )
            continue
        if key in size:
            continue  # an alias of a node already measured
        if key in open_nodes:
            raise ImportFailure(
                "the front matter refers to itself (a YAML alias inside its anchor)"
            )
        open_nodes.add(key)
        pending.append((node, True))
        pending.extend((child, False) for child in children if id(child) not in size)


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.MappingNode):
        return [part for pair in node.value for part in pair]
    return list(node.value)


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
