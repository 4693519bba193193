"""Issue 17 items 1-3: homework detection for every kind, weekly counts, review steps and history."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from tui.core.breathing.session import BreathingRecord
from tui.core.homework.assignment import Assignment, Frequency, HomeworkTick
from tui.core.homework.detection import PracticeRecords, done_days, long_enough
from tui.core.homework.progress import grid, today_summary, week_count
from tui.core.homework.review import STEP_END, STEP_FREQUENCY, STEP_MINUTES
from tui.core.homework.reviewing import adherence_words, apply_review, edit, mood_words, set_status
from tui.core.journal import KIND_FREE, KIND_INNER_CRITIC, JournalEntry
from tui.core.meditation.session import MeditationRecord
from tui.core.questionnaire import QuestionnaireResult
from tui.core.selfcare import SelfCareTick

LONDON = ZoneInfo("Europe/London")


def breath(at: datetime, seconds: float, key: str = "box", finished: bool = True) -> BreathingRecord:
    return BreathingRecord(
        id=at.isoformat(),
        started_at=at,
        pattern_key=key,
        pattern_name=key,
        phases=(),
        planned_seconds=300,
        planned_cycles=None,
        actual_seconds=seconds,
        cycles_completed=1,
        finished=finished,
    )


def box_daily() -> Assignment:
    return Assignment(id="a1", kind="breathing", title="Box breathing", target="box", minutes=5, start="2026-03-01")


def entry(day: str, kind: str) -> JournalEntry:
    return JournalEntry(id=day + kind, created_at="2026-04-01T10:00:00+00:00", updated_at="", entry_date=day, kind=kind)


def test_item17_2_box_five_minutes_or_longer_fulfils() -> None:
    at = datetime(2026, 3, 2, 9, tzinfo=UTC)
    records = PracticeRecords(breathing=(breath(at, 300), breath(at + timedelta(days=1), 420)))
    assert done_days(box_daily(), records) == {date(2026, 3, 2), date(2026, 3, 3)}


def test_item17_2_shorter_than_asked_does_not_count_other_pattern_neither() -> None:
    at = datetime(2026, 3, 2, 9, tzinfo=UTC)
    records = PracticeRecords(breathing=(breath(at, 240), breath(at, 600, key="4-7-8")))
    assert done_days(box_daily(), records) == set()


def test_item17_2_ended_early_counts_only_when_long_enough() -> None:
    at = datetime(2026, 3, 2, 9, tzinfo=UTC)
    long_early = breath(at, 330, finished=False)  # planned more, ended early, still past five minutes
    short_early = breath(at + timedelta(days=1), 120, finished=False)
    assert done_days(box_daily(), PracticeRecords(breathing=(long_early, short_early))) == {date(2026, 3, 2)}
    assert long_enough(299.6, 5) and not long_enough(290, 5) and long_enough(10, 0)


def test_item17_2_before_start_date_does_not_count() -> None:
    records = PracticeRecords(breathing=(breath(datetime(2026, 2, 27, 9, tzinfo=UTC), 600),))
    assert done_days(box_daily(), records) == set()


def test_item17_2_dst_week_uses_local_calendar_days() -> None:
    # UK clocks go forward on Sunday 29 March 2026; 23:30 UTC on the 29th is 00:30 on the 30th in London.
    late = breath(datetime(2026, 3, 29, 23, 30, tzinfo=UTC), 300)
    before = breath(datetime(2026, 3, 28, 23, 30, tzinfo=UTC), 300)  # 23:30 GMT, still the 28th
    days = done_days(box_daily(), PracticeRecords(breathing=(late, before)), LONDON)
    assert days == {date(2026, 3, 30), date(2026, 3, 28)}
    week = week_count(box_daily(), days, date(2026, 3, 29))  # the week 23-29 March holds the 28th only
    assert week.words() == "1 of 7 this week"


def test_item17_2_meditation_by_guide_and_minutes() -> None:
    a = Assignment(id="m", kind="meditation", target="body-scan", minutes=10)
    at = datetime(2026, 3, 2, 9, tzinfo=UTC)
    sessions = (
        MeditationRecord("1", at, "body-scan", "Body scan", 600, 600, True),
        MeditationRecord("2", at + timedelta(days=1), "body-scan", "Body scan", 600, 300, False),
        MeditationRecord("3", at + timedelta(days=2), "other", "Other", 600, 900, True),
    )
    assert done_days(a, PracticeRecords(meditation=sessions)) == {date(2026, 3, 2)}


def test_item17_2_inner_critic_entry_fulfils_reframe_three_times_a_week_backdated_counts_on_its_day() -> None:
    a = Assignment(id="j", kind="journal", target=KIND_INNER_CRITIC, frequency=Frequency("times-a-week", times=3))
    records = PracticeRecords(journal=(entry("2026-03-30", KIND_INNER_CRITIC), entry("2026-03-31", KIND_FREE)))
    days = done_days(a, records)
    assert days == {date(2026, 3, 30)}  # written on 1 April, dated 30 March: counts on the 30th
    assert week_count(a, days, date(2026, 4, 1)).words() == "1 of 3 this week"


def test_item17_2_selfcare_done_or_partly_counts_rest_does_not() -> None:
    a = Assignment(id="s", kind="selfcare", target="walk")
    ticks = (
        SelfCareTick("2026-03-02", "walk", state="done"),
        SelfCareTick("2026-03-03", "walk", state="partly"),
        SelfCareTick("2026-03-04", "walk", state="rest"),
        SelfCareTick("2026-03-05", "tea", state="done"),
    )
    assert done_days(a, PracticeRecords(selfcare=ticks)) == {date(2026, 3, 2), date(2026, 3, 3)}


def test_item17_2_affirmation_questionnaire_and_free_text() -> None:
    records = PracticeRecords(
        affirmation_days={"2026-03-02": 2, "2026-03-03": 0},
        questionnaires=(QuestionnaireResult("scs", "SCS", "2026-03-04T08:00:00+00:00", {}, 3.0),),
        ticks=(HomeworkTick("f:2026-03-01", "f", "2026-03-01"),),
    )
    assert done_days(Assignment(id="x", kind="affirmation"), records) == {date(2026, 3, 2)}
    assert done_days(Assignment(id="q", kind="questionnaire", target="scs"), records) == {date(2026, 3, 4)}
    assert done_days(Assignment(id="q", kind="questionnaire", target="other"), records) == set()
    assert done_days(Assignment(id="f", kind="free-text"), records) == {date(2026, 3, 1)}


def test_item17_2_weekdays_count_grid_and_today_summary() -> None:
    a = Assignment(id="w", kind="affirmation", title="Say it", frequency=Frequency("weekdays", weekdays=(0, 3)))
    done = {date(2026, 3, 2)}
    assert week_count(a, done, date(2026, 3, 4)).words() == "1 of 2 this week"
    rows = grid(a, done, date(2026, 3, 4))
    assert len(rows) == 4 and rows[-1].startswith("●")
    daily = box_daily()
    summary = today_summary([a, daily], {"w": done, "a1": set()}, date(2026, 3, 2))
    assert summary.words() == "1 of 2 homework done today" and summary.titles_left == ("Box breathing",)
    words = summary.words().lower()
    assert "streak" not in words and "missed" not in words and "fail" not in words


def test_item17_3_review_changes_keep_history() -> None:
    a = box_daily().with_change("t0", "created", review="2026-03-15")
    changed, review = apply_review(a, {"helped": "calmer"}, STEP_MINUTES, 8, date(2026, 3, 15), "t1")
    assert changed.minutes == 8 and review.helped == "calmer" and review.step == STEP_MINUTES
    assert changed.review == "2026-03-29" and [c.what for c in changed.history] == ["created", "reviewed"]
    assert "5 → 8" in changed.history[-1].detail
    again, _ = apply_review(changed, {}, STEP_FREQUENCY, Frequency("times-a-week", times=3), date(2026, 3, 29), "t2")
    assert again.frequency.describe() == "3 times a week"
    ended, _ = apply_review(again, {}, STEP_END, None, date(2026, 4, 12), "t3")
    assert ended.status == "ended" and len(ended.history) == 4 and not ended.review_due(date(2026, 5, 1))
    with pytest.raises(ValueError):
        apply_review(a, {}, STEP_MINUTES, 0, date(2026, 3, 15), "t")


def test_item17_1_edit_and_status_history() -> None:
    a = box_daily()
    assert edit(a, "t", minutes=5) is a
    edited = edit(a, "t", minutes=10, focus="slow out-breath")
    assert edited.history[-1].detail == "minutes, focus"
    paused = set_status(edited, "paused", "t2")
    resumed = set_status(paused, "active", "t3")
    assert [c.what for c in resumed.history] == ["edited", "paused", "resumed"]


def test_item17_3_mood_needs_minimum_days_then_compares() -> None:
    done = {date(2026, 3, d) for d in (1, 2)}
    checkins = [{"at": f"2026-03-0{d}T09:00:00+00:00", "pleasantness": 5} for d in range(1, 7)]
    assert "more check-in day" in mood_words(checkins, done)
    done.add(date(2026, 3, 3))
    assert "Mood averaged 5.0" in mood_words(checkins, done)
    assert "Practised on 3 days" in adherence_words(box_daily(), done, date(2026, 3, 14))


def test_item17_2_first_week_asks_only_days_from_the_start() -> None:
    a = Assignment(id="d", kind="affirmation", start="2026-03-05")  # a Thursday
    assert week_count(a, {date(2026, 3, 5)}, date(2026, 3, 5)).words() == "1 of 4 this week"
