"""Issue 18: the unlock screen, a wrong passphrase then the right one."""

from __future__ import annotations

from pathlib import Path

from encrypted_db import sealed_database
from textual.widgets import Input, Static

from tui.store import encryption
from tui.store.database import Database
from tui.store.encryption import TEST_MEMLIMIT, TEST_OPSLIMIT, DatabaseLockedError
from tui.store.passphrase import set_passphrase
from tui.ui.unlock_app import UnlockApp


def _locked(tmp_path: Path) -> DatabaseLockedError:
    path = tmp_path / "hw.json"
    database = sealed_database(path, "hello", "right one")
    database.close()
    encryption.forget_all()
    try:
        Database.open(path)
    except DatabaseLockedError as error:
        return error
    raise AssertionError("the database should be locked")


async def test_item18_unlock_screen_wrong_then_right(tmp_path: Path) -> None:
    locked = _locked(tmp_path)
    app = UnlockApp(locked, pause_step=0.05)
    try:
        async with app.run_test() as pilot:
            await pilot.pause()
            field = app.screen.query_one("#unlock-input", Input)
            assert field.password
            field.value = "wrong"
            await pilot.press("enter")
            await app.workers.wait_for_complete()
            await pilot.pause(0.2)
            message = str(app.screen.query_one("#unlock-message", Static).render())
            assert "did not open" in message
            assert not field.disabled  # ready again after the short pause
            field.value = "right one"
            await pilot.press("enter")
            await app.workers.wait_for_complete()
            await pilot.pause()
        assert app.return_value is True
        assert Database.open(locked.path).table("journal").all()[0]["text"] == "hello"
    finally:
        encryption.forget_all()


async def test_item18_lock_now_in_palette_only_when_locked(tmp_path: Path) -> None:
    from tui.store.store import Store
    from tui.ui.app import create_app

    path = tmp_path / "hw.json"
    store = Store.open(path)
    app = create_app(store, themes_dir=tmp_path / "no-themes")
    try:
        async with app.run_test() as pilot:
            await pilot.pause()
            assert "Lock now" not in [command.title for command in app.get_system_commands(app.screen)]
            set_passphrase(store.database, "pw", opslimit=TEST_OPSLIMIT, memlimit=TEST_MEMLIMIT)
            commands = {command.title: command for command in app.get_system_commands(app.screen)}
            assert "Lock now" in commands
            commands["Lock now"].callback()
            await pilot.pause()
            from tui.ui.screens.unlock.unlock import UnlockScreen

            assert isinstance(app.screen, UnlockScreen) and app.is_running  # it locks, it does not just close
            assert encryption.envelope_for(path.read_bytes()) is None  # the key is forgotten
    finally:
        store.close()
        encryption.forget_all()
