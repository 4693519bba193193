"""Issue 12: a self-care tick queued in the inbox replaces that day's tick, as ``set_state`` does.

``heartwork selfcare done NAME`` (quick or full) queues its tick in the inbox
instead of rewriting the file. Readers and the merge must then keep one tick
per (day, routine): the newest replaces the others, each replaced one leaves a
tombstone, and replaying an inbox whose merge was cut off before it was
emptied never undoes a later change made in the app.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import orjson
import pytest

from tui.core.record_merge import TOMBSTONES_TABLE, tombstone_id
from tui.core.selfcare import SelfCareTick
from tui.store import inbox
from tui.store.database import Database
from tui.store.export_data import export_document
from tui.store.inbox import apply_records
from tui.store.inbox_overlay import InboxOverlay
from tui.store.report_data import report_inputs
from tui.store.selfcare_repository import SelfCareRepository, SelfCareTickRepository
from tui.store.store import Store

NOW = datetime(2026, 3, 4, 9, 0).astimezone()
DAY = NOW.date()


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "hw.json"
    database = Database.open(path)
    routines = SelfCareRepository(database)
    routines.add("Walk outside", NOW)
    routines.add("Drink water", NOW)
    database.close()
    return path


def _routine_ids(db: Path) -> list[str]:
    database = Database.open_read_only(db)
    return [item.id for item in SelfCareRepository(database).active_items()]


def _queue(db: Path, item_id: str, state: str, day: date = DAY) -> SelfCareTick:
    tick = SelfCareTick(day=day.isoformat(), item_id=item_id, state=state)
    SelfCareTickRepository.add_to_inbox(db, tick)
    return tick


def _ticks_read(db: Path, day: date = DAY) -> list[tuple[str, str, str]]:
    database = Database.open_read_only(db)
    return sorted((t.item_id, t.day, t.state) for t in SelfCareTickRepository(database).for_day(day))


def _merge(db: Path) -> None:
    """Open for writing and save something else: the save merges the inbox."""
    database = Database.open(db)
    SelfCareRepository(database).add("Stretch", NOW)
    database.close()


def _file(db: Path) -> dict[str, Any]:
    data: dict[str, Any] = orjson.loads(db.read_bytes())
    return data


def _stones(data: dict[str, Any]) -> dict[str, str]:
    return {stone["id"]: stone["deleted_at"] for stone in data.get(TOMBSTONES_TABLE, {}).values()}


def test_done_then_partly_the_same_day_is_one_partly_tick_and_a_tombstone_for_the_first(db: Path) -> None:
    walk, water = _routine_ids(db)
    first = _queue(db, walk, "done")
    second = _queue(db, walk, "partly")
    _queue(db, water, "done")
    assert _ticks_read(db) == sorted([(walk, DAY.isoformat(), "partly"), (water, DAY.isoformat(), "done")])
    _merge(db)
    assert inbox.read_pending(db).records == []
    data = _file(db)
    ticks = {doc["id"]: doc["state"] for doc in data["selfcare_ticks"].values()}
    assert ticks[second.id] == "partly" and first.id not in ticks and len(ticks) == 2
    stones = _stones(data)
    assert tombstone_id("selfcare_ticks", first.id) in stones
    assert tombstone_id("selfcare_ticks", second.id) not in stones


def test_an_inbox_tick_replaces_the_tick_the_app_saved_that_day_and_leaves_other_days(db: Path) -> None:
    walk, _ = _routine_ids(db)
    database = Database.open(db)
    ticks = SelfCareTickRepository(database)
    ticks.set_state(walk, DAY, "done")
    ticks.set_state(walk, DAY - timedelta(days=1), "done")
    app_tick = ticks.for_day(DAY)[0]
    database.close()
    _queue(db, walk, "rest")
    assert _ticks_read(db) == [(walk, DAY.isoformat(), "rest")]
    assert _ticks_read(db, DAY - timedelta(days=1)) == [(walk, (DAY - timedelta(days=1)).isoformat(), "done")]
    _merge(db)
    data = _file(db)
    assert sorted(doc["state"] for doc in data["selfcare_ticks"].values()) == ["done", "rest"]
    assert tombstone_id("selfcare_ticks", app_tick.id) in _stones(data)


def test_the_tick_is_seen_at_once_by_the_app_export_and_report(db: Path) -> None:
    walk, _ = _routine_ids(db)
    twin = db.with_name("twin.json")  # the same routines, to make the same changes in the app
    twin.write_bytes(db.read_bytes())
    _queue(db, walk, "done")
    tick = _queue(db, walk, "partly")
    store = Store.open(db)  # what the app opens
    try:
        assert [(t.id, t.state) for t in store.repo(SelfCareTickRepository).for_day(DAY)] == [(tick.id, "partly")]
        exported = export_document(store.database)["tables"]["selfcare_ticks"]
        assert [(doc["id"], doc["state"]) for doc in exported] == [(tick.id, "partly")]
        queued_report = report_inputs(store, DAY, DAY).selfcare
    finally:
        store.close()
    database = Database.open(twin)
    SelfCareTickRepository(database).set_state(walk, DAY, "done")
    SelfCareTickRepository(database).set_state(walk, DAY, "partly")
    database.close()
    store = Store.open(twin)
    try:
        assert queued_report == report_inputs(store, DAY, DAY).selfcare
        assert [line.done for line in queued_report] == [1, 0]
    finally:
        store.close()


def test_replaying_a_merged_inbox_never_undoes_a_later_change_in_the_app(db: Path) -> None:
    walk, _ = _routine_ids(db)
    _queue(db, walk, "done")
    _queue(db, walk, "partly")
    kept = inbox.inbox_path_for(db).read_bytes()
    _merge(db)  # merged and emptied...
    database = Database.open(db)
    SelfCareTickRepository(database).set_state(walk, DAY, "rest")  # ...then changed in the app
    database.close()
    inbox.inbox_path_for(db).write_bytes(kept)  # as if the emptying had been lost in a crash
    assert _ticks_read(db) == [(walk, DAY.isoformat(), "rest")]
    _merge(db)
    assert [doc["state"] for doc in _file(db)["selfcare_ticks"].values()] == ["rest"]

    inbox.inbox_path_for(db).write_bytes(kept)
    database = Database.open(db)
    SelfCareTickRepository(database).set_state(walk, DAY, None)  # cleared in the app: stays cleared
    database.close()
    inbox.inbox_path_for(db).write_bytes(kept)
    _merge(db)
    assert _file(db)["selfcare_ticks"] == {}


def _tick(tick_id: str, state: str, stamp: str, day: str = "2026-03-04", item: str = "walk") -> dict[str, Any]:
    return {"id": tick_id, "day": day, "item_id": item, "state": state, "updated_at": stamp}


def test_an_older_inbox_tick_never_replaces_a_newer_one_for_the_same_day() -> None:
    newer = _tick("app", "rest", "2026-03-04T10:00:00.000000+00:00")
    data = {"selfcare_ticks": {"1": newer}}
    older = _tick("quick", "done", "2026-03-04T09:00:00.000000+00:00")
    assert apply_records(data, [("selfcare_ticks", older)]) == data


def test_replacing_changes_no_table_it_was_given_and_reports_removals_and_tombstones() -> None:
    old = _tick("a", "done", "2026-03-04T09:00:00.000000+00:00")
    other_day = _tick("b", "done", "2026-03-03T09:00:00.000000+00:00", day="2026-03-03")
    stones = {"4": {"id": "checkins/x", "table": "checkins", "record_id": "x", "deleted_at": "2026-01-01"}}
    data = {"selfcare_ticks": {"1": old, "2": other_day}, TOMBSTONES_TABLE: stones}
    new = _tick("c", "partly", "2026-03-04T11:00:00.000000+00:00")
    applied: list[tuple[str, str, dict[str, Any] | None]] = []
    merged = apply_records(data, [("selfcare_ticks", new)], applied)
    assert merged["selfcare_ticks"] == {"2": other_day, "3": new}
    assert merged[TOMBSTONES_TABLE]["5"] == {
        "id": "selfcare_ticks/a",
        "table": "selfcare_ticks",
        "record_id": "a",
        "deleted_at": new["updated_at"],
    }
    assert data == {"selfcare_ticks": {"1": old, "2": other_day}, TOMBSTONES_TABLE: stones} and len(stones) == 1
    assert [(table, key, doc is None) for table, key, doc in applied] == [
        ("selfcare_ticks", "1", True),
        (TOMBSTONES_TABLE, "5", False),
        ("selfcare_ticks", "3", False),
    ]
    assert apply_records(merged, [("selfcare_ticks", new)]) == merged  # merging again changes nothing
    assert apply_records(merged, [("selfcare_ticks", old)]) == merged  # the replaced one never comes back


def test_the_overlay_puts_back_what_it_removed_when_an_unsaved_change_is_replayed(db: Path) -> None:
    walk, _ = _routine_ids(db)
    database = Database.open(db)
    SelfCareTickRepository(database).set_state(walk, DAY, "done")
    database.close()
    _queue(db, walk, "partly")
    on_disk = _file(db)
    overlay = InboxOverlay(db)
    memory = overlay.catch_up(orjson.loads(orjson.dumps(on_disk)))
    base = overlay.place_applied(orjson.loads(orjson.dumps(on_disk)))
    assert base["selfcare_ticks"] == memory["selfcare_ticks"]
    assert base[TOMBSTONES_TABLE] == memory[TOMBSTONES_TABLE]  # so none of it counts as our own change


def test_an_open_app_sees_a_queued_tick_replace_its_own_and_its_next_save_merges_it_once(db: Path) -> None:
    walk, water = _routine_ids(db)
    store = Store.open(db)  # the app, open all along
    try:
        ticks = store.repo(SelfCareTickRepository)
        ticks.set_state(walk, DAY, "done")
        own = ticks.for_day(DAY)[0]
        queued = _queue(db, walk, "partly")  # from the shell meanwhile
        assert [(t.id, t.state) for t in ticks.for_day(DAY)] == [(queued.id, "partly")]
        ticks.set_state(water, DAY, "done")  # the app's next save takes the inbox in
        assert inbox.read_pending(db).records == []
        assert sorted((t.item_id, t.state) for t in ticks.for_day(DAY)) == sorted([(walk, "partly"), (water, "done")])
    finally:
        store.close()
    data = _file(db)
    assert sorted(doc["state"] for doc in data["selfcare_ticks"].values()) == ["done", "partly"]
    assert tombstone_id("selfcare_ticks", own.id) in _stones(data)


def test_a_kill_between_merging_a_queued_tick_and_emptying_the_inbox_never_undoes_the_apps_later_change(
    tmp_path: Path,
) -> None:
    import os
    import signal
    import subprocess
    import sys

    repo_root = Path(__file__).resolve().parents[3]
    database = tmp_path / "heartwork.json"
    Database.open(database).close()
    worker = subprocess.run(
        [
            sys.executable,
            str(repo_root / "tests" / "support" / "store_workers.py"),
            "die-after-tick-merge",
            str(database),
        ],
        env=dict(os.environ, PYTHONPATH=str(repo_root)),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert worker.returncode == -signal.SIGKILL, worker.stderr
    assert [doc["state"] for doc in _file(database)["selfcare_ticks"].values()] == ["rest"]
    assert [table for table, _ in inbox.read_pending(database).records] == ["selfcare_ticks"]  # never emptied
    today = date.today()
    assert _ticks_read(database, today) == [("walk", today.isoformat(), "rest")]
    Database.open(database).close()  # the next writer merges again: the app's change stands
    assert [doc["state"] for doc in _file(database)["selfcare_ticks"].values()] == ["rest"]
    assert inbox.inbox_path_for(database).read_bytes() == b""
    assert len(_stones(_file(database))) == 2  # the app's "done" and the queued "partly"
