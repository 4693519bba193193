"""Knowing whether Heartwork is already open on the same database in another window.

Two apps on one database are safe (every save holds the transaction lock and
reloads what the other wrote), but the person should know, so the app can say
"Heartwork is also open in another window; both are safe to use". The first app
holds a non-blocking lock on ``<db>.app.lock`` for its lifetime; a later app
that cannot take it knows another one is running. The operating system drops
the lock when a process ends, however it ends, so a crash never leaves it stuck.

An app that is closing (its terminal was just closed; it is still saving) holds
the lock for a moment longer, so a restart within that second must not be
told "open twice": the holder writes its process id into the file, and
:meth:`InstanceMarker.another_app_still_open` waits a short grace for the lock
and never counts a holder whose process is gone.
"""

from __future__ import annotations

import os
import time
from pathlib import Path
from types import TracebackType

from tui.store.file_lock import lock_timeout_errors, make_lock
from tui.store.permissions import PRIVATE_FILE_MODE, _process_alive

CLOSING_GRACE_SECONDS = 1.5
"""How long a busy mark may belong to an app that is closing before it counts as another window."""

_RETRY_SECONDS = 0.1


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
            self._write_pid()
        return self.another_app_open

    def _write_pid(self) -> None:
        try:
            fd = os.open(self.path, os.O_WRONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0))
        except OSError:
            return
        try:
            os.ftruncate(fd, 0)
            os.write(fd, str(os.getpid()).encode("ascii"))
        except OSError:
            pass
        finally:
            os.close(fd)

    def holder_pid(self) -> int | None:
        """The process id the holder of the mark wrote, or None if unknown."""
        try:
            text = self.path.read_text(encoding="ascii", errors="replace").strip()
        except OSError:
            return None
        return int(text) if text.isdigit() else None

    def another_app_still_open(self, grace: float = CLOSING_GRACE_SECONDS) -> bool:
        """After a busy :meth:`acquire`: True only if a live app still holds the mark after ``grace`` seconds.

        Blocks up to ``grace``; call it from a worker thread. Takes the mark
        as soon as the closing app lets go of it.
        """
        if not self.another_app_open:
            return False
        deadline = time.monotonic() + grace
        while True:
            pid = self.holder_pid()
            if pid is not None and pid != os.getpid() and not _process_alive(pid):
                self.another_app_open = False  # a mark left by a process that is gone is not a window
                return False
            if time.monotonic() >= deadline:
                return True
            time.sleep(_RETRY_SECONDS)
            if not self.acquire():
                return False

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
