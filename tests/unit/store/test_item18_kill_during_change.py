"""Issue 18: SIGKILL while the passphrase is being changed leaves the old or the new one working.

The normal suite kills 20 times; set HEARTWORK_KILLS (e.g. 200) for more.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tui.store import encryption
from tui.store.database import Database
from tui.store.encryption import TEST_MEMLIMIT, TEST_OPSLIMIT, WrongSecretError
from tui.store.passphrase import set_passphrase

CHILD = """
import sys
from pathlib import Path
from tui.store import encryption
from tui.store.database import Database
from tui.store.passphrase import change_passphrase
path = Path(sys.argv[1])
header, header_bytes, _ = encryption.decode_header(path.read_bytes())
for secret in ("a", "b"):
    try:
        encryption.remember(encryption.unlock(header, header_bytes, secret))
        break
    except encryption.WrongSecretError:
        pass
database = Database.open(path)
print("ready", flush=True)
while True:
    for secret in ("b", "a"):
        change_passphrase(database, secret)
"""


@pytest.mark.skipif(sys.platform == "win32", reason="needs SIGKILL")
def test_item18_kill_during_change_leaves_old_or_new_working(tmp_path: Path) -> None:
    path = tmp_path / "hw.json"
    database = Database.open(path)
    database.table("journal").insert({"id": "j1", "text": "kept safe", "updated_at": "2026-01-01T00:00:00"})
    set_passphrase(database, "a", opslimit=TEST_OPSLIMIT, memlimit=TEST_MEMLIMIT)
    database.close()
    kills = int(os.environ.get("HEARTWORK_KILLS", "20"))
    rng = random.Random(18)
    for _ in range(kills):
        child = subprocess.Popen([sys.executable, "-c", CHILD, str(path)], stdout=subprocess.PIPE)
        assert child.stdout is not None
        assert child.stdout.readline().strip() == b"ready"
        time.sleep(rng.uniform(0, 0.05))
        child.send_signal(signal.SIGKILL)
        child.wait()
        encryption.forget_all()
        header, header_bytes, _ = encryption.decode_header(path.read_bytes())
        opened = None
        for secret in ("a", "b"):
            try:
                opened = encryption.unlock(header, header_bytes, secret)
                break
            except WrongSecretError:
                continue
        assert opened is not None, "neither the old nor the new passphrase opens the file"
        encryption.remember(opened)
        reopened = Database.open(path)
        assert reopened.table("journal").all()[0]["text"] == "kept safe"
        reopened.close()
    encryption.forget_all()
