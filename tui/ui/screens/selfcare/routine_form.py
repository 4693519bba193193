"""Add or edit a routine: its words, category, need, how often and when in the day."""

from __future__ import annotations

from dataclasses import dataclass

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Input, Label, Select, Static

from tui.core.selfcare import CATEGORIES, MAX_ITEM_CHARS, SelfCareItem, SelfCareNeed, clean_item_text
from tui.core.selfcare_schedule import (
    EVERY_DAY,
    WEEKDAY_KEYS,
    Schedule,
    on_weekdays,
    parse_weekdays,
    times_a_week,
)
from tui.ui.base import HeartworkModal
from tui.ui.widgets.calm_footer import CalmFooter

HOW_OFTEN = [("Every day", "daily"), ("On chosen weekdays", "weekdays"), ("Some times a week", "per_week")]
WHEN = [("Any time", ""), ("Morning", "morning"), ("Afternoon", "afternoon"), ("Evening", "evening")]


@dataclass(frozen=True)
class RoutineDraft:
    """What the form hands back: a routine's fields, checked."""

    text: str
    category: str
    schedule: Schedule
    time_of_day: str
    need_id: str


def schedule_from_form(kind: str, detail: str) -> Schedule:
    """The schedule the form describes; ValueError says what to fix."""
    if kind == "weekdays":
        return on_weekdays(parse_weekdays(detail))
    if kind == "per_week":
        try:
            return times_a_week(int(detail.strip()))
        except ValueError:
            raise ValueError("Times a week is a number from 1 to 7.") from None
    return EVERY_DAY


def schedule_detail(schedule: Schedule) -> str:
    """What the detail field shows for ``schedule``."""
    if schedule.kind == "weekdays":
        return ",".join(WEEKDAY_KEYS[d] for d in schedule.weekdays)
    if schedule.kind == "per_week":
        return str(schedule.per_week)
    return ""


class RoutineFormScreen(HeartworkModal[RoutineDraft | None]):
    """Ctrl+S or Save keeps it; Esc goes back. Past ticks are never touched by a change here."""

    BINDINGS = [Binding("escape", "cancel", "Cancel"), Binding("ctrl+s", "save", "Save")]

    DEFAULT_CSS = """
    RoutineFormScreen { align: center middle; }
    RoutineFormScreen #routine-sheet {
        width: 90%; max-width: 76; height: auto; max-height: 100%; padding: 0 2;
        border: round $primary; background: $surface;
    }
    RoutineFormScreen #routine-title { text-style: bold; margin: 1 0; }
    RoutineFormScreen .routine-row { height: auto; margin-bottom: 1; }
    RoutineFormScreen .routine-row Label { width: 14; padding-top: 0; }
    RoutineFormScreen .routine-row Input, RoutineFormScreen .routine-row Select { width: 1fr; }
    RoutineFormScreen #routine-message { color: $text-muted; }
    RoutineFormScreen #routine-buttons { height: auto; align-horizontal: right; margin: 1 0; }
    RoutineFormScreen #routine-buttons Button { margin-left: 2; }
    """

    def __init__(
        self, title: str, needs: list[SelfCareNeed], item: SelfCareItem | None = None, *, initial_text: str = ""
    ) -> None:
        super().__init__()
        self._title = title
        self._needs = needs
        self._item = item
        self._initial_text = item.text if item is not None and not initial_text else initial_text

    def compose(self) -> ComposeResult:
        item = self._item
        schedule = item.schedule if item is not None else EVERY_DAY
        need_choices = [("No need chosen", "")] + [(need.text, need.id) for need in self._needs]
        need_value = item.need_id if item is not None and item.need_id in {n.id for n in self._needs} else ""
        with Vertical(id="routine-sheet"):
            yield Static(self._title, id="routine-title", markup=False)
            with Horizontal(classes="routine-row"):
                yield Label("Routine")
                yield Input(
                    self._initial_text,
                    placeholder="For example: Sit in the sun for a few minutes.",
                    max_length=MAX_ITEM_CHARS,
                    select_on_focus=False,
                    compact=True,
                    id="routine-text",
                )
            with Horizontal(classes="routine-row"):
                yield Label("Category")
                category = item.category if item is not None and item.category in CATEGORIES else "mind"
                yield Select(
                    [(c, c) for c in CATEGORIES], value=category, allow_blank=False, compact=True, id="routine-category"
                )
            with Horizontal(classes="routine-row"):
                yield Label("How often")
                yield Select(HOW_OFTEN, value=schedule.kind, allow_blank=False, compact=True, id="routine-kind")
            with Horizontal(classes="routine-row"):
                yield Label("Which days")
                yield Input(
                    schedule_detail(schedule),
                    placeholder="mon,wed,fri  or a number of times a week",
                    compact=True,
                    id="routine-detail",
                )
            with Horizontal(classes="routine-row"):
                yield Label("When")
                when = item.time_of_day if item is not None else ""
                yield Select(WHEN, value=when, allow_blank=False, compact=True, id="routine-when")
            with Horizontal(classes="routine-row"):
                yield Label("For the need")
                yield Select(need_choices, value=need_value, allow_blank=False, compact=True, id="routine-need")
            yield Static("Ctrl+S saves · Esc cancels · ticks already made stay as they were", id="routine-message")
            with Horizontal(id="routine-buttons"):
                yield Button("Cancel", id="routine-cancel", compact=True)
                yield Button("Save", id="routine-save", variant="primary", compact=True)
        yield CalmFooter()

    def on_mount(self) -> None:
        self.query_one("#routine-text", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_save()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "routine-save":
            self.action_save()
        else:
            self.action_cancel()

    def _value(self, selector: str) -> str:
        value = self.query_one(selector, Select).value
        return value if isinstance(value, str) else ""

    def action_save(self) -> None:
        try:
            text = clean_item_text(self.query_one("#routine-text", Input).value)
            schedule = schedule_from_form(self._value("#routine-kind"), self.query_one("#routine-detail", Input).value)
        except ValueError as problem:
            self.query_one("#routine-message", Static).update(str(problem))
            return
        self.dismiss(
            RoutineDraft(
                text=text,
                category=self._value("#routine-category") or "mind",
                schedule=schedule,
                time_of_day=self._value("#routine-when"),
                need_id=self._value("#routine-need"),
            )
        )

    def action_cancel(self) -> None:
        """Esc: back at once, unless the words were changed (then ask first)."""
        from tui.ui.dialogs.leave_confirm import leave_or_ask

        changed = self.query_one("#routine-text", Input).value.strip() != self._initial_text.strip()
        leave_or_ask(self, changed, lambda: self.dismiss(None))
