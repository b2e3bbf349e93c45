"""Which language an article is written in (ISO 639-1 code)."""

from __future__ import annotations

import re

_LETTER_RE = re.compile(r"[^\W\d_]")
# A few sentences identify a language as well as a whole article does, at a fraction of
# the cost (the identifier's time grows with the text).
_SAMPLE_CHARS = 500
_MIN_LETTERS = 12


def detect_language(text: str) -> str | None:
    """The language code of ``text`` (ru, en, uk, de, ...), or None when too little text.

    The identifier (py3langid) loads its model on first use; only importing needs it.
    """
    sample = text[:_SAMPLE_CHARS]
    if len(_LETTER_RE.findall(sample)) < _MIN_LETTERS:
        return None
    import py3langid

    code, _score = py3langid.classify(sample)
    return code
