"""The unlock screen, shown before Home when the database is locked with a passphrase."""

from tui.ui.screens.unlock.unlock import UnlockScreen

__all__ = ["UnlockScreen"]
