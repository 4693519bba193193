"""Backups that help: never of an empty file, a spread, one before each risky step; restore that checks first."""

from __future__ import annotations

import os
import stat
from datetime import datetime, timedelta
from pathlib import Path

import orjson
import pytest
from tinydb import TinyDB
from tinydb.storages import JSONStorage

from tui.cli.main import main
from tui.store.backups import BackupRotator
from tui.store.database import Database
from tui.store.restore import list_backups, newest_good_backup


class StepClock:
    """A wall clock that moves on by ``step`` every time it is read."""

    def __init__(self, start: datetime, step: timedelta) -> None:
        self.moment = start
        self.step = step

    def __call__(self) -> datetime:
        self.moment += self.step
        return self.moment


def checkin(record_id: str, day: str = "2026-03-02") -> dict[str, object]:
    return {"id": record_id, "at": f"{day}T09:30:00+01:00", "pleasantness": 6, "emotions": [], "tags": [], "note": ""}


def on_disk(path: Path) -> dict:  # type: ignore[type-arg]
    return orjson.loads(path.read_bytes())


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "heartwork.json"


def a_database_with_one_old_backup(path: Path) -> None:
    """The issue's case: the only backup holds one check-in; since then a check-in and an entry were added."""
    db = Database.open(path)
    assert db.backups is not None
    db.backups.min_interval = 0
    db.table("checkins").save_records([checkin("c1")])
    db.backups.min_interval = 3600
    db.table("checkins").save_records([checkin("c2", "2026-03-03")])
    db.table("journal_entries").save_records([{"id": "j1", "title": "A kind letter", "body": "Dear me"}])
    db.close()


# -- item 9.7: weak backups ----------------------------------------------------------------


def test_item9_7_an_empty_new_database_is_never_backed_up(db_path: Path) -> None:
    db = Database.open(db_path)
    assert db.backups is not None
    db.backups.min_interval = 0
    db.table("settings").truncate()
    assert list_backups(db_path) == [], "the new, empty database is not a backup worth having"
    db.table("checkins").save_records([checkin("c1")])
    [backup] = list_backups(db_path)
    assert backup.counts == {"checkins": 1}
    db.table("checkins").truncate()
    assert len(list_backups(db_path)) == 1, "emptied again: nothing new to back up"
    db.close()


def test_item9_7_the_first_save_with_records_is_backed_up_at_once(db_path: Path) -> None:
    """Not ten minutes after an empty backup: the first real save is the first backup."""
    Database.open(db_path).close()
    db = Database.open(db_path)
    db.table("checkins").save_records([checkin("c1")])
    assert [b.counts for b in list_backups(db_path)] == [{"checkins": 1}]
    db.close()


def test_item9_7_a_long_session_keeps_a_spread_not_just_the_last_fifty_minutes(db_path: Path) -> None:
    clock = StepClock(datetime(2026, 3, 2, 8, 0), timedelta(minutes=10, seconds=1))
    db = Database.open(db_path)
    assert db.backups is not None
    db.backups.clock = clock
    for number in range(48):  # eight hours of saving, one backup every ten minutes
        db.table("checkins").save_records([checkin(f"c{number}")])
    db.close()
    backups = list_backups(db_path)
    assert len(backups) > 5
    oldest, newest = backups[-1].saved_at, backups[0].saved_at
    assert newest - oldest > timedelta(hours=4), "the old rule kept only the last ~50 minutes"
    assert len(backups) <= 5 + 6 + 7 + 5


