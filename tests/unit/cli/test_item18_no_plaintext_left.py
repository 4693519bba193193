"""Issue 18, item 3: after ``passphrase set`` (and ``change``) no file in the folder holds the person's words.

The folder holds everything a long-used Heartwork leaves: backups, an import
safety copy, a restore safety copy beside the database and its backup, a
journal draft, a quick capture waiting in the inbox, and temp files a killed
writer left. Every one is scanned byte by byte for known sentences. Exports
stay plain on purpose, and the export command says so.
"""

from __future__ import annotations

import functools
import os
from pathlib import Path

import pytest

from tui.cli.main import main
from tui.core.encryption_header import decode_header, read_prefix_length
from tui.store import encryption, inbox
from tui.store.backups import BackupRotator, back_up_before, read_backup
from tui.store.database import Database
from tui.store.encryption import TEST_MEMLIMIT, TEST_OPSLIMIT
from tui.store.file_storage import parse_database
from tui.store.permissions import this_computer
from tui.store.restore import restore_backup

ENTRY = "I forgave myself for the unanswered letters"
DRAFT = "half a thought about my sister, not finished"
CAPTURE = "a quick note from the bus, still waiting"
TEMP = "words a killed save left in a temp file"
SENTENCES = (ENTRY, DRAFT, CAPTURE, TEMP)
DEAD_PID = 4_190_000  # above the usual pid_max: no process has it


pytestmark = pytest.mark.usefixtures("no_keys_in_memory")


@pytest.fixture(autouse=True)
def _cheap_passphrases(monkeypatch: pytest.MonkeyPatch) -> None:
    from tui.store import passphrase

    cheap = functools.partial(passphrase.set_passphrase, opslimit=TEST_OPSLIMIT, memlimit=TEST_MEMLIMIT)
    monkeypatch.setattr(passphrase, "set_passphrase", cheap)  # the command imports it when it runs


def _lived_in_folder(folder: Path) -> Path:
    path = folder / "hw.json"
    database = Database.open(path)
    database.table("journal").insert({"id": "j1", "text": ENTRY, "updated_at": "2026-01-01T00:00:00"})
    database.table("journal_drafts").insert({"id": "draft", "text": DRAFT, "updated_at": "2026-01-02T00:00:00"})
    assert database.backups is not None
    backup = database.backups.make(path.read_bytes())
    database.close()
    assert back_up_before(path, "import") is not None
    restore_backup(path, backup)  # keeps hw.json.before-restore-* beside it and a -before-restore backup
    inbox.append(path, "journal", {"id": "j2", "text": CAPTURE, "updated_at": "2026-01-03T00:00:00"})
    tag = f"{DEAD_PID}-{this_computer()}"
    (folder / f".hw.json.{tag}.0badf00d.tmp").write_text(TEMP)
    (folder / "backups" / f".hw-20260101-000000-000000.json.{tag}.0badf00d.tmp").write_text(TEMP)
    names = {file.name for file in folder.rglob("*")}
    assert any(".before-restore-" in name for name in names) and any("-before-import" in name for name in names)
    assert any("-before-restore" in name for name in names)
    return path


def _scan_for_words(folder: Path) -> None:
    for file in folder.rglob("*"):
        if file.is_file() and not file.name.startswith("secret"):
            payload = file.read_bytes()
            for sentence in SENTENCES:
                assert sentence.encode() not in payload, f"{sentence!r} is readable in {file.name}"
    assert not list(folder.rglob("*.tmp")), "a temp file was left"


def _copies(path: Path) -> list[Path]:
    kept = BackupRotator(path).backups() + sorted(path.parent.glob("hw.json.before-restore-*"))
    assert len(kept) >= 4
    return kept


def _check_everything_opens_with_the_database_header(path: Path) -> None:
    header_bytes = decode_header(path.read_bytes())[1]
    for copy in _copies(path):
        payload = read_backup(copy)
        assert payload[: read_prefix_length(payload) or 0] == header_bytes, copy.name
        texts = [doc.get("text") for table in parse_database(copy, payload).values() for doc in table.values()]
        assert ENTRY in texts, copy.name


def test_item18_set_and_change_leave_no_plain_words_anywhere(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _lived_in_folder(tmp_path)
    first, second = tmp_path / "secret-1.txt", tmp_path / "secret-2.txt"
    first.write_text("first passphrase\n")
    second.write_text("second passphrase\n")
    monkeypatch.setenv("HEARTWORK_PASSPHRASE_FILE", str(first))
    assert main(["--db", str(path), "passphrase", "set"]) == 0
    _scan_for_words(tmp_path)
    _check_everything_opens_with_the_database_header(path)  # still unlocked in this process
    encryption.forget_all()

    monkeypatch.setenv("HEARTWORK_NEW_PASSPHRASE_FILE", str(second))
    assert main(["--db", str(path), "passphrase", "change"]) == 0
    _scan_for_words(tmp_path)
    _check_everything_opens_with_the_database_header(path)
    encryption.forget_all()

    monkeypatch.setenv("HEARTWORK_PASSPHRASE_FILE", str(second))
    capsys.readouterr()
    out_file = tmp_path / "export.json"
    assert main(["--db", str(path), "export", "--out", str(out_file)]) == 0
    assert "this export is not: it is plain, readable text" in capsys.readouterr().err
    exported = out_file.read_bytes()
    for sentence in (ENTRY, CAPTURE):
        assert sentence.encode() in exported  # plain on purpose, and said
    assert os.stat(out_file).st_mode & 0o777 == 0o600
    out_file.unlink()
    encryption.forget_all()
    _, header_bytes, _ = decode_header(path.read_bytes())
    header = decode_header(path.read_bytes())[0]
    encryption.remember(encryption.unlock(header, header_bytes, "second passphrase"))
    reopened = Database.open(path)
    assert {doc["text"] for doc in reopened.table("journal").all()} == {ENTRY, CAPTURE}
    assert [doc["text"] for doc in reopened.table("journal_drafts").all()] == [DRAFT]
    reopened.close()


def test_item18_plain_export_of_a_plain_database_says_nothing_about_locks(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "hw.json"
    database = Database.open(path)
    database.table("journal").insert({"id": "j1", "text": ENTRY, "updated_at": "2026-01-01T00:00:00"})
    database.close()
    assert main(["--db", str(path), "export"]) == 0
    captured = capsys.readouterr()
    assert ENTRY in captured.out and "passphrase" not in captured.err
