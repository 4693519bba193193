"""Guided breathing: patterns, the exact schedule of a session, and its record.

Everything here is plain Python so it can be tested without a terminal. The
screen asks :meth:`Schedule.phase_at` what to show for the time elapsed on an
injected monotonic clock; it never counts timer ticks. One job per module:

* ``patterns``: phases, patterns and a person's own pattern;
* ``validation``: checking a typed pattern form;
* ``schedule``: the exact timing of a session;
* ``session``: a running session and its saved record;
* ``formatting``: numbers as they read on screen.
"""

from __future__ import annotations

from tui.core.breathing.formatting import format_clock, format_pace, format_seconds
from tui.core.breathing.patterns import (
    COHERENT_DEFAULT_BPM,
    COHERENT_MAX_BPM,
    COHERENT_MIN_BPM,
    CUSTOM_SAFETY,
    GET_READY_SECONDS,
    MAX_NAME_LENGTH,
    MAX_PHASE_SECONDS,
    PHASE_KINDS,
    Pattern,
    Phase,
    clamp_bpm,
    coherent_pace_of,
    custom_pattern,
    custom_pattern_key,
    find_pattern,
    with_coherent_pace,
    with_sigh_parts,
)
from tui.core.breathing.schedule import PhaseState, Schedule, breath_level, ease_in_out
from tui.core.breathing.session import BreathingRecord, BreathingSession, record_summary
from tui.core.breathing.validation import (
    CUSTOM_FIELDS,
    SIGH_FIELDS,
    TimingField,
    ValidationResult,
    parse_seconds,
    validate_timings,
)
from tui.core.breathing_limits import (
    BUILTIN_KEYS,
    MAX_CYCLES,
    MAX_MINUTES,
    MIN_CYCLES,
    MIN_MINUTES,
)

__all__ = [
    "BUILTIN_KEYS",
    "COHERENT_DEFAULT_BPM",
    "COHERENT_MAX_BPM",
    "COHERENT_MIN_BPM",
    "CUSTOM_FIELDS",
    "CUSTOM_SAFETY",
    "GET_READY_SECONDS",
    "MAX_CYCLES",
    "MAX_MINUTES",
    "MAX_NAME_LENGTH",
    "MAX_PHASE_SECONDS",
    "MIN_CYCLES",
    "MIN_MINUTES",
    "PHASE_KINDS",
    "SIGH_FIELDS",
    "BreathingRecord",
    "BreathingSession",
    "Pattern",
    "Phase",
    "PhaseState",
    "Schedule",
    "TimingField",
    "ValidationResult",
    "breath_level",
    "clamp_bpm",
    "coherent_pace_of",
    "custom_pattern",
    "custom_pattern_key",
    "ease_in_out",
    "find_pattern",
    "format_clock",
    "format_pace",
    "format_seconds",
    "parse_seconds",
    "record_summary",
    "validate_timings",
    "with_coherent_pace",
    "with_sigh_parts",
]
