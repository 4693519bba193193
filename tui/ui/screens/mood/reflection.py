"""Reflection: answer the look-back questions for a day (one record per day, editing updates it)."""

from __future__ import annotations

from datetime import date

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Header, Input, Label, Static, TextArea

from tui.content.reflection_questions import reflection_questions
from tui.core.dates import DateProblem, parse_user_date
from tui.core.reflection import MAX_ANSWER_CHARS
from tui.store.reflection_repository import ReflectionRepository
from tui.ui.base import HeartworkScreen
from tui.ui.store_errors import store_write
from tui.ui.widgets.calm_footer import CalmFooter


class ReflectionScreen(HeartworkScreen[bool]):
    """Four questions about how the homework is going; saved by date.

    Dismisses with True if anything was saved. Ctrl+S saves; Esc saves and
    goes back. The answers live in ``self.answers`` so they can be saved even
    after the widgets are gone (``save_pending``).
    """

    BINDINGS = [
        Binding("ctrl+s", "save", "Save"),
        Binding("escape", "close", "Save and go back"),
    ]

    DEFAULT_CSS = """
    ReflectionScreen #reflection-body { padding: 0 2; }
    ReflectionScreen #reflection-title { text-style: bold; margin-top: 1; }
    ReflectionScreen #reflection-intro { color: $text-muted; }
    ReflectionScreen #reflection-date-row { height: auto; margin: 1 0 0 0; }
    ReflectionScreen #reflection-date-row Label { padding: 1 1 0 0; }
    ReflectionScreen #reflection-date { width: 18; }
    ReflectionScreen #reflection-date-message { color: $text-muted; padding: 1 0 0 1; width: 1fr; }
    ReflectionScreen .reflection-question { margin-top: 1; color: $secondary; }
    ReflectionScreen .reflection-answer { height: 5; }
    """

    def __init__(self, day: date | None = None) -> None:
        super().__init__()
        self._initial_day = day
        self.day = ""
        self.answers: dict[str, str] = {}
        self.dirty = False
        self.questions = reflection_questions()
        self._loading = False

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="reflection-body"):
            yield Static("Looking back", id="reflection-title")
            yield Static(
                "A few honest lines are plenty. Skip any question you like; this is for you.",
                id="reflection-intro",
            )
            with Horizontal(id="reflection-date-row"):
                yield Label("Date")
                yield Input(placeholder="YYYY-MM-DD", id="reflection-date", max_length=10)
                yield Static("Enter opens that day", id="reflection-date-message")
            for question in self.questions:
                yield Static(question.text, classes="reflection-question", markup=False)
                yield TextArea(id=f"answer-{question.id}", classes="reflection-answer", soft_wrap=True)
        yield CalmFooter()

    @property
    def repository(self) -> ReflectionRepository:
        return self.store.repo(ReflectionRepository)

    def on_mount(self) -> None:
        today = self.clock.now().date()
        self.load_day(self._initial_day or today)
        self.query_one(f"#answer-{self.questions[0].id}", TextArea).focus()

    def load_day(self, day: date) -> None:
        """Show the saved answers for ``day`` (empty if none yet)."""
        self.day = day.isoformat()
        saved = self.repository.for_day(self.day)
        self.answers = dict(saved.answers) if saved else {}
        self.dirty = False
        self._loading = True
        try:
            for question in self.questions:
                self.query_one(f"#answer-{question.id}", TextArea).load_text(self.answers.get(question.id, ""))
        finally:
            self._loading = False
        self.query_one("#reflection-date", Input).value = self.day
        self.query_one("#reflection-title", Static).update(f"Looking back · {day:%A %-d %B %Y}")
        self.query_one("#reflection-date-message", Static).update(
            "Saved earlier; edit as you like." if saved else "Enter opens another day"
        )

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        if self._loading or not event.text_area.id or not event.text_area.id.startswith("answer-"):
            return
        text = event.text_area.text
        if len(text) > MAX_ANSWER_CHARS:
            event.text_area.load_text(text[:MAX_ANSWER_CHARS])
            self.notify(f"Each answer keeps up to {MAX_ANSWER_CHARS} characters.", timeout=4)
            text = text[:MAX_ANSWER_CHARS]
        question_id = event.text_area.id.removeprefix("answer-")
        if self.answers.get(question_id, "") == text:
            return  # e.g. the echo of load_text, which arrives after loading
        self.answers[question_id] = text
        self.dirty = True

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        message = self.query_one("#reflection-date-message", Static)
        try:
            wanted = parse_user_date(event.value)
        except DateProblem as problem:
            message.update(str(problem))
            return
        if wanted > self.clock.now().date():
            message.update("Reflections look back, so the date can be today or earlier.")
            return
        with store_write(self.app) as attempt:
            self.save_pending()
        if attempt.failed:
            return
        self.load_day(wanted)

    def save_pending(self) -> None:
        """Save the answers held in the model if they changed (also called on quit)."""
        if not self.dirty or not self.day:
            return
        self.repository.save_for_day(self.day, self.answers, self.clock.now())
        self.dirty = False

    def _save(self) -> bool:
        with store_write(self.app, "Not saved") as attempt:
            changed = self.dirty
            self.save_pending()
        if attempt.failed:
            return False
        if changed:
            self.notify(f"Saved your reflection for {date.fromisoformat(self.day):%-d %B}.", timeout=3)
        return True

    def action_save(self) -> None:
        self._save()

    def action_close(self) -> None:
        if self._save():
            self.dismiss(True)
