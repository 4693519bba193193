"""Issue 18: Settings turns the passphrase on, changes it and turns it off, on a real file."""

from __future__ import annotations

from pathlib import Path

import pytest
from encrypted_app import PASSPHRASE, SENTENCE, build_app, database_path, open_store
from textual.widgets import Button, Input, Static

from tui.core.clock import FakeClock
from tui.core.encryption_header import decode_header, is_encrypted
from tui.store import encryption
from tui.store.encryption import WrongSecretError
from tui.ui.app import HeartworkApp
from tui.ui.dialogs.confirm import ConfirmScreen
from tui.ui.screens.settings.passphrase_dialog import PassphraseDialog
from tui.ui.screens.settings.passphrase_section import PassphraseSection
from tui.ui.screens.settings.recovery_code_dialog import RecoveryCodeDialog
from tui.ui.screens.settings.settings import SettingsScreen

NEW = "tea in the garden"


pytestmark = pytest.mark.usefixtures("no_keys_in_memory")


async def _open_dialog(app: HeartworkApp, pilot: object, button: str) -> PassphraseDialog:
    await pilot.press("comma")  # type: ignore[attr-defined]
    await pilot.pause()  # type: ignore[attr-defined]
    assert isinstance(app.screen, SettingsScreen)
    app.screen.query_one(f"#{button}", Button).press()
    await pilot.pause()  # type: ignore[attr-defined]
    assert isinstance(app.screen, PassphraseDialog)
    return app.screen


def _fill(dialog: PassphraseDialog, **values: str) -> None:
    for name, value in values.items():
        dialog.query_one(f"#passphrase-{name}", Input).value = value


def _message(dialog: PassphraseDialog) -> str:
    return str(dialog.query_one("#passphrase-message", Static).render())


async def _go(app: HeartworkApp, pilot: object, dialog: PassphraseDialog) -> None:
    dialog.query_one("#passphrase-go", Button).press()
    await pilot.pause()  # type: ignore[attr-defined]
    await app.workers.wait_for_complete()
    await pilot.pause()  # type: ignore[attr-defined]


def _opens_with(path: Path, secret: str) -> bool:
    header, header_bytes, _ = decode_header(path.read_bytes())
    try:
        encryption.unlock(header, header_bytes, secret)
    except WrongSecretError:
        return False
    return True


async def test_item18_turning_on_encrypts_the_file_and_shows_the_code_once(tmp_path: Path, clock: FakeClock) -> None:
    store = open_store(tmp_path, clock)
    path = database_path(store)
    app = build_app(store, clock, tmp_path)
    async with app.run_test(size=(100, 40)) as pilot:
        dialog = await _open_dialog(app, pilot, "settings-passphrase-on")
        assert all(field.password for field in dialog.query(Input))
        _fill(dialog, new=NEW, again=NEW)
        await _go(app, pilot, dialog)
        code_dialog = app.screen
        assert isinstance(code_dialog, RecoveryCodeDialog)
        code = code_dialog.code
        shown = str(code_dialog.query_one("#recovery-code", Static).render())
        assert shown == code and len(encryption.normalise_recovery_code(code)) == encryption.RECOVERY_LENGTH
        assert "nobody can recover your data" in str(code_dialog.query_one("#recovery-warning", Static).render())
        assert is_encrypted(path.read_bytes()) and SENTENCE.encode() not in path.read_bytes()
        assert _opens_with(path, NEW) and _opens_with(path, code)
        clock.advance(1)
        await pilot.press("enter")  # focus starts on "Not yet": it stays
        await pilot.pause()
        assert app.screen is code_dialog
        await pilot.press("tab", "enter")  # "I have written it down"
        await pilot.pause()
        assert isinstance(app.screen, SettingsScreen)
        section = app.screen.query_one(PassphraseSection)
        assert section.encrypted
        assert section.query("#settings-passphrase-change") and section.query("#settings-passphrase-off")
        assert not app.query(RecoveryCodeDialog)  # shown once, gone for good
    store.close()


async def test_item18_two_different_or_short_passphrases_change_nothing(tmp_path: Path, clock: FakeClock) -> None:
    store = open_store(tmp_path, clock)
    path = database_path(store)
    app = build_app(store, clock, tmp_path)
    async with app.run_test(size=(100, 40)) as pilot:
        dialog = await _open_dialog(app, pilot, "settings-passphrase-on")
        _fill(dialog, new=NEW, again=NEW + "!")
        await _go(app, pilot, dialog)
        assert app.screen is dialog
        assert "not the same" in _message(dialog)
        assert dialog.query_one("#passphrase-new", Input).value == NEW  # what was typed is kept
        _fill(dialog, new="short", again="short")
        await _go(app, pilot, dialog)
        assert "at least 8 characters" in _message(dialog)
        _fill(dialog, new="", again="")
        await _go(app, pilot, dialog)
        assert "empty" in _message(dialog)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, SettingsScreen)
        assert not app.screen.query_one(PassphraseSection).encrypted
    assert not is_encrypted(path.read_bytes()) and SENTENCE.encode() in path.read_bytes()
    store.close()


