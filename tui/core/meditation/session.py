"""A guide in progress (pause, step back and forward, end early) and the record it leaves.

Time comes from the monotonic values passed in, through the same
:class:`~tui.core.timed_steps.StepClock` and :class:`~tui.core.timed_steps.TimedSteps`
as a breathing session: the current step is computed, never counted.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from tui.core.breathing.formatting import format_clock
from tui.core.meditation.guide import Guide
from tui.core.timed_steps import StepAt, StepClock, TimedSteps


@dataclass(frozen=True)
class MeditationRecord:
    """A saved guided meditation: what was planned, what was done, and how it felt."""

    id: str
    started_at: datetime
    guide_id: str
    guide_title: str
    planned_seconds: float
    actual_seconds: float
    finished: bool
    feeling_before: int | None = None
    feeling_after: int | None = None


class MeditationSession:
    """One guide being played from ``created_at`` (monotonic seconds)."""

    def __init__(
        self,
        guide: Guide,
        created_at: float,
        started_at: datetime,
        *,
        session_id: str,
        feeling_before: int | None = None,
    ) -> None:
        self.guide = guide
        self.schedule: TimedSteps = guide.schedule
        self.clock = StepClock(created_at)
        self.started_at = started_at
        self.id = session_id
        self.feeling_before = feeling_before
        self.feeling_after: int | None = None

    @property
    def paused(self) -> bool:
        return self.clock.paused

    def step(self, now: float) -> StepAt:
        return self.schedule.step_at(self.clock.elapsed(now))

    def is_finished(self, now: float) -> bool:
        return self.clock.elapsed(now) >= self.schedule.total_seconds

    def seconds_left(self, now: float) -> float:
        return max(0.0, self.schedule.total_seconds - max(0.0, self.clock.elapsed(now)))

    def next_change_at(self, now: float) -> float:
        """The monotonic moment the next step is due (``now`` plus the time left in this step)."""
        elapsed = self.clock.elapsed(now)
        return now + (self.schedule.next_change_after(elapsed) - elapsed)

    def toggle_pause(self, now: float) -> None:
        self.clock.toggle_pause(now)

    def pause(self, now: float) -> None:
        self.clock.pause(now)

    def resume(self, now: float) -> None:
        self.clock.resume(now)

    def step_by(self, direction: int, now: float) -> None:
        """Go back to the start of this step (or the one before), or on to the next one."""
        elapsed = self.clock.elapsed(now)
        self.clock.jump_to(self.schedule.neighbour_start(elapsed, direction), now)

    def stop(self, now: float) -> None:
        self.clock.stop(now)

    def practised_seconds(self, now: float) -> float:
        """Time really spent with the guide (pauses and skipped stretches left out)."""
        return max(0.0, self.clock.practised(now))

    def to_record(self, now: float) -> MeditationRecord:
        return MeditationRecord(
            id=self.id,
            started_at=self.started_at,
            guide_id=self.guide.id,
            guide_title=self.guide.title,
            planned_seconds=self.schedule.total_seconds,
            actual_seconds=round(self.practised_seconds(now), 3),
            finished=self.is_finished(now),
            feeling_before=self.feeling_before,
            feeling_after=self.feeling_after,
        )


def meditation_summary(record: MeditationRecord) -> str:
    """One calm line for a history list."""
    when = record.started_at.strftime("%a %-d %b %H:%M")
    how = "complete" if record.finished else "ended early"
    feeling = ""
    if record.feeling_before is not None or record.feeling_after is not None:
        before = "–" if record.feeling_before is None else str(record.feeling_before)
        after = "–" if record.feeling_after is None else str(record.feeling_after)
        feeling = f" · feeling {before} → {after}"
    done, planned = format_clock(record.actual_seconds), format_clock(record.planned_seconds)
    return f"{when}  {record.guide_title} · {done} of {planned} · {how}{feeling}"
