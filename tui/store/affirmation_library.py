"""The whole affirmation library: built-in ones with the person's marks, then their own.

The one place the carousel, Home and the shell read affirmations from, and
the one place a favourite or hidden mark is set, whatever the source.
"""

from __future__ import annotations

from dataclasses import replace

from tui.content.affirmations import built_in_affirmations
from tui.core.affirmations import Affirmation
from tui.store.affirmation_marks_repository import AffirmationMarksRepository
from tui.store.affirmation_repository import AffirmationRepository
from tui.store.store import Store


def affirmation_library(store: Store) -> list[Affirmation]:
    """Built-in affirmations in file order (favourite and hidden as marked), then own ones oldest first."""
    marks = store.repo(AffirmationMarksRepository).marks()
    built_in = [
        replace(a, favourite=marks[a.id].favourite, hidden=marks[a.id].hidden) if a.id in marks else a
        for a in built_in_affirmations()
    ]
    return [*built_in, *store.repo(AffirmationRepository).own()]


def set_favourite(store: Store, affirmation: Affirmation, favourite: bool) -> None:
    """Star or unstar any affirmation, built-in or own."""
    if affirmation.is_own:
        store.repo(AffirmationRepository).set_favourite(affirmation.id, favourite)
    else:
        store.repo(AffirmationMarksRepository).mark(affirmation.id, favourite=favourite)


def set_hidden(store: Store, affirmation: Affirmation, hidden: bool) -> None:
    """Hide or unhide a built-in affirmation (own ones are edited or deleted instead)."""
    if affirmation.is_own:
        raise ValueError("Only built-in affirmations can be hidden.")
    store.repo(AffirmationMarksRepository).mark(affirmation.id, hidden=hidden)
