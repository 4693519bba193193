"""Issue 10 item 8, the parts without a terminal: durations, dates, deleted patterns, the README and --help."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest

from tui.cli.main import build_parser
from tui.core.checkin import CheckinError, parse_moment
from tui.core.dates import DateProblem, parse_user_date
from tui.core.durations import duration_text, part_of_text
from tui.core.homework_effects import breathing_effects, pattern_sentence
from tui.core.journal import parse_entry_date
from tui.core.today import DaySummary

README = Path(__file__).resolve().parents[3] / "README.md"
NOW = datetime(2026, 3, 2, 9, 30).astimezone()


def test_item10_8_a_short_breathing_session_reads_in_seconds() -> None:
    summary = DaySummary(day=date(2026, 3, 2), breathing_seconds=19.0, breathing_sessions=1)
    assert "19 seconds of breathing (1 session)" in summary.lines()
    assert duration_text(0.3 * 60) == "18 seconds"
    assert duration_text(150) == "2.5 min" and duration_text(3900) == "1 h 5 min"


def test_item10_8_a_session_stopped_early_says_how_much_was_breathed() -> None:
    assert part_of_text(15, 16) == "15 of 16 seconds"
    assert part_of_text(45, 240) == "45 seconds of 4 min"


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("2026-13-45", "there is no month 13"),
        ("2026-02-30", "February 2026 has 28 days"),
        ("1850-06-01", "before 1900"),
        ("2026/03/02", "YYYY-MM-DD"),
    ],
)
def test_item10_8_one_date_rule_says_what_is_wrong(text: str, words: str) -> None:
    with pytest.raises(DateProblem, match=words):
        parse_user_date(text)


def test_item10_8_days_before_1900_are_refused_for_checkins_and_entries() -> None:
    with pytest.raises(CheckinError, match="before 1900"):
        parse_moment("1850-06-01 10:00", NOW)
    with pytest.raises(ValueError, match="before 1900"):
        parse_entry_date("1899-12-31")
    assert parse_entry_date("1900-01-01") == date(1900, 1, 1)


def test_item10_8_a_deleted_pattern_asks_for_no_more_sessions() -> None:
    sessions = [
        {"pattern_key": "custom:gone", "pattern_name": "Old one", "feeling_before": 4, "feeling_after": 6},
        {"pattern_key": "box", "pattern_name": "Box breathing", "feeling_before": 4, "feeling_after": 6},
    ]
    kept = breathing_effects(sessions, available={"box"})
    assert [effect.pattern_key for effect in kept] == ["box"]
    assert "more session" in pattern_sentence(kept[0])
    done = [dict(sessions[0]) for _ in range(3)]
    assert [e.pattern_key for e in breathing_effects(done, available={"box"})] == ["custom:gone"]  # a result stays


def test_item10_8_readme_and_help_tell_the_truth() -> None:
    readme = README.read_text(encoding="utf-8")
    assert "None of the shell\ncommands opens the full-screen app" not in readme
    assert "`heartwork breathe` and `heartwork journal` open it" in readme
    keys_section = readme.split("## Keys", 1)[1]
    assert "not in a text field" in keys_section.split("Everywhere", 1)[1].splitlines()[0]
    assert "^q" not in readme and "^p" not in readme
    assert "journal add" in build_parser().format_help()
