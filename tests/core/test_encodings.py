"""The same Russian article in every encoding people stored it in gives identical text."""

import codecs

import pytest

from helpers import FIXTURES
from reader.core.encoding import decode_bytes
from reader.core.errors import ImportFailure
from reader.core.parsers import read_article

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


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
@pytest.mark.parametrize("language", ["ru", "en"])
def test_utf16_without_a_byte_order_mark_is_read(tmp_path, codec, language):
    if language == "ru":
        original = ARTICLE.read_text(encoding="utf-8")
    else:
        original = (
            "Harbour budget\n\nThe council met on Tuesday evening to discuss the harbour "
            "budget, and the new pier was argued over until midnight.\n"
        )
    reference = tmp_path / "reference.txt"
    reference.write_text(original, encoding="utf-8")
    path = tmp_path / "article.txt"
    path.write_bytes(original.encode(codec))  # no BOM
    article = read_article(path)
    expected = read_article(reference)
    assert (article.title, article.body) == (expected.title, expected.body)
    assert decode_bytes(path.read_bytes()).encoding == codec


@pytest.mark.parametrize(
    "data",
    [
        bytes(range(256)) * 64,  # every byte value
        b"".join(n.to_bytes(2, "little") for n in range(0, 60000, 7)),  # 16-bit counters
        b"".join((n * 37 % 200).to_bytes(2, "little") for n in range(20000)),  # like quiet audio
        b"\x7fELF\x02\x01\x01" + bytes(9) + b"\x02\x00\x3e\x00" * 2000,
    ],
)
def test_binary_data_with_zero_bytes_is_still_refused(tmp_path, data):
    path = tmp_path / "data.txt"
    path.write_bytes(data)
    with pytest.raises(ImportFailure, match="not a text file"):
        read_article(path)


def test_windows_1251_capitals_are_not_read_as_mac_cyrillic_punctuation(tmp_path):
    # The two share the lowercase letters; Mac Cyrillic reads "З" as "«" and "Т" as "“".
    text = "Заголовок статьи\n\n" + "Текст старой статьи из архива, набранный когда-то. " * 5
    path = tmp_path / "old.txt"
    path.write_bytes(text.encode("cp1251"))
    article = read_article(path)
    assert article.title == "Заголовок статьи"
    assert article.body.startswith("Текст старой статьи")
