"""Issue 18: the app locks itself after N idle minutes (fake clock), and "Lock now" really locks."""

from __future__ import annotations

from pathlib import Path

import pytest
from encrypted_app import PASSPHRASE, SENTENCE, build_app, database_path, open_store
from textual.widgets import Input, TextArea

from tui.core.clock import FakeClock
from tui.core.settings import Settings
from tui.store import encryption
from tui.store.journal_draft_repository import JournalDraftRepository
from tui.ui.app import HeartworkApp
from tui.ui.screens.journal.journal import JournalScreen
from tui.ui.screens.unlock.unlock import UnlockScreen

MINUTES = 5


pytestmark = pytest.mark.usefixtures("no_keys_in_memory")


def _no_key_in_memory(app: HeartworkApp) -> bool:
    path = database_path(app.store)
    return encryption.envelope_for(path.read_bytes()) is None


def _on_disk(app: HeartworkApp) -> bytes:
    """The database file as plain JSON, opened with the passphrase without leaving the key in memory."""
    from tui.core.encryption_header import decode_header

    path = database_path(app.store)
    payload = path.read_bytes()
    header, header_bytes, _ = decode_header(payload)
    encryption.remember(encryption.unlock(header, header_bytes, PASSPHRASE))
    try:
        return encryption.decrypt(path, payload)
    finally:
        encryption.forget_all()


async def _unlock(app: HeartworkApp, pilot: object, secret: str = PASSPHRASE) -> None:
    field = app.screen.query_one("#unlock-input", Input)
    field.value = secret
    await pilot.press("enter")  # type: ignore[attr-defined]
    await app.workers.wait_for_complete()
    await pilot.pause()  # type: ignore[attr-defined]


async def test_item18_idle_lock_at_n_minutes_not_before_and_a_key_resets_it(tmp_path: Path, clock: FakeClock) -> None:
    store = open_store(tmp_path, clock, encrypted=True, settings=Settings(lock_after_minutes=MINUTES))
    app = build_app(store, clock, tmp_path, section="journal")
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, JournalScreen)
        await pilot.press(*"Dear me")
        clock.advance(MINUTES * 60 - 10)
        await pilot.pause(0.12)  # several idle checks run
        assert isinstance(app.screen, JournalScreen)  # not before N minutes
        await pilot.press("space")  # the person is here: idle time starts again
        clock.advance(MINUTES * 60 - 10)
        await pilot.pause(0.12)
        assert isinstance(app.screen, JournalScreen)
        clock.advance(10)
        await pilot.pause(0.12)
        assert isinstance(app.screen, UnlockScreen)  # N minutes after the last key
        assert _no_key_in_memory(app)
        draft = store.repo(JournalDraftRepository).current()  # saved when it locked (read from memory)
        assert draft is not None and draft.entry.body == "Dear me "
        assert b"Dear me " in _on_disk(app)  # and it reached the disk, encrypted
        await pilot.press("h", "ctrl+p")  # no section key, no palette while locked
        await pilot.pause()
        assert isinstance(app.screen, UnlockScreen) and app.current_mode == "journal"
        await _unlock(app, pilot)
        journal = app.screen
        assert isinstance(journal, JournalScreen)  # back where they were, with the draft intact
        assert journal.query_one("#journal-text", TextArea).text == "Dear me "
        assert not _no_key_in_memory(app)
        await pilot.press(*"again")  # saving works again after unlocking
        app.save_pending()
    store.close()
    path = database_path(store)
    assert SENTENCE.encode() not in path.read_bytes() and b"Dear me" not in path.read_bytes()


async def test_item18_idle_lock_is_off_by_default(tmp_path: Path, clock: FakeClock) -> None:
    store = open_store(tmp_path, clock, encrypted=True)
    assert Settings().lock_after_minutes == 0
    app = build_app(store, clock, tmp_path)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        clock.advance(24 * 3600)
        await pilot.pause(0.12)
        assert not isinstance(app.screen, UnlockScreen)
    store.close()


async def test_item18_lock_now_key_and_palette_lock_and_unlock_returns(tmp_path: Path, clock: FakeClock) -> None:
    store = open_store(tmp_path, clock, encrypted=True)
    app = build_app(store, clock, tmp_path, section="journal")
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        await pilot.press(*"half a thought")
        await pilot.press("ctrl+o")
        await pilot.pause()
        assert isinstance(app.screen, UnlockScreen) and app.is_running
        assert _no_key_in_memory(app)
        draft = store.repo(JournalDraftRepository).current()
        assert draft is not None and draft.entry.body == "half a thought"
        assert b"half a thought" in _on_disk(app)
        await _unlock(app, pilot)
        assert isinstance(app.screen, JournalScreen)
        assert app.screen.query_one("#journal-text", TextArea).text == "half a thought"
        commands = {command.title: command for command in app.get_system_commands(app.screen)}
        commands["Lock now"].callback()
        await pilot.pause()
        assert isinstance(app.screen, UnlockScreen)
        await _unlock(app, pilot)
        assert isinstance(app.screen, JournalScreen)
    store.close()


async def test_item18_no_lock_now_without_a_passphrase(tmp_path: Path, clock: FakeClock) -> None:
    store = open_store(tmp_path, clock)
    app = build_app(store, clock, tmp_path, section="journal")
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        assert "Lock now" not in [command.title for command in app.get_system_commands(app.screen)]
        await pilot.press("ctrl+o")
        await pilot.pause()
        assert isinstance(app.screen, JournalScreen)
    store.close()


async def test_item18_a_playing_practice_is_not_idle(tmp_path: Path, clock: FakeClock) -> None:
    from textual.screen import Screen

    class PlayingScreen(Screen[None]):
        KEEPS_AWAKE = True

    store = open_store(tmp_path, clock, encrypted=True, settings=Settings(lock_after_minutes=MINUTES))
    app = build_app(store, clock, tmp_path)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        app.push_screen(PlayingScreen())
        await pilot.pause()
        clock.advance(MINUTES * 60 * 3)  # a long guided meditation, no keys
        await pilot.pause(0.12)
        assert isinstance(app.screen, PlayingScreen)
        app.pop_screen()
        await pilot.pause()
        clock.advance(MINUTES * 60)  # it ended: now the idle minutes count
        await pilot.pause(0.12)
        assert isinstance(app.screen, UnlockScreen)
    store.close()
