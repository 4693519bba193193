"""Issue 12.2: Home's first frame focuses nothing (restyling all of Home for it would delay the frame); the body is focused right after."""

from __future__ import annotations

from textual.containers import VerticalScroll

from tui.ui.screens.home.home import HomeScreen


async def test_item12_2_home_body_is_focused_just_after_the_first_frame(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        body = app.screen.query_one("#home-body", VerticalScroll)
        assert app.focused is body  # as Textual's AUTO_FOCUS "*" chose before


async def test_item12_2_home_keeps_the_focus_it_had_when_it_comes_back(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        app.screen.set_focus(None)
        await pilot.press("question_mark")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert app.focused is None  # a deliberate "nothing focused" is kept, as before
