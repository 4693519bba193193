"""Waiting in Pilot tests on what the screen shows, instead of sleeping a fixed time."""

from __future__ import annotations

import time
from collections.abc import Callable

from textual.app import App
from textual.command import CommandList
from textual.pilot import Pilot


async def wait_until(pilot: Pilot[object], condition: Callable[[], bool], timeout: float = 10.0) -> None:
    """Let the app run until ``condition()`` holds; fail the test if it never does within ``timeout``."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"gave up after {timeout} s waiting for {condition}")
        await pilot.pause(0.02)


def palette_highlights(app: App[object], text: str) -> Callable[[], bool]:
    """True once the open command palette has highlighted a command whose prompt contains ``text``."""

    def highlighted() -> bool:
        found = app.screen.query(CommandList)
        if not found:
            return False
        commands = found.first()
        if commands.highlighted is None or not commands.option_count:
            return False
        return text.lower() in str(commands.get_option_at_index(commands.highlighted).prompt).lower()

    return highlighted
