"""The mood dashboard's extras: what the homework does, reflections and questionnaires.

The dashboard mounts :class:`MoodExtras`, calls :meth:`MoodExtras.refresh_from_store`
when data changes, and binds ``r`` to :meth:`MoodExtras.open_reflection` and
``q`` to :meth:`MoodExtras.open_questionnaire`.
"""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.containers import Vertical

from tui.core.questionnaire import Questionnaire, load_questionnaires
from tui.core.reflection import reflection_questions
from tui.core.safe_text import visible_text
from tui.paths import user_questionnaires_dir
from tui.store.homework_effects_repository import load_homework_effects
from tui.store.questionnaire_repository import QuestionnaireRepository
from tui.store.reflection_repository import ReflectionRepository
from tui.widgets.homework_effects_panel import HomeworkEffectsPanel
from tui.widgets.questionnaire_chart import QuestionnaireChart
from tui.widgets.reflections_panel import ReflectionsPanel

LATEST_REFLECTIONS = 3


class MoodExtras(Vertical):
    """Homework effects, recent reflections and questionnaire totals, stacked."""

    DEFAULT_CSS = """
    MoodExtras { height: auto; }
    MoodExtras > * { margin-bottom: 1; }
    """

    def __init__(
        self,
        *,
        questionnaires_dir: Path | None = None,
        name: str | None = None,
        id: str | None = None,  # noqa: A002 - Textual's own parameter name
        classes: str | None = None,
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self._questionnaires_dir = questionnaires_dir

    @property
    def questionnaires_dir(self) -> Path:
        return self._questionnaires_dir if self._questionnaires_dir is not None else user_questionnaires_dir()

    def compose(self) -> ComposeResult:
        yield HomeworkEffectsPanel(id="extras-effects")
        yield ReflectionsPanel(id="extras-reflections")
        yield QuestionnaireChart(id="extras-questionnaires")

    def on_mount(self) -> None:
        # The panels sit below the fold: draw the dashboard first, then fill them in.
        self.call_after_refresh(self.refresh_from_store)

    def refresh_from_store(self) -> None:
        """Read everything again from ``self.app.store`` and redraw the three panels."""
        store = self.app.store  # type: ignore[attr-defined]
        self.query_one(HomeworkEffectsPanel).show(load_homework_effects(store.database))
        self.query_one(ReflectionsPanel).show(
            store.repo(ReflectionRepository).latest(LATEST_REFLECTIONS), reflection_questions()
        )
        questionnaires, _ = load_questionnaires(self.questionnaires_dir)
        self.query_one(QuestionnaireChart).show(
            store.repo(QuestionnaireRepository).by_questionnaire(), {q.id: q for q in questionnaires}
        )

    def _after_close(self, _: object = None) -> None:
        if self.is_attached:
            self.refresh_from_store()

    def open_reflection(self) -> None:
        """Push the reflection screen for today; refresh when it closes."""
        from tui.screens.reflection import ReflectionScreen

        self.app.push_screen(ReflectionScreen(), self._after_close)

    def open_questionnaire(self) -> None:
        """Choose a questionnaire (if there is more than one) and push it; refresh when it closes."""
        questionnaires, problems = load_questionnaires(self.questionnaires_dir)
        for problem in problems:
            self.notify(
                visible_text(f"Skipped {problem}"), title="Questionnaire file", severity="warning", timeout=10, markup=False
            )
        if len(questionnaires) == 1:
            self._start(questionnaires[0])
            return
        from tui.screens.questionnaire_picker import QuestionnairePickerScreen

        self.app.push_screen(QuestionnairePickerScreen(questionnaires), self._start)

    def _start(self, questionnaire: Questionnaire | None) -> None:
        if questionnaire is None:
            return
        from tui.screens.questionnaire import QuestionnaireScreen

        self.app.push_screen(QuestionnaireScreen(questionnaire), self._after_close)
