"""The affirmation of the day: one seeded, weighted choice, the same all day.

Kept free of dataclasses and typing so ``heartwork affirm today`` (run from a
shell start-up file) can import it in a few milliseconds; the carousel, Home
and the shell all choose through :func:`choose_for_day`.
"""

from __future__ import annotations

import random


def day_weight_of(is_own: bool, favourite: bool, hidden: bool) -> int:
    """Own and favourite affirmations come up more often; hidden ones never."""
    if hidden:
        return 0
    return 1 + (2 if is_own else 0) + (2 if favourite else 0)


def choose_for_day(weighted: list[tuple[str, int]], ordinal: int) -> str | None:
    """The id chosen for the day with ``ordinal`` (``date.toordinal()``) from (id, weight) pairs."""
    candidates = sorted((pair for pair in weighted if pair[1] > 0), key=lambda pair: pair[0])
    if not candidates:
        return None
    rng = random.Random(ordinal)
    return rng.choices([pair[0] for pair in candidates], weights=[pair[1] for pair in candidates])[0]
