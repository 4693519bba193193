"""Settings: theme, reduced motion, bell and week start, each saved the moment it changes; and export."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button, Label, OptionList, Select, Static, Switch
from textual.widgets.option_list import Option

from tui.core.settings import AFFIRM_ADVANCE_CHOICES, WEEK_STARTS
from tui.core.unreadable_records import unreadable_lines, unreadable_summary
from tui.ui.base import HeartworkModal
from tui.ui.widgets.calm_footer import CalmFooter


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

    def action_dismiss(self) -> None:  # type: ignore[override]
        self.dismiss(None)
