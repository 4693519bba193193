"""A running session (pauses, early stop) and the record it leaves behind."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from tui.core.breathing.formatting import format_clock
from tui.core.breathing.patterns import GET_READY_SECONDS, Phase
from tui.core.breathing.schedule import PhaseState, Schedule
from tui.core.timed_steps import StepClock


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

    Time is read from the monotonic values passed in through the shared
    :class:`~tui.core.timed_steps.StepClock`, so the session never drifts:
    ``elapsed = now - start - paused_total`` (frozen while paused).
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
        self.clock = StepClock(created_at + lead_in)
        self.started_at = started_at
        self.id = session_id
        self.feeling_before = feeling_before
        self.feeling_after: int | None = None

    @property
    def start(self) -> float:
        return self.clock.start

    @property
    def paused(self) -> bool:
        return self.clock.paused

    @property
    def stopped(self) -> bool:
        return self.clock.stopped

    def elapsed(self, now: float) -> float:
        """Seconds of breathing done (negative during get ready), pauses left out."""
        return self.clock.elapsed(now)

    def pause(self, now: float) -> None:
        self.clock.pause(now)

    def resume(self, now: float) -> None:
        self.clock.resume(now)

    def toggle_pause(self, now: float) -> None:
        self.clock.toggle_pause(now)

    def state(self, now: float) -> PhaseState:
        return self.schedule.phase_at(self.elapsed(now))

    def is_getting_ready(self, now: float) -> bool:
        return self.elapsed(now) < 0

    def is_finished(self, now: float) -> bool:
        return self.elapsed(now) >= self.schedule.total_seconds

    def stop(self, now: float) -> None:
        """End the session now (or keep the end if it is already over)."""
        self.clock.stop(now)

    def breathed_seconds(self, now: float) -> float:
        return min(self.schedule.total_seconds, max(0.0, self.elapsed(now)))

    def to_record(self, now: float) -> BreathingRecord:
        """The record to save: what was done up to ``now``."""
        done = self.breathed_seconds(now)
        finished = done >= self.schedule.total_seconds
        cycles_completed = (
            self.schedule.cycles if finished else min(self.schedule.cycles, int(done // self.schedule.cycle_seconds))
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
