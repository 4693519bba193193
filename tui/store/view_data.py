"""What the app's screens read first, built once per load in the opening worker (issues 12.3 and 12.4).

The launcher calls :func:`prepare_first_views` before the app shows the data
(Home's sparkline and "so far today" need them at once) and
:func:`warm_up_later_views` just after the first fill (the journal's list and
search, the mood dashboard's homework effects). Both hand the memory their
passes freed back to the system, so what stays is what the views hold. The
memory benchmark calls these same functions.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from tui.store.free_memory import give_back_memory

if TYPE_CHECKING:
    from tui.store.store import Store


def prepare_first_views(store: Store, today: date) -> None:
    """Check every record once, and build the per-day mood aggregate and today's figures."""
    from tui.store.checkin_repository import CheckinRepository
    from tui.store.today_repository import summarize_day

    store.database.unreadable_records()  # every record checked once, here (the app says if any were set aside)
    store.repo(CheckinRepository).mood_days()
    summarize_day(store.database, today)  # Home's "so far today", folded once, here
    give_back_memory()


def warm_up_later_views(store: Store) -> None:
    """Build the journal's list and search index and the homework effects ahead of need."""
    from tui.store.homework_effects_repository import load_homework_effects
    from tui.store.journal_repository import JournalRepository

    store.repo(JournalRepository).warm_up()
    load_homework_effects(store.database)
    give_back_memory()
