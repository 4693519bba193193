"""One guided meditation: how you feel, one instruction at a time, how you feel, saved.

What is shown is always computed from ``app.clock.monotonic()`` through the same
timed-steps schedule as the breathing timer (:mod:`tui.core.timed_steps`); the one
timer here only decides *when* to look again: at the exact moment the next step
is due, or when the minutes-left line would change, whichever comes first.
"""

from __future__ import annotations

import math
from typing import Literal

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Center, Vertical
from textual.timer import Timer
from textual.widgets import ContentSwitcher, Static

from tui.core.breathing import format_clock
from tui.core.ids import new_id
from tui.core.meditation import Guide, MeditationRecord, MeditationSession
from tui.store.meditation_repository import MeditationSessionRepository
from tui.ui.base import HeartworkScreen
from tui.ui.screens.breathe.breathing_session import AFTER_QUESTION, BEFORE_QUESTION, FEELING_HINT, FEELING_KEYS
from tui.ui.store_errors import store_write
from tui.ui.widgets.calm_footer import CalmFooter

Stage = Literal["before", "playing", "after", "done"]

FADE_SECONDS = 0.8  # a new instruction fades in (left out with reduced motion)
MIN_SAVED_SECONDS = 1.0  # ended within the first second: nothing to keep


def time_left_text(seconds_left: float) -> str:
    """A quiet, minute-level line: "4 min left", "under a minute left"."""
    if seconds_left <= 0:
        return "finished"
    if seconds_left <= 60:
        return "under a minute left"
    return f"{math.ceil(seconds_left / 60)} min left"


def next_redraw_in(seconds_left: float, left_in_step: float) -> float:
    """Seconds until what the screen says changes: the next step, or the minutes-left line."""
    if seconds_left <= 60:
        return left_in_step
    minute_change = seconds_left - 60 * (math.ceil(seconds_left / 60) - 1)
    return min(left_in_step, minute_change)


