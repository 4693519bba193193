"""Checking a typed pattern form: seconds per phase, a name, and one message per field to fix."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from tui.core.breathing.formatting import format_seconds
from tui.core.breathing.patterns import MAX_NAME_LENGTH, MAX_PHASE_SECONDS, Phase


@dataclass(frozen=True)
class TimingField:
    """One seconds field of a form: its id, the phase kind and a label."""

    field_id: str
    kind: str
    label: str


CUSTOM_FIELDS: tuple[TimingField, ...] = (
    TimingField("inhale", "inhale", "Breathe in"),
    TimingField("hold-in", "hold", "Hold (full)"),
    TimingField("exhale", "exhale", "Breathe out"),
    TimingField("hold-out", "hold", "Hold (empty)"),
)


SIGH_FIELDS: tuple[TimingField, ...] = (
    TimingField("inhale", "inhale", "Breathe in"),
    TimingField("top-up", "top-up", "Top-up sip"),
    TimingField("exhale", "exhale", "Long breath out"),
)


@dataclass(frozen=True)
class ValidationResult:
    """Either the checked phases (and name) or a message per field that needs a change."""

    name: str
    phases: tuple[Phase, ...]
    errors: dict[str, str] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.errors


def parse_seconds(text: str) -> tuple[float | None, str | None]:
    """Seconds from typed text (0-20, decimals allowed), or an error message."""
    cleaned = text.strip().replace(",", ".")
    if cleaned.endswith("s"):
        cleaned = cleaned[:-1].strip()
    if not cleaned:
        return 0.0, None
    try:
        value = float(cleaned)
    except ValueError:
        return None, "Use a number of seconds, like 4 or 5.5."
    if not math.isfinite(value):
        return None, "Use a number of seconds, like 4 or 5.5."
    if value < 0:
        return None, "Seconds can't be below 0."
    if value > MAX_PHASE_SECONDS:
        return None, f"At most {format_seconds(MAX_PHASE_SECONDS)} seconds."
    return round(value, 2), None


def validate_timings(
    values: Mapping[str, str],
    fields: Sequence[TimingField] = CUSTOM_FIELDS,
    *,
    name: str | None = None,
    taken_names: Sequence[str] = (),
) -> ValidationResult:
    """Check a form: each field 0-20 s, at least one above zero, and a free name.

    ``name`` is None when the form has no name (adjusting a built-in). Blank
    seconds count as 0. Errors are keyed by field id (``"name"`` for the name).
    """
    errors: dict[str, str] = {}
    clean_name = (name or "").strip()
    if name is not None:
        taken = {taken.strip().casefold() for taken in taken_names}
        if not clean_name:
            errors["name"] = "Give the pattern a name."
        elif len(clean_name) > MAX_NAME_LENGTH:
            errors["name"] = f"Keep the name to {MAX_NAME_LENGTH} characters or fewer."
        elif clean_name.casefold() in taken:
            errors["name"] = "That name is already used; pick another."
    phases: list[Phase] = []
    for timing in fields:
        seconds, problem = parse_seconds(values.get(timing.field_id, ""))
        if problem is not None or seconds is None:
            errors[timing.field_id] = problem or "Use a number of seconds."
            continue
        phases.append(Phase(timing.kind, seconds))
    if not any(key in errors for key in (f.field_id for f in fields)) and not any(p.seconds > 0 for p in phases):
        errors[fields[0].field_id] = "At least one part needs more than 0 seconds."
    return ValidationResult(name=clean_name, phases=tuple(phases), errors=errors)
