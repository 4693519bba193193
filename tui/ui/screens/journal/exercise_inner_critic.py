"""Answering the inner critic: the thought, how true it feels, a friend's answer, a kind reframe.

The reframe can be kept among the person's own affirmations with one key
(Ctrl+G). It arrives marked "from your journal" and linked to the entry: the
exercise is saved as an entry in the same write, so the link always leads
somewhere (the form stays open; saving again updates that same entry).
"""

from __future__ import annotations

from textual.binding import Binding

from tui.core import journal_exercises as exercises
from tui.core.journal import KIND_INNER_CRITIC
from tui.store.affirmation_repository import AffirmationRepository
from tui.store.journal_keeping import save_entry
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
        now = self.clock.now()
        entry = None
        if not exercises.validate_answers(self.exercise, self.answers):
            entry = exercises.to_entry(self.exercise, self.answers, now, existing=self.entry)
        with store_write(self.app, "Not saved") as attempt, self.store.database.written_together():
            if entry is not None:
                save_entry(self.store, entry, draft_slot=self.kind, now=now)
            repo.add_own(text, "self-kindness", "reframe", at=now, entry_id=entry.id if entry else "")
        if attempt.failed:
            return
        if entry is not None:
            self.entry, self._dirty = entry, False
            self.heartwork.data_changed()
            self.notify("Added to your own affirmations, linked to this entry in your journal.", title="Kept")
        else:
            self.notify("Added to your own affirmations.", title="Kept")
