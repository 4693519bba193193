"""A tiny Textual app that shows only the unlock screen (the database is locked with a passphrase)."""

from __future__ import annotations

from textual.app import App

from tui.store.encryption import DatabaseLockedError
from tui.ui.screens.unlock.unlock import UnlockScreen


class UnlockApp(App[bool]):
    """Runs :class:`UnlockScreen`; its return value is True when the data was unlocked."""

    TITLE = "Heartwork"

    def __init__(self, locked: DatabaseLockedError, *, pause_step: float | None = None) -> None:
        super().__init__()
        self.locked = locked
        self.pause_step = pause_step

    def on_mount(self) -> None:
        screen = (
            UnlockScreen(self.locked)
            if self.pause_step is None
            else UnlockScreen(self.locked, pause_step=self.pause_step)
        )
        self.push_screen(screen, callback=self._finish)

    def _finish(self, unlocked: bool | None) -> None:
        self.exit(bool(unlocked))
