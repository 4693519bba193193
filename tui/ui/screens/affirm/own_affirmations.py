"""Writing, editing and deleting the person's own affirmations from the carousel.

Kept apart from the carousel screen so each file does one thing; every write
goes through ``store_write`` and a delete can be undone (``confirm_delete``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from tui.core.affirmations import (
    ALL,
    FAVOURITES,
    HIDDEN,
    MAX_AFFIRMATION_CHARS,
    MINE,
    TAGS,
    Affirmation,
    clean_affirmation_text,
)
from tui.store.affirmation_repository import AffirmationRepository
from tui.ui.dialogs.text_entry import TextEntryResult, TextEntryScreen
from tui.ui.store_errors import store_write

if TYPE_CHECKING:
    from tui.ui.screens.affirm.affirm import AffirmScreen

NO_TAG = "none"


def tag_choices() -> list[tuple[str, str]]:
    return [("No tag", NO_TAG), *((tag.replace("-", " ").capitalize(), tag) for tag in TAGS)]


def _tag_of(choice: str) -> str:
    return "" if choice == NO_TAG else choice


def add_own(screen: AffirmScreen) -> None:
    """Ask for a new affirmation (tagged like the filter or the one showing) and save it."""
    current = screen.carousel.current
    filter_name = screen.carousel.filter_name
    tag = filter_name if filter_name not in (ALL, FAVOURITES, MINE, HIDDEN) else ""

    def added(result: TextEntryResult | None) -> None:
        if result is None:
            return
        with store_write(screen.app, "Not saved") as attempt:
            saved = screen.store.repo(AffirmationRepository).add_own(
                result[0], _tag_of(result[1]), "own", at=screen.clock.now()
            )
        if attempt.failed:
            return
        if screen.carousel.filter_name in (FAVOURITES, HIDDEN):
            screen.carousel.filter_name = ALL
        screen.reload(keep_id=saved.id)
        screen.notify("Saved with your own affirmations.", timeout=3)

    screen.app.push_screen(
        TextEntryScreen(
            "Add your own affirmation: a sentence you would like to hear",
            placeholder="For example: I can take this one step at a time.",
            choices=tag_choices(),
            initial_choice=tag or (current.tag if current and current.is_own and current.tag in TAGS else NO_TAG),
            check=clean_affirmation_text,
            max_length=2 * MAX_AFFIRMATION_CHARS,  # longer is refused by the check, naming the limit
        ),
        added,
    )


def edit_own(screen: AffirmScreen, current: Affirmation) -> None:
    """Change the words or tag of one of the person's own affirmations."""
    item_id = current.id

    def edited(result: TextEntryResult | None) -> None:
        if result is None:
            return
        with store_write(screen.app, "Not saved") as attempt:
            screen.store.repo(AffirmationRepository).edit(item_id, result[0], _tag_of(result[1]))
        if attempt.failed:
            return
        screen.reload(keep_id=item_id)

    screen.app.push_screen(
        TextEntryScreen(
            "Edit your affirmation",
            initial=current.text,
            choices=tag_choices(),
            initial_choice=current.tag if current.tag in TAGS else NO_TAG,
            check=clean_affirmation_text,
            max_length=2 * MAX_AFFIRMATION_CHARS,  # longer is refused by the check, naming the limit
        ),
        edited,
    )


def delete_own(screen: AffirmScreen, current: Affirmation) -> None:
    """Ask, delete, and offer undo (the shared delete confirmation)."""
    from tui.ui.dialogs.delete_confirm import confirm_delete

    repository = screen.store.repo(AffirmationRepository)
    item = repository.get(current.id) or current

    def delete() -> Callable[[], object]:
        repository.delete(item.id)
        return lambda: repository.save(item)

    confirm_delete(screen, "affirmation", item.text, delete, after=screen.reload)
