"""How long something took, in words a person reads at a glance.

One formatter for every duration shown in sentences: under a minute in whole
seconds ("19 seconds", never "0.3 min"), then minutes ("2.5 min", "12 min"),
then hours ("1 h 5 min"). ``format_clock`` in :mod:`tui.core.breathing` stays
for the running ``2:05`` timer.
"""

from __future__ import annotations


def _seconds(count: int) -> str:
    return f"{count} second" if count == 1 else f"{count} seconds"


def duration_text(seconds: float) -> str:
    """``19 seconds``, ``1 min``, ``2.5 min``, ``12 min``, ``1 h 5 min`` (never negative)."""
    whole = max(0, round(seconds))
    if whole < 60:
        return _seconds(whole)
    minutes = whole / 60
    if minutes < 10:
        shown = f"{minutes:.1f}".rstrip("0").rstrip(".")
        return f"{shown} min"
    if minutes < 59.5:
        return f"{round(minutes)} min"
    hours, rest = divmod(round(minutes), 60)
    return f"{hours} h {rest} min" if rest else f"{hours} h"


def part_of_text(done: float, planned: float) -> str:
    """How much of a plan was done, plainly: ``15 of 16 seconds``, ``1.5 of 4 min``, ``45 seconds of 4 min``."""
    done_text, planned_text = duration_text(min(done, planned)), duration_text(planned)
    done_number, _, done_unit = done_text.partition(" ")
    planned_number, _, planned_unit = planned_text.partition(" ")
    if done_unit == planned_unit or (done_unit == "second" and planned_unit == "seconds"):
        return f"{done_number} of {planned_number} {planned_unit}"
    return f"{done_text} of {planned_text}"
