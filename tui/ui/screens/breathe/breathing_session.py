"""One breathing session: how you feel, get ready, breathe, how you feel, saved.

What is shown is always computed from ``app.clock.monotonic()`` through the
pure schedule in ``tui.core.breathing``; the timers here only decide *when*
to look again (about ten times a second for the moving circle, plus one timer
set for the exact moment of the next phase change or countdown step).
"""

from __future__ import annotations

import math
from datetime import timedelta
from typing import Literal

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.timer import Timer
from textual.widgets import ContentSwitcher, ProgressBar, Static

from tui.content.breathing_patterns import phase_plain_word, phase_word
from tui.core.breathing import (
    GET_READY_SECONDS,
    BreathingRecord,
    BreathingSession,
    Schedule,
    breath_level,
    format_clock,
)
from tui.core.durations import part_of_text
from tui.core.ids import new_id
from tui.store.breathing_repository import BreathingSessionRepository
from tui.ui.base import HeartworkScreen
from tui.ui.store_errors import store_write
from tui.ui.widgets.breath_visual import BreathVisual
from tui.ui.widgets.calm_footer import CalmFooter
from tui.ui.widgets.figlet_text import FigletText

Stage = Literal["before", "breathing", "after", "done"]

FRAME_SECONDS = 0.1  # about ten frames a second for the circle
REDUCED_MOTION_FRAME_SECONDS = 1.0  # a slow safety redraw; countdown steps have their own timer
PROGRESS_STEPS = 400  # the progress bar moves in steps this fine (skips redraws that change nothing)
FEELING_KEYS = {str(n): n for n in range(1, 10)} | {"0": 10}

BEFORE_QUESTION = "Before you begin: how do you feel right now?"
AFTER_QUESTION = "How do you feel now?"
FEELING_HINT = "Press 1 to 9, or 0 for 10 (1 is very low, 10 is very good).  Enter skips."


