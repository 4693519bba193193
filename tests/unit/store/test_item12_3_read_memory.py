"""Memory of the app's reads (issue 12.3): what the screens read is not held twice, and reads the same.

Equal small lists loaded from the file are one object (and the file written
back is byte for byte the same); check-in points made one at a time come in
the order sorting them all gives; journal summaries search the same with
their folded text made on demand; the mood days and the report read the
same figures as before.
"""

from __future__ import annotations

import random
from collections.abc import Mapping
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import orjson

from tui.core.homework.assignment import Assignment
from tui.core.journal import JournalEntry
from tui.core.journal_search import SearchFilter, filter_entries, search_text_of
from tui.core.mood_days import collect_days
from tui.store import codec, homework_queries
from tui.store.breathing_repository import BreathingSessionRepository, phases_from_documents
from tui.store.checkin_repository import CheckinPoint, CheckinRepository
from tui.store.database import Database
from tui.store.homework_queries import homework_done_days
from tui.store.homework_repository import HomeworkRepository
from tui.store.journal_repository import JournalRepository
from tui.store.selfcare_repository import SelfCareTickRepository
from tui.store.shared_values import ValueSharer
from tui.store.store import Store


def test_item12_3_equal_lists_are_one_object_and_the_file_reads_back_the_same(tmp_path: Path) -> None:
    phases = [{"kind": "inhale", "seconds": 4}, {"kind": "exhale", "seconds": 6}]
    sessions = {str(n): {"id": f"s{n}", "phases": [dict(phase) for phase in phases]} for n in range(1, 4)}
    sessions["4"] = {"id": "s4", "phases": [{"kind": "inhale", "seconds": 4.0}, {"kind": "exhale", "seconds": 6}]}
    sessions["5"] = {"id": "s5", "phases": [{"seconds": 4, "kind": "inhale"}, {"kind": "exhale", "seconds": 6}]}
    sessions["6"] = {"id": "s6", "phases": [{"kind": "inhale", "seconds": True}, {"kind": "exhale", "seconds": 6}]}
    sessions["7"] = {"id": "s7", "phases": [{"kind": "inhale", "seconds": -0.0}]}
    sessions["8"] = {"id": "s8", "phases": [{"kind": "inhale", "seconds": 0.0}]}
    sessions["9"] = {"id": "s9", "phases": [{"kind": "inhale", "seconds": [4]}]}
    sessions["10"] = {"id": "s10", "phases": [{"kind": "inhale", "seconds": [4]}]}
    checkins = {
        "1": {"id": "c1", "emotions": ["calm", "tired"], "tags": []},
        "2": {"id": "c2", "emotions": ["calm", "tired"], "tags": []},
        "3": {"id": "c3", "emotions": ["tired", "calm"], "tags": [1]},
        "4": {"id": "c4", "emotions": ["calm", "tired"], "tags": [1.0]},
    }
    data = {"breathing_sessions": sessions, "checkins": checkins}
    payload = orjson.dumps(data)
    loaded = codec.decode_large(payload)
    assert loaded == data and codec.encode(loaded) == codec.encode(orjson.loads(payload))
    kept = loaded["breathing_sessions"]
    assert kept["1"]["phases"] is kept["2"]["phases"] is kept["3"]["phases"]
    for different in ("4", "5", "6"):  # 4.0, True and another field order are not the same in the file
        assert kept[different]["phases"] is not kept["1"]["phases"]
    assert kept["7"]["phases"] is not kept["8"]["phases"]  # -0.0 stays -0.0
    assert kept["9"]["phases"] is not kept["10"]["phases"]  # nested lists are never shared
    words = loaded["checkins"]
    assert words["1"]["emotions"] is words["2"]["emotions"] is words["4"]["emotions"]
    assert words["1"]["tags"] is words["2"]["tags"] and words["3"]["emotions"] is not words["1"]["emotions"]
    assert words["3"]["tags"] is not words["4"]["tags"]
    assert [type(tag) for tag in words["4"]["tags"]] == [float]


