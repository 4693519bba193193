"""Pick a self-care idea from the built-in list to add to the checklist."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from tui.core.selfcare import SelfCareIdea
from tui.ui.base import HeartworkModal
from tui.ui.widgets.calm_footer import CalmFooter


class SelfCareIdeasScreen(HeartworkModal[SelfCareIdea | None]):
    """A list of ideas not yet on the checklist; Enter adds one, Esc closes."""

    BINDINGS = [Binding("escape", "close", "Close")]

    DEFAULT_CSS = """
    SelfCareIdeasScreen { align: center middle; }
    SelfCareIdeasScreen #ideas-sheet {
        width: 90%; max-width: 80; height: 80%; padding: 0 1;
        border: round $primary; background: $surface;
    }
    SelfCareIdeasScreen #ideas-title { text-style: bold; padding: 1 1 0 1; }
    SelfCareIdeasScreen #ideas-hint { color: $text-muted; padding: 0 1 1 1; }
    SelfCareIdeasScreen #ideas-list { height: 1fr; border: none; }
    """

    def __init__(self, ideas: list[SelfCareIdea]) -> None:
        super().__init__()
        self._ideas = ideas

    def compose(self) -> ComposeResult:
        with Vertical(id="ideas-sheet"):
            yield Static("Ideas to borrow", id="ideas-title")
            yield Static("Enter adds one to your list · Esc closes", id="ideas-hint")
            if self._ideas:
                yield OptionList(
                    *(Option(f"{idea.text}  ·  {idea.category}", id=idea.id) for idea in self._ideas),
                    id="ideas-list",
                    markup=False,
                )
            else:
                yield Static("Every idea is already on your list. You can always add your own with +.")
        yield CalmFooter()

    def on_mount(self) -> None:
        for option_list in self.query("#ideas-list").results(OptionList):
            option_list.highlighted = 0
            option_list.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        chosen = next((idea for idea in self._ideas if idea.id == event.option.id), None)
        self.dismiss(chosen)

    def action_close(self) -> None:
        self.dismiss(None)
