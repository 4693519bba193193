"""Keys and actions that arrive while the database is still opening, kept in order and replayed once it is open.

Nothing typed or pasted during start-up is lost or acted on half-ready: a section key,
``c`` for a check-in or letters for a journal entry all wait here, then reach
the app exactly as if they had been pressed a moment later.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from textual import events

PASSED_THROUGH_KEYS = frozenset({"ctrl+q", "ctrl+c"})
"""Keys that work at once even while opening: leaving is never held back."""

IMMEDIATE_ACTIONS = frozenset({"quit", "bell"})
"""Actions that need no data and run at once."""


@dataclass
class HeldInput:
    """Key events and actions, in the order they came, until :meth:`release`."""

    held: list[events.Key | events.Paste | Callable[[], object]] = field(default_factory=list)

    def hold_key(self, event: events.Key) -> bool:
        """Keep ``event`` for later; False for keys that must act now."""
        if event.key in PASSED_THROUGH_KEYS:
            return False
        self.held.append(events.Key(event.key, event.character))
        return True

    def hold_paste(self, event: events.Paste) -> None:
        self.held.append(events.Paste(event.text))

    def hold_action(self, replay: Callable[[], object]) -> None:
        self.held.append(replay)

    def release(self, post_event: Callable[[events.Key | events.Paste], object]) -> None:
        """Replay everything held, in order: keys and pastes are posted again, actions scheduled."""
        held, self.held = self.held, []
        for item in held:
            if isinstance(item, (events.Key, events.Paste)):
                post_event(item)
            else:
                item()
