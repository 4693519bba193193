"""A routine's week asks only for the days since it was added: no aim for days before it existed."""

from __future__ import annotations

from datetime import date, timedelta

from tui.core.selfcare import SelfCareItem, SelfCareTick, added_on
from tui.core.selfcare_listing import day_groups, listing_lines, week_overall
from tui.core.selfcare_progress import week_progress
from tui.core.selfcare_schedule import EVERY_DAY, on_weekdays, times_a_week

MONDAY = date(2026, 3, 2)
FRIDAY = MONDAY + timedelta(days=4)


def test_a_routine_added_on_friday_asks_for_friday_to_sunday() -> None:
    assert week_progress(EVERY_DAY, {}, FRIDAY, "monday", since=FRIDAY).sentence() == "0 of 3 this week"
    assert week_progress(EVERY_DAY, {FRIDAY: "done"}, FRIDAY, "monday", since=FRIDAY).sentence() == "1 of 3 this week"
    # Without a day it was added (an old record), the whole week is the aim, as before.
    assert week_progress(EVERY_DAY, {}, FRIDAY, "monday").sentence() == "0 of 7 this week"


def test_chosen_weekdays_and_times_a_week_fit_the_days_left() -> None:
    mon_wed_fri = on_weekdays([0, 2, 4])
    assert week_progress(mon_wed_fri, {}, FRIDAY, "monday", since=FRIDAY).target == 1
    assert week_progress(times_a_week(5), {}, FRIDAY, "monday", since=FRIDAY).target == 3
    assert week_progress(times_a_week(2), {}, FRIDAY, "monday", since=FRIDAY).target == 2


def test_a_day_filled_in_before_it_was_added_widens_the_aim_to_that_day() -> None:
    wednesday = MONDAY + timedelta(days=2)
    progress = week_progress(EVERY_DAY, {wednesday: "done"}, FRIDAY, "monday", since=FRIDAY)
    assert progress.sentence() == "1 of 5 this week"


def test_a_later_week_is_a_whole_week_again_and_an_earlier_one_asks_nothing() -> None:
    next_monday = MONDAY + timedelta(days=7)
    assert week_progress(EVERY_DAY, {}, next_monday, "monday", since=FRIDAY).target == 7
    assert week_progress(EVERY_DAY, {}, MONDAY - timedelta(days=1), "monday", since=FRIDAY).sentence() == (
        "nothing planned this week"
    )


def test_the_sunday_start_week_counts_from_the_day_added_too() -> None:
    # Weeks from Sunday 1 March: added Friday 6 March leaves Friday and Saturday.
    assert week_progress(EVERY_DAY, {}, FRIDAY, "sunday", since=FRIDAY).target == 2


def test_added_on_reads_the_local_day_of_the_stamp_and_tolerates_a_bad_one() -> None:
    assert added_on(SelfCareItem("Walk", created_at="2026-03-06T23:30:00+01:00")) == FRIDAY
    assert added_on(SelfCareItem("Walk", created_at="")) is None
    assert added_on(SelfCareItem("Walk", created_at="not a date")) is None


def test_the_list_and_the_week_overall_use_the_day_each_routine_was_added() -> None:
    old = SelfCareItem("Drink water", created_at="2026-02-01T09:00:00+01:00", id="old")
    new = SelfCareItem("Stretch", created_at="2026-03-06T09:00:00+01:00", id="new")
    ticks = [SelfCareTick(day=FRIDAY.isoformat(), item_id="new")]
    rows = {row.item.id: row for _, group in day_groups([old, new], ticks, FRIDAY, "monday") for row in group}
    assert rows["old"].week.sentence() == "0 of 7 this week"
    assert rows["new"].week.sentence() == "1 of 3 this week"
    assert week_overall([old, new], ticks, FRIDAY, "monday").sentence() == "1 of 10 this week"
    assert "All routines: 1 of 10 this week." in listing_lines([old, new], ticks, FRIDAY, "monday")