def test_item12_3_a_shared_list_changes_nothing_when_one_record_is_saved(tmp_path: Path) -> None:
    path = tmp_path / "hw.json"
    phases = [{"kind": "inhale", "seconds": 4}]
    path.write_bytes(
        orjson.dumps({"breathing_sessions": {str(n): {"id": f"s{n}", "phases": list(phases)} for n in (1, 2)}})
    )
    db = Database.open(path)
    try:
        table = (db.storage.read() or {})["breathing_sessions"]
        assert table["1"]["phases"] is table["2"]["phases"]
        db.table("breathing_sessions").save_records([{"id": "s1", "phases": [{"kind": "exhale", "seconds": 8}]}])
        written = orjson.loads(path.read_bytes())["breathing_sessions"]
        assert written["1"]["phases"] == [{"kind": "exhale", "seconds": 8}] and written["2"]["phases"] == phases
    finally:
        db.close()


def test_item12_3_a_sharer_leaves_tables_it_does_not_know() -> None:
    records: dict[str, Any] = {"1": {"id": "x", "tags": ["a"]}, "2": {"id": "y", "tags": ["a"]}}
    ValueSharer()("settings", records)
    assert records["1"]["tags"] is not records["2"]["tags"]


def _old_points(documents: list[Mapping[str, Any]]) -> list[CheckinPoint]:
    """The points as they were made before: every one built, then all sorted."""
    return sorted(
        CheckinPoint(
            d["at"],
            date.fromisoformat(d["at"][:10]),
            d["pleasantness"],
            tuple(d["emotions"]),
            tuple(d["tags"]),
            d["id"],
        )
        for d in documents
        if d["at"][:4] != "2026" or d["at"][5:7] != "13"
    )


def test_item12_3_points_made_one_at_a_time_come_in_the_order_of_sorting_them_all(store: Store) -> None:
    rng = random.Random(12)
    moments = ["2026-03-02T08:00:00+01:00", "2026-03-01T21:00:00+01:00", "2026-13-01T08:00:00+01:00"]
    documents = [
        {
            "id": rng.choice("abc") + str(rng.randrange(4)),
            "at": rng.choice(moments),
            "pleasantness": rng.randrange(1, 11),
            "emotions": rng.sample(["calm", "tired", "glad"], rng.randrange(3)),
            "tags": rng.sample(["work"], rng.randrange(2)),
        }
        for _ in range(400)
    ]
    store.database.table("checkins").save_records(documents)
    repository = store.repo(CheckinRepository)
    expected = _old_points(documents)
    assert repository.points() == expected and list(repository.iter_points()) == expected
    days = repository.mood_days()
    old = collect_days(expected)
    assert (days.means, days.words, days.total) == (old.means, old.words, old.total) and days.total == len(expected)
    assert repository.latest_points(50) == expected[-50:][::-1]


def test_item12_3_mood_days_keep_each_days_words_in_order_whatever_the_order_given() -> None:
    day = date(2026, 3, 2)
    given = [
        CheckinPoint("a", day, 4, ("calm",), (), "1"),
        CheckinPoint("b", day + timedelta(days=1), 6, ("glad",), (), "2"),
        CheckinPoint("c", day, 8, ("tired",), (), "3"),
        CheckinPoint("d", day, 2, ("calm",), (), "4"),
    ]
    days = collect_days(given)
    assert days.means == {day: 14 / 3, day + timedelta(days=1): 6.0} and days.total == 4
    assert days.words[day] == ((("calm",), ()), (("tired",), ()), (("calm",), ()))
    assert days.words[day][0] is days.words[day][2]  # the same words: one pair


def test_item12_3_each_gives_what_all_gives(store: Store) -> None:
    store.database.table("selfcare_ticks").save_records(
        [{"id": f"t{n}", "item_id": "walk", "day": f"2026-03-{n:02d}"} for n in range(1, 20)]
    )
    repository = store.repo(SelfCareTickRepository)
    assert list(repository.each()) == repository.all() and len(repository.all()) == 19


