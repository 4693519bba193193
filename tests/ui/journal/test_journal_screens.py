"""The journal in a Pilot: drafts that survive, saving, the list, delete and undo, caps, exercises."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual import events
from textual.widgets import Input, OptionList, TextArea

from tui.core.clock import FakeClock
from tui.core.journal import MAX_ENTRY_CHARS, JournalEntry
from tui.store.affirmation_repository import AffirmationRepository
from tui.store.journal_draft_repository import JournalDraftRepository
from tui.store.journal_repository import JournalRepository
from tui.store.store import Store
from tui.ui.dialogs.confirm import ConfirmScreen
from tui.ui.screens.journal.exercise_inner_critic import InnerCriticScreen
from tui.ui.screens.journal.journal import JournalScreen
from tui.ui.screens.journal.journal_list import JournalListScreen


async def test_typing_autosaves_the_draft_after_a_pause(
    make_app: Callable[..., Any], store: Store, clock: FakeClock
) -> None:
    app = make_app("journal")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, JournalScreen)
        assert isinstance(app.focused, TextArea)  # typing starts at once
        await pilot.press(*"hi 三四")
        assert store.repo(JournalDraftRepository).current() is None  # not yet: still typing
        clock.advance(1.5)
        await pilot.pause(0.4)
        draft = store.repo(JournalDraftRepository).current()
        assert draft is not None and draft.entry.body == "hi 三四" and draft.entry.prompt_text
        assert store.repo(JournalRepository).count() == 0  # a draft is not an entry
        assert "3 words" in str(app.screen.query_one("#journal-status").render())
        await pilot.press("escape")  # step out of the text, then come back with i
        assert app.focused is None
        await pilot.press("i", "!")
        assert app.screen.query_one("#journal-text", TextArea).text == "hi 三四!"


async def test_quit_mid_entry_then_reopen_offers_the_draft_back(make_app: Callable[..., Any], store: Store) -> None:
    app = make_app("journal")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press(*"half")
        await pilot.press("ctrl+q")
    assert store.repo(JournalDraftRepository).current() is not None
    again = make_app("journal")
    async with again.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(again.screen, ConfirmScreen)
        again.clock.advance(1)  # past the type-ahead guard
        await pilot.press("enter")  # "Carry on" is the default
        await pilot.pause()
        assert again.screen.query_one("#journal-text", TextArea).text == "half"
        assert isinstance(again.focused, TextArea)


async def test_discarding_a_draft_asks_twice(make_app: Callable[..., Any], store: Store, clock: FakeClock) -> None:
    store.repo(JournalDraftRepository).keep(JournalEntry.new(clock.now(), body="old words"), None)
    app = make_app("journal")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        clock.advance(1)  # past the type-ahead guard
        await pilot.click("#confirm-no")  # Discard
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        clock.advance(1)
        await pilot.press("enter")  # the default on the second question is "Keep it"
        await pilot.pause()
        assert app.screen.query_one("#journal-text", TextArea).text == "old words"
    assert store.repo(JournalDraftRepository).current() is not None
    app = make_app("journal")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        clock.advance(1)
        await pilot.click("#confirm-no")
        await pilot.pause()
        clock.advance(1)
        await pilot.click("#confirm-yes")  # "Discard it"
        await pilot.pause()
        assert app.screen.query_one("#journal-text", TextArea).text == ""
    assert store.repo(JournalDraftRepository).current() is None


async def test_leaving_the_section_keeps_the_draft(make_app: Callable[..., Any], store: Store) -> None:
    app = make_app("journal")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press(*"walk")
        await pilot.press("escape", "h")
        await pilot.pause()
        assert app.current_mode == "home"
        draft = store.repo(JournalDraftRepository).current()
        assert draft is not None and draft.entry.body == "walk"


async def test_save_with_title_date_and_tags_clears_the_draft(
    make_app: Callable[..., Any], store: Store, clock: FakeClock
) -> None:
    store.repo(JournalRepository).save(JournalEntry.new(clock.now(), body="earlier", tags=["family"]))
    app = make_app("journal")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+s")  # empty: nothing saved
        assert store.repo(JournalRepository).count() == 1
        await pilot.press(*"Back")
        await pilot.click("#journal-title")
        await pilot.press(*"T")
        date_input = app.screen.query_one("#journal-date", Input)
        date_input.value = "2026-02-30"
        await pilot.pause()
        assert "not a day" in str(app.screen.query_one("#journal-date-message").render())
        await pilot.press("ctrl+s")
        assert store.repo(JournalRepository).count() == 1  # refused: bad date
        date_input.value = "2026-02-14"
        await pilot.click("#journal-tags")
        await pilot.press(*"fa")
        await pilot.pause()
        await pilot.press("right")  # accept the completion from earlier tags
        await pilot.press(*",calm")
        await pilot.press("ctrl+s")
        await pilot.pause()
    saved = [e for e in store.repo(JournalRepository).all() if e.body == "Back"]
    assert len(saved) == 1
    assert saved[0].title == "T" and saved[0].entry_date == "2026-02-14" and saved[0].tags == ["family", "calm"]
    assert saved[0].prompt_id and saved[0].prompt_text
    assert store.repo(JournalDraftRepository).current() is None


async def test_paste_over_the_cap_is_refused_and_text_kept(make_app: Callable[..., Any], store: Store) -> None:
    app = make_app("journal")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press(*"keep")
        area = app.screen.query_one("#journal-text", TextArea)
        app.post_message(events.Paste("x" * MAX_ENTRY_CHARS))
        await pilot.pause()
        assert area.text == "keep"
        assert any("limit" in n.message for n in app._notifications)
        app.post_message(events.Paste(" and this"))
        await pilot.pause()
        assert area.text == "keep and this"


def _seed(store: Store, clock: FakeClock) -> list[JournalEntry]:
    entries = []
    for day, body, tags in (
        ("2026-01-10", "A long walk by the river with Zoë", ["outside"]),
        ("2026-02-03", "Work felt heavy today", ["work"]),
        ("2026-03-01", "Tea with a friend, CAFÉ by the park", ["friends"]),
    ):
        entry = JournalEntry.new(clock.now(), body=body, tags=tags)
        entry.entry_date = day
        entries.append(entry)
    store.repo(JournalRepository).save_many(entries)
    return entries


async def test_list_search_filters_and_highlights(make_app: Callable[..., Any], store: Store, clock: FakeClock) -> None:
    _seed(store, clock)
    app = make_app("journal")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+l")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, JournalListScreen)
        assert [s.entry_date for s in screen.shown] == ["2026-03-01", "2026-02-03", "2026-01-10"]
        options = screen.query_one("#list-entries", OptionList)
        assert options.option_count == 6  # three month headers, three entries
        await pilot.press("slash", *"cafe")
        await pilot.pause()
        assert len(screen.shown) == 1 and screen.shown[0].tags == ("friends",)
        prompt = options.get_option_at_index(1).prompt
        highlighted = [prompt.plain[span.start : span.end] for span in prompt.spans if "reverse" in str(span.style)]
        assert highlighted == ["CAFÉ"]
        screen.query_one("#list-search", Input).value = "ZOE"
        await pilot.pause()
        assert len(screen.shown) == 1 and screen.shown[0].tags == ("outside",)
        screen.query_one("#list-search", Input).value = ""
        screen.query_one("#list-from", Input).value = "2026-02-01"
        await pilot.pause()
        assert [s.entry_date for s in screen.shown] == ["2026-03-01", "2026-02-03"]
        screen.query_one("#list-tag").value = "work"
        await pilot.pause()
        assert [s.entry_date for s in screen.shown] == ["2026-02-03"]


async def test_delete_with_confirmation_then_undo(make_app: Callable[..., Any], store: Store, clock: FakeClock) -> None:
    _seed(store, clock)
    app = make_app("journal")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+l")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, JournalListScreen)
        newest = screen.shown[0]
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        clock.advance(1)  # past the type-ahead guard
        await pilot.press("enter")  # the default answer is "Keep it"
        await pilot.pause()
        assert store.repo(JournalRepository).count() == 3
        await pilot.press("d")
        await pilot.pause()
        clock.advance(1)
        await pilot.click("#confirm-yes")
        await pilot.pause()
        assert store.repo(JournalRepository).get(newest.id) is None
        assert [s.id for s in screen.shown if s.id == newest.id] == []
        await pilot.press("u")
        await pilot.pause()
        restored = store.repo(JournalRepository).get(newest.id)
        assert restored is not None and restored.body == "Tea with a friend, CAFÉ by the park"
        assert screen.shown[0].id == newest.id


async def test_open_an_entry_from_the_list_to_edit(
    make_app: Callable[..., Any], store: Store, clock: FakeClock
) -> None:
    entries = _seed(store, clock)
    app = make_app("journal")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+l")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, JournalScreen)
        area = app.screen.query_one("#journal-text", TextArea)
        assert area.text == entries[2].body
        await pilot.press(*"!")
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert store.repo(JournalRepository).count() == 3
    edited = store.repo(JournalRepository).get(entries[2].id)
    assert edited is not None and edited.body.endswith("park!") and edited.entry_date == "2026-03-01"


async def test_inner_critic_saves_an_entry_and_keeps_the_reframe(make_app: Callable[..., Any], store: Store) -> None:
    app = make_app("journal")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("f2")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, InnerCriticScreen)
        await pilot.press(*"bad")
        screen.query_one("#field-belief-before", Input).value = "180"
        await pilot.pause()
        assert "100" in str(screen.query_one("#problem-belief-before").render())
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert store.repo(JournalRepository).count() == 0 and isinstance(app.screen, InnerCriticScreen)
        screen.query_one("#field-belief-before", Input).value = "85"
        screen.query_one("#field-kind-reframe", TextArea).load_text("I got a lot right, and I am learning.")
        screen.query_one("#field-belief-after", Input).value = "40"
        await pilot.pause()
        await pilot.press("ctrl+g")
        await pilot.press("ctrl+g")  # a second press does not add it twice
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, JournalScreen)
    [entry] = store.repo(JournalRepository).all()
    assert entry.kind == "inner-critic" and entry.fields["belief-before"] == 85 and entry.fields["belief-after"] == 40
    assert "bad" in entry.body
    [affirmation] = store.repo(AffirmationRepository).all()
    assert affirmation.text == "I got a lot right, and I am learning." and affirmation.source == "reframe"


async def test_exercise_answers_are_kept_when_leaving(make_app: Callable[..., Any], store: Store) -> None:
    app = make_app("journal")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("f4")
        await pilot.pause()
        await pilot.press(*"Dear")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, JournalScreen)
        await pilot.press("f4")
        await pilot.pause()
        assert app.screen.query_one("#field-letter", TextArea).text == "Dear"
        await pilot.press("ctrl+s")
        await pilot.pause()
    [entry] = store.repo(JournalRepository).all()
    assert entry.kind == "kind-letter" and entry.body == "Dear"
    assert store.repo(JournalDraftRepository).current("kind-letter") is None


def test_highlight_window_finds_a_match_deep_in_a_long_entry() -> None:
    from tui.core.journal_search import fold, match_spans
    from tui.ui.screens.journal.journal_list import _window_around_match

    body = "Straße café " * 2000 + "the hidden Zoë line" + " more" * 500
    window = _window_around_match(body, fold("T\n" + body), "T", "zoe")
    assert len(window) < 1000
    assert [window[s:e] for s, e in match_spans(window, "zoe")] == ["Zoë"]


async def test_item9_13_the_journal_screen_refuses_more_tags_than_the_shared_limit(
    make_app: Callable[..., Any], store: Store
) -> None:
    from tui.core.journal import MAX_TAGS

    app = make_app("journal")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press(*"Words")
        app.screen.query_one("#journal-tags", Input).value = ",".join(f"t{n}" for n in range(MAX_TAGS + 1))
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert store.repo(JournalRepository).count() == 0
        assert any(f"the limit is {MAX_TAGS} tags" in n.message for n in app._notifications)
        app.screen.query_one("#journal-tags", Input).value = ",".join(f"t{n}" for n in range(MAX_TAGS))
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert store.repo(JournalRepository).count() == 1


async def test_item12_3_search_as_typed_finds_what_a_fresh_search_finds(
    make_app: Callable[..., Any], store: Store, clock: FakeClock
) -> None:
    """Each keystroke may look only through the last results: typing, deleting and new entries all stay right."""
    _seed(store, clock)
    app = make_app("journal")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+l")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, JournalListScreen)
        search = screen.query_one("#list-search", Input)
        found: dict[str, list[str]] = {}
        for typed in ("w", "wo", "wor", "wo", "w", "a w", "a wa", ""):
            search.value = typed
            await pilot.pause()
            found[typed] = [s.entry_date for s in screen.shown]
        assert found == {
            "w": ["2026-03-01", "2026-02-03", "2026-01-10"],
            "wo": ["2026-02-03"],
            "wor": ["2026-02-03"],
            "a w": ["2026-03-01", "2026-02-03", "2026-01-10"],
            "a wa": ["2026-01-10"],
            "": ["2026-03-01", "2026-02-03", "2026-01-10"],
        }
        search.value = "wor"
        await pilot.pause()
        entry = JournalEntry.new(clock.now(), body="Worn out, and that is allowed")
        entry.entry_date = "2026-03-05"
        store.repo(JournalRepository).save(entry)
        screen.refresh_list()
        search.value = "worn"
        await pilot.pause()
        assert [s.entry_date for s in screen.shown] == ["2026-03-05"]  # new data: searched afresh, not narrowed
