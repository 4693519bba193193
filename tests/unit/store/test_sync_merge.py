"""Issue 19: merging two copies of the database record by record (union, edits, tombstones, expiry)."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from tui.core.record_merge import (
    HISTORY_TABLE,
    TOMBSTONES_TABLE,
    content_view,
    make_tombstone,
    merge_copies,
    moment_order,
)
from tui.store.store import Store

NOW = datetime(2026, 12, 3, 12, 0).astimezone()


def entry(record_id: str, body: str, at: str) -> dict[str, Any]:
    return {"id": record_id, "body": body, "updated_at": at}


def ids(data: dict[str, Any], table: str = "journal_entries") -> list[str]:
    return sorted(doc["id"] for doc in data.get(table, {}).values())


def test_item19_3_union_keeps_records_from_both_sides_without_duplicates() -> None:
    shared = entry("s", "both have it", "2026-12-01T10:00:00+00:00")
    ours = {"journal_entries": {"1": shared, "2": entry("a", "laptop", "2026-12-02T10:00:00+00:00")}}
    theirs = {"journal_entries": {"1": entry("b", "desktop", "2026-12-02T11:00:00+00:00"), "7": shared}}
    merged, summary = merge_copies(ours, theirs, now=NOW)
    assert ids(merged) == ["a", "b", "s"]
    assert merged["journal_entries"]["1"] == shared and merged["journal_entries"]["2"]["id"] == "a"  # ours keep keys
    assert summary.added == 1 and summary.updated == 0 and summary.deleted == 0
    assert "1 new" in summary.describe()


def test_item19_3_same_record_edited_on_both_sides_later_wins_and_other_kept_in_history() -> None:
    ours = {"journal_entries": {"1": entry("x", "morning words", "2026-12-02T09:00:00+01:00")}}
    theirs = {"journal_entries": {"4": entry("x", "evening words", "2026-12-02T09:30:00+00:00")}}  # later in UTC
    merged, summary = merge_copies(ours, theirs, now=NOW)
    assert merged["journal_entries"]["1"]["body"] == "evening words"
    [kept] = merged[HISTORY_TABLE].values()
    assert kept["record_id"] == "x" and kept["version"]["body"] == "morning words"
    assert summary.updated == 1 and summary.versions_kept == 1
    again, summary_again = merge_copies(merged, theirs, now=NOW)
    assert content_view(again) == content_view(merged) and not summary_again.changed_records


def test_item19_3_missing_updated_at_counts_as_oldest() -> None:
    old = {"id": "x", "body": "written before updated_at existed"}
    new = entry("x", "edited since", "2020-01-01T00:00:00+00:00")
    assert moment_order(None) < moment_order("2020-01-01T00:00:00+00:00")
    for ours, theirs in ((old, new), (new, old)):
        merged, _ = merge_copies({"t": {"1": ours}}, {"t": {"1": theirs}}, now=NOW)
        assert merged["t"]["1"]["body"] == "edited since"


def test_item19_3_tombstone_keeps_a_deleted_record_deleted() -> None:
    kept_by_other = entry("gone", "deleted on the laptop", "2026-12-01T10:00:00+00:00")
    ours = {
        "journal_entries": {},
        TOMBSTONES_TABLE: {"1": make_tombstone("journal_entries", "gone", "2026-12-02T10:00:00+00:00")},
    }
    theirs = {"journal_entries": {"3": kept_by_other}}
    for first, second in ((ours, theirs), (theirs, ours)):
        merged, _ = merge_copies(first, second, now=NOW)
        assert ids(merged) == []
        assert [stone["record_id"] for stone in merged[TOMBSTONES_TABLE].values()] == ["gone"]
    _, summary = merge_copies(theirs, ours, now=NOW)
    assert summary.deleted == 1


def test_item19_3_an_edit_made_after_the_deletion_brings_the_record_back() -> None:
    ours = {TOMBSTONES_TABLE: {"1": make_tombstone("t", "x", "2026-12-02T10:00:00+00:00")}, "t": {}}
    theirs = {"t": {"1": entry("x", "restored later", "2026-12-02T11:00:00+00:00")}}
    merged, _ = merge_copies(ours, theirs, now=NOW)
    assert ids(merged, "t") == ["x"]


def test_item19_3_tombstones_older_than_the_setting_are_dropped() -> None:
    old = make_tombstone("t", "old", (NOW - timedelta(days=181)).isoformat())
    recent = make_tombstone("t", "recent", (NOW - timedelta(days=10)).isoformat())
    ours = {"t": {}, TOMBSTONES_TABLE: {"1": old, "2": recent}}
    merged, _ = merge_copies(ours, {}, now=NOW)
    assert [stone["record_id"] for stone in merged[TOMBSTONES_TABLE].values()] == ["recent"]
    merged, _ = merge_copies(ours, {}, now=NOW, keep_tombstone_days=5)
    assert TOMBSTONES_TABLE not in merged


def test_item19_3_store_deletion_leaves_a_tombstone_and_ids_are_never_reused() -> None:
    from tui.core.journal import JournalEntry
    from tui.store.journal_repository import JournalRepository

    store = Store.in_memory()
    journal = store.repo(JournalRepository)
    first = JournalEntry.new(NOW, body="one")
    journal.save(first)
    assert journal.delete(first.id)
    stones = list(store.database.storage.read()[TOMBSTONES_TABLE].values())  # type: ignore[index]
    assert [(s["table"], s["record_id"]) for s in stones] == [("journal_entries", first.id)]
    made = {JournalEntry.new(NOW, body=str(n)).id for n in range(200)}
    assert first.id not in made and len(made) == 200
    journal.save(first)  # brought back (from "recently deleted"): newer than its deletion, tombstone gone
    data = store.database.storage.read() or {}
    assert not data[TOMBSTONES_TABLE]
    assert moment_order(journal.table.get_record(first.id)["updated_at"]) > moment_order(stones[0]["deleted_at"])  # type: ignore[index]


def test_item19_3_every_saved_record_has_an_updated_at() -> None:
    from tui.core.settings import Settings

    store = Store.in_memory()
    store.settings.save(Settings(theme="dawn"))
    document = store.database.table("settings").get_record("settings")
    assert document is not None and moment_order(document["updated_at"]) > moment_order(None)
