"""The recovery code, shown once, right after a passphrase is set.

It appears by itself, while the person may still be pressing Enter, so no
key can send it away by accident: no letter answers it, Escape does not
close it, keys in the first moment (by the app's clock) are set aside, and
focus starts on "Not yet", which keeps it open. Only "I have written it
down" closes it, and then the code is gone from the screen for good.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Static

from tui.ui.dialogs.type_ahead_guard import TYPE_AHEAD_GUARD_SECONDS, GuardedModal, guard_bindings
from tui.ui.widgets.calm_footer import CalmFooter

STAY_OPEN_LINE = "Take your time. The code stays here until you choose “I have written it down”."


class RecoveryCodeDialog(GuardedModal[None]):
    """Show ``code`` and ask the person to confirm they wrote it down."""

    DEFAULT_CSS = """
    RecoveryCodeDialog { align: center middle; }
    RecoveryCodeDialog #recovery-box { width: 72; max-width: 95%; height: auto; border: round $primary; background: $surface; padding: 1 2; }
    RecoveryCodeDialog #recovery-title { text-style: bold; margin-bottom: 1; }
    RecoveryCodeDialog #recovery-code { text-style: bold; color: $accent; content-align: center middle; width: 100%; margin-bottom: 1; }
    RecoveryCodeDialog #recovery-warning { margin-bottom: 1; }
    RecoveryCodeDialog #recovery-hint { color: $text-muted; margin-bottom: 1; }
    RecoveryCodeDialog #recovery-buttons { height: auto; align-horizontal: right; }
    RecoveryCodeDialog Button { margin-left: 2; }
    """

    BINDINGS = [
        Binding("escape", "stay_open", "Keep showing", show=False),
        *guard_bindings("Choose"),
    ]

    def __init__(self, code: str, *, guard_seconds: float = TYPE_AHEAD_GUARD_SECONDS) -> None:
        super().__init__()
        self.code = code
        self.guard_seconds = guard_seconds

    def compose(self) -> ComposeResult:
        with Vertical(id="recovery-box"):
            yield Static("Your recovery code", id="recovery-title")
            yield Static(self.code, id="recovery-code", markup=False)
            yield Static(
                "Please write it down now and keep it somewhere safe, away from this computer. "
                "It opens your data if you ever forget your passphrase, and it is shown only this once.\n\n"
                "Without your passphrase or this code, nobody can recover your data, not even Heartwork.",
                id="recovery-warning",
            )
            yield Static("", id="recovery-hint")
            with Horizontal(id="recovery-buttons"):
                yield Button("Not yet", id="recovery-not-yet")
                yield Button("I have written it down", id="recovery-done", variant="primary")
        yield CalmFooter()

    def on_mount(self) -> None:
        self.start_guard()
        self.query_one("#recovery-not-yet", Button).focus()

    def action_stay_open(self) -> None:
        self.query_one("#recovery-hint", Static).update(STAY_OPEN_LINE)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if self.guarding:
            return
        if event.button.id == "recovery-done":
            self.dismiss(None)
        else:
            self.action_stay_open()
