"""Breathe: choose a pattern and a length, then breathe (or a guide); past sessions below.

Built-in patterns come from the content file; coherent breathing's pace and
the parts of cyclic sighing can be adjusted (the last used values are
remembered from the session history). Custom patterns are created, edited
and deleted here and saved in the database.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Header, OptionList, Static
from textual.widgets.option_list import Option

from tui.content.breathing_patterns import builtin_pattern, builtin_patterns
from tui.core.breathing import (
    CUSTOM_FIELDS,
    MAX_CYCLES,
    MAX_MINUTES,
    MIN_CYCLES,
    MIN_MINUTES,
    SIGH_FIELDS,
    Pattern,
    Schedule,
    ValidationResult,
    clamp_bpm,
    coherent_pace_of,
    custom_pattern,
    find_pattern,
    format_clock,
    format_pace,
    format_seconds,
    record_summary,
    with_coherent_pace,
    with_sigh_parts,
)
from tui.core.ids import new_id
from tui.store.breathing_pattern_repository import BreathingPatternRepository
from tui.store.breathing_repository import BreathingSessionRepository
from tui.ui.base import HeartworkScreen
from tui.ui.messages import DataChanged
from tui.ui.screens.breathe.breathing_pattern_form import BreathingPatternFormScreen
from tui.ui.screens.breathe.breathing_session import BreathingSessionScreen
from tui.ui.screens.breathe.guided import GuidedHandlers, GuidedSection
from tui.ui.store_errors import store_write
from tui.ui.widgets.calm_footer import CalmFooter
from tui.ui.widgets.guided_list import GuidedList

HISTORY_LIMIT = 30
PACE_STEP = 0.5
NARROW_WIDTH = 100  # below this the list, details and history stack up


class BreatheScreen(GuidedHandlers, HeartworkScreen[None]):
    """The breathing section: patterns, guided meditations, length, adjustments and history."""

    CSS_PATH = "../../styles/breathe.tcss"
    BINDINGS = [
        Binding("enter", "start", "Start", show=True, priority=False),
        Binding("left,minus", "length(-1)", "Shorter", show=False),
        Binding("right,plus,equals_sign", "length(1)", "Longer", show=False),
        Binding("u", "toggle_unit", "Minutes/cycles"),
        Binding("left_square_bracket", "pace(-1)", "Slower", show=False),
        Binding("right_square_bracket", "pace(1)", "Faster", show=False),
        Binding("e", "edit", "Adjust/edit"),
        Binding("n", "new_pattern", "New pattern"),
        Binding("x,delete", "delete_pattern", "Delete", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.patterns: list[Pattern] = []
        self.lengths: dict[str, tuple[str, int]] = {}
        self.coherent_bpm: float | None = None
        self.sigh_parts: tuple[float, float, float] | None = None
        self._launched = False
        self.guided = GuidedSection(self)

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="breathe-body"):
            with Vertical(id="breathe-choose"):
                patterns = OptionList(id="breathe-patterns")
                patterns.border_title = "Patterns"
                yield patterns
                yield GuidedList(id="breathe-guided")
            with VerticalScroll(id="breathe-detail"):
                yield Static("", id="breathe-about")
                yield Static("", id="breathe-safety")
                yield Static("", id="breathe-length")
                yield Static("", id="breathe-keys")
        with Vertical(id="breathe-history-box"):
            history = VerticalScroll(id="breathe-history-scroll")
            history.border_title = "Recent sessions"
            with history:
                yield Static("", id="breathe-history")
        yield CalmFooter()

    # -- data -----------------------------------------------------------------------

    @property
    def _sessions(self) -> BreathingSessionRepository:
        return self.store.repo(BreathingSessionRepository)

    @property
    def _custom(self) -> BreathingPatternRepository:
        return self.store.repo(BreathingPatternRepository)

    def _remember_adjustments(self) -> None:
        if self.coherent_bpm is None:
            last = self._sessions.latest_for("coherent")
            adjusted = last is not None and last.phases and last.phases != builtin_pattern("coherent").phases
            self.coherent_bpm = coherent_pace_of(Pattern("coherent", "", last.phases)) if adjusted and last else None
        if self.sigh_parts is None:
            last = self._sessions.latest_for("sigh")
            if last is not None and [p.kind for p in last.phases] == ["inhale", "top-up", "exhale"]:
                inhale, top_up, exhale = (p.seconds for p in last.phases)
                self.sigh_parts = (inhale, top_up, exhale)

    def load_patterns(self) -> list[Pattern]:
        """Built-ins (with this person's adjustments) then their own patterns by name."""
        self._remember_adjustments()
        patterns = []
        for pattern in builtin_patterns():
            if pattern.key == "coherent" and self.coherent_bpm is not None:
                pattern = with_coherent_pace(pattern, self.coherent_bpm)
            elif pattern.key == "sigh" and self.sigh_parts is not None:
                pattern = with_sigh_parts(pattern, *self.sigh_parts)
            patterns.append(pattern)
        customs = [p for p in self._custom.sorted_by_name() if p.cycle_seconds > 0]
        return patterns + customs

    def _length_of(self, pattern: Pattern) -> tuple[str, int]:
        if pattern.key not in self.lengths:
            if pattern.suggested_cycles > 0:
                self.lengths[pattern.key] = ("cycles", pattern.suggested_cycles)
            else:
                self.lengths[pattern.key] = ("minutes", max(MIN_MINUTES, min(MAX_MINUTES, pattern.suggested_minutes)))
        return self.lengths[pattern.key]

    def schedule_for(self, pattern: Pattern) -> Schedule:
        unit, amount = self._length_of(pattern)
        return Schedule.for_cycles(pattern, amount) if unit == "cycles" else Schedule.for_minutes(pattern, amount)

    @property
    def highlighted(self) -> Pattern | None:
        index = self.query_one("#breathe-patterns", OptionList).highlighted
        return self.patterns[index] if index is not None and 0 <= index < len(self.patterns) else None

    # -- drawing ----------------------------------------------------------------------

    def on_mount(self) -> None:
        self.set_class(self.app.size.width < NARROW_WIDTH, "-narrow")
        self.guided.load()
        self.refresh_from_store()
        self.query_one("#breathe-patterns", OptionList).focus()
        self.call_after_refresh(self._open_launch_session)

    def on_screen_resume(self) -> None:
        self.refresh_from_store()

    def on_resize(self) -> None:
        self.set_class(self.app.size.width < NARROW_WIDTH, "-narrow")

    def on_data_changed(self, _: DataChanged) -> None:
        self.refresh_from_store()

    def _option(self, pattern: Pattern) -> Option:
        prompt = Text()
        prompt.append(pattern.name, style="bold")
        if pattern.custom:
            prompt.append("  (yours)", style="italic")
        timings = pattern.timings_text() + " s"
        if pattern.key == "coherent":
            timings += f" ({format_pace(pattern.breaths_per_minute())}/min)"
        prompt.append("\n  " + timings, style="dim")
        return Option(prompt, id=pattern.key)

    def refresh_from_store(self, keep: str | None = None) -> None:
        options = self.query_one("#breathe-patterns", OptionList)
        current = keep or (self.highlighted.key if self.highlighted is not None else None)
        self.patterns = self.load_patterns()
        options.clear_options()
        options.add_options([self._option(pattern) for pattern in self.patterns])
        keys = [pattern.key for pattern in self.patterns]
        options.highlighted = keys.index(current) if current in keys else 0
        self.show_detail()
        self.show_history()

    def show_detail(self) -> None:
        pattern = self.highlighted
        if pattern is None:
            return
        about = Text()
        about.append(pattern.name + "\n", style="bold")
        about.append(pattern.timings_text() + " s")
        if pattern.key == "coherent":
            about.append(f"  ({format_pace(pattern.breaths_per_minute())} breaths a minute)")
        about.append("\n" + pattern.summary)
        self.query_one("#breathe-about", Static).update(about)
        self.query_one("#breathe-safety", Static).update(Text(pattern.safety))
        schedule = self.schedule_for(pattern)
        unit, amount = self._length_of(pattern)
        if unit == "cycles":
            length = (
                f"Length: {amount} cycle{'s' if amount != 1 else ''} (about {format_clock(schedule.total_seconds)})"
            )
            if pattern.key == "4-7-8":
                length += "\n4 cycles is a good first session; up to 8 once it feels easy."
        else:
            length = f"Length: {amount} minute{'s' if amount != 1 else ''} ({schedule.cycles} cycles, {format_clock(schedule.total_seconds)})"
        if pattern.key == "coherent":
            length += f"\nPace: {format_pace(pattern.breaths_per_minute())} breaths a minute ([ slower, ] faster)"
        self.query_one("#breathe-length", Static).update(Text(length))
        keys = ["Enter start", "←/→ length", "u min/cycles"]
        if pattern.key == "coherent":
            keys.append("[ ] pace")
        elif pattern.key == "sigh":
            keys.append("e adjust")
        elif pattern.custom:
            keys.extend(["e edit", "x delete"])
        keys.append("n new")
        self.query_one("#breathe-keys", Static).update(Text(" · ".join(keys)))

    def show_history(self) -> None:
        lines = [(record.started_at, record_summary(record)) for record in self._sessions.recent(HISTORY_LIMIT)]
        lines = sorted(lines + self.guided.history(HISTORY_LIMIT), reverse=True)[:HISTORY_LIMIT]
        text = (
            "\n".join(line for _, line in lines)
            if lines
            else "No sessions yet. When you breathe with the timer, each session is kept here."
        )
        self.query_one("#breathe-history", Static).update(Text(text))

    def on_option_list_option_highlighted(self, _: OptionList.OptionHighlighted) -> None:
        self.show_detail()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_start()

    # -- actions ------------------------------------------------------------------------

    def action_start(self) -> None:
        pattern = self.highlighted
        if pattern is not None:
            self.start_session(self.schedule_for(pattern))

    def start_session(self, schedule: Schedule) -> None:
        self.app.push_screen(BreathingSessionScreen(schedule), callback=self._session_closed)

    def _session_closed(self, _: Any) -> None:
        self.refresh_from_store()

    def action_length(self, change: int) -> None:
        pattern = self.highlighted
        if pattern is None:
            return
        unit, amount = self._length_of(pattern)
        low, high = (MIN_CYCLES, MAX_CYCLES) if unit == "cycles" else (MIN_MINUTES, MAX_MINUTES)
        self.lengths[pattern.key] = (unit, max(low, min(high, amount + change)))
        self.show_detail()

    def action_toggle_unit(self) -> None:
        pattern = self.highlighted
        if pattern is None:
            return
        unit, _ = self._length_of(pattern)
        schedule = self.schedule_for(pattern)
        if unit == "minutes":
            self.lengths[pattern.key] = ("cycles", max(MIN_CYCLES, min(MAX_CYCLES, schedule.cycles)))
        else:
            minutes = round(schedule.total_seconds / 60)
            self.lengths[pattern.key] = ("minutes", max(MIN_MINUTES, min(MAX_MINUTES, minutes)))
        self.show_detail()

    def action_pace(self, change: int) -> None:
        pattern = self.highlighted
        if pattern is None or pattern.key != "coherent":
            self.notify("Pace changes are for coherent breathing.", timeout=3)
            return
        self.coherent_bpm = clamp_bpm(coherent_pace_of(pattern) + change * PACE_STEP)
        self.refresh_from_store(keep="coherent")

    def action_edit(self) -> None:
        pattern = self.highlighted
        if pattern is None:
            return
        if pattern.key == "sigh":
            values = {t.field_id: format_seconds(p.seconds) for t, p in zip(SIGH_FIELDS, pattern.phases, strict=False)}
            self.app.push_screen(
                BreathingPatternFormScreen("Adjust cyclic sighing", SIGH_FIELDS, values), callback=self._sigh_adjusted
            )
        elif pattern.key == "coherent":
            self.notify("Use [ and ] to make coherent breathing slower or faster.", timeout=4, markup=False)
        elif pattern.custom:
            values = {
                t.field_id: format_seconds(p.seconds) for t, p in zip(CUSTOM_FIELDS, pattern.phases, strict=False)
            }
            taken = self._taken_names(except_id=pattern.id)
            self.app.push_screen(
                BreathingPatternFormScreen(
                    f"Edit {pattern.name}", CUSTOM_FIELDS, values, name=pattern.name, taken_names=taken
                ),
                callback=lambda result: self._custom_saved(result, pattern.id),
            )
        else:
            self.notify("Built-in patterns keep their timings; press n to make your own.", timeout=4)

    def _taken_names(self, except_id: str | None = None) -> list[str]:
        names = [p.name for p in self.patterns if p.id != except_id]
        names += [p.key for p in self.patterns if not p.custom]
        return names

    def action_new_pattern(self) -> None:
        values = {"inhale": "4", "hold-in": "2", "exhale": "6", "hold-out": "0"}
        self.app.push_screen(
            BreathingPatternFormScreen(
                "New breathing pattern", CUSTOM_FIELDS, values, name="", taken_names=self._taken_names()
            ),
            callback=lambda result: self._custom_saved(result, None),
        )

    def _sigh_adjusted(self, result: ValidationResult | None) -> None:
        if result is None:
            return
        inhale, top_up, exhale = (phase.seconds for phase in result.phases)
        self.sigh_parts = (inhale, top_up, exhale)
        self.refresh_from_store(keep="sigh")

    def _custom_saved(self, result: ValidationResult | None, pattern_id: str | None) -> None:
        if result is None:
            return
        pattern = custom_pattern(result.name, result.phases, pattern_id or new_id())
        with store_write(self.app, "Not saved") as attempt:
            self._custom.save(pattern)
        if attempt.failed:
            return
        self.notify(f"Saved {pattern.name}.", timeout=3, markup=False)
        self.refresh_from_store(keep=pattern.key)

    def action_delete_pattern(self) -> None:
        pattern = self.highlighted
        if pattern is None or not pattern.custom:
            self.notify("Only your own patterns can be deleted.", timeout=3)
            return

        from tui.ui.dialogs.delete_confirm import confirm_delete

        repository = self._custom
        kept = pattern

        def delete() -> Callable[[], object]:
            repository.delete(kept.id)
            return lambda: repository.save(kept)

        confirm_delete(
            self,
            "breathing pattern",
            kept.name,
            delete,
            note="Past sessions with it stay in your history.",
            after=self.refresh_from_store,
        )

    # -- opened from the command line -----------------------------------------------------

    def _open_launch_session(self) -> None:
        """``heartwork breathe --pattern box --minutes 2`` goes straight into a session."""
        if self._launched:
            return
        self._launched = True
        launch = self.heartwork.launch
        options = launch.options if launch.section == "breathe" else {}
        if self.guided.open_from_launch(options):
            return
        name, minutes, cycles = options.get("pattern"), options.get("minutes"), options.get("cycles")
        if not (name or minutes or cycles):
            return
        pattern = find_pattern(str(name or "box"), self.patterns)
        if pattern is None:
            self.notify(f"No pattern called {name}.", severity="warning", markup=False)
            return
        if minutes:
            schedule = Schedule.for_minutes(pattern, int(minutes))
        elif cycles:
            schedule = Schedule.for_cycles(pattern, int(cycles))
        else:
            schedule = self.schedule_for(pattern)
        self.query_one("#breathe-patterns", OptionList).highlighted = self.patterns.index(pattern)
        self.start_session(schedule)
