"""Issue 15: routines and ticks in the store: the version 3 migration, states, order, archive, needs."""

from __future__ import annotations

import shutil
from datetime import date, datetime
from pathlib import Path

import orjson

from tui.core.selfcare_schedule import EVERY_DAY, on_weekdays, times_a_week
from tui.store.migrations import CURRENT_VERSION, META_TABLE
from tui.store.selfcare_need_repository import SelfCareNeedRepository
from tui.store.selfcare_repository import SelfCareRepository, SelfCareTickRepository
from tui.store.store import Store

DATA = Path(__file__).parent / "data" / "selfcare_v2.json"
NOW = datetime(2026, 3, 2, 9, 30).astimezone()


def test_item15_migration_keeps_a_version_2_file_working(tmp_path: Path) -> None:
    path = tmp_path / "heartwork.json"
    shutil.copy(DATA, path)
    store = Store.open(path)
    try:
        repository = store.repo(SelfCareRepository)
        active = repository.active_items()
        assert [item.id for item in active] == ["mine", "water", "tidy"]  # the order they were added in
        assert [item.category for item in active] == ["mind", "body", "surroundings"]
        assert all(item.schedule == EVERY_DAY and item.time_of_day == "" for item in active)
        assert [item.id for item in repository.archived_items()] == ["song"]
        assert repository.archived_items()[0].category == "creativity"
        ticks = {(t.item_id, t.day, t.state) for t in store.repo(SelfCareTickRepository).all()}
        assert ticks == {
            ("water", "2026-03-02", "done"),
            ("song", "2026-03-01", "done"),
            ("mine", "2026-02-28", "done"),
        }
    finally:
        store.close()
    saved = orjson.loads(path.read_bytes())
    assert saved[META_TABLE]["1"]["schema_version"] == CURRENT_VERSION == 3
    assert saved["selfcare_items"]["1"]["schedule"]["kind"] == "daily"


def test_item15_tick_states_replace_each_other_and_clear(store: Store) -> None:
    ticks = store.repo(SelfCareTickRepository)
    day = date(2026, 3, 2)
    ticks.set_state("a", day, "done")
    ticks.set_state("a", day, "partly")
    assert [(t.item_id, t.state) for t in ticks.for_day(day)] == [("a", "partly")]
    ticks.set_state("a", day, "rest")
    ticks.set_state("a", day, None)
    assert ticks.all() == []


def test_item15_changing_a_schedule_keeps_past_ticks(store: Store) -> None:
    repository = store.repo(SelfCareRepository)
    item = repository.add("Walk", NOW, "body")
    ticks = store.repo(SelfCareTickRepository)
    ticks.set_state(item.id, date(2026, 2, 26), "done")
    ticks.set_state(item.id, date(2026, 2, 27), "partly")
    repository.update(item.id, schedule=on_weekdays([0]), time_of_day="morning")
    changed = repository.get(item.id)
    assert changed is not None and changed.schedule == on_weekdays([0]) and changed.time_of_day == "morning"
    assert {(t.day, t.state) for t in ticks.all()} == {("2026-02-26", "done"), ("2026-02-27", "partly")}


def test_item15_reorder_archive_and_restore_keep_history(store: Store) -> None:
    repository = store.repo(SelfCareRepository)
    a, b, c = (repository.add(name, NOW, schedule=times_a_week(2)) for name in ("A", "B", "C"))
    store.repo(SelfCareTickRepository).set_state(b.id, date(2026, 3, 1), "done")
    assert repository.move(c.id, -1) and not repository.move(a.id, -1)
    assert [i.text for i in repository.active_items()] == ["A", "C", "B"]
    repository.remove(b.id)
    assert [i.text for i in repository.active_items()] == ["A", "C"]
    assert [i.text for i in repository.archived_items()] == ["B"]
    restored = repository.restore(b.id)
    assert restored is not None and restored.active and restored.schedule == times_a_week(2)
    assert [i.text for i in repository.active_items()] == ["A", "C", "B"]
    assert len(store.repo(SelfCareTickRepository).all()) == 1


def test_item15_needs_are_named_once_in_a_category(store: Store) -> None:
    needs = store.repo(SelfCareNeedRepository)
    first = needs.add("Quiet mornings", "rest", NOW)
    assert needs.add("  quiet   MORNINGS ", "body", NOW).id == first.id
    needs.add("Friends", "Connection", NOW)
    assert [(n.text, n.category) for n in needs.needs()] == [("Quiet mornings", "rest"), ("Friends", "connection")]


def test_item15_a_resting_day_is_not_counted_as_self_care_elsewhere(store: Store) -> None:
    from tui.core.homework_effects import selfcare_days
    from tui.store.today_repository import summarize_day

    ticks = store.repo(SelfCareTickRepository)
    day = date(2026, 3, 2)
    ticks.set_state("a", day, "rest")
    ticks.set_state("b", day, "partly")
    assert summarize_day(store.database, day).selfcare_done == 1
    documents = [{"day": "2026-03-02", "state": "rest"}, {"day": "2026-03-03"}]
    assert selfcare_days(documents) == {date(2026, 3, 3)}
