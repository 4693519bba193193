"""Knowing whether Heartwork is already open on the same database in another window.

Two apps on one database are safe (every save holds the transaction lock and
reloads what the other wrote), but the person should know, so the app can say
"Heartwork is also open in another window; both are safe to use". The first app
holds a non-blocking lock on ``<db>.app.lock`` for its lifetime; a later app
that cannot take it knows another one is running. The operating system drops
the lock when a process ends, however it ends, so a crash never leaves it stuck.
"""

from __future__ import annotations

from pathlib import Path
from types import TracebackType

from tui.store.file_lock import lock_timeout_errors, make_lock
from tui.store.permissions import PRIVATE_FILE_MODE


def app_lock_path_for(database: Path) -> Path:
    """Where the "an app is open" lock for ``database`` lives."""
    return database.with_name(database.name + ".app.lock")


class InstanceMarker:
    """Marks this app as open on ``database``; tells whether another app already was."""

    def __init__(self, database: Path) -> None:
        self.path = app_lock_path_for(Path(database).absolute())
        self._lock = make_lock(str(self.path), 0.0, PRIVATE_FILE_MODE)
        self.another_app_open = False
        self.held = False

    def acquire(self) -> bool:
        """Try to mark this app as open; returns True if another app already holds the mark."""
        try:
            self._lock.acquire()
        except lock_timeout_errors():
            self.another_app_open, self.held = True, False
        except OSError:
            self.another_app_open, self.held = False, False  # cannot tell (e.g. read-only folder): say nothing
        else:
            self.another_app_open, self.held = False, True
        return self.another_app_open

    def release(self) -> None:
        """Drop the mark (also happens by itself when the process ends)."""
        if self.held:
            self._lock.release()
            self.held = False

    def __enter__(self) -> InstanceMarker:
        self.acquire()
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.release()
