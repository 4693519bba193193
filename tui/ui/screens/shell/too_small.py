"""Shown instead of a broken layout when the terminal is smaller than 60x20."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Static

from tui.ui.base import HeartworkScreen


class TooSmallScreen(HeartworkScreen[None]):
    """A short request to make the window larger; it goes away by itself."""

    DEFAULT_CSS = """
    TooSmallScreen { align: center middle; }
    TooSmallScreen > Static { width: auto; height: auto; text-align: center; }
    """

    def compose(self) -> ComposeResult:
        yield Static("Please make the window a little larger\n(at least 60 x 20) for Heartwork.")
