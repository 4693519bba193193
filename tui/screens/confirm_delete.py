"""A small yes/no dialog before something is deleted."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static


class ConfirmDeleteScreen(ModalScreen[bool]):
    """Ask before deleting (or removing); y confirms, n or Esc keeps it."""

    BINDINGS = [
        Binding("y", "answer(True)", "Delete"),
        Binding("n,escape", "answer(False)", "Keep"),
    ]

    DEFAULT_CSS = """
    ConfirmDeleteScreen { align: center middle; }
    ConfirmDeleteScreen #confirm-sheet {
        width: 90%; max-width: 64; height: auto; padding: 1 2;
        border: round $warning 60%; background: $surface;
    }
    ConfirmDeleteScreen #confirm-question { margin-bottom: 1; }
    ConfirmDeleteScreen #confirm-buttons { height: auto; align-horizontal: right; }
    ConfirmDeleteScreen Button { margin-left: 2; }
    """

    def __init__(self, question: str, detail: str = "", confirm_label: str = "Delete") -> None:
        super().__init__()
        self._question = question
        self._detail = detail
        self._confirm_label = confirm_label

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm-sheet"):
            yield Static(self._question, id="confirm-question", markup=False)
            if self._detail:
                yield Static(self._detail, id="confirm-detail", markup=False)
            with Horizontal(id="confirm-buttons"):
                yield Button("Keep it (n)", id="confirm-keep", variant="primary")
                yield Button(f"{self._confirm_label} (y)", id="confirm-delete", variant="default")

    def on_mount(self) -> None:
        self.query_one("#confirm-keep", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "confirm-delete")

    def action_answer(self, delete: bool) -> None:
        self.dismiss(delete)
