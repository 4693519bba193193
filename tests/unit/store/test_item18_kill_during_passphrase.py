"""Issue 18: SIGKILL during ``passphrase set``, ``change`` and ``remove`` at random moments.

Each kill is a real child process, killed at a random moment inside the
action (the window is measured first). Afterwards the database opens with the
passphrase that was in force (the old one or the new one, never neither),
nothing is lost, every backup (and restore safety copy) opens with that same passphrase, no temp file
is left and, while encrypted, no file in the folder holds the journal's text.

The normal suite kills a few times per action; set HEARTWORK_CRYPT_KILLS
(e.g. 200) for a long run.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tui.core.encryption_header import decode_header, is_encrypted, read_prefix_length
from tui.store import encryption
from tui.store.backups import read_backup
from tui.store.database import Database
from tui.store.encryption import TEST_MEMLIMIT, TEST_OPSLIMIT, WrongSecretError
from tui.store.file_storage import parse_database
from tui.store.passphrase import set_passphrase
from tui.store.restore import restore_backup

SENTENCE = "I let the kettle sing and did not rush"
ENTRIES = 400
BACKUPS = 4  # made by hand, beside any the first saves made
KILLS = int(os.environ.get("HEARTWORK_CRYPT_KILLS", os.environ.get("HEARTWORK_KILLS", "4")))
# Which passphrase may open the database after a kill: None is "stored plain".
ALLOWED = {"set": {None, "new"}, "change": {"old", "new"}, "remove": {"old", None}}

CHILD = """
import sys, time
from pathlib import Path
from tui.store import encryption
from tui.store.database import Database
from tui.store.passphrase import change_passphrase, remove_passphrase, set_passphrase
path, action = Path(sys.argv[1]), sys.argv[2]
payload = path.read_bytes()
if encryption.is_encrypted(payload):
    header, header_bytes, _ = encryption.decode_header(payload)
    encryption.remember(encryption.unlock(header, header_bytes, "old"))
database = Database.open(path)
print("ready", flush=True)
started = time.monotonic()
if action == "set":
    set_passphrase(database, "new", opslimit=encryption.TEST_OPSLIMIT, memlimit=encryption.TEST_MEMLIMIT)
elif action == "change":
    change_passphrase(database, "new")
else:
    remove_passphrase(database)
print(f"done {time.monotonic() - started}", flush=True)
time.sleep(60)
"""


pytestmark = pytest.mark.usefixtures("no_keys_in_memory")


def _backup_texts(path: Path) -> dict[str, list[str]]:
    """What each backup holds (read with the keys in memory): name -> journal texts."""
    return {
        backup.name: sorted(doc["text"] for doc in parse_database(backup, read_backup(backup))["journal"].values())
        for backup in _kept_copies(path)
    }


def _kept_copies(path: Path) -> list[Path]:
    """The backups and the restore safety copies beside the database."""
    return sorted((path.parent / "backups").glob("*.json")) + sorted(path.parent.glob("hw.json.before-restore-*"))


def _template(folder: Path, encrypted: bool) -> tuple[Path, dict[str, list[str]]]:
    folder.mkdir()
    path = folder / "hw.json"
    database = Database.open(path)
    with database.transaction():
        journal = database.table("journal")
        for number in range(ENTRIES):
            text = SENTENCE if number == 0 else f"an ordinary day, number {number}"
            journal.insert({"id": f"j{number}", "text": text, "updated_at": "2026-01-01T00:00:00"})
    for _ in range(BACKUPS):
        newest = database.backups.make(path.read_bytes())  # type: ignore[union-attr]
    database.close()
    restore_backup(path, newest)  # a restore safety copy beside the database, and its backup
    database = Database.open(path)
    expected = _backup_texts(path)
    assert any(".before-restore-" in name for name in expected)
    if encrypted:
        set_passphrase(database, "old", opslimit=TEST_OPSLIMIT, memlimit=TEST_MEMLIMIT)
    database.close()
    encryption.forget_all()
    return path, expected


def _start(path: Path, action: str) -> subprocess.Popen[bytes]:
    child = subprocess.Popen([sys.executable, "-c", CHILD, str(path), action], stdout=subprocess.PIPE)
    assert child.stdout is not None
    assert child.stdout.readline().strip() == b"ready"
    return child


def _measure(template: Path, work: Path, action: str) -> float:
    """How long ``action`` takes here (a run that is not killed)."""
    shutil.copytree(template.parent, work)
    child = _start(work / template.name, action)
    assert child.stdout is not None
    line = child.stdout.readline().decode()
    child.kill()
    child.wait()
    assert line.startswith("done "), line
    return float(line.split()[1])


def _opening_secret(payload: bytes) -> str | None:
    """The passphrase that opens ``payload`` (None if it is plain); keeps the key in memory."""
    if not is_encrypted(payload):
        return None
    header, header_bytes, _ = decode_header(payload)
    for secret in ("old", "new"):
        try:
            encryption.remember(encryption.unlock(header, header_bytes, secret))
        except WrongSecretError:
            continue
        return secret
    raise AssertionError("neither the old nor the new passphrase opens the database")


def _header_of(payload: bytes) -> bytes:
    total = read_prefix_length(payload)
    return b"" if total is None else payload[:total]


def _check_after_kill(path: Path, action: str, expected: dict[str, list[str]]) -> str | None:
    secret = _opening_secret(path.read_bytes())
    assert secret in ALLOWED[action], (action, secret)
    database = Database.open(path)  # a fresh process would do just this after unlocking
    texts = [doc["text"] for doc in database.table("journal").all()]
    database.close()
    assert len(texts) == ENTRIES and SENTENCE in texts, "records were lost"
    header = _header_of(path.read_bytes())
    backups = _kept_copies(path)
    assert set(expected) <= {backup.name for backup in backups}, "a backup was lost"
    for backup in backups:
        payload = read_backup(backup)
        assert _header_of(payload) == header, f"{backup.name} does not open with the passphrase in force"
        held = sorted(doc["text"] for doc in parse_database(backup, payload)["journal"].values())
        assert held == expected.get(backup.name, sorted(texts)), f"{backup.name} changed"
    leftovers = list(path.parent.rglob("*.tmp"))
    assert not leftovers, leftovers
    if header:
        for file in path.parent.rglob("*"):
            if file.is_file():
                assert SENTENCE.encode() not in file.read_bytes(), f"plain text left in {file}"
    return secret


@pytest.mark.skipif(sys.platform == "win32", reason="needs SIGKILL")
@pytest.mark.parametrize("action", ["set", "change", "remove"])
def test_item18_kill_during_passphrase_action_leaves_old_or_new_working(tmp_path: Path, action: str) -> None:
    template, expected = _template(tmp_path / "template", encrypted=action != "set")
    window = _measure(template, tmp_path / "measured", action) * 1.2
    rng = random.Random(f"item18-{action}")
    seen: set[str | None] = set()
    for kill in range(KILLS):
        work = tmp_path / f"kill{kill}"
        shutil.copytree(template.parent, work)
        child = _start(work / template.name, action)
        time.sleep(rng.uniform(0, window))
        child.send_signal(signal.SIGKILL)
        child.wait()
        encryption.forget_all()
        seen.add(_check_after_kill(work / template.name, action, expected))
        encryption.forget_all()
        shutil.rmtree(work)
    print(f"{action}: {KILLS} kills in a {window * 1000:.0f} ms window; afterwards opened with {seen}")
