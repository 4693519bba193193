"""One way to delete anything: the same question, the same buttons, and undo right after.

:func:`confirm_delete` asks "Delete this check-in?" (or entry, affirmation,
routine, pattern) with a short detail cut at a word, on the shared
:class:`ConfirmScreen` with focus on "Keep it". On yes it runs the screen's
delete, which returns how to restore the record; the app then offers
"Deleted. Press u to undo." (see ``HeartworkApp.offer_undo``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from tui.core.shorten import shorten_at_word
from tui.ui.base import HeartworkScreen
from tui.ui.dialogs.confirm import ConfirmScreen
from tui.ui.store_errors import store_write

DETAIL_LIMIT = 60
UNDO_LINE = "You can undo this right after with u."


def delete_question(kind: str) -> str:
    """``Delete this check-in?``: the one wording for every delete."""
    return f"Delete this {kind}?"


def delete_detail(detail: str, note: str = "") -> str:
    """The thing's own words cut at a word (``“I was tired af…”``), an optional note, and the undo line."""
    lines = [f"“{shorten_at_word(detail, DETAIL_LIMIT)}”"] if detail.strip() else []
    if note:
        lines.append(note)
    lines.append(UNDO_LINE)
    return "\n".join(lines)


def confirm_delete(
    screen: HeartworkScreen[Any],
    kind: str,
    detail: str,
    delete: Callable[[], Callable[[], object] | None],
    *,
    note: str = "",
    after: Callable[[], None] | None = None,
) -> None:
    """Ask before deleting; on yes run ``delete`` (which returns how to restore, or None) and offer undo.

    ``after`` runs once the record is gone (the screen refreshes itself).
    A store error is shown and nothing is offered.
    """

    def answered(yes: bool | None) -> None:
        if not yes:
            return
        with store_write(screen.app, "Not deleted") as attempt:
            restore = delete()
        if attempt.failed:
            return
        if after is not None:
            after()
        if restore is not None:
            screen.heartwork.offer_undo(kind, restore)

    screen.app.push_screen(
        ConfirmScreen(delete_question(kind), "Delete", "Keep it", detail=delete_detail(detail, note)), answered
    )
