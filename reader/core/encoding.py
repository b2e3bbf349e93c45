"""Turning a stored file's bytes into text.

Byte-order marks decide first, and UTF-16 without one is told by where its zero bytes fall.
Bytes that are valid UTF-8 are UTF-8: that test is exact, not a guess, and it is the
common case. Anything else goes to charset-normalizer, first among the encodings that
stored Russian and Western pages really use (a short KOI8-R text is otherwise easily
mistaken for an East Asian code page), then among all it knows.
"""

from __future__ import annotations

import codecs
import unicodedata
from dataclasses import dataclass
from typing import Any

from reader.core.errors import ImportFailure

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

LIKELY_ENCODINGS = [
    "cp1251",
    "koi8_r",
    "koi8_u",
    "cp866",
    "iso8859_5",
    "mac_cyrillic",
    "cp1252",
    "iso8859_15",
    "latin_1",
]

# Control characters that never occur in text files (tab, newlines and form feed do).
_BINARY_BYTES = bytes(b for b in range(32) if b not in (9, 10, 12, 13)) + b"\x7f"
# Unicode categories no text is made of: controls, private use, unassigned, surrogates.
_NOT_TEXT = frozenset({"Cc", "Co", "Cn", "Cs"})


@dataclass(frozen=True)
class DecodedText:
    text: str
    encoding: str


def decode_bytes(data: bytes) -> DecodedText:
    """The text in ``data`` and the encoding it was in; ImportFailure if it is not text."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                return DecodedText(data.decode(name).lstrip("\ufeff"), name.replace("-sig", ""))
            except UnicodeDecodeError as exc:
                raise ImportFailure(
                    f"the file starts with a {name.upper()} byte-order mark but holds invalid "
                    f"{name.upper()} data at byte {exc.start}"
                ) from None

    sample = data[:65536]
    if b"\x00" in sample and (utf16 := _utf16_without_bom(data)) is not None:
        return utf16
    if b"\x00" in sample or _binary_share(sample) > 0.01:
        raise ImportFailure("not a text file (it holds binary data)")

    try:
        return DecodedText(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as exc:
        if _looks_like_damaged_utf8(data):
            raise ImportFailure(
                f"invalid UTF-8 at byte {exc.start}: the file is UTF-8 with damaged bytes; "
                "repair or re-save it as UTF-8"
            ) from None

    import charset_normalizer

    best = _likeliest(charset_normalizer.from_bytes(data, cp_isolation=LIKELY_ENCODINGS))
    if best is None:
        best = charset_normalizer.from_bytes(data).best()
    if best is None:
        raise ImportFailure("the text encoding could not be recognised")
    return DecodedText(str(best), best.encoding)


def _likeliest(matches: Any) -> Any:
    """charset-normalizer's best match, but a close call goes to the likelier encoding.

    Mac Cyrillic and Windows-1251 share the lowercase letters; the Mac one reads the
    capitals as punctuation ("Заголовок" as "«аголовок"), which can score a little higher.
    """
    best = matches.best()
    if best is None:
        return None
    close = [
        m for m in matches if m.chaos <= best.chaos + 0.01 and m.coherence >= best.coherence - 0.1
    ]
    rank = {name: index for index, name in enumerate(LIKELY_ENCODINGS)}
    return min(close, key=lambda m: rank.get(m.encoding, len(rank)))


def _utf16_without_bom(data: bytes) -> DecodedText | None:
    """The text when ``data`` is UTF-16 without a byte-order mark, else None.

    Text in UTF-16 has a zero byte in nearly every character from the Latin range (spaces,
    digits, punctuation and newlines in Russian text too), always the high byte: at the
    odd positions in little-endian, at the even ones in big-endian, and almost never at
    the others. Binary data has zeros at both, or decodes to control characters.
    """
    if len(data) < 4 or len(data) % 2:
        return None
    sample = data[:65536]
    chars = len(sample) // 2
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    for name, high, low in (("utf-16-le", odd, even), ("utf-16-be", even, odd)):
        if high < max(2, chars // 20) or low > high // 100:
            continue
        try:
            text = data.decode(name)
        except UnicodeDecodeError:
            return None  # unpaired surrogates: not UTF-16 after all
        if _unprintable_share(text[:32768]) <= 0.01:
            return DecodedText(text, name)
    return None


def _unprintable_share(text: str) -> float:
    """The share of control, private-use and unassigned characters (not tabs or newlines)."""
    if not text:
        return 0.0
    bad = sum(1 for ch in text if unicodedata.category(ch) in _NOT_TEXT and ch not in "\t\n\r\f")
    return bad / len(text)


def _binary_share(sample: bytes) -> float:
    if not sample:
        return 0.0
    return (len(sample) - len(sample.translate(None, _BINARY_BYTES))) / len(sample)


def _looks_like_damaged_utf8(data: bytes) -> bool:
    """True when most non-ASCII bytes form valid UTF-8 sequences, yet a few do not.

    Text in a single-byte code page almost never lines up into valid UTF-8 sequences, so a
    file that mostly does is UTF-8 with some corrupted bytes, not a Windows-1251 file.
    """
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    good = sum(1 for ch in text if ord(ch) > 127 and ch != "\ufffd")
    return good >= 4 and good >= 4 * bad
