"""Issue 13 from the shell: export json|csv, import by content, re-import adds nothing, failures change nothing."""

from __future__ import annotations

import stat
from pathlib import Path

import orjson
import pytest

from tui.cli.main import main
from tui.content.import_source import read_import_text
from tui.store.database import Database
from tui.store.restore import list_backups

DAYLIO = (
    "full_date,date,weekday,time,mood,activities,note_title,note\n"
    '2024-03-02,March 2,Saturday,8:05 PM,rad,"family | walk",Dinner,"We laughed, ""a lot"" 😊\nyes"\n'
    "2024-03-01,March 1,Friday,07:30,meh,,,\n"
)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    path = tmp_path / "heartwork.json"
    db = Database.open(path)
    db.table("checkins").save_records(
        [
            {
                "id": "c1",
                "at": "2026-03-02T09:30:00+01:00",
                "pleasantness": 6,
                "emotions": ["calm"],
                "note": "Ça va 😊",
            },
            {"id": "c2", "at": "2026-03-05T19:30:00+01:00", "pleasantness": 8, "tags": ["a b"], "note": 'x, "y"'},
        ]
    )
    db.table("journal_entries").save_records(
        [{"id": "j1", "title": "A kind letter", "body": "Dear me,\n…", "updated_at": "2026-03-02T10:00:00+01:00"}]
    )
    db.table("a_table_added_later").save_records([{"id": "p1", "affirmation_id": "a1", "count": 3}])  # no rules yet
    db.close()
    return path


def _export(db: Path, out: Path, *extra: str) -> dict[str, object]:
    assert main(["export", "--db", str(db), "--out", str(out), *extra]) == 0
    return orjson.loads(out.read_bytes())  # type: ignore[no-any-return]


def test_item13_export_includes_every_table_even_ones_added_later(db_path: Path, tmp_path: Path) -> None:
    export = _export(db_path, tmp_path / "e.json")
    assert set(export["tables"]) == {"checkins", "journal_entries", "a_table_added_later"}  # type: ignore[arg-type]


