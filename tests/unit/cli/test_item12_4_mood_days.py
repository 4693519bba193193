"""Issue 12.4: the mood views read per-day aggregates built once per load, never every check-in per view."""

from __future__ import annotations

import argparse
import random
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from tui.core import mood_stats
from tui.core.checkin import Checkin
from tui.core.mood_days import collect_days
from tui.core.mood_overview import overview_of
from tui.store.checkin_repository import CheckinPoint, CheckinRepository
from tui.store.journal_repository import JournalRepository
from tui.store.store import Store

TODAY = date(2026, 3, 2)


def points(count: int, seed: int = 3) -> list[CheckinPoint]:
    rng = random.Random(seed)
    made = []
    for index in range(count):
        day = TODAY - timedelta(days=rng.randrange(800))
        made.append(
            CheckinPoint(
                f"{day.isoformat()}T09:{index % 60:02d}:00+01:00",
                day,
                rng.randint(1, 10),
                tuple(rng.sample(["calm", "tired", "sad", "proud"], 2)),
                tuple(rng.sample(["work", "rain", "home"], 1)),
                str(index),
            )
        )
    return sorted(made)


@pytest.mark.parametrize("range_days", [7, 30, 90, 365])
@pytest.mark.parametrize("week_start", ["monday", "sunday"])
def test_item12_4_the_overview_from_days_says_what_a_walk_over_every_checkin_says(
    range_days: int, week_start: str
) -> None:
    given = points(1500)
    overview = overview_of(collect_days(given), TODAY, range_days, week_start)
    means = mood_stats.daily_means((p.day, p.pleasantness) for p in given)
    start = mood_stats.range_start(TODAY, range_days)
    in_range = [p for p in given if start <= p.day <= TODAY]
    assert overview.total_checkins == len(given) and overview.days_with_data == len(means)
    assert overview.daily == mood_stats.series(means, start, TODAY)
    assert overview.weekdays == mood_stats.weekday_pattern(means, week_start)
    assert overview.pixels == mood_stats.year_in_pixels(means, TODAY, week_start)
    assert sorted(overview.top_emotions) == sorted(mood_stats.most_frequent([p.emotions for p in in_range]))
    assert sorted(overview.top_tags) == sorted(mood_stats.most_frequent([p.tags for p in in_range]))


def add_checkins(store: Store, days: int) -> None:
    now = datetime(2026, 3, 2, 9, 30).astimezone()
    store.repo(CheckinRepository).save_many(
        Checkin(at=now - timedelta(days=offset), pleasantness=1 + offset % 10) for offset in range(days)
    )


def count_point_reads(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Counts walks over every check-in (``points`` makes its list with ``iter_points``: one walk each)."""
    calls: list[int] = []
    original = CheckinRepository.iter_points

    def counted(self: CheckinRepository, *args: Any) -> Iterator[CheckinPoint]:
        calls.append(1)
        return original(self, *args)

    monkeypatch.setattr(CheckinRepository, "iter_points", counted)
    return calls


def test_item12_4_the_aggregate_is_built_once_per_data_version(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    add_checkins(store, 40)
    calls = count_point_reads(monkeypatch)
    repository = store.repo(CheckinRepository)
    first = repository.mood_days()
    assert repository.mood_days() is first and len(calls) == 1
    repository.add(Checkin(at=datetime(2026, 3, 3, 8, 0).astimezone(), pleasantness=9))
    again = repository.mood_days()
    assert again.total == 41 and again.means[date(2026, 3, 3)] == 9 and len(calls) == 2
    assert repository.latest_points(1)[0].pleasantness == 9


async def test_item12_4_home_and_every_mood_range_read_the_check_ins_once(
    make_app: Any, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    add_checkins(store, 400)
    calls = count_point_reads(monkeypatch)
    app = make_app()
    async with app.run_test(size=(110, 40)) as pilot:
        await pilot.pause()
        await pilot.press("m")
        await pilot.pause()
        for key in "1234":
            await pilot.press(key)
            await pilot.pause()
        await pilot.press("h")
        await pilot.pause()
        assert app.current_mode == "home"
    assert len(calls) == 1, "Home's sparkline and the dashboard share one walk over the check-ins"


def test_item12_4_opening_for_the_app_builds_the_views_data_in_the_loader(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tui.cli.launch import open_for_app
    from tui.ui.store_loading import Opened

    path = tmp_path / "heartwork.json"
    store = Store.open(path)
    add_checkins(store, 30)
    store.close()
    outcome = open_for_app(path, False, argparse.Namespace(section="home"))
    assert isinstance(outcome, Opened) and outcome.warm_up is not None
    calls = count_point_reads(monkeypatch)
    try:
        assert outcome.store.repo(CheckinRepository).mood_days().total == 30
        assert calls == [], "built while opening, not on the first view"
        outcome.warm_up()
        journal = outcome.store.repo(JournalRepository)
        assert journal._summaries is not None, "the journal's list is ready before it is opened"
    finally:
        outcome.store.close()


def test_item12_4_homework_effects_are_computed_once_per_data_version(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    import tui.store.homework_effects_repository as effects

    add_checkins(store, 20)
    calls: list[int] = []
    original = effects._compute

    def counted(database: Any, guide_ids: Any = None) -> Any:
        calls.append(1)
        return original(database, guide_ids)

    monkeypatch.setattr(effects, "_compute", counted)
    first = effects.load_homework_effects(store.database)
    assert effects.load_homework_effects(store.database) is first and len(calls) == 1
    store.repo(CheckinRepository).add(Checkin(at=datetime(2026, 3, 3, 8, 0).astimezone(), pleasantness=9))
    effects.load_homework_effects(store.database)
    assert len(calls) == 2, "a change in the data computes them again"
