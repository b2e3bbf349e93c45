"""Offline search: a query language people type, turned into an FTS5 query over the
index's terms (reader.core.text_index: lemmas, or stems). An article is found by its text
or by one of the reader's notes on it (its own index, with the same terms).

Words must all match, in any inflection; "a phrase" keeps its words together; -word
excludes; OR offers alternatives; word* is a prefix; title:, author:, source: restrict a
word to one field. Anything else a user types is searched literally or ignored — a query
never raises: every term reaches FTS5 as a quoted string of word characters.
"""

from __future__ import annotations

import re
import time
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import islice, product

from reader.core.find import Matcher, contains_word
from reader.core.folding import fold
from reader.core.store.search_index import SearchIndex
from reader.core.text_index import CYRILLIC_RE, LEMMAS, TOKEN_RE, query_terms, stem, terms

FIELDS = {"title": "title", "author": "author", "source": "source"}
# A prefix typed this long is also searched by its stem ("казахстана*" as "казахст*").
PREFIX_STEM_LENGTH = 5
# A phrase whose words have several lemmas each is searched as at most this many phrases.
MAX_PHRASE_READINGS = 16
MAX_QUERY_CHARS = 2000
MAX_TERMS = 32

_QUERY_TOKEN_RE = re.compile(r'(-?)(?:(\w+):)?(?:"([^"]*)"?|(\S+))')


@dataclass
class Term:
    words: list[str]  # folded words; more than one: a phrase
    field: str | None = None
    prefix: bool = False
    negated: bool = False


@dataclass
class Query:
    groups: list[list[Term]] = field(default_factory=list)  # AND of ORs
    negated: list[Term] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not self.groups

    def terms(self, kind: str = LEMMAS) -> set[str]:
        """The index terms its words are searched for (a prefix: its word's lemmas)."""
        found: set[str] = set()
        for group in self.groups:
            for term in group:
                for word in term.words:
                    found.update(
                        _prefix_lemmas(word, kind) if term.prefix else query_terms(word, kind)
                    )
        return found

    def prefixes(self, kind: str = LEMMAS) -> set[str]:
        found = {w for g in self.groups for t in g for w in t.words if t.prefix}
        return found | {stem(w) for w in found if len(stem(w)) >= PREFIX_STEM_LENGTH}

    def matcher(self, kind: str = LEMMAS) -> Matcher:
        """Which words of a text it matches (see reader.core.find.Matcher)."""
        return Matcher(self.terms(kind), self.prefixes(kind), kind)


def _prefix_lemmas(word: str, kind: str) -> tuple[str, ...]:
    """A prefix that is a whole Russian word as typed (the last word while typing) finds
    that word's forms too: "людей" finds "человек" while the reader may still type on."""
    if kind != LEMMAS or not CYRILLIC_RE.search(word):
        return ()
    from reader.core.morphology import lemmas

    return query_terms(word, kind) if lemmas(word) else ()


def parse(text: str, live: bool = False) -> Query:
    """The query in ``text``. With ``live`` (search as you type) the last word is also a
    prefix, since the reader may not have finished typing it."""
    text = text[:MAX_QUERY_CHARS]
    query = Query()
    pending_or = False
    matches = list(_QUERY_TOKEN_RE.finditer(text))
    for index, match in enumerate(matches):
        minus, field_name, quoted, bare = match.groups()
        if bare == "OR" and not minus and not field_name:
            pending_or = bool(query.groups)
            continue
        raw = quoted if quoted is not None else bare or ""
        prefix = quoted is None and raw.endswith("*")
        words = TOKEN_RE.findall(fold(raw))
        if not words:
            continue
        column = FIELDS.get((field_name or "").casefold())
        if field_name and column is None:
            words = TOKEN_RE.findall(fold(field_name)) + words  # "foo:bar" is two words
        last = index == len(matches) - 1 and not text.endswith((" ", '"'))
        if quoted is None and len(words) > 1:
            # "state-of-the-art" or "foo.bar": its words, next to each other
            terms = [Term(words, column, prefix=False)]
        elif quoted is not None:
            terms = [Term(words, column)]
        else:
            terms = [Term(words, column, prefix=prefix or (live and last))]
        for term in terms:
            if minus:
                term.negated = True
                query.negated.append(term)
            elif pending_or and query.groups:
                query.groups[-1].append(term)
            else:
                query.groups.append([term])
        pending_or = False
        if len(query.groups) + len(query.negated) >= MAX_TERMS:
            break
    return query


def _quote(word: str) -> str:
    return '"' + word.replace('"', '""') + '"'


