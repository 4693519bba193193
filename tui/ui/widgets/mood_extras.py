"""The mood dashboard's extras: what the homework does, reflections and questionnaires.

A presentational widget: it shows what it is given (:meth:`MoodExtras.show`)
and, once the dashboard above it has drawn, posts :class:`MoodExtras.WantsData`
so the screen (through ``MoodExtrasController``) reads the store and fills it in.
"""

from __future__ import annotations

from collections.abc import Mapping

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message

from tui.core.homework_effects import HomeworkEffects
from tui.core.questionnaire import Questionnaire, QuestionnaireResult
from tui.core.reflection import Reflection, ReflectionQuestion
from tui.ui.widgets.homework_effects_panel import HomeworkEffectsPanel
from tui.ui.widgets.questionnaire_chart import QuestionnaireChart
from tui.ui.widgets.reflections_panel import ReflectionsPanel


class MoodExtras(Vertical):
    """Homework effects, recent reflections and questionnaire totals, stacked."""

    DEFAULT_CSS = """
    MoodExtras { height: auto; }
    MoodExtras > * { margin-bottom: 1; }
    """

    class WantsData(Message):
        """The extras are on screen and empty: the screen should read the store and call ``show``."""

        def __init__(self, extras: MoodExtras) -> None:
            super().__init__()
            self.extras = extras

        @property
        def control(self) -> MoodExtras:
            return self.extras

    def compose(self) -> ComposeResult:
        yield HomeworkEffectsPanel(id="extras-effects")
        yield ReflectionsPanel(id="extras-reflections")
        yield QuestionnaireChart(id="extras-questionnaires")

    def on_mount(self) -> None:
        # The panels sit below the fold: draw the dashboard first, then ask to be filled in.
        self.call_after_refresh(lambda: self.post_message(self.WantsData(self)))

    def show(
        self,
        effects: HomeworkEffects,
        reflections: list[Reflection],
        questions: list[ReflectionQuestion],
        results: Mapping[str, list[QuestionnaireResult]],
        questionnaires: Mapping[str, Questionnaire],
    ) -> None:
        """Redraw the three panels from what the screen read."""
        self.query_one(HomeworkEffectsPanel).show(effects)
        self.query_one(ReflectionsPanel).show(reflections, questions)
        self.query_one(QuestionnaireChart).show(results, questionnaires)
