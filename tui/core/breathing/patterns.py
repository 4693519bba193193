"""Breathing patterns: phases, the built-in keys and limits, and a person's own pattern.

Everything here is plain Python so it can be tested without a terminal. The
screen asks :meth:`Schedule.phase_at` what to show for the time elapsed on an
injected monotonic clock; it never counts timer ticks.

Timing rules (exact, and relied on by the tests):

* One cycle is the pattern's phases in order. Phases of zero seconds are
  skipped: they are never shown.
* Phase ``i`` of cycle ``k`` (0-based) starts at ``k * cycle_seconds +
  prefix[i]``, where ``prefix[i]`` is the sum of the seconds of the phases
  before ``i`` (added in order). A phase is current from its start
  (inclusive) to the next start (exclusive).
* A session is a whole number of cycles. A session asked for in minutes
  becomes ``round(minutes * 60 / cycle_seconds)`` cycles, at least one, so it
  never ends in the middle of a breath.
* Pausing shifts the rest of the schedule by the length of the pause.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from tui.core.breathing.formatting import format_seconds
from tui.core.breathing_limits import (  # noqa: F401
    BUILTIN_KEYS,
    MAX_CYCLES,
    MAX_MINUTES,
    MIN_CYCLES,
    MIN_MINUTES,
)

PHASE_KINDS: tuple[str, ...] = ("inhale", "hold", "exhale", "top-up")

MAX_PHASE_SECONDS = 20.0
MAX_NAME_LENGTH = 40
GET_READY_SECONDS = 3.0

COHERENT_MIN_BPM = 4.5
COHERENT_MAX_BPM = 7.0
COHERENT_DEFAULT_BPM = 5.5

CUSTOM_SAFETY = "If you feel light-headed or uneasy, stop and breathe in your own easy way."


@dataclass(frozen=True)
class Phase:
    """One part of a breath: what to do and for how many seconds."""

    kind: str
    seconds: float


@dataclass(frozen=True)
class Pattern:
    """A breathing pattern: one cycle of phases, with its words and defaults."""

    key: str
    name: str
    phases: tuple[Phase, ...]
    summary: str = ""
    safety: str = CUSTOM_SAFETY
    suggested_cycles: int = 0
    suggested_minutes: int = 3
    custom: bool = False
    id: str = ""

    @property
    def cycle_seconds(self) -> float:
        """Seconds in one cycle (zero-length phases add nothing)."""
        total = 0.0
        for phase in self.phases:
            total += phase.seconds
        return total

    @property
    def active_phases(self) -> tuple[Phase, ...]:
        """The phases that are actually shown (longer than zero)."""
        return tuple(phase for phase in self.phases if phase.seconds > 0)

    def timings_text(self) -> str:
        """E.g. ``in 4 · hold 7 · out 8`` (zero-length phases left out)."""
        short = {"inhale": "in", "hold": "hold", "exhale": "out", "top-up": "top up"}
        parts = [f"{short.get(p.kind, p.kind)} {format_seconds(p.seconds)}" for p in self.active_phases]
        return " · ".join(parts) if parts else "no timings"

    def breaths_per_minute(self) -> float:
        return 60.0 / self.cycle_seconds if self.cycle_seconds > 0 else 0.0


# -- built-in patterns ----------------------------------------------------------


def clamp_bpm(breaths_per_minute: float) -> float:
    return min(COHERENT_MAX_BPM, max(COHERENT_MIN_BPM, round(breaths_per_minute * 2) / 2))


def with_coherent_pace(pattern: Pattern, breaths_per_minute: float) -> Pattern:
    """Coherent breathing at ``breaths_per_minute`` (4.5-7): equal in and out."""
    half = 60.0 / clamp_bpm(breaths_per_minute) / 2
    return replace(pattern, phases=(Phase("inhale", half), Phase("exhale", half)))


def coherent_pace_of(pattern: Pattern) -> float:
    """The breaths per minute of a coherent pattern (clamped to the allowed range)."""
    return clamp_bpm(pattern.breaths_per_minute()) if pattern.cycle_seconds > 0 else COHERENT_DEFAULT_BPM


def with_sigh_parts(pattern: Pattern, inhale: float, top_up: float, exhale: float) -> Pattern:
    """Cyclic sighing with its three parts set."""
    return replace(pattern, phases=(Phase("inhale", inhale), Phase("top-up", top_up), Phase("exhale", exhale)))


# -- validation of typed-in timings ----------------------------------------------


def custom_pattern_key(pattern_id: str) -> str:
    """The key sessions with a person's own pattern are saved under."""
    return f"custom:{pattern_id}"


def custom_pattern(name: str, phases: Sequence[Phase], pattern_id: str) -> Pattern:
    """A person's own pattern (already validated)."""
    return Pattern(
        key=custom_pattern_key(pattern_id),
        name=name,
        phases=tuple(phases),
        summary="Your own pattern.",
        safety=CUSTOM_SAFETY,
        suggested_cycles=0,
        suggested_minutes=3,
        custom=True,
        id=pattern_id,
    )


# -- the schedule ----------------------------------------------------------------


# -- a running session -------------------------------------------------------------


def find_pattern(name: str, patterns: Sequence[Pattern]) -> Pattern | None:
    """A pattern by built-in key (box, 4-7-8, coherent, sigh) or by name, ignoring case."""
    wanted = name.strip().casefold()
    for pattern in patterns:
        if not pattern.custom and pattern.key.casefold() == wanted:
            return pattern
    for pattern in patterns:
        if pattern.name.strip().casefold() == wanted:
            return pattern
    return None
