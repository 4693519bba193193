"""Guided breathing: patterns, the exact schedule of a session, and its record.

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

import functools
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any

from tui import content
from tui.core.breathing_limits import BUILTIN_KEYS, MAX_CYCLES, MAX_MINUTES, MIN_CYCLES, MIN_MINUTES  # noqa: F401

PHASE_KINDS: tuple[str, ...] = ("inhale", "hold", "exhale", "top-up")

MAX_PHASE_SECONDS = 20.0
MAX_NAME_LENGTH = 40
GET_READY_SECONDS = 3.0

COHERENT_MIN_BPM = 4.5
COHERENT_MAX_BPM = 7.0
COHERENT_DEFAULT_BPM = 5.5

CUSTOM_SAFETY = "If you feel light-headed or uneasy, stop and breathe in your own easy way."

# Where the drawn breath sits at the end of each kind of phase (0 empty, 1 full).
_FULL = 1.0
_BEFORE_TOP_UP = 0.75


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


def format_seconds(seconds: float) -> str:
    """``4`` for whole seconds, ``5.5`` otherwise (at most two decimals)."""
    if float(seconds).is_integer():
        return str(int(seconds))
    return f"{seconds:.2f}".rstrip("0").rstrip(".")


def format_pace(breaths_per_minute: float) -> str:
    """``5.5`` or ``6``: breaths a minute to one decimal."""
    return f"{breaths_per_minute:.1f}".rstrip("0").rstrip(".")


def format_clock(seconds: float) -> str:
    """``2:05`` for a duration in seconds (rounded up, never negative)."""
    whole = max(0, math.ceil(seconds - 1e-9))
    return f"{whole // 60}:{whole % 60:02d}"


# -- built-in patterns ----------------------------------------------------------


def _phases_from(items: Sequence[Mapping[str, Any]]) -> tuple[Phase, ...]:
    return tuple(Phase(str(item["kind"]), float(item["seconds"])) for item in items)


def builtin_patterns() -> list[Pattern]:
    """Box, 4-7-8, coherent and cyclic sighing, from the content file."""
    data = content.load("breathing_patterns")
    patterns = []
    for item in data["pattern"]:
        patterns.append(
            Pattern(
                key=str(item["key"]),
                name=str(item["name"]),
                phases=_phases_from(item["phases"]),
                summary=str(item.get("summary", "")),
                safety=str(item.get("safety", CUSTOM_SAFETY)),
                suggested_cycles=int(item.get("suggested_cycles", 0)),
                suggested_minutes=int(item.get("suggested_minutes", 3)),
                custom=False,
                id=f"builtin:{item['key']}",
            )
        )
    return patterns


def builtin_pattern(key: str) -> Pattern:
    for pattern in builtin_patterns():
        if pattern.key == key:
            return pattern
    raise KeyError(key)


@functools.lru_cache(maxsize=1)
def _phase_words() -> tuple[dict[str, str], dict[str, str]]:
    data = content.load("breathing_patterns")
    return dict(data["phase_words"]), dict(data["phase_plain"])


def phase_word(kind: str) -> str:
    """The cue shown large, e.g. ``Breathe in``."""
    return _phase_words()[0].get(kind, kind.capitalize())


def phase_plain_word(kind: str) -> str:
    """One plain word for the phase, e.g. ``Inhale`` (screen readers, small terminals)."""
    return _phase_words()[1].get(kind, kind.capitalize())


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


@dataclass(frozen=True)
class PhaseState:
    """What to show at one moment of a session."""

    phase_index: int  # index into pattern.phases (zero-length phases are never current)
    kind: str
    word: str
    plain_word: str
    phase_seconds: float
    seconds_left_in_phase: float
    phase_progress: float  # 0..1 through the current phase
    cycle: int  # 1-based
    cycles_total: int
    cycles_completed: int
    session_elapsed: float
    session_left: float
    finished: bool
    level_from: float  # breath level at the start of this phase (0..1)
    level_to: float  # breath level at its end


@dataclass(frozen=True)
class Schedule:
    """A session: a pattern repeated a whole number of times."""

    pattern: Pattern
    cycles: int
    planned_minutes: int | None = None  # set when the length was asked for in minutes

    def __post_init__(self) -> None:
        if self.cycles < 1:
            raise ValueError("a session has at least one cycle")
        if self.pattern.cycle_seconds <= 0:
            raise ValueError("a pattern needs at least one phase longer than zero")

    @classmethod
    def for_minutes(cls, pattern: Pattern, minutes: float) -> Schedule:
        """Whole cycles nearest to ``minutes`` (at least one)."""
        cycles = max(1, round(minutes * 60.0 / pattern.cycle_seconds))
        return cls(pattern, int(cycles), planned_minutes=int(minutes) if float(minutes).is_integer() else None)

    @classmethod
    def for_cycles(cls, pattern: Pattern, cycles: int) -> Schedule:
        return cls(pattern, int(cycles))

    @property
    def cycle_seconds(self) -> float:
        return self.pattern.cycle_seconds

    @property
    def total_seconds(self) -> float:
        return self.cycles * self.cycle_seconds

    @functools.cached_property
    def _prefix(self) -> list[float]:
        starts, running = [], 0.0
        for phase in self.pattern.phases:
            starts.append(running)
            running += phase.seconds
        return starts

    def phase_start(self, cycle_index: int, phase_index: int) -> float:
        """Seconds from the session start at which a phase begins (0-based cycle)."""
        return cycle_index * self.cycle_seconds + self._prefix[phase_index]

    def boundaries(self) -> list[tuple[float, int, int]]:
        """Every phase start in the session: (seconds, cycle index, phase index), zero-length skipped."""
        result = []
        for cycle_index in range(self.cycles):
            for phase_index, phase in enumerate(self.pattern.phases):
                if phase.seconds > 0:
                    result.append((self.phase_start(cycle_index, phase_index), cycle_index, phase_index))
        return result

    @functools.cached_property
    def _levels(self) -> list[tuple[float, float]]:
        """For each phase, the drawn breath level at its start and end."""
        phases = self.pattern.phases
        levels, level = [], 0.0
        for index, phase in enumerate(phases):
            start = level
            if phase.kind == "inhale":
                following = [p for p in phases[index + 1 :] if p.seconds > 0]
                tops_up_next = bool(following) and following[0].kind == "top-up"
                level = _BEFORE_TOP_UP if tops_up_next else _FULL
            elif phase.kind == "top-up":
                level = _FULL
            elif phase.kind == "exhale":
                level = 0.0
            levels.append((start, level))
        return levels

    def _cycle_of(self, elapsed: float) -> int:
        cycle_seconds = self.cycle_seconds
        cycle = int(elapsed // cycle_seconds)
        while cycle > 0 and elapsed < cycle * cycle_seconds:
            cycle -= 1
        while elapsed >= (cycle + 1) * cycle_seconds:
            cycle += 1
        return cycle

    def phase_at(self, elapsed: float) -> PhaseState:
        """The phase, time left and progress ``elapsed`` seconds into the session.

        Negative elapsed counts as the very start; at or after the end the
        state is ``finished`` and shows the last phase with nothing left.
        """
        elapsed = max(0.0, float(elapsed))
        total = self.total_seconds
        phases = self.pattern.phases
        levels = self._levels
        last_index = max(i for i, p in enumerate(phases) if p.seconds > 0)
        if elapsed >= total:
            phase = phases[last_index]
            return PhaseState(
                phase_index=last_index,
                kind=phase.kind,
                word=phase_word(phase.kind),
                plain_word=phase_plain_word(phase.kind),
                phase_seconds=phase.seconds,
                seconds_left_in_phase=0.0,
                phase_progress=1.0,
                cycle=self.cycles,
                cycles_total=self.cycles,
                cycles_completed=self.cycles,
                session_elapsed=total,
                session_left=0.0,
                finished=True,
                level_from=levels[last_index][0],
                level_to=levels[last_index][1],
            )
        cycle = min(self._cycle_of(elapsed), self.cycles - 1)
        current = None
        for index, phase in enumerate(phases):
            if phase.seconds > 0 and elapsed >= self.phase_start(cycle, index):
                current = index
        assert current is not None  # the first non-zero phase starts at the cycle start
        start = self.phase_start(cycle, current)
        later = [i for i in range(current + 1, len(phases)) if phases[i].seconds > 0]
        end = self.phase_start(cycle, later[0]) if later else (cycle + 1) * self.cycle_seconds
        length = end - start
        phase = phases[current]
        into = elapsed - start
        return PhaseState(
            phase_index=current,
            kind=phase.kind,
            word=phase_word(phase.kind),
            plain_word=phase_plain_word(phase.kind),
            phase_seconds=phase.seconds,
            seconds_left_in_phase=max(0.0, end - elapsed),
            phase_progress=min(1.0, max(0.0, into / length)) if length > 0 else 1.0,
            cycle=cycle + 1,
            cycles_total=self.cycles,
            cycles_completed=cycle,
            session_elapsed=elapsed,
            session_left=max(0.0, total - elapsed),
            finished=False,
            level_from=levels[current][0],
            level_to=levels[current][1],
        )

    def next_change_after(self, elapsed: float) -> float:
        """Seconds from the session start of the next phase change (or the end)."""
        if elapsed < 0:
            return 0.0
        state = self.phase_at(elapsed)
        if state.finished:
            return self.total_seconds
        return state.session_elapsed + state.seconds_left_in_phase


def ease_in_out(progress: float) -> float:
    """A gentle sine ease, so the breath speeds up and slows down softly."""
    progress = min(1.0, max(0.0, progress))
    return 0.5 - 0.5 * math.cos(math.pi * progress)


def breath_level(state: PhaseState) -> float:
    """How full the drawn breath is (0..1): grows breathing in, holds, shrinks breathing out."""
    return state.level_from + (state.level_to - state.level_from) * ease_in_out(state.phase_progress)


# -- a running session -------------------------------------------------------------


@dataclass(frozen=True)
class BreathingRecord:
    """A saved session: what was planned, what was done, and how it felt."""

    id: str
    started_at: datetime
    pattern_key: str
    pattern_name: str
    phases: tuple[Phase, ...]
    planned_seconds: float | None
    planned_cycles: int | None
    actual_seconds: float
    cycles_completed: int
    finished: bool
    feeling_before: int | None = None
    feeling_after: int | None = None


class BreathingSession:
    """A session in progress: the schedule, where it started, and its pauses.

    Time is read from the monotonic values passed in, so the session never
    drifts: ``elapsed = now - start - paused_total`` (frozen while paused).
    The breathing starts ``lead_in`` seconds after ``created_at`` (get ready).
    """

    def __init__(
        self,
        schedule: Schedule,
        created_at: float,
        started_at: datetime,
        *,
        lead_in: float = GET_READY_SECONDS,
        session_id: str,
        feeling_before: int | None = None,
    ) -> None:
        self.schedule = schedule
        self.start = created_at + lead_in
        self.started_at = started_at
        self.id = session_id
        self.feeling_before = feeling_before
        self.feeling_after: int | None = None
        self.paused_total = 0.0
        self.paused_since: float | None = None
        self.stopped_elapsed: float | None = None

    @property
    def paused(self) -> bool:
        return self.paused_since is not None

    @property
    def stopped(self) -> bool:
        return self.stopped_elapsed is not None

    def elapsed(self, now: float) -> float:
        """Seconds of breathing done (negative during get ready), pauses left out."""
        if self.stopped_elapsed is not None:
            return self.stopped_elapsed
        reference = self.paused_since if self.paused_since is not None else now
        return reference - self.start - self.paused_total

    def pause(self, now: float) -> None:
        if not self.paused and not self.stopped:
            self.paused_since = now

    def resume(self, now: float) -> None:
        if self.paused_since is not None:
            self.paused_total += max(0.0, now - self.paused_since)
            self.paused_since = None

    def toggle_pause(self, now: float) -> None:
        if self.paused:
            self.resume(now)
        else:
            self.pause(now)

    def state(self, now: float) -> PhaseState:
        return self.schedule.phase_at(self.elapsed(now))

    def is_getting_ready(self, now: float) -> bool:
        return self.elapsed(now) < 0

    def is_finished(self, now: float) -> bool:
        return self.elapsed(now) >= self.schedule.total_seconds

    def stop(self, now: float) -> None:
        """End the session now (or keep the end if it is already over)."""
        if self.stopped_elapsed is None:
            self.stopped_elapsed = min(self.schedule.total_seconds, self.elapsed(now))
            self.paused_since = None

    def breathed_seconds(self, now: float) -> float:
        return min(self.schedule.total_seconds, max(0.0, self.elapsed(now)))

    def to_record(self, now: float) -> BreathingRecord:
        """The record to save: what was done up to ``now``."""
        done = self.breathed_seconds(now)
        finished = done >= self.schedule.total_seconds
        cycles_completed = self.schedule.cycles if finished else min(
            self.schedule.cycles, int(done // self.schedule.cycle_seconds)
        )
        from_minutes = self.schedule.planned_minutes is not None
        pattern = self.schedule.pattern
        return BreathingRecord(
            id=self.id,
            started_at=self.started_at,
            pattern_key=pattern.key,
            pattern_name=pattern.name,
            phases=pattern.phases,
            planned_seconds=self.schedule.total_seconds,
            planned_cycles=None if from_minutes else self.schedule.cycles,
            actual_seconds=round(done, 3),
            cycles_completed=cycles_completed,
            finished=finished,
            feeling_before=self.feeling_before,
            feeling_after=self.feeling_after,
        )


def record_summary(record: BreathingRecord) -> str:
    """One calm line for the history list."""
    when = record.started_at.strftime("%a %-d %b %H:%M")
    done = format_clock(record.actual_seconds)
    planned = format_clock(record.planned_seconds) if record.planned_seconds else "?"
    cycles = f"{record.cycles_completed} cycle{'s' if record.cycles_completed != 1 else ''}"
    how = "complete" if record.finished else "ended early"
    feeling = ""
    if record.feeling_before is not None or record.feeling_after is not None:
        before = "–" if record.feeling_before is None else str(record.feeling_before)
        after = "–" if record.feeling_after is None else str(record.feeling_after)
        feeling = f" · feeling {before} → {after}"
    return f"{when}  {record.pattern_name} · {done} of {planned} · {cycles} · {how}{feeling}"
