"""Finding journal entries: case- and accent-insensitive text search and filters.

Text is *folded* for comparison: case-folded, decomposed (NFKD, which also
turns full-width letters into plain ones) and stripped of combining marks, so
"Café", "CAFE" and "cafe\u0301" all match "cafe". Search works on folded
copies, made as a search needs them (plain ASCII folds at memory speed) rather
than kept beside every entry, so the journal is not held twice; highlighting
maps a match back to the characters of the original text, so the words the
person wrote are never changed.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

Span = tuple[int, int]


@functools.lru_cache(maxsize=256)
def _marks_pattern(marks: str) -> re.Pattern[str]:
    return re.compile("[" + "".join(re.escape(mark) for mark in marks) + "]")


def _strip_marks(text: str) -> str:
    """``text`` without combining marks (fast when the rest is plain ASCII, as it often is)."""
    others = [char for char in set(text) if not char.isascii()]
    marks = [char for char in others if unicodedata.combining(char)]
    if not marks:
        return text
    if len(marks) == len(others):
        return text.encode("ascii", "ignore").decode("ascii")
    return _marks_pattern("".join(sorted(marks))).sub("", text)


@functools.lru_cache(maxsize=8192)
def _fold_char(char: str) -> str:
    decomposed = unicodedata.normalize("NFKD", char.casefold())
    return "".join(part for part in decomposed if not unicodedata.combining(part))


def fold(text: str) -> str:
    """``text`` folded for comparison (lower case, no accents, compatibility forms)."""
    if text.isascii():
        return text.lower()
    return _strip_marks(unicodedata.normalize("NFKD", text.casefold()))


def fold_with_origins(text: str) -> tuple[str, list[int]]:
    """The folded text and, for each folded character, the index it came from in ``text``."""
    if text.isascii():
        return text.lower(), list(range(len(text)))
    pieces: list[str] = []
    origins: list[int] = []
    for index, char in enumerate(text):
        folded = _fold_char(char)
        if folded:
            pieces.append(folded)
            origins.extend([index] * len(folded))
    return "".join(pieces), origins


def query_terms(query: str) -> list[str]:
    """The folded words of a query; every one must appear for an entry to match."""
    return [term for term in fold(query).split() if term]


def contains_all(folded_text: str, terms: Sequence[str]) -> bool:
    return all(term in folded_text for term in terms)


def match_spans(text: str, query: str) -> list[Span]:
    """Where the query's words occur in ``text``, as sorted, merged (start, end) spans of ``text``.

    A span ends after any combining marks that belong to its last character,
    so an accented letter is highlighted whole.
    """
    terms = query_terms(query)
    if not terms or not text:
        return []
    folded, origins = fold_with_origins(text)
    spans: list[Span] = []
    for term in terms:
        start = folded.find(term)
        while start != -1:
            end_folded = start + len(term)
            first = origins[start]
            last = origins[end_folded - 1] + 1
            while last < len(text) and not _fold_char(text[last]) and unicodedata.combining(text[last]):
                last += 1
            spans.append((first, last))
            start = folded.find(term, end_folded)
    return _merge(spans)


def _merge(spans: list[Span]) -> list[Span]:
    merged: list[Span] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


EXCERPT_CHARS = 160
"""How much of an entry's body its line in the list shows."""


def excerpt_of(body: str) -> str:
    """The start of ``body`` on one line, at most :data:`EXCERPT_CHARS` characters."""
    head = body[: EXCERPT_CHARS * 2]
    return " ".join(head.split())[:EXCERPT_CHARS]


