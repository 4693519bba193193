"""Storage: one private TinyDB file, written atomically, locked, backed up.

Nothing under ``tui.store`` may import textual; a test checks it. Screens use
repositories, which take and return ``tui.core`` dataclasses.
"""

from tui.store.database import Database
from tui.store.errors import (
    CorruptDatabaseError,
    DatabaseTooNewError,
    InvalidValueError,
    StoreBusyError,
    StoreError,
    StoreWriteError,
)

__all__ = [
    "CorruptDatabaseError",
    "Database",
    "DatabaseTooNewError",
    "InvalidValueError",
    "StoreBusyError",
    "StoreError",
    "StoreWriteError",
]
