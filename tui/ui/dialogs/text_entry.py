"""A small dialog that asks for a line of text (and optionally a tag or category)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Input, Select, Static

from tui.ui.base import HeartworkModal
from tui.ui.widgets.calm_footer import CalmFooter

TextEntryResult = tuple[str, str]


class TextEntryScreen(HeartworkModal[TextEntryResult | None]):
    """Ask for text; Enter saves, Esc goes back (asking first if the text changed). Returns (text, choice) or None."""

    BINDINGS = [Binding("escape", "cancel", "Cancel"), Binding("ctrl+s", "submit", "Save")]

    DEFAULT_CSS = """
    TextEntryScreen { align: center middle; }
    TextEntryScreen #entry-sheet {
        width: 90%; max-width: 76; height: auto; padding: 1 2;
        border: round $primary; background: $surface;
    }
    TextEntryScreen #entry-title { text-style: bold; margin-bottom: 1; }
    TextEntryScreen #entry-choice { margin-top: 1; }
    TextEntryScreen #entry-message { color: $text-muted; margin-top: 1; }
    """

    def __init__(
        self,
        title: str,
        *,
        initial: str = "",
        placeholder: str = "",
        choices: Sequence[tuple[str, str]] = (),
        initial_choice: str = "",
        check: Callable[[str], str] | None = None,
        max_length: int = 280,
    ) -> None:
        super().__init__()
        self._title = title
        self._initial = initial
        self._placeholder = placeholder
        self._choices = list(choices)
        self._initial_choice = initial_choice
        self._check = check
        self._max_length = max_length

    def compose(self) -> ComposeResult:
        with Vertical(id="entry-sheet"):
            yield Static(self._title, id="entry-title", markup=False)
            # Not selected on focus: editing starts at the end, so the first key never replaces the text.
            yield Input(
                self._initial,
                placeholder=self._placeholder,
                max_length=self._max_length,
                select_on_focus=False,
                id="entry-text",
            )
            if self._choices:
                values = [value for _, value in self._choices]
                yield Select(
                    self._choices,
                    value=self._initial_choice if self._initial_choice in values else values[0],
                    allow_blank=False,
                    id="entry-choice",
                )
            yield Static(
                "Enter saves · Tab to the tag · Esc cancels" if self._choices else "Enter saves · Esc cancels",
                id="entry-message",
            )
        yield CalmFooter()

    def on_mount(self) -> None:
        self.query_one("#entry-text", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_submit()

    def on_select_changed(self, event: Select.Changed) -> None:
        event.stop()
        self.query_one("#entry-text", Input).focus()  # so Enter saves next

    def action_submit(self) -> None:
        text = self.query_one("#entry-text", Input).value
        if self._check is not None:
            try:
                text = self._check(text)
            except ValueError as error:
                self.query_one("#entry-message", Static).update(str(error))
                return
        elif not text.strip():
            self.query_one("#entry-message", Static).update("A few words are enough; or Esc to leave it.")
            return
        choice = ""
        if self._choices:
            value = self.query_one("#entry-choice", Select).value
            choice = value if isinstance(value, str) else ""
        self.dismiss((text, choice))

    def action_cancel(self) -> None:
        """Esc: back at once, unless the text was changed (then ask first)."""
        from tui.ui.dialogs.leave_confirm import leave_or_ask

        changed = self.query_one("#entry-text", Input).value.strip() != self._initial.strip()
        leave_or_ask(self, changed, lambda: self.dismiss(None))
