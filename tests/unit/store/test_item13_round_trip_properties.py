"""Issue 13: export -> import into an empty database -> export again gives identical records, for any data."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tui.core.import_formats import recognise
from tui.store.database import Database
from tui.store.export_data import encode_export, export_document
from tui.store.importer import apply_import, check_plan, decide
from tui.store.migrations import CURRENT_VERSION
from tui.store.record_checks import TABLE_RULES

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
# Tables without rules (added later by others, say) take any record; known tables get valid ones below.
# (Names of tables other work may add; once such a table has rules of its own it is no longer "any record".)
LATER_TABLES = [
    name for name in ("affirmation_practice", "homework_assignments", "tombstones") if name not in TABLE_RULES
]
TABLE_NAME = st.one_of(
    st.sampled_from(LATER_TABLES or ["a_table_added_later"]),
    st.text(min_size=1, max_size=10).filter(lambda name: not name.startswith("_") and name not in TABLE_RULES),
)
MOMENT = st.datetimes(min_value=datetime(1900, 1, 2), max_value=datetime(2200, 1, 1)).map(
    lambda moment: moment.replace(microsecond=0).astimezone(UTC).isoformat()
)
WORDS = st.lists(TEXT, max_size=4)
CHECKIN = st.fixed_dictionaries(
    {"at": MOMENT, "pleasantness": st.integers(1, 10)},
    optional={"energy": st.none() | st.integers(1, 10), "emotions": WORDS, "tags": WORDS, "note": TEXT},
)
ENTRY = st.fixed_dictionaries(
    {"created_at": MOMENT, "title": TEXT, "body": TEXT},
    optional={"tags": WORDS, "fields": st.dictionaries(TEXT, VALUE, max_size=3), "updated_at": MOMENT},
)
KNOWN = {"checkins": CHECKIN, "journal_entries": ENTRY, "journal_drafts": ENTRY}


@st.composite
def databases(draw: st.DrawFn) -> dict[str, list[dict[str, Any]]]:
    tables: dict[str, list[dict[str, Any]]] = {}
    names = draw(st.lists(TABLE_NAME, max_size=3, unique=True)) + draw(
        st.lists(st.sampled_from(sorted(KNOWN)), unique=True)
    )
    for name in names:
        ids = draw(st.lists(st.text(min_size=1, max_size=8) | st.uuids().map(str), max_size=5, unique=True))
        tables[name] = [{"id": record_id, **draw(KNOWN.get(name, RECORD))} for record_id in ids]
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
    check_plan(plan)
    fresh = Database.in_memory()
    outcome = apply_import(fresh, plan)
    assert outcome.added == {name: len(records) for name, records in tables.items() if records}
    again = export_document(fresh)
    assert again["tables"] == first["tables"]
    assert encode_export({**again, "exported_at": ""}) == encode_export({**first, "exported_at": ""})
    _, second = decide(fresh, plan)
    assert not second.added and not second.updated  # importing the same file again adds nothing