def test_item13_export_csv_with_from_and_to(db_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "mood.csv"
    assert main(["export", "--db", str(db_path), "--format", "csv", "--out", str(out), "--from", "2026-03-03"]) == 0
    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "id,at,pleasantness,energy,emotions,tags,note"
    assert lines[1:] == ['c2,2026-03-05T19:30:00+01:00,8,,,a b,"x, ""y"""']
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert main(["export", "--db", str(db_path), "--format", "csv", "--out", str(out), "--to", "2026-03-02"]) == 1
    assert (
        main(["export", "--db", str(db_path), "--format", "csv", "--out", str(out), "--to", "2026-03-02", "--force"])
        == 0
    )
    assert [line[:2] for line in out.read_text(encoding="utf-8").splitlines()[1:]] == ["c1"]


def test_item13_export_refuses_to_print_to_a_terminal(
    db_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("sys.stdout.isatty", lambda: True)
    assert main(["export", "--db", str(db_path)]) == 2
    assert "--out" in capsys.readouterr().err


def test_item13_round_trip_into_an_empty_database_is_exact(db_path: Path, tmp_path: Path) -> None:
    first = _export(db_path, tmp_path / "first.json")
    fresh = tmp_path / "fresh.json"
    assert main(["import", str(tmp_path / "first.json"), "--db", str(fresh), "--yes"]) == 0
    again = _export(fresh, tmp_path / "again.json")
    assert again["tables"] == first["tables"]


def test_item13_reimport_adds_nothing_and_dry_run_writes_nothing(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    daylio = tmp_path / "daylio_export.txt"  # the name says nothing: the content does
    daylio.write_text(DAYLIO, encoding="utf-8")
    before = db_path.read_bytes()
    assert main(["import", str(daylio), "--db", str(db_path), "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "Daylio export" in out and "2 check-ins" in out and "2024-03-01 to 2024-03-02" in out and "Dry run" in out
    assert db_path.read_bytes() == before
    assert main(["import", str(daylio), "--db", str(db_path), "--yes"]) == 0
    assert "Added 2 check-ins" in capsys.readouterr().out
    assert [b.reason for b in list_backups(db_path)].count("import") == 1
    after_first = db_path.read_bytes()
    assert main(["import", str(daylio), "--db", str(db_path), "--yes"]) == 0
    assert "already here" in capsys.readouterr().out
    assert db_path.read_bytes() == after_first
    notes = [doc["note"] for doc in orjson.loads(after_first)["checkins"].values()]
    assert 'Dinner\n\nWe laughed, "a lot" 😊\nyes' in notes


def test_item13_merging_a_backup_keeps_both_sides_and_newer_local_edits(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    backup = _export(db_path, tmp_path / "backup.json")
    db = Database.open(db_path)
    db.table("checkins").save_records([{"id": "c3", "at": "2026-03-06T08:00:00+01:00", "pleasantness": 5}])
    db.table("journal_entries").save_records(
        [{"id": "j1", "title": "Edited here", "body": "new", "updated_at": "2026-03-09T10:00:00+01:00"}]
    )
    db.close()
    tables = backup["tables"]
    assert isinstance(tables, dict)
    tables["checkins"].append({"id": "c9", "at": "2026-01-01T08:00:00+01:00", "pleasantness": 2})
    (tmp_path / "backup.json").write_bytes(orjson.dumps(backup))
    capsys.readouterr()
    assert main(["import", str(tmp_path / "backup.json"), "--db", str(db_path), "--yes"]) == 0
    said = capsys.readouterr().out
    assert "Added 1 check-in" in said and "kept your own newer or different copy of 1 journal entry" in said
    data = orjson.loads(db_path.read_bytes())
    assert sorted(doc["id"] for doc in data["checkins"].values()) == ["c1", "c2", "c3", "c9"]
    assert [doc["title"] for doc in data["journal_entries"].values()] == ["Edited here"]


def test_item13_a_newer_backup_copy_replaces_an_older_local_one(db_path: Path, tmp_path: Path) -> None:
    backup = _export(db_path, tmp_path / "backup.json")
    tables = backup["tables"]
    assert isinstance(tables, dict)
    tables["journal_entries"][0].update(title="Changed later", updated_at="2026-04-01T10:00:00+01:00")
    (tmp_path / "backup.json").write_bytes(orjson.dumps(backup))
    assert main(["import", str(tmp_path / "backup.json"), "--db", str(db_path), "--yes"]) == 0
    data = orjson.loads(db_path.read_bytes())
    assert [doc["title"] for doc in data["journal_entries"].values()] == ["Changed later"]


def _refused(db_path: Path, source: Path, capsys: pytest.CaptureFixture[str], *extra: str) -> str:
    before, backups_before = db_path.read_bytes(), list_backups(db_path)
    assert main(["import", str(source), "--db", str(db_path), "--yes", *extra]) == 2
    assert db_path.read_bytes() == before
    assert list_backups(db_path) == backups_before
    err = capsys.readouterr().err
    assert err.count("\n") == 1, err
    return err


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"", "empty"),
        (b"  \n\n", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        (b"caf\xe9,au,lait\n", "not UTF-8"),
        (b"name,score\nx,1\n", "not a format Heartwork can import"),
        (b'{"format": "heartwork-export", "version": 9, "tables": {}}', "version 9"),
        (DAYLIO.encode() + b"2024-02-30,x,y,10:00,good,,,\n", "row 3 (line 5), field full_date"),
        (DAYLIO.encode() + b"2024-02-03,x,y,10:00,Sleepy,,,\n", "'sleepy'"),
        (
            b'{"format": "heartwork-export", "version": 1, "tables": {"checkins": [{"id": "a", "at": "x", '
            b'"pleasantness": 5}]}}',
            "table checkins, record 1: at has a value that does not fit",
        ),
    ],
)
def test_item13_bad_input_is_refused_in_one_line_and_changes_nothing(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes, expected: str
) -> None:
    source = tmp_path / "input.file"
    source.write_bytes(content)
    assert expected in _refused(db_path, source, capsys)


def test_item13_custom_daylio_mood_imports_with_map(db_path: Path, tmp_path: Path) -> None:
    source = tmp_path / "d.csv"
    source.write_bytes(DAYLIO.encode() + b"2024-02-03,x,y,10:00,Sleepy,,,\n")
    assert main(["import", str(source), "--db", str(db_path), "--yes", "--map", "Sleepy=4"]) == 0
    scores = sorted(doc["pleasantness"] for doc in orjson.loads(db_path.read_bytes())["checkins"].values())
    assert scores == [4, 5, 6, 8, 9]


def test_item13_a_huge_file_is_refused_from_its_size_before_it_is_read(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    huge = tmp_path / "huge.json"
    with huge.open("wb") as stream:
        stream.truncate(500 * 1024 * 1024)  # sparse: 500 MB on paper, nothing on disk
    err = _refused(db_path, huge, capsys)
    assert "500 MB" in err and "200 MB" in err


def test_item13_size_limit_is_checked_before_reading(tmp_path: Path) -> None:
    from tui.content.import_source import ImportSourceError

    source = tmp_path / "x.csv"
    source.write_text("a" * 100, encoding="utf-8")
    with pytest.raises(ImportSourceError, match="up to 0 MB"):
        read_import_text(source, limit=50)


def test_item13_import_without_a_terminal_needs_yes(db_path: Path, tmp_path: Path) -> None:
    source = tmp_path / "d.csv"
    source.write_text(DAYLIO, encoding="utf-8")
    before = db_path.read_bytes()
    assert main(["import", str(source), "--db", str(db_path)]) == 2
    assert db_path.read_bytes() == before


def test_item13_jrnl_import_from_the_shell(tmp_path: Path) -> None:
    source = tmp_path / "journal.json"
    entries = [{"date": "2023-06-01", "time": "09:15", "title": "T", "body": "B", "tags": ["@x"], "starred": True}]
    source.write_bytes(orjson.dumps({"tags": {"@x": 1}, "entries": entries}))
    db = tmp_path / "db.json"
    assert main(["import", str(source), "--db", str(db), "--yes"]) == 0
    assert main(["import", str(source), "--db", str(db), "--yes"]) == 0
    stored = list(orjson.loads(db.read_bytes())["journal_entries"].values())
    assert len(stored) == 1 and stored[0]["starred"] is True and stored[0]["tags"] == ["x"]


def test_item13_saving_many_records_checks_the_file_once_per_batch_not_once_per_record(tmp_path: Path) -> None:
    db = Database.open(tmp_path / "db.json")
    table = db.table("checkins")
    table.save_records([{"id": "old", "at": "2026-01-01T08:00:00+01:00", "pleasantness": 5}])
    storage = db.storage
    calls = 0
    original = storage.changed_on_disk

    def counting() -> bool:
        nonlocal calls
        calls += 1
        return original()

    storage.changed_on_disk = counting  # type: ignore[method-assign]
    records = [{"id": f"n{i}", "at": "2026-01-02T08:00:00+01:00", "pleasantness": 6} for i in range(500)]
    table.save_records([*records, {"id": "old", "at": "2026-01-01T08:00:00+01:00", "pleasantness": 7}])
    assert calls < 20
    stored = orjson.loads((tmp_path / "db.json").read_bytes())["checkins"]
    assert list(stored) == [str(n) for n in range(1, 502)]  # new records numbered on, the old one replaced in place
    assert stored["1"]["pleasantness"] == 7
    table.save_records([{"id": "later", "at": "2026-01-03T08:00:00+01:00", "pleasantness": 4}])
    assert db.table("checkins").doc_key_for("later") == "502"
    db.close()


def test_item13_an_entry_deleted_here_is_not_brought_back_by_an_older_backup(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from datetime import datetime

    from tui.store.journal_keeping import delete_entry
    from tui.store.store import Store

    _export(db_path, tmp_path / "older.json")
    store = Store.open(db_path)
    assert delete_entry(store, "j1", datetime(2026, 3, 10, 9).astimezone()) is not None
    store.close()
    capsys.readouterr()
    assert main(["import", str(tmp_path / "older.json"), "--db", str(db_path), "--yes"]) == 0
    assert "left out 1 journal entry you deleted here" in capsys.readouterr().out
    assert orjson.loads(db_path.read_bytes()).get("journal_entries") in ({}, None)


def test_item13_a_breathing_session_is_exported_with_plain_names_and_imported_back_exactly(tmp_path: Path) -> None:
    db = tmp_path / "hw.json"
    database = Database.open(db)
    session = {
        "id": "b1",
        "started_at": "2026-03-02T09:00:00+01:00",
        "pattern_key": "box",
        "pattern_name": "Box breathing",
        "phases": [{"kind": "inhale", "seconds": 4.0}],
        "actual_seconds": 240.0,
        "finished": True,
    }
    database.table("breathing_sessions").save_records([session])
    database.close()
    export = _export(db, tmp_path / "e.json")
    (exported,) = export["tables"]["breathing_sessions"]  # type: ignore[index]
    assert {"pattern", "timings", "started_at", "seconds"} <= set(exported)
    assert not {"pattern_key", "phases", "actual_seconds"} & set(exported)
    fresh = tmp_path / "fresh.json"
    assert main(["import", str(tmp_path / "e.json"), "--db", str(fresh), "--yes"]) == 0
    stored = Database.open(fresh).table("breathing_sessions").all()
    assert {key: stored[0][key] for key in ("pattern_key", "phases", "actual_seconds")} == {
        "pattern_key": "box",
        "phases": [{"kind": "inhale", "seconds": 4.0}],
        "actual_seconds": 240.0,
    }


def test_item13_a_version_1_export_with_stored_names_still_imports(tmp_path: Path) -> None:
    old = tmp_path / "old.json"
    old.write_text(
        '{"format": "heartwork-export", "version": 1, "schema_version": 2, "tables": {"breathing_sessions": '
        '[{"id": "b1", "started_at": "2026-03-02T09:00:00+01:00", "pattern_key": "box", "pattern_name": "Box", '
        '"phases": [{"kind": "inhale", "seconds": 4.0}], "actual_seconds": 60.0, "finished": true}]}}',
        encoding="utf-8",
    )
    fresh = tmp_path / "fresh.json"
    assert main(["import", str(old), "--db", str(fresh), "--yes"]) == 0
    (stored,) = Database.open(fresh).table("breathing_sessions").all()
    assert stored["pattern_key"] == "box" and stored["actual_seconds"] == 60.0
