"""Issue 10 item 3 in a Pilot: one key notation, Esc keeps or asks, every delete asks the same way and undoes."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from extras_support import ExtrasHostScreen
from mood_data import add_days_of_checkins
from textual.binding import Binding
from textual.widgets import Input, Markdown, OptionList, Static

from tui.core.breathing import Phase, custom_pattern
from tui.core.clock import FakeClock
from tui.core.journal import JournalEntry
from tui.store.affirmation_repository import AffirmationRepository
from tui.store.breathing_pattern_repository import BreathingPatternRepository
from tui.store.checkin_repository import CheckinRepository
from tui.store.journal_repository import JournalRepository
from tui.store.selfcare_repository import SelfCareRepository
from tui.store.store import Store
from tui.ui.dialogs.confirm import ConfirmScreen
from tui.ui.dialogs.text_entry import TextEntryScreen
from tui.ui.screens.affirm.affirm import AffirmScreen
from tui.ui.screens.breathe.breathe import BreatheScreen
from tui.ui.screens.breathe.breathing_pattern_form import BreathingPatternFormScreen
from tui.ui.screens.help.help import HelpScreen
from tui.ui.screens.journal.journal_list import JournalListScreen
from tui.ui.screens.mood.questionnaire import QuestionnaireScreen

MakeApp = Callable[..., Any]


def question_of(screen: Any) -> str:
    """The question asked; reading it takes the person past the type-ahead guard."""
    assert isinstance(screen, ConfirmScreen)
    screen.app.clock.advance(1)
    return screen.question


async def confirm_yes(pilot: Any) -> None:
    pilot.app.clock.advance(1)  # the person reads the question first (past the type-ahead guard)
    await pilot.click("#confirm-yes")
    await pilot.pause()


# -- one notation ------------------------------------------------------------------


async def test_item10_3_footer_and_help_write_keys_one_way(make_app: MakeApp) -> None:
    app = make_app("journal")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert app.get_key_display(Binding("ctrl+s", "save")) == "Ctrl+S"
        assert app.get_key_display(Binding("escape", "back")) == "Esc"
        assert app.get_key_display(Binding("enter", "go")) == "Enter"
        await pilot.press("escape", "question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        text = app.screen.query_one(Markdown).source
        assert "`Ctrl+S`" in text and "^" not in text


# -- Esc: keep or ask ------------------------------------------------------------------


async def test_item10_3_questionnaire_esc_asks_before_losing_answers(make_app: MakeApp, tmp_path: Path) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await app.push_screen(ExtrasHostScreen(tmp_path))
        await pilot.pause()
        await pilot.press("q")
        await pilot.pause()
        assert isinstance(app.screen, QuestionnaireScreen)
        await pilot.press("3", "escape")
        await pilot.pause()
        assert question_of(app.screen) == "Leave without saving?"
        assert app.screen.focused is not None and app.screen.focused.id == "confirm-no"  # the safe choice
        await pilot.press("enter")  # keeps answering
        await pilot.pause()
        assert isinstance(app.screen, QuestionnaireScreen) and len(app.screen.answers) == 1
        await pilot.press("escape")
        await pilot.pause()
        await confirm_yes(pilot)
        assert isinstance(app.screen, ExtrasHostScreen)
        await pilot.press("q")
        await pilot.pause()
        await pilot.press("escape")  # nothing answered: straight back
        await pilot.pause()
        assert isinstance(app.screen, ExtrasHostScreen)


async def test_item10_3_text_entry_esc_asks_only_when_the_text_changed(make_app: MakeApp) -> None:
    app = make_app("affirm")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("plus")
        await pilot.pause()
        await pilot.press("escape")  # nothing typed
        await pilot.pause()
        assert isinstance(app.screen, AffirmScreen)
        await pilot.press("plus")
        await pilot.pause()
        await pilot.press(*"I am allowed to rest", "escape")
        await pilot.pause()
        assert question_of(app.screen) == "Leave without saving?"
        await pilot.press("escape")  # Esc on the question keeps editing
        await pilot.pause()
        assert isinstance(app.screen, TextEntryScreen)
        assert app.screen.query_one("#entry-text", Input).value == "I am allowed to rest"


async def test_item10_3_pattern_form_esc_asks_when_a_value_changed(make_app: MakeApp) -> None:
    app = make_app("breathe")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, BreathingPatternFormScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, BreatheScreen)  # nothing changed: straight back
        await pilot.press("n")
        await pilot.pause()
        await pilot.press(*"Evening", "escape")
        await pilot.pause()
        assert question_of(app.screen) == "Leave without saving?"
        await confirm_yes(pilot)
        assert isinstance(app.screen, BreatheScreen)


# -- every delete: the same question, and undo right after ------------------------------


async def test_item10_3_checkin_delete_asks_the_shared_question_and_u_undoes(
    make_app: MakeApp, store: Store, clock: FakeClock
) -> None:
    add_days_of_checkins(store, clock.now(), 3)
    repository = store.repo(CheckinRepository)
    count = repository.count()
    newest = repository.latest(1)[0]
    app = make_app("mood")
    async with app.run_test(size=(100, 40)) as pilot:
        app.screen.query_one("#mood-latest", OptionList).focus()
        await pilot.press("d")
        await pilot.pause()
        assert question_of(app.screen) == "Delete this check-in?"
        await confirm_yes(pilot)
        assert repository.get(newest.id) is None
        assert app.screen.overview.total_checkins == count - 1
        await pilot.press("u")
        await pilot.pause()
        assert repository.get(newest.id) == newest
        assert app.screen.overview.total_checkins == count


async def test_item10_3_affirmation_delete_is_undone(make_app: MakeApp, store: Store, clock: FakeClock) -> None:
    repository = store.repo(AffirmationRepository)
    mine = repository.add_own("I can begin again, gently.", at=clock.now())
    app = make_app("affirm")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, AffirmScreen)
        screen.reload(keep_id=mine.id)
        await pilot.press("d")
        await pilot.pause()
        assert question_of(app.screen) == "Delete this affirmation?"
        await confirm_yes(pilot)
        assert repository.own() == []
        await pilot.press("u")
        await pilot.pause()
        assert [a.text for a in repository.own()] == ["I can begin again, gently."]
        assert screen.carousel.current is not None


async def test_item10_3_selfcare_delete_is_undone(make_app: MakeApp, store: Store) -> None:
    app = make_app("selfcare")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        repository = store.repo(SelfCareRepository)
        first = repository.active_items()[0]
        await pilot.press("d")
        await pilot.pause()
        assert question_of(app.screen) == "Delete this routine?"
        await confirm_yes(pilot)
        assert first.id not in [item.id for item in repository.active_items()]
        await pilot.press("u")
        await pilot.pause()
        assert repository.active_items()[0].id == first.id
        assert "of 4 " in str(app.screen.query_one("#selfcare-today", Static).render())


async def test_item10_3_pattern_delete_is_undone_before_u_changes_the_unit(make_app: MakeApp, store: Store) -> None:
    repository = store.repo(BreathingPatternRepository)
    repository.save(custom_pattern("Mine", (Phase("inhale", 3), Phase("exhale", 3)), "m1"))
    app = make_app("breathe")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.screen.query_one("#breathe-patterns", OptionList).highlighted = 4
        await pilot.press("x")
        await pilot.pause()
        assert question_of(app.screen) == "Delete this breathing pattern?"
        await confirm_yes(pilot)
        assert repository.count() == 0
        await pilot.press("u")
        await pilot.pause()
        assert [p.name for p in repository.all()] == ["Mine"]
        assert app.screen.query_one("#breathe-patterns", OptionList).option_count == 5


async def test_item10_3_journal_delete_shares_the_wording_and_u_in_search_types(
    make_app: MakeApp, store: Store, clock: FakeClock
) -> None:
    entry = JournalEntry.new(clock.now(), body="A quiet walk by the water before work, and tea after")
    store.repo(JournalRepository).save(entry)
    app = make_app("journal")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+l")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, JournalListScreen)
        await pilot.press("d")
        await pilot.pause()
        assert question_of(app.screen) == "Delete this journal entry?"
        await confirm_yes(pilot)
        assert store.repo(JournalRepository).get(entry.id) is None
        await pilot.press("slash", "u")  # in the search box, u is a letter
        await pilot.pause()
        assert screen.query_one("#list-search", Input).value == "u"
        assert store.repo(JournalRepository).get(entry.id) is None
        await pilot.press("backspace", "enter", "u")  # back in the list, u undoes
        await pilot.pause()
        assert store.repo(JournalRepository).get(entry.id) is not None


async def test_item10_3_palette_offers_undo_only_right_after_a_delete(
    make_app: MakeApp, store: Store, clock: FakeClock
) -> None:
    repository = store.repo(AffirmationRepository)
    mine = repository.add_own("Small steps count.", at=clock.now())
    app = make_app("affirm")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()

        def titles() -> list[str]:
            return [command.title for command in app.get_system_commands(app.screen)]

        assert "Undo delete" not in titles()
        app.screen.reload(keep_id=mine.id)
        await pilot.press("d")
        await pilot.pause()
        await confirm_yes(pilot)
        (undo,) = [c for c in app.get_system_commands(app.screen) if c.title == "Undo delete"]
        undo.callback()
        await pilot.pause()
        assert [a.id for a in repository.own()] == [mine.id]
        assert "Undo delete" not in titles()
        app.screen.reload(keep_id=mine.id)
        await pilot.press("d")
        await pilot.pause()
        await confirm_yes(pilot)
        clock.advance(61)  # "right after" has passed: u is an ordinary key again
        await pilot.press("u")
        await pilot.pause()
        assert repository.own() == []
