"""A draft is never lost: typed-ahead keys never answer, what is discarded can come back, drafts stay fresh."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.widgets import Button, OptionList, TextArea

from tui.core.clock import FakeClock
from tui.core.journal import JournalEntry
from tui.store.journal_draft_repository import JournalDraftRepository
from tui.store.journal_repository import JournalRepository
from tui.store.recently_deleted_repository import RecentlyDeletedRepository
from tui.store.store import Store
from tui.ui.dialogs.confirm import ConfirmScreen
from tui.ui.screens.journal.journal import JournalScreen
from tui.ui.screens.journal.journal_drafts import DRAFT_PROMISE_SECONDS
from tui.ui.screens.journal.journal_list import JournalListScreen
from tui.ui.screens.journal.recently_deleted import RecentlyDeletedScreen


async def test_item9_1_typing_anyway_into_the_unfinished_entry_question_keeps_the_draft(
    make_app: Callable[..., Any], store: Store, clock: FakeClock
) -> None:
    store.repo(JournalDraftRepository).keep(JournalEntry.new(clock.now(), body="a whole page"), None)
    app = make_app("journal")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        offer = app.screen
        assert isinstance(offer, ConfirmScreen)
        assert app.focused is offer.query_one("#confirm-yes", Button)  # focus starts on "Carry on"
        await pilot.press(*"Anyway", "enter")  # typed ahead, in the first moment: not answers
        await pilot.pause()
        assert app.screen is offer
        clock.advance(1)  # well after it appeared, a letter still never discards
        await pilot.press("n")
        await pilot.pause()
        assert app.screen is offer
        assert "(n)" not in str(offer.query_one("#confirm-no", Button).label)  # Discard shows no letter
        await pilot.press("escape")  # Escape is the safe answer: carry on
        await pilot.pause()
        assert isinstance(app.screen, JournalScreen)
        assert app.screen.query_one("#journal-text", TextArea).text == "a whole page"
    assert store.repo(JournalDraftRepository).current() is not None


async def test_item9_1_a_discarded_draft_waits_in_recently_deleted_and_comes_back(
    make_app: Callable[..., Any], store: Store, clock: FakeClock
) -> None:
    store.repo(JournalDraftRepository).keep(JournalEntry.new(clock.now(), body="set aside, not lost"), None)
    app = make_app("journal")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        clock.advance(1)
        await pilot.press("tab", "enter")  # a deliberate move to "Discard", then Enter
        await pilot.pause()
        second = app.screen
        assert isinstance(second, ConfirmScreen)
        assert app.focused is second.query_one("#confirm-no", Button)  # "Keep it" first
        clock.advance(1)
        await pilot.press("y")  # no letter answers it
        assert app.screen is second
        await pilot.press("tab", "enter")
        await pilot.pause()
        assert store.repo(JournalDraftRepository).current() is None
        (kept,) = store.repo(RecentlyDeletedRepository).listed(clock.now())
        assert kept.entry is not None and kept.entry.body == "set aside, not lost"
        await pilot.press("ctrl+l")
        await pilot.pause()
        assert isinstance(app.screen, JournalListScreen)
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, RecentlyDeletedScreen)
        assert app.screen.query_one("#deleted-items", OptionList).option_count == 1
        await pilot.press("enter")  # bring it back
        await pilot.pause()
        (entry,) = store.repo(JournalRepository).all()
        assert entry.body == "set aside, not lost"
        assert store.repo(RecentlyDeletedRepository).listed(clock.now()) == []


async def test_item9_1_removing_for_good_asks_and_needs_a_deliberate_key(
    make_app: Callable[..., Any], store: Store, clock: FakeClock
) -> None:
    entries = store.repo(JournalRepository)
    entry = JournalEntry.new(clock.now(), body="let this one go")
    entries.save(entry)
    app = make_app("journal")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+l")
        await pilot.pause()
        await pilot.press("d")
        clock.advance(1)
        await pilot.press("tab", "enter")
        await pilot.pause()
        assert entries.get(entry.id) is None
        app.action_recently_deleted()  # also in the command palette
        await pilot.pause()
        assert isinstance(app.screen, RecentlyDeletedScreen)
        await pilot.press("d")
        await pilot.pause()
        clock.advance(1)
        await pilot.press("enter")  # Enter on the focused "Keep it"
        await pilot.pause()
        assert len(store.repo(RecentlyDeletedRepository).listed(clock.now())) == 1
        await pilot.press("d")
        clock.advance(1)
        await pilot.press("tab", "enter")
        await pilot.pause()
        assert store.repo(RecentlyDeletedRepository).listed(clock.now()) == []
    assert "let this one go" not in str(store.database.snapshot())


async def test_item9_1_recently_deleted_is_in_the_command_palette(make_app: Callable[..., Any]) -> None:
    app = make_app("journal")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        titles = [command.title for command in app.get_system_commands(app.screen)]
        assert "Recently deleted" in titles


async def test_item9_6_continuous_typing_keeps_the_draft_at_most_two_seconds_behind(
    make_app: Callable[..., Any], store: Store, clock: FakeClock
) -> None:
    app = make_app("journal")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, JournalScreen)
        screen._autosave_timer.pause()  # type: ignore[union-attr]  # ticks are driven by hand, with the fake clock
        typed: list[tuple[float, str]] = []
        step = 0.25
        for index in range(int(6.0 / step)):  # six seconds of steady typing, a key every quarter second
            await pilot.press("abcdefghij"[index % 10])
            typed.append((clock.monotonic(), screen._body))
            clock.advance(step)
            screen._autosave_tick()
            draft = store.repo(JournalDraftRepository).current()
            on_disk = draft.entry.body if draft is not None else ""
            for moment, text in typed:
                if clock.monotonic() - moment > DRAFT_PROMISE_SECONDS:
                    assert on_disk.startswith(text), (
                        f"the draft is more than 2 s behind at {clock.monotonic() - 1000:.2f} s"
                    )


async def test_item9_14_a_save_that_works_on_retry_leaves_no_draft_to_offer(
    make_app: Callable[..., Any], clock: FakeClock, file_store: Store, monkeypatch: Any, tmp_path: Any
) -> None:
    import errno

    from tui.store import file_storage
    from tui.ui.app import Launch, create_app

    app = create_app(file_store, clock, launch=Launch(section="journal", options={}), themes_dir=tmp_path / "none")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press(*"kept once")
        clock.advance(2)
        app.screen.save_draft()  # type: ignore[attr-defined]
        assert file_store.repo(JournalDraftRepository).current() is not None
        real = file_storage.write_private_file

        def full_disk(*args: object, **kwargs: object) -> object:
            raise OSError(errno.ENOSPC, "No space left on device")

        monkeypatch.setattr(file_storage, "write_private_file", full_disk)
        await pilot.press("ctrl+s")
        await pilot.pause()
        monkeypatch.setattr(file_storage, "write_private_file", real)
        app.action_retry_save()  # the palette's "Retry saving"
        await pilot.pause()
    path = file_store.path
    file_store.close()
    reopened = Store.open(path)  # type: ignore[arg-type]
    try:
        assert [entry.body for entry in reopened.repo(JournalRepository).all()] == ["kept once"]
        assert reopened.repo(JournalDraftRepository).current() is None
    finally:
        reopened.close()
