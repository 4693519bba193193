"""Laying inbox records over the data (``apply_records``): replace by id, new keys after the last, never in place."""

from __future__ import annotations

from typing import Any

from tui.store.inbox import apply_records


def _record(record_id: str, note: str = "") -> dict[str, Any]:
    return {"id": record_id, "note": note}


def test_new_records_get_the_next_keys_in_order_and_the_data_is_not_changed() -> None:
    data = {"checkins": {"1": _record("a"), "7": _record("b")}, "journal": {"1": _record("j")}}
    applied: list[tuple[str, str, dict[str, Any]]] = []
    merged = apply_records(
        data, [("checkins", _record("c")), ("checkins", _record("d")), ("moods", _record("m"))], applied
    )
    assert merged["checkins"] == {"1": _record("a"), "7": _record("b"), "8": _record("c"), "9": _record("d")}
    assert merged["moods"] == {"1": _record("m")}
    assert merged["journal"] is data["journal"]
    assert set(data["checkins"]) == {"1", "7"} and "moods" not in data
    assert [(table, key) for table, key, _ in applied] == [("checkins", "8"), ("checkins", "9"), ("moods", "1")]


def test_a_record_already_there_is_replaced_at_its_key_and_one_given_twice_is_kept_once() -> None:
    data = {"checkins": {"1": _record("a"), "2": _record("b", "old")}}
    records = [("checkins", _record("b", "new")), ("checkins", _record("c", "1st")), ("checkins", _record("c", "2nd"))]
    merged = apply_records(data, records)
    assert merged["checkins"] == {"1": _record("a"), "2": _record("b", "new"), "3": _record("c", "2nd")}
    assert apply_records(merged, records) == merged  # merging again changes nothing


def test_odd_keys_and_values_are_stepped_over_as_before() -> None:
    data: dict[str, dict[str, Any]] = {"checkins": {"3": _record("a"), "x": _record("b"), "5": "not a record"}}
    merged = apply_records(data, [("checkins", _record("b", "again")), ("checkins", _record("n"))])
    assert merged["checkins"]["x"] == _record("b", "again")
    assert merged["checkins"]["6"] == _record("n")
    assert merged["checkins"]["5"] == "not a record"
