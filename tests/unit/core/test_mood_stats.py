"""Mood statistics: daily means, gaps, ranges, rolling averages, weekday patterns, minimum-data rules."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from tui.core import mood_stats
from tui.core.mood_overview import build_overview, weekday_names

MONDAY = date(2026, 3, 2)


def test_several_checkins_on_a_day_count_as_their_mean() -> None:
    means = mood_stats.daily_means([(MONDAY, 4), (MONDAY, 8), (MONDAY, 9), (MONDAY + timedelta(days=1), 5)])
    assert means == {MONDAY: 7.0, MONDAY + timedelta(days=1): 5.0}


def test_days_without_checkins_are_gaps_not_zero() -> None:
    means = {MONDAY: 6.0, MONDAY + timedelta(days=3): 2.0}
    assert mood_stats.series(means, MONDAY, MONDAY + timedelta(days=4)) == [6.0, None, None, 2.0, None]


def test_range_start_makes_a_range_of_that_many_days() -> None:
    start = mood_stats.range_start(MONDAY, 7)
    assert len(mood_stats.days_between(start, MONDAY)) == 7
    assert start == date(2026, 2, 24)


def test_summary_ignores_gaps() -> None:
    summary = mood_stats.summarize([3.0, None, 9.0, None, 6.0])
    assert (summary.minimum, summary.mean, summary.maximum) == (3.0, 6.0, 9.0)
    assert (summary.days_with_data, summary.days) == (3, 5)


def test_summary_of_an_empty_range_has_no_numbers() -> None:
    summary = mood_stats.summarize([None, None])
    assert summary.mean is None and summary.minimum is None and summary.days_with_data == 0


def test_week_start_monday_and_sunday() -> None:
    wednesday = date(2026, 3, 4)
    assert mood_stats.week_start_of(wednesday, "monday") == date(2026, 3, 2)
    assert mood_stats.week_start_of(wednesday, "sunday") == date(2026, 3, 1)
    assert mood_stats.week_start_of(date(2026, 3, 1), "sunday") == date(2026, 3, 1)


def _week_means(start: date, values: list[float | None]) -> dict[date, float]:
    return {start + timedelta(days=i): v for i, v in enumerate(values) if v is not None}


def test_compare_weeks_better_same_lower() -> None:
    today = date(2026, 3, 4)  # Wednesday
    last = _week_means(date(2026, 2, 23), [5, 5, None, 5, 5, None, 5])
    better = {**last, **_week_means(date(2026, 3, 2), [7, 7, 7])}
    same = {**last, **_week_means(date(2026, 3, 2), [5, 5.3, None])}
    lower = {**last, **_week_means(date(2026, 3, 2), [3, 4, None])}
    assert mood_stats.compare_weeks(better, today).verdict == "better"
    assert mood_stats.compare_weeks(same, today).verdict == "same"
    comparison = mood_stats.compare_weeks(lower, today)
    assert comparison.verdict == "lower"
    assert comparison.this_week == 3.5 and comparison.last_week == 5.0
    assert (comparison.this_week_days, comparison.last_week_days) == (2, 5)


def test_compare_weeks_needs_two_days_in_each_week() -> None:
    today = date(2026, 3, 4)
    means = {**_week_means(date(2026, 2, 23), [5, 6, 7]), **_week_means(date(2026, 3, 2), [9])}
    comparison = mood_stats.compare_weeks(means, today)
    assert comparison.verdict is None
    assert comparison.this_week == 9.0


def test_compare_weeks_respects_sunday_weeks() -> None:
    sunday = date(2026, 3, 1)
    # Sunday weeks: this week is only Sunday 1 March; Monday-start weeks would include Feb 23-28.
    means = _week_means(date(2026, 2, 22), [2, 2, 2, 2, 2, 2, 2, 8])
    assert mood_stats.compare_weeks(means, sunday, "sunday").this_week_days == 1
    assert mood_stats.compare_weeks(means, sunday, "monday").this_week_days == 7


def test_rolling_average_skips_gaps_and_needs_three_days() -> None:
    start = date(2026, 3, 1)
    means = _week_means(start, [4, None, 6, None, 8, None, None, None, None, None])
    rolling = mood_stats.rolling_average(means, start, start + timedelta(days=9))
    assert rolling[:4] == [None, None, None, None]  # fewer than 3 days with data yet
    assert rolling[4] == 6.0  # (4 + 6 + 8) / 3, gaps skipped, not zero
    assert rolling[6] == 6.0
    assert rolling[7] is None  # day 8's window holds only 6 and 8
    assert rolling[9] is None


def test_rolling_average_uses_days_before_the_range() -> None:
    start = date(2026, 3, 10)
    means = _week_means(start - timedelta(days=3), [2, 4, 6, 8])
    assert mood_stats.rolling_average(means, start, start) == [5.0]


@settings(deadline=None)
@given(st.lists(st.one_of(st.none(), st.integers(1, 10)), min_size=1, max_size=60))
def test_rolling_average_matches_the_plain_definition(values: list[int | None]) -> None:
    start = date(2026, 1, 1)
    means = {start + timedelta(days=i): float(v) for i, v in enumerate(values) if v is not None}
    end = start + timedelta(days=len(values) - 1)
    rolling = mood_stats.rolling_average(means, start, end)
    for index in range(len(values)):
        window = [float(v) for v in values[max(0, index - 6) : index + 1] if v is not None]
        expected = sum(window) / len(window) if len(window) >= 3 else None
        if expected is None:
            assert rolling[index] is None
        else:
            assert abs(rolling[index] - expected) < 1e-9  # type: ignore[operator]


@settings(deadline=None)
@given(st.lists(st.tuples(st.integers(0, 30), st.integers(1, 10)), max_size=100))
def test_daily_means_stay_within_the_day_scores(points: list[tuple[int, int]]) -> None:
    start = date(2026, 1, 1)
    dated = [(start + timedelta(days=d), s) for d, s in points]
    means = mood_stats.daily_means(dated)
    assert set(means) == {day for day, _ in dated}
    for day, mean in means.items():
        scores = [s for d, s in dated if d == day]
        assert min(scores) - 1e-9 <= mean <= max(scores) + 1e-9


def test_weekday_pattern_needs_two_days_per_weekday() -> None:
    means = {MONDAY: 4.0, MONDAY + timedelta(days=7): 6.0, MONDAY + timedelta(days=1): 9.0}
    pattern = mood_stats.weekday_pattern(means)
    assert [w.name for w in pattern] == ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
    assert pattern[0].mean == 5.0 and pattern[0].days == 2
    assert pattern[1].mean is None and pattern[1].days == 1


def test_weekday_pattern_in_sunday_order() -> None:
    pattern = mood_stats.weekday_pattern({}, "sunday")
    assert [w.name for w in pattern] == weekday_names("sunday") == ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]


def test_patterns_need_fourteen_days() -> None:
    means = {MONDAY - timedelta(days=i): 5.0 for i in range(13)}
    assert not mood_stats.enough_for_patterns(means)
    means[MONDAY - timedelta(days=13)] = 5.0
    assert mood_stats.enough_for_patterns(means)


def test_year_in_pixels_covers_365_days_in_week_columns() -> None:
    means = {MONDAY: 9.0, MONDAY - timedelta(days=364): 2.0, MONDAY - timedelta(days=365): 5.0}
    columns = mood_stats.year_in_pixels(means, MONDAY)
    assert len(columns) == 53 and all(len(column) == 7 for column in columns)
    cells = [cell for column in columns for cell in column]
    in_range = [cell for cell in cells if cell.in_range]
    assert len(in_range) == 365
    assert all(column[0].day.weekday() == 0 for column in columns)
    by_day = {cell.day: cell for cell in cells}
    assert by_day[MONDAY].value == 9.0
    assert by_day[MONDAY - timedelta(days=364)].value == 2.0
    assert MONDAY - timedelta(days=365) not in by_day or by_day[MONDAY - timedelta(days=365)].value is None
    assert not by_day[MONDAY + timedelta(days=1)].in_range  # the future is padding


def test_year_in_pixels_with_sunday_weeks() -> None:
    columns = mood_stats.year_in_pixels({}, MONDAY, "sunday")
    assert all(column[0].day.weekday() == 6 for column in columns)
    assert columns[-1][1].day == MONDAY and columns[-1][1].in_range and not columns[-1][2].in_range


def test_shade_levels() -> None:
    assert [mood_stats.shade_level(v) for v in (None, 1, 3.4, 3.5, 5.4, 5.5, 7.4, 7.5, 10)] == [
        0,
        1,
        1,
        2,
        2,
        3,
        3,
        4,
        4,
    ]


def test_most_frequent_words_need_two_uses_and_break_ties_alphabetically() -> None:
    lists = [("calm", "tired"), ("tired",), ("calm",), ("anxious",), ("hopeful", "hopeful")]
    assert mood_stats.most_frequent(lists) == [("calm", 2), ("hopeful", 2), ("tired", 2)]
    assert mood_stats.most_frequent(lists, limit=1) == [("calm", 2)]


def test_bucket_keeps_gaps_and_means() -> None:
    assert mood_stats.bucket([1.0, None, 3.0], 5) == [1.0, None, 3.0]
    assert mood_stats.bucket([2.0, 4.0, None, None, 6.0, None], 3) == [3.0, None, 6.0]


@settings(deadline=None)
@given(st.lists(st.one_of(st.none(), st.floats(1, 10)), max_size=400), st.integers(1, 120))
def test_bucket_never_invents_or_loses_data(values: list[float | None], columns: int) -> None:
    buckets = mood_stats.bucket(values, columns)
    assert len(buckets) == min(len(values), columns)
    assert all(b is None for b in buckets) == all(v is None for v in values)


class _Point:
    def __init__(self, day: date, score: int, emotions: tuple[str, ...] = (), tags: tuple[str, ...] = ()) -> None:
        self.day, self.pleasantness, self.emotions, self.tags = day, score, emotions, tags


def test_overview_counts_words_only_inside_the_range() -> None:
    points = [
        _Point(MONDAY, 6, ("calm",), ("work",)),
        _Point(MONDAY - timedelta(days=1), 4, ("calm",), ("work",)),
        _Point(MONDAY - timedelta(days=40), 2, ("sad", "sad"), ("work",)),
    ]
    overview = build_overview(points, MONDAY, range_days=30)
    assert overview.total_checkins == 3 and overview.days_with_data == 3
    assert overview.top_emotions == [("calm", 2)]
    assert overview.top_tags == [("work", 2)]
    assert len(overview.daily) == 30 and overview.daily[-1] == 6.0 and overview.daily[0] is None
    assert overview.weekdays is None  # fewer than 14 days of data


def test_empty_overview() -> None:
    overview = build_overview([], MONDAY, 7)
    assert overview.empty and overview.summary.mean is None and overview.daily == [None] * 7
