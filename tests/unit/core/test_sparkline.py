"""The one-line mood sparkline's layout: levels, missing days, buckets, latest and average, fitting."""

from __future__ import annotations

from tui.core.sparkline import (
    GAP,
    SparklineWords,
    cell_levels,
    days_per_cell,
    latest_value,
    lay_out,
    level_for,
    range_average,
    score_text,
)

WORDS = SparklineWords(
    daily=("latest {latest} · average {average} over {days} days", "latest {latest} · avg {average}"),
    bucketed=("latest {latest} · avg {average} · each mark is {per_cell} days",),
    empty=("no check-ins in these {days} days",),
)


def test_item10_1_a_missing_day_is_its_own_mark_never_the_lowest_block() -> None:
    levels = cell_levels([1.0, None, 10.0], 1)
    assert levels == [1, None, 8]
    assert level_for(1.0) == 1 and level_for(10.0) == 8 and level_for(5.5) in (4, 5)


def test_item10_1_one_cell_per_day_when_there_is_room() -> None:
    values = [float(day % 10 + 1) for day in range(30)]
    line = lay_out(values, 100, WORDS)
    assert len(line.levels) == 30 and line.days_per_cell == 1 and line.text_beside


def test_item10_1_buckets_count_back_from_today_and_say_so() -> None:
    values: list[float | None] = [None] * 360 + [2.0, 4.0, 6.0, 8.0, 10.0]
    assert days_per_cell(365, 100) == 4
    levels = cell_levels(values, 4)
    assert len(levels) == 92
    assert levels[-1] == level_for(8.0)  # the last four days: 4, 6, 8, 10
    assert levels[-2] == level_for(2.0)  # the day before them, alone with three empty days
    assert levels[0] is None  # the oldest, partial bucket (one day) has no check-in
    line = lay_out(values, 100, WORDS)
    assert line.days_per_cell == 4 and "each mark is 4 days" in line.text


def test_item10_1_latest_and_average_skip_missing_days() -> None:
    values: list[float | None] = [4.0, None, 8.0, 6.0, None]
    assert latest_value(values) == 6.0
    assert range_average(values) == 6.0
    assert latest_value([None, None]) is None and range_average([]) is None
    assert (score_text(6.0), score_text(6.5), score_text(5.8333)) == ("6", "6.5", "5.8")
    line = lay_out(values, 80, WORDS)
    assert line.text == "latest 6 · average 6 over 5 days"


def test_item10_1_words_shorten_to_fit_beside_and_move_below_rather_than_cut() -> None:
    values = [5.0] * 30
    roomy = lay_out(values, 80, WORDS)
    assert roomy.text.startswith("latest 5 · average 5 over 30") and roomy.rows == 1
    narrow = lay_out(values, 50, WORDS)
    assert narrow.text == "latest 5 · avg 5" and narrow.rows == 1
    assert len(narrow.levels) + GAP + len(narrow.text) <= 50
    tight = lay_out(values, 35, WORDS)
    assert len(tight.levels) == 30 and not tight.text_beside and tight.rows == 2
    assert len(tight.text) <= 35


def test_item10_1_a_range_without_check_ins_says_so_with_missing_marks() -> None:
    line = lay_out([None] * 7, 60, WORDS)
    assert line.levels == [None] * 7 and line.text == "no check-ins in these 7 days"
