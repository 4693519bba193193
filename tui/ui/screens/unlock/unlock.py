"""A calm screen that asks for the passphrase (or the recovery code) of a locked database.

A wrong try gets a kind word and a short pause that grows a little each time
(never a crash, never a count of failures). The key that opens the data is
kept only in this process's memory (:func:`tui.store.encryption.remember`).
The screen is dismissed with True once the data is open, False to quit.
"""

from __future__ import annotations

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Input, Static

from tui.store.encryption import DatabaseLockedError, WrongSecretError, remember, unlock
from tui.ui.widgets.calm_footer import CalmFooter

PAUSE_STEP_SECONDS = 0.5
MAX_PAUSE_SECONDS = 4.0


class UnlockScreen(Screen[bool]):
    """Ask for the passphrase; dismiss with True when it opens the data."""

    DEFAULT_CSS = """
    UnlockScreen { align: center middle; }
    UnlockScreen > Vertical { width: 64; max-width: 100%; height: auto; padding: 1 2; border: round $primary; }
    UnlockScreen #unlock-title { text-style: bold; margin-bottom: 1; }
    UnlockScreen #unlock-message { margin-top: 1; }
    """

    BINDINGS = [Binding("escape", "quit_unlock", "Quit", show=True)]

    def __init__(self, locked: DatabaseLockedError, *, pause_step: float = PAUSE_STEP_SECONDS) -> None:
        super().__init__()
        self.locked = locked
        self.pause_step = pause_step
        self.wrong_tries = 0

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static("Welcome back", id="unlock-title")
            yield Static("Your Heartwork data is locked. Type your passphrase, or your recovery code, to open it.")
            yield Input(password=True, placeholder="Passphrase or recovery code", id="unlock-input")
            yield Static("", id="unlock-message")
        yield CalmFooter()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        secret = event.value
        if not secret:
            return
        field = self.query_one("#unlock-input", Input)
        field.disabled = True
        self.query_one("#unlock-message", Static).update("Opening...")
        self._try(secret)

    @work(thread=True, exclusive=True)
    def _try(self, secret: str) -> None:
        try:
            envelope = unlock(self.locked.header, self.locked.header_bytes, secret)
        except WrongSecretError:
            self.wrong_tries += 1
            pause = min(self.pause_step * self.wrong_tries, MAX_PAUSE_SECONDS)
            self.app.call_from_thread(self._say_wrong, pause)
            return
        remember(envelope)
        self.app.call_from_thread(self.dismiss, True)

    def _say_wrong(self, pause: float) -> None:
        self.query_one("#unlock-message", Static).update(
            "That did not open it. That happens; take a breath and try again."
        )
        field = self.query_one("#unlock-input", Input)
        field.value = ""
        self.set_timer(pause, self._ready_again)

    def _ready_again(self) -> None:
        field = self.query_one("#unlock-input", Input)
        field.disabled = False
        field.focus()

    def action_quit_unlock(self) -> None:
        self.dismiss(False)
