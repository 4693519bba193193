"""Storage: one private TinyDB file, written atomically, locked, backed up.

Nothing under ``tui.store`` may import textual; a test checks it. Screens use
repositories, which take and return ``tui.core`` dataclasses.

The names below are loaded on first use (PEP 562), so a quick capture that
only appends to the inbox (:mod:`tui.store.inbox`) never pays for TinyDB.
"""

from __future__ import annotations

TYPE_CHECKING = False  # importing typing would slow the quick capture, which imports tui.store.inbox_append

if TYPE_CHECKING:
    from typing import Any

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


def __getattr__(name: str) -> Any:
    if name == "Database":
        from tui.store.database import Database

        return Database
    if name in __all__:
        from tui.store import errors

        return getattr(errors, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
