"""Issue 12.4: Home's "so far today" comes from per-day figures folded once per data version, and follows every change."""

from __future__ import annotations

import dataclasses
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from tui.core.checkin import Checkin
from tui.store import homework_queries
from tui.store.checkin_repository import CheckinRepository
from tui.store.homework_queries import homework_done_days
from tui.store.store import Store
from tui.store.today_repository import summarize_day

MORNING = datetime(2026, 3, 2, 8, 15).astimezone()


def test_item12_4_the_day_figures_follow_adds_edits_and_deletes(file_store: Store) -> None:
    repository = file_store.repo(CheckinRepository)
    first = repository.save(Checkin(at=MORNING, pleasantness=4))
    repository.save(Checkin(at=MORNING - timedelta(days=1), pleasantness=9))
    summary = summarize_day(file_store.database, MORNING.date())
    assert (summary.checkins, summary.mood_mean, summary.anything_ever) == (1, 4.0, True)

    repository.save(Checkin(at=MORNING + timedelta(hours=9), pleasantness=8))
    assert summarize_day(file_store.database, MORNING.date()).mood_mean == 6.0

    repository.save(dataclasses.replace(first, pleasantness=10))  # an edit changes the stored record in place
    assert summarize_day(file_store.database, MORNING.date()).mood_mean == 9.0

    repository.delete(first.id)
    summary = summarize_day(file_store.database, MORNING.date())
    assert (summary.checkins, summary.mood_mean) == (1, 8.0)
    assert summarize_day(file_store.database, date(2026, 3, 1)).checkins == 1


def test_item12_4_another_process_writing_is_seen(tmp_path: Path) -> None:
    path = tmp_path / "data" / "heartwork.json"
    mine = Store.open(path, own_folder=True)
    assert summarize_day(mine.database, MORNING.date()).anything_ever is False
    other = Store.open(path, own_folder=True)
    other.repo(CheckinRepository).save(Checkin(at=MORNING, pleasantness=6))
    other.close()
    assert summarize_day(mine.database, MORNING.date()).checkins == 1
    mine.close()


def test_item12_4_no_homework_reads_no_practice_records(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    def every_record(_store: Store) -> None:
        raise AssertionError("every session, entry and tick was read for no assignment")

    monkeypatch.setattr(homework_queries, "practice_records", every_record)
    store.repo(CheckinRepository).save(Checkin(at=MORNING, pleasantness=6))
    assignments, done = homework_done_days(store, MORNING.tzinfo)
    assert (assignments, done) == ([], {})
