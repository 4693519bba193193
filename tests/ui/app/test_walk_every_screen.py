"""Walk every screen and dialog at 80x24 and 100x30: whole keys in the footer, the important parts in view.

A screen fails when its footer cuts a key short ("? Hel") or when one of its
named parts (the Home menu, the crisis lines in Help, the check-in's Save
and date, the breathing start hint, a dialog's buttons) is outside what the
person can see without scrolling.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import pytest
from layout_checks import footer_problems, outside_view
from textual.widgets import Markdown

SIZES = [(80, 24), (100, 30)]


def _confirm(app: Any) -> None:
    from tui.ui.dialogs.confirm import ConfirmScreen

    app.push_screen(
        ConfirmScreen("Delete this affirmation?", yes="Delete", detail="It can be brought back right after.")
    )


def _text_entry(app: Any) -> None:
    from tui.ui.dialogs.text_entry import TextEntryScreen

    app.push_screen(TextEntryScreen("Add your own affirmation"))


def _selfcare_suggestion(app: Any) -> None:
    from tui.core.selfcare import SelfCareItem
    from tui.ui.screens.selfcare.selfcare_suggestion import SelfCareSuggestionScreen

    app.push_screen(SelfCareSuggestionScreen(SelfCareItem(text="Stretch your arms and shoulders for a minute.")))


def _crisis_lines(screen: Any) -> list[Any]:
    """The support heading, its sentence and the list of lines to call, as Help's Markdown draws them."""
    blocks = list(screen.query_one("#help-text", Markdown).children)
    heading = next(i for i, block in enumerate(blocks) if "support now" in str(getattr(block, "_content", "")))
    return blocks[heading : heading + 3]


@dataclass(frozen=True)
class Stop:
    """One screen or dialog on the walk: how to get there and what must be in view there."""

    name: str
    section: str
    steps: tuple[str | Callable[[Any], None], ...] = ()
    in_view: tuple[str, ...] = ()
    in_view_of: Callable[[Any], list[Any]] | None = field(default=None, compare=False)


def _homework_assignment(app: Any) -> None:
    from tui.core.homework.assignment import Assignment
    from tui.store.homework_repository import HomeworkRepository

    app.store.repo(HomeworkRepository).save(
        Assignment(id="hw", kind="breathing", title="Box breathing", target="box", minutes=5, review="2000-01-01")
    )
    app.screen.refresh_from_store()


STOPS = [
    Stop("home", "home", in_view=("#home-sections",)),
    Stop("breathe", "breathe", in_view=("#breathe-keys", "#breathe-safety")),
    Stop("breathe-478", "breathe", ("down",), in_view=("#breathe-keys", "#breathe-safety")),
    Stop("breathe-coherent", "breathe", ("down", "down"), in_view=("#breathe-keys", "#breathe-safety")),
    Stop("breathe-sigh", "breathe", ("down", "down", "down"), in_view=("#breathe-keys", "#breathe-safety")),
    Stop("pattern-form", "breathe", ("n",), in_view=("#pattern-form-save",)),
    Stop("breathing-session", "breathe", ("enter",)),
    Stop("journal", "journal"),
    Stop("journal-out-of-text", "journal", ("escape",)),
    Stop("journal-list", "journal", ("ctrl+l",)),
    Stop("exercise-inner-critic", "journal", ("f2",)),
    Stop("exercise-compassion-break", "journal", ("f3",)),
    Stop("exercise-kind-letter", "journal", ("f4",)),
    Stop("affirm", "affirm"),
    Stop("affirm-add", "affirm", ("plus",)),
    Stop("selfcare", "selfcare"),
    Stop("selfcare-ideas", "selfcare", ("i",)),
    Stop("selfcare-routine-form", "selfcare", ("plus",), in_view=("#routine-save", "#routine-text", "#routine-need")),
    Stop("selfcare-needs", "selfcare", ("n",), in_view=("#needs-text", "#needs-category")),
    Stop("selfcare-history", "selfcare", ("g",), in_view=("#history-grid",)),
    Stop("selfcare-archived", "selfcare", ("v",)),
    Stop(
        "selfcare-suggestion", "selfcare", (_selfcare_suggestion,), in_view=("#suggestion-not-now", "#suggestion-rest")
    ),
    Stop("homework", "homework"),
    Stop("homework-form", "homework", ("plus",), in_view=("#hw-save", "#hw-kind", "#hw-agreed")),
    Stop("homework-review", "homework", (_homework_assignment, "r"), in_view=("#rv-save", "#rv-helped", "#rv-value")),
    Stop("homework-with-one", "homework", (_homework_assignment,), in_view=("#hw-list", "#hw-hint")),
    Stop("mood", "mood"),
    Stop("reflection", "mood", ("r",)),
    Stop("questionnaire-picker", "mood", ("q",)),
    Stop("checkin", "home", ("c",), in_view=("#checkin-save", "#checkin-at")),
    Stop("checkin-from-mood", "mood", ("c",), in_view=("#checkin-save", "#checkin-at")),
    Stop("help", "home", ("question_mark",), in_view_of=lambda screen: _crisis_lines(screen)),
    Stop("help-from-mood", "mood", ("question_mark",), in_view_of=lambda screen: _crisis_lines(screen)),
    Stop("settings", "home", ("comma",)),
    Stop("confirm", "affirm", (_confirm,), in_view=("#confirm-yes", "#confirm-no")),
    Stop("text-entry", "affirm", (_text_entry,), in_view=("#entry-text",)),
]


@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
@pytest.mark.parametrize("stop", STOPS, ids=lambda stop: stop.name)
async def test_item10_walk_every_screen_footer_whole_and_named_parts_in_view(make_app, stop: Stop, size) -> None:
    app = make_app(stop.section)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        for step in stop.steps:
            if callable(step):
                step(app)
            else:
                await pilot.press(step)
            await pilot.pause()
        await pilot.pause(0.2)
        screen = app.screen
        assert footer_problems(screen) == [], f"{stop.name}: {type(screen).__name__}"
        named = [screen.query_one(selector) for selector in stop.in_view]
        if stop.in_view_of is not None:
            named += stop.in_view_of(screen)
        problems = [problem for widget in named if (problem := outside_view(widget))]
        assert problems == [], f"{stop.name}: {type(screen).__name__}"
