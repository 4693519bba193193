"""The controller behind the mood dashboard's extras: read the store, fill the widget, open the forms.

The :class:`~tui.ui.widgets.mood_extras.MoodExtras` widget only shows what it is
given. The screen that hosts it owns one controller, which reads homework
effects, reflections and questionnaire results through the store, and opens the
reflection and questionnaire screens (refreshing the extras when they close).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tui.content.questionnaires import load_questionnaires
from tui.content.reflection_questions import reflection_questions
from tui.core.questionnaire import Questionnaire
from tui.core.safe_text import visible_text
from tui.paths import user_questionnaires_dir
from tui.store.homework_effects_repository import load_homework_effects
from tui.store.questionnaire_repository import QuestionnaireRepository
from tui.store.reflection_repository import ReflectionRepository
from tui.ui.base import HeartworkScreen
from tui.ui.widgets.mood_extras import MoodExtras

LATEST_REFLECTIONS = 3


class MoodExtrasController:
    """Fills one screen's :class:`MoodExtras` from the store and opens its forms."""

    def __init__(self, screen: HeartworkScreen[Any], questionnaires_dir: Path | None = None) -> None:
        self.screen = screen
        self._questionnaires_dir = questionnaires_dir

    @property
    def questionnaires_dir(self) -> Path:
        return self._questionnaires_dir if self._questionnaires_dir is not None else user_questionnaires_dir()

    def refresh(self) -> None:
        """Read everything again from the store and redraw the extras (if they are mounted)."""
        extras = self.screen.query(MoodExtras)
        if not extras:
            return
        store = self.screen.store
        questionnaires, _ = load_questionnaires(self.questionnaires_dir)
        extras.first().show(
            load_homework_effects(store.database),
            store.repo(ReflectionRepository).latest(LATEST_REFLECTIONS),
            reflection_questions(),
            store.repo(QuestionnaireRepository).by_questionnaire(),
            {q.id: q for q in questionnaires},
        )

    def _after_close(self, _: object = None) -> None:
        self.refresh()

    def open_reflection(self) -> None:
        """Push the reflection screen for today; refresh when it closes."""
        from tui.ui.screens.mood.reflection import ReflectionScreen

        self.screen.heartwork.push_screen(ReflectionScreen(), self._after_close)

    def open_questionnaire(self) -> None:
        """Choose a questionnaire (if there is more than one) and push it; refresh when it closes."""
        questionnaires, problems = load_questionnaires(self.questionnaires_dir)
        for problem in problems:
            self.screen.heartwork.notify(
                visible_text(f"Skipped {problem}"),
                title="Questionnaire file",
                severity="warning",
                timeout=10,
                markup=False,
            )
        if len(questionnaires) == 1:
            self._start(questionnaires[0])
            return
        from tui.ui.screens.mood.questionnaire_picker import QuestionnairePickerScreen

        self.screen.heartwork.push_screen(QuestionnairePickerScreen(questionnaires), self._start)

    def _start(self, questionnaire: Questionnaire | None) -> None:
        if questionnaire is None:
            return
        from tui.ui.screens.mood.questionnaire import QuestionnaireScreen

        self.screen.heartwork.push_screen(QuestionnaireScreen(questionnaire), self._after_close)
