"""Coming back from an overlay (help, settings, palette, a dialog, another section) keeps the focus that was there."""

from __future__ import annotations

import pytest
from textual.widgets import Input, TextArea


async def _journal_with_nothing_focused(app, pilot):  # type: ignore[no-untyped-def]
    await pilot.press("j")
    await pilot.pause()
    await pilot.press("escape")  # step out of the text: the app's keys work now
    await pilot.pause()
    assert app.screen.focused is None


async def test_item10_2_question_mark_after_help_opens_help_again_and_types_nothing(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await _journal_with_nothing_focused(app, pilot)
        journal = app.screen
        await pilot.press("question_mark")
        await pilot.pause()
        assert type(app.screen).__name__ == "HelpScreen"
        await pilot.press("question_mark")  # closes help
        await pilot.pause()
        assert app.screen is journal
        assert journal.focused is None
        await pilot.press("question_mark")
        await pilot.pause()
        assert type(app.screen).__name__ == "HelpScreen"
        assert all(field.value in ("", "2026-03-02") for field in journal.query(Input))


@pytest.mark.parametrize(
    ("open_keys", "close_keys"),
    [
        (("question_mark",), ("escape",)),
        (("comma",), ("escape",)),
        (("c",), ("escape",)),
        (("ctrl+p",), ("escape",)),
        (("b",), ("j",)),
    ],
    ids=["help", "settings", "checkin", "palette", "another-section"],
)
async def test_item10_2_every_overlay_returns_exactly_the_focus_before(make_app, open_keys, close_keys) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await _journal_with_nothing_focused(app, pilot)
        journal = app.screen
        await pilot.press(*open_keys)
        await pilot.pause()
        assert app.screen is not journal
        await pilot.press(*close_keys)
        await pilot.pause()
        assert app.screen is journal
        assert journal.focused is None
        await pilot.press("x")
        await pilot.pause()
        assert all(field.value in ("", "2026-03-02") for field in journal.query(Input))

        # A field the person chose keeps the focus too (opened from the palette, as keys would type).
        tags = journal.query_one("#journal-tags", Input)
        tags.focus()
        await pilot.pause()
        opener = {
            "question_mark": app.action_help,
            "comma": app.action_settings,
            "c": app.action_checkin,
            "ctrl+p": app.action_command_palette,
            "b": lambda: app.action_section("breathe"),
        }[open_keys[0]]
        opener()
        await pilot.pause()
        if close_keys == ("j",):
            app.action_section("journal")
        else:
            await pilot.press(*close_keys)
        await pilot.pause()
        assert app.screen is journal
        assert journal.focused is tags


@pytest.mark.parametrize(
    "stop_name",
    ["home", "breathe", "journal-list", "affirm", "selfcare", "mood", "checkin", "help", "settings", "confirm"],
)
async def test_item10_2_screens_not_for_writing_open_with_no_text_field_focused(make_app, stop_name) -> None:
    """Letter keys on these screens are the app's keys: none opens with a text field taking them (writing screens do, on purpose)."""
    from test_walk_every_screen import STOPS

    stop = next(stop for stop in STOPS if stop.name == stop_name)
    app = make_app(stop.section)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        for step in stop.steps:
            step(app) if callable(step) else await pilot.press(step)
            await pilot.pause()
        assert not isinstance(app.screen.focused, (Input, TextArea)), f"{stop.name}: {app.screen.focused!r}"
