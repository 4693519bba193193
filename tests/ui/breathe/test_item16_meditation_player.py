"""Issue 16: a guided meditation played like a person would, with a fake clock."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Static

from tui.core.clock import FakeClock
from tui.core.settings import Settings
from tui.store.meditation_repository import MeditationSessionRepository
from tui.store.store import Store
from tui.ui.screens.breathe.breathe import BreatheScreen
from tui.ui.screens.meditate.guide_picker import GuidePickerScreen
from tui.ui.screens.meditate.guide_player import GuidePlayerScreen
from tui.ui.widgets.guided_list import GuidedList


@pytest.fixture(autouse=True)
def own_guides_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Guides are read from a fresh folder, never the real config folder."""
    folder = tmp_path / "guides"
    monkeypatch.setattr("tui.ui.screens.breathe.guided.guides_folder", lambda: folder)
    return folder


def shown(screen: Any, widget_id: str) -> str:
    return str(screen.query_one(f"#{widget_id}", Static).render())


async def after(pilot: Any, clock: FakeClock, screen: GuidePlayerScreen, seconds: float) -> None:
    clock.advance(seconds)
    screen.refresh_state()
    await pilot.pause()


async def test_item16_whole_guide_to_its_saved_record(
    make_app: Callable[..., Any], clock: FakeClock, store: Store
) -> None:
    app = make_app("breathe", guide="self-compassion-pause")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        player = app.screen
        assert isinstance(player, GuidePlayerScreen)
        assert "Self-compassion pause · 3:00" in shown(player, "guide-feeling-title")
        await pilot.press("3")  # feeling before
        assert player.stage == "playing"
        assert shown(player, "guide-step").startswith("Pause where you are.")
        assert shown(player, "guide-section") == "Arriving"
        assert shown(player, "guide-progress") == "Step 1 of 7 · 3 min left"
        await after(pilot, clock, player, 19.9)
        assert shown(player, "guide-step").startswith("Pause where you are.")
        await after(pilot, clock, player, 0.1)  # 20 s: the second step, exactly on time
        assert shown(player, "guide-step").startswith("Think of something")
        await after(pilot, clock, player, 25.0)
        assert shown(player, "guide-section") == "Noticing"
        assert shown(player, "guide-progress") == "Step 3 of 7 · 3 min left"
        await after(pilot, clock, player, 125.0)  # 170 s
        assert shown(player, "guide-section") == "Closing"
        assert shown(player, "guide-progress") == "Step 7 of 7 · under a minute left"
        await after(pilot, clock, player, 10.0)
        assert player.stage == "after"
        assert store.repo(MeditationSessionRepository).count() == 1
        await pilot.press("8")
        assert player.stage == "done"
        assert "Saved: Self-compassion pause, 3:00 (complete)." in shown(player, "guide-saved")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, BreatheScreen)
        assert "Self-compassion pause · 3:00 of 3:00 · complete · feeling 3 → 8" in shown(app.screen, "breathe-history")
    (record,) = store.repo(MeditationSessionRepository).all()
    assert (record.guide_id, record.guide_title) == ("self-compassion-pause", "Self-compassion pause")
    assert record.finished and record.planned_seconds == 180.0 and record.actual_seconds == 180.0
    assert (record.feeling_before, record.feeling_after) == (3, 8)
    assert record.started_at == clock.now().replace(minute=30, second=0)


async def test_item16_pause_step_and_end_early(make_app: Callable[..., Any], clock: FakeClock, store: Store) -> None:
    app = make_app("breathe", guide="body-scan-short")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        player = app.screen
        assert isinstance(player, GuidePlayerScreen)
        await pilot.press("enter")  # no feeling noted
        await after(pilot, clock, player, 5.0)
        await pilot.press("space")
        assert "Paused" in shown(player, "guide-status")
        await after(pilot, clock, player, 60.0)  # a long pause moves nothing on
        assert shown(player, "guide-progress").startswith("Step 1 of 13")
        await pilot.press("space")
        await pilot.press("right")
        assert shown(player, "guide-progress").startswith("Step 2 of 13")
        await pilot.press("right")
        await pilot.press("left")  # just begun: back to the one before
        assert shown(player, "guide-progress").startswith("Step 2 of 13")
        await after(pilot, clock, player, 10.0)
        await pilot.press("escape")
        assert player.stage == "after"
        await pilot.press("escape")  # no feeling after
        assert player.stage == "done"
        assert "ended early" in shown(player, "guide-saved")
    (record,) = store.repo(MeditationSessionRepository).all()
    assert not record.finished
    assert record.actual_seconds == 15.0 and record.planned_seconds == 300.0
    assert record.feeling_before is None and record.feeling_after is None