def _term_expression(term: Term, kind: str) -> str:
    if len(term.words) > 1:
        # A word of the text is in its place under one of its lemmas (text_index.index_text):
        # the phrase is searched with each reading of its words, up to a limit.
        readings = islice(product(*(terms(w, kind) for w in term.words)), MAX_PHRASE_READINGS)
        options = {_quote(" ".join(reading)) for reading in readings}
    else:
        word = term.words[0]
        if term.prefix:
            # What was typed so far, and its stem when long enough to mean something:
            # "казахстана*" finds "казахста..." too, but "казах*" does not widen to "каз*".
            stemmed = stem(word)
            options = {f"{_quote(word)}*"} | {_quote(t) for t in _prefix_lemmas(word, kind)}
            if len(stemmed) >= PREFIX_STEM_LENGTH:
                options.add(f"{_quote(stemmed)}*")
        else:
            options = {_quote(t) for t in query_terms(word, kind)}
    expression = "(" + " OR ".join(sorted(options)) + ")" if len(options) > 1 else options.pop()
    if term.field:
        return f"{term.field} : {expression}"
    return expression


def note_expression(query: Query, kind: str = LEMMAS) -> str | None:
    """The FTS5 MATCH string for one note: the query's words without those restricted to
    a field (a note has no title, author or source); None when a note cannot match (a
    group of the query is all such words)."""
    groups = [[t for t in group if t.field is None] for group in query.groups]
    if not groups or not all(groups):
        return None
    negated = [t for t in query.negated if t.field is None]
    return fts_expression(Query(groups, negated), kind)


def exclusions(query: Query, kind: str = LEMMAS, notes: bool = False) -> str | None:
    """An FTS5 expression that matches where a word the query excludes is (over a note's
    terms with ``notes``: those restricted to a field left out), or None."""
    negated = [t for t in query.negated if not (notes and t.field)]
    return " OR ".join(_term_expression(t, kind) for t in negated) or None


def fts_expression(query: Query, kind: str = LEMMAS) -> str | None:
    """The FTS5 MATCH string, or None when nothing can match (no positive term)."""
    if query.empty:
        return None
    parts = []
    for group in query.groups:
        options = [_term_expression(t, kind) for t in group]
        parts.append(options[0] if len(options) == 1 else "(" + " OR ".join(options) + ")")
    expression = " AND ".join(parts)
    if query.negated:
        expression = (
            f"({expression}) NOT ("
            + " OR ".join(_term_expression(t, kind) for t in query.negated)
            + ")"
        )
    return expression


@dataclass(frozen=True)
class Filters:
    source: str | None = None
    published_from: str | None = None  # ISO date, inclusive
    published_to: str | None = None
    state: str | None = None  # unread, in_progress, finished
    read_within_days: int | None = None


@dataclass(frozen=True)
class NoteHit:
    """The reader's note that matched, with its matched words."""

    mark_id: int
    snippet: str
    highlights: list[tuple[int, int]]  # spans in the snippet


@dataclass(frozen=True)
class Hit:
    id: int
    title: str
    source: str | None
    published: str | None
    score: float | None  # bm25, lower is better; None: listed in tiers, too broad to rank
    snippet: str  # of the text; found by a note alone: the words the note is on
    highlights: list[tuple[int, int]]  # spans in the snippet
    note: NoteHit | None = None  # the best of the article's notes that match
    in_text: bool = True  # whether the text matches (else a note alone)


@dataclass(frozen=True)
class Results:
    hits: list[Hit]
    total: int  # matching articles; with ``more``, at least this many (not counted)
    seconds: float
    more: bool = False
    # The query only left words out ("-нефть"): nothing to look for, so nothing found.
    only_exclusions: bool = False


def snippet(
    text: str,
    matcher: Callable[[str], list[tuple[int, int]]],
    width: int = 28,
    whole: bool = False,
) -> tuple[str, list[tuple[int, int]]]:
    """The stretch of about ``width`` words of ``text`` with the most matching words, and
    where they are in it. Matching words are highlighted in the form they have in the text.
    With ``whole``, a text of no more than ``width`` words is all of it (a note)."""
    hits = matcher(text)
    begin = 0
    short = whole and sum(1 for _ in islice(TOKEN_RE.finditer(text), width + 1)) <= width
    if short and text.strip():
        start, end = len(text) - len(text.lstrip()), len(text.rstrip())
        window = [m.span() for m in TOKEN_RE.finditer(text)]
        return _spaced(text, start, end, "", "", window, hits)
    if hits:
        # The match that starts the stretch holding the most matches (a word is about
        # seven characters here), with a few words before it for context.
        starts = [a for a, _ in hits]
        reach = width * 7
        best = max(
            range(len(starts)), key=lambda i: (bisect_left(starts, starts[i] + reach, i) - i, -i)
        )
        lead = max(0, starts[best] - 60)
        before = [m.start() for m in TOKEN_RE.finditer(text, lead, starts[best])]
        if before and before[0] == lead and lead > 0 and TOKEN_RE.match(text, lead - 1):
            before = before[1:]  # that one is the end of a word cut in two
        begin = before[-4] if len(before) >= 4 else before[0] if before else starts[best]
    window = []
    for match in TOKEN_RE.finditer(text, begin):
        window.append(match.span())
        if len(window) == width:
            break
    if not window:
        return "", []
    start, end = window[0][0], window[-1][1]
    prefix = "…" if start > 0 else ""
    suffix = "…" if end < len(text) else ""
    return _spaced(text, start, end, prefix, suffix, window, hits)