def test_item12_3_journal_search_folds_on_demand_with_the_same_results(store: Store) -> None:
    repository = store.repo(JournalRepository)
    now = datetime(2026, 3, 2, 21, 0).astimezone()
    bodies = ["A quiet Morning walk", "Un café avec Élodie", "CAFE again", "ｆｕｌｌ width Ｗｏｒｄｓ", "Straße"]
    for number, body in enumerate(bodies):
        stamp = (now + timedelta(minutes=number)).isoformat()
        entry = JournalEntry(
            id=f"e{number}", created_at=stamp, updated_at=stamp, entry_date="2026-03-02", body=body, tags=["Tag"]
        )
        repository.save(entry)
    summaries = repository.summaries()
    for summary in summaries:
        assert summary.folded == search_text_of(summary.title, summary.body, summary.tags)
        assert (summary.folded_text is None) == summary.body.isascii()  # kept ahead only where folding is slow
        assert summary.body in bodies  # the stored body, not an excerpt of it
    found = {
        query: [summary.id for summary in filter_entries(summaries, SearchFilter(query=query))]
        for query in ("cafe", "élodie café", "morning", "words", "strasse", "tag", "absent")
    }
    assert found == {
        "cafe": ["e2", "e1"],
        "élodie café": ["e1"],
        "morning": ["e0"],
        "words": ["e3"],
        "strasse": ["e4"],
        "tag": ["e4", "e3", "e2", "e1", "e0"],
        "absent": [],
    }
    assert summaries[0].excerpt == "Straße"


def test_item12_3_homework_days_are_found_once_per_data_version(store: Store, monkeypatch: Any) -> None:
    homework = store.repo(HomeworkRepository)
    homework.save(Assignment(id="f", kind="free-text", title="Text a friend"))
    homework.ticks.set_done("f", date(2026, 3, 2), True)
    calls: list[int] = []
    original = homework_queries.practice_records

    def counted(given: Store, *kinds: Any) -> Any:
        calls.append(1)
        return original(given, *kinds)

    monkeypatch.setattr(homework_queries, "practice_records", counted)
    _, first = homework_done_days(store, None)
    assert first == {"f": {date(2026, 3, 2)}}
    first["f"].add(date(2030, 1, 1))  # the caller's own copy
    _, again = homework_done_days(store, None)
    assert again == {"f": {date(2026, 3, 2)}} and len(calls) == 1
    homework.ticks.set_done("f", date(2026, 3, 3), True)
    _, later = homework_done_days(store, None)
    assert later == {"f": {date(2026, 3, 2), date(2026, 3, 3)}} and len(calls) == 2


def test_item12_3_homework_reads_only_the_records_its_kinds_are_found_in(store: Store, monkeypatch: Any) -> None:
    def unread(_self: Any) -> Any:
        raise AssertionError("a journal assignment reads no breathing sessions or ticks")

    monkeypatch.setattr(BreathingSessionRepository, "all", unread)
    monkeypatch.setattr(SelfCareTickRepository, "all", unread)
    store.repo(HomeworkRepository).save(Assignment(id="j", kind="journal", title="Write"))
    stamp = datetime(2026, 3, 2, 21, 0).astimezone().isoformat()
    store.repo(JournalRepository).save(
        JournalEntry(id="e", created_at=stamp, updated_at=stamp, entry_date="2026-03-02", body="Kind words")
    )
    assert homework_done_days(store, None)[1] == {"j": {date(2026, 3, 2)}}
    everything = homework_queries.practice_records
    monkeypatch.undo()
    assert len(everything(store).journal) == 1  # without kinds: every sort of record, as before


def test_item12_3_sessions_of_one_pattern_share_their_phases_and_read_the_same(tmp_path: Path) -> None:
    path = tmp_path / "hw.json"
    box = [{"kind": "inhale", "seconds": 4}, {"kind": "hold", "seconds": 4}]
    sigh = [{"kind": "inhale", "seconds": 2}, {"kind": "exhale", "seconds": 6.5}]
    base = {
        "started_at": "2026-03-02T08:00:00+01:00",
        "pattern_key": "box",
        "pattern_name": "Box",
        "actual_seconds": 60,
    }
    sessions = {
        str(n): {**base, "id": f"s{n}", "phases": [dict(p) for p in (box if n < 3 else sigh)]} for n in range(1, 5)
    }
    path.write_bytes(orjson.dumps({"breathing_sessions": sessions}))
    store = Store.open(path)
    try:
        records = {record.id: record for record in store.repo(BreathingSessionRepository).all()}
        assert records["s1"].phases is records["s2"].phases and records["s3"].phases is records["s4"].phases
        assert [(phase.kind, phase.seconds) for phase in records["s1"].phases] == [("inhale", 4.0), ("hold", 4.0)]
        assert [(phase.kind, phase.seconds) for phase in records["s4"].phases] == [("inhale", 2.0), ("exhale", 6.5)]
        assert phases_from_documents([{"kind": "exhale", "seconds": 8}])[0].seconds == 8.0  # a list of its own
    finally:
        store.close()
