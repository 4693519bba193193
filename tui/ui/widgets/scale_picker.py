"""Pick a whole number from 1 to 10 with number keys (0 means 10), arrows or the mouse."""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding
from textual.geometry import Size
from textual.message import Message
from textual.widget import Widget

SCALE = range(1, 11)


class ScalePicker(Widget, can_focus=True):
    """A 1-10 scale; ``optional`` pickers can be cleared with Backspace."""

    DEFAULT_CSS = """
    ScalePicker { height: 1; width: auto; }
    ScalePicker > .scale-picker--number { color: $text-muted; }
    ScalePicker > .scale-picker--chosen { color: $background; background: $primary; text-style: bold; }
    ScalePicker:focus > .scale-picker--chosen { background: $accent; }
    ScalePicker:focus > .scale-picker--number { color: $text; }
    """

    COMPONENT_CLASSES = {"scale-picker--number", "scale-picker--chosen"}

    BINDINGS = [
        *(Binding(str(digit), f"choose({digit or 10})", show=False) for digit in range(10)),
        Binding("left", "step(-1)", "Less", show=False),
        Binding("right", "step(1)", "More", show=False),
        Binding("backspace", "clear", "Clear", show=False),
        Binding("delete", "clear", "Clear", show=False),
    ]

    class Changed(Message):
        """The chosen number changed (None when cleared)."""

        def __init__(self, picker: ScalePicker, value: int | None) -> None:
            super().__init__()
            self.picker = picker
            self.value = value

        @property
        def control(self) -> ScalePicker:
            return self.picker

    def __init__(self, value: int | None = None, *, optional: bool = False, id: str | None = None) -> None:
        super().__init__(id=id)
        self._value = value
        self.optional = optional

    @property
    def value(self) -> int | None:
        return self._value

    @value.setter
    def value(self, new_value: int | None) -> None:
        if new_value is not None and new_value not in SCALE:
            raise ValueError(f"{new_value} is not on the 1-10 scale")
        if new_value != self._value:
            self._value = new_value
            self.refresh()
            self.post_message(self.Changed(self, new_value))

    def render(self) -> Text:
        number_style = self.get_component_rich_style("scale-picker--number")
        chosen_style = self.get_component_rich_style("scale-picker--chosen")
        text = Text(no_wrap=True)
        for number in SCALE:
            chosen = number == self._value
            label = f"[{number}]" if chosen else f" {number} "
            text.append(label, chosen_style if chosen else number_style)
            text.append(" ")
        return text

    def get_content_width(self, container: Size, viewport: Size) -> int:
        return sum(len(f" {number} ") + 1 for number in SCALE)

    def on_click(self, event: object) -> None:
        offset_x = getattr(event, "x", 0)
        position = 0
        for number in SCALE:
            width = len(f" {number} ") + 1
            if position <= offset_x < position + width:
                self.value = number
                return
            position += width

    def action_choose(self, number: int) -> None:
        self.value = number

    def action_step(self, delta: int) -> None:
        current = self._value if self._value is not None else (5 if delta > 0 else 6)
        self.value = min(max(current + delta, 1), 10)

    def action_clear(self) -> None:
        if self.optional:
            self.value = None
