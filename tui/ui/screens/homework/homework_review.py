"""Review one assignment: how it went in the person's words, the numbers, and one step."""

from __future__ import annotations

from dataclasses import dataclass

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button, Input, Label, Select, Static

from tui.core.homework.assignment import Assignment
from tui.core.homework.review import REVIEW_QUESTIONS, STEPS
from tui.ui.base import HeartworkModal
from tui.ui.widgets.calm_footer import CalmFooter

STEP_WORDS = {
    "kept": "Keep it as it is",
    "frequency": "Change how often",
    "minutes": "Change how long",
    "focus": "Change the focus",
    "ended": "End it, with thanks",
}
STEP_HINTS = {
    "kept": "",
    "frequency": "daily, a number a week (3), or days (mon,thu)",
    "minutes": "minutes, for example 8",
    "focus": "the new focus, in your words",
    "ended": "",
}


@dataclass(frozen=True)
class ReviewDraft:
    """The answers, the chosen step and the new value as typed."""

    answers: dict[str, str]
    step: str
    value: str


class HomeworkReviewScreen(HeartworkModal[ReviewDraft | None]):
    """Ctrl+S saves the review; Esc goes back without changing anything."""

    BINDINGS = [Binding("escape", "cancel", "Cancel"), Binding("ctrl+s", "save", "Save")]

    DEFAULT_CSS = """
    HomeworkReviewScreen { align: center middle; }
    HomeworkReviewScreen #rv-sheet {
        width: 90%; max-width: 78; height: auto; max-height: 100%; padding: 0 2;
        border: round $primary; background: $surface;
    }
    HomeworkReviewScreen #rv-title { text-style: bold; margin-top: 1; }
    HomeworkReviewScreen .rv-facts { color: $text-muted; }
    HomeworkReviewScreen .rv-question { color: $secondary; }
    HomeworkReviewScreen .rv-row { height: auto; }
    HomeworkReviewScreen .rv-row Label { width: 10; }
    HomeworkReviewScreen .rv-row Input, HomeworkReviewScreen .rv-row Select { width: 1fr; }
    HomeworkReviewScreen #rv-message { color: $text-muted; }
    HomeworkReviewScreen #rv-buttons { height: auto; align-horizontal: right; }
    HomeworkReviewScreen #rv-buttons Button { margin-left: 2; }
    """

    def __init__(self, assignment: Assignment, adherence: str, mood: str) -> None:
        super().__init__()
        self._assignment = assignment
        self._adherence = adherence
        self._mood = mood

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="rv-sheet"):
            yield Static(f"Looking back at: {self._assignment.title}", id="rv-title", markup=False)
            yield Static(self._adherence, classes="rv-facts", markup=False)
            yield Static(self._mood, classes="rv-facts", markup=False)
            for key, question in REVIEW_QUESTIONS:
                yield Static(question, classes="rv-question", markup=False)
                yield Input(select_on_focus=False, compact=True, max_length=1000, id=f"rv-{key}")
            with Horizontal(classes="rv-row"):
                yield Label("Next step")
                steps = [(STEP_WORDS[s], s) for s in STEPS]
                yield Select(steps, value="kept", allow_blank=False, compact=True, id="rv-step")
            with Horizontal(classes="rv-row"):
                yield Label("New value")
                yield Input(select_on_focus=False, compact=True, max_length=400, id="rv-value")
            yield Static("Ctrl+S saves · Esc goes back", id="rv-message")
            with Horizontal(id="rv-buttons"):
                yield Button("Cancel", id="rv-cancel", compact=True)
                yield Button("Save review", id="rv-save", variant="primary", compact=True)
        yield CalmFooter()

    def on_mount(self) -> None:
        self.query_one("#rv-helped", Input).focus()

    def on_select_changed(self, event: Select.Changed) -> None:
        if isinstance(event.value, str):
            self.query_one("#rv-value", Input).placeholder = STEP_HINTS.get(event.value, "")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "rv-save":
            self.action_save()
        else:
            self.action_cancel()

    def show_problem(self, text: str) -> None:
        """Say what to fix (the screen checks the value)."""
        self.query_one("#rv-message", Static).update(text)

    def action_save(self) -> None:
        step = self.query_one("#rv-step", Select).value
        answers = {key: self.query_one(f"#rv-{key}", Input).value.strip() for key, _ in REVIEW_QUESTIONS}
        value = self.query_one("#rv-value", Input).value.strip()
        if step in ("frequency", "minutes", "focus") and not value:
            self.show_problem("Type the new value for this step, or choose to keep it as it is.")
            return
        self.dismiss(ReviewDraft(answers=answers, step=str(step), value=value))

    def action_cancel(self) -> None:
        self.dismiss(None)
