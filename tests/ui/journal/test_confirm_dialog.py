"""The shared question dialog: no letter for a destructive answer, safe focus, typed-ahead keys set aside."""

from __future__ import annotations

from typing import Any

import pytest
from textual.app import App
from textual.widgets import Button

from tui.core.clock import FakeClock
from tui.ui.dialogs.confirm import ConfirmScreen, Destructive


class AskingApp(App[None]):
    """Shows one ConfirmScreen and remembers the answer."""

    def __init__(self, **options: Any) -> None:
        super().__init__()
        self.clock = FakeClock()
        self.options = options
        self.answers: list[bool | None] = []

    def on_mount(self) -> None:
        self.push_screen(ConfirmScreen("Throw it away?", "Throw away", "Keep", **self.options), self.answers.append)


@pytest.mark.parametrize(
    ("destructive", "safe_id", "safe_answer", "letter_for_destructive"),
    [("yes", "#confirm-no", False, "y"), ("no", "#confirm-yes", True, "n")],
)
async def test_item9_1_a_destructive_answer_has_no_letter_and_focus_starts_on_the_safe_one(
    destructive: Destructive, safe_id: str, safe_answer: bool, letter_for_destructive: str
) -> None:
    app = AskingApp(destructive=destructive, yes_is_default=destructive == "yes")  # a destructive default is refused
    async with app.run_test() as pilot:
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ConfirmScreen)
        assert app.focused is dialog.query_one(safe_id, Button)
        await pilot.press("tab", "enter", "escape", letter_for_destructive)  # all in the first moment
        await pilot.pause()
        assert app.answers == [] and app.screen is dialog and app.focused is dialog.query_one(safe_id, Button)
        app.clock.advance(1)
        await pilot.press(letter_for_destructive)
        await pilot.pause()
        assert app.answers == [] and app.screen is dialog
        await pilot.press("tab", "enter")  # the deliberate way: move to it, then Enter
        await pilot.pause()
        assert app.answers == [not safe_answer]


async def test_item9_1_escape_and_the_safe_letter_give_the_safe_answer() -> None:
    app = AskingApp()
    async with app.run_test() as pilot:
        await pilot.pause()
        app.clock.advance(1)
        await pilot.press("escape")
        await pilot.pause()
    assert app.answers == [False]
    app = AskingApp(destructive="no")
    async with app.run_test() as pilot:
        await pilot.pause()
        app.clock.advance(1)
        await pilot.press("y")
        await pilot.pause()
    assert app.answers == [True]


async def test_item9_1_a_question_that_destroys_nothing_keeps_its_letters_and_default() -> None:
    app = AskingApp(destructive=None, yes_is_default=True)
    async with app.run_test() as pilot:
        await pilot.pause()
        dialog = app.screen
        assert app.focused is dialog.query_one("#confirm-yes", Button)
        app.clock.advance(1)
        await pilot.press("n")
        await pilot.pause()
    assert app.answers == [False]
