"""Soft wrap that re-wraps only the part of a long line an edit can change.

Textual's ``WrappedDocument.wrap_range`` wraps every edited line again from
its first character. In a journal entry written as one 50,000-character
paragraph that is most of the cost of a keystroke. Greedy word wrapping has
two properties that let most of that work be skipped, and they are what this
module relies on:

- before the edit: the breaks up to a row that starts a word, where that word
  ends before the edit, depend only on the unchanged text before it, so they are
  kept and wrapping starts again from that row with an empty line;
- after the edit: once a new break falls on a word start that was also a break
  before the edit (shifted by the change in length), the rest of the line wraps
  exactly as it did before, shifted.

Lines with tabs (whose widths depend on everything before them), short lines
and edits spanning lines use Textual's own wrapping. ``tests/ui/test_incremental_wrap.py``
checks the result against a full wrap with random text and edits.
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_left

from textual._wrap import compute_wrap_offsets
from textual.document._document import Location
from textual.document._wrapped_document import WrappedDocument

_SPACE = re.compile(r"\s")
"""The whitespace of Textual's word chunks (``textual._wrap.re_chunk``)."""

_WORD = re.compile(r"\S+\s*")
"""One word chunk with its trailing whitespace, as Textual's wrapping splits text."""

_BEFORE_WORD_START = re.compile(r"\s(?=\S)")
"""A whitespace character followed by the start of a word: the word starts at ``match.end()``."""

_RICH_STRIPPED = re.compile("[\x07\x08\x0b\x0c\r]")
"""Control codes rich.Text removes, which would shift columns in a rich division."""


def has_rich_stripped_codes(text: str) -> bool:
    """True if ``rich.text.Text`` would remove characters from ``text`` (bell, backspace, VT, FF, CR)."""
    return _RICH_STRIPPED.search(text) is not None


WINDOW_ROWS = 8
"""How many rows' worth of text past the edit to wrap before looking for the old breaks."""


def _common_prefix_length(old: str, new: str) -> int:
    low, high = 0, min(len(old), len(new))
    if old[:high] == new[:high]:
        return high
    # old[:low] == new[:low] and old[:high] != new[:high]
    while high - low > 1:
        middle = (low + high) // 2
        if old[low:middle] == new[low:middle]:
            low = middle
        else:
            high = middle
    return low


def _common_suffix_length(old: str, new: str, limit: int) -> int:
    old_length, new_length = len(old), len(new)
    if old[old_length - limit :] == new[new_length - limit :]:
        return limit
    low, high = 0, limit
    while high - low > 1:
        middle = (low + high) // 2
        if old[old_length - middle : old_length - low] == new[new_length - middle : new_length - low]:
            low = middle
        else:
            high = middle
    return low


def _starts_word(text: str, index: int) -> bool:
    """True if Textual's wrapping starts a chunk at ``index`` (whitespace before, a word after)."""
    return 0 < index < len(text) and _SPACE.match(text, index - 1) is not None and _SPACE.match(text, index) is None


def rewrap_line(
    old: str, old_offsets: list[int], new: str, width: int, tab_size: int, window_rows: int = WINDOW_ROWS
) -> list[int]:
    """The wrap offsets of ``new``, reusing ``old_offsets`` (the wrap of ``old``) where they cannot change.

    The result equals ``compute_wrap_offsets(new, width, tab_size)``. Neither
    line may contain a tab, and ``width`` must be positive.
    """
    prefix = _common_prefix_length(old, new)
    suffix = _common_suffix_length(old, new, min(len(old), len(new)) - prefix)
    new_end = len(new) - suffix
    shift = len(new) - len(old)

    # Restart from the last row that starts with a word ending before the edit.
    resume, kept = 0, 0
    for index in range(bisect_left(old_offsets, prefix) - 1, -1, -1):
        row_start = old_offsets[index]
        if _starts_word(new, row_start):
            word = _WORD.match(new, row_start)
            if word is not None and word.end() < prefix:
                resume, kept = row_start, index + 1
                break
    head = old_offsets[:kept]

    reach = window_rows * width
    while True:
        window_end = len(new)
        if new_end + reach < len(new):
            next_word = _BEFORE_WORD_START.search(new, new_end + reach)
            if next_word is not None:
                window_end = next_word.end()
        breaks = [resume + offset for offset in compute_wrap_offsets(new[resume:window_end], width, tab_size)]
        if window_end == len(new):
            return head + breaks
        for index, row_start in enumerate(breaks):
            if row_start > new_end and _starts_word(new, row_start):
                old_index = bisect_left(old_offsets, row_start - shift)
                if old_index < len(old_offsets) and old_offsets[old_index] == row_start - shift:
                    return head + breaks[: index + 1] + [offset + shift for offset in old_offsets[old_index + 1 :]]
        reach *= 8


class IncrementalWrappedDocument(WrappedDocument):
    """A WrappedDocument whose single-line edits of long lines re-wrap only what they can change."""

    min_line_length = 1_000
    """Shorter lines are re-wrapped by Textual as usual (cheap, and nothing to gain)."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        self._wrapped_lines: list[str] = []
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]

    def wrap(self, width: int, tab_width: int | None = None) -> None:
        super().wrap(width, tab_width)
        self._wrapped_lines = list(self.document.lines)

    def wrap_range(self, start: Location, old_end: Location, new_end: Location) -> None:
        line_index = start[0]
        lines = self.document.lines
        if (
            self._width
            and line_index == old_end[0] == new_end[0]
            and len(lines) == len(self._wrap_offsets) == len(self._wrapped_lines)
            and 0 <= line_index < len(lines)
        ):
            old, new = self._wrapped_lines[line_index], lines[line_index]
            if len(new) >= self.min_line_length and "\t" not in old and "\t" not in new:
                self._replace_line_offsets(
                    line_index, rewrap_line(old, self._wrap_offsets[line_index], new, self._width, self._tab_width)
                )
                self._tab_width_cache[line_index] = [0] if new else []
                self._wrapped_lines[line_index] = new
                return
        super().wrap_range(start, old_end, new_end)
        self._wrapped_lines = list(lines)

    def _replace_line_offsets(self, line_index: int, offsets: list[int]) -> None:
        """Store new wrap offsets for one line and move the rows of the lines below it."""
        row_shift = len(offsets) - len(self._wrap_offsets[line_index])
        self._wrap_offsets[line_index] = offsets
        if not row_shift:
            return
        top = self._line_index_to_offsets[line_index][0]
        old_rows = len(self._line_index_to_offsets[line_index])
        new_rows = len(offsets) + 1
        self._offset_to_line_info[top : top + old_rows] = [(line_index, section) for section in range(new_rows)]
        self._line_index_to_offsets[line_index] = list(range(top, top + new_rows))
        line_offsets = self._line_index_to_offsets
        for below in range(line_index + 1, len(line_offsets)):
            line_offsets[below] = [y + row_shift for y in line_offsets[below]]

    def get_sections(self, line_index: int) -> list[str]:
        line = self.document[line_index]
        if has_rich_stripped_codes(line):
            return super().get_sections(line_index)
        bounds = [0, *self._wrap_offsets[line_index], len(line)]
        return [line[begin:end] for begin, end in itertools.pairwise(bounds)]
