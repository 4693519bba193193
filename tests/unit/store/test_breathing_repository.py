"""Breathing sessions and custom patterns survive a round trip through the database."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from tui.content.breathing_patterns import builtin_pattern
from tui.core.breathing import BreathingRecord, Phase, custom_pattern
from tui.store.breathing_pattern_repository import BreathingPatternRepository
from tui.store.breathing_repository import BreathingSessionRepository
from tui.store.store import Store
from tui.store.today_repository import summarize_day

START = datetime(2026, 3, 2, 9, 30).astimezone()


def make_record(record_id: str, started_at: datetime, seconds: float, finished: bool = True) -> BreathingRecord:
    box = builtin_pattern("box")
    return BreathingRecord(
        id=record_id,
        started_at=started_at,
        pattern_key=box.key,
        pattern_name=box.name,
        phases=box.phases,
        planned_seconds=128.0,
        planned_cycles=None,
        actual_seconds=seconds,
        cycles_completed=int(seconds // 16),
        finished=finished,
        feeling_before=4,
        feeling_after=None,
    )


def test_session_round_trip_and_document_fields(file_store: Store) -> None:
    repository = file_store.repo(BreathingSessionRepository)
    record = make_record("a", START, 128.0)
    repository.save(record)
    reopened = Store.open(file_store.path)  # type: ignore[arg-type]
    try:
        assert reopened.repo(BreathingSessionRepository).get("a") == record
    finally:
        reopened.close()
    document = file_store.database.table("breathing_sessions").all()[0]
    assert set(document) == {
        "id",
        "updated_at",  # issue 19: every saved record carries the time it was saved
        "started_at",
        "pattern_key",
        "pattern_name",
        "phases",
        "planned_seconds",
        "planned_cycles",
        "actual_seconds",
        "cycles_completed",
        "finished",
        "feeling_before",
        "feeling_after",
    }
    assert document["started_at"] == START.isoformat(timespec="seconds")
    assert document["phases"][0] == {"kind": "inhale", "seconds": 4.0}


def test_recent_is_newest_first_and_feeds_today(store: Store) -> None:
    repository = store.repo(BreathingSessionRepository)
    repository.save(make_record("old", START - timedelta(days=1), 60.0))
    repository.save(make_record("new", START + timedelta(minutes=5), 30.0, finished=False))
    repository.save(make_record("mid", START, 90.0))
    assert [r.id for r in repository.recent()] == ["new", "mid", "old"]
    assert repository.latest_for("box").id == "new"  # type: ignore[union-attr]
    summary = summarize_day(store.database, date(2026, 3, 2))
    assert summary.breathing_sessions == 2 and summary.breathing_seconds == 120.0


def test_custom_patterns_save_edit_delete(store: Store) -> None:
    repository = store.repo(BreathingPatternRepository)
    pattern = custom_pattern(
        "Evening calm", (Phase("inhale", 4), Phase("hold", 0), Phase("exhale", 6.5), Phase("hold", 1)), "p1"
    )
    repository.save(pattern)
    assert repository.get("p1") == pattern and repository.get("p1").custom  # type: ignore[union-attr]
    assert repository.named("  evening CALM ") == pattern
    repository.save(custom_pattern("Evening calm", (Phase("inhale", 5), Phase("exhale", 5)), "p1"))
    assert repository.count() == 1 and repository.get("p1").cycle_seconds == 10  # type: ignore[union-attr]
    stored = store.database.table("breathing_patterns").all()[0]
    assert stored.pop("updated_at") > "2026"  # issue 19: every saved record carries the time it was saved
    assert stored == {
        "id": "p1",
        "name": "Evening calm",
        "phases": [{"kind": "inhale", "seconds": 5}, {"kind": "exhale", "seconds": 5}],
    }
    assert repository.delete("p1") and repository.count() == 0
