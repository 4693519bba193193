"""A letter to yourself from a kind friend: one roomy page with a few gentle hints."""

from __future__ import annotations

from tui.core.journal import KIND_KIND_LETTER
from tui.ui.screens.journal.exercise_form import ExerciseFormScreen


class KindLetterScreen(ExerciseFormScreen):
    """The kind-letter exercise."""

    kind = KIND_KIND_LETTER
    text_area_height = 10