class BreathingSessionScreen(HeartworkScreen[BreathingRecord | None]):
    """Breathe along with one pattern for a set number of cycles; the result is saved."""

    KEEPS_AWAKE = True  # a practice that needs no keys: the idle lock waits while it plays (tui.ui.app_lock)

    CSS_PATH = "../../styles/breathe.tcss"
    BINDINGS = [
        Binding("space", "toggle_pause", "Pause / resume"),
        Binding("escape", "stop", "Stop / back"),
        Binding("enter", "skip", "Skip", show=False),
    ]

    def __init__(self, schedule: Schedule, *, ask_feelings: bool = True) -> None:
        super().__init__()
        self.schedule = schedule
        self.ask_feelings = ask_feelings
        self.stage: Stage = "before"
        self.session: BreathingSession | None = None
        self.record: BreathingRecord | None = None
        self._saved = False
        self._shown: dict[str, object] = {}
        self._last_phase: tuple[int, int] | None = None
        self._frame_timer: Timer | None = None
        self._change_timer: Timer | None = None
        self._change_due: float | None = None
        self._suspended = False

    # -- layout -------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        pattern = self.schedule.pattern
        with ContentSwitcher(initial="session-feeling", id="session-switcher"):
            with Vertical(id="session-feeling"):
                yield Static(self._plan_line(), id="session-feeling-title", markup=False)
                yield Static(BEFORE_QUESTION, id="session-feeling-question", markup=False)
                yield Static(FEELING_HINT, id="session-feeling-hint", markup=False)
            with Vertical(id="session-breathing"):
                yield Static(pattern.name, id="session-heading", markup=False)
                yield FigletText("Get ready", id="session-word", max_height=6)
                yield Static("Get ready", id="session-plain", markup=False)
                yield BreathVisual(0.0, id="session-visual")
                yield Static("", id="session-cycle", markup=False)
                with Horizontal(id="session-progress-row"):
                    yield ProgressBar(
                        total=PROGRESS_STEPS, show_eta=False, show_percentage=False, id="session-progress"
                    )
                    yield Static("", id="session-time-left", markup=False)
                yield Static("", id="session-status", markup=False)
            with Vertical(id="session-done"):
                yield Static("", id="session-saved", markup=False)
                yield Static("Enter or Esc: back to the breathing list", id="session-done-hint", markup=False)
        yield CalmFooter()

    def _plan_line(self) -> str:
        cycles = self.schedule.cycles
        plural = "s" if cycles != 1 else ""
        return f"{self.schedule.pattern.name} · {cycles} cycle{plural} · {format_clock(self.schedule.total_seconds)}"

    @property
    def reduced_motion(self) -> bool:
        return bool(self.settings.reduced_motion or self.heartwork.animation_level == "none")

    def _now(self) -> float:
        return float(self.clock.monotonic())

    def on_mount(self) -> None:
        self.set_class(self.reduced_motion, "-reduced-motion")
        self._fit_word_to_size()
        if not self.ask_feelings:
            self.begin(None)

    def on_resize(self, _: events.Resize) -> None:
        self._fit_word_to_size()

    def _fit_word_to_size(self) -> None:
        height = self.app.size.height
        self.query_one("#session-word", FigletText).max_height = 6 if height >= 28 else 5 if height >= 22 else 4

    # -- stages -------------------------------------------------------------------

    def begin(self, feeling_before: int | None) -> None:
        """Start the get-ready countdown, then the breathing."""
        now = self._now()
        started_at = self.clock.now()
        self.session = BreathingSession(
            self.schedule,
            now,
            started_at + timedelta(seconds=GET_READY_SECONDS),
            session_id=new_id(),
            feeling_before=feeling_before,
        )
        self._set_stage("breathing")
        self.query_one(ContentSwitcher).current = "session-breathing"
        self._start_frame_timer()
        self.refresh_state()

    def _start_frame_timer(self) -> None:
        if self._frame_timer is None:
            interval = REDUCED_MOTION_FRAME_SECONDS if self.reduced_motion else FRAME_SECONDS
            self._frame_timer = self.set_interval(interval, self.refresh_state, name="breathing-frame")

    def _stop_timers(self) -> None:
        if self._frame_timer is not None:
            self._frame_timer.stop()
            self._frame_timer = None
        if self._change_timer is not None:
            self._change_timer.stop()
            self._change_timer = None
            self._change_due = None

    def _finish(self, finished_naturally: bool) -> None:
        """Stop the clock, save what was done, then ask how it went."""
        session = self.session
        if session is None:
            return
        now = self._now()
        session.stop(now)
        self._stop_timers()
        if session.breathed_seconds(now) <= 0:
            # Stopped during "get ready": nothing was breathed, nothing to keep.
            self.dismiss(None)
            return
        self._save(session.to_record(now))
        if finished_naturally and self.settings.bell:
            self.app.bell()
        if self.ask_feelings:
            self._set_stage("after")
            self.query_one("#session-feeling-question", Static).update(AFTER_QUESTION)
            self.query_one("#session-feeling-title", Static).update(self._finished_line())
            self.query_one(ContentSwitcher).current = "session-feeling"
        else:
            self._show_done()

    def _finished_line(self) -> str:
        record = self.record
        if record is None:
            return ""
        if record.finished:
            return f"Well done: {format_clock(record.actual_seconds)} of {self.schedule.pattern.name}."
        return f"You breathed for {format_clock(record.actual_seconds)}; that counts."

    def _show_done(self) -> None:
        self._set_stage("done")
        record = self.record
        lines = [self._finished_line(), ""]
        if record is not None:
            planned = self.schedule.cycles
            if record.finished or record.cycles_completed >= planned:
                done = f"all {planned} cycle{'s' if planned != 1 else ''}"
            else:  # never "0 of 1 cycles" for 15 seconds of 16: say how much was breathed
                done = f"{part_of_text(record.actual_seconds, self.schedule.total_seconds)} breathed"
            lines.append(f"Saved: {record.pattern_name}, {done}.")
            if record.feeling_before is not None or record.feeling_after is not None:
                before = "not noted" if record.feeling_before is None else f"{record.feeling_before}"
                after = "not noted" if record.feeling_after is None else f"{record.feeling_after}"
                lines.append(f"Feeling before: {before}   after: {after}")
        self.query_one("#session-saved", Static).update("\n".join(lines))
        self.query_one(ContentSwitcher).current = "session-done"

    def _save(self, record: BreathingRecord) -> None:
        self.record = record
        with store_write(self.app, "Not saved"):
            self.store.repo(BreathingSessionRepository).save(record)
            self._saved = True

    def _note_feeling(self, value: int | None) -> None:
        if self.stage == "before":
            self.begin(value)
        elif self.stage == "after":
            if value is not None and self.record is not None and self.session is not None:
                self.session.feeling_after = value
                self._save(self.session.to_record(self._now()))
            self._show_done()

    # -- keys ---------------------------------------------------------------------

    def on_key(self, event: events.Key) -> None:
        if self.stage in ("before", "after") and event.character in FEELING_KEYS:
            event.stop()
            event.prevent_default()
            self._note_feeling(FEELING_KEYS[event.character or ""])

    def action_skip(self) -> None:
        if self.stage in ("before", "after"):
            self._note_feeling(None)
        elif self.stage == "done":
            self.dismiss(self.record)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "toggle_pause":
            return self.stage == "breathing"
        return True

    def _set_stage(self, stage: Stage) -> None:
        self.stage = stage
        self.refresh_bindings()

    def action_toggle_pause(self) -> None:
        if self.stage != "breathing" or self.session is None:
            return
        self.session.toggle_pause(self._now())
        self.refresh_state()

    def action_stop(self) -> None:
        if self.stage == "breathing":
            self._finish(finished_naturally=False)
        elif self.stage == "before":
            self.dismiss(None)
        elif self.stage == "after":
            self._note_feeling(None)
        else:
            self.dismiss(self.record)

    # -- showing the moment -------------------------------------------------------

    def _show(self, widget_id: str, text: str) -> None:
        """Update a Static only when its text changed (keeps redraw work small)."""
        if self._shown.get(widget_id) != text:
            self._shown[widget_id] = text
            self.query_one(f"#{widget_id}", Static).update(text)

    def refresh_state(self) -> None:
        """Show the moment the clock says it is now (safe to call any time)."""
        if self.stage != "breathing" or self.session is None or not self.is_attached:
            return
        session = self.session
        now = self._now()
        if session.is_finished(now):
            self._finish(finished_naturally=True)
            return
        elapsed = session.elapsed(now)
        schedule = self.schedule
        if elapsed < 0:
            until_start = -elapsed
            count = math.ceil(until_start - 1e-9)
            word, plain, level = "Get ready", f"Get ready · starting in {count}", 0.0
            self._last_phase = (0, -1)  # so the first breath gets its cue too
            cycles = f"{schedule.cycles} cycle{'s' if schedule.cycles != 1 else ''}"
            cycle_text = f"{cycles} · {schedule.pattern.timings_text()}"
            next_change = elapsed + (until_start - math.floor(until_start - 1e-9))
        else:
            state = schedule.phase_at(elapsed)
            phase_key = (state.cycle, state.phase_index)
            if self._last_phase is not None and phase_key != self._last_phase and self.settings.bell:
                self.app.bell()
            self._last_phase = phase_key
            left = state.seconds_left_in_phase
            count = math.ceil(left - 1e-9)
            word = phase_word(state.kind)
            plain = f"{phase_plain_word(state.kind)} · {count} s"
            level = 0.0 if self.reduced_motion else breath_level(state)
            cycle_text = f"Cycle {state.cycle} of {state.cycles_total}"
            step = left - math.floor(left - 1e-9) if left > 1e-9 else left
            next_change = min(elapsed + step, schedule.next_change_after(elapsed))
        self.query_one("#session-word", FigletText).text = word
        self._show("session-plain", plain)
        self._show("session-cycle", cycle_text)
        self._show("session-time-left", f"{format_clock(schedule.total_seconds - max(0.0, elapsed))} left")
        paused = session.paused
        self._show(
            "session-status",
            "Paused. Space carries on, Esc ends and saves."
            if paused
            else "Space pauses · Esc ends (what you did is saved)",
        )
        self.set_class(paused, "-paused")
        if not self.reduced_motion:
            self.query_one("#session-visual", BreathVisual).level = level
        done_share = max(0.0, elapsed) / schedule.total_seconds
        progress = round(done_share * PROGRESS_STEPS)
        if self._shown.get("progress") != progress:
            self._shown["progress"] = progress
            self.query_one("#session-progress", ProgressBar).update(progress=progress)
        if paused or self._suspended:
            self._cancel_change_timer()
        else:
            self._arm_change_timer(now + (next_change - elapsed))

    def _cancel_change_timer(self) -> None:
        if self._change_timer is not None:
            self._change_timer.stop()
        self._change_timer = None
        self._change_due = None

    def _arm_change_timer(self, due: float) -> None:
        """Look again exactly when the next phase or countdown step is due."""
        if self._change_due is not None and abs(self._change_due - due) < 1e-6:
            return
        self._cancel_change_timer()
        delay = max(0.0, due - self._now()) + 0.001
        self._change_due = due
        self._change_timer = self.set_timer(delay, self._on_change_due, name="breathing-change")

    def _on_change_due(self) -> None:
        self._change_timer = None
        self._change_due = None
        self.refresh_state()

    # -- shown or not -------------------------------------------------------------

    def on_screen_suspend(self) -> None:
        """Another screen covers this one: hold the session and stop redrawing."""
        self._suspended = True
        if self.session is not None and self.stage == "breathing":
            self.session.pause(self._now())
        if self._frame_timer is not None:
            self._frame_timer.pause()
        self._cancel_change_timer()

    def on_screen_resume(self) -> None:
        self._suspended = False
        if self._frame_timer is not None:
            self._frame_timer.resume()
        self.refresh_state()

    def save_pending(self) -> None:
        """Quitting mid-session: keep what was breathed so far (from the model, not widgets)."""
        session = self.session
        if session is None or self.stage != "breathing" or self._saved:
            return
        now = self._now()
        session.stop(now)
        if session.breathed_seconds(now) > 0:
            self._save(session.to_record(now))
