"""Homework effects: per-pattern breathing change and mood with/without self-care, with minimum-data rules."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from tui.core.homework_effects import (
    breathing_effects,
    daily_mood,
    pattern_sentence,
    selfcare_mood_effect,
    selfcare_sentence,
)
from tui.store.homework_effects_repository import load_homework_effects
from tui.store.store import Store


def session(key: str, before: int | None, after: int | None, name: str | None = None) -> dict[str, object]:
    return {
        "id": f"{key}-{before}-{after}",
        "pattern_key": key,
        "pattern_name": name or key.title(),
        "feeling_before": before,
        "feeling_after": after,
    }


def checkin(day: date, score: int, hour: int = 9) -> dict[str, object]:
    at = datetime(day.year, day.month, day.day, hour).astimezone().isoformat(timespec="seconds")
    return {"id": f"{day}-{hour}", "at": at, "pleasantness": score}


def tick(day: date) -> dict[str, object]:
    return {"id": f"t{day}", "day": day.isoformat(), "item_id": "water"}


def test_two_sessions_are_not_enough_and_say_how_many_more() -> None:
    (effect,) = breathing_effects([session("box", 4, 6), session("box", 5, 6)])
    assert effect.sessions == 2
    assert effect.mean_change is None
    assert effect.sessions_needed == 1
    assert "1 more session" in pattern_sentence(effect)


def test_three_sessions_give_the_mean_change() -> None:
    (effect,) = breathing_effects([session("box", 4, 6), session("box", 5, 6), session("box", 6, 6)])
    assert effect.sessions == 3
    assert effect.mean_change == pytest.approx(1.0)
    assert "1.0 points better" in pattern_sentence(effect)


def test_sessions_missing_either_feeling_do_not_count() -> None:
    sessions = [session("478", 4, 6), session("478", 5, None), session("478", None, 7), session("478", 3, 5)]
    (effect,) = breathing_effects(sessions)
    assert effect.sessions == 2
    assert effect.mean_change is None


def test_patterns_are_kept_apart_and_a_decrease_is_shown_as_such() -> None:
    sessions = [session("box", 6, 4)] * 3 + [session("sigh", 3, 7)] * 4
    effects = {effect.pattern_key: effect for effect in breathing_effects(sessions)}
    assert effects["box"].mean_change == pytest.approx(-2.0)
    assert effects["sigh"].mean_change == pytest.approx(4.0)
    assert "2.0 points lower" in pattern_sentence(effects["box"])


def test_daily_mood_is_the_mean_of_that_days_checkins() -> None:
    day = date(2026, 3, 2)
    moods = daily_mood([checkin(day, 4, 8), checkin(day, 8, 20), checkin(day + timedelta(days=1), 5)])
    assert moods == {day: 6.0, day + timedelta(days=1): 5.0}


def _days(count: int, start: date) -> list[date]:
    return [start + timedelta(days=offset) for offset in range(count)]


@pytest.mark.parametrize(("with_days", "without_days", "enough"), [(2, 3, False), (3, 2, False), (3, 3, True)])
def test_selfcare_needs_three_days_of_each(with_days: int, without_days: int, enough: bool) -> None:
    care = _days(with_days, date(2026, 3, 1))
    other = _days(without_days, date(2026, 4, 1))
    checkins = [checkin(day, 7) for day in care] + [checkin(day, 5) for day in other]
    effect = selfcare_mood_effect(checkins, [tick(day) for day in care])
    assert effect.days_with == with_days and effect.days_without == without_days
    assert effect.enough is enough
    if enough:
        assert effect.mean_with == pytest.approx(7.0)
        assert effect.mean_without == pytest.approx(5.0)
        assert effect.difference == pytest.approx(2.0)
        assert "not what caused" in selfcare_sentence(effect)
    else:
        assert effect.mean_with is None and effect.mean_without is None
        assert "1 more" in selfcare_sentence(effect) and "before the two can be compared" in selfcare_sentence(effect)


def test_selfcare_days_without_a_checkin_do_not_count() -> None:
    care = _days(5, date(2026, 3, 1))
    checkins = [checkin(day, 6) for day in care[:2]] + [checkin(day, 4) for day in _days(3, date(2026, 4, 1))]
    effect = selfcare_mood_effect(checkins, [tick(day) for day in care])
    assert effect.days_with == 2
    assert not effect.enough


def test_repository_reads_the_three_tables(store: Store) -> None:
    database = store.database
    with database.transaction():
        database.table("breathing_sessions").insert_multiple(
            [session("box", 3, 5), session("box", 4, 6), session("box", 5, 7)]
        )
        database.table("checkins").insert(checkin(date(2026, 3, 2), 6))
    effects = load_homework_effects(database)
    assert effects.patterns[0].mean_change == pytest.approx(2.0)
    assert effects.selfcare.days_without == 1
