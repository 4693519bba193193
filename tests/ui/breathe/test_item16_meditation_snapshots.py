"""Issue 16: how a guide's step looks at a small and a large terminal, and the guide lists (fake clock)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tui.core.clock import FakeClock


@pytest.fixture(autouse=True)
def own_guides_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("tui.ui.screens.breathe.guided.guides_folder", lambda: tmp_path / "guides")


def at_moment(clock: FakeClock, seconds_after_start: float) -> Callable[[Any], Any]:
    async def run_before(pilot: Any) -> None:
        await pilot.pause()
        await pilot.press("enter")  # skip "how do you feel"
        clock.advance(seconds_after_start)
        pilot.app.screen.refresh_state()
        await pilot.pause()
        await pilot.wait_for_scheduled_animations()  # the new instruction has faded in

    return run_before


@pytest.mark.parametrize("size", [(80, 24), (200, 50)])
def test_item16_guide_step(
    snap_compare: Any, make_app: Callable[..., Any], clock: FakeClock, size: tuple[int, int]
) -> None:
    app = make_app("breathe", guide="loving-kindness")
    assert snap_compare(app, terminal_size=size, run_before=at_moment(clock, 50.0 + 30.0 + 5.0))


def test_item16_guided_list_in_breathe(snap_compare: Any, make_app: Callable[..., Any]) -> None:
    async def focus_guided(pilot: Any) -> None:
        await pilot.pause()
        pilot.app.screen.query_one("#breathe-guided").focus()
        await pilot.press("down")
        await pilot.pause()

    assert snap_compare(make_app("breathe"), terminal_size=(110, 32), run_before=focus_guided)


def test_item16_guide_picker(snap_compare: Any, make_app: Callable[..., Any]) -> None:
    async def open_picker(pilot: Any) -> None:
        await pilot.pause()
        pilot.app.action_meditate()
        await pilot.pause()

    assert snap_compare(make_app("home"), terminal_size=(80, 24), run_before=open_picker)
