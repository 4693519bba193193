"""Issue 9 item 8 in the app: a file with a version Heartwork does not know opens the recovery screen, untouched."""

from __future__ import annotations

import os
from pathlib import Path

import orjson
import pytest
from textual.widgets import Static

from tui.store.database import Database
from tui.store.errors import CorruptDatabaseError
from tui.store.migrations import META_TABLE
from tui.ui.recovery_app import RecoveryApp


async def test_item9_8_an_unknown_version_shows_recovery_and_quitting_leaves_it_byte_for_byte(tmp_path: Path) -> None:
    path = tmp_path / "heartwork.json"
    db = Database.open(path)
    assert db.backups is not None
    db.backups.min_interval = 0
    db.table("checkins").save_records([{"id": "c1", "pleasantness": 7}])
    db.close()
    path.write_bytes(orjson.dumps({META_TABLE: {"1": {"schema_version": "3"}}, "checkins": {"1": {"id": "c2"}}}))
    before = path.read_bytes(), os.stat(path).st_mtime_ns
    with pytest.raises(CorruptDatabaseError) as caught:
        Database.open(path)
    app = RecoveryApp(caught.value)
    async with app.run_test(size=(90, 30)) as pilot:
        text = "\n".join(str(widget.render()) for widget in app.screen.query(Static))
        assert "format version" in text and "not one Heartwork knows" in text
        assert "kept exactly as it was" in text and "newest good backup" in text
        await pilot.press("q")
        await pilot.pause()
    assert app.return_value is False
    assert (path.read_bytes(), os.stat(path).st_mtime_ns) == before
