"""The shared shape of the three guided exercises: a short form that becomes a journal entry.

Each answer is mirrored into ``self.answers`` as it is typed; unfinished
answers are kept as the exercise's own draft (after a pause in typing, on
leaving, on quit and on termination signals) and come back next time.
"""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.timer import Timer
from textual.widgets import Checkbox, Header, Input, Label, Static, TextArea

from tui.content.exercises import exercise_for
from tui.core import journal_exercises as exercises
from tui.core.journal import MAX_ENTRY_CHARS, JournalEntry
from tui.core.journal_exercises import Exercise
from tui.store.journal_draft_repository import JournalDraftRepository
from tui.store.journal_keeping import save_entry
from tui.store.journal_repository import JournalRepository
from tui.ui.base import HeartworkScreen
from tui.ui.store_errors import store_write
from tui.ui.widgets.calm_footer import CalmFooter
from tui.ui.widgets.capped_text_area import CappedTextArea

DRAFT_IDLE_SECONDS = 1.0


class ExerciseFormScreen(HeartworkScreen[None]):
    """A guided exercise as a form; subclasses name the exercise kind."""

    CSS_PATH = "../../styles/journal.tcss"
    BINDINGS = [
        Binding("ctrl+s", "save", "Save as entry", priority=True),
        Binding("escape", "back", "Back to the page"),
    ]
    kind: ClassVar[str]
    text_area_height: ClassVar[int] = 3

    def __init__(self, entry: JournalEntry | None = None) -> None:
        super().__init__()
        self.exercise: Exercise = exercise_for(self.kind)
        self.entry = entry
        self.answers: dict[str, str] = exercises.answers_from_entry(self.exercise, entry) if entry else {}
        self._dirty = False
        self._last_change_at = 0.0
        self._loading = True
        self._timer: Timer | None = None

    # -- building ----------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="exercise-body"):
            yield Static(f"[b]{_escape(self.exercise.title)}[/b]", classes="exercise-title")
            yield Static(_escape(self.exercise.intro), classes="exercise-intro")
            yield from self.compose_fields()
            yield Static(id="exercise-message")
        yield CalmFooter()

    def compose_fields(self) -> ComposeResult:
        for question in self.exercise.fields:
            yield Label(_escape(question.label), classes="exercise-label")
            yield Static(_escape(question.hint), classes="exercise-hint")
            value = self.answers.get(question.id, "")
            if question.kind == "belief":
                yield Input(
                    value, placeholder="0-100", id=f"field-{question.id}", classes="exercise-belief", max_length=4
                )
                yield Static(id=f"problem-{question.id}", classes="exercise-problem")
            else:
                area = self.answer_area(question.id, value)
                area.styles.height = self.text_area_height + 2
                yield area

    def answer_area(self, field_id: str, value: str) -> CappedTextArea:
        """A soft-wrapping answer box; together the answers stay within one entry's limit."""
        share = MAX_ENTRY_CHARS // max(1, len(self.exercise.fields))
        return CappedTextArea(value, id=f"field-{field_id}", max_length=share)

    @on(CappedTextArea.Refused)
    def _too_long(self, event: CappedTextArea.Refused) -> None:
        self.notify(
            event.explanation("answer"),
            title="Too long to add",
            severity="warning",
            timeout=8,
        )

    def on_mount(self) -> None:
        self.sub_title = self.exercise.title
        if self.entry is None:
            draft = self.store.repo(JournalDraftRepository).current(self.kind)
            if draft is not None:
                if draft.entry_id:  # unfinished changes to a saved entry: saving updates that entry
                    self.entry = self.store.repo(JournalRepository).get(draft.entry_id)
                self.answers = {key: "" if value is None else str(value) for key, value in draft.entry.fields.items()}
                self.restore_widgets()
                self.notify("Your unfinished answers are back, just as you left them.", title="Welcome back")
        self._loading = False
        self._timer = self.set_interval(0.25, self._autosave_tick)
        first = self.query("Input, TextArea").first()
        first.focus()
        if isinstance(first, TextArea):
            first.move_cursor(first.document.end)

    def restore_widgets(self) -> None:
        for question in self.exercise.fields:
            value = self.answers.get(question.id, "")
            widget = self.query_one(f"#field-{question.id}")
            if isinstance(widget, Input):
                widget.value = value
            elif isinstance(widget, TextArea):
                widget.load_text(value)

    # -- the model follows the widgets ------------------------------------------------

    def _field_id(self, widget_id: str | None) -> str | None:
        if widget_id and widget_id.startswith("field-"):
            return widget_id[len("field-") :]
        return None

    @on(TextArea.Changed)
    def _text_changed(self, event: TextArea.Changed) -> None:
        field_id = self._field_id(event.text_area.id)
        if field_id:
            self.answers[field_id] = event.text_area.text
            self._changed()

    @on(Input.Changed)
    def _input_changed(self, event: Input.Changed) -> None:
        field_id = self._field_id(event.input.id)
        if field_id:
            self.answers[field_id] = event.value
            self._show_problem(field_id)
            self._changed()

    @on(Checkbox.Changed)
    def _checkbox_changed(self, event: Checkbox.Changed) -> None:
        field_id = self._field_id(event.checkbox.id)
        if field_id:
            self.answers[field_id] = "yes" if event.value else ""
            self._changed()

    @on(Input.Submitted)
    def _next_field(self, event: Input.Submitted) -> None:
        event.stop()
        self.focus_next()

    def _show_problem(self, field_id: str) -> None:
        try:
            problem_widget = self.query_one(f"#problem-{field_id}", Static)
        except Exception:
            return
        problem = exercises.validate_answers(self.exercise, {field_id: self.answers.get(field_id, "")}).get(field_id)
        problem_widget.update(problem or "")

    def _changed(self) -> None:
        if self._loading:
            return
        self._dirty = True
        self._last_change_at = self.clock.monotonic()

    # -- drafts --------------------------------------------------------------------

    def _draft_entry(self) -> JournalEntry:
        base = self.entry or JournalEntry.new(self.clock.now())
        return JournalEntry(
            id=base.id,
            created_at=base.created_at,
            updated_at=base.updated_at,
            entry_date=base.entry_date,
            kind=self.kind,
            title=base.title,
            fields=dict(self.answers),
        )

    def _autosave_tick(self) -> None:
        if self._dirty and self.clock.monotonic() - self._last_change_at >= DRAFT_IDLE_SECONDS:
            self.save_pending()

    def save_pending(self) -> None:
        """Keep unfinished answers as this exercise's draft."""
        if not self._dirty:
            return
        with store_write(self.app, "Draft not saved") as attempt:
            self.store.repo(JournalDraftRepository).keep(
                self._draft_entry(), self.entry.id if self.entry else None, slot=self.kind
            )
        if attempt.failed:
            return
        self._dirty = False

    def on_screen_suspend(self) -> None:
        self.save_pending()

    # -- actions ---------------------------------------------------------------------

    def action_save(self) -> None:
        problems = exercises.validate_answers(self.exercise, self.answers)
        if problems:
            for field_id in problems:
                self._show_problem(field_id)
            first = next(iter(problems))
            self.query_one(f"#field-{first}").focus()
            self.notify(next(iter(problems.values())), title="Not saved yet", severity="warning")
            return
        now = self.clock.now()
        entry = exercises.to_entry(self.exercise, self.answers, now, existing=self.entry)
        if entry.is_empty():
            self.notify("There is nothing to save yet. Even one line is enough.", title="Nothing saved")
            return
        with store_write(self.app, "Not saved") as attempt:
            save_entry(self.store, entry, draft_slot=self.kind, now=now)  # entry and cleared draft in one write
        if attempt.failed:
            return
        self._dirty = False
        self.app.notify("Saved to your journal. Thank you for taking this time.", title="Saved")
        self.heartwork.data_changed()
        self.dismiss(None)

    def action_back(self) -> None:
        unsaved_words = self._dirty and any(value.strip() for value in self.answers.values())
        self.save_pending()
        if unsaved_words:
            self.app.notify("Your answers are kept; they will be here when you open this exercise again.", title="Kept")
        self.dismiss(None)


def _escape(text: str) -> str:
    return text.replace("[", r"\[")
