"""When the database cannot be read: say so, keep it, and offer the newest backup.

In a terminal a small recovery screen explains what happened and can restore
the newest good backup; without one the message goes to stderr with the hint
to run ``heartwork restore``. Textual is imported only when the screen is shown.
"""

from __future__ import annotations

import sys

from tui.store.errors import CorruptDatabaseError


def run_recovery(error: CorruptDatabaseError) -> bool:
    """Explain the problem; True if a backup was restored and the database can be opened."""
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        print(f"heartwork: {error}", file=sys.stderr)
        return False
    from tui.ui.recovery_app import RecoveryApp

    app = RecoveryApp(error)
    restored = app.run()
    if not restored:
        print(f"heartwork: {error}", file=sys.stderr)
    return bool(restored)
