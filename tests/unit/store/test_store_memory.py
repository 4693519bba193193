"""Memory of the store (issue 12.3): nothing holds a second copy of the whole database."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tui.store import codec
from tui.store.database import Database


def test_item12_3_a_save_that_makes_a_backup_never_parses_the_file_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    database = tmp_path / "hw.json"
    db = Database.open(database)
    parsed: list[int] = []
    real_decode = codec.decode

    def counting_decode(payload: Any) -> Any:
        parsed.append(len(payload))
        return real_decode(payload)

    monkeypatch.setattr(codec, "decode", counting_decode)
    db.table("checkins").save_records([{"id": "a", "at": "2026-03-02T09:30:00+01:00", "pleasantness": 5}])
    assert db.backups is not None and db.backups.newest() is not None  # the first save with records backs up
    assert parsed == []
    db.close()


def test_item12_3_an_empty_database_is_still_never_backed_up(tmp_path: Path) -> None:
    database = tmp_path / "hw.json"
    db = Database.open(database)
    db.table("notes").save_records([{"id": "a"}])
    db.table("notes").delete_record("a")
    db.close()
    assert db.backups is not None
    backups = sorted(db.backups.folder.glob("*.json"))
    assert len(backups) == 1  # the one with the record; none of the empty file
