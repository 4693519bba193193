"""Every section is reachable by its key and by the command palette, and Ctrl+Q quits."""

from __future__ import annotations

import importlib

import pytest
from pilot_waits import palette_highlights, wait_until

from tui.sections import SECTIONS


def screen_class(path: str) -> type:
    module_name, class_name = path.split(":")
    return getattr(importlib.import_module(module_name), class_name)


@pytest.mark.parametrize("section", SECTIONS, ids=lambda s: s.name)
async def test_each_section_opens_by_its_key(make_app, section) -> None:
    app = make_app()
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        if section.name == "home":
            await pilot.press("b")
            await pilot.pause()
        await pilot.press(section.key)
        await pilot.pause()
        assert app.current_mode == section.name
        assert isinstance(app.screen, screen_class(section.screen))


async def test_every_section_opens_from_the_palette(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(100, 32)) as pilot:
        for section in [*SECTIONS[1:], SECTIONS[0]]:
            await pilot.press("ctrl+p")
            await pilot.pause()
            await pilot.press(*f"go to {section.title.lower()}")
            await wait_until(pilot, palette_highlights(app, f"go to {section.title}"))
            await pilot.press("enter")
            await pilot.pause()
            assert app.current_mode == section.name, section.name


@pytest.mark.parametrize("section", SECTIONS, ids=lambda s: s.name)
async def test_the_app_opens_on_the_section_it_is_asked_for(make_app, section) -> None:
    app = make_app(section.name)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        assert app.current_mode == section.name


async def test_ctrl_q_quits_from_anywhere(make_app) -> None:
    app = make_app("mood")
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert app.return_code in (0, None)
    assert not app.is_running