async def test_item16_guided_list_beside_the_patterns_starts_a_guide(
    make_app: Callable[..., Any], own_guides_folder: Path
) -> None:
    own_guides_folder.mkdir()
    (own_guides_folder / "broken.toml").write_text('id = "x"\ntitle = "X"\n', encoding="utf-8")
    app = make_app("breathe")
    async with app.run_test(size=(110, 32)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, BreatheScreen)
        guided = screen.query_one("#breathe-guided", GuidedList)
        assert [guide.id for guide in guided.guides][:1] == ["self-compassion-pause"]
        messages = [str(n.message) for n in app._notifications]
        assert any("broken.toml" in m and "'purpose' is missing" in m for m in messages)
        guided.focus()
        await pilot.press("down")
        assert "Body scan (short)" in shown(screen, "breathe-about")
        assert shown(screen, "breathe-length").startswith("Length: about 5 min. Rest your attention")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, GuidePlayerScreen) and app.screen.guide.id == "body-scan-short"
        await pilot.press("escape")  # before it starts: back, nothing saved
        await pilot.pause()
        assert app.screen is screen


async def test_item16_palette_command_opens_the_picker_then_the_player(make_app: Callable[..., Any]) -> None:
    app = make_app("home")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.action_meditate()
        await pilot.pause()
        assert isinstance(app.screen, GuidePickerScreen)
        await pilot.press("down", "down", "enter")
        await pilot.pause()
        assert isinstance(app.screen, GuidePlayerScreen) and app.screen.guide.id == "loving-kindness"
        commands = [command.title for command in app.get_system_commands(app.screen)]
        assert "Guided meditation" in commands


async def test_item16_suspended_player_holds_its_place(make_app: Callable[..., Any], clock: FakeClock) -> None:
    app = make_app("breathe", guide="self-compassion-pause")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        player = app.screen
        assert isinstance(player, GuidePlayerScreen)
        await pilot.press("enter")
        await after(pilot, clock, player, 10.0)
        await pilot.press("h")  # off to Home: the guide waits
        await pilot.pause()
        assert player.session is not None and player.session.paused and player._timer is None
        clock.advance(300.0)
        await pilot.press("b")
        await pilot.pause()
        assert app.screen is player
        assert shown(player, "guide-progress").startswith("Step 1 of 7")


async def test_item16_bell_between_steps_and_reduced_motion(
    store: Store, clock: FakeClock, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tui.ui.app import Launch, create_app

    app = create_app(
        store,
        clock,
        Settings(bell=True, reduced_motion=True),
        launch=Launch("breathe", {"guide": "self-compassion-pause"}),
        themes_dir=tmp_path / "none",
    )
    bells: list[int] = []
    monkeypatch.setattr(app, "bell", lambda: bells.append(1))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        player = app.screen
        assert isinstance(player, GuidePlayerScreen)
        await pilot.press("enter")
        assert bells == []
        await after(pilot, clock, player, 20.0)
        assert bells == [1]
        step = player.query_one("#guide-step", Static)
        assert step.styles.opacity == 1.0  # plain text change: no fade
        assert not app.animator.is_being_animated(step.styles, "opacity")


async def test_item16_meditation_counts_on_home(make_app: Callable[..., Any], clock: FakeClock, store: Store) -> None:
    app = make_app("breathe", guide="self-compassion-pause")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        player = app.screen
        assert isinstance(player, GuidePlayerScreen)
        await pilot.press("enter")
        await after(pilot, clock, player, 180.0)
        await pilot.press("enter", "enter")
        await pilot.press("h")
        await pilot.pause()
        assert "3 min of guided meditation (1 session)" in shown(app.screen, "home-summary")


async def test_item16_leaving_the_guided_list_shows_the_pattern_again(make_app: Callable[..., Any]) -> None:
    app = make_app("breathe")
    async with app.run_test(size=(110, 32)) as pilot:
        await pilot.pause()
        screen = app.screen
        screen.query_one("#breathe-guided", GuidedList).focus()
        await pilot.press("down")
        assert "Body scan (short)" in shown(screen, "breathe-about")
        await pilot.press("tab")
        await pilot.pause()
        assert "Box breathing" in shown(screen, "breathe-about")
