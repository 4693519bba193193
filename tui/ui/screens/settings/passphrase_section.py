"""The "Passphrase" part of Settings: whether the data is locked, and the buttons to change that.

Presentational: it shows what it is given (``encrypted``, the idle-lock
minutes) and its buttons and select post the usual messages to Settings.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.reactive import reactive
from textual.widgets import Button, Label, Select, Static

from tui.core.settings import LOCK_AFTER_CHOICES

ON_LINE = "Your data is locked with a passphrase. Heartwork asks for it each time it opens."
OFF_LINE = "Your data is not locked. A passphrase keeps it private if this computer is lost or shared."


def lock_after_label(minutes: int) -> str:
    """How an idle-lock choice reads in the list."""
    return "Never" if minutes == 0 else f"After {minutes} idle minutes"


class PassphraseSection(Vertical):
    """Passphrase on or off, change it, and the idle lock."""

    DEFAULT_CSS = """
    PassphraseSection { height: auto; }
    PassphraseSection .settings-heading { text-style: bold; margin-top: 1; }
    PassphraseSection #passphrase-status { margin-bottom: 1; }
    PassphraseSection #passphrase-buttons-row { height: auto; margin-bottom: 1; }
    PassphraseSection #passphrase-buttons-row Button { margin-right: 2; }
    PassphraseSection #settings-lock-after { width: 30; }
    PassphraseSection .settings-row { height: auto; }
    PassphraseSection .settings-row Label { padding: 1 1; }
    """

    encrypted: reactive[bool] = reactive(False, recompose=True)

    def __init__(self, encrypted: bool, lock_after_minutes: int, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.set_reactive(PassphraseSection.encrypted, encrypted)
        self.lock_after_minutes = lock_after_minutes if lock_after_minutes in LOCK_AFTER_CHOICES else 0

    def compose(self) -> ComposeResult:
        yield Static("Passphrase", classes="settings-heading")
        yield Static(ON_LINE if self.encrypted else OFF_LINE, id="passphrase-status")
        with Horizontal(id="passphrase-buttons-row"):
            if self.encrypted:
                yield Button("Change passphrase…", id="settings-passphrase-change")
                yield Button("Turn off…", id="settings-passphrase-off")
            else:
                yield Button("Turn on…", id="settings-passphrase-on")
        with Horizontal(classes="settings-row"):
            yield Select(
                [(lock_after_label(minutes), minutes) for minutes in LOCK_AFTER_CHOICES],
                value=self.lock_after_minutes,
                allow_blank=False,
                id="settings-lock-after",
            )
            yield Label("Lock when I step away (with a passphrase)")
