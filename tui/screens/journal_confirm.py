"""A small yes/no question over the journal (restore a draft, delete an entry, leave a form)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static


class JournalConfirmScreen(ModalScreen[bool]):
    """Ask one question; dismisses with True for the first answer, False for the second."""

    CSS_PATH = "../styles/journal.tcss"
    BINDINGS = [Binding("escape", "answer_no", "Cancel")]

    def __init__(self, question: str, yes: str, no: str, *, yes_is_default: bool = True) -> None:
        super().__init__()
        self.question = question
        self.yes_label = yes
        self.no_label = no
        self.yes_is_default = yes_is_default

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm-sheet"):
            yield Static(self.question, id="confirm-question")
            with Horizontal(id="confirm-buttons"):
                yield Button(self.yes_label, id="confirm-yes", variant="primary")
                yield Button(self.no_label, id="confirm-no")

    def on_mount(self) -> None:
        self.query_one("#confirm-yes" if self.yes_is_default else "#confirm-no", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id == "confirm-yes")

    def action_answer_no(self) -> None:
        self.dismiss(False)
