"""Options for ``heartwork breathe``: --pattern NAME and --minutes N or --cycles N.

Plain value checks happen in argparse (one line, exit code 2); the pattern name
is checked against the built-ins and the person's own patterns once the store
is open. No textual import here.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from tui.core.breathing_limits import (
    BUILTIN_KEYS,
    MAX_CYCLES,
    MAX_MINUTES,
    MIN_CYCLES,
    MIN_MINUTES,
)

if TYPE_CHECKING:
    from tui.store.store import Store


def _whole_number_between(low: int, high: int, unit: str) -> type[int]:
    def check(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(
                f"{unit} must be a whole number from {low} to {high}, not {text!r}"
            ) from None
        if not low <= value <= high:
            raise argparse.ArgumentTypeError(f"{unit} must be from {low} to {high}, not {value}")
        return value

    check.__name__ = unit
    return check  # type: ignore[return-value]


minutes_value = _whole_number_between(MIN_MINUTES, MAX_MINUTES, "minutes")
cycles_value = _whole_number_between(MIN_CYCLES, MAX_CYCLES, "cycles")


def add_breathe_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--pattern",
        dest="breathe_pattern",
        metavar="NAME",
        default=None,
        help="start a session right away: box, 4-7-8, coherent, sigh, or one of your own patterns",
    )
    length = parser.add_mutually_exclusive_group()
    length.add_argument(
        "--minutes",
        dest="breathe_minutes",
        type=minutes_value,
        default=None,
        metavar="N",
        help="session length, 1-30 minutes",
    )
    length.add_argument(
        "--cycles",
        dest="breathe_cycles",
        type=cycles_value,
        default=None,
        metavar="N",
        help="session length, 1-100 cycles",
    )


def known_pattern_names(store: Store) -> list[str]:
    from tui.store.breathing_pattern_repository import BreathingPatternRepository

    return [*BUILTIN_KEYS, *(pattern.name for pattern in store.repo(BreathingPatternRepository).sorted_by_name())]


def check_breathe_pattern(args: argparse.Namespace, store: Store) -> str | None:
    """An error line for an unknown --pattern, listing the known names; None when fine."""
    name = getattr(args, "breathe_pattern", None)
    if name is None:
        return None
    known = known_pattern_names(store)
    if name.strip().casefold() in {known_name.strip().casefold() for known_name in known}:
        return None
    return f"unknown breathing pattern {name!r}; known patterns: {', '.join(known)}"
