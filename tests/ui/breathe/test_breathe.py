"""The breathing section driven like a person would, with a fake clock."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from textual.widgets import Input, OptionList, Static

from tui.core.breathing import Phase, custom_pattern
from tui.core.clock import FakeClock
from tui.core.settings import Settings
from tui.store.breathing_pattern_repository import BreathingPatternRepository
from tui.store.breathing_repository import BreathingSessionRepository
from tui.store.store import Store
from tui.ui.dialogs.confirm import ConfirmScreen
from tui.ui.screens.breathe.breathe import BreatheScreen
from tui.ui.screens.breathe.breathing_pattern_form import BreathingPatternFormScreen
from tui.ui.screens.breathe.breathing_session import BreathingSessionScreen

REPO_ROOT = Path(__file__).resolve().parents[3]


def shown(screen: Any, widget_id: str) -> str:
    return str(screen.query_one(f"#{widget_id}", Static).render())


async def settle(pilot: Any, until: Callable[[], bool]) -> None:
    """Let the app process messages until ``until()`` holds (screens pop asynchronously)."""
    for _ in range(20):
        if until():
            return
        await pilot.pause(0.02)


async def step(pilot: Any, clock: FakeClock, screen: BreathingSessionScreen, seconds: float) -> None:
    clock.advance(seconds)
    screen.refresh_state()
    await pilot.pause()


async def test_whole_session_is_saved_with_feelings(
    make_app: Callable[..., Any], clock: FakeClock, store: Store
) -> None:
    app = make_app("breathe", pattern="box", cycles=2)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        session = app.screen
        assert isinstance(session, BreathingSessionScreen)
        await pilot.press("4")  # feeling before
        assert session.stage == "breathing"
        assert "Get ready" in shown(session, "session-plain")
        await step(pilot, clock, session, 3.0)
        assert shown(session, "session-plain") == "Inhale · 4 s"
        assert shown(session, "session-cycle") == "Cycle 1 of 2"
        await step(pilot, clock, session, 4.5)
        assert shown(session, "session-plain") == "Hold · 4 s"
        await step(pilot, clock, session, 4.0)
        assert shown(session, "session-plain") == "Exhale · 4 s"
        await step(pilot, clock, session, 8.0)
        assert shown(session, "session-plain") == "Inhale · 4 s" and shown(session, "session-cycle") == "Cycle 2 of 2"
        await step(pilot, clock, session, 16.0)
        assert session.stage == "after"
        assert store.repo(BreathingSessionRepository).count() == 1
        await pilot.press("0")  # feeling after: 10
        assert session.stage == "done"
        assert "Saved" in shown(session, "session-saved")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, BreatheScreen)
        assert "Box breathing" in shown(app.screen, "breathe-history")
    (record,) = store.repo(BreathingSessionRepository).all()
    assert record.finished and record.cycles_completed == 2 and record.planned_cycles == 2
    assert record.actual_seconds == 32.0 and record.planned_seconds == 32.0
    assert (record.feeling_before, record.feeling_after) == (4, 10)
    assert record.started_at == datetime(2026, 3, 2, 9, 30, 3).astimezone()  # when "get ready" ended


async def test_escape_early_saves_what_was_done(make_app: Callable[..., Any], clock: FakeClock, store: Store) -> None:
    app = make_app("breathe", pattern="4-7-8")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        session = app.screen
        await pilot.press("enter")  # skip the feeling question
        await step(pilot, clock, session, 3.0 + 19.0 + 5.0)  # one whole cycle and a bit
        await pilot.press("escape")
        assert session.stage == "after"
        await pilot.press("enter")
        assert session.stage == "done"
    (record,) = store.repo(BreathingSessionRepository).all()
    assert not record.finished and record.actual_seconds == 24.0 and record.cycles_completed == 1
    assert record.planned_cycles == 4  # 4-7-8 suggests four cycles
    assert record.feeling_before is None and record.feeling_after is None


async def test_pause_shifts_the_schedule(make_app: Callable[..., Any], clock: FakeClock, store: Store) -> None:
    app = make_app("breathe", pattern="box", minutes=1)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        session = app.screen
        await pilot.press("enter")
        await step(pilot, clock, session, 3.0 + 2.0)
        await pilot.press("space")
        assert "Paused" in shown(session, "session-status")
        await step(pilot, clock, session, 60.0)  # a long pause: nothing moves
        assert shown(session, "session-plain") == "Inhale · 2 s"
        await pilot.press("space")
        await step(pilot, clock, session, 1.9)
        assert shown(session, "session-plain") == "Inhale · 1 s"
        await step(pilot, clock, session, 0.1)
        assert shown(session, "session-plain") == "Hold · 4 s"
        app.save_pending()  # quitting mid-session keeps it
    (record,) = store.repo(BreathingSessionRepository).all()
    assert record.actual_seconds == 4.0 and not record.finished and record.planned_seconds == 64.0


async def test_invalid_custom_pattern_shows_messages_at_fields(make_app: Callable[..., Any], store: Store) -> None:
    app = make_app("breathe")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("n")
        form = app.screen
        assert isinstance(form, BreathingPatternFormScreen)
        form.query_one("#field-name", Input).value = "Box"
        form.query_one("#field-inhale", Input).value = "abc"
        form.query_one("#field-exhale", Input).value = "25"
        await pilot.click("#pattern-form-save")
        assert app.screen is form
        assert "already used" in shown(form, "error-name")
        assert "number" in shown(form, "error-inhale")
        assert "20" in shown(form, "error-exhale")
        assert form.query_one("#field-inhale", Input).has_class("-invalid")
        form.query_one("#field-name", Input).value = "Slow evening"
        form.query_one("#field-inhale", Input).value = "4.5"
        form.query_one("#field-exhale", Input).value = "7"
        assert form.focused is form.query_one("#field-name", Input)  # focus went to the first problem
        await pilot.press("enter")  # submitting a field saves too
        await settle(pilot, lambda: isinstance(app.screen, BreatheScreen))
        assert isinstance(app.screen, BreatheScreen)
        options = app.screen.query_one("#breathe-patterns", OptionList)
        assert options.option_count == 5
    (pattern,) = store.repo(BreathingPatternRepository).all()
    assert pattern.name == "Slow evening" and [p.seconds for p in pattern.phases] == [4.5, 2, 7, 0]


async def test_custom_pattern_edit_delete_and_launch_by_name(make_app: Callable[..., Any], store: Store) -> None:
    store.repo(BreathingPatternRepository).save(custom_pattern("Mine", (Phase("inhale", 3), Phase("exhale", 3)), "m1"))
    app = make_app("breathe")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        screen.query_one("#breathe-patterns", OptionList).highlighted = 4
        await pilot.press("e")
        form = app.screen
        assert isinstance(form, BreathingPatternFormScreen)
        form.query_one("#field-exhale", Input).value = "5"
        await pilot.click("#pattern-form-save")
        await settle(pilot, lambda: isinstance(app.screen, BreatheScreen))
        assert store.repo(BreathingPatternRepository).get("m1").phases[2].seconds == 5  # type: ignore[union-attr]
        await pilot.press("x")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)  # asks first
        app.clock.advance(1)  # past the type-ahead guard
        await pilot.press("n")
        await pilot.pause()
        assert store.repo(BreathingPatternRepository).count() == 1  # "no" keeps it
        await pilot.press("x")
        await pilot.pause()
        app.clock.advance(1)
        await pilot.press("tab", "enter")
        await pilot.pause()
        assert store.repo(BreathingPatternRepository).count() == 0


async def test_length_and_coherent_pace_controls(make_app: Callable[..., Any]) -> None:
    app = make_app("breathe")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        await pilot.press("right", "right")
        assert "5 minutes" in shown(screen, "breathe-length")
        await pilot.press("u")
        assert "19 cycles" in shown(screen, "breathe-length")
        await pilot.press("down", "down")  # coherent
        await pilot.press("right_square_bracket")
        assert "6 breaths a minute" in shown(screen, "breathe-about")
        await pilot.press("enter")
        await pilot.pause()
        session = app.screen
        assert isinstance(session, BreathingSessionScreen)
        assert [p.seconds for p in session.schedule.pattern.phases] == [5.0, 5.0]


def test_cli_unknown_pattern_is_one_line_and_exit_2(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "tui", "--db", str(tmp_path / "db.json"), "breathe", "--pattern", "square"],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "box, 4-7-8, coherent, sigh" in lines[0]
    bad_minutes = subprocess.run(
        [sys.executable, "-m", "tui", "--db", str(tmp_path / "db.json"), "breathe", "--minutes", "0"],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert bad_minutes.returncode == 2 and len(bad_minutes.stderr.strip().splitlines()) == 1


async def test_reduced_motion_shows_words_and_countdown_only(
    make_app: Callable[..., Any], clock: FakeClock, store: Store
) -> None:
    store.settings.save(Settings(reduced_motion=True))
    app = make_app("breathe", pattern="4-7-8", cycles=1)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        session = app.screen
        await pilot.press("enter")
        await step(pilot, clock, session, 3.0 + 4.0 + 1.5)
        assert not session.query_one("#session-visual").display
        assert shown(session, "session-plain") == "Hold · 6 s"
        assert session._frame_timer is not None and session._frame_timer._interval == 1.0


async def test_covered_screen_pauses_session_and_redraw(
    make_app: Callable[..., Any], clock: FakeClock, store: Store
) -> None:
    app = make_app("breathe", pattern="box", cycles=2)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        session = app.screen
        await pilot.press("enter")
        await step(pilot, clock, session, 3.0 + 1.0)
        await pilot.press("h")  # away to home, mid-breath
        await settle(pilot, lambda: app.current_mode == "home")
        assert session.session.paused and session._frame_timer._active.is_set() is False
        clock.advance(30.0)
        await pilot.press("b")
        await settle(pilot, lambda: app.screen is session)
        assert shown(session, "session-plain") == "Inhale · 3 s"  # nothing was missed
        assert "Paused" in shown(session, "session-status")
        await pilot.press("space")
        await step(pilot, clock, session, 3.0)
        assert shown(session, "session-plain") == "Hold · 4 s"
        await pilot.press("escape", "enter", "enter")
        await pilot.press("h")
        await settle(pilot, lambda: app.current_mode == "home")
        assert "4 seconds of breathing" in shown(app.screen, "home-summary")  # issue 10.8: never "0.1 min"
    (record,) = store.repo(BreathingSessionRepository).all()
    assert record.actual_seconds == 4.0 and not record.finished


def test_core_store_and_cli_options_do_not_import_textual() -> None:
    code = (
        "import sys, tui.cli.main, tui.core.breathing, tui.store.breathing_repository, "
        "tui.store.breathing_pattern_repository, tui.cli.commands.breathe_options; "
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'textual'))"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=REPO_ROOT, capture_output=True, text=True, timeout=30)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


async def test_bell_rings_at_each_phase_change_when_asked(
    make_app: Callable[..., Any], clock: FakeClock, store: Store
) -> None:
    store.settings.save(Settings(bell=True))
    app = make_app("breathe", pattern="sigh", cycles=1)
    rings: list[float] = []
    async with app.run_test(size=(80, 24)) as pilot:
        app.bell = lambda: rings.append(clock.monotonic())  # type: ignore[method-assign]
        await pilot.pause()
        session = app.screen
        await pilot.press("enter")
        for _ in range(24):  # 3 s get ready + 9 s of breathing, half a second at a time
            await step(pilot, clock, session, 0.5)
        assert session.stage == "after"
    start = 1000.0 + 3.0
    # In, top-up, out, and a last one when the session is complete.
    assert rings == [start + 0.0, start + 2.0, start + 3.0, start + 9.0]


async def test_custom_pattern_opens_by_name_even_with_brackets(
    make_app: Callable[..., Any], clock: FakeClock, store: Store
) -> None:
    odd = custom_pattern(
        "[b]Night [slow", (Phase("inhale", 3), Phase("hold", 0), Phase("exhale", 5), Phase("hold", 0)), "n1"
    )
    store.repo(BreathingPatternRepository).save(odd)
    app = make_app("breathe", pattern="[B]NIGHT [slow", cycles=1)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        session = app.screen
        assert isinstance(session, BreathingSessionScreen)
        assert shown(session, "session-feeling-title") == "[b]Night [slow · 1 cycle · 0:08"
        await pilot.press("enter")
        await step(pilot, clock, session, 3.0 + 3.0)
        assert shown(session, "session-plain") == "Exhale · 5 s"  # the zero-second hold is skipped
        await step(pilot, clock, session, 5.0)
        await pilot.press("enter", "enter")
        await settle(pilot, lambda: isinstance(app.screen, BreatheScreen))
        assert "[b]Night [slow" in shown(app.screen, "breathe-history")
    (record,) = store.repo(BreathingSessionRepository).all()
    assert record.pattern_key == "custom:n1" and record.finished and record.actual_seconds == 8.0
