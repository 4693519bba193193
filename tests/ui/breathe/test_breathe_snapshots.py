"""How a breathing phase looks at a small and a large terminal (fake clock: deterministic)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from tui.core.clock import FakeClock


def at_moment(clock: FakeClock, seconds_after_start: float) -> Callable[[Any], Any]:
    async def run_before(pilot: Any) -> None:
        await pilot.pause()
        await pilot.press("enter")  # skip "how do you feel"
        clock.advance(seconds_after_start)
        pilot.app.screen.refresh_state()
        await pilot.pause()

    return run_before


@pytest.mark.parametrize("size", [(80, 24), (200, 50)])
def test_breathing_in(snap_compare: Any, make_app: Callable[..., Any], clock: FakeClock, size: tuple[int, int]) -> None:
    app = make_app("breathe", pattern="box", minutes=2)
    assert snap_compare(app, terminal_size=size, run_before=at_moment(clock, 3.0 + 16.0 + 2.5))


def test_breathe_list_small(snap_compare: Any, make_app: Callable[..., Any]) -> None:
    assert snap_compare(make_app("breathe"), terminal_size=(60, 20))
