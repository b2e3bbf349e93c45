"""What each block of a page dump is (prose, a list item, a heading, furniture, the
heading of a "Related" list or of the comments), which lists are the page's own (share
buttons, a recording's chapters, a list of contents, the page's details as labels and
values), and where the article is: the run of blocks with the most weight of prose,
furniture and lists of links counting against it.
"""

from __future__ import annotations

from reader.core.article import WORD_RE
from reader.core.parsers import page_furniture as pf
from reader.core.parsers.page_blocks import Block, Page
from reader.core.parsers.page_bylines import meta


def classify(page: Page) -> None:
    if page.classified:
        return
    for block in page.blocks:
        block.kind = _kind(block)
    _share_lists(page.blocks)
    _chapter_lists(page.blocks)
    _contents_lists(page.blocks)
    _details_lists(page.blocks)
    page.classified = True


def _list_runs(blocks: list[Block]) -> list[tuple[int, int]]:
    """Where each run of list items starts, and where it ends (past its last item)."""
    runs, start = [], None
    for index, block in enumerate([*blocks, None]):
        if block is not None and block.bullet is not None:
            if start is None:
                start = index
        elif start is not None:
            runs.append((start, index))
            start = None
    return runs


def _chapter_lists(blocks: list[Block]) -> None:
    """A recording's chapters ("00:00 Intro", "01:35 The hut"): a list of a few items each
    opened by a time code, the first at nought; with its label above it ("Chapters")."""
    for start, end in _list_runs(blocks):
        times = [pf.TIMECODE_RE.match(block.text) for block in blocks[start:end]]
        if end - start < _CHAPTERS or not all(times):
            continue
        first = times[0]
        if first is None or any(ch not in "0:" for ch in first.group("time")):
            continue
        for block in blocks[start:end]:
            block.kind = "furniture"
        if start and _label(blocks[start - 1]):
            blocks[start - 1].kind = "furniture"


_CHAPTERS = 3


def _label(block: Block) -> bool:
    return block.bullet is None and len(block.words) <= 3 and not block.ends_sentence


def _details_lists(blocks: list[Block]) -> None:
    """The page's details as a list of labels, each with its value indented under it
    ("From:" / "Waste and Recycling Services", "Published" / "20 May 2024"), a date among
    them: what the page says about the article, not its text (the dates are kept)."""
    index = 0
    while index < len(blocks) - 1:
        pairs = 0
        while _detail(blocks, index + 2 * pairs):
            pairs += 1
        if pairs < _DETAILS or not any(meta(blocks[index + 2 * k + 1]) for k in range(pairs)):
            index += max(1, 2 * pairs)
            continue
        for block in blocks[index : index + 2 * pairs]:
            block.kind = "furniture"
        index += 2 * pairs


_DETAILS = 2


def _detail(blocks: list[Block], index: int) -> bool:
    """Whether a label and its value start at ``index``."""
    if index + 1 >= len(blocks):
        return False
    label, value = blocks[index], blocks[index + 1]
    return (
        _label(label)
        and len(value.words) <= _VALUE_WORDS
        and not value.blank_before
        and value.bullet is None
        and value.indent > label.indent
    )


_VALUE_WORDS = 12


def _contents_lists(blocks: list[Block]) -> None:
    """A list of contents ("Contents", "On this page", «Содержание»): its items repeat the
    subheadings below it. The list is the page's; the subheadings it names are the text's."""
    for start, end in _list_runs(blocks):
        if not start or not pf.CONTENTS_RE.match(blocks[start - 1].text):
            continue
        items = {" ".join(block.words) for block in blocks[start:end] if block.words}
        named = [
            block
            for block in blocks[end : end + _CONTENTS_REACH]
            if block.bullet is None and " ".join(block.words) in items
        ]
        if len(items) < 2 or len(named) * 2 < len(items):
            continue
        for block in blocks[start - 1 : end]:
            block.kind = "furniture"
        for block in named:
            block.named = True


# How far below its list of contents a page's subheadings are looked for.
_CONTENTS_REACH = 200


