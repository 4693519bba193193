"""Issue 19 in a Pilot: a conflict copy appears while the app runs; an entry's earlier versions open."""

from __future__ import annotations

import shutil
from dataclasses import replace
from datetime import datetime
from pathlib import Path

from textual.widgets import OptionList, Static

from tui.core.clock import FakeClock
from tui.core.journal import JournalEntry
from tui.store.journal_repository import JournalRepository
from tui.store.store import Store
from tui.ui.app import Launch, create_app
from tui.ui.screens.journal.earlier_versions import EarlierVersionsScreen
from tui.ui.screens.journal.journal_list import JournalListScreen

NOW = datetime(2026, 3, 2, 9, 30).astimezone()


def _edited_on_two_computers(tmp_path: Path) -> tuple[Store, JournalEntry]:
    """This computer's database, and beside it the other computer's conflict copy with a later edit."""
    database = tmp_path / "sync" / "heartwork.json"
    store = Store.open(database)
    entry = JournalEntry.new(NOW, body="Written on the laptop in the morning.")
    store.repo(JournalRepository).save(entry)
    other = Store.open(tmp_path / "desktop" / "heartwork.json")
    later = replace(entry, body="Changed on the desktop in the evening.", updated_at="2026-03-02T20:00:00+00:00")
    other.repo(JournalRepository).save(later)
    other.close()
    shutil.copyfile(
        tmp_path / "desktop" / "heartwork.json",
        database.parent / "heartwork.sync-conflict-20260302-200000-DESKTOP.json",
    )
    return store, entry


async def test_item19_3_a_conflict_copy_that_appears_while_running_is_merged_with_one_calm_line(
    tmp_path: Path, clock: FakeClock
) -> None:
    database = tmp_path / "sync" / "heartwork.json"
    store = Store.open(database)
    app = create_app(store, clock, launch=Launch(section="journal"), themes_dir=tmp_path / "none")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        other = Store.open(tmp_path / "desktop" / "heartwork.json")
        other.repo(JournalRepository).save(JournalEntry.new(NOW, body="From the desktop."))
        other.close()
        copy = database.parent / "heartwork (conflicted copy 2026-03-02).json"
        shutil.copyfile(tmp_path / "desktop" / "heartwork.json", copy)
        app._check_external_changes()  # what the 2-second poll does
        await pilot.pause()
        lines = [str(n.message) for n in app._notifications if n.title == "Synced copies"]
        assert lines == ["Merged a copy from your sync folder: 1 new."]
        assert [e.body for e in store.repo(JournalRepository).all()] == ["From the desktop."]
        assert not copy.exists() and (database.parent / "backups" / copy.name).exists()
    store.close()


async def test_item19_3_earlier_version_of_an_entry_edited_on_both_computers_can_be_opened(
    tmp_path: Path, clock: FakeClock
) -> None:
    first, _ = _edited_on_two_computers(tmp_path)
    first.close()
    store = Store.open(tmp_path / "sync" / "heartwork.json")  # merged at start
    [entry] = store.repo(JournalRepository).all()
    assert entry.body == "Changed on the desktop in the evening."
    app = create_app(store, clock, launch=Launch(section="journal"), themes_dir=tmp_path / "none")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert any("earlier version kept" in str(n.message) for n in app._notifications)
        await pilot.press("ctrl+l")
        await pilot.pause()
        assert isinstance(app.screen, JournalListScreen)
        app.screen.query_one("#list-entries", OptionList).focus()
        await pilot.press("v")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, EarlierVersionsScreen)
        assert screen.query_one("#versions-list", OptionList).option_count == 1
        shown = str(screen.query_one("#versions-text", Static).render())
        assert "Written on the laptop in the morning." in shown
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, JournalListScreen)
    store.close()
