"""Issue 15 snapshots at 80x24: a full day grouped by time of day, and the four-week history grid."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

from tui.core.selfcare_schedule import on_weekdays, times_a_week
from tui.store.selfcare_repository import SelfCareRepository, SelfCareTickRepository
from tui.store.store import Store

SIZE = (80, 24)
TODAY = date(2026, 3, 2)


def seed_full_day(store: Store, clock: Any) -> None:
    """Five routines across the day, some done, one partly, one resting, with three weeks behind them."""
    repository = store.repo(SelfCareRepository)
    start = clock.now() - timedelta(days=21)
    water = repository.add("Drink a glass of water.", start, "body", time_of_day="morning")
    stretch = repository.add("Stretch for two minutes.", start, "body", time_of_day="morning", schedule=times_a_week(3))
    walk = repository.add("Walk around the block.", start, "body", time_of_day="afternoon")
    call = repository.add(
        "Call someone I like.", start, "connection", time_of_day="evening", schedule=on_weekdays([0, 3])
    )
    tea = repository.add("Tea without a screen.", start, "rest")
    ticks = store.repo(SelfCareTickRepository)
    for back in range(1, 22):
        day = TODAY - timedelta(days=back)
        if back % 2:
            ticks.set_state(water.id, day, "done")
        if back % 5 == 0:
            ticks.set_state(walk.id, day, "partly")
        if back % 7 == 3:
            ticks.set_state(tea.id, day, "rest")
        if back in (4, 11):
            ticks.set_state(call.id, day, "done")
    ticks.set_state(water.id, TODAY, "done")
    ticks.set_state(walk.id, TODAY, "partly")
    ticks.set_state(tea.id, TODAY, "rest")
    del stretch


def test_item15_selfcare_full_day_snapshot(
    snap_compare: Any, make_app: Callable[..., Any], store: Store, clock: Any
) -> None:
    seed_full_day(store, clock)
    assert snap_compare(make_app("selfcare"), terminal_size=SIZE)


def test_item15_selfcare_four_week_history_snapshot(
    snap_compare: Any, make_app: Callable[..., Any], store: Store, clock: Any
) -> None:
    seed_full_day(store, clock)
    assert snap_compare(make_app("selfcare"), terminal_size=SIZE, press=["g"])