class GuidePlayerScreen(HeartworkScreen[MeditationRecord | None]):
    """Play one guide, paced by the clock; what was done is saved."""

    KEEPS_AWAKE = True  # a practice that needs no keys: the idle lock waits while it plays (tui.ui.app_lock)

    CSS_PATH = "../../styles/meditate.tcss"
    BINDINGS = [
        Binding("space", "toggle_pause", "Pause / resume"),
        Binding("left", "step(-1)", "Back a step"),
        Binding("right", "step(1)", "Next step"),
        Binding("escape", "stop", "End / back"),
        Binding("enter", "skip", "Skip", show=False),
    ]

    def __init__(self, guide: Guide, *, ask_feelings: bool = True) -> None:
        super().__init__()
        self.guide = guide
        self.ask_feelings = ask_feelings
        self.stage: Stage = "before"
        self.session: MeditationSession | None = None
        self.record: MeditationRecord | None = None
        self._saved = False
        self._shown: dict[str, str] = {}
        self._step_shown: int | None = None
        self._timer: Timer | None = None
        self._suspended = False

    # -- layout -------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        with ContentSwitcher(initial="guide-feeling", id="guide-switcher"):
            with Vertical(id="guide-feeling"):
                yield Static(self._plan_line(), id="guide-feeling-title", markup=False)
                yield Static(self.guide.safety, id="guide-safety", markup=False)
                yield Static(BEFORE_QUESTION, id="guide-feeling-question", markup=False)
                yield Static(FEELING_HINT, id="guide-feeling-hint", markup=False)
            with Vertical(id="guide-playing"):
                yield Static(self.guide.title, id="guide-title", markup=False)
                yield Static("", id="guide-section", markup=False)
                with Center(id="guide-step-row"):
                    yield Static("", id="guide-step", markup=False)
                yield Static("", id="guide-progress", markup=False)
                yield Static("", id="guide-status", markup=False)
            with Vertical(id="guide-done"):
                yield Static("", id="guide-saved", markup=False)
                yield Static("Enter or Esc: back", id="guide-done-hint", markup=False)
        yield CalmFooter()

    def _plan_line(self) -> str:
        return f"{self.guide.title} · {format_clock(self.guide.total_seconds)}"

    @property
    def reduced_motion(self) -> bool:
        return bool(self.settings.reduced_motion or self.heartwork.animation_level == "none")

    def _now(self) -> float:
        return float(self.clock.monotonic())

    def on_mount(self) -> None:
        self.set_class(self.reduced_motion, "-reduced-motion")
        if not self.ask_feelings:
            self.begin(None)

    # -- stages -------------------------------------------------------------------

    def begin(self, feeling_before: int | None) -> None:
        """Start the guide now, at its first step."""
        self.session = MeditationSession(
            self.guide, self._now(), self.clock.now(), session_id=new_id(), feeling_before=feeling_before
        )
        self._set_stage("playing")
        self.query_one(ContentSwitcher).current = "guide-playing"
        self.refresh_state()

    def _set_stage(self, stage: Stage) -> None:
        self.stage = stage
        self.refresh_bindings()

    def _finish(self, finished_naturally: bool) -> None:
        """Stop the clock, save what was done, then ask how it went."""
        session = self.session
        if session is None:
            return
        now = self._now()
        session.stop(now)
        self._cancel_timer()
        if session.practised_seconds(now) < MIN_SAVED_SECONDS:
            self.dismiss(None)
            return
        self._save(session.to_record(now))
        if finished_naturally and self.settings.bell:
            self.app.bell()
        if self.ask_feelings:
            self._set_stage("after")
            self.query_one("#guide-feeling-question", Static).update(AFTER_QUESTION)
            self.query_one("#guide-feeling-title", Static).update(self._finished_line())
            self.query_one("#guide-safety", Static).display = False
            self.query_one(ContentSwitcher).current = "guide-feeling"
        else:
            self._show_done()

    def _finished_line(self) -> str:
        record = self.record
        if record is None:
            return ""
        if record.finished:
            return f"Well done: you stayed with {self.guide.title} to the end."
        return f"You practised for {format_clock(record.actual_seconds)}. Any time you give this counts."

    def _show_done(self) -> None:
        self._set_stage("done")
        record = self.record
        lines = [self._finished_line(), ""]
        if record is not None:
            how = "complete" if record.finished else "ended early"
            lines.append(f"Saved: {record.guide_title}, {format_clock(record.actual_seconds)} ({how}).")
            if record.feeling_before is not None or record.feeling_after is not None:
                before = "not noted" if record.feeling_before is None else f"{record.feeling_before}"
                after = "not noted" if record.feeling_after is None else f"{record.feeling_after}"
                lines.append(f"Feeling before: {before}   after: {after}")
        self.query_one("#guide-saved", Static).update("\n".join(lines))
        self.query_one(ContentSwitcher).current = "guide-done"

    def _save(self, record: MeditationRecord) -> None:
        self.record = record
        with store_write(self.app, "Not saved"):
            self.store.repo(MeditationSessionRepository).save(record)
            self._saved = True

    def _note_feeling(self, value: int | None) -> None:
        if self.stage == "before":
            self.begin(value)
        elif self.stage == "after":
            if value is not None and self.session is not None:
                self.session.feeling_after = value
                self._save(self.session.to_record(self._now()))
            self._show_done()

    # -- keys ---------------------------------------------------------------------

    def on_key(self, event: events.Key) -> None:
        if self.stage in ("before", "after") and event.character in FEELING_KEYS:
            event.stop()
            event.prevent_default()
            self._note_feeling(FEELING_KEYS[event.character or ""])

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("toggle_pause", "step"):
            return self.stage == "playing"
        return True

    def action_skip(self) -> None:
        if self.stage in ("before", "after"):
            self._note_feeling(None)
        elif self.stage == "done":
            self.dismiss(self.record)

    def action_toggle_pause(self) -> None:
        if self.stage == "playing" and self.session is not None:
            self.session.toggle_pause(self._now())
            self.refresh_state()

    def action_step(self, direction: int) -> None:
        if self.stage == "playing" and self.session is not None:
            self.session.step_by(direction, self._now())
            self.refresh_state()

    def action_stop(self) -> None:
        if self.stage == "playing":
            self._finish(finished_naturally=False)
        elif self.stage == "before":
            self.dismiss(None)
        elif self.stage == "after":
            self._note_feeling(None)
        else:
            self.dismiss(self.record)

    # -- showing the moment -------------------------------------------------------

    def _show(self, widget_id: str, text: str) -> None:
        if self._shown.get(widget_id) != text:
            self._shown[widget_id] = text
            self.query_one(f"#{widget_id}", Static).update(text)

    def refresh_state(self) -> None:
        """Show the step the clock says it is now (safe to call any time)."""
        if self.stage != "playing" or self.session is None or not self.is_attached:
            return
        session = self.session
        now = self._now()
        if session.is_finished(now):
            self._finish(finished_naturally=True)
            return
        step = session.step(now)
        guide_step = self.guide.steps[step.index]
        if self._step_shown != step.index:
            if self._step_shown is not None and self.settings.bell:
                self.app.bell()
            self._step_shown = step.index
            self._show("guide-step", guide_step.text)
            self._fade_in()
        self._show("guide-section", self.guide.section_of(step.index))
        seconds_left = session.seconds_left(now)
        total = len(self.guide.steps)
        self._show("guide-progress", f"Step {step.index + 1} of {total} · {time_left_text(seconds_left)}")
        paused = session.paused
        self._show(
            "guide-status",
            "Paused. Space carries on, Esc ends and saves."
            if paused
            else "Space pauses · ←/→ step back or on · Esc ends (what you did is saved)",
        )
        self.set_class(paused, "-paused")
        self._cancel_timer()
        if not (paused or self._suspended):
            delay = next_redraw_in(seconds_left, step.left_in_step)
            self._timer = self.set_timer(max(0.0, delay) + 0.001, self._on_due, name="guide-step")

    def _fade_in(self) -> None:
        if self.reduced_motion:
            return
        step = self.query_one("#guide-step", Static)
        step.styles.opacity = 0.0
        step.styles.animate("opacity", 1.0, duration=FADE_SECONDS)

    def _cancel_timer(self) -> None:
        if self._timer is not None:
            self._timer.stop()
            self._timer = None

    def _on_due(self) -> None:
        self._timer = None
        self.refresh_state()

    # -- shown or not -------------------------------------------------------------

    def on_screen_suspend(self) -> None:
        """Another screen covers this one: hold the guide and stop the timer."""
        self._suspended = True
        if self.session is not None and self.stage == "playing":
            self.session.pause(self._now())
        self._cancel_timer()

    def on_screen_resume(self) -> None:
        self._suspended = False
        self.refresh_state()

    def save_pending(self) -> None:
        """Quitting mid-guide: keep what was done so far (from the model, not widgets)."""
        session = self.session
        if session is None or self.stage != "playing" or self._saved:
            return
        now = self._now()
        session.stop(now)
        if session.practised_seconds(now) >= MIN_SAVED_SECONDS:
            self._save(session.to_record(now))