def _spaced(
    text: str,
    start: int,
    end: int,
    prefix: str,
    suffix: str,
    window: list[tuple[int, int]],
    hits: list[tuple[int, int]],
) -> tuple[str, list[tuple[int, int]]]:
    """``text[start:end]`` (whose words are ``window``) spaced with single spaces, between
    ``prefix`` and ``suffix``, and where ``hits`` are in it."""
    stretch = text[start:end]
    piece = " ".join(stretch.split())
    if piece == stretch:  # spaced with single spaces: positions carry over
        shift = len(prefix) - start
        return prefix + piece + suffix, [
            (a + shift, b + shift) for a, b in hits if start <= a and b <= end
        ]
    hit_starts = {a for a, _ in hits}
    marks, cursor = [], 0
    for a, b in window:
        word = text[a:b]
        position = piece.find(word, cursor)
        if position < 0:
            continue
        cursor = position + len(word)
        if a in hit_starts:
            marks.append((len(prefix) + position, len(prefix) + cursor))
    return prefix + piece + suffix, marks


_WEIGHTS = (10.0, 6.0, 3.0, 1.0)  # title, author, source, body
# Above this many matching articles a query is ranked in tiers (see _run).
BROAD = 3000


def search(
    library,
    text: str,
    limit: int = 20,
    offset: int = 0,
    filters: Filters | None = None,
    live: bool = False,
    now: float | None = None,
    broad: int | None = None,
) -> Results:
    """The articles matching ``text``, best first, with snippets. Never raises for any
    text a user can type; a damaged index is rebuilt once and the search repeated (the
    store's SearchIndex.read); what else SQLite reports is raised as a LibraryError."""
    start = time.perf_counter()
    query = parse(text, live=live)
    index = _index(library, filters or Filters(), now)
    expression = fts_expression(query, index.kind)
    if expression is None:
        return Results([], 0, time.perf_counter() - start, only_exclusions=bool(query.negated))
    broad = BROAD if broad is None else broad
    hits, total = index.read(lambda: _run(index, query, expression, limit, offset, broad))
    if total is None:  # too many to be worth counting
        return Results(hits, broad, time.perf_counter() - start, more=True)
    return Results(hits, total, time.perf_counter() - start)


def _index(library, filters: Filters, now: float | None) -> SearchIndex:
    """The library's search index over the articles ``filters`` keep."""
    read_since = None
    if filters.read_within_days:
        read_since = (now if now is not None else time.time()) - filters.read_within_days * 86400
    return SearchIndex(
        library,
        source=filters.source,
        published_from=filters.published_from,
        published_to=filters.published_to,
        state=filters.state,
        read_since=read_since,
    )


def _metadata_filter(query: Query, kind: str) -> str | None:
    """An FTS5 expression true where a positive word of ``query`` is in the title, author
    or source; None when every positive word is already restricted to a field."""
    found = [_term_expression(t, kind) for g in query.groups for t in g if t.field is None]
    return "{title author source} : (" + " OR ".join(found) + ")" if found else None


# A note is the reader's own word on an article: an article found by a note alone ranks
# with the best match in the text, and one found by its text and a note as if its text
# matched this many times as well (bm25 is negative: lower is better).
NOTE_BOOST = 2.0


def _notes_matching(
    index: SearchIndex, query: Query, left_out: set[int]
) -> dict[int, tuple[float, int]]:
    """Of each article a note of which matches: the best such note's score and mark id."""
    match = note_expression(query, index.kind) if index.has_notes else None
    if match is None:
        return {}
    best: dict[int, tuple[float, int]] = {}
    for article_id, mark_id, score in index.notes(match, exclusions(query, index.kind)):
        if article_id in left_out:
            continue
        if article_id not in best or (score, mark_id) < best[article_id]:
            best[article_id] = (score, mark_id)
    return best


