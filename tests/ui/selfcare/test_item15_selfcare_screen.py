"""Issue 15, on the Self-care screen: add, reorder, toggle, partly, rest, back-dating, archive and restore."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

from textual.widgets import Input, OptionList, Select, Static

from tui.core.selfcare_schedule import on_weekdays
from tui.store.selfcare_need_repository import SelfCareNeedRepository
from tui.store.selfcare_repository import SelfCareRepository, SelfCareTickRepository
from tui.store.store import Store
from tui.ui.screens.selfcare.routine_form import RoutineFormScreen
from tui.ui.screens.selfcare.selfcare_suggestion import SelfCareSuggestionScreen

TODAY = date(2026, 3, 2)  # the fake clock's Monday


def states(store: Store) -> dict[tuple[str, str], str]:
    names = {item.id: item.text for item in store.repo(SelfCareRepository).all()}
    return {(names[t.item_id], t.day): t.state for t in store.repo(SelfCareTickRepository).all()}


def listed(app: Any) -> list[str]:
    option_list = app.screen.query_one("#selfcare-list", OptionList)
    return [str(option_list.get_option_at_index(i).prompt) for i in range(option_list.option_count)]


def text(app: Any, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


async def test_item15_add_a_routine_with_schedule_and_time_of_day(make_app: Callable[..., Any], store: Store) -> None:
    app = make_app("selfcare")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("plus")
        await pilot.pause()
        assert isinstance(app.screen, RoutineFormScreen)
        await pilot.press(*"Evening tea")
        app.screen.query_one("#routine-kind", Select).value = "weekdays"
        app.screen.query_one("#routine-detail", Input).value = "mon,thu"
        app.screen.query_one("#routine-when", Select).value = "evening"
        app.screen.query_one("#routine-category", Select).value = "rest"
        await pilot.press("ctrl+s")
        await pilot.pause()
        added = next(i for i in store.repo(SelfCareRepository).active_items() if i.text == "Evening tea")
        assert added.schedule == on_weekdays([0, 3]) and added.time_of_day == "evening" and added.category == "rest"
        lines = listed(app)
        assert lines[:3] == ["Evening", "[ ]  Evening tea  · 0 of 2 this week", "Any time"]


async def test_item15_bad_days_in_the_form_say_so_and_keep_the_dialog(make_app: Callable[..., Any]) -> None:
    app = make_app("selfcare")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("plus")
        await pilot.pause()
        await pilot.press(*"Walk")
        app.screen.query_one("#routine-kind", Select).value = "per_week"
        app.screen.query_one("#routine-detail", Input).value = "lots"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, RoutineFormScreen)
        assert "number from 1 to 7" in text(app, "#routine-message")


async def test_item15_toggle_partly_rest_and_back_dating(make_app: Callable[..., Any], store: Store) -> None:
    app = make_app("selfcare")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        first, second, third = (i.text for i in store.repo(SelfCareRepository).active_items()[:3])
        await pilot.press("space")  # done
        await pilot.press("down", "p")  # partly
        await pilot.press("down", "r")  # resting today
        await pilot.pause()
        today = TODAY.isoformat()
        assert states(store) == {(first, today): "done", (second, today): "partly", (third, today): "rest"}
        assert text(app, "#selfcare-today") == "2 of 3 today."  # the resting one is not counted
        await pilot.press("r")  # again: no longer resting
        await pilot.press("up", "space")  # partly becomes done
        await pilot.pause()
        assert states(store) == {(first, today): "done", (second, today): "done"}
        await pilot.press("left")  # yesterday
        await pilot.pause()
        assert "Yesterday, 1 March" in text(app, "#selfcare-heading")
        await pilot.press("space")
        for _ in range(10):
            await pilot.press("left")  # never more than a week back
        await pilot.pause()
        assert "23 February" in text(app, "#selfcare-heading")
        await pilot.press("p")
        await pilot.pause()
        assert states(store)[(second, "2026-03-01")] == "done"
        assert states(store)[(second, (TODAY - timedelta(days=7)).isoformat())] == "partly"
        for _ in range(10):
            await pilot.press("right")  # never into tomorrow
        await pilot.pause()
        assert "Today, 2 March" in text(app, "#selfcare-heading")
        assert listed(app)[2].startswith("[✓]") and "1 of 7 this week" in listed(app)[2]  # Sunday was last week


async def test_item15_reorder_with_shift_arrows(make_app: Callable[..., Any], store: Store) -> None:
    app = make_app("selfcare")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        names = [i.text for i in store.repo(SelfCareRepository).active_items()]
        await pilot.press("shift+down")
        await pilot.pause()
        assert [i.text for i in store.repo(SelfCareRepository).active_items()] == [names[1], names[0], *names[2:]]
        await pilot.press("space")  # the moved routine is still the highlighted one
        await pilot.pause()
        assert states(store) == {(names[0], TODAY.isoformat()): "done"}
        await pilot.press("shift+up", "shift+up")
        await pilot.pause()
        assert [i.text for i in store.repo(SelfCareRepository).active_items()] == names


async def test_item15_archive_keeps_history_and_restore_brings_it_back(
    make_app: Callable[..., Any], store: Store
) -> None:
    app = make_app("selfcare")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        first = store.repo(SelfCareRepository).active_items()[0]
        await pilot.press("space", "d")
        app.clock.advance(1)  # past the type-ahead guard
        await pilot.press("tab", "enter")
        await pilot.pause()
        assert [i.id for i in store.repo(SelfCareRepository).archived_items()] == [first.id]
        assert not any(first.text in line for line in listed(app))
        assert states(store) == {(first.text, TODAY.isoformat()): "done"}  # its day is kept
        await pilot.press("v")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        restored = store.repo(SelfCareRepository).get(first.id)
        assert restored is not None and restored.active
        assert any(first.text in line and "[✓]" in line for line in listed(app))


async def test_item15_needs_page_names_a_need_that_a_routine_can_link_to(
    make_app: Callable[..., Any], store: Store
) -> None:
    app = make_app("selfcare")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        assert "What do I need?" in text(app, "#needs-title")
        assert "real rest" in text(app, "#needs-questions")
        await pilot.press(*"Quiet mornings", "enter")
        await pilot.pause()
        assert [n.text for n in store.repo(SelfCareNeedRepository).needs()] == ["Quiet mornings"]
        assert "Quiet mornings" in text(app, "#needs-mine")
        await pilot.press("escape", "e")
        await pilot.pause()
        need = store.repo(SelfCareNeedRepository).needs()[0]
        app.screen.query_one("#routine-need", Select).value = need.id
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert store.repo(SelfCareRepository).active_items()[0].need_id == need.id


async def test_item15_two_quiet_weeks_offer_a_gentle_change_dismissible_for_good(
    make_app: Callable[..., Any], store: Store, clock: Any
) -> None:
    clock.advance(15 * 24 * 3600)  # two weeks after the starter routines were added
    repository = store.repo(SelfCareRepository)
    repository.ensure_started(clock.now() - timedelta(days=15))
    app = make_app("selfcare")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        first = repository.active_items()[0]
        assert "quiet for two weeks" in text(app, "#selfcare-suggestion")
        await pilot.press("o")
        await pilot.pause()
        assert isinstance(app.screen, SelfCareSuggestionScreen)
        assert app.screen.focused is not None and app.screen.focused.id == "suggestion-not-now"
        app.screen.query_one("#suggestion-less").press()
        await pilot.pause()
        changed = repository.get(first.id)
        assert changed is not None and changed.schedule.describe() == "3 times a week" and changed.suggestion_dismissed
        second = repository.active_items()[1]
        assert second.text in text(app, "#selfcare-suggestion")
        await pilot.press("o")
        await pilot.pause()
        app.screen.query_one("#suggestion-never").press()
        await pilot.pause()
        kept = repository.get(second.id)
        assert kept is not None and kept.suggestion_dismissed and kept.schedule == second.schedule


async def test_item15_make_it_smaller_edits_a_routine_not_on_todays_list(
    make_app: Callable[..., Any], store: Store, clock: Any
) -> None:
    repository = store.repo(SelfCareRepository)
    quiet = repository.add("Long run", clock.now() - timedelta(days=30), "body", schedule=on_weekdays([4]))  # Fridays
    app = make_app("selfcare")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "Long run" in text(app, "#selfcare-suggestion")
        await pilot.press("o")
        await pilot.pause()
        app.screen.query_one("#suggestion-smaller").press()
        await pilot.pause()
        assert isinstance(app.screen, RoutineFormScreen)
        field = app.screen.query_one("#routine-text", Input)
        assert field.value == "Long run"
        field.value = "Walk to the corner"
        await pilot.press("ctrl+s")
        await pilot.pause()
        changed = repository.get(quiet.id)
        assert changed is not None and changed.text == "Walk to the corner" and changed.suggestion_dismissed
        assert text(app, "#selfcare-suggestion") == "" or "Walk to the corner" not in text(app, "#selfcare-suggestion")


async def test_item15_week_start_follows_the_setting(make_app: Callable[..., Any], store: Store) -> None:
    from tui.store.settings_repository import SettingsRepository

    settings = store.repo(SettingsRepository)
    settings.save(settings.load().with_changes(week_start="sunday"))
    first = None
    app = make_app("selfcare")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        first = store.repo(SelfCareRepository).active_items()[0]
        store.repo(SelfCareTickRepository).set_state(first.id, date(2026, 3, 1), "done")  # Sunday
        app.screen.refresh_from_store()
        await pilot.pause()
        assert "1 of 7 this week" in listed(app)[1]  # Sunday 1 March opens this week
