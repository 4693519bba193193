"""A TextArea that refuses typing or pastes that would make its text longer than a cap.

Textual's TextArea has no length limit. This one checks every keyboard edit
(typing, paste, clipboard paste) before it happens: an edit that would pass
the cap is not applied, the text already there is kept, and a
:class:`CappedTextArea.Refused` message says so.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from rich.containers import Lines
from rich.text import Text
from textual.document._document import Location
from textual.document._document_navigator import DocumentNavigator
from textual.message import Message
from textual.widgets import TextArea
from textual.widgets.text_area import EditResult

from tui.ui.widgets.incremental_wrap import (
    IncrementalWrappedDocument,
    has_rich_stripped_codes,
)


class _SectionCachingText(Text):
    """A line of text whose soft-wrap division is computed once per frame, not once per screen row.

    TextArea renders each screen row of a wrapped line by dividing the whole
    line again (see the TODO in Textual's ``_render_line``); in one long
    paragraph that made every keystroke redo the work dozens of times. The
    sections are only read after division, so sharing them is safe.
    """

    __slots__ = ("_owner",)
    _owner: CappedTextArea

    @classmethod
    def of_line(cls, line: str, owner: CappedTextArea) -> _SectionCachingText:
        """The line as Text, skipping rich's control-code scan (a copy of the whole line) when it has none."""
        if owner._checked_line is not line:
            owner._checked_line, owner._checked_line_clean = line, not has_rich_stripped_codes(line)
        if owner._checked_line_clean:
            text = cls("", end="", no_wrap=True)
            text._text[:] = [line]
            text._length = len(line)
        else:
            text = cls(line, end="", no_wrap=True)
        text._owner = owner
        return text

    def pad_right(self, count: int, character: str = " ") -> None:
        """Pad without rich's control-code scan of the whole line: padding adds no control codes."""
        if count and not has_rich_stripped_codes(character):
            self._text[:] = [f"{self.plain}{character * count}"]
            self._length += count
        else:
            super().pad_right(count, character)

    def divide(self, offsets: Iterable[int]) -> Lines:
        cuts = tuple(offsets)
        cache: dict[tuple[object, ...], Lines] = self._owner._divide_cache
        key = (self.plain, tuple(self._spans), cuts)
        sections = cache.get(key)
        if sections is None:
            if len(cache) > 16:
                cache.clear()
            sections = cache[key] = super().divide(cuts)
        return sections


class CappedTextArea(TextArea):
    """A soft-wrapping TextArea with a maximum number of characters."""

    @dataclass
    class Refused(Message):
        """An edit was refused because the text would have been longer than the cap."""

        text_area: CappedTextArea
        attempted_length: int
        max_length: int

        @property
        def control(self) -> CappedTextArea:
            return self.text_area

        def explanation(self, what: str) -> str:
            """A calm sentence saying why, e.g. for ``what`` = "entry" or "answer"."""
            return (
                f"That would make this {what} {self.attempted_length:,} characters long; the limit is "
                f"{self.max_length:,}. Your text is unchanged."
            )

    def __init__(self, text: str = "", *, max_length: int, **kwargs: object) -> None:
        kwargs.setdefault("soft_wrap", True)
        kwargs.setdefault("tab_behavior", "focus")
        super().__init__(text, **kwargs)  # type: ignore[arg-type]
        self.max_length = max_length
        self._divide_cache: dict[tuple[object, ...], Lines] = {}
        self._checked_line: str | None = None
        self._checked_line_clean = False

    def _set_document(self, text: str, language: str | None) -> None:
        """Load a document, wrapped by an IncrementalWrappedDocument so typing in a long paragraph stays quick."""
        super()._set_document(text, language)
        self.wrapped_document = IncrementalWrappedDocument(self.document, tab_width=self.indent_width)
        self.navigator = DocumentNavigator(self.wrapped_document)
        self._rewrap_and_refresh_virtual_size()

    def get_line(self, line_index: int) -> Text:
        return _SectionCachingText.of_line(self.document.get_line(line_index), self)

    def length_after(self, insert: str, start: Location, end: Location) -> int:
        """How long the text would be after replacing start..end with ``insert``."""
        removed = len(self.get_text_range(start, end)) if start != end else 0
        return len(self.document.text) - removed + len(insert)

    def _replace_via_keyboard(self, insert: str, start: Location, end: Location) -> EditResult | None:
        if len(insert) > 0:
            attempted = self.length_after(insert, start, end)
            if attempted > self.max_length:
                self.post_message(self.Refused(self, attempted, self.max_length))
                return None
        return super()._replace_via_keyboard(insert, start, end)
