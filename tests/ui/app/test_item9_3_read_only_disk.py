"""Item 9.3: on a read-only disk every write in the app ends in a calm message, never a crash."""

from __future__ import annotations

import errno
import os
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import OptionList

from tui.core.checkin import Checkin
from tui.core.journal import JournalEntry
from tui.store import file_lock, file_storage
from tui.store.checkin_repository import CheckinRepository
from tui.store.errors import StoreWriteError
from tui.store.journal_draft_repository import JournalDraftRepository
from tui.store.journal_repository import JournalRepository
from tui.store.selfcare_repository import SelfCareRepository
from tui.store.store import Store
from tui.ui.dialogs.confirm import ConfirmScreen
from tui.ui.screens.journal.journal import JournalScreen
from tui.ui.screens.journal.journal_list import JournalListScreen
from tui.ui.screens.mood.checkin import CheckinScreen
from tui.ui.screens.selfcare.selfcare import SelfCareScreen

MakeApp = Callable[..., Any]
NOW = datetime(2026, 3, 2, 9, 0).astimezone()


@pytest.fixture
def store(file_store: Store) -> Store:
    """The app's store is a real file here, so the lock file and the folder matter."""
    file_store.repo(JournalRepository).save(JournalEntry.new(NOW, body="an entry written earlier", title="Earlier"))
    file_store.repo(JournalDraftRepository).keep(JournalEntry.new(NOW, body="an unfinished page"), None)
    file_store.repo(CheckinRepository).save(Checkin(at=NOW, pleasantness=6))
    file_store.repo(SelfCareRepository).ensure_started(NOW)
    return file_store


def _refuse(path: Any, *args: Any, **kwargs: Any) -> Any:
    raise OSError(errno.EROFS, "Read-only file system", str(path))


@pytest.fixture
def read_only(store: Store, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Make the database's folder read-only: with chmod, or (as root, where chmod binds nobody) by refusing."""
    assert store.path is not None
    folder = store.path.parent
    if os.geteuid() == 0:
        monkeypatch.setattr(file_lock.PosixFileLock, "acquire", lambda self: _refuse(self.lock_file))
        monkeypatch.setattr(file_storage, "write_private_file", _refuse)
    else:
        lock = store.path.with_name(store.path.name + ".lock")
        lock.unlink(missing_ok=True)  # so taking the lock needs a new file in the read-only folder
        folder.chmod(0o500)
    try:
        yield
    finally:
        folder.chmod(0o700)


def _calm_error_shown(app: Any) -> bool:
    return any(n.severity == "error" and "Could not save" in str(n.message) for n in app._notifications)


async def test_item9_3_read_only_disk_discard_draft_shows_a_calm_message(
    make_app: MakeApp, store: Store, read_only: None
) -> None:
    app = make_app("journal")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen), "the unfinished page is offered"
        app.screen.dismiss(False)  # do not carry on with it
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        app.screen.dismiss(True)  # discard it
        await pilot.pause()
        assert _calm_error_shown(app)
        assert app.is_running and isinstance(app.screen, JournalScreen)
    assert store.repo(JournalDraftRepository).current() is not None, "nothing was lost"


async def test_item9_3_read_only_disk_delete_entry_shows_a_calm_message(
    make_app: MakeApp, store: Store, read_only: None
) -> None:
    app = make_app("journal")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        if isinstance(app.screen, ConfirmScreen):
            app.screen.dismiss(True)  # carry on with the page
            await pilot.pause()
        app.screen.action_open_list()
        await pilot.pause()
        assert isinstance(app.screen, JournalListScreen)
        app.screen.action_delete_entry()
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        app.screen.dismiss(True)  # delete it
        await pilot.pause()
        assert _calm_error_shown(app)
        assert app.is_running and isinstance(app.screen, JournalListScreen)
    assert store.repo(JournalRepository).count() == 1


async def test_item9_3_read_only_disk_tick_selfcare_shows_a_calm_message(
    make_app: MakeApp, store: Store, read_only: None
) -> None:
    app = make_app("selfcare")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, SelfCareScreen)
        assert app.screen.query_one("#selfcare-list", OptionList).option_count > 0
        await pilot.press("space")
        await pilot.pause()
        assert _calm_error_shown(app)
        assert app.is_running and isinstance(app.screen, SelfCareScreen)


async def test_item9_3_read_only_disk_save_checkin_shows_a_calm_message(
    make_app: MakeApp, store: Store, read_only: None
) -> None:
    app = make_app("mood")
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        await pilot.press("c", "4", "ctrl+s")
        await pilot.pause()
        assert _calm_error_shown(app)
        assert app.is_running and isinstance(app.screen, CheckinScreen), "the form is kept to try again"


def test_item9_3_a_lock_file_that_cannot_be_made_is_a_store_write_error(store: Store, read_only: None) -> None:
    with pytest.raises(StoreWriteError) as raised:
        store.repo(JournalDraftRepository).clear()
    assert "read-only" in str(raised.value) or "not allowed" in str(raised.value)


def test_item9_3_store_errors_are_turned_into_messages_in_one_place() -> None:
    """Screens and the app hand store errors to ``store_write``; none keeps its own copy of the pattern."""
    root = Path(__file__).resolve().parents[3] / "tui" / "ui"
    copies = [
        path.relative_to(root).as_posix()
        for path in sorted(root.rglob("*.py"))
        if path.name not in ("store_errors.py", "store_writer.py")  # the one place, on and off the UI thread
        if "except StoreError" in path.read_text(encoding="utf-8")
    ]
    assert copies == [], copies