@dataclass(frozen=True, slots=True)
class EntrySummary:
    """What the entry list needs about one entry, and the text it is searched by.

    ``body`` is the stored body itself (the same string, not a copy), so a
    summary costs a few references. The folded search text is made when a
    search asks for it; ``folded_text``, when given, is that text made ahead
    (the store keeps it only for entries whose folding is slow: text beyond
    ASCII). Plain ASCII folds at memory speed, so nothing is held for it.
    """

    id: str
    entry_date: str
    created_at: str
    kind: str
    title: str
    body: str
    tags: tuple[str, ...]
    folded_text: str | None = None

    @property
    def month(self) -> str:
        """``YYYY-MM``, the group the entry is listed under."""
        return self.entry_date[:7]

    @property
    def excerpt(self) -> str:
        """The start of the body on one line, for the list."""
        return excerpt_of(self.body)

    @property
    def folded(self) -> str:
        """Title, body and tags folded for comparison (one line each)."""
        if self.folded_text is not None:
            return self.folded_text
        return search_text_of(self.title, self.body, self.tags)

    def contains_all(self, terms: Sequence[str]) -> bool:
        """True if every one of ``terms`` (folded words) is in the folded title, body or tags.

        What ``contains_all(self.folded, terms)`` says, without joining the
        three into one new text first: a term holds no whitespace, so it never
        spans the line between two of them, and folding works character by
        character, so folding each part gives the parts of the folded whole.
        """
        folded = self.folded_text
        if folded is not None:
            return all(map(folded.__contains__, terms))
        body = self.body
        body = body.lower() if body.isascii() else fold(body)  # fold()'s own fast path, without the call
        title = fold(self.title) if self.title else ""
        tags = fold(" ".join(self.tags)) if self.tags else ""
        for term in terms:  # noqa: SIM110 (a loop, not all() of a generator: this runs per entry per keystroke)
            if term not in body and term not in title and term not in tags:
                return False
        return True


def search_text_of(title: str, body: str, tags: Sequence[str]) -> str:
    """The folded text an entry is searched by: title, body and tags, one line each."""
    return fold(f"{title}\n{body}\n{' '.join(tags)}")


@dataclass(frozen=True)
class SearchFilter:
    """What the person asked for in the list: words, a tag, a kind, a date range."""

    query: str = ""
    tag: str | None = None
    kind: str | None = None
    date_from: date | None = None
    date_to: date | None = None

    def is_empty(self) -> bool:
        return (
            not self.query.strip()
            and self.tag is None
            and self.kind is None
            and self.date_from is None
            and self.date_to is None
        )


def filter_entries(entries: Iterable[EntrySummary], wanted: SearchFilter) -> list[EntrySummary]:
    """The entries that match ``wanted``, in the order given."""
    terms = query_terms(wanted.query)
    low = wanted.date_from.isoformat() if wanted.date_from else None
    high = wanted.date_to.isoformat() if wanted.date_to else None
    found: list[EntrySummary] = []
    for entry in entries:
        if wanted.kind is not None and entry.kind != wanted.kind:
            continue
        if wanted.tag is not None and wanted.tag not in entry.tags:
            continue
        if low is not None and entry.entry_date < low:
            continue
        if high is not None and entry.entry_date > high:
            continue
        if terms and not entry.contains_all(terms):
            continue
        found.append(entry)
    return found


def narrows(previous: SearchFilter, wanted: SearchFilter) -> bool:
    """True if every entry ``wanted`` finds is among those ``previous`` found (the query only grew).

    So a search as it is typed can look only through the last results: with
    the same tag, kind and dates, an entry holding every new word holds every
    old one when each old word is part of a new one. Filtering the previous
    results (in their order) then gives exactly what filtering everything gives.
    """
    if (previous.tag, previous.kind, previous.date_from, previous.date_to) != (
        wanted.tag,
        wanted.kind,
        wanted.date_from,
        wanted.date_to,
    ):
        return False
    new_terms = query_terms(wanted.query)
    return all(any(old in new for new in new_terms) for old in query_terms(previous.query))


def snippet_around(text: str, spans: list[Span], width: int = 90) -> tuple[str, list[Span]]:
    """A one-line piece of ``text`` around the first span, with spans shifted to it."""
    flat = text.replace("\n", " ").replace("\r", " ").replace("\t", " ")
    if not spans:
        return flat[:width], []
    first_start = spans[0][0]
    start = max(0, first_start - width // 3)
    if start > 0:
        space = flat.rfind(" ", start - 15, first_start)
        if space != -1 and space < first_start:
            start = space + 1
    end = min(len(flat), start + width)
    prefix = "…" if start > 0 else ""
    shifted = [
        (max(s, start) - start + len(prefix), min(e, end) - start + len(prefix))
        for s, e in spans
        if s < end and e > start
    ]
    return prefix + flat[start:end], shifted
