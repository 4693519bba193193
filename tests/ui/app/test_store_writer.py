"""Issue 11 item 3: a write never makes the screen wait for another process's lock, and writes stay in order."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tui.core.clock import FakeClock
from tui.store.database import LOCK_TIMEOUT_SECONDS, lock_path_for
from tui.store.file_lock import make_lock
from tui.store.journal_draft_repository import JournalDraftRepository
from tui.store.journal_repository import JournalRepository
from tui.store.store import Store
from tui.ui.app import Launch, create_app
from tui.ui.screens.journal.journal import JournalScreen


@pytest.fixture
def journal_app(file_store: Store, clock: FakeClock, tmp_path: Path) -> Callable[[], Any]:
    def build() -> Any:
        return create_app(file_store, clock, launch=Launch(section="journal"), themes_dir=tmp_path / "none")

    return build


def other_process_lock(store: Store) -> Any:
    """The database's lock as another process would hold it (its own open file, so flock conflicts)."""
    assert store.path is not None
    return make_lock(str(lock_path_for(store.path)), LOCK_TIMEOUT_SECONDS, 0o600)


async def test_item11_3_a_draft_waits_in_the_writer_thread_while_another_process_holds_the_lock(
    journal_app: Callable[[], Any], file_store: Store, clock: FakeClock
) -> None:
    app = journal_app()
    other = other_process_lock(file_store)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, JournalScreen)
        other.acquire()
        try:
            await pilot.press(*"A quiet morning")
            clock.advance(1.5)  # past the idle wait: the draft is due
            await pilot.pause(0.4)
            assert app.writes.waiting == 1  # handed to the writer thread, not waited for here
            await pilot.press(*" and tea")  # the screen still answers at once
            await pilot.pause()
            assert app.screen.current_entry().body == "A quiet morning and tea"
            assert file_store.repo(JournalDraftRepository).current() is None
        finally:
            other.release()
        await asyncio.to_thread(app.writes.drain, 10)
        await pilot.pause()
        draft = file_store.repo(JournalDraftRepository).current()
        assert draft is not None and draft.entry.body.startswith("A quiet morning")
        assert app.writes.waiting == 0


async def test_item11_3_queued_writes_land_in_order_so_a_saved_entry_leaves_no_stale_draft(
    journal_app: Callable[[], Any], file_store: Store, clock: FakeClock
) -> None:
    app = journal_app()
    other = other_process_lock(file_store)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        other.acquire()
        try:
            await pilot.press(*"Kind words")
            clock.advance(1.5)
            await pilot.pause(0.4)  # the draft is queued first...
            await pilot.press("ctrl+s")  # ...then the entry (which clears the draft)
            await pilot.pause()
            assert app.writes.waiting == 2
        finally:
            other.release()
        await asyncio.to_thread(app.writes.drain, 10)
        await pilot.pause()
        entries = file_store.repo(JournalRepository).all()
        assert [entry.body for entry in entries] == ["Kind words"]
        assert file_store.repo(JournalDraftRepository).current() is None  # the draft did not land after the entry


async def test_item11_3_a_free_lock_saves_at_once_on_the_screen(
    journal_app: Callable[[], Any], file_store: Store, clock: FakeClock
) -> None:
    app = journal_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press(*"Right away", "ctrl+s")
        await pilot.pause()
        assert app.writes.waiting == 0
        assert [entry.body for entry in file_store.repo(JournalRepository).all()] == ["Right away"]
