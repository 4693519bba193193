"""A running session (pauses, early stop) and the record it leaves behind."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from tui.core.breathing.formatting import format_clock
from tui.core.breathing.patterns import GET_READY_SECONDS, Phase
from tui.core.breathing.schedule import PhaseState, Schedule


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
