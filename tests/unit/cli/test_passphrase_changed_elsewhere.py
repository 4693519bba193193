"""A passphrase set, changed or removed in another process is kept by an open database's next save.

The open process (the app) unlocked the file's old header; before it adopted the
file's own header on reload, its next save wrote that old header back: the old
passphrase opened the data again and the new one did not. The shell also refuses
to change the passphrase while an app is open on the data.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from encrypted_db import passphrase_file, sealed_database

from tui.core.encryption_header import is_encrypted
from tui.store import encryption
from tui.store.database import Database
from tui.store.encryption import WrongSecretError
from tui.store.instance import InstanceMarker

REPO_ROOT = Path(__file__).resolve().parents[3]
CHEAP_CLI = (
    "import sys, tui.store.encryption as e; e.DEFAULT_OPSLIMIT, e.DEFAULT_MEMLIMIT = e.TEST_OPSLIMIT, e.TEST_MEMLIMIT; "
    "from tui.cli.main import main; sys.exit(main(sys.argv[1:]))"
)


pytestmark = pytest.mark.usefixtures("no_keys_in_memory")


def _shell(path: Path, action: str, old: Path, new: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, HEARTWORK_PASSPHRASE_FILE=str(old))
    if new is not None:
        env["HEARTWORK_NEW_PASSPHRASE_FILE"] = str(new)
    return subprocess.run(
        [sys.executable, "-c", CHEAP_CLI, "--db", str(path), "passphrase", action],
        cwd=REPO_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )


def _opens_with(path: Path, secret: str) -> bool:
    header, header_bytes, _ = encryption.decode_header(path.read_bytes())
    try:
        encryption.unlock(header, header_bytes, secret)
    except WrongSecretError:
        return False
    return True


def _add_entry(database: Database, record_id: str) -> None:
    with database.transaction():
        database.table("journal").insert({"id": record_id, "text": "later", "updated_at": "2026-01-02T00:00:00"})


def test_a_passphrase_changed_in_the_shell_stays_changed_after_the_open_database_saves(tmp_path: Path) -> None:
    path = tmp_path / "hw.json"
    app = sealed_database(path, "first words", "the first passphrase")
    old = passphrase_file(tmp_path, "the first passphrase")
    new = tmp_path / "new.txt"
    new.write_text("the second passphrase", encoding="utf-8")
    changed = _shell(path, "change", old, new)
    assert changed.returncode == 0, changed.stderr
    _add_entry(app, "j2")  # the app saves after the change
    app.close()
    assert _opens_with(path, "the second passphrase")
    assert not _opens_with(path, "the first passphrase")
    encryption.forget_all()
    header, header_bytes, _ = encryption.decode_header(path.read_bytes())
    encryption.remember(encryption.unlock(header, header_bytes, "the second passphrase"))
    assert [doc["id"] for doc in Database.open(path).table("journal").all()] == ["j1", "j2"]


def test_a_passphrase_removed_in_the_shell_stays_removed_after_the_open_database_saves(tmp_path: Path) -> None:
    path = tmp_path / "hw.json"
    app = sealed_database(path, "first words", "the first passphrase")
    removed = _shell(path, "remove", passphrase_file(tmp_path, "the first passphrase"))
    assert removed.returncode == 0, removed.stderr
    _add_entry(app, "j2")
    app.close()
    assert not is_encrypted(path.read_bytes())
    encryption.forget_all()
    assert [doc["id"] for doc in Database.open(path).table("journal").all()] == ["j1", "j2"]


def test_the_shell_will_not_change_the_passphrase_while_an_app_is_open(tmp_path: Path) -> None:
    path = tmp_path / "hw.json"
    sealed_database(path, "first words", "the first passphrase").close()
    before = path.read_bytes()
    marker = InstanceMarker(path)
    assert not marker.acquire()  # this test plays the open app
    try:
        new = tmp_path / "new.txt"
        new.write_text("the second passphrase", encoding="utf-8")
        refused = _shell(path, "change", passphrase_file(tmp_path, "the first passphrase"), new)
    finally:
        marker.release()
    assert refused.returncode == 2
    assert "open on this data in another window" in refused.stderr and "Nothing was changed" in refused.stderr
    assert path.read_bytes() == before
