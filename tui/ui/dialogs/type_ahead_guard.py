"""A dialog that sets aside the keys typed in its first moment, so they never answer it.

A dialog that appears by itself (a question after a crash, the recovery code
after a passphrase is set) catches whatever the person was typing. Enter,
Space, Tab and the arrows are checked before the focused button sees them:
in the first ``guard_seconds`` (by the app's injected clock) they are set
aside; after that they do their usual work.
"""

from __future__ import annotations

import time

from textual.actions import SkipAction
from textual.binding import Binding

from tui.ui.base import HeartworkModal, ResultT

TYPE_AHEAD_GUARD_SECONDS = 0.6  # keys this soon after the dialog appears are not answers


def guard_bindings(answer: str) -> list[Binding]:
    """The guarded keys, with ``answer`` as the footer's word for Enter."""
    return [
        # Checked before the focused button sees them, so typed-ahead keys are set aside.
        Binding("enter,space", "type_ahead_guard", answer, priority=True),
        Binding("tab,right,down", "move(1)", "Next choice", priority=True),
        Binding("shift+tab,left,up", "move(-1)", "Previous", show=False, priority=True),
    ]


class GuardedModal(HeartworkModal[ResultT]):
    """A modal whose first moment of key presses is set aside (call :meth:`start_guard` on mount)."""

    guard_seconds: float = TYPE_AHEAD_GUARD_SECONDS
    _opened_at: float | None = None

    def start_guard(self) -> None:
        """From now, for ``guard_seconds``, the guarded keys are typed-ahead words."""
        self._opened_at = self._guard_now()

    def _guard_now(self) -> float:
        clock = getattr(self.app, "clock", None)
        return clock.monotonic() if clock is not None else time.monotonic()

    @property
    def guarding(self) -> bool:
        """True in the first moment after the dialog appeared, when keys are typed-ahead words."""
        return self._opened_at is None or self._guard_now() - self._opened_at < self.guard_seconds

    def action_type_ahead_guard(self) -> None:
        if not self.guarding:
            raise SkipAction()  # let the key do its usual work (press the focused button)

    def action_move(self, step: int) -> None:
        """Move between the answers, unless the key was typed ahead."""
        if self.guarding:
            return
        if step > 0:
            self.focus_next()
        else:
            self.focus_previous()
