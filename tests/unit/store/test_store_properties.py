"""Property-based round trips: any JSON document survives save and reopen exactly; NaN/inf never do."""

from __future__ import annotations

import math
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tui.store.database import Database
from tui.store.errors import InvalidValueError

texts = st.text(st.characters(exclude_categories=("Cs",)), max_size=30)
scalars = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**63), max_value=2**64 - 1)
    | st.floats(allow_nan=False, allow_infinity=False)
    | texts
)
json_values = st.recursive(
    scalars,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(texts, children, max_size=4),
    max_leaves=20,
)
documents = st.dictionaries(texts.filter(lambda key: key != "id"), json_values, max_size=6)
not_finite = st.sampled_from([math.nan, math.inf, -math.inf])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(documents, min_size=1, max_size=4))
def test_documents_survive_save_and_reopen_exactly(docs: list[dict[str, Any]]) -> None:
    records = [{**doc, "id": f"r{number}"} for number, doc in enumerate(docs)]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "heartwork.json"
        db = Database.open(path)
        db.table("things").save_records(records)
        db.close()
        reopened = Database.open(path)
        assert [dict(doc) for doc in reopened.table("things").all()] == records
        for record in records:
            assert reopened.table("things").get_record(record["id"]) == record
        reopened.close()


@settings(max_examples=40, deadline=None)
@given(documents, not_finite, st.sampled_from(["top", "list", "dict"]), st.sampled_from(["file", "memory"]))
def test_nan_and_infinity_are_refused_wherever_they_hide(
    doc: dict[str, Any], bad: float, where: str, kind: str
) -> None:
    poisoned = {
        "top": {**doc, "bad": bad},
        "list": {**doc, "bad": [1, [bad]]},
        "dict": {**doc, "bad": {"x": {"y": bad}}},
    }
    with tempfile.TemporaryDirectory() as folder:
        db = Database.open(Path(folder) / "heartwork.json") if kind == "file" else Database.in_memory()
        table = db.table("things")
        table.save_records([{**doc, "id": "clean"}])
        before = db.snapshot()
        with pytest.raises(InvalidValueError):
            table.save_records([{**poisoned[where], "id": "poisoned"}])
        with pytest.raises(InvalidValueError):
            table.update(lambda stored: stored.update(poisoned[where]))
        assert db.snapshot() == before
        db.close()


def edited(base: dict[str, Any], data: st.DataObject, tag: str) -> tuple[dict[str, Any], set[str], set[str], set[str]]:
    """A copy of ``base`` with some records added, changed and removed by ``tag``."""
    table = {key: dict(doc) for key, doc in base.items()}
    changed = set(data.draw(st.sets(st.sampled_from(sorted(base)), max_size=len(base)))) if base else set()
    removed = set(data.draw(st.sets(st.sampled_from(sorted(base)), max_size=len(base)))) - changed if base else set()
    for key in changed:
        table[key] = {**table[key], "by": tag}
    for key in removed:
        del table[key]
    added = set()
    next_key = max((int(key) for key in base), default=0) + 1
    for number in range(data.draw(st.integers(0, 3))):
        table[str(next_key + number)] = {"id": f"{tag}-new-{number}"}
        added.add(f"{tag}-new-{number}")
    return table, {base[key]["id"] for key in changed}, {base[key]["id"] for key in removed}, added


@settings(max_examples=80, deadline=None)
@given(st.integers(0, 6), st.data())
def test_merging_a_waiting_change_keeps_both_sides_work(size: int, data: st.DataObject) -> None:
    from tui.store.merge import merge_unsaved

    base_table = {str(number + 1): {"id": f"base-{number}"} for number in range(size)}
    our_table, we_changed, we_removed, we_added = edited(base_table, data, "ours")
    their_table, they_changed, they_removed, they_added = edited(base_table, data, "theirs")
    theirs = {"things": their_table}
    merge_unsaved({"things": base_table}, {"things": our_table}, theirs)
    merged = {doc["id"]: doc for doc in theirs["things"].values()}
    assert len(merged) == len(theirs["things"]), "no record is duplicated"
    assert we_added | they_added <= merged.keys(), "what either side added is kept"
    assert not we_removed & merged.keys(), "what we removed is removed"
    for record_id in we_changed:
        assert merged[record_id]["by"] == "ours", "our edits win"
    for record_id in they_changed - we_changed - we_removed:
        assert merged[record_id]["by"] == "theirs", "their edits to other records are kept"
    untouched = {doc["id"] for doc in base_table.values()} - we_removed - they_removed
    assert untouched <= merged.keys()
