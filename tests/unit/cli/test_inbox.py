"""The inbox beside the database (issue 12.1): quick captures appended, seen by every reader, merged once."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import orjson
import pytest

from tui.store import inbox
from tui.store.database import Database
from tui.store.errors import StoreWriteError
from tui.store.file_storage import parse_database

REPO_ROOT = Path(__file__).resolve().parents[3]
WORKERS = REPO_ROOT / "tests" / "support" / "store_workers.py"


def note(number: int, body: str = "hello") -> dict[str, object]:
    return {"id": f"n{number}", "number": number, "body": body}


def stored(database: Path, table: str = "notes") -> list[dict[str, object]]:
    """The table as it is in the file itself (not overlaid), in storage order."""
    data = parse_database(database, database.read_bytes())
    return [data[table][key] for key in sorted(data.get(table, {}), key=int)]


def test_item12_1_records_appended_are_merged_exactly_once_in_order(tmp_path: Path) -> None:
    database = tmp_path / "hw.json"
    Database.open(database).close()
    for number in range(5):
        inbox.append(database, "notes", note(number))
    path = inbox.inbox_path_for(database)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert len(path.read_bytes().splitlines()) == 5
    Database.open(database).close()  # opening for writing merges
    assert [doc["number"] for doc in stored(database)] == [0, 1, 2, 3, 4]
    assert path.read_bytes() == b""
    Database.open(database).close()
    assert len(stored(database)) == 5


def test_item12_1_a_merge_cut_off_before_emptying_the_inbox_still_counts_once(tmp_path: Path) -> None:
    database = tmp_path / "hw.json"
    Database.open(database).close()
    for number in range(3):
        inbox.append(database, "notes", note(number))
    path = inbox.inbox_path_for(database)
    kept = path.read_bytes()
    Database.open(database).close()
    path.write_bytes(kept)  # as if killed after the save, before the inbox was emptied
    db = Database.open(database)
    assert len(db.readable_table("notes")) == 3
    db.close()
    assert [doc["id"] for doc in stored(database)] == ["n0", "n1", "n2"]


def test_item12_1_a_torn_last_line_is_ignored_and_kept_aside(tmp_path: Path) -> None:
    database = tmp_path / "hw.json"
    Database.open(database).close()
    inbox.append(database, "notes", note(1))
    path = inbox.inbox_path_for(database)
    whole = inbox.encode_line("notes", note(2))
    with path.open("ab") as handle:
        handle.write(whole[: len(whole) // 2])  # killed mid-append
    assert [doc["id"] for doc in Database.open_read_only(database).readable_table("notes").values()] == ["n1"]
    inbox.append(database, "notes", note(3))  # the next append cuts the torn tail off first
    assert [r[1]["id"] for r in inbox.read_pending(database).records] == ["n1", "n3"]
    Database.open(database).close()
    assert [doc["id"] for doc in stored(database)] == ["n1", "n3"]
    (torn,) = tmp_path.glob("hw.json.inbox.torn-*")
    assert torn.read_bytes() == whole[: len(whole) // 2]
    assert stat.S_IMODE(torn.stat().st_mode) == 0o600


def test_item12_1_a_torn_line_left_at_merge_time_is_kept_aside_and_the_rest_merged(tmp_path: Path) -> None:
    database = tmp_path / "hw.json"
    inbox.append(database, "notes", note(1))  # before the database even exists
    path = inbox.inbox_path_for(database)
    with path.open("ab") as handle:
        handle.write(b"0000 not a record")
    Database.open(database).close()
    assert [doc["id"] for doc in stored(database)] == ["n1"]
    assert path.read_bytes() == b""
    (torn,) = tmp_path.glob("hw.json.inbox.torn-*")
    assert torn.read_bytes() == b"0000 not a record"


def test_item12_1_a_line_with_a_wrong_checksum_is_never_applied() -> None:
    line = inbox.encode_line("notes", note(1))
    bad = line.replace(b"hello", b"jello")
    records, torn = inbox.parse_lines(line + bad)
    assert [r[1]["body"] for r in records] == ["hello"] and torn == bad


def test_item12_1_readers_see_inbox_records_and_read_only_opens_never_merge(tmp_path: Path) -> None:
    database = tmp_path / "hw.json"
    db = Database.open(database)  # an app already open
    db.table("notes").save_records([note(0)])
    inbox.append(database, "notes", note(1))
    before = (database.read_bytes(), inbox.inbox_path_for(database).read_bytes())
    assert sorted(doc["id"] for doc in db.readable_table("notes").values()) == ["n0", "n1"]
    assert db.table("notes").get_record("n1") is not None
    exported = Database.open_read_only(database).snapshot()
    assert sorted(doc["id"] for doc in exported["notes"].values()) == ["n0", "n1"]
    assert (database.read_bytes(), inbox.inbox_path_for(database).read_bytes()) == before
    db.close()


def test_item12_1_the_merge_happens_inside_the_next_save_itself(tmp_path: Path) -> None:
    database = tmp_path / "hw.json"
    db = Database.open(database)
    inbox.append(database, "notes", note(1))
    inbox.append(database, "notes", note(2))
    assert isinstance(db.storage.writes, int)
    writes_before = db.storage.writes
    db.table("other").save_records([{"id": "x"}])
    assert db.storage.writes == writes_before + 1  # one atomic save holds the change and the inbox
    assert [doc["id"] for doc in stored(database)] == ["n1", "n2"]
    assert stored(database, "other") == [{"id": "x"}]
    assert inbox.inbox_path_for(database).read_bytes() == b""
    db.close()


def test_item12_1_an_edit_of_a_record_from_the_inbox_is_kept(tmp_path: Path) -> None:
    database = tmp_path / "hw.json"
    db = Database.open(database)
    inbox.append(database, "notes", note(1))
    db.table("notes").save_records([note(1, body="changed")])
    db.close()
    assert [doc["body"] for doc in stored(database)] == ["changed"]


def test_item12_1_an_inbox_that_is_a_link_is_never_followed(tmp_path: Path) -> None:
    database = tmp_path / "hw.json"
    elsewhere = tmp_path / "elsewhere"
    elsewhere.write_bytes(b"")
    inbox.inbox_path_for(database).symlink_to(elsewhere)
    with pytest.raises(StoreWriteError):
        inbox.append(database, "notes", note(1))
    assert elsewhere.read_bytes() == b""
    assert inbox.read_pending(database).records == []


def test_item12_1_two_processes_appending_while_a_third_merges_end_with_every_record_once(tmp_path: Path) -> None:
    database = tmp_path / "hw.json"
    env = dict(os.environ, PYTHONPATH=str(REPO_ROOT))
    workers = [
        subprocess.Popen([sys.executable, str(WORKERS), "inbox-append", str(database), tag, "150"], env=env)
        for tag in ("left", "right")
    ]
    workers.append(subprocess.Popen([sys.executable, str(WORKERS), "merge-loop", str(database), "60"], env=env))
    for worker in workers:
        assert worker.wait(timeout=120) == 0
    Database.open(database).close()  # merges whatever the last appends left
    records = stored(database, "records")
    assert len(records) == 360
    assert len({doc["id"] for doc in records}) == 360
    for tag, count in (("left", 150), ("right", 150), ("merger", 60)):
        assert [doc["number"] for doc in records if doc["writer"] == tag] == list(range(count))  # in order
    assert inbox.inbox_path_for(database).read_bytes() == b""


def test_item12_1_lines_are_one_self_delimiting_record_each() -> None:
    line = inbox.encode_line("notes", {"id": "a", "body": "two\nlines ✓"})
    assert line.count(b"\n") == 1 and line.endswith(b"\n")
    checksum, _, body = line[:-1].partition(b" ")
    assert orjson.loads(body) == {"table": "notes", "document": {"id": "a", "body": "two\nlines ✓"}}
    assert len(checksum) == 8


def heartwork(database: Path, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "tui", "--db", str(database), *args],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        input=stdin,
        timeout=60,
    )


def test_item12_1_shell_captures_go_to_the_inbox_and_export_reads_them_without_merging(tmp_path: Path) -> None:
    database = tmp_path / "hw.json"
    Database.open(database).close()
    before = database.read_bytes()
    assert heartwork(database, "checkin", "7").returncode == 0
    assert heartwork(database, "journal", "add", "a quiet walk").returncode == 0
    assert database.read_bytes() == before  # the database was not loaded, let alone written
    captured = inbox.inbox_path_for(database).read_bytes()
    assert [table for table, _ in inbox.read_pending(database).records] == ["checkins", "journal_entries"]
    exported = heartwork(database, "export")
    assert exported.returncode == 0, exported.stderr
    tables = orjson.loads(exported.stdout)["tables"]
    assert [doc["pleasantness"] for doc in tables["checkins"]] == [7]
    assert [doc["body"] for doc in tables["journal_entries"]] == ["a quiet walk"]
    assert database.read_bytes() == before and inbox.inbox_path_for(database).read_bytes() == captured
    Database.open(database).close()
    assert len(stored(database, "checkins")) == 1 and len(stored(database, "journal_entries")) == 1


def test_item12_1_quick_capture_never_imports_tinydb(tmp_path: Path) -> None:
    code = (
        "import sys; from tui.cli.main import main; "
        f"code = main(['--db', {str(tmp_path / 'hw.json')!r}, 'checkin', '2']); "
        "assert 'tinydb' not in sys.modules, 'tinydb was loaded'; sys.exit(code)"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=REPO_ROOT, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr


def test_item12_1_an_open_app_notices_a_shell_capture_on_its_next_refresh(tmp_path: Path) -> None:
    database = tmp_path / "hw.json"
    db = Database.open(database)
    assert db.refresh() is False
    inbox.append(database, "notes", note(1))
    assert db.refresh() is True
    assert [doc["id"] for doc in db.readable_table("notes").values()] == ["n1"]
    assert db.refresh() is False
    db.close()


def test_item12_1_a_merge_the_disk_refuses_still_opens_the_database(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tui.store import permissions

    database = tmp_path / "hw.json"
    Database.open(database).close()
    inbox.append(database, "notes", note(1))

    def refuse(*args: object, **kwargs: object) -> None:
        raise OSError(30, "Read-only file system")

    monkeypatch.setattr(permissions, "write_private_file", refuse)
    monkeypatch.setattr("tui.store.file_storage.write_private_file", refuse)
    db = Database.open(database)
    assert [doc["id"] for doc in db.readable_table("notes").values()] == ["n1"]
    assert not db.unsaved_changes
    assert len(inbox.read_pending(database).records) == 1
    db.close()


def test_item12_1_a_replayed_capture_never_undoes_a_newer_change_but_a_newer_capture_replaces() -> None:
    older = {"id": "s", "body": "captured", "updated_at": "2026-01-01T09:00:00+00:00"}
    newer = {"id": "s", "body": "changed", "updated_at": "2026-01-02T09:00:00+00:00"}
    assert inbox.apply_records({"t": {"1": newer}}, [("t", older)])["t"] == {"1": newer}  # replayed: the edit stands
    assert inbox.apply_records({"t": {"1": older}}, [("t", newer)])["t"] == {"1": newer}  # a settings change, say
    stone = {"id": "t/s", "table": "t", "record_id": "s", "deleted_at": "2026-01-03T09:00:00+00:00"}
    assert inbox.apply_records({"t": {}, "_tombstones": {"1": stone}}, [("t", newer)])["t"] == {}  # stays deleted
    revived = {**newer, "updated_at": "2026-01-04T09:00:00+00:00"}
    assert inbox.apply_records({"t": {}, "_tombstones": {"1": stone}}, [("t", revived)])["t"] == {"1": revived}
