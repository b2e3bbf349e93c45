"""Plain text: the first non-empty line is the title, blank lines separate paragraphs."""

from __future__ import annotations

from reader.core.article import Article, make_lead
from reader.core.errors import ImportFailure
from reader.core.parsers.common import blocks, clean_inline, escape_markdown, split_lines

# Lines this long are not hard-wrapped prose: each one is a paragraph of its own.
_UNWRAPPED_LINE = 100


def parse_plaintext(text: str) -> Article:
    paragraph_blocks = blocks(split_lines(text))
    if not paragraph_blocks:
        raise ImportFailure("the file holds no text")
    first = paragraph_blocks[0]
    title = clean_inline(first[0])
    rest = [first[1:]] if len(first) > 1 else []
    rest += paragraph_blocks[1:]

    paragraphs: list[str] = []
    for block in rest:
        lines = [clean_inline(line) for line in block]
        if any(len(line) > _UNWRAPPED_LINE for line in lines):
            paragraphs.extend(lines)
        else:
            # Hard-wrapped prose: the lines of a block are one paragraph.
            paragraphs.append(" ".join(lines))
    body_text = "\n\n".join(paragraphs)
    return Article(
        title=title,
        body="\n\n".join(escape_markdown(p) for p in paragraphs),
        lead=make_lead(body_text),
        format="text",
    )
