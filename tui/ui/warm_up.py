"""Import the screens' code and read the built-in texts while the person looks at the first screen.

Opening a section for the first time used to import its screen module (and
the Textual widgets it uses, the Markdown parser for Help) and parse its TOML
texts on the key press: 50-150 ms of each first open. Start-up stays as
lean as before (the first frame imports only the screen it shows); a moment
after it, these are loaded one at a time, each step a separate callback so
a key pressed meanwhile waits for one module at most.
"""

from __future__ import annotations

import functools
import importlib
from collections.abc import Callable, Iterable

from tui import content
from tui.sections import SECTIONS

WARM_UP_DELAY_SECONDS = 0.5
"""How long after the first frame to begin (the first frame's own after-work comes first)."""

EXTRA_SCREENS = ("tui.ui.screens.help.help", "tui.ui.screens.settings.settings", "tui.ui.screens.mood.checkin")
"""Screens opened from anywhere, besides the sections."""


def warm_up_steps() -> list[Callable[[], object]]:
    """What to load, in order: every screen module, then every built-in text."""
    modules: Iterable[str] = (*(section.screen.split(":")[0] for section in SECTIONS), *EXTRA_SCREENS)
    steps: list[Callable[[], object]] = [
        functools.partial(importlib.import_module, name) for name in dict.fromkeys(modules)
    ]
    steps += [functools.partial(content.load, name) for name in content.available()]
    return steps