def _share_lists(blocks: list[Block]) -> None:
    """A list of a few words an item, half of them or more the names of networks to share
    the article on, is a share list: the other items too ("Send", "Post", "Отправить")."""
    run: list[Block] = []
    for block in [*blocks, None]:
        if block is not None and block.bullet is not None and len(block.words) <= 3:
            if run and block.blank_before and block.indent != run[-1].indent:
                _share_list(run)
                run = []
            run.append(block)
            continue
        _share_list(run)
        run = []


def _share_list(run: list[Block]) -> None:
    shares = sum(1 for block in run if pf.SHARE_RE.match(block.text))
    if len(run) >= 3 and shares * 2 >= len(run):
        for block in run:
            block.kind = "furniture"


def _kind(block: Block) -> str:
    text, n = block.text, len(block.words)
    head = text[: pf.HEAD_CHARS]
    if n == 0:
        return "furniture"
    if (n <= 14 and pf.COMMENTS_RE.match(head)) or (n <= 30 and pf.REPLY_RE.match(head)):
        return "stop"
    if n <= 12 and block.bullet is None and pf.SECTION_RE.match(head):
        return "section"  # (an item of a menu, "About us", heads nothing)
    if (n <= 40 or block.stop_ratio < 0.15) and (
        pf.WIDGET_RE.match(head)
        or pf.COUNTER_RE.match(head)
        or (n <= 8 and pf.READING_TIME_RE.match(head))
        or pf.FONT_SIZE_RE.match(head)
        or (n <= 30 and pf.LABEL_RE.match(head))
        or (n <= 20 and (pf.PLAYER_RE.match(head) or pf.VIDEO_TAIL_RE.search(head)))
        or (n <= 30 and pf.EMBARGO_RE.match(head))
        or (n <= 10 and pf.PROMPT_RE.match(head))
        or (n <= 14 and all_widgets(head))
    ):
        return "furniture"
    if is_nav_line(head, n) or (n <= _CRUMB_WORDS and is_breadcrumb(head)) or is_menu_line(block):
        return "furniture"
    if is_language_list(block):
        return "furniture"
    if pf.FORM_OPTION_RE.match(head) or pf.HASHTAGS_RE.match(head):
        return "furniture"
    if n <= 20 and pf.WEATHER_RE.search(head) and not _is_prose(block):
        return "furniture"
    # In a long block only a notice that opens it counts (an article may quote one).
    notice = pf.find_notice(head if n < 60 else head[:120])
    if notice and (n < 60 or notice.start() < 80):
        return "furniture"
    if n <= 80 and len(pf.CREDIT_RE.findall(head)) >= pf.CREDIT_ROLES:
        return "furniture"
    if _is_prose(block):
        return "good"
    if block.bullet is not None:
        return "item"
    return "short"


# A breadcrumb's steps are short; its last may be the whole headline.
_CRUMB_WORDS = 40


def is_nav_line(text: str, words: int) -> bool:
    """A menu or breadcrumbs on one line: a few short names between separators."""
    separators = len(pf.NAV_SEPARATOR_RE.findall(text))
    return separators >= 2 and words <= 4 * (separators + 1) and not text.endswith(".")


def is_breadcrumb(text: str) -> bool:
    """ "Home / News / Local", "Главная › Культура › Музей рыбацкой артели": the page's
    path, its last step perhaps the headline itself."""
    steps = pf.NAV_SEPARATOR_RE.split(text)
    if len(steps) < 2:
        return False
    short = all(len(step.split()) <= 3 for step in steps[:-1])
    return short and (len(steps) >= 3 or steps[0].strip().casefold() in pf.HOME_WORDS)


def is_menu_line(block: Block) -> bool:
    """Section names run together on one line: "News Sport Business Culture Opinion"."""
    words = block.text.split()
    if len(words) < 6 or block.stop_ratio > 0.1 or len(block.lines) > 2:
        return False
    if any(ch in block.text for ch in ".,;!?"):
        return False
    return all(word[0].isupper() or not word[0].isalpha() for word in words)