def _run(
    index: SearchIndex, query: Query, expression: str, limit: int, offset: int, broad: int
) -> tuple[list[Hit], int | None]:
    from reader.core.article import plain_text

    left_out: set[int] = set()
    excluded = exclusions(query, index.kind, notes=True) if index.has_notes else None
    if excluded:  # a word left out leaves out the articles with it in a note too
        left_out = index.noted(excluded)
        index.leave_out(left_out)
    notes = _notes_matching(index, query, left_out)
    metadata = _metadata_filter(query, index.kind)
    tiers: dict[int, int] = {}
    # Whether more than ``broad`` articles match (cheap: nothing is ranked).
    is_broad = metadata is not None and index.more_than(expression, broad)
    ranked: list[tuple[int, float | None]]
    end = offset + limit
    if not is_broad:
        found = index.ranked(expression, _WEIGHTS, end, 0)
        complete = len(found) < end  # (then every match is in it: no need to count)
        text_scores = dict(found)
        if notes and not complete:
            text_scores.update(
                index.scores(expression, _WEIGHTS, [a for a in notes if a not in text_scores])
            )
        in_text = text_scores.keys() & notes.keys()
        best = found[0][1] if found else None
        scores: dict[int, float] = dict(found)
        for article_id, (note_score, _) in notes.items():
            text_score = text_scores.get(article_id)
            if text_score is not None:
                scores[article_id] = text_score * NOTE_BOOST
            else:
                scores[article_id] = best if best is not None else note_score
        # (Among equals, the better note; then, as below, the newer article.)
        order = sorted(scores, key=lambda a: (scores[a], notes.get(a, (0.0,))[0]))
        ranked = [(article_id, scores[article_id]) for article_id in order[offset:end]]
        text_total = len(found) if complete else index.count(expression)
        total: int | None = text_total + len(notes.keys() - text_scores.keys())
    else:
        # bm25 over tens of thousands of matches (a very common word) costs more than a
        # reader typing should wait for, and tells little apart. Such a query lists first
        # the articles with its words in the title, author or source, or in a note, then
        # the rest; in each tier the most recently added first. FTS5 streams these in row
        # order and stops at the page: no score is computed (bm25 alone would read every
        # match).
        in_metadata = f"({expression}) AND {metadata}"
        total = None  # more than ``broad``; counting them all would cost as much again
        first = sorted(set(index.newest(in_metadata, end, 0)) | notes.keys(), reverse=True)
        ranked = [(article_id, None) for article_id in first[offset:end]]
        tiers = {article_id: 0 for article_id, _ in ranked}
        if len(ranked) < limit:
            # The first tier is all in ``first`` (a longer one would have filled the page).
            rest = index.newest(
                f"({expression}) NOT {metadata}",
                limit - len(ranked),
                max(0, offset - len(first)),
                without=notes.keys(),
            )
            tiers.update((article_id, 1) for article_id in rest)
            ranked += [(article_id, None) for article_id in rest]
        in_text = index.among(expression, [a for a, _ in ranked if a in notes])
    if not ranked:
        return [], total
    rows = index.articles([article_id for article_id, _ in ranked])
    matcher = query.matcher(index.kind)
    marks = [notes[article_id][1] for article_id, _ in ranked if article_id in notes]
    note_texts = index.note_texts(marks) if marks else {}
    typed = {w for g in query.groups for t in g for w in t.words}
    hits = []
    for article_id, score in ranked:
        if article_id not in rows:
            continue
        _, title, source, published, body, sort_key = rows[article_id]
        text = plain_text(body)
        note, quote, note_hit = "", "", None
        if article_id in notes:
            mark_id = notes[article_id][1]
            note, quote = note_texts.get(mark_id, ("", ""))
            if note:
                note_hit = NoteHit(mark_id, *snippet(note, matcher, whole=True))
        matched_text = article_id in in_text or article_id not in notes
        # Found by a note alone: the words the note is on stand for the text.
        if matched_text or not quote:
            excerpt, spans_ = snippet(text, matcher)
        else:
            excerpt, spans_ = snippet(quote, matcher, whole=True)
        # Among the best matches, the articles with the very words typed come first:
        # "людей" lists the articles that say "людей" before those that say "люди".
        other_forms = (
            score is not None
            and not tiers
            and bool(typed)
            and not all(
                contains_word(title, w) or contains_word(text, w) or contains_word(note, w)
                for w in typed
            )
        )
        tier = (tiers.get(article_id, 0), other_forms)
        order_by = -article_id if tiers else score  # a broad query's tiers: newest first
        hits.append(
            (
                tier,
                order_by,
                sort_key,
                Hit(
                    article_id,
                    title,
                    source,
                    published,
                    score,
                    excerpt,
                    spans_,
                    note_hit,
                    matched_text,
                ),
            )
        )
    # Best score first; equal scores, the newer article first.
    hits.sort(key=lambda item: (item[0], item[1], _descending(item[2])))
    return [hit for *_, hit in hits], total


def _descending(text: str) -> tuple[int, ...]:
    return tuple(-ord(char) for char in text or "")


def query_matcher(text: str, kind: str = LEMMAS) -> Matcher:
    """Which words of a piece of text the query ``text`` (as typed in the Search tab)
    matches: how an article opened from a result is marked, as its snippet was."""
    return parse(text, live=True).matcher(kind)
