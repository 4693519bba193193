"""Issue 10 item 8 in a Pilot: screenshots, check-in seconds, kind session totals, dates, keys in the journal list."""

from __future__ import annotations

import stat
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Input, OptionList, Static

from tui.core.checkin import make_checkin
from tui.core.clock import FakeClock
from tui.core.journal import JournalEntry
from tui.store.affirmation_repository import AffirmationRepository
from tui.store.checkin_repository import CheckinRepository
from tui.store.journal_repository import JournalRepository
from tui.store.store import Store
from tui.ui.dialogs.confirm import ConfirmScreen
from tui.ui.dialogs.text_entry import TextEntryScreen
from tui.ui.screens.breathe.breathing_session import BreathingSessionScreen
from tui.ui.screens.journal.journal_list import JournalListScreen
from tui.ui.screens.mood.checkin import CheckinScreen

MakeApp = Callable[..., Any]


def text_of(screen: Any, widget_id: str) -> str:
    return str(screen.query_one(f"#{widget_id}", Static).render())


async def test_item10_8_screenshot_is_saved_privately_and_says_where(
    make_app: MakeApp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        (command,) = [c for c in app.get_system_commands(app.screen) if c.title == "Screenshot"]
        command.callback()
        await pilot.pause(0.3)
        (saved,) = (tmp_path / "xdg" / "heartwork" / "screenshots").glob("*.svg")
        assert stat.S_IMODE(saved.stat().st_mode) == 0o600
        assert stat.S_IMODE(saved.parent.stat().st_mode) == 0o700
        assert stat.S_IMODE(saved.parent.parent.stat().st_mode) == 0o700
        assert saved.read_text(encoding="utf-8").lstrip().startswith("<svg")
        assert any(str(saved) in str(note.message) for note in app._notifications)


async def test_item10_8_editing_a_checkin_keeps_its_seconds(make_app: MakeApp, store: Store, clock: FakeClock) -> None:
    at = datetime(2026, 3, 1, 20, 15, 42).astimezone()
    original = make_checkin(pleasantness=6, now=clock.now(), at=at, note="tea")
    repository = store.repo(CheckinRepository)
    repository.save(original)
    app = make_app("mood")
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        app.push_screen(CheckinScreen(original))
        await pilot.pause()
        await pilot.press("8", "ctrl+s")
        await pilot.pause()
        edited = repository.get(original.id)
        assert edited is not None and edited.pleasantness == 8 and edited.at == at  # 20:15:42, seconds kept
        app.push_screen(CheckinScreen(edited))
        await pilot.pause()
        app.screen.query_one("#checkin-at", Input).value = "2026-03-01 19:00"
        await pilot.press("ctrl+s")
        await pilot.pause()
        moved = repository.get(original.id)
        assert moved is not None and (moved.at.hour, moved.at.minute, moved.at.second) == (19, 0, 0)


async def test_item10_8_a_session_stopped_before_one_cycle_says_seconds_kindly(
    make_app: MakeApp, clock: FakeClock
) -> None:
    app = make_app("breathe", pattern="box", cycles=1)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        session = app.screen
        assert isinstance(session, BreathingSessionScreen)
        await pilot.press("enter")  # no feeling before
        for seconds in (3.0, 5.0, 5.0, 5.0):  # get ready, then 15 of the 16 seconds
            clock.advance(seconds)
            session.refresh_state()
            await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("enter")  # no feeling after
        await pilot.pause()
        saved = text_of(session, "session-saved")
        assert "15 of 16 seconds breathed" in saved
        assert "0 of 1" not in saved


async def test_item10_8_journal_list_date_filter_says_the_date_does_not_exist(
    make_app: MakeApp, store: Store, clock: FakeClock
) -> None:
    store.repo(JournalRepository).save(JournalEntry.new(clock.now(), body="A walk"))
    app = make_app("journal")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+l")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, JournalListScreen)
        screen.query_one("#list-from", Input).value = "2026-13-45"
        await pilot.pause()
        summary = text_of(screen, "list-summary")
        assert "not a day on the calendar: there is no month 13" in summary
        assert "needs YYYY-MM-DD" not in summary
        screen.query_one("#list-from", Input).value = "1850-01-01"
        await pilot.pause()
        assert "before 1900" in text_of(screen, "list-summary")


async def test_item10_8_down_from_the_search_box_moves_into_the_list(
    make_app: MakeApp, store: Store, clock: FakeClock
) -> None:
    store.repo(JournalRepository).save(JournalEntry.new(clock.now(), body="A walk by the river"))
    app = make_app("journal")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+l")
        await pilot.pause()
        screen = app.screen
        await pilot.press("slash", *"walk")
        assert screen.focused is screen.query_one("#list-search", Input)
        await pilot.press("down")
        await pilot.pause()
        assert screen.focused is screen.query_one("#list-entries", OptionList)


async def test_item10_8_editing_an_affirmation_does_not_replace_its_text(
    make_app: MakeApp, store: Store, clock: FakeClock
) -> None:
    mine = store.repo(AffirmationRepository).add_own("I am doing my best", at=clock.now())
    app = make_app("affirm")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.screen.reload(keep_id=mine.id)
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, TextEntryScreen)
        await pilot.press(*" today")
        assert app.screen.query_one("#entry-text", Input).value == "I am doing my best today"


async def test_item10_8_the_delete_question_cuts_an_entry_at_a_word(
    make_app: MakeApp, store: Store, clock: FakeClock
) -> None:
    body = "Walked along the canal this morning and noticed the herons standing perfectly still in the reeds"
    store.repo(JournalRepository).save(JournalEntry.new(clock.now(), body=body))
    app = make_app("journal")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+l")
        await pilot.pause()
        await pilot.press("d")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ConfirmScreen)
        quoted = dialog.detail.splitlines()[0].strip("“”")
        assert quoted.endswith("…")
        kept = quoted[:-1]
        assert body.startswith(kept) and body[len(kept)] == " "  # cut between words


async def test_item10_8_the_checkin_form_refuses_a_day_before_1900(make_app: MakeApp, store: Store) -> None:
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        await pilot.press("c")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, CheckinScreen)
        await pilot.press("7")
        form.query_one("#checkin-at", Input).value = "1850-01-01 10:00"
        await pilot.pause()
        assert "before 1900" in text_of(form, "checkin-at-message")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert store.repo(CheckinRepository).count() == 0
