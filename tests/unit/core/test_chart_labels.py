"""Date labels under the mood bar chart: weekdays, day numbers with month starts, month names."""

from __future__ import annotations

from datetime import date

from tui.core.chart_labels import date_labels
from tui.core.mood_stats import bucket_bounds


def test_item10_1_a_week_is_labelled_with_weekdays() -> None:
    line = date_labels(date(2026, 2, 24), bucket_bounds(7, 80), 8, 7)
    assert line.split() == ["Tue", "Wed", "Thu", "Fri", "Sat", "Sun", "Mon"]
    assert line.index("Wed") == 8  # each label starts under its own column


def test_item10_1_a_month_gets_day_numbers_and_the_month_where_it_starts() -> None:
    line = date_labels(date(2026, 2, 1), bucket_bounds(30, 92), 3, 30)
    words = line.split()
    assert words[0] == "Feb" and words[-1] == "Mar"
    assert "3" in words and "27" in words
    assert line.index("Mar") == 28 * 3  # under the column for 1 March


def test_item10_1_a_month_starting_mid_month_names_it_first() -> None:
    line = date_labels(date(2026, 11, 4), bucket_bounds(30, 92), 3, 30)
    words = line.split()
    assert words[:2] == ["Nov", "7"] and "Dec" in words
    assert line.index("Dec") == 27 * 3


def test_item10_1_a_narrow_month_thins_day_numbers_and_keeps_the_month_inside_the_edge() -> None:
    line = date_labels(date(2026, 2, 1), bucket_bounds(30, 30), 1, 30)
    assert len(line) == 30 and line.rstrip().endswith("Mar")
    assert line.split()[:3] == ["Feb", "6", "11"]


def test_item10_1_ninety_days_and_a_year_are_labelled_with_month_names() -> None:
    quarter = date_labels(date(2025, 12, 3), bucket_bounds(90, 96), 1, 90)
    assert quarter.split() == ["Dec", "Jan", "Feb", "Mar"]
    assert quarter.index("Jan") == 29  # 1 January is the 30th day
    year = date_labels(date(2025, 3, 3), bucket_bounds(365, 56), 1, 365)
    months = year.split()
    assert months[:2] == ["Mar", "Apr"] and months[-1] in ("Feb", "Mar") and len(months) >= 8
    assert len(year) == 56


def test_item10_1_labels_never_run_together() -> None:
    names = {f"{date(2026, month, 1):%b}" for month in range(1, 13)} | {
        f"{date(2026, 3, day):%a}" for day in range(1, 8)
    }
    for room, days in ((20, 30), (40, 90), (30, 365), (7, 7), (92, 30)):
        bounds = bucket_bounds(days, room)
        width = max(1, min(room // len(bounds), 8))
        line = date_labels(date(2026, 1, 1), bounds, width, days)
        assert len(line) == len(bounds) * width
        for word in line.split():
            assert word in names or (word.isdigit() and 1 <= int(word) <= 31), (word, line)
