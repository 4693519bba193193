"""Issue 13: export -> import into an empty database -> export again gives identical records, for any data."""

from __future__ import annotations

from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tui.core.import_formats import recognise
from tui.store.database import Database
from tui.store.export_data import encode_export, export_document
from tui.store.importer import apply_import, decide
from tui.store.migrations import CURRENT_VERSION

# Emoji, right-to-left scripts, combining marks, and anything else Unicode holds.
SPECIAL = st.sampled_from(
    ["😊", "👩🏽‍🦱", "שלום", "مرحبا", "e\u0301", "\u200f", "\u202e", "Ça", "\u2028", "\x1b[31m", ""]
)
TEXT = st.one_of(st.text(max_size=30), st.lists(SPECIAL, max_size=6).map("".join))
SCALAR = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**53), max_value=2**53),
    st.floats(allow_nan=False, allow_infinity=False),
    TEXT,
)
VALUE = st.recursive(
    SCALAR, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(TEXT, inner, max_size=4), max_leaves=8
)
FIELD = st.text(min_size=1, max_size=12).filter(lambda name: name != "id")
RECORD = st.dictionaries(FIELD, VALUE, max_size=6)
TABLE_NAME = st.one_of(
    st.sampled_from(["checkins", "journal_entries", "journal_drafts", "meditation_sessions", "selfcare_needs"]),
    st.text(min_size=1, max_size=10).filter(lambda name: not name.startswith("_")),
)


@st.composite
def databases(draw: st.DrawFn) -> dict[str, list[dict[str, Any]]]:
    tables: dict[str, list[dict[str, Any]]] = {}
    for name in draw(st.lists(TABLE_NAME, max_size=4, unique=True)):
        ids = draw(st.lists(st.text(min_size=1, max_size=8) | st.uuids().map(str), max_size=5, unique=True))
        tables[name] = [{"id": record_id, **draw(RECORD)} for record_id in ids]
    return tables


def _database_with(tables: dict[str, list[dict[str, Any]]]) -> Database:
    database = Database.in_memory()
    for name, records in tables.items():
        if records:
            database.table(name).save_records(records)
    return database


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(databases())
def test_item13_round_trip_is_exact_for_any_database(tables: dict[str, list[dict[str, Any]]]) -> None:
    original = _database_with(tables)
    first = export_document(original)
    plan = recognise(encode_export(first).decode("utf-8"), newest_schema=CURRENT_VERSION)
    fresh = Database.in_memory()
    outcome = apply_import(fresh, plan)
    assert outcome.added == {name: len(records) for name, records in tables.items() if records}
    again = export_document(fresh)
    assert again["tables"] == first["tables"]
    assert encode_export({**again, "exported_at": ""}) == encode_export({**first, "exported_at": ""})
    _, second = decide(fresh, plan)
    assert not second.added and not second.updated  # importing the same file again adds nothing
