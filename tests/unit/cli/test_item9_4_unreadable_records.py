"""Item 9.4: every record is checked on load; one that fails is set aside, kept, listed, never shown."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from tui.core.checkin import Checkin
from tui.core.unreadable_records import unreadable_lines, unreadable_summary
from tui.store.affirmation_repository import AffirmationRepository
from tui.store.breathing_pattern_repository import BreathingPatternRepository
from tui.store.breathing_repository import BreathingSessionRepository
from tui.store.checkin_repository import CheckinRepository
from tui.store.homework_effects_repository import load_homework_effects
from tui.store.journal_draft_repository import JournalDraftRepository
from tui.store.journal_repository import JournalRepository
from tui.store.questionnaire_repository import QuestionnaireRepository
from tui.store.reflection_repository import ReflectionRepository
from tui.store.repository import Repository
from tui.store.selfcare_repository import SelfCareRepository, SelfCareTickRepository
from tui.store.store import Store
from tui.store.today_repository import summarize_day

REPO_ROOT = Path(__file__).resolve().parents[3]
NOW = datetime(2026, 3, 2, 9, 0).astimezone()
AT = "2026-03-02T08:00:00+00:00"

GOOD_CHECKIN = {"id": "good", "at": AT, "pleasantness": 6}

# (repository, table, a readable record, bad versions of it)
CASES: list[tuple[type[Repository[Any]], str, dict[str, Any], list[dict[str, Any]]]] = [
    (
        CheckinRepository,
        "checkins",
        GOOD_CHECKIN,
        [
            {"pleasantness": 11},
            {"pleasantness": 10**18},
            {"pleasantness": 0},
            {"pleasantness": -5},
            {"pleasantness": "7"},
            {"pleasantness": True},
            {"pleasantness": 6.5},
            {"at": "not a date"},
            {"at": 20260302},
            {"energy": 42},
            {"tags": "work"},
            {"emotions": [3]},
            {"note": ["x"]},
        ],
    ),
    (
        JournalRepository,
        "journal_entries",
        {
            "id": "good",
            "created_at": AT,
            "updated_at": AT,
            "entry_date": "2026-03-02",
            "title": "t",
            "body": "b",
            "tags": [],
        },
        [{"title": 5}, {"body": {"x": 1}}, {"entry_date": "2026-13-40"}, {"tags": "one"}, {"fields": []}],
    ),
    (
        JournalDraftRepository,
        "journal_drafts",
        {"id": "good", "draft_of": "e1", "entry_id": None, "created_at": AT, "body": "b"},
        [{"body": 1}, {"entry_id": 5}],
    ),
    (
        BreathingSessionRepository,
        "breathing_sessions",
        {"id": "good", "started_at": AT, "pattern_key": "box", "actual_seconds": 60.0, "finished": True},
        [{"started_at": "yesterday"}, {"actual_seconds": -1}, {"feeling_after": 99}, {"finished": "yes"}],
    ),
    (
        BreathingPatternRepository,
        "breathing_patterns",
        {"id": "good", "name": "Mine", "phases": [{"kind": "inhale", "seconds": 4}]},
        [{"phases": "4-4-4-4"}, {"name": 7}],
    ),
    (
        AffirmationRepository,
        "affirmations",
        {"id": "good", "text": "I am allowed to rest.", "tag": "", "created_at": AT, "source": "own"},
        [{"text": None}, {"favourite": "yes"}],
    ),
    (
        SelfCareRepository,
        "selfcare_items",
        {"id": "good", "text": "Drink water", "category": "body", "active": True, "created_at": AT},
        [{"text": 3}, {"active": "no"}],
    ),
    (
        SelfCareTickRepository,
        "selfcare_ticks",
        {"id": "good", "day": "2026-03-02", "item_id": "water"},
        [{"day": "someday"}, {"item_id": 4}],
    ),
    (
        QuestionnaireRepository,
        "questionnaire_results",
        {"id": "good", "questionnaire_id": "q", "title": "Q", "at": AT, "answers": {"a": 3}, "total": 3.0},
        [{"answers": {"a": "three"}}, {"total": float("inf")}, {"total": "3"}],
    ),
    (
        ReflectionRepository,
        "reflections",
        {"id": "good", "day": "2026-03-02", "answers": {"q": "a"}, "created_at": AT},
        [{"day": 2026}, {"answers": ["a"]}],
    ),
]


def _missing(record: dict[str, Any], field: str) -> dict[str, Any]:
    return {key: value for key, value in record.items() if key != field}


def _seed(store: Store, table: str, documents: list[dict[str, Any]]) -> None:
    data = store.database.storage.read() or {}
    data[table] = {str(number): document for number, document in enumerate(documents, start=1)}
    store.database.storage.write(data)


@pytest.mark.parametrize(("repository", "table", "good", "bad_changes"), CASES, ids=[case[1] for case in CASES])
def test_item9_4_bad_values_are_set_aside_in_every_table(
    repository: type[Repository[Any]], table: str, good: dict[str, Any], bad_changes: list[dict[str, Any]]
) -> None:
    store = Store.in_memory()
    bad = [{**good, **change, "id": f"bad-{number}"} for number, change in enumerate(bad_changes)]
    bad.append({**_missing(good, "id"), "title": "no id"} if table == "journal_entries" else _missing(good, "id"))
    _seed(store, table, [good, *bad])
    repo = store.repo(repository)
    assert [item.id for item in repo.all()] == ["good"], "only the readable record is shown"
    assert repo.count() == 1
    assert repo.get("bad-0") is None
    listed = store.database.unreadable_records()
    assert len(listed) == len(bad) and {record.table for record in listed} == {table}
    assert {record.record_id for record in listed} >= {f"bad-{number}" for number in range(len(bad_changes))}


def test_item9_4_required_fields_missing_are_set_aside() -> None:
    store = Store.in_memory()
    _seed(
        store,
        "checkins",
        [
            GOOD_CHECKIN,
            _missing({**GOOD_CHECKIN, "id": "a"}, "at"),
            _missing({**GOOD_CHECKIN, "id": "b"}, "pleasantness"),
        ],
    )
    assert [c.id for c in store.repo(CheckinRepository).all()] == ["good"]
    assert [(r.table, r.record_id) for r in store.database.unreadable_records()] == [
        ("checkins", "a"),
        ("checkins", "b"),
    ]


def test_item9_4_settings_with_bad_values_are_set_aside_and_defaults_used() -> None:
    store = Store.in_memory()
    _seed(store, "settings", [{"id": "settings", "theme": 42, "bell": "loud"}])
    assert store.settings.load().theme == "dusk"
    assert [r.table for r in store.database.unreadable_records()] == ["settings"]


def test_item9_4_fast_reads_never_see_out_of_range_checkins() -> None:
    store = Store.in_memory()
    bad = [{**GOOD_CHECKIN, "id": f"bad{n}", "pleasantness": value} for n, value in enumerate((11, 10**18, 0, -5))]
    _seed(store, "checkins", [GOOD_CHECKIN, *bad])
    checkins = store.repo(CheckinRepository)
    assert [p.pleasantness for p in checkins.points()] == [6]
    assert [c.pleasantness for c in checkins.latest(10)] == [6]
    assert summarize_day(store.database, NOW.date()).checkins == 1
    load_homework_effects(store.database)  # no crash


def test_item9_4_set_aside_records_stay_in_the_file_untouched(tmp_path: Path) -> None:
    db = tmp_path / "hw.json"
    store = Store.open(db)
    store.close()
    data = json.loads(db.read_text(encoding="utf-8"))
    odd = {"id": "odd", "at": AT, "pleasantness": 10**18, "extra": ["kept", {"exactly": True}]}
    data["checkins"] = {"1": odd}
    db.write_text(json.dumps(data), encoding="utf-8")
    store = Store.open(db)
    try:
        store.repo(CheckinRepository).add(Checkin(at=NOW, pleasantness=4))
        assert [c.pleasantness for c in store.repo(CheckinRepository).all()] == [4]
    finally:
        store.close()
    saved = json.loads(db.read_text(encoding="utf-8"))["checkins"]
    assert saved["1"] == odd and len(saved) == 2


def test_item9_4_words_name_table_and_id() -> None:
    store = Store.in_memory()
    _seed(store, "checkins", [{**GOOD_CHECKIN, "id": "x1", "pleasantness": 11}])
    listed = store.database.unreadable_records()
    assert unreadable_summary(listed).startswith("1 record in your data could not be read")
    assert unreadable_lines(listed) == ["check-ins, id x1: pleasantness has a value that does not fit"]


def test_item9_4_export_mentions_the_records_set_aside(tmp_path: Path) -> None:
    db = tmp_path / "hw.json"
    Store.open(db).close()
    data = json.loads(db.read_text(encoding="utf-8"))
    data["checkins"] = {"1": {**GOOD_CHECKIN, "pleasantness": 11}, "2": GOOD_CHECKIN | {"id": "ok"}}
    db.write_text(json.dumps(data), encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "tui", "--db", str(db), "export", "--out", str(tmp_path / "out.json")],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "1 record in your data could not be read" in result.stderr
    exported = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))
    assert len(exported["tables"]["checkins"]) == 2, "the export is complete: it holds the set-aside record too"


def test_item9_4_a_record_changed_in_place_is_checked_again() -> None:
    from tinydb import where

    store = Store.in_memory()
    _seed(store, "checkins", [GOOD_CHECKIN])
    checkins = store.repo(CheckinRepository)
    assert checkins.count() == 1
    store.database.table("checkins").update({"pleasantness": 42}, where("id") == "good")
    assert checkins.count() == 0 and checkins.latest(5) == []
    store.database.table("checkins").update({"pleasantness": 5}, where("id") == "good")
    assert [c.pleasantness for c in checkins.latest(5)] == [5]
