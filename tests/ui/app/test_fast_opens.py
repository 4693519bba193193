"""Issue 10 item 7: first opens and Help do no work a key press need not wait for.

The figures come from ``tests/perf/bench_opens.py``; these tests pin the
mechanisms: no full CSS re-parse on a first open, Help built once per kind of
screen, screen modules and texts loaded after the first frame.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

import pytest
from textual.containers import VerticalScroll
from textual.css.stylesheet import Stylesheet
from textual.widgets import Markdown

from tui.sections import SECTIONS
from tui.ui.screen_styles import STYLES_DIR
from tui.ui.screens.help.help import HelpScreen
from tui.ui.warm_up import EXTRA_SCREENS, WARM_UP_DELAY_SECONDS, warm_up_steps


async def test_item10_7_first_opens_never_reparse_every_style(
    make_app: Callable[..., Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        for path in STYLES_DIR.glob("*.tcss"):  # read once, after the first frame
            assert app.stylesheet.has_source(str(path.resolve())), path.name
        reparses: list[str] = []
        original = Stylesheet.reparse

        def counting(self: Stylesheet) -> None:
            reparses.append("reparse")
            original(self)

        monkeypatch.setattr(Stylesheet, "reparse", counting)
        for section in SECTIONS:
            if section.name != "home":
                await pilot.press(section.key)
                await pilot.pause()
                assert app.current_mode == section.name
                await pilot.press("escape", "h")
                await pilot.pause()
        for key in ("question_mark", "comma", "c"):
            await pilot.press(key)
            await pilot.pause()
            await pilot.press("escape")
            await pilot.pause()
        assert reparses == []  # each was one or more full parses of every style source


async def test_item10_7_help_is_built_once_per_kind_of_screen(make_app: Callable[..., Any]) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        first = app.screen
        assert isinstance(first, HelpScreen)
        markdown = first.query_one("#help-text", Markdown)
        first.query_one("#help-sheet", VerticalScroll).scroll_end(animate=False)
        await pilot.press("question_mark")
        await pilot.pause()
        await pilot.press("question_mark")
        await pilot.pause()
        assert app.screen is first and first.query_one("#help-text", Markdown) is markdown  # not built again
        assert first.query_one("#help-sheet", VerticalScroll).scroll_y == 0  # opens at the top, as before
        await pilot.press("escape", "j")
        await pilot.pause()
        await pilot.press("escape", "question_mark")  # leave the text field, then Help for the journal
        await pilot.pause()
        journal_help = app.screen
        assert isinstance(journal_help, HelpScreen) and journal_help is not first
        assert type(journal_help.below).__name__ == "JournalScreen"


def test_item10_7_warm_up_covers_every_screen_a_key_opens() -> None:
    steps = warm_up_steps()
    modules = {section.screen.split(":")[0] for section in SECTIONS} | set(EXTRA_SCREENS)
    assert len(steps) >= len(modules)
    for step in steps:
        step()  # each step loads something real without failing


async def test_item10_7_screens_are_loaded_after_the_first_frame(make_app: Callable[..., Any]) -> None:
    app = make_app()
    steps_at: list[float] = []
    take_step = app._warm_up_next

    def timed_step() -> None:
        steps_at.append(time.monotonic())
        take_step()

    app._warm_up_next = timed_step
    started = time.monotonic()  # before the app mounts, so the delay is counted from no later than that
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        for _ in range(600):  # a loaded machine may take a while; waits on the outcome, not on a clock
            if app._warm_up_steps == []:
                break
            await pilot.pause(0.05)
        assert app._warm_up_steps == []  # all loaded, one step per callback
    assert steps_at and steps_at[0] - started >= WARM_UP_DELAY_SECONDS  # nothing before the first frame and the delay
