"""The last delete, kept for a short while so it can be brought back.

Every delete in the app (check-ins, journal entries, affirmations, self-care
routines, breathing patterns) hands over how to restore what it removed;
the app keeps the newest one and ``u`` (or the palette's "Undo delete")
puts it back through its repository. No textual import: plain state.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

UNDO_SECONDS = 60.0
"""How long after a delete ``u`` brings it back (then ``u`` is an ordinary key again)."""


@dataclass(frozen=True)
class PendingUndo:
    """What was deleted (``kind``, e.g. "check-in"), how to restore it, and when (monotonic seconds)."""

    kind: str
    restore: Callable[[], object]
    deleted_at: float

    def is_fresh(self, now: float) -> bool:
        """True while the delete is recent enough to undo with one key."""
        return now - self.deleted_at <= UNDO_SECONDS
