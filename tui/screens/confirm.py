"""A small yes/no question: before deleting, discarding, or restoring something.

Used everywhere a choice needs a second look. ``y`` answers yes, ``n`` or
Escape answers no; the buttons do the same. Text is shown as written (no
markup), since it may quote the person's own words.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from tui.widgets.calm_footer import CalmFooter


class ConfirmScreen(ModalScreen[bool]):
    """Ask ``question``; dismisses with True for yes, False for no or Escape."""

    DEFAULT_CSS = """
    ConfirmScreen { align: center middle; }
    ConfirmScreen #confirm-box { width: 60; max-width: 95%; height: auto; border: round $primary; background: $surface; padding: 1 2; }
    ConfirmScreen #confirm-question { margin-bottom: 1; }
    ConfirmScreen #confirm-detail { margin-bottom: 1; color: $text-muted; }
    ConfirmScreen #confirm-buttons { height: auto; align-horizontal: right; }
    ConfirmScreen Button { margin-left: 2; }
    """

    BINDINGS = [
        Binding("escape,n", "answer(False)", "No"),
        Binding("y", "answer(True)", "Yes"),
    ]

    def __init__(
        self, question: str, yes: str = "Yes", no: str = "No", *, detail: str = "", yes_is_default: bool = False
    ) -> None:
        super().__init__()
        self.question = question
        self.detail = detail
        self.yes_label = yes
        self.no_label = no
        self.yes_is_default = yes_is_default

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm-box"):
            yield Static(self.question, id="confirm-question", markup=False)
            if self.detail:
                yield Static(self.detail, id="confirm-detail", markup=False)
            with Horizontal(id="confirm-buttons"):
                yield Button(f"{self.no_label} (n)", id="confirm-no")
                yield Button(f"{self.yes_label} (y)", id="confirm-yes", variant="primary")
        yield CalmFooter()

    def on_mount(self) -> None:
        self.query_one("#confirm-yes" if self.yes_is_default else "#confirm-no", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id == "confirm-yes")

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)