def is_language_list(block: Block) -> bool:
    """ "English Español Русский", "РУС | ENG | ТАТ": the page's language switch."""
    words = block.text.replace("|", " ").replace("/", " ").split()
    if not 2 <= len(words) <= 16:
        return False
    known = sum(1 for word in words if word.casefold() in pf.LANGUAGE_WORDS)
    return known * 3 >= len(words) * 2


def all_widgets(text: str) -> bool:
    """Whether a short block is a row of widgets: at least half its words are theirs."""
    hits = len(pf.WIDGET_ANY_RE.findall(text))
    if hits < 2:
        return False
    total = len(WORD_RE.findall(text))
    rest = len(WORD_RE.findall(pf.WIDGET_ANY_RE.sub(" ", text)))
    return rest * 2 <= total


def _is_prose(block: Block) -> bool:
    n = len(block.words)
    if n < 8 or block.link_density > 0.35:
        return False
    if block.stop_ratio < 0.12:
        return False
    return block.ends_sentence or n >= 20


# ---------------------------------------------------------------------------------------
# Where the article is


def _weight(block: Block) -> float:
    n = len(block.words)
    kind = block.kind
    if block.named and kind == "short":
        return 1  # a subheading of the text: the text may open with it
    if kind == "good":
        return n
    if kind == "item":
        if block.link_density < 0.5 and (block.stop_ratio >= 0.15 or block.ends_clause):
            return -1
        return -4
    if kind == "short":
        if block.link_density >= 0.5:
            return -5
        return -2 if n <= 15 else -3
    if kind == "furniture" and meta(block) is not None:
        return 0  # a byline or a date belongs to an article, if not to its text
    return -(4 + min(n, 20))


# Words of prose (more than a standfirst) above a heading of the comments that ends the text
# even under a byline.
_STOP_AFTER_WORDS = 100
_TEASER_WORDS = 30
# A block whose words are this much link text is a link (lynx numbers the links).
LINKED = 0.3
_MAX_TEASERS = 6


def article_span(page: Page) -> tuple[int, int] | None:
    """The first and last block of the article: the run with the most article weight."""
    blocks = page.blocks
    end = len(blocks)
    # The comments' heading ends the article, but not a count of them under the byline or
    # the date ("48 comments", among the share buttons): a link to them in the header,
    # under a standfirst at most.
    prose, dated = 0, False
    for index, block in enumerate(blocks):
        if block.kind == "good":
            prose, dated = prose + len(block.words), False
        elif block.kind == "stop":
            if block.bullet is not None and prose < _STOP_AFTER_WORDS:
                block.kind = "item"  # a menu's "Comment" section, above a promo's line
            elif dated and prose < _STOP_AFTER_WORDS:
                block.kind = "furniture"
            elif prose:
                end = index
                break
        elif block.kind in ("short", "furniture") and meta(block) is not None:
            dated = True
    # What a "Related" or "Most read" heading brings is not the article: its list of links
    # up to the next heading or prose, or its teasers (short paragraphs, each a headline
    # and a sentence) up to the first longer paragraph.
    weights = []
    skipping = False
    teasers = links = 0
    for block in blocks[:end]:
        if block.kind == "section":
            skipping, teasers, links = True, 0, 0
        elif skipping and block.kind == "good":
            if not links and len(block.words) < _TEASER_WORDS and teasers < _MAX_TEASERS:
                block.kind = "skipped"
                teasers += 1
            else:
                skipping = False
        elif (
            skipping
            and block.blank_before
            and block.bullet is None
            and block.kind != "furniture"
            and block.link_density < LINKED
        ):
            skipping = False
        elif skipping and block.kind != "furniture":
            block.kind = "skipped"
            links += 1
        weights.append(_weight(block))
    best, best_span = 0.0, None
    total, start = 0.0, 0
    for index, weight in enumerate(weights):
        if total <= 0:
            total, start = 0.0, index
        total += weight
        if total > best:
            best, best_span = total, (start, index)
    return best_span
