"""Which backups are kept (a spread over hours, days, weeks) and what a backup holds, in words."""

from __future__ import annotations

from datetime import datetime, timedelta

from tui.core.backup_contents import describe_counts, holds_records, newest_day, record_counts, records_lost
from tui.core.backup_retention import RetentionPolicy, backups_to_keep

NOW = datetime(2026, 3, 11, 15, 45)  # a Wednesday


def every(step: timedelta, span: timedelta, end: datetime = NOW) -> list[datetime]:
    moments = []
    moment = end
    while moment > end - span:
        moments.append(moment)
        moment -= step
    return moments


def test_item9_7_a_long_session_keeps_older_backups_than_fifty_minutes() -> None:
    """A backup every ten minutes for eight hours: the old rule kept only the last five (50 min)."""
    moments = every(timedelta(minutes=10), timedelta(hours=8))
    keep = backups_to_keep(moments, NOW)
    assert sorted(keep, reverse=True)[:5] == sorted(moments, reverse=True)[:5]
    hours_covered = {moment.replace(minute=0) for moment in keep}
    assert len(hours_covered) >= 6, "one for each of the last six hours"
    assert min(keep) <= NOW - timedelta(hours=4, minutes=30)


def test_item9_7_retention_keeps_one_a_day_for_a_week_and_one_a_week_for_five_weeks() -> None:
    moments = every(timedelta(hours=1), timedelta(days=60))
    keep = backups_to_keep(moments, NOW)
    days = {moment.date() for moment in keep}
    for back in range(7):
        assert (NOW - timedelta(days=back)).date() in days
    weeks = {(moment - timedelta(days=moment.weekday())).date() for moment in keep}
    assert len(weeks) == 5
    assert min(keep) >= NOW - timedelta(weeks=5)
    assert len(keep) <= 5 + 6 + 7 + 5
    # The kept daily backup is how the day ended (the last one of it).
    yesterday = (NOW - timedelta(days=1)).date()
    assert max(m for m in moments if m.date() == yesterday) in keep


def test_item9_7_retention_is_stable_as_time_passes() -> None:
    """A backup kept as the last of a finished day stays kept the next hour."""
    moments = every(timedelta(hours=3), timedelta(days=10))
    first = backups_to_keep(moments, NOW)
    later = backups_to_keep(moments, NOW + timedelta(hours=1))
    finished_days = {m for m in first if m.date() < (NOW - timedelta(days=1)).date()}
    assert finished_days <= later


def test_item9_7_retention_never_drops_a_backup_from_the_future_or_the_newest_few() -> None:
    future = NOW + timedelta(days=400)
    old = [NOW - timedelta(days=300 + n) for n in range(3)]
    keep = backups_to_keep([future, *old], NOW, RetentionPolicy(recent=1))
    assert future in keep and not set(old) & keep
    assert backups_to_keep(old, NOW, RetentionPolicy(recent=2)) == set(old[:2])
    assert backups_to_keep([], NOW) == set()


def test_item9_7_what_a_backup_holds_in_words() -> None:
    data = {
        "_meta": {"1": {"schema_version": 2}},
        "checkins": {
            "1": {"id": "a", "at": "2026-03-02T09:30:00+01:00"},
            "2": {"id": "b", "at": "2026-03-04T09:30:00+01:00"},
        },
        "journal_entries": {
            "1": {"id": "j", "created_at": "2026-03-01T10:00:00+01:00", "updated_at": "2026-03-03T10:00:00+01:00"}
        },
        "notes": {"1": {"id": "n"}},
        "reflections": {},
    }
    counts = record_counts(data)
    assert counts == {"checkins": 2, "journal_entries": 1, "notes": 1}
    assert describe_counts(counts) == "2 check-ins, 1 journal entry, 1 record in 'notes'"
    assert newest_day(data) == "2026-03-04"
    assert holds_records(data) and not holds_records({"_meta": {"1": {"schema_version": 2}}, "checkins": {}})
    assert describe_counts({}) == "nothing"


def test_item9_7_records_lost_are_matched_by_id() -> None:
    current = {
        "checkins": {"1": {"id": "a"}, "2": {"id": "b"}, "3": {"id": "c"}},
        "journal_entries": {"1": {"id": "j"}},
    }
    older = {"checkins": {"1": {"id": "a"}, "2": {"id": "x"}, "3": {"id": "y"}}}
    assert records_lost(current, older) == {"checkins": 2, "journal_entries": 1}
    assert records_lost(older, current) == {"checkins": 2}
    assert records_lost(current, current) == {}
