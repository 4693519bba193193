"""A gentle offer for a routine that has been quiet for two weeks: smaller, less often, or rest it.

Nothing is applied unless the person chooses it; focus starts on "Not now",
and no letter key answers, so typing ahead cannot pick anything.
"""

from __future__ import annotations

from typing import Literal

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Static

from tui.core.selfcare import SelfCareItem
from tui.core.selfcare_schedule import less_often
from tui.ui.base import HeartworkModal
from tui.ui.widgets.calm_footer import CalmFooter

SuggestionChoice = Literal["smaller", "less", "rest", "never"]


def suggestion_line(item: SelfCareItem) -> str:
    """The line on the self-care screen (the routine's words quoted as they are)."""
    return f"“{item.text}” has been quiet for two weeks. Press o for a gentler way to keep it."


class SelfCareSuggestionScreen(HeartworkModal[SuggestionChoice | None]):
    """Offer the three gentler shapes, "Not now", and "Don't suggest this again"."""

    BINDINGS = [Binding("escape", "close", "Not now")]

    DEFAULT_CSS = """
    SelfCareSuggestionScreen { align: center middle; }
    SelfCareSuggestionScreen #suggestion-sheet {
        width: 90%; max-width: 72; height: auto; padding: 1 2;
        border: round $primary; background: $surface;
    }
    SelfCareSuggestionScreen #suggestion-title { text-style: bold; margin-bottom: 1; }
    SelfCareSuggestionScreen .suggestion-buttons { height: auto; margin-top: 1; }
    SelfCareSuggestionScreen .suggestion-buttons Button { margin-right: 2; }
    """

    def __init__(self, item: SelfCareItem) -> None:
        super().__init__()
        self._item = item

    def compose(self) -> ComposeResult:
        gentler = less_often(self._item.schedule).describe()
        with Vertical(id="suggestion-sheet"):
            yield Static(f"“{self._item.text}”", id="suggestion-title", markup=False)
            yield Static(
                "Life gets full, and some weeks this does not fit. Would a different shape help? "
                f"You could make it smaller, do it {gentler} instead of {self._item.schedule.describe()}, "
                "or let it rest for a while. Its days so far stay as they were.",
                markup=False,
            )
            with Horizontal(classes="suggestion-buttons"):
                yield Button("Make it smaller", id="suggestion-smaller", compact=True)
                yield Button("Less often", id="suggestion-less", compact=True)
                yield Button("Rest it", id="suggestion-rest", compact=True)
            with Horizontal(classes="suggestion-buttons"):
                yield Button("Not now", id="suggestion-not-now", variant="primary", compact=True)
                yield Button("Don't suggest this again", id="suggestion-never", compact=True)
        yield CalmFooter()

    def on_mount(self) -> None:
        self.query_one("#suggestion-not-now", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        choices: dict[str, SuggestionChoice] = {
            "suggestion-smaller": "smaller",
            "suggestion-less": "less",
            "suggestion-rest": "rest",
            "suggestion-never": "never",
        }
        self.dismiss(choices.get(event.button.id or ""))

    def action_close(self) -> None:
        self.dismiss(None)
