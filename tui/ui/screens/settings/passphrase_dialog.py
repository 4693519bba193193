"""Turn the passphrase on, change it, or turn it off: masked fields, then the work in a worker.

Deriving a key (Argon2id, about half a second) and rewriting the database and
its backups run in a thread worker with a calm progress line, so the screen
never freezes. A mistake (the wrong current passphrase, two that differ, one
too short) is said kindly in the dialog and loses nothing: the fields keep
what was typed and nothing on disk changed. Turning it off asks once more,
with the focus on keeping it.
"""

from __future__ import annotations

from typing import Literal

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Input, Static

from tui.core.passphrase_rules import new_passphrase_problem
from tui.ui.base import HeartworkModal
from tui.ui.dialogs.confirm import ConfirmScreen
from tui.ui.widgets.calm_footer import CalmFooter

Mode = Literal["on", "change", "off"]

TITLES: dict[Mode, str] = {
    "on": "Lock your data with a passphrase",
    "change": "Change your passphrase",
    "off": "Turn the passphrase off",
}
EXPLANATIONS: dict[Mode, str] = {
    "on": "Your journal and everything else is then stored encrypted on this computer, backups too. "
    "Heartwork asks for the passphrase each time it opens.",
    "change": "Your recovery code keeps working with the new passphrase.",
    "off": "Your data and its backups are then stored without encryption on this computer.",
}
ACTION_LABELS: dict[Mode, str] = {"on": "Turn on", "change": "Change", "off": "Turn off…"}
WORKING_LINES: dict[Mode, str] = {
    "on": "Locking your data and its backups… this takes a moment.",
    "change": "Checking your passphrase and changing it… this takes a moment.",
    "off": "Checking your passphrase and unlocking your data… this takes a moment.",
}


class PassphraseDialog(HeartworkModal[object]):
    """Dismisses with the :class:`PassphraseOutcome` once it worked, or None if cancelled."""

    DEFAULT_CSS = """
    PassphraseDialog { align: center middle; }
    PassphraseDialog #passphrase-box { width: 70; max-width: 95%; height: auto; border: round $primary; background: $surface; padding: 1 2; }
    PassphraseDialog #passphrase-title { text-style: bold; margin-bottom: 1; }
    PassphraseDialog #passphrase-explanation { color: $text-muted; margin-bottom: 1; }
    PassphraseDialog Input { margin-bottom: 1; }
    PassphraseDialog #passphrase-message { margin-bottom: 1; }
    PassphraseDialog #passphrase-buttons { height: auto; align-horizontal: right; }
    PassphraseDialog Button { margin-left: 2; }
    """

    BINDINGS = [Binding("escape", "cancel", "Cancel", tooltip="Leave it as it is")]

    def __init__(self, mode: Mode) -> None:
        super().__init__()
        self.mode: Mode = mode
        self.working = False

    def compose(self) -> ComposeResult:
        with Vertical(id="passphrase-box"):
            yield Static(TITLES[self.mode], id="passphrase-title")
            yield Static(EXPLANATIONS[self.mode], id="passphrase-explanation")
            if self.mode in ("change", "off"):
                yield Input(password=True, placeholder="Your current passphrase", id="passphrase-current")
            if self.mode in ("on", "change"):
                yield Input(password=True, placeholder="New passphrase", id="passphrase-new")
                yield Input(password=True, placeholder="The same passphrase again", id="passphrase-again")
            yield Static("", id="passphrase-message", markup=False)
            with Horizontal(id="passphrase-buttons"):
                yield Button("Cancel", id="passphrase-cancel")
                yield Button(ACTION_LABELS[self.mode], id="passphrase-go", variant="primary")
        yield CalmFooter()

    def on_mount(self) -> None:
        self.query(Input).first().focus()

    def _value(self, field_id: str) -> str:
        found = self.query(f"#{field_id}")
        return found.first(Input).value if found else ""

    def _say(self, text: str) -> None:
        self.query_one("#passphrase-message", Static).update(text)

    # -- asking -----------------------------------------------------------------------

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        fields = list(self.query(Input))
        position = fields.index(event.input)
        if position + 1 < len(fields):
            fields[position + 1].focus()
        else:
            self._go()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "passphrase-go":
            self._go()
        elif event.button.id == "passphrase-cancel":
            self.action_cancel()

    def _go(self) -> None:
        if self.working:
            return
        current, new, again = (self._value(f"passphrase-{name}") for name in ("current", "new", "again"))
        if self.mode != "on" and not current:
            self._say("Please type your current passphrase first.")
            self.query_one("#passphrase-current", Input).focus()
            return
        if self.mode != "off":
            problem = new_passphrase_problem(new, again)
            if problem is not None:
                self._say(problem)
                return
        if self.mode == "off":
            self.app.push_screen(
                ConfirmScreen(
                    "Turn the passphrase off?",
                    yes="Turn it off",
                    no="Keep it on",
                    detail="Your data will be stored unencrypted on this computer. "
                    "You can turn the passphrase on again at any time.",
                    destructive="yes",
                ),
                lambda yes: self._start(current, new) if yes else None,
            )
            return
        self._start(current, new)

    def _start(self, current: str, new: str) -> None:
        self.working = True
        for field in self.query(Input):
            field.disabled = True
        self.query_one("#passphrase-go", Button).disabled = True
        self.query_one("#passphrase-cancel", Button).disabled = True
        self._say(WORKING_LINES[self.mode])
        self._work(current, new)

    @work(thread=True, exclusive=True, group="passphrase")
    def _work(self, current: str, new: str) -> None:
        from tui.ui.screens.settings import passphrase_work as works

        database = self.store.database
        cost = self.heartwork.passphrase_cost
        key_cost = works.KeyCost(*cost) if cost is not None else works.KeyCost()
        if self.mode == "on":
            outcome = works.turn_on(database, new, key_cost)
        elif self.mode == "change":
            outcome = works.change(database, current, new)
        else:
            outcome = works.turn_off(database, current)
        self.app.call_from_thread(self._finished, outcome)

    def _finished(self, outcome: object) -> None:
        from tui.ui.screens.settings.passphrase_work import PassphraseOutcome

        assert isinstance(outcome, PassphraseOutcome)
        self.working = False
        if outcome.problem is None:
            self.dismiss(outcome)
            return
        for field in self.query(Input):
            field.disabled = False
        self.query_one("#passphrase-go", Button).disabled = False
        self.query_one("#passphrase-cancel", Button).disabled = False
        self._say(outcome.problem)
        self.query(Input).first().focus()

    def action_cancel(self) -> None:
        if self.working:
            self._say("Almost done; please wait a moment so nothing is left half changed.")
            return
        self.dismiss(None)
