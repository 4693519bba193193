"""One schedule of timed steps, shared by the breathing timer and guided meditation.

A schedule is an ordered list of step lengths in seconds. Which step is current
is always computed from the elapsed time (never by counting timer ticks), and
:class:`StepClock` turns an injected monotonic clock into that elapsed time,
leaving pauses out and allowing a jump to the start of any step.
"""

from __future__ import annotations

import bisect
import functools
from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class StepAt:
    """Where a moment falls in a schedule."""

    index: int  # the current step (the last step once finished)
    start: float  # seconds from the schedule start at which this step began
    end: float  # ... and at which it ends
    elapsed: float  # the moment asked about, clamped to 0..total
    finished: bool

    @property
    def length(self) -> float:
        return self.end - self.start

    @property
    def left_in_step(self) -> float:
        return 0.0 if self.finished else max(0.0, self.end - self.elapsed)

    @property
    def progress(self) -> float:
        """0..1 through the current step."""
        if self.finished:
            return 1.0
        return min(1.0, max(0.0, (self.elapsed - self.start) / self.length)) if self.length > 0 else 1.0


@dataclass(frozen=True)
class TimedSteps:
    """Steps of fixed length, back to back; zero-length steps are never current."""

    seconds: tuple[float, ...]

    def __post_init__(self) -> None:
        if any(value < 0 for value in self.seconds):
            raise ValueError("a step cannot last less than zero seconds")
        if not any(value > 0 for value in self.seconds):
            raise ValueError("a schedule needs at least one step longer than zero")

    @classmethod
    def of(cls, seconds: Sequence[float]) -> TimedSteps:
        return cls(tuple(float(value) for value in seconds))

    @functools.cached_property
    def starts(self) -> tuple[float, ...]:
        """When each step begins, in seconds from the schedule start."""
        starts, running = [], 0.0
        for value in self.seconds:
            starts.append(running)
            running += value
        return tuple(starts)

    @functools.cached_property
    def total_seconds(self) -> float:
        return self.starts[-1] + self.seconds[-1]

    @functools.cached_property
    def _last_real(self) -> int:
        return max(i for i, value in enumerate(self.seconds) if value > 0)

    def step_start(self, index: int) -> float:
        return self.starts[index]

    def step_at(self, elapsed: float) -> StepAt:
        """The step current ``elapsed`` seconds in (before the start: the first; at the end: finished)."""
        elapsed = max(0.0, float(elapsed))
        total = self.total_seconds
        if elapsed >= total:
            last = self._last_real
            return StepAt(last, self.starts[last], total, total, True)
        index = bisect.bisect_right(self.starts, elapsed) - 1
        while self.seconds[index] <= 0:  # a zero-length step shares its start with the next one
            index += 1
        start = self.starts[index]
        return StepAt(index, start, start + self.seconds[index], elapsed, False)

    def next_change_after(self, elapsed: float) -> float:
        """Seconds from the schedule start of the next step change (or the end)."""
        if elapsed < 0:
            return 0.0
        state = self.step_at(elapsed)
        return self.total_seconds if state.finished else state.end

    def neighbour_start(self, elapsed: float, direction: int) -> float:
        """Where stepping back (-1) or forward (+1) from ``elapsed`` lands.

        Back goes to the start of the current step, or of the one before when
        the current step has only just begun (under two seconds in); forward goes to the
        start of the next step, or the end.
        """
        state = self.step_at(elapsed)
        real = [i for i, value in enumerate(self.seconds) if value > 0]
        position = real.index(state.index)
        if direction > 0:
            return (
                self.total_seconds if state.finished or position + 1 >= len(real) else self.starts[real[position + 1]]
            )
        if state.finished:
            return self.starts[real[-1]]
        if elapsed - state.start >= RESTART_GRACE_SECONDS or position == 0:
            return state.start
        return self.starts[real[position - 1]]


RESTART_GRACE_SECONDS = 2.0


class StepClock:
    """Elapsed time through a schedule from an injected monotonic clock.

    ``elapsed = now - start - paused_total + jumped``: frozen while paused,
    shifted by pauses, and moved by :meth:`jump_to` (stepping back or forward).
    :meth:`practised` leaves the jumps out: the time really spent.
    """

    def __init__(self, start: float) -> None:
        self.start = start
        self.paused_total = 0.0
        self.paused_since: float | None = None
        self.jumped = 0.0
        self.stopped_at: float | None = None

    @property
    def paused(self) -> bool:
        return self.paused_since is not None

    @property
    def stopped(self) -> bool:
        return self.stopped_at is not None

    def _reference(self, now: float) -> float:
        if self.stopped_at is not None:
            return self.stopped_at
        return self.paused_since if self.paused_since is not None else now

    def practised(self, now: float) -> float:
        """Seconds of the session lived through so far (negative before the start), pauses left out."""
        return self._reference(now) - self.start - self.paused_total

    def elapsed(self, now: float) -> float:
        """The position in the schedule: time practised plus any steps jumped."""
        return self.practised(now) + self.jumped

    def pause(self, now: float) -> None:
        if not self.paused and not self.stopped:
            self.paused_since = now

    def resume(self, now: float) -> None:
        if self.paused_since is not None and not self.stopped:
            self.paused_total += max(0.0, now - self.paused_since)
            self.paused_since = None

    def toggle_pause(self, now: float) -> None:
        if self.paused:
            self.resume(now)
        else:
            self.pause(now)

    def jump_to(self, position: float, now: float) -> None:
        """Move the schedule position to ``position`` seconds (pauses stay as they are)."""
        if not self.stopped:
            self.jumped += position - self.elapsed(now)

    def stop(self, now: float) -> None:
        if self.stopped_at is None:
            self.stopped_at = self._reference(now)
            self.paused_since = None
