"""Issue 15: self-care schedules, kind weekly progress, the four-week grid and the two-week suggestion."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from tui.core.selfcare import SelfCareItem, SelfCareTick, category_named, day_summary
from tui.core.selfcare_listing import day_groups, listing_lines, week_overall
from tui.core.selfcare_names import folded, match_routine
from tui.core.selfcare_progress import (
    history_header,
    history_row,
    history_weeks,
    states_by_item,
    wants_gentle_suggestion,
    week_progress,
)
from tui.core.selfcare_schedule import (
    EVERY_DAY,
    less_often,
    local_day,
    on_weekdays,
    parse_weekdays,
    schedule_from_document,
    times_a_week,
    week_days,
    week_start_day,
)

MONDAY = date(2026, 3, 2)
MON_WED_FRI = on_weekdays([0, 2, 4])


def days(*offsets: int, state: str = "done", start: date = MONDAY) -> dict[date, str]:
    return {start + timedelta(days=o): state for o in offsets}


def test_item15_every_day_counts_done_days_of_seven() -> None:
    progress = week_progress(EVERY_DAY, days(0, 1, 3), MONDAY, "monday")
    assert progress.sentence() == "3 of 7 this week"


def test_item15_chosen_weekdays_are_planned_only_on_those_days() -> None:
    assert [MON_WED_FRI.is_planned_on(MONDAY + timedelta(days=o)) for o in range(7)] == [
        True, False, True, False, True, False, False,
    ]  # fmt: skip
    assert week_progress(MON_WED_FRI, days(0, 2), MONDAY, "monday").sentence() == "2 of 3 this week"
    assert MON_WED_FRI.describe() == "Mon, Wed, Fri"


def test_item15_n_times_a_week_fits_any_days_and_extra_days_still_count() -> None:
    three = times_a_week(3)
    assert all(three.is_planned_on(MONDAY + timedelta(days=o)) for o in range(7))
    assert week_progress(three, days(5, 6), MONDAY, "monday").sentence() == "2 of 3 this week"
    assert week_progress(three, days(0, 1, 2, 3), MONDAY, "monday").sentence() == "4 of 4 this week"
    with pytest.raises(ValueError):
        times_a_week(8)


def test_item15_resting_days_lower_the_aim_and_never_count_against() -> None:
    states = {**days(0, 1), **days(2, 3, state="rest")}
    assert week_progress(EVERY_DAY, states, MONDAY, "monday").sentence() == "2 of 5 this week"
    assert week_progress(MON_WED_FRI, days(0, 2, 4, state="rest"), MONDAY, "monday").sentence() == "resting this week"
    assert week_progress(times_a_week(7), days(0, 1, 2, 3, 4, 5, state="rest"), MONDAY, "monday").target == 1
    partly = week_progress(EVERY_DAY, {**days(0), **days(1, state="partly")}, MONDAY, "monday")
    assert partly.sentence() == "2 of 7 this week, 1 partly"


def test_item15_day_summary_skips_archived_resting_and_unplanned_routines() -> None:
    items = [
        SelfCareItem(text="a", id="a"),
        SelfCareItem(text="b", id="b", schedule=on_weekdays([1])),  # Tuesdays only
        SelfCareItem(text="c", id="c"),
        SelfCareItem(text="old", id="old", active=False),
    ]
    ticks = [
        SelfCareTick(day="2026-03-02", item_id="a"),
        SelfCareTick(day="2026-03-02", item_id="c", state="rest"),
        SelfCareTick(day="2026-03-02", item_id="old"),
    ]
    assert day_summary(items, ticks, MONDAY).sentence() == "All 1 today. That is a lot of care."
    groups = day_groups(items, ticks, MONDAY, "monday")
    assert [row.item.id for _, rows in groups for row in rows] == ["a", "c"]
    assert week_overall(items, ticks, MONDAY, "monday").sentence() == "1 of 14 this week"


@pytest.mark.parametrize(("week_start", "first"), [("monday", date(2026, 3, 2)), ("sunday", date(2026, 3, 1))])
def test_item15_week_start_monday_and_sunday(week_start: str, first: date) -> None:
    wednesday = date(2026, 3, 4)
    assert week_start_day(wednesday, week_start) == first
    assert week_days(wednesday, week_start)[0] == first and len(week_days(wednesday, week_start)) == 7
    # Sunday 1 March is in the Monday-start week before, but in the Sunday-start week of Wednesday 4 March.
    sunday_tick = {date(2026, 3, 1): "done"}
    expected = 1 if week_start == "sunday" else 0
    assert week_progress(EVERY_DAY, sunday_tick, wednesday, week_start).done == expected
    assert history_header(history_weeks(wednesday, week_start))[:7] == (
        "MTWTFSS" if week_start == "monday" else "SMTWTFS"
    )


@pytest.mark.parametrize(
    ("zone", "change_day"), [("Europe/Berlin", date(2026, 3, 29)), ("America/New_York", date(2026, 3, 8))]
)
def test_item15_a_daylight_saving_week_still_has_seven_local_days(zone: str, change_day: date) -> None:
    tz = ZoneInfo(zone)
    week = week_days(change_day, "monday")
    assert len(set(week)) == 7 and change_day in week
    # Late evening on each day, read back from UTC: the local date is that same day (no day lost or doubled).
    for day in week:
        moment = datetime(day.year, day.month, day.day, 23, 30, tzinfo=tz).astimezone(UTC)
        assert local_day(moment, tz) == day
    states = dict.fromkeys(week, "done")
    assert week_progress(EVERY_DAY, states, change_day, "monday").sentence() == "7 of 7 this week"
    # The autumn change too: a 25-hour day is one day.
    autumn = date(2026, 10, 25) if zone == "Europe/Berlin" else date(2026, 11, 1)
    early = datetime(autumn.year, autumn.month, autumn.day, 0, 30, tzinfo=tz)
    late = datetime(autumn.year, autumn.month, autumn.day, 23, 30, tzinfo=tz)
    assert local_day(early.astimezone(UTC), tz) == local_day(late.astimezone(UTC), tz) == autumn


def test_item15_29_february_is_an_ordinary_day_in_its_week() -> None:
    leap = date(2028, 2, 29)  # a Tuesday
    week = week_days(leap, "monday")
    assert week[0] == date(2028, 2, 28) and week[-1] == date(2028, 3, 5)
    assert on_weekdays([1]).is_planned_on(leap)
    assert week_progress(on_weekdays([1]), {leap: "done"}, date(2028, 3, 1), "monday").sentence() == "1 of 1 this week"
    weeks = history_weeks(date(2028, 3, 1), "monday")
    assert leap in weeks[-1] and len({d for w in weeks for d in w}) == 28


def test_item15_four_week_grid_marks_without_judgement() -> None:
    today = date(2026, 3, 4)  # a Wednesday
    weeks = history_weeks(today, "monday")
    assert weeks[0][0] == date(2026, 2, 9) and weeks[-1][-1] == date(2026, 3, 8)
    row = history_row({date(2026, 3, 2): "done", date(2026, 3, 3): "partly", date(2026, 2, 9): "rest"}, weeks, today)
    assert row[:7] == "~······"
    assert row[-7:] == "●◐·    "  # days to come stay blank
    assert "✗" not in row and "x" not in row


def test_item15_two_quiet_weeks_bring_one_gentle_suggestion() -> None:
    today = date(2026, 3, 16)
    added = date(2026, 2, 1)
    assert wants_gentle_suggestion(EVERY_DAY, {}, today, added)
    assert not wants_gentle_suggestion(EVERY_DAY, {date(2026, 3, 3): "done"}, today, added)
    assert not wants_gentle_suggestion(EVERY_DAY, {date(2026, 3, 10): "rest"}, today, added)  # a chosen rest
    assert wants_gentle_suggestion(EVERY_DAY, {date(2026, 3, 2): "done"}, today, added)  # 15 days ago
    assert not wants_gentle_suggestion(EVERY_DAY, {}, today, date(2026, 3, 10))  # too new to judge
    assert not wants_gentle_suggestion(EVERY_DAY, {}, today, added, active=False)  # archived
    assert not wants_gentle_suggestion(EVERY_DAY, {}, today, added, dismissed=True)  # dismissed for good
    assert less_often(EVERY_DAY) == times_a_week(3)
    assert less_often(MON_WED_FRI) == times_a_week(1)
    assert less_often(times_a_week(1)) == times_a_week(1)


def test_item15_weekdays_categories_and_stored_schedules_are_read_kindly() -> None:
    assert parse_weekdays("Mon, wed,FRIDAY") == (0, 2, 4)
    with pytest.raises(ValueError, match="not a day of the week"):
        parse_weekdays("mon,funday")
    assert category_named("Joy") == "creativity" and category_named(" BODY ") == "body"
    with pytest.raises(ValueError, match="choose one of"):
        category_named("spa")
    assert schedule_from_document({"kind": "weekdays", "weekdays": [4, 0]}) == on_weekdays([0, 4])
    assert schedule_from_document({"kind": "per_week", "per_week": 99}) == EVERY_DAY
    assert schedule_from_document(None) == EVERY_DAY


def test_item15_names_match_without_case_or_accents_and_ambiguity_lists_close_ones() -> None:
    items = [
        SelfCareItem(text="Café walk", id="1"),
        SelfCareItem(text="Call Sam", id="2"),
        SelfCareItem(text="Call Mum", id="3"),
    ]
    assert folded("  CAFÉ   Walk.") == "cafe walk"
    assert match_routine("cafe WALK", items).item is not None
    several = match_routine("call", items)
    assert several.item is None and several.ambiguous and [i.id for i in several.close] == ["2", "3"]
    close = match_routine("cal sam", items)
    assert close.item is None and not close.ambiguous and close.close[0].id == "2"
    assert match_routine("zzzz", items).close == ()


def test_item15_listing_lines_group_by_time_of_day() -> None:
    items = [
        SelfCareItem(text="Tea", id="t", time_of_day="evening"),
        SelfCareItem(text="Stretch", id="s", time_of_day="morning"),
    ]
    lines = listing_lines(items, [SelfCareTick(day="2026-03-02", item_id="s", state="partly")], MONDAY, "monday")
    assert lines[2] == "Morning" and "[½] Stretch (partly done) · 1 of 7 this week, 1 partly" in lines[3]
    assert lines[5] == "Evening" and lines[-1] == "All routines: 1 of 14 this week, 1 partly."
    assert states_by_item([("x", "not a day", "done")]) == {}


def test_item15_no_streaks_crosses_or_guilt_words_in_what_is_shown() -> None:
    from tui.content.selfcare_needs import needs_intro, needs_questions
    from tui.ui.screens.selfcare.selfcare import HINT
    from tui.ui.screens.selfcare.selfcare_history import LEGEND
    from tui.ui.screens.selfcare.selfcare_suggestion import suggestion_line

    shown = [HINT, LEGEND, needs_intro(), suggestion_line(SelfCareItem(text="Walk"))]
    shown += [q for _, q in needs_questions()]
    for schedule in (EVERY_DAY, MON_WED_FRI, times_a_week(2)):
        for states in ({}, days(0, state="rest"), days(0, 1, 2, 3, 4, 5, 6, state="rest"), days(0, 2)):
            shown.append(week_progress(schedule, states, MONDAY, "monday").sentence())
    shown.append(day_summary([SelfCareItem(text="a")], [], MONDAY).sentence())
    guilt = ("streak", "missed", "failed", "behind", "broken", "should", "lazy", "✗", "❌", "✘")
    for line in shown:
        assert not any(word in line.casefold() for word in guilt), line
