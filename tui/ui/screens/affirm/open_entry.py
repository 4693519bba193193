"""Opening the journal entry an affirmation was kept from (``o`` in the carousel)."""

from __future__ import annotations

from typing import Any

from tui.core.journal import KIND_FREE
from tui.store.journal_repository import JournalRepository
from tui.ui.base import HeartworkScreen


def open_journal_entry(screen: HeartworkScreen[Any], entry_id: str) -> None:
    """Show the entry over the carousel (Esc comes back); say so kindly if it is gone."""
    entry = screen.store.repo(JournalRepository).get(entry_id)
    if entry is None:
        screen.notify("That journal entry is no longer there; the affirmation stays yours.", timeout=4)
        return
    from tui.ui.screens.journal.exercise_compassion_break import CompassionBreakScreen
    from tui.ui.screens.journal.exercise_inner_critic import InnerCriticScreen
    from tui.ui.screens.journal.exercise_kind_letter import KindLetterScreen

    screens = {
        "inner-critic": InnerCriticScreen,
        "compassion-break": CompassionBreakScreen,
        "kind-letter": KindLetterScreen,
    }
    exercise = screens.get(entry.kind)
    if exercise is not None and entry.kind != KIND_FREE:
        screen.app.push_screen(exercise(entry))
        return

    async def show_in_journal() -> None:
        await screen.app.switch_mode("journal")
        journal = screen.app.screen
        load = getattr(journal, "load_entry", None)
        if load is not None:
            load(entry, entry.id)

    screen.app.call_later(show_in_journal)
