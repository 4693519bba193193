"""Pilot tests: reflection save, questionnaire answering, affirm carousel, self-care ticking, MoodExtras."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from extras_support import ExtrasHostScreen, seed_extras
from textual.widgets import Input, OptionList, Static, TextArea

from tui.content.questionnaires import built_in_questionnaire
from tui.store.affirmation_repository import AffirmationRepository
from tui.store.questionnaire_repository import QuestionnaireRepository
from tui.store.reflection_repository import ReflectionRepository
from tui.store.selfcare_repository import SelfCareRepository, SelfCareTickRepository
from tui.store.store import Store
from tui.ui.screens.affirm.affirm import AffirmScreen
from tui.ui.screens.mood.questionnaire import QuestionnaireScreen
from tui.ui.screens.mood.reflection import ReflectionScreen

GOOD_QUESTIONNAIRE = """
id = "weekly"
title = "Weekly reflection"
scale_min = 1
scale_max = 4
[[item]]
id = "kind"
text = "I was kind to myself."
[[item]]
id = "harsh"
text = "I was harsh with myself."
reverse = true
"""


async def test_reflection_is_saved_for_today_and_editing_updates_it(
    make_app: Callable[..., Any], store: Store, tmp_path: Path
) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await app.push_screen(ExtrasHostScreen(tmp_path))
        await pilot.pause()
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, ReflectionScreen)
        await pilot.press(*"Calmer")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ExtrasHostScreen)
        saved = store.repo(ReflectionRepository).for_day("2026-03-02")
        assert saved is not None and saved.answers == {"helped": "Calmer"}
        assert "Calmer" in str(app.screen.query_one("#extras-reflections", Static).render())
        await pilot.press("r")
        await pilot.pause()
        assert app.screen.query_one("#answer-helped", TextArea).text == "Calmer"
        await pilot.press("end", *" mornings", "ctrl+s")
        await pilot.pause()
    assert store.repo(ReflectionRepository).count() == 1
    assert store.repo(ReflectionRepository).for_day("2026-03-02").answers["helped"] == "Calmer mornings"  # type: ignore[union-attr]


async def test_questionnaire_answered_with_number_keys_saves_its_total(
    make_app: Callable[..., Any], store: Store, tmp_path: Path
) -> None:
    app = make_app()
    questionnaire = built_in_questionnaire()
    async with app.run_test(size=(80, 24)) as pilot:
        await app.push_screen(ExtrasHostScreen(tmp_path))
        await pilot.pause()
        await pilot.press("q")
        await pilot.pause()
        assert isinstance(app.screen, QuestionnaireScreen)
        # first answer 2, then go back and change it to 4
        await pilot.press("2", "left", "4")
        await pilot.press(*["5"] * (len(questionnaire.items) - 1))
        await pilot.pause()
        assert "All 6 answered" in str(app.screen.query_one("#questionnaire-progress", Static).render())
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ExtrasHostScreen)
        chart = str(app.screen.query_one("#extras-questionnaires", Static).render())
    (result,) = store.repo(QuestionnaireRepository).all()
    expected = {item.id: 5 for item in questionnaire.items} | {questionnaire.items[0].id: 4}
    assert result.answers == expected
    # items alternate plain / reversed: 4, 5->1, 5, 5->1, 5, 5->1
    assert result.total == pytest.approx(17 / 6)
    assert f"latest {result.total:.1f}" in chart


async def test_user_questionnaire_is_offered_and_bad_files_are_named(
    make_app: Callable[..., Any], store: Store, tmp_path: Path
) -> None:
    (tmp_path / "weekly.toml").write_text(GOOD_QUESTIONNAIRE, encoding="utf-8")
    (tmp_path / "broken.toml").write_text("title = 3\n", encoding="utf-8")
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await app.push_screen(ExtrasHostScreen(tmp_path))
        await pilot.pause()
        await pilot.press("q")
        await pilot.pause()
        messages = [str(n.message) for n in app._notifications]
        assert any("broken.toml" in m and "'id' must be non-empty text" in m for m in messages)
        options = app.screen.query_one(OptionList)
        assert options.option_count == 2
        await pilot.press("down", "enter")
        await pilot.pause()
        assert isinstance(app.screen, QuestionnaireScreen)
        await pilot.press("5")  # outside this 1-4 scale: ignored
        await pilot.press("4", "4", "enter")
        await pilot.pause()
    (result,) = store.repo(QuestionnaireRepository).all()
    assert result.questionnaire_id == "weekly" and result.total == (4 + 1) / 2


async def test_affirm_carousel_moves_and_adds_your_own(make_app: Callable[..., Any], store: Store) -> None:
    app = make_app("affirm")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, AffirmScreen)
        first = screen.carousel.current
        await pilot.press("right")
        assert screen.carousel.current is not first
        await pilot.press("left")
        assert screen.carousel.current is first
        await pilot.press("plus")
        await pilot.pause()
        await pilot.press(*"I can rest without earning it.", "enter")
        await pilot.pause()
        assert str(screen.query_one("#affirm-card", Static).render()) == "I can rest without earning it."
        await pilot.press("f")
        await pilot.pause()
        assert "favourite" in str(screen.query_one("#affirm-meta", Static).render())
        await pilot.press("t")  # favourites filter
        assert [a.text for a in screen.carousel.shown] == ["I can rest without earning it."]
        await pilot.press("d")
        app.clock.advance(1)  # past the type-ahead guard
        await pilot.press("tab", "enter")
        await pilot.pause()
    assert store.repo(AffirmationRepository).own() == []


async def test_selfcare_ticking_is_stored_and_unticking_removes_it(make_app: Callable[..., Any], store: Store) -> None:
    app = make_app("selfcare")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        items = store.repo(SelfCareRepository).active_items()
        assert len(items) == 4
        await pilot.press("space", "down", "enter")
        await pilot.pause()
        ticks = store.repo(SelfCareTickRepository).all()
        assert {(t.day, t.item_id) for t in ticks} == {("2026-03-02", items[0].id), ("2026-03-02", items[1].id)}
        assert str(app.screen.query_one("#selfcare-today", Static).render()) == "2 of 4 today."
        await pilot.press("space")
        await pilot.pause()
        assert [t.item_id for t in store.repo(SelfCareTickRepository).all()] == [items[0].id]
        await pilot.press("i")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert len(store.repo(SelfCareRepository).active_items()) == 5
        assert str(app.screen.query_one("#selfcare-today", Static).render()) == "1 of 5 today."


async def test_mood_extras_refreshes_from_the_store(
    make_app: Callable[..., Any], store: Store, clock: Any, tmp_path: Path
) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await app.push_screen(ExtrasHostScreen(tmp_path))
        await pilot.pause()
        effects = app.screen.query_one("#extras-effects", Static)
        assert "before the two can be compared" in str(effects.render())
        seed_extras(store, clock.now())
        app.screen.extras.refresh()
        await pilot.pause()
        assert "Box breathing: after a session you felt" in str(effects.render())


async def test_reflection_date_opens_another_day_and_refuses_the_future(
    make_app: Callable[..., Any], store: Store
) -> None:
    store.repo(ReflectionRepository).save_for_day("2026-02-27", {"hard": "Busy week."}, make_app().clock.now())
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await app.push_screen(ReflectionScreen())
        await pilot.pause()
        await pilot.press(*"Walks")
        date_input = app.screen.query_one("#reflection-date", Input)
        date_input.focus()
        date_input.value = "2026-03-09"
        await pilot.press("enter")
        await pilot.pause()
        assert "today or earlier" in str(app.screen.query_one("#reflection-date-message", Static).render())
        date_input.value = "2026-02-27"
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen.query_one("#answer-hard", TextArea).text == "Busy week."
        assert app.screen.query_one("#answer-helped", TextArea).text == ""
    # switching days saved what was typed for today first
    assert store.repo(ReflectionRepository).for_day("2026-03-02").answers == {"helped": "Walks"}  # type: ignore[union-attr]


async def test_reflection_opened_and_closed_without_typing_saves_nothing(
    make_app: Callable[..., Any], store: Store
) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await app.push_screen(ReflectionScreen())
        await pilot.pause()
        screen = app.screen
        await pilot.press("escape")
        await pilot.pause()
        assert not screen.dirty
        assert not any("Saved" in str(n.message) for n in app._notifications)
    assert store.repo(ReflectionRepository).count() == 0
