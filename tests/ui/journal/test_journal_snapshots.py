"""How the journal looks at 80x24: the editor and each guided exercise (fake clock, seeded prompt)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.pilot import Pilot
from textual.widgets import Input, TextArea


async def _still_cursors(pilot: Pilot) -> None:
    for widget in pilot.app.screen.query("TextArea, Input"):
        assert isinstance(widget, (TextArea, Input))
        widget.cursor_blink = False
    await pilot.pause()


def _opening(*keys: str) -> Callable[[Pilot], Any]:
    async def run_before(pilot: Pilot) -> None:
        await pilot.pause()
        for key in keys:
            await pilot.press(key)
            await pilot.pause()
        await _still_cursors(pilot)

    return run_before


def test_editor_snapshot(snap_compare: Any, make_app: Callable[..., Any]) -> None:
    assert snap_compare(make_app("journal"), terminal_size=(80, 24), run_before=_opening(*"Dear me"))


def test_inner_critic_snapshot(snap_compare: Any, make_app: Callable[..., Any]) -> None:
    assert snap_compare(make_app("journal"), terminal_size=(80, 24), run_before=_opening("f2"))


def test_compassion_break_snapshot(snap_compare: Any, make_app: Callable[..., Any]) -> None:
    assert snap_compare(make_app("journal"), terminal_size=(80, 24), run_before=_opening("f3"))


def test_kind_letter_snapshot(snap_compare: Any, make_app: Callable[..., Any]) -> None:
    assert snap_compare(make_app("journal"), terminal_size=(80, 24), run_before=_opening("f4"))
