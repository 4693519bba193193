"""A small two-way question: before deleting, discarding, or restoring something.

Used everywhere a choice needs a second look, including questions that
appear by themselves (the unfinished-entry offer after a crash), which catch
whatever the person was typing. So:

* the destructive answer (``destructive="yes"``, the default, or ``"no"``)
  has no letter key: it is reached with Tab or the arrow keys and Enter, or
  the mouse; the safe answer keeps its letter (``y`` or ``n``) and Escape;
* focus starts on the safe answer;
* keys pressed in the first moment after the dialog appears
  (``guard_seconds``, measured with the app's injected clock) are typed-ahead
  words, not answers, and are set aside.

Text is shown as written (no markup), since it may quote the person's own words.
"""

from __future__ import annotations

from typing import Literal

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Static

from tui.ui.dialogs.type_ahead_guard import TYPE_AHEAD_GUARD_SECONDS, GuardedModal, guard_bindings
from tui.ui.widgets.calm_footer import CalmFooter

__all__ = ["TYPE_AHEAD_GUARD_SECONDS", "ConfirmScreen", "Destructive"]

Destructive = Literal["yes", "no"] | None


class ConfirmScreen(GuardedModal[bool]):
    """Ask ``question``; dismisses with True for yes, False for no.

    ``destructive`` names the answer that throws something away ("yes", "no"
    or None when neither does); Escape always gives the safe answer.
    """

    DEFAULT_CSS = """
    ConfirmScreen { align: center middle; }
    ConfirmScreen #confirm-box { width: 60; max-width: 95%; height: auto; border: round $primary; background: $surface; padding: 1 2; }
    ConfirmScreen #confirm-question { margin-bottom: 1; }
    ConfirmScreen #confirm-detail { margin-bottom: 1; color: $text-muted; }
    ConfirmScreen #confirm-buttons { height: auto; align-horizontal: right; }
    ConfirmScreen Button { margin-left: 2; }
    """

    BINDINGS = [
        Binding("escape", "safe_answer", "Back", tooltip="The safe answer: nothing is thrown away"),
        Binding("n", "letter(False)", "No", show=False),
        Binding("y", "letter(True)", "Yes", show=False),
        *guard_bindings("Answer"),
    ]

    def __init__(
        self,
        question: str,
        yes: str = "Yes",
        no: str = "No",
        *,
        detail: str = "",
        yes_is_default: bool = False,
        destructive: Destructive = "yes",
        guard_seconds: float = TYPE_AHEAD_GUARD_SECONDS,
    ) -> None:
        super().__init__()
        self.question = question
        self.detail = detail
        self.yes_label = yes
        self.no_label = no
        self.destructive = destructive
        # A destructive answer is never where focus starts.
        self.yes_is_default = yes_is_default if destructive is None else destructive == "no"
        self.guard_seconds = guard_seconds

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm-box"):
            yield Static(self.question, id="confirm-question", markup=False)
            if self.detail:
                yield Static(self.detail, id="confirm-detail", markup=False)
            with Horizontal(id="confirm-buttons"):
                yield Button(self._label(self.no_label, "n", "no"), id="confirm-no")
                yield Button(self._label(self.yes_label, "y", "yes"), id="confirm-yes", variant="primary")
        yield CalmFooter()

    def _label(self, text: str, letter: str, answer: str) -> str:
        return text if self.destructive == answer else f"{text} ({letter})"

    def on_mount(self) -> None:
        self.start_guard()
        self.query_one("#confirm-yes" if self.yes_is_default else "#confirm-no", Button).focus()

    # -- answers ----------------------------------------------------------------------

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if self.guarding:
            return
        self.dismiss(event.button.id == "confirm-yes")

    def action_letter(self, answer: bool) -> None:
        """``y`` or ``n``: only the safe answer has a letter."""
        if self.guarding or self.destructive == ("yes" if answer else "no"):
            return
        self.dismiss(answer)

    def action_safe_answer(self) -> None:
        if self.guarding:
            return
        self.dismiss(self.destructive == "no")

    def action_answer(self, answer: bool) -> None:
        """Answer directly (for callers and tests); the guard still applies."""
        if not self.guarding:
            self.dismiss(answer)
