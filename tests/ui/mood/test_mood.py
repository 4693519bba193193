"""The check-in screen and the mood dashboard, driven with Pilot, plus dashboard snapshots."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from mood_data import add_days_of_checkins
from textual.widgets import Input, OptionList

from tui.core.clock import FakeClock
from tui.store.checkin_repository import CheckinRepository
from tui.store.store import Store
from tui.ui.dialogs.confirm import ConfirmScreen
from tui.ui.screens.mood.checkin import CheckinScreen
from tui.ui.screens.mood.mood import MoodScreen
from tui.ui.widgets.emotion_picker import EmotionPicker
from tui.ui.widgets.mood_sparkline import MoodSparkline
from tui.ui.widgets.year_in_pixels import YearInPixels

MakeApp = Callable[..., Any]


async def test_c_opens_checkin_digits_set_score_and_save_lands_in_store(make_app: MakeApp, store: Store) -> None:
    app = make_app("mood")
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("c")
        assert isinstance(app.screen, CheckinScreen)
        await pilot.press("3", "0")  # 0 means 10; the last digit wins
        await pilot.press("tab", "4")  # energy
        await pilot.press("tab", "space")  # first emotion word
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, MoodScreen)
        (saved,) = store.repo(CheckinRepository).all()
        assert (saved.pleasantness, saved.energy, saved.emotions) == (10, 4, ("excited",))
        assert app.screen.overview is not None and app.screen.overview.total_checkins == 1


async def test_save_without_a_score_explains_and_keeps_the_form(make_app: MakeApp, store: Store) -> None:
    app = make_app("mood")
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("c", "ctrl+s")
        assert isinstance(app.screen, CheckinScreen)
        message = app.screen.query_one("#checkin-pleasantness-message")
        assert message.display and "1 to 10" in str(message.render())
        assert store.repo(CheckinRepository).count() == 0
        # The mouse works too: a click on "4" and on the first emotion word.
        await pilot.click("#checkin-pleasantness", offset=(13, 0))
        await pilot.click(EmotionPicker, offset=(22, 0))
        await pilot.press("ctrl+s")
        await pilot.pause()
        (saved,) = store.repo(CheckinRepository).all()
        assert (saved.pleasantness, saved.emotions) == (4, ("excited",))


async def test_a_future_or_impossible_date_gets_a_message_and_nothing_is_lost(make_app: MakeApp, store: Store) -> None:
    app = make_app("mood")
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("c", "6")
        screen = app.screen
        screen.query_one("#checkin-tags", Input).value = "work"
        when = screen.query_one("#checkin-at", Input)
        for bad, words in (("2026-03-09 10:00", "future"), ("2026-02-30 10:00", "not a real date")):
            when.value = bad
            await pilot.press("ctrl+s")
            await pilot.pause()
            assert app.screen is screen
            assert words in str(screen.query_one("#checkin-at-message").render())
        assert screen.query_one("#checkin-tags", Input).value == "work"
        assert store.repo(CheckinRepository).count() == 0
        when.value = "2026-02-27 21:15"
        await pilot.press("ctrl+s")
        await pilot.pause()
        (saved,) = store.repo(CheckinRepository).all()
        assert saved.at.strftime("%Y-%m-%d %H:%M") == "2026-02-27 21:15" and saved.tags == ("work",)


async def test_escape_asks_before_discarding_and_closes_at_once_when_untouched(make_app: MakeApp, store: Store) -> None:
    app = make_app("mood")
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("c", "escape")
        assert isinstance(app.screen, MoodScreen)
        await pilot.press("c", "5", "h", "b")  # section keys do not leave a half-made check-in
        assert isinstance(app.screen, CheckinScreen)
        await pilot.press("escape")
        assert isinstance(app.screen, ConfirmScreen)
        app.clock.advance(1)  # past the type-ahead guard
        await pilot.press("n")
        assert isinstance(app.screen, CheckinScreen)
        await pilot.press("escape")
        app.clock.advance(1)
        await pilot.press("y")  # no letter answers a destructive question
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("tab", "enter")
        assert isinstance(app.screen, MoodScreen)
        assert store.repo(CheckinRepository).count() == 0


async def test_edit_and_delete_from_the_latest_list(make_app: MakeApp, store: Store, clock: FakeClock) -> None:
    add_days_of_checkins(store, clock.now(), 3)
    repository = store.repo(CheckinRepository)
    count = repository.count()
    newest = repository.latest(1)[0]
    app = make_app("mood")
    async with app.run_test(size=(100, 40)) as pilot:
        latest = app.screen.query_one("#mood-latest", OptionList)
        latest.focus()
        await pilot.press("enter")
        assert isinstance(app.screen, CheckinScreen) and app.screen.existing == newest
        await pilot.press("1", "ctrl+s")
        await pilot.pause()
        edited = repository.get(newest.id)
        assert edited is not None and edited.pleasantness == 1 and edited.at == newest.at
        assert repository.count() == count
        latest.focus()
        await pilot.press("d")
        assert isinstance(app.screen, ConfirmScreen)
        clock.advance(1)  # past the type-ahead guard
        await pilot.press("n")
        assert repository.count() == count
        await pilot.press("delete")
        clock.advance(1)
        await pilot.press("right", "enter")
        await pilot.pause()
        assert repository.count() == count - 1 and repository.get(newest.id) is None
        assert app.screen.overview.total_checkins == count - 1


async def test_range_switch(make_app: MakeApp, store: Store, clock: FakeClock) -> None:
    add_days_of_checkins(store, clock.now(), 400)
    app = make_app("mood")
    async with app.run_test(size=(100, 40)) as pilot:
        screen = app.screen
        assert screen.overview.range_days == 30
        for key, days in (("1", 7), ("3", 90), ("4", 365), ("2", 30)):
            await pilot.press(key)
            assert screen.overview.range_days == days
            assert len(screen.query_one(MoodSparkline)._values) == days


async def test_empty_dashboard_is_kind_not_an_empty_chart(make_app: MakeApp) -> None:
    app = make_app("mood")
    async with app.run_test(size=(80, 24)):
        assert app.screen.query_one("#mood-empty").display
        assert not app.screen.query_one("#mood-content").display
        assert app.screen.query_one("#mood-extras") is not None


async def test_dashboard_redraws_when_data_changes(make_app: MakeApp, store: Store, clock: FakeClock) -> None:
    app = make_app("mood")
    async with app.run_test(size=(80, 24)) as pilot:
        add_days_of_checkins(store, clock.now(), 3)
        app.data_changed()
        await pilot.pause()
        assert app.screen.overview.total_checkins == store.repo(CheckinRepository).count() > 0


async def test_year_in_pixels_uses_glyphs_without_colour(
    make_app: MakeApp, store: Store, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    add_days_of_checkins(store, clock.now(), 400)
    app = make_app("mood")
    async with app.run_test(size=(120, 50)):
        assert app.no_color
        drawn = app.screen.query_one(YearInPixels).render().plain
        for glyph in "·░▒▓█":
            assert glyph in drawn


@pytest.mark.parametrize(
    ("days", "size", "no_color"),
    [
        (0, (80, 24), False),
        (0, (80, 24), True),
        (3, (100, 50), False),
        (3, (100, 50), True),
        (400, (100, 50), False),
        (400, (100, 50), True),
        (400, (60, 20), False),
    ],
    ids=["empty", "empty-no-colour", "3-days", "3-days-no-colour", "400-days", "400-days-no-colour", "400-days-small"],
)
def test_dashboard_snapshot(
    snap_compare: Any,
    make_app: MakeApp,
    store: Store,
    clock: FakeClock,
    monkeypatch: pytest.MonkeyPatch,
    days: int,
    size: tuple[int, int],
    no_color: bool,
) -> None:
    if no_color:
        monkeypatch.setenv("NO_COLOR", "1")
    else:
        monkeypatch.delenv("NO_COLOR", raising=False)
    add_days_of_checkins(store, clock.now(), days)
    assert snap_compare(make_app("mood"), terminal_size=size)


def test_checkin_snapshot(snap_compare: Any, make_app: MakeApp, store: Store, clock: FakeClock) -> None:
    add_days_of_checkins(store, clock.now(), 3)
    assert snap_compare(make_app("mood"), terminal_size=(80, 24), press=["c", "7", "tab", "4", "tab", "space"])


async def test_a_lower_week_is_said_gently(make_app: MakeApp, store: Store, clock: FakeClock) -> None:
    from datetime import timedelta

    from tui.core.checkin import make_checkin

    clock.set_now(clock.now() + timedelta(days=2))  # Wednesday
    repository = store.repo(CheckinRepository)
    for days_ago, score in ((9, 8), (8, 8), (7, 7), (2, 4), (1, 5), (0, 4)):
        repository.add(make_checkin(pleasantness=score, now=clock.now(), at=clock.now() - timedelta(days=days_ago)))
    app = make_app("mood")
    async with app.run_test(size=(100, 40)):
        words = str(app.screen.query_one("#mood-week").render())
        assert "This week averaged 4.3, compared with 7.7 last week" in words
        assert "gentle" in words


# -- issue 10 item 1: the one-line sparkline and the bar chart's dates --------------


async def test_item10_1_sparkline_follows_the_range_and_fits_at_every_size(
    make_app: MakeApp, store: Store, clock: FakeClock
) -> None:
    from tui.ui.widgets.day_sparkline import DaySparkline

    add_days_of_checkins(store, clock.now(), 400)
    for size in ((60, 20), (80, 24), (100, 30), (200, 50)):
        app = make_app("mood")
        async with app.run_test(size=size) as pilot:
            line = app.screen.query_one("#mood-line", DaySparkline)
            for key, days in (("1", 7), ("2", 30), ("3", 90), ("4", 365)):
                await pilot.press(key)
                await pilot.pause()
                assert line.values == app.screen.overview.daily and len(line.values) == days
                assert line.region.y < size[1] - 1, "the sparkline stands at the top"
                drawn = line.render().plain.splitlines()
                assert 1 <= len(drawn) == line.size.height <= 2
                assert all(len(row) <= line.content_size.width for row in drawn), (size, days, drawn)
                assert "latest" in drawn[-1] and ("average" in drawn[-1] or "avg" in drawn[-1])
                chart = app.screen.query_one(MoodSparkline)
                assert chart.date_line(chart.size.width).strip(), (size, days)


async def test_item10_1_a_missing_day_is_a_faint_dot_not_the_lowest_block(
    make_app: MakeApp, store: Store, clock: FakeClock
) -> None:
    from datetime import timedelta

    from tui.core.checkin import make_checkin
    from tui.ui.widgets.day_sparkline import DaySparkline

    repository = store.repo(CheckinRepository)
    for days_ago, score in ((2, 1), (0, 10)):  # yesterday has no check-in
        repository.add(
            make_checkin(pleasantness=score, now=clock.now(), at=clock.now() - timedelta(days=days_ago, minutes=5))
        )
    app = make_app("mood")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("1")
        drawn = app.screen.query_one("#mood-line", DaySparkline).render().plain
        assert drawn.startswith("····▁·█  latest 10 · average 5.5 over 7 days")


@pytest.mark.parametrize(
    ("days", "range_key", "size", "no_color"),
    [
        (30, "2", (100, 30), False),
        (30, "2", (80, 24), True),
        (400, "4", (100, 30), False),
        (400, "4", (60, 20), False),
        (400, "4", (200, 50), True),
        (400, "1", (60, 20), False),
    ],
    ids=[
        "30-days-gaps",
        "30-days-gaps-no-colour",
        "365-days",
        "365-days-small",
        "365-days-wide-no-colour",
        "week-small",
    ],
)
def test_item10_1_sparkline_snapshot(
    snap_compare: Any,
    make_app: MakeApp,
    store: Store,
    clock: FakeClock,
    monkeypatch: pytest.MonkeyPatch,
    days: int,
    range_key: str,
    size: tuple[int, int],
    no_color: bool,
) -> None:
    if no_color:
        monkeypatch.setenv("NO_COLOR", "1")
    else:
        monkeypatch.delenv("NO_COLOR", raising=False)
    add_days_of_checkins(store, clock.now(), days)
    assert snap_compare(make_app("mood"), terminal_size=size, press=[range_key])


# -- issue 10 item 9: a gentle line after a check-in of 1 or 2 ----------------------


async def test_item10_9_a_low_checkin_gets_the_care_line_once_a_day_and_a_3_none(
    make_app: MakeApp, store: Store, clock: FakeClock
) -> None:
    from datetime import timedelta

    def care_notes() -> list[str]:
        return [str(note.message) for note in app._notifications if "press ?" in str(note.message)]

    app = make_app("mood")
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("c", "3", "ctrl+s")
        await pilot.pause()
        assert care_notes() == [] and store.settings.load().care_shown_on == ""
        await pilot.press("c", "2", "ctrl+s")
        await pilot.pause()
        assert len(care_notes()) == 1 and "alone" in care_notes()[0]
        assert store.settings.load().care_shown_on == "2026-03-02"
        await pilot.press("c", "1", "ctrl+s")
        await pilot.pause()
        assert len(care_notes()) == 1, "once a day at most"
        clock.set_now(clock.now() + timedelta(days=1))
        await pilot.press("c", "1", "ctrl+s")
        await pilot.pause()
        assert len(care_notes()) == 2 and store.settings.load().care_shown_on == "2026-03-03"
