"""The same Russian article in every encoding people stored it in gives identical text."""

import codecs

import pytest

from helpers import FIXTURES
from reader.core.encoding import decode_bytes
from reader.core.errors import ImportFailure
from reader.core.importers import read_article

ARTICLE = FIXTURES / "encoding" / "ru_article.txt"
ENCODINGS = {
    "utf-8": lambda t: t.encode("utf-8"),
    "utf-8 with BOM": lambda t: codecs.BOM_UTF8 + t.encode("utf-8"),
    "utf-16 LE with BOM": lambda t: codecs.BOM_UTF16_LE + t.encode("utf-16-le"),
    "utf-16 BE with BOM": lambda t: codecs.BOM_UTF16_BE + t.encode("utf-16-be"),
    "windows-1251": lambda t: t.encode("cp1251"),
    "koi8-r": lambda t: t.encode("koi8_r"),
}


@pytest.mark.parametrize("name", ENCODINGS)
def test_each_encoding_gives_the_same_article(tmp_path, name):
    original = ARTICLE.read_text(encoding="utf-8")
    reference = read_article(ARTICLE)
    path = tmp_path / "article.txt"
    path.write_bytes(ENCODINGS[name](original))
    article = read_article(path)
    assert (article.title, article.body) == (reference.title, reference.body)
    assert article.content_hash == reference.content_hash
    assert "ё" in article.body and "Ё" in article.body + article.title


@pytest.mark.parametrize(("encoding", "expected"), [("cp1251", "cp1251"), ("koi8_r", "koi8_r")])
def test_even_a_short_cyrillic_line_is_recognised(encoding, expected):
    text = "Привет, как дела? Всё хорошо."
    decoded = decode_bytes(text.encode(encoding))
    assert (decoded.text, decoded.encoding) == (text, expected)


def test_a_broken_utf16_file_is_reported():
    with pytest.raises(ImportFailure, match="UTF-16 byte-order mark but holds invalid"):
        decode_bytes(codecs.BOM_UTF16_LE + "текст".encode("utf-16-le") + b"\x00\xd8")
