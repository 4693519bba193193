"""The exact schedule of a session: which phase is current at any elapsed time, never by counting ticks.

A session is one :class:`~tui.core.timed_steps.TimedSteps` (every phase of every
cycle), the same schedule code that paces guided meditation.
"""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass

from tui.core.breathing.patterns import Pattern
from tui.core.timed_steps import TimedSteps

# Where the drawn breath sits at the end of each kind of phase (0 empty, 1 full).
_FULL = 1.0


_BEFORE_TOP_UP = 0.75


@dataclass(frozen=True)
class PhaseState:
    """What to show at one moment of a session."""

    phase_index: int  # index into pattern.phases (zero-length phases are never current)
    kind: str
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

    @functools.cached_property
    def steps(self) -> TimedSteps:
        """The whole session as one schedule of timed steps (every phase of every cycle)."""
        return TimedSteps(tuple(phase.seconds for phase in self.pattern.phases) * self.cycles)

    def phase_at(self, elapsed: float) -> PhaseState:
        """The phase, time left and progress ``elapsed`` seconds into the session.

        Negative elapsed counts as the very start; at or after the end the
        state is ``finished`` and shows the last phase with nothing left.
        """
        step = self.steps.step_at(elapsed)
        per_cycle = len(self.pattern.phases)
        cycle, current = divmod(step.index, per_cycle)
        phase = self.pattern.phases[current]
        level_from, level_to = self._levels[current]
        return PhaseState(
            phase_index=current,
            kind=phase.kind,
            phase_seconds=phase.seconds,
            seconds_left_in_phase=step.left_in_step,
            phase_progress=step.progress,
            cycle=cycle + 1,
            cycles_total=self.cycles,
            cycles_completed=self.cycles if step.finished else cycle,
            session_elapsed=step.elapsed,
            session_left=max(0.0, self.total_seconds - step.elapsed),
            finished=step.finished,
            level_from=level_from,
            level_to=level_to,
        )

    def next_change_after(self, elapsed: float) -> float:
        """Seconds from the session start of the next phase change (or the end)."""
        return self.steps.next_change_after(elapsed)


def ease_in_out(progress: float) -> float:
    """A gentle sine ease, so the breath speeds up and slows down softly."""
    progress = min(1.0, max(0.0, progress))
    return 0.5 - 0.5 * math.cos(math.pi * progress)


def breath_level(state: PhaseState) -> float:
    """How full the drawn breath is (0..1): grows breathing in, holds, shrinks breathing out."""
    return state.level_from + (state.level_to - state.level_from) * ease_in_out(state.phase_progress)
