"""Issue 14, Pilot: add, edit, delete + undo, favourite, hide/unhide, said it, auto-advance, the reframe link, Home."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.widgets import Input, Static, TextArea

from tui.core.affirmations import HIDDEN, MINE
from tui.core.clock import FakeClock
from tui.store.affirmation_library import affirmation_library
from tui.store.affirmation_practice_repository import AffirmationPracticeRepository
from tui.store.affirmation_repository import AffirmationRepository
from tui.store.journal_repository import JournalRepository
from tui.store.store import Store
from tui.ui.screens.affirm.affirm import AffirmScreen
from tui.ui.screens.journal.exercise_inner_critic import InnerCriticScreen
from tui.ui.widgets.affirmation_card import AffirmationCard

MakeApp = Callable[..., Any]


def meta(screen: Any) -> str:
    return str(screen.query_one("#affirm-meta", Static).render())


async def test_item14_add_edit_delete_and_undo_own(make_app: MakeApp, store: Store) -> None:
    app = make_app("affirm")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        await pilot.press("plus")
        await pilot.pause()
        await pilot.press(*"I am allowed to go gently.", "enter")
        await pilot.pause()
        assert screen.carousel.current.text == "I am allowed to go gently." and "yours" in meta(screen)
        await pilot.press("e")
        await pilot.pause()
        app.screen.query_one("#entry-text", Input).value = "I am allowed to go gently, today too."
        await pilot.press("enter")
        await pilot.pause()
        [mine] = store.repo(AffirmationRepository).own()
        assert mine.text == "I am allowed to go gently, today too."
        await pilot.press("d")
        await pilot.pause()
        app.clock.advance(1)
        await pilot.click("#confirm-yes")
        await pilot.pause()
        assert store.repo(AffirmationRepository).own() == []
        await pilot.press("u")  # undo, right after
        await pilot.pause()
        assert [a.text for a in store.repo(AffirmationRepository).own()] == [mine.text]


async def test_item14_too_long_text_is_refused_naming_the_limit(make_app: MakeApp, store: Store) -> None:
    app = make_app("affirm")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("plus")
        await pilot.pause()
        app.screen.query_one("#entry-text", Input).value = "a" * 501
        await pilot.press("enter")
        await pilot.pause()
        assert "up to 500 characters" in str(app.screen.query_one("#entry-message", Static).render())
        assert store.repo(AffirmationRepository).own() == []


async def test_item14_favourite_and_hide_unhide_a_built_in(make_app: MakeApp, store: Store) -> None:
    app = make_app("affirm")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        first = screen.carousel.current
        assert first.source == "built-in"
        await pilot.press("f")
        await pilot.pause()
        assert "★ favourite" in meta(screen) and "built-in" in meta(screen)
        await pilot.press("x")
        await pilot.pause()
        assert first.id not in [a.id for a in screen.carousel.shown]
        screen.carousel.filter_name = HIDDEN
        screen.show_current()
        assert [a.id for a in screen.carousel.shown] == [first.id]
        await pilot.press("x")  # unhide
        await pilot.pause()
        assert not [a for a in affirmation_library(store) if a.hidden]


async def test_item14_said_it_counts_per_day(make_app: MakeApp, store: Store, clock: FakeClock) -> None:
    app = make_app("affirm")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("enter", "enter")
        await pilot.pause()
        practice = str(app.screen.query_one("#affirm-practice", Static).render())
        assert practice == "Said 2 times today. 1 day this week had a practice."
    assert store.repo(AffirmationPracticeRepository).counts() == {clock.now().date().isoformat(): 2}


async def test_item14_auto_advance_uses_the_clock_and_any_key_pauses(
    make_app: MakeApp, store: Store, clock: FakeClock
) -> None:
    app = make_app("affirm")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.update_settings(affirm_advance_seconds=10)
        screen: AffirmScreen = app.screen
        await pilot.press("space")  # play
        start = screen.carousel.index
        screen.auto_tick()
        assert screen.carousel.index == start  # no time has passed: ticks alone never move it
        clock.advance(9)
        screen.auto_tick()
        assert screen.carousel.index == start
        clock.advance(1)
        screen.auto_tick()
        assert screen.carousel.index == start + 1
        await pilot.press("f")  # any key pauses
        clock.advance(60)
        screen.auto_tick()
        assert screen.carousel.index == start + 1 and not screen.auto_running


async def test_item14_auto_advance_is_off_by_default(make_app: MakeApp, clock: FakeClock) -> None:
    app = make_app("affirm")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen: AffirmScreen = app.screen
        start = screen.carousel.index
        clock.advance(600)
        screen.auto_tick()
        assert screen.carousel.index == start and not screen.auto_running


async def test_item14_reframe_arrives_from_your_journal_and_links_back(make_app: MakeApp, store: Store) -> None:
    app = make_app("journal")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        app.push_screen(InnerCriticScreen())
        await pilot.pause()
        form = app.screen
        form.query_one("#field-kind-reframe", TextArea).load_text("I got a lot right, and I am learning.")
        await pilot.pause()
        await pilot.press("ctrl+g")
        await pilot.pause()
        [entry] = store.repo(JournalRepository).all()
        [kept] = store.repo(AffirmationRepository).own()
        assert kept.source == "reframe" and kept.entry_id == entry.id
        await pilot.press("ctrl+s")  # saving again updates the same entry
        await pilot.pause()
        assert [e.id for e in store.repo(JournalRepository).all()] == [entry.id]
        await app.switch_mode("affirm")
        await pilot.pause()
        screen: AffirmScreen = app.screen
        screen.carousel.filter_name = MINE
        screen.show_current()
        assert "from your journal" in meta(screen) and "o opens the entry" in meta(screen)
        await pilot.press("o")
        await pilot.pause()
        assert isinstance(app.screen, InnerCriticScreen) and app.screen.entry.id == entry.id


async def test_item14_home_shows_the_affirmation_of_the_day_and_t_opens_it(make_app: MakeApp, store: Store) -> None:
    store.repo(AffirmationRepository).add_own("Only mine, today.", "rest")
    app = make_app("home")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        line = str(app.screen.query_one("#home-affirmation", Static).render())
        chosen = app.screen._affirmation_id
        [text] = [a.text for a in affirmation_library(store) if a.id == chosen]
        assert text in line and "(t opens it)" in line
        await pilot.press("t")
        await pilot.pause()
        assert isinstance(app.screen, AffirmScreen) and app.screen.carousel.current.id == chosen


async def test_item14_long_text_is_never_cut_off(make_app: MakeApp, store: Store) -> None:
    words = ("I am learning to be patient with myself " * 13)[:500]
    mine = store.repo(AffirmationRepository).add_own(words, "growth")
    for size in [(60, 20), (80, 24), (120, 40), (250, 80)]:
        app = make_app("affirm")
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            screen: AffirmScreen = app.screen
            screen.show_affirmation(mine.id)
            await pilot.pause()
            card = screen.query_one(AffirmationCard)
            assert not card.uses_figlet
            for widget_id in ("#affirm-card", "#affirm-meta", "#affirm-filter", "#affirm-practice"):
                region = screen.query_one(widget_id).region
                assert region.y >= 1 and region.bottom <= size[1] - 1, (size, widget_id, region)
                assert region.x >= 0 and region.right <= size[0], (size, widget_id, region)
            lines = screen.query_one("#affirm-card").render_lines(screen.query_one("#affirm-card").region.reset_offset)
            shown = " ".join("".join(seg.text for seg in line).strip() for line in lines)
            assert " ".join(shown.split()) == " ".join(words.split()), size


async def test_item14_short_text_is_large_figlet_that_fits(make_app: MakeApp, store: Store) -> None:
    mine = store.repo(AffirmationRepository).add_own("I am enough.", "worth")
    for size in [(60, 20), (80, 24), (200, 50), (250, 80)]:
        app = make_app("affirm")
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            screen: AffirmScreen = app.screen
            screen.show_affirmation(mine.id)
            await pilot.pause()
            assert screen.query_one(AffirmationCard).uses_figlet, size
            big = screen.query_one("#affirm-big")
            assert big.region.y >= 1 and big.region.bottom <= size[1] - 1, size
            art = str(big.render())
            assert max(len(line) for line in art.splitlines()) <= big.region.width, size
            meta_region = screen.query_one("#affirm-meta").region
            assert meta_region.bottom <= size[1] - 1, size


async def test_item14_home_menu_stays_in_view_with_a_long_affirmation_of_the_day(
    make_app: MakeApp, store: Store, clock: FakeClock
) -> None:
    from layout_checks import outside_view

    from tui.store.affirmation_library import set_hidden

    mine = store.repo(AffirmationRepository).add_own(("I can be kind to myself in small ways " * 14)[:500], "worth")
    store.repo(AffirmationRepository).set_favourite(mine.id, True)
    for affirmation in affirmation_library(store):
        if not affirmation.is_own:
            set_hidden(store, affirmation, True)  # so the long one is the day's choice
    for size in [(80, 24), (100, 30)]:
        app = make_app("home")
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            await pilot.pause()
            assert outside_view(app.screen.query_one("#home-sections")) is None, size
            line = str(app.screen.query_one("#home-affirmation", Static).render())
            assert line.startswith("“I can be kind") and len(line) <= 130 and "(t opens it)" in line
