"""Add or edit a piece of homework: what, which one, how often, how long, focus, dates, what was agreed."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button, Input, Label, Select, Static

from tui.core.homework.assignment import FREQUENCIES, KIND_TITLES, KINDS, Assignment, Frequency
from tui.core.homework.form import day_from_form, frequency_detail, frequency_from_form, minutes_from_form
from tui.ui.base import HeartworkModal
from tui.ui.widgets.calm_footer import CalmFooter

HOW_OFTEN_WORDS = {"daily": "Every day", "weekdays": "On chosen weekdays", "times-a-week": "Some times a week"}
TARGET_HINTS = {
    "breathing": "a pattern: box, 4-7-8, coherent, sigh (empty: any)",
    "meditation": "a guide id (empty: any guide)",
    "journal": "inner-critic, compassion-break, kind-letter, free or a prompt id",
    "affirmation": "(nothing needed)",
    "selfcare": "the self-care routine's name, as in Self-care",
    "questionnaire": "a questionnaire id (empty: any)",
    "free-text": "(nothing needed: you tick it yourself)",
}


@dataclass(frozen=True)
class HomeworkDraft:
    """What the form hands back, checked."""

    kind: str
    title: str
    target: str
    frequency: Frequency
    minutes: int
    focus: str
    start: str
    review: str
    agreed: str


class HomeworkFormScreen(HeartworkModal[HomeworkDraft | None]):
    """Ctrl+S or Save keeps it; Esc goes back. Practice already done is never touched by a change here."""

    BINDINGS = [Binding("escape", "cancel", "Cancel"), Binding("ctrl+s", "save", "Save")]

    DEFAULT_CSS = """
    HomeworkFormScreen { align: center middle; }
    HomeworkFormScreen #hw-sheet {
        width: 90%; max-width: 78; height: auto; max-height: 100%; padding: 0 2;
        border: round $primary; background: $surface;
    }
    HomeworkFormScreen #hw-title { text-style: bold; margin-top: 1; }
    HomeworkFormScreen .hw-row { height: auto; }
    HomeworkFormScreen .hw-row Label { width: 14; }
    HomeworkFormScreen .hw-row Input, HomeworkFormScreen .hw-row Select { width: 1fr; }
    HomeworkFormScreen #hw-message { color: $text-muted; }
    HomeworkFormScreen #hw-buttons { height: auto; align-horizontal: right; }
    HomeworkFormScreen #hw-buttons Button { margin-left: 2; }
    """

    def __init__(self, title: str, today: date, item: Assignment | None = None) -> None:
        super().__init__()
        self._title = title
        self._today = today
        self._item = item

    def _row(self, label: str, widget: Input | Select[str]) -> ComposeResult:
        with Horizontal(classes="hw-row"):
            yield Label(label)
            yield widget

    def compose(self) -> ComposeResult:
        item = self._item
        kind = item.kind if item else "breathing"
        start = item.start if item else self._today.isoformat()
        review = item.review if item else (self._today + timedelta(days=14)).isoformat()
        with VerticalScroll(id="hw-sheet"):
            yield Static(self._title, id="hw-title", markup=False)
            kinds = [(KIND_TITLES[k], k) for k in KINDS]
            yield from self._row("What", Select(kinds, value=kind, allow_blank=False, compact=True, id="hw-kind"))
            yield from self._row("Which one", self._input(item.target if item else "box", "hw-target"))
            yield from self._row("Name", self._input(item.title if item else "", "hw-name", "Box breathing"))
            how = [(HOW_OFTEN_WORDS[f], f) for f in FREQUENCIES]
            freq = item.frequency if item else Frequency()
            yield from self._row("How often", Select(how, value=freq.how, allow_blank=False, compact=True, id="hw-how"))
            yield from self._row("Which days", self._input(frequency_detail(freq), "hw-days", "mon,thu  or  3"))
            yield from self._row("Minutes", self._input(str(item.minutes) if item else "5", "hw-minutes"))
            yield from self._row("Focus", self._input(item.focus if item else "", "hw-focus", "a slow out-breath"))
            yield from self._row("Starts", self._input(start, "hw-start"))
            yield from self._row("Review on", self._input(review, "hw-review"))
            agreed = item.agreed if item else ""
            yield from self._row("Agreed", self._input(agreed, "hw-agreed", "what you and your therapist agreed"))
            yield Static(TARGET_HINTS[kind], id="hw-hint", markup=False)
            yield Static("Ctrl+S saves · Esc cancels", id="hw-message")
            with Horizontal(id="hw-buttons"):
                yield Button("Cancel", id="hw-cancel", compact=True)
                yield Button("Save", id="hw-save", variant="primary", compact=True)
        yield CalmFooter()

    def _input(self, value: str, widget_id: str, placeholder: str = "") -> Input:
        return Input(value, placeholder=placeholder, select_on_focus=False, compact=True, max_length=400, id=widget_id)

    def on_mount(self) -> None:
        self.query_one("#hw-kind", Select).focus()

    def on_select_changed(self, event: Select.Changed) -> None:
        if event.select.id == "hw-kind" and isinstance(event.value, str):
            self.query_one("#hw-hint", Static).update(TARGET_HINTS.get(event.value, ""))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_save()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "hw-save":
            self.action_save()
        else:
            self.action_cancel()

    def _text(self, widget_id: str) -> str:
        return self.query_one(f"#{widget_id}", Input).value.strip()

    def _choice(self, widget_id: str) -> str:
        value = self.query_one(f"#{widget_id}", Select).value
        return value if isinstance(value, str) else ""

    def action_save(self) -> None:
        kind = self._choice("hw-kind") or "breathing"
        try:
            frequency = frequency_from_form(self._choice("hw-how"), self._text("hw-days"))
            minutes = minutes_from_form(self._text("hw-minutes"))
            start = day_from_form(self._text("hw-start"), "start date", required=True)
            review = day_from_form(self._text("hw-review"), "review date")
        except ValueError as problem:
            self.query_one("#hw-message", Static).update(str(problem))
            return
        target = "" if kind in ("affirmation", "free-text") else self._text("hw-target")
        title = self._text("hw-name") or (f"{KIND_TITLES[kind]}: {target}" if target else KIND_TITLES[kind])
        self.dismiss(
            HomeworkDraft(
                kind=kind,
                title=title,
                target=target,
                frequency=frequency,
                minutes=minutes if kind in ("breathing", "meditation") else 0,
                focus=self._text("hw-focus"),
                start=start,
                review=review,
                agreed=self._text("hw-agreed"),
            )
        )

    def action_cancel(self) -> None:
        self.dismiss(None)