def test_item9_7_restore_refuses_to_lose_records_without_force(
    db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    a_database_with_one_old_backup(db_path)
    before = db_path.read_bytes()
    assert main(["restore", "--db", str(db_path), "--yes"]) == 1
    error = capsys.readouterr().err
    assert "would lose 1 check-in, 1 journal entry" in error and "--force" in error
    assert db_path.read_bytes() == before
    assert main(["restore", "--db", str(db_path), "--yes", "--force"]) == 0
    assert [doc["id"] for doc in on_disk(db_path)["checkins"].values()] == ["c1"]


def test_item9_7_a_backup_is_taken_before_every_restore(db_path: Path) -> None:
    a_database_with_one_old_backup(db_path)
    current = db_path.read_bytes()
    assert main(["restore", "--db", str(db_path), "--yes", "--force"]) == 0
    newest = list_backups(db_path)[0]
    assert newest.reason == "restore" and newest.path.read_bytes() == current
    assert newest.counts == {"checkins": 2, "journal_entries": 1}
    assert stat.S_IMODE(newest.path.stat().st_mode) == 0o600


def test_item9_7_a_backup_is_taken_before_a_migration(db_path: Path) -> None:
    stock = TinyDB(db_path, storage=JSONStorage)
    stock.table("checkins").insert({"at": "2026-03-02T09:30:00+01:00", "pleasantness": 6, "note": "fine"})
    stock.close()
    original = db_path.read_bytes()
    Database.open(db_path).close()
    [backup] = list_backups(db_path)
    assert backup.reason == "migration" and backup.path.read_bytes() == original
    assert db_path.read_bytes() != original, "the file itself was migrated"


def test_item9_7_back_up_before_is_ready_for_an_import(db_path: Path) -> None:
    from tui.store.backups import back_up_before

    assert back_up_before(db_path, "import") is None, "no file: nothing to keep"
    Database.open(db_path).close()
    assert back_up_before(db_path, "import") is None, "an empty database: nothing to keep"
    db = Database.open(db_path)
    db.table("checkins").save_records([checkin("c1")])
    db.close()
    made = back_up_before(db_path, "import")
    assert made is not None and made.read_bytes() == db_path.read_bytes()
    assert list_backups(db_path)[0].reason == "import"


def test_item9_7_restore_list_says_what_each_backup_holds(db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    a_database_with_one_old_backup(db_path)
    db = Database.open(db_path)
    assert db.backups is not None
    db.backups.min_interval = 0
    db.table("reflections").save_records([{"id": "r1", "day": "2026-03-05", "answers": {}}])
    db.close()
    assert main(["restore", "--list", "--db", str(db_path)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert "2 check-ins, 1 journal entry, 1 reflection; newest from 2026-03-05" in lines[1]
    assert "1 check-in; newest from 2026-03-02" in lines[2]


# -- item 9.9: symlinked backups -----------------------------------------------------------


def test_item9_9_a_symlinked_backups_folder_is_refused_not_followed(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    elsewhere = tmp_path / "synced"
    elsewhere.mkdir(mode=0o755)
    elsewhere.chmod(0o755)
    (db_path.parent / "backups").symlink_to(elsewhere)
    db = Database.open(db_path)
    assert db.backups is not None
    db.backups.min_interval = 0
    db.table("checkins").save_records([checkin("c1")])
    assert db.backups.refused is not None and "symbolic link" in str(db.backups.refused)
    db.close()
    assert list(elsewhere.iterdir()) == [], "nothing was written through the link"
    assert stat.S_IMODE(elsewhere.stat().st_mode) == 0o755, "never chmod through a link"
    assert main(["restore", "--list", "--db", str(db_path)]) == 1
    assert "backups folder is a symbolic link" in capsys.readouterr().err
    db_path.write_bytes(b"{")
    assert main(["restore", "--yes", "--db", str(db_path)]) == 1
    assert "symbolic link" in capsys.readouterr().err
    assert newest_good_backup(db_path) is None


def test_item9_9_a_symlinked_backup_file_is_refused_not_read(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    a_database_with_one_old_backup(db_path)
    [real] = list_backups(db_path)
    other = tmp_path / "someone-elses.json"
    other.write_bytes(b'{"checkins": {"1": {"id": "x"}}}')
    link = real.path.parent / f"heartwork-{datetime.now() + timedelta(days=1):%Y%m%d-%H%M%S-%f}.json"
    link.symlink_to(other)
    backups = list_backups(db_path)
    assert backups[0].path == link and not backups[0].readable and "symbolic link" in (backups[0].problem or "")
    newest = newest_good_backup(db_path)
    assert newest is not None and newest.path == real.path
    assert main(["restore", "--list", "--db", str(db_path)]) == 0
    assert "cannot be used: this backup is a symbolic link" in capsys.readouterr().out
    assert main(["restore", "--yes", "--force", "--db", str(db_path), "--from", str(link)]) == 1
    assert "symbolic link" in capsys.readouterr().err
    assert "x" not in {doc["id"] for doc in on_disk(db_path)["checkins"].values()}


# -- item 9.12: restore --from a newer or wrong file ---------------------------------------


@pytest.mark.parametrize(
    ("payload", "words"),
    [
        (b'{"_meta": {"1": {"schema_version": 99}}, "checkins": {}}', "newer version of Heartwork"),
        (b'{"_meta": {"1": {"schema_version": "3"}}, "checkins": {}}', 'format version ("3")'),
        (b'{"_meta": {"1": {"schema_version": 3.0}}, "checkins": {}}', "format version (3.0)"),
        (b'{"_meta": {"1": {}}, "checkins": {}}', "format version is missing"),
        (b'{"checkins": [1, 2]}', "not a set of records"),
        (b'{"checkins": ', "not valid JSON"),
    ],
)
def test_item9_12_restore_from_a_file_it_cannot_open_is_refused_first(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], payload: bytes, words: str
) -> None:
    a_database_with_one_old_backup(db_path)
    before = db_path.read_bytes()
    folder_before = sorted(os.listdir(tmp_path))
    source = tmp_path / "newer.json"
    source.write_bytes(payload)
    assert main(["restore", "--yes", "--force", "--db", str(db_path), "--from", str(source)]) == 1
    assert words in capsys.readouterr().err
    assert db_path.read_bytes() == before
    assert sorted(os.listdir(tmp_path)) == sorted([*folder_before, "newer.json"]), "nothing was kept aside or written"


def test_item9_12_restore_from_a_good_current_file_still_works(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    a_database_with_one_old_backup(db_path)
    source = tmp_path / "copy.json"
    source.write_bytes(db_path.read_bytes())
    assert main(["restore", "--yes", "--db", str(db_path), "--from", str(source)]) == 0
    assert db_path.read_bytes() == source.read_bytes()


# -- item 9.10: restore names the lock file --------------------------------------------------


def test_item9_10_restore_blames_the_lock_file_not_the_backup(
    db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    a_database_with_one_old_backup(db_path)
    before = db_path.read_bytes()
    lock = db_path.with_name(db_path.name + ".lock")
    lock.unlink()
    lock.mkdir()  # a lock file that cannot be opened
    assert main(["restore", "--yes", "--force", "--db", str(db_path)]) == 1
    error = capsys.readouterr().err
    assert f"Could not open the lock file {lock}" in error and "Nothing was changed" in error
    assert "could not read" not in error and "not a readable" not in error
    assert db_path.read_bytes() == before


def test_item9_7_backups_are_named_by_the_injected_clock(db_path: Path) -> None:
    rotator = BackupRotator(db_path, min_interval=0, clock=lambda: datetime(2026, 3, 2, 9, 30, 0, 5))
    made = rotator.make(b'{"checkins": {"1": {"id": "a"}}}')
    assert made.name == "heartwork-20260302-093000-000005.json"
    assert rotator.moment_of(made) == datetime(2026, 3, 2, 9, 30, 0, 5)


def test_item9_9_a_shell_save_says_no_backup_was_made_through_a_link(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    elsewhere = tmp_path / "synced"
    elsewhere.mkdir()
    (db_path.parent / "backups").symlink_to(elsewhere)
    assert main(["checkin", "6", "--db", str(db_path)]) == 0
    captured = capsys.readouterr()
    assert "Saved your check-in" in captured.out
    assert "no backup was made" in captured.err and "symbolic link" in captured.err
    assert list(elsewhere.iterdir()) == []


def test_item9_12_a_newer_backup_is_listed_but_never_offered(db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    a_database_with_one_old_backup(db_path)
    [good] = list_backups(db_path)
    newer = good.path.parent / f"heartwork-{datetime.now() + timedelta(days=1):%Y%m%d-%H%M%S-%f}.json"
    newer.write_bytes(b'{"_meta": {"1": {"schema_version": 99}}, "checkins": {"1": {"id": "z"}}}')
    backups = list_backups(db_path)
    assert backups[0].path == newer and not backups[0].readable
    newest = newest_good_backup(db_path)
    assert newest is not None and newest.path == good.path
    assert main(["restore", "--list", "--db", str(db_path)]) == 0
    assert "cannot be used: it is from a newer Heartwork (format 99)" in capsys.readouterr().out
