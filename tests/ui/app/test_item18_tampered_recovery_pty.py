"""Issue 18 item 6 in the app: a tampered encrypted file opened by a fresh, locked process.

The real ``heartwork`` runs in a pseudo-terminal and unlocks from
HEARTWORK_PASSPHRASE_FILE; the file fails authentication, so the recovery
screen explains it and offers the newest backup. Quitting leaves the tampered
bytes exactly as they were; restoring keeps them aside byte-for-byte.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
from encrypted_db import passphrase_file, sealed_database
from pty_app import AppInPty

from tui.core.encryption_header import decode_header
from tui.store import encryption
from tui.store.database import Database

SENTENCE = "I kept the promise to rest on Sunday"


def _tampered_with_backup(folder: Path) -> tuple[Path, bytes]:
    path = folder / "hw.json"
    database = sealed_database(path, SENTENCE, "pw")
    assert database.backups is not None
    database.backups.make(path.read_bytes())
    database.close()
    encryption.forget_all()
    payload = bytearray(path.read_bytes())
    payload[len(decode_header(bytes(payload))[1]) + 30] ^= 0x04
    path.write_bytes(bytes(payload))
    return path, bytes(payload)


def _tampered_and_passphrase_file(folder: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, bytes]:
    """The tampered file (see above), and HEARTWORK_PASSPHRASE_FILE naming a file with its passphrase."""
    path, tampered = _tampered_with_backup(folder)
    monkeypatch.setenv("HEARTWORK_PASSPHRASE_FILE", str(passphrase_file(folder, "pw\n")))
    return path, tampered


@pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pseudo-terminal")
def test_item18_tampered_file_in_the_app_is_kept_and_a_backup_offered(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path, tampered = _tampered_and_passphrase_file(tmp_path, monkeypatch)
    with AppInPty("--db", str(path), columns=100, rows=30) as app:
        assert app.read_until(b"could not be opened", timeout=20), app.output[-2000:]
        app.read_for(0.3)
        drawn = re.sub(rb"\x1b\[[0-9;?]*[a-zA-Z]", b"", app.output)
        assert b"newest good backup" in drawn and b"kept exactly as it was" in drawn
        assert SENTENCE.encode() not in drawn
        app.type("q")
        assert app.wait(timeout=15) == 1, "the recovery screen did not quit"
    assert path.read_bytes() == tampered, "the tampered file was changed"


@pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pseudo-terminal")
def test_item18_tampered_file_restored_from_the_app_keeps_the_tampered_bytes_aside(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path, tampered = _tampered_and_passphrase_file(tmp_path, monkeypatch)
    with AppInPty("--db", str(path), columns=100, rows=30) as app:
        assert app.read_until(b"could not be opened", timeout=20)
        app.type("r")
        assert app.read_until(b"Press y", timeout=5)
        app.type("y")
        assert app.read_until(b"Home", timeout=10) or app.read_until(b"Breathe", timeout=5)
    kept = list(tmp_path.glob("hw.json.unreadable-*"))
    assert len(kept) == 1 and kept[0].read_bytes() == tampered
    encryption.forget_all()
    header, header_bytes, _ = decode_header(path.read_bytes())
    encryption.remember(encryption.unlock(header, header_bytes, "pw"))
    reopened = Database.open(path)
    assert [doc["text"] for doc in reopened.table("journal").all()] == [SENTENCE]
    reopened.close()
    encryption.forget_all()
