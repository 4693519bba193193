"""When the database cannot be read: say so, keep it, and offer the newest backup."""

from __future__ import annotations

import sys

from tui.store.errors import CorruptDatabaseError


def run_recovery(error: CorruptDatabaseError) -> bool:
    """Explain the problem; True if the database was restored and can be opened."""
    print(f"heartwork: {error}", file=sys.stderr)
    return False
