"""A section's stand-in while the database is read: its title and the calm "opening" line.

Shown only when Heartwork starts straight on a section other than Home
(``heartwork journal``); it never touches the store, and the app replaces it
with the real screen once the data is in.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Center, Middle
from textual.widgets import Header, Static

from tui.ui.base import HeartworkScreen
from tui.ui.store_loading import OPENING_LINE
from tui.ui.widgets.calm_footer import CalmFooter


class OpeningScreen(HeartworkScreen[None]):
    """The asked-for section's name and the opening line, until the data is ready."""

    DEFAULT_CSS = """
    OpeningScreen Middle { height: 1fr; }
    OpeningScreen Static { width: auto; text-align: center; }
    OpeningScreen #opening-title { text-style: bold; margin-bottom: 1; }
    """

    def __init__(self, title: str) -> None:
        super().__init__()
        self._title = title

    def compose(self) -> ComposeResult:
        yield Header()
        with Middle():
            with Center():
                yield Static(self._title, id="opening-title", markup=False)
            with Center():
                yield Static(OPENING_LINE, id="opening-line", markup=False)
        yield CalmFooter()
