"""A TextArea that refuses typing or pastes that would make its text longer than a cap.

Textual's TextArea has no length limit. This one checks every keyboard edit
(typing, paste, clipboard paste) before it happens: an edit that would pass
the cap is not applied, the text already there is kept, and a
:class:`CappedTextArea.Refused` message says so.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual.document._document import Location
from textual.document._edit import EditResult
from textual.message import Message
from textual.widgets import TextArea


class _SectionCachingText(Text):
    """A line of text whose soft-wrap division is computed once per frame, not once per screen row.

    TextArea renders each screen row of a wrapped line by dividing the whole
    line again (see the TODO in Textual's ``_render_line``); in one long
    paragraph that made every keystroke redo the work dozens of times. The
    sections are only read after division, so sharing them is safe.
    """

    __slots__ = ("_owner",)

    def divide(self, offsets):  # type: ignore[no-untyped-def,override]
        cache: dict[tuple[object, ...], list[Text]] = self._owner._divide_cache
        key = (self.plain, tuple(self._spans), tuple(offsets))
        sections = cache.get(key)
        if sections is None:
            if len(cache) > 16:
                cache.clear()
            sections = cache[key] = list(super().divide(offsets))
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

    def __init__(self, text: str = "", *, max_length: int, **kwargs: object) -> None:
        kwargs.setdefault("soft_wrap", True)
        kwargs.setdefault("tab_behavior", "focus")
        super().__init__(text, **kwargs)  # type: ignore[arg-type]
        self.max_length = max_length
        self._divide_cache: dict[tuple[object, ...], list[Text]] = {}

    def get_line(self, line_index: int) -> Text:
        line = _SectionCachingText(self.document.get_line(line_index), end="", no_wrap=True)
        line._owner = self
        return line

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
