"""A tiny Textual app that shows only the recovery screen (the database could not be read)."""

from __future__ import annotations

from textual.app import App

from tui.store.errors import CorruptDatabaseError
from tui.ui.screens.recovery.recovery import RecoveryScreen


class RecoveryApp(App[bool]):
    """Runs :class:`RecoveryScreen`; its return value is True when a backup was restored."""

    TITLE = "Heartwork"

    def __init__(self, error: CorruptDatabaseError) -> None:
        super().__init__()
        self.error = error

    def on_mount(self) -> None:
        self.push_screen(RecoveryScreen(self.error), callback=self._finish)

    def _finish(self, restored: bool | None) -> None:
        self.exit(bool(restored))
