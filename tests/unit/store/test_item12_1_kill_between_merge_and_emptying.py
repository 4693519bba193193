"""Issue 12.1: a process killed between the save that merges the inbox and emptying it never duplicates a record.

How it is guaranteed: the inbox is laid over memory and written in the same
atomic save as the change that triggered it (temp file, fsync, rename), and
only then emptied. A SIGKILL in between leaves the records both in the file and
in the inbox; every record carries a stable id, so laying the inbox over the
file again replaces each by id (never adds a second copy), and a record that
same save changed or deleted keeps that change (a newer ``updated_at`` or a
tombstone wins over the replayed capture). The kill here is real: the worker
process SIGKILLs itself at exactly that point (tests/support/store_workers.py).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from tui.store import inbox
from tui.store.database import Database
from tui.store.file_storage import parse_database

REPO_ROOT = Path(__file__).resolve().parents[3]
WORKERS = REPO_ROOT / "tests" / "support" / "store_workers.py"
EXPECTED = {
    "merge": {"n1": "captured", "n2": "captured", "n3": "captured"},
    "edit": {"n1": "captured", "n2": "changed", "n3": "captured"},
    "delete": {"n1": "captured", "n2": "captured"},
}


def notes_in_file(database: Path) -> list[dict[str, object]]:
    return list(parse_database(database, database.read_bytes()).get("notes", {}).values())


def bodies(documents: object) -> dict[str, object]:
    found = [(doc["id"], doc["body"]) for doc in documents]  # type: ignore[attr-defined]
    assert len(found) == len({record_id for record_id, _ in found}), f"a record is there twice: {found}"
    return dict(found)


@pytest.mark.parametrize("mode", sorted(EXPECTED))
def test_item12_1_a_kill_between_merging_and_emptying_the_inbox_never_duplicates_or_undoes(
    tmp_path: Path, mode: str
) -> None:
    database = tmp_path / "heartwork.json"
    Database.open(database).close()
    worker = subprocess.run(
        [sys.executable, str(WORKERS), "die-after-merge", str(database), mode],
        env=dict(os.environ, PYTHONPATH=str(REPO_ROOT)),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert worker.returncode == -signal.SIGKILL, worker.stderr
    assert bodies(notes_in_file(database)) == EXPECTED[mode]  # the save that merged reached the disk
    assert len(inbox.read_pending(database).records) == 3  # and the inbox was never emptied
    before = database.read_bytes()
    assert bodies(Database.open_read_only(database).snapshot()["notes"].values()) == EXPECTED[mode]
    assert database.read_bytes() == before  # a reader only reads
    Database.open(database).close()  # the next writer merges again: exactly once
    assert bodies(notes_in_file(database)) == EXPECTED[mode]
    assert inbox.inbox_path_for(database).read_bytes() == b""
    Database.open(database).close()
    assert bodies(notes_in_file(database)) == EXPECTED[mode]
