"""Choose emotion words grouped by the four pleasantness x energy quadrants.

Arrows move between words (up and down jump between groups), Space or Enter
chooses; a chosen word is marked with ● (not only by colour). A click chooses too.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from rich.style import Style
from rich.text import Text
from textual.binding import Binding
from textual.events import Click
from textual.geometry import Size
from textual.message import Message
from textual.widget import Widget

CHOSEN_MARK = "●"
FREE_MARK = "○"


@dataclass(frozen=True)
class EmotionGroup:
    """One quadrant: its label and words."""

    label: str
    words: tuple[str, ...]


class EmotionPicker(Widget, can_focus=True):
    """Emotion words by quadrant; ``chosen`` holds the chosen words in choosing order."""

    DEFAULT_CSS = """
    EmotionPicker { height: auto; width: 1fr; }
    EmotionPicker > .emotion-picker--label { color: $text-muted; text-style: italic; }
    EmotionPicker > .emotion-picker--word { color: $text; }
    EmotionPicker > .emotion-picker--chosen { color: $accent; text-style: bold; }
    EmotionPicker:focus > .emotion-picker--cursor { background: $primary 40%; text-style: bold underline; }
    EmotionPicker > .emotion-picker--cursor { text-style: none; }
    """

    COMPONENT_CLASSES = {
        "emotion-picker--label",
        "emotion-picker--word",
        "emotion-picker--chosen",
        "emotion-picker--cursor",
    }

    BINDINGS = [
        Binding("left", "move(-1)", "Previous", show=False),
        Binding("right", "move(1)", "Next", show=False),
        Binding("up", "jump(-1)", "Previous group", show=False),
        Binding("down", "jump(1)", "Next group", show=False),
        Binding("space,enter", "choose", "Choose", show=False),
    ]

    class Changed(Message):
        """The chosen words changed."""

        def __init__(self, picker: EmotionPicker) -> None:
            super().__init__()
            self.picker = picker

        @property
        def control(self) -> EmotionPicker:
            return self.picker

    def __init__(self, groups: Sequence[EmotionGroup], chosen: Iterable[str] = (), *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.groups = list(groups)
        self.words = [word for group in self.groups for word in group.words]
        self.chosen: list[str] = [word for word in chosen if word in self.words]
        self.cursor = 0

    def set_chosen(self, words: Iterable[str]) -> None:
        self.chosen = [word for word in words if word in self.words]
        self.refresh(layout=True)
        self.post_message(self.Changed(self))

    def _pieces(self) -> list[tuple[str, str, int | None]]:
        """(text, kind, word index) in reading order; kind is "label", "word" or "break"."""
        pieces: list[tuple[str, str, int | None]] = []
        index = 0
        for group_number, group in enumerate(self.groups):
            if group_number:
                pieces.append(("", "break", None))
            pieces.append((group.label + ":", "label", None))
            for word in group.words:
                mark = CHOSEN_MARK if word in self.chosen else FREE_MARK
                pieces.append((f"{mark} {word}", "word", index))
                index += 1
        return pieces

    def _lines(self, width: int) -> list[list[tuple[str, str, int | None]]]:
        """Pieces wrapped to ``width`` without ever splitting a mark from its word."""
        lines: list[list[tuple[str, str, int | None]]] = [[]]
        used = 0
        for piece in self._pieces():
            text, kind, _ = piece
            if kind == "break":
                lines.append([])
                used = 0
                continue
            needed = len(text) + (2 if used else 0)
            if used and used + needed > width:
                lines.append([])
                used = 0
                needed = len(text)
            lines[-1].append(piece)
            used += needed
        return lines

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self._lines(max(width, 1)))

    def render(self) -> Text:
        label_style = self.get_component_rich_style("emotion-picker--label")
        word_style = self.get_component_rich_style("emotion-picker--word")
        chosen_style = self.get_component_rich_style("emotion-picker--chosen")
        cursor_style = self.get_component_rich_style("emotion-picker--cursor")
        text = Text(no_wrap=True, overflow="crop")
        for line_number, line in enumerate(self._lines(max(self.size.width, 1))):
            if line_number:
                text.append("\n")
            for position, (piece, kind, index) in enumerate(line):
                if position:
                    text.append("  ")
                if kind == "label":
                    text.append(piece, label_style)
                    continue
                assert index is not None
                style = chosen_style if self.words[index] in self.chosen else word_style
                if index == self.cursor:
                    style = style + cursor_style
                text.append(piece, style + Style(meta={"emotion_index": index}))
        return text

    def on_click(self, event: Click) -> None:
        index = event.style.meta.get("emotion_index") if event.style else None
        if isinstance(index, int):
            self.cursor = index
            self.action_choose()

    def _group_bounds(self) -> list[tuple[int, int]]:
        bounds, start = [], 0
        for group in self.groups:
            bounds.append((start, start + len(group.words)))
            start += len(group.words)
        return bounds

    def action_move(self, delta: int) -> None:
        if self.words:
            self.cursor = (self.cursor + delta) % len(self.words)
            self.refresh()

    def action_jump(self, delta: int) -> None:
        bounds = self._group_bounds()
        for number, (start, end) in enumerate(bounds):
            if start <= self.cursor < end:
                target = number + delta
                if 0 <= target < len(bounds):
                    offset = self.cursor - start
                    new_start, new_end = bounds[target]
                    self.cursor = min(new_start + offset, new_end - 1)
                    self.refresh()
                else:
                    # Let focus move on past the first or last group.
                    if delta > 0:
                        self.screen.focus_next()
                    else:
                        self.screen.focus_previous()
                return

    def action_choose(self) -> None:
        if not self.words:
            return
        word = self.words[self.cursor]
        if word in self.chosen:
            self.chosen.remove(word)
        else:
            self.chosen.append(word)
        self.refresh()
        self.post_message(self.Changed(self))
