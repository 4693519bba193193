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
    scalars, lambda children: st.lists(children, max_size=4) | st.dictionaries(texts, children, max_size=4), max_leaves=20
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
    poisoned = {"top": {**doc, "bad": bad}, "list": {**doc, "bad": [1, [bad]]}, "dict": {**doc, "bad": {"x": {"y": bad}}}}
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
