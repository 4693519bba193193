"""Issue 18: two processes seal quick captures into the inbox at once while a third, unlocked, merges.

Every record ends up in the database exactly once, each process's records in
the order it wrote them, and no capture's words are ever on disk in the clear.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from encrypted_db import sealed_database

from tui.core.encryption_header import decode_header
from tui.store import encryption
from tui.store.database import Database
from tui.store.inbox import inbox_path_for

PER_PROCESS = 120
WRITERS = ("alder", "birch")

APPENDER = """
import sys
from pathlib import Path
from tui.store import inbox
path, who, count = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3])
sys.stdin.readline()  # both start together
for number in range(count):
    document = {"id": f"{who}-{number:04d}", "text": f"{who} whispered {number}", "updated_at": "2026-01-01T00:00:00"}
    inbox.append(path, "journal", document)
"""

MERGER = """
import sys
from pathlib import Path
from tui.store import encryption
from tui.store.database import Database
path, stop = Path(sys.argv[1]), Path(sys.argv[2])
header, header_bytes, _ = encryption.decode_header(path.read_bytes())
encryption.remember(encryption.unlock(header, header_bytes, "pw"))
merges = 0
sys.stdin.readline()
while not stop.exists():
    database = Database.open(path)  # opening merges the inbox
    merges += database.merge_inbox()
    database.close()
    merges += 1
print(merges, flush=True)
"""


pytestmark = pytest.mark.usefixtures("no_keys_in_memory")


def test_item18_two_sealing_writers_and_a_merger_keep_every_record_once_in_order(tmp_path: Path) -> None:
    path = tmp_path / "hw.json"
    database = sealed_database(path, "before", "pw", record_id="first")
    database.close()
    encryption.forget_all()
    stop = tmp_path / "stop"
    writers = [
        subprocess.Popen(
            [sys.executable, "-c", APPENDER, str(path), who, str(PER_PROCESS)], stdin=subprocess.PIPE, text=True
        )
        for who in WRITERS
    ]
    merger = subprocess.Popen(
        [sys.executable, "-c", MERGER, str(path), str(stop)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    for process in [*writers, merger]:
        assert process.stdin is not None
        process.stdin.write("go\n")
        process.stdin.flush()
    for writer in writers:
        assert writer.wait(timeout=120) == 0
    stop.touch()
    merged_output, _ = merger.communicate(timeout=120)
    assert merger.returncode == 0 and int(merged_output) >= 1
    print("merger passes:", merged_output.strip())
    for file in tmp_path.rglob("*"):  # what the merger has not taken yet is still sealed
        if file.is_file():
            assert b"whispered" not in file.read_bytes(), file
    assert not list(tmp_path.glob("*.torn-*")), "a capture was set aside as torn"
    header, header_bytes, _ = decode_header(path.read_bytes())
    encryption.remember(encryption.unlock(header, header_bytes, "pw"))
    final = Database.open(path)  # merges whatever came after the merger's last pass
    documents = sorted(final.table("journal").all(), key=lambda doc: doc.doc_id)
    final.close()
    ids = [doc["id"] for doc in documents]
    assert len(ids) == len(set(ids)) == 1 + len(WRITERS) * PER_PROCESS
    for who in WRITERS:
        own = [doc_id for doc_id in ids if doc_id.startswith(f"{who}-")]
        assert own == [f"{who}-{number:04d}" for number in range(PER_PROCESS)], f"{who}'s order was not kept"
    assert inbox_path_for(path).stat().st_size == 0
    assert b"whispered" not in path.read_bytes()