async def test_item18_change_asks_for_the_current_passphrase_kindly(tmp_path: Path, clock: FakeClock) -> None:
    store = open_store(tmp_path, clock, encrypted=True)
    path = database_path(store)
    app = build_app(store, clock, tmp_path)
    async with app.run_test(size=(100, 40)) as pilot:
        dialog = await _open_dialog(app, pilot, "settings-passphrase-change")
        _fill(dialog, current="not my passphrase", new=NEW, again=NEW)
        await _go(app, pilot, dialog)
        assert app.screen is dialog
        assert "not your current passphrase" in _message(dialog)
        assert _opens_with(path, PASSPHRASE) and not _opens_with(path, NEW)  # nothing on disk changed
        assert not dialog.query_one("#passphrase-current", Input).disabled  # ready to try again
        _fill(dialog, current=PASSPHRASE)
        await _go(app, pilot, dialog)
        assert isinstance(app.screen, SettingsScreen)
        assert not app.query(RecoveryCodeDialog)  # a change keeps the recovery code: none shown
    store.close()
    assert is_encrypted(path.read_bytes()) and SENTENCE.encode() not in path.read_bytes()
    assert _opens_with(path, NEW) and not _opens_with(path, PASSPHRASE)


async def test_item18_turning_off_asks_once_more_with_focus_on_keeping_it(tmp_path: Path, clock: FakeClock) -> None:
    store = open_store(tmp_path, clock, encrypted=True)
    path = database_path(store)
    app = build_app(store, clock, tmp_path)
    async with app.run_test(size=(100, 40)) as pilot:
        dialog = await _open_dialog(app, pilot, "settings-passphrase-off")
        _fill(dialog, current=PASSPHRASE)
        dialog.query_one("#passphrase-go", Button).press()
        await pilot.pause()
        confirm = app.screen
        assert isinstance(confirm, ConfirmScreen)
        assert app.focused is confirm.query_one("#confirm-no", Button)  # "Keep it on"
        await pilot.press("y", "enter")  # typed ahead, and no letter turns it off
        await pilot.pause()
        clock.advance(1)
        await pilot.press("y")
        await pilot.pause()
        assert app.screen is confirm and is_encrypted(path.read_bytes())
        await pilot.press("tab", "enter")  # a deliberate move to "Turn it off"
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, SettingsScreen)
        assert not app.screen.query_one(PassphraseSection).encrypted
    store.close()
    assert not is_encrypted(path.read_bytes()) and SENTENCE.encode() in path.read_bytes()


async def test_item18_typed_ahead_keys_never_dismiss_the_recovery_code(tmp_path: Path, clock: FakeClock) -> None:
    store = open_store(tmp_path, clock)
    app = build_app(store, clock, tmp_path)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        dialog = RecoveryCodeDialog("ABCD-EFGH-JKMN-PQRS-TVWX-YZ23-4567-89AB")
        app.push_screen(dialog)
        await pilot.pause()
        await pilot.press("enter", "space", "tab", "enter", "y", "d", "escape", "q")  # still typing
        await pilot.pause()
        assert app.screen is dialog
        clock.advance(1)
        for key in ("enter", "escape", "y", "space", "n"):  # well after: no key but the deliberate choice
            await pilot.press(key)
            await pilot.pause()
            assert app.screen is dialog
        assert "Take your time" in str(dialog.query_one("#recovery-hint", Static).render())
    store.close()


async def test_item18_a_full_disk_says_so_and_leaves_the_data_as_it_was(
    tmp_path: Path, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    import errno

    import tui.store.file_storage as file_storage

    store = open_store(tmp_path, clock)
    path = database_path(store)
    app = build_app(store, clock, tmp_path)
    real_write = file_storage.write_private_file

    def full_disk(*args: object, **kwargs: object) -> object:
        raise OSError(errno.ENOSPC, "No space left on device")

    async with app.run_test(size=(100, 40)) as pilot:
        dialog = await _open_dialog(app, pilot, "settings-passphrase-on")
        _fill(dialog, new=NEW, again=NEW)
        monkeypatch.setattr(file_storage, "write_private_file", full_disk)
        await _go(app, pilot, dialog)
        monkeypatch.setattr(file_storage, "write_private_file", real_write)
        assert app.screen is dialog
        assert "full" in _message(dialog).lower() or "space" in _message(dialog).lower()
        assert not app.query(RecoveryCodeDialog)
        assert not is_encrypted(path.read_bytes())
        assert not app.passphrase_in_use()  # the next save is not sealed under a passphrase never confirmed
        app.update_settings(bell=True)
        await pilot.pause()
    store.close()
    assert not is_encrypted(path.read_bytes()) and SENTENCE.encode() in path.read_bytes()
