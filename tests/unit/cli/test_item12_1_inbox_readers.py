"""Issue 12.1: every shell reader sees quick captures waiting in the inbox as if they were in the database.

One test per reader that is not covered elsewhere: the report, the affirmation
list, and restore (captures made after a backup survive putting it back). The
export reader is in ``test_inbox.py``, ``today`` in ``test_item17_today_cli.py``
and the app's own load in ``tests/ui/app/test_item12_1_app_loads_the_inbox.py``.
Each capture is made the way a person makes it (``heartwork checkin 7`` etc.)
and the readers that only read are checked to leave the file and inbox as they were.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from tui.cli.main import main
from tui.core.checkin import Checkin
from tui.store import inbox
from tui.store.backups import BackupRotator
from tui.store.checkin_repository import CheckinRepository
from tui.store.database import Database
from tui.store.file_storage import parse_database
from tui.store.store import Store


def on_disk(database: Path) -> tuple[bytes, bytes]:
    """The database file and its inbox, byte for byte."""
    return database.read_bytes(), inbox.inbox_path_for(database).read_bytes()


def stored_count(database: Path, table: str) -> int:
    """How many records ``table`` holds in the file itself (no inbox laid over it)."""
    return len(parse_database(database, database.read_bytes()).get(table, {}))


def test_item12_1_the_report_shows_captures_still_in_the_inbox_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    database = tmp_path / "heartwork.json"
    Database.open(database).close()
    assert main(["--db", str(database), "checkin", "7"]) == 0
    assert main(["--db", str(database), "journal", "add", "a quiet walk by the river"]) == 0
    capsys.readouterr()
    before = on_disk(database)
    assert stored_count(database, "checkins") == 0  # both wait in the inbox
    assert main(["--db", str(database), "report", "--include-journal"]) == 0
    report = capsys.readouterr().out
    assert "Average 7 out of 10, from 7 to 7, on 1 of 14 days." in report
    assert "> a quiet walk by the river" in report
    assert on_disk(database) == before  # a report only reads


def test_item12_1_the_affirmation_list_shows_one_added_from_the_shell(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    database = tmp_path / "heartwork.json"
    Database.open(database).close()
    assert main(["--db", str(database), "affirm", "add", "I am allowed to rest."]) == 0
    assert main(["--db", str(database), "affirm", "add", "Small steps count."]) == 0
    assert stored_count(database, "affirmations") == 0
    capsys.readouterr()
    assert main(["--db", str(database), "affirm", "list", "--mine"]) == 0
    lines = capsys.readouterr().out.splitlines()
    mine = [line for line in lines if "I am allowed to rest." in line or "Small steps count." in line]
    assert len(mine) == 2, lines  # each once, in the order added
    assert "I am allowed to rest." in mine[0] and "Small steps count." in mine[1]


def test_item12_1_restoring_a_backup_keeps_captures_made_after_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    database = tmp_path / "heartwork.json"
    store = Store.open(database)
    store.repo(CheckinRepository).add(Checkin(at=datetime(2026, 3, 1, 9, 0).astimezone(), pleasantness=4))
    store.close()
    backup = BackupRotator(database).back_up_now("import")
    assert backup is not None
    assert main(["--db", str(database), "checkin", "8"]) == 0  # after the backup, waiting in the inbox
    assert main(["--db", str(database), "restore", "--from", str(backup), "--yes"]) == 0, capsys.readouterr().err
    # Nothing the inbox holds is counted as lost (it was not refused without --force), and it is all still seen:
    restored = Store.open_read_only(database)
    assert sorted(c.pleasantness for c in restored.repo(CheckinRepository).all()) == [4, 8]
    restored.close()
    Database.open(database).close()  # the next writer merges the capture into the restored file, once
    assert stored_count(database, "checkins") == 2
    assert inbox.inbox_path_for(database).read_bytes() == b""
