"""Shown instead of the app when the database cannot be read: what happened, and a way back.

The screen names the file, says it was kept exactly as it was, and offers the
newest good backup (``r``, then ``y`` to confirm) or quitting (``q``). Restoring
keeps the unreadable file beside the database, byte-for-byte. The screen is
dismissed with True once a backup was restored, so the app can open normally.
"""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Static

from tui.store.errors import CorruptDatabaseError, StoreError
from tui.store.restore import BackupInfo, newest_good_backup, restore_backup
from tui.ui.widgets.calm_footer import CalmFooter


class RecoveryScreen(Screen[bool]):
    """Explain that the database could not be read and offer to restore the newest backup."""

    DEFAULT_CSS = """
    RecoveryScreen { align: center middle; }
    RecoveryScreen > Vertical { width: 76; max-width: 100%; height: auto; padding: 1 2; border: round $warning; }
    RecoveryScreen #recovery-title { text-style: bold; margin-bottom: 1; }
    RecoveryScreen #recovery-offer { margin-top: 1; }
    RecoveryScreen #recovery-question { margin-top: 1; text-style: bold; }
    RecoveryScreen #recovery-outcome { margin-top: 1; }
    """

    BINDINGS = [
        Binding("r", "ask_restore", "Restore newest backup", show=True),
        Binding("y", "confirm_restore", "Yes, restore", show=True),
        Binding("n,escape", "cancel_restore", "No, go back", show=True),
        Binding("q", "quit_recovery", "Quit", show=True),
    ]

    def __init__(self, error: CorruptDatabaseError) -> None:
        super().__init__()
        self.error = error
        self.backup: BackupInfo | None = newest_good_backup(error.path)
        self.confirming = False

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static("Your Heartwork file could not be opened", id="recovery-title")
            yield Static(self._explanation(), id="recovery-explanation")
            yield Static(self._offer(), id="recovery-offer")
            yield Static("", id="recovery-question")
            yield Static("", id="recovery-outcome")
        yield CalmFooter()

    def _explanation(self) -> str:
        return (
            f"The file {self.error.path} could not be read: {self.error.reason}.\n\n"
            "It has been kept exactly as it was: nothing in it was changed or deleted."
        )

    def _offer(self) -> str:
        if self.backup is None:
            return (
                "No readable backup was found. You can quit and look at the file, or run "
                "`heartwork restore --list` to see what is there."
            )
        saved = self.backup.saved_at.strftime("%Y-%m-%d at %H:%M")
        return (
            f"The newest good backup was saved {saved} ({self.backup.path.name}).\n"
            "Press r to restore it (the unreadable file is kept beside it), or q to quit."
        )

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "ask_restore":
            return self.backup is not None and not self.confirming
        if action in ("confirm_restore", "cancel_restore"):
            return self.confirming
        return True

    def action_ask_restore(self) -> None:
        if self.backup is None:
            return
        self.confirming = True
        self.query_one("#recovery-question", Static).update(
            f"Restore the backup from {self.backup.saved_at:%Y-%m-%d %H:%M}? Press y to restore, n to go back."
        )
        self.refresh_bindings()

    def action_cancel_restore(self) -> None:
        self.confirming = False
        self.query_one("#recovery-question", Static).update("")
        self.refresh_bindings()

    def action_confirm_restore(self) -> None:
        if self.backup is None:
            return
        self.confirming = False
        self.refresh_bindings()
        outcome = self.query_one("#recovery-outcome", Static)
        try:
            result = restore_backup(self.error.path, self.backup.path)
        except (StoreError, OSError) as error:
            self.query_one("#recovery-question", Static).update("")
            outcome.update(f"The backup could not be restored: {error}")
            return
        kept = f" The unreadable file was kept as {Path(result.kept_as).name}." if result.kept_as else ""
        outcome.update(f"Restored.{kept} Opening Heartwork...")
        self.dismiss(True)

    def action_quit_recovery(self) -> None:
        self.dismiss(False)
