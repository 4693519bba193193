"""Turning encryption on when an older backup cannot be rewritten still hands over the recovery code.

The database is locked by the time the backups are rewritten; before, a refused
backup ended the change with no code shown, so a forgotten passphrase would have
meant the data was gone.
"""

from __future__ import annotations

import errno
from pathlib import Path

import pytest
from encrypted_db import refuse_backup_rewrites

from tui.core.encryption_header import is_encrypted
from tui.store import encryption
from tui.store.database import Database
from tui.store.encryption import TEST_MEMLIMIT, TEST_OPSLIMIT
from tui.store.passphrase import BackupsNotRewrittenError, set_passphrase

pytestmark = pytest.mark.usefixtures("no_keys_in_memory")


@pytest.fixture
def refusing_backups(monkeypatch: pytest.MonkeyPatch) -> None:
    refuse_backup_rewrites(monkeypatch)


def _database(path: Path) -> Database:
    database = Database.open(path)
    database.table("journal").insert({"id": "j1", "text": "kept", "updated_at": "2026-01-01T00:00:00"})
    return database


@pytest.mark.usefixtures("refusing_backups")
def test_the_recovery_code_comes_with_the_refusal_and_opens_the_data(tmp_path: Path) -> None:
    path = tmp_path / "hw.json"
    database = _database(path)
    with pytest.raises(BackupsNotRewrittenError) as refused:
        set_passphrase(database, "a long passphrase", opslimit=TEST_OPSLIMIT, memlimit=TEST_MEMLIMIT)
    database.close()
    code = refused.value.recovery_code
    assert code and refused.value.errno == errno.ENOSPC
    payload = path.read_bytes()
    assert is_encrypted(payload) and b"kept" not in payload
    header, header_bytes, _ = encryption.decode_header(payload)
    encryption.forget_all()
    encryption.remember(encryption.unlock(header, header_bytes, code))
    assert Database.open(path).table("journal").all()[0]["text"] == "kept"


@pytest.mark.usefixtures("refusing_backups")
def test_the_shell_prints_the_code_and_says_what_is_left(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from tui.cli.main import main

    monkeypatch.setattr(encryption, "DEFAULT_OPSLIMIT", TEST_OPSLIMIT)
    monkeypatch.setattr(encryption, "DEFAULT_MEMLIMIT", TEST_MEMLIMIT)
    path = tmp_path / "hw.json"
    _database(path).close()
    secret = tmp_path / "secret.txt"
    secret.write_text("a long passphrase\n", encoding="utf-8")
    monkeypatch.setenv("HEARTWORK_PASSPHRASE_FILE", str(secret))
    assert main(["--db", str(path), "passphrase", "set"]) == 1
    captured = capsys.readouterr()
    assert "Recovery code (shown only this once): " in captured.out
    assert "an older backup could not be locked yet" in captured.err
    assert is_encrypted(path.read_bytes())
