"""The line ``heartwork checkin`` prints after saving, from plain values (cheap to import).

Shared by the full command (:mod:`tui.cli.commands.checkin`) and the quick
capture (:mod:`tui.cli.commands.capture_fast`), so both say exactly the same.
"""

from __future__ import annotations

TYPE_CHECKING = False  # importing typing costs the quick capture time; annotations only
if TYPE_CHECKING:
    from collections.abc import Sequence
    from datetime import datetime


def confirmation_line(
    *, at: datetime, pleasantness: int, energy: int | None, emotions: Sequence[str], tags: Sequence[str], note: str
) -> str:
    """One line saying what was saved."""
    from tui import content  # the labels: a small JSON content file (no TOML parser to load)

    labels = content.pleasantness_labels()
    parts = [f"{pleasantness} ({labels[pleasantness - 1].lower()})"]
    if energy is not None:
        parts.append(f"energy {energy}")
    if emotions:
        parts.append("feeling " + ", ".join(emotions))
    if tags:
        parts.append("tags " + ", ".join(tags))
    if note:
        parts.append("with a note")
    return f"Saved your check-in for {at:%a %-d %b %Y %H:%M}: " + "; ".join(parts) + "."
