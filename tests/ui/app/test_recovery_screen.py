"""The recovery screen: explains an unreadable database, restores the newest backup only when asked."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Static

from tui.store.database import Database
from tui.store.errors import CorruptDatabaseError
from tui.ui.recovery_app import RecoveryApp


def broken_database(tmp_path: Path, with_backup: bool = True) -> CorruptDatabaseError:
    path = tmp_path / "heartwork.json"
    if with_backup:
        db = Database.open(path)
        assert db.backups is not None
        db.backups.min_interval = 0  # back up every save, not at most every ten minutes
        db.table("checkins").save_records([{"id": "c1", "pleasantness": 7}])
        db.close()
    path.write_bytes(b'{"checkins": {"1": {"id": "c1", "pleas')
    with pytest.raises(CorruptDatabaseError) as caught:
        Database.open(path)
    return caught.value


def screen_text(app: RecoveryApp) -> str:
    return "\n".join(str(widget.render()) for widget in app.screen.query(Static))


async def test_it_names_the_file_says_it_was_kept_and_restores_after_confirmation(tmp_path: Path) -> None:
    error = broken_database(tmp_path)
    app = RecoveryApp(error)
    async with app.run_test(size=(90, 30)) as pilot:
        text = screen_text(app)
        assert str(error.path) in text and "kept exactly as it was" in text and "newest good backup" in text
        await pilot.press("r")
        assert "Press y to restore" in screen_text(app)
        await pilot.press("n")
        assert "Press y to restore" not in screen_text(app)
        assert error.path.read_bytes().startswith(b'{"checkins": {"1": {"id": "c1", "pleas')
        await pilot.press("r", "y")
        await pilot.pause()
    assert app.return_value is True
    assert [doc["id"] for doc in Database.open(error.path).table("checkins").all()] == ["c1"]
    kept = [p for p in tmp_path.iterdir() if ".unreadable-" in p.name]
    assert len(kept) == 1 and kept[0].read_bytes() == b'{"checkins": {"1": {"id": "c1", "pleas'


async def test_quitting_changes_nothing(tmp_path: Path) -> None:
    error = broken_database(tmp_path)
    before = error.path.read_bytes()
    app = RecoveryApp(error)
    async with app.run_test(size=(90, 30)) as pilot:
        await pilot.press("q")
        await pilot.pause()
    assert app.return_value is False
    assert error.path.read_bytes() == before


async def test_without_a_backup_it_says_so_and_r_does_nothing(tmp_path: Path) -> None:
    error = broken_database(tmp_path, with_backup=False)
    app = RecoveryApp(error)
    async with app.run_test(size=(90, 30)) as pilot:
        assert "No readable backup was found" in screen_text(app)
        await pilot.press("r", "y")
        assert "Press y to restore" not in screen_text(app)
        await pilot.press("q")
        await pilot.pause()
    assert app.return_value is False
