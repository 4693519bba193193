"""Settings: look and behaviour (each saved the moment it changes), export, and the passphrase."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button, Label, OptionList, Select, Static, Switch
from textual.widgets.option_list import Option

from tui.core.settings import AFFIRM_ADVANCE_CHOICES, LOCK_AFTER_CHOICES, WEEK_STARTS
from tui.core.unreadable_records import unreadable_lines, unreadable_summary
from tui.ui.base import HeartworkModal
from tui.ui.screens.settings.passphrase_section import PassphraseSection
from tui.ui.widgets.calm_footer import CalmFooter

if TYPE_CHECKING:
    from tui.ui.screens.settings.passphrase_dialog import Mode

PASSPHRASE_BUTTONS: dict[str, Mode] = {
    "settings-passphrase-on": "on",
    "settings-passphrase-change": "change",
    "settings-passphrase-off": "off",
}
DONE_LINES: dict[Mode, str] = {
    "on": "Your data and its backups are now locked with your passphrase.",
    "change": "Your passphrase is changed. Your recovery code still works.",
    "off": "Your data is no longer locked with a passphrase.",
}


class SettingsScreen(HeartworkModal[None]):
    """Change how Heartwork looks and behaves."""

    CSS_PATH = "../../styles/dialogs.tcss"

    BINDINGS = [Binding("escape", "dismiss", "Close")]

    def compose(self) -> ComposeResult:
        settings = self.settings
        names = sorted(self.heartwork.heartwork_themes)
        with VerticalScroll(id="settings-sheet"):
            yield Static("[b]Settings[/b]  (saved as you change them; Esc closes)", id="settings-title")
            yield Label("Theme (Enter to choose)")
            yield OptionList(*(Option(name, id=name) for name in names), id="settings-theme")
            with Horizontal(classes="settings-row"):
                yield Switch(settings.reduced_motion, id="settings-reduced-motion")
                yield Label("Reduced motion: no animation, just words and numbers")
            with Horizontal(classes="settings-row"):
                yield Switch(settings.bell, id="settings-bell")
                yield Label("Terminal bell at each breathing phase change")
            with Horizontal(classes="settings-row"):
                yield Select(
                    [(start.capitalize(), start) for start in WEEK_STARTS],
                    value=settings.week_start,
                    allow_blank=False,
                    id="settings-week-start",
                )
                yield Label("First day of the week")
            with Horizontal(classes="settings-row"):
                yield Button("Export…", id="settings-export")
                yield Label("A copy of your data as JSON or CSV, to a file you choose")
                yield Select(
                    [("Off" if n == 0 else f"Every {n} s", n) for n in AFFIRM_ADVANCE_CHOICES],
                    value=settings.affirm_advance_seconds
                    if settings.affirm_advance_seconds in AFFIRM_ADVANCE_CHOICES
                    else 0,
                    allow_blank=False,
                    id="settings-affirm-advance",
                )
                yield Label("Affirmations move on by themselves (any key pauses)")
            yield PassphraseSection(
                self.heartwork.passphrase_in_use(), settings.lock_after_minutes, id="settings-passphrase"
            )
            unreadable = self.store.database.unreadable_records()
            if unreadable:
                yield Static("Records that could not be read", classes="settings-heading", markup=False)
                yield Static(
                    "\n".join(
                        [unreadable_summary(unreadable), *("• " + line for line in unreadable_lines(unreadable))]
                    ),
                    id="settings-unreadable",
                    markup=False,
                )
        yield CalmFooter()

    def on_mount(self) -> None:
        options = self.query_one("#settings-theme", OptionList)
        names = sorted(self.heartwork.heartwork_themes)
        if self.app.theme in names:
            options.highlighted = names.index(self.app.theme)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option.id:
            self.app.theme = event.option.id
            self.heartwork.update_settings(theme=event.option.id)
            self.notify(f"Theme: {event.option.id}", timeout=2)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "settings-export":
            event.stop()
            self.heartwork.action_export()
        elif event.button.id in PASSPHRASE_BUTTONS:
            event.stop()
            self._open_passphrase_dialog(PASSPHRASE_BUTTONS[event.button.id])

    def _open_passphrase_dialog(self, mode: Mode) -> None:
        from tui.ui.screens.settings.passphrase_dialog import PassphraseDialog

        self.app.push_screen(PassphraseDialog(mode), lambda outcome: self._passphrase_changed(mode, outcome))

    def _passphrase_changed(self, mode: Mode, outcome: object) -> None:
        from tui.ui.screens.settings.passphrase_work import PassphraseOutcome
        from tui.ui.screens.settings.recovery_code_dialog import RecoveryCodeDialog

        if not isinstance(outcome, PassphraseOutcome):
            return  # cancelled: nothing changed
        self.query_one(PassphraseSection).encrypted = self.heartwork.passphrase_in_use()
        if outcome.note:
            self.notify(outcome.note, title="Passphrase", severity="warning", timeout=15, markup=False)
        else:
            self.notify(DONE_LINES[mode], title="Passphrase", timeout=6)
        if outcome.recovery_code:
            self.app.push_screen(RecoveryCodeDialog(outcome.recovery_code))

    def on_switch_changed(self, event: Switch.Changed) -> None:
        if event.switch.id == "settings-reduced-motion":
            self.heartwork.update_settings(reduced_motion=event.value)
        elif event.switch.id == "settings-bell":
            self.heartwork.update_settings(bell=event.value)

    def on_select_changed(self, event: Select.Changed) -> None:
        if event.select.id == "settings-week-start" and event.value in WEEK_STARTS:
            self.heartwork.update_settings(week_start=event.value)
        elif event.select.id == "settings-affirm-advance" and event.value in AFFIRM_ADVANCE_CHOICES:
            self.heartwork.update_settings(affirm_advance_seconds=event.value)
        elif (
            event.select.id == "settings-lock-after"
            and event.value in LOCK_AFTER_CHOICES
            and event.value != self.settings.lock_after_minutes
        ):
            self.heartwork.update_settings(lock_after_minutes=event.value)

    def action_dismiss(self) -> None:  # type: ignore[override]
        self.dismiss(None)
