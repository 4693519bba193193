"""Answering the inner critic: the thought, how true it feels, a friend's answer, a kind reframe.

The reframe can be kept among the person's own affirmations with one key.
"""

from __future__ import annotations

from textual.binding import Binding

from tui.core.journal import KIND_INNER_CRITIC
from tui.store.affirmation_repository import AffirmationRepository
from tui.ui.screens.journal.exercise_form import ExerciseFormScreen
from tui.ui.store_errors import store_write

REFRAME_FIELD = "kind-reframe"


class InnerCriticScreen(ExerciseFormScreen):
    """The inner-critic exercise."""

    kind = KIND_INNER_CRITIC
    BINDINGS = [
        *ExerciseFormScreen.BINDINGS,
        Binding("ctrl+g", "keep_reframe", "Keep as affirmation"),
    ]

    def action_keep_reframe(self) -> None:
        text = " ".join(self.answers.get(REFRAME_FIELD, "").split())
        if not text:
            self.notify("Write a kinder way to put it first, then it can join your affirmations.")
            return
        repo = self.store.repo(AffirmationRepository)
        if repo.has_text(text):
            self.notify("This one is already among your affirmations.")
            return
        with store_write(self.app, "Not saved") as attempt:
            repo.add_own(text, "self-kindness", "reframe", at=self.clock.now())
        if attempt.failed:
            return
        self.notify("Added to your own affirmations.", title="Kept")
