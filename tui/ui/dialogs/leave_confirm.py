"""Esc in a form: back at once when nothing would be lost, otherwise ask first.

Forms that keep what was written (journal drafts, exercises, reflections,
settings) just go back. Forms whose input exists nowhere else until it is
saved (check-in, questionnaire, text and pattern dialogs) call
:func:`leave_or_ask`, which asks on the shared :class:`ConfirmScreen` with
focus on "Keep editing", the choice that loses nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.screen import Screen

from tui.ui.dialogs.confirm import ConfirmScreen

LEAVE_QUESTION = "Leave without saving?"
LEAVE_DETAIL = "What you wrote here will not be kept."


def leave_or_ask(
    screen: Screen[Any],
    changed: bool,
    leave: Callable[[], object],
    *,
    detail: str = LEAVE_DETAIL,
    stay: str = "Keep editing",
) -> None:
    """Run ``leave`` now if nothing ``changed``; otherwise only after the person says so."""
    if not changed:
        leave()
        return

    def answered(yes: bool | None) -> None:
        if yes:
            leave()

    screen.app.push_screen(ConfirmScreen(LEAVE_QUESTION, "Leave", stay, detail=detail), answered)
