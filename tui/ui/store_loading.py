"""What opening the database in the background can end in, and the calm line shown meanwhile.

The launcher hands the app a loader (a plain function run in a thread worker)
so the first frame never waits for the file to be read and parsed. No textual
import here: the launcher builds loaders without loading the UI.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from tui.store.errors import CorruptDatabaseError

if TYPE_CHECKING:
    from tui.store.store import Store

__all__ = ["OPENING_LINE", "NotOpened", "Opened", "StoreLoader", "StoreOutcome", "Unreadable"]

OPENING_LINE = "Opening your saved days… one moment."
"""Shown where figures will go while the database is still being read."""


@dataclass(frozen=True)
class Opened:
    """The database is open and ready; ``warm_up`` (run in the same worker, after) prepares what can wait."""

    store: Store
    warm_up: Callable[[], object] | None = None


@dataclass(frozen=True)
class Unreadable:
    """The file could not be read; it is kept as it is and the recovery flow takes over."""

    error: CorruptDatabaseError


@dataclass(frozen=True)
class NotOpened:
    """The database could not be opened (or the options do not fit it): a one-line message and an exit code."""

    message: str
    exit_code: int


StoreOutcome = Opened | Unreadable | NotOpened
StoreLoader = Callable[[], StoreOutcome]
