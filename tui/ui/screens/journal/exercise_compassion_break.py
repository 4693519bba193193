"""The self-compassion break: three short steps, with an optional soothing-touch reminder."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Checkbox, Static

from tui.core.journal import KIND_COMPASSION_BREAK
from tui.core.journal_exercises import SOOTHING_FIELD_ID
from tui.ui.screens.journal.exercise_form import ExerciseFormScreen, _escape


class CompassionBreakScreen(ExerciseFormScreen):
    """The self-compassion break."""

    kind = KIND_COMPASSION_BREAK
    text_area_height = 2

    def compose_fields(self) -> ComposeResult:
        for number, question in enumerate(self.exercise.fields, start=1):
            yield Static(f"[b]{number}. {_escape(question.label)}[/b]", classes="exercise-label")
            yield Static(_escape(question.hint), classes="exercise-hint")

            area = self.answer_area(question.id, self.answers.get(question.id, ""))
            area.styles.height = self.text_area_height + 2
            yield area
        yield Static(_escape(self.exercise.extra), classes="exercise-hint exercise-touch")
        yield Checkbox(
            "I offered myself a soothing touch",
            value=bool(self.answers.get(SOOTHING_FIELD_ID)),
            id=f"field-{SOOTHING_FIELD_ID}",
        )

    def restore_widgets(self) -> None:
        super().restore_widgets()
        self.query_one(f"#field-{SOOTHING_FIELD_ID}", Checkbox).value = bool(self.answers.get(SOOTHING_FIELD_ID))
