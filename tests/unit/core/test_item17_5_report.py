"""Issue 17 item 5: the session report's sections and both renderings (escaping, no script, no links)."""

from __future__ import annotations

import re
from datetime import date

from tui.core.report.html import render_html
from tui.core.report.markdown import render_markdown
from tui.core.report.model import (
    HomeworkLine,
    JournalLine,
    QuestionnaireLine,
    ReportInputs,
    SelfCareLine,
    build_report,
    mood_sparkline,
)
from tui.core.report.selfcare_range import range_progress
from tui.core.selfcare_schedule import Schedule

START, END = date(2026, 3, 1), date(2026, 3, 5)
HOSTILE = "<script>alert(1)</script> [x](http://evil.example) \x1b[31m**bold**"


def _inputs(**changes: object) -> ReportInputs:
    base: dict[str, object] = {
        "start": START,
        "end": END,
        "daily_mood": {date(2026, 3, 1): 4.0, date(2026, 3, 3): 8.0},
        "breathing_seconds": 300.0,
        "breathing_sessions": 1,
        "meditation_seconds": 1500.0,
        "meditation_sessions": 2,
        "selfcare": (SelfCareLine("Walk outside", 3, 5),),
        "reflections": 2,
        "questionnaires": (QuestionnaireLine(date(2026, 3, 2), "Self-compassion check", 3.5),),
    }
    base.update(changes)
    return ReportInputs(**base)  # type: ignore[arg-type]


def test_item17_5_sections_hold_range_mood_practice_selfcare_and_totals() -> None:
    report = build_report(_inputs())
    assert report.title.endswith("2026-03-01 to 2026-03-05")
    assert report.mood_values == (4.0, None, 8.0, None, None)
    mood = report.section("mood")
    assert mood is not None and "Average 6 out of 10, from 4 to 8, on 2 of 5 days." in mood.lines
    assert mood_sparkline(report.mood_values) in mood.lines[0]
    practice = report.section("practice")
    assert practice is not None
    assert practice.rows == (("Breathing", "5 minutes in 1 session"), ("Meditation", "25 minutes in 2 sessions"))
    selfcare = report.section("selfcare")
    assert selfcare is not None and selfcare.rows == (("Walk outside", "3 of 5"),)
    reflections = report.section("reflections")
    assert reflections is not None and "2 reflections written." in reflections.lines
    assert reflections.rows == (("2026-03-02 Self-compassion check", "total 3.5"),)
    assert report.section("journal") is None


def test_item17_5_sparkline_marks_days_without_check_in() -> None:
    assert mood_sparkline([1.0, None, 10.0]) == "▁·█"


def test_item17_5_homework_says_no_plan_only_when_there_is_none() -> None:
    none = build_report(_inputs()).section("homework")
    assert none is not None and none.lines == ("No homework plan recorded.",)
    stored = build_report(_inputs(homework_recorded=2)).section("homework")
    assert stored is not None and "No homework plan recorded." not in stored.lines
    assert stored.lines == ("2 homework assignments are recorded; none was active in these days.",)
    kept = build_report(
        _inputs(
            homework_recorded=1,
            homework=(HomeworkLine("Box breathing", 4, 7, (("What helped?", "Mornings"),)),),
        )
    ).section("homework")
    assert kept is not None and kept.rows == (("Box breathing", "4 of 7"),)
    assert kept.body == (("Box breathing: What helped?", "Mornings"),)


def test_item17_5_journal_only_when_asked() -> None:
    entries = (JournalLine(date(2026, 3, 2), "A kind letter", "Dear me,\nwell done."),)
    report = build_report(_inputs(journal=entries))
    journal = report.section("journal")
    assert journal is not None and journal.body == (("2026-03-02 A kind letter", "Dear me,\nwell done."),)
    assert "Dear me" not in render_markdown(build_report(_inputs()))


def test_item17_5_stored_text_is_made_visible() -> None:
    report = build_report(_inputs(selfcare=(SelfCareLine("a\x1bb", 0, 1),)))
    selfcare = report.section("selfcare")
    assert selfcare is not None and "\x1b" not in selfcare.rows[0][0]


def _hostile_report() -> ReportInputs:
    return _inputs(
        selfcare=(SelfCareLine(HOSTILE, 1, 2),),
        journal=(JournalLine(date(2026, 3, 2), HOSTILE, f"# heading\n- list\n{HOSTILE}"),),
        questionnaires=(QuestionnaireLine(date(2026, 3, 2), HOSTILE, 1.0),),
    )


def test_item17_5_html_escapes_everything_and_has_no_script_or_links() -> None:
    page = render_html(build_report(_hostile_report()))
    assert "<script" not in page.lower()
    assert "&lt;script&gt;" in page
    assert not re.search(r"https?://", page.replace("http://evil.example", ""))
    assert "href" not in page and "src=" not in page and "@import" not in page
    assert "\x1b" not in page
    assert "@media print" in page and "<svg" in page and "<style>" in page


def test_item17_5_html_chart_only_with_check_ins() -> None:
    assert "<svg" not in render_html(build_report(_inputs(daily_mood={})))
    page = render_html(build_report(_inputs()))
    assert page.count('class="bar"') == 2 and page.count('class="gap"') == 3


def test_item17_5_markdown_escapes_markup() -> None:
    text = render_markdown(build_report(_hostile_report()))
    assert "<script>" not in text and "\\<script\\>" in text
    assert "[x](http" not in text and "\\*\\*bold\\*\\*" in text
    assert "> \\# heading" in text and "> \\- list" in text
    assert "\x1b" not in text
    assert text.startswith("# Heartwork session report: 2026-03-01 to 2026-03-05\n")


def test_item17_5_selfcare_range_counts_kindly() -> None:
    states = {date(2026, 3, 2): "done", date(2026, 3, 3): "partly", date(2026, 3, 4): "rest"}
    # 2026-03-01 is a Sunday: the range is Sunday + Monday-Thursday of the next week.
    assert range_progress(Schedule(), states, START, END) == (2, 4)
    weekly = Schedule(kind="per_week", per_week=3)
    assert range_progress(weekly, states, START, END) == (2, 1 + 3)
