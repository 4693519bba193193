"""The cross-process write lock: ``flock`` on a lock file beside the database.

This is the same lock the ``filelock`` package takes on Unix (an exclusive
``fcntl.flock`` on the same file, which stays in place after release), so
processes using either one exclude each other. It exists because importing
``filelock`` costs tens of milliseconds at start-up, which made quick shell
commands such as ``heartwork checkin 7`` feel slow. Where ``fcntl`` is missing
(Windows), :func:`make_lock` returns a ``filelock.FileLock`` instead.
"""

from __future__ import annotations

import os
import time

TYPE_CHECKING = False  # importing typing would slow the quick capture; annotations only
if TYPE_CHECKING:
    from typing import Any

POLL_SECONDS = 0.05


class LockTimeout(Exception):
    """The lock was not free within the timeout."""


class PosixFileLock:
    """A re-entrant exclusive lock (per instance) held with ``fcntl.flock``.

    Offers what the database uses of ``filelock.FileLock``: ``acquire()``,
    ``release()``, ``lock_counter`` and ``lock_file``.
    """

    def __init__(self, lock_file: str, timeout: float, mode: int) -> None:
        self.lock_file = lock_file
        self.timeout = timeout
        self.mode = mode
        self.lock_counter = 0
        self._fd: int | None = None

    @property
    def is_locked(self) -> bool:
        return self.lock_counter > 0

    def acquire(self) -> None:
        """Take the lock (or count one more hold); raises LockTimeout or OSError."""
        import fcntl

        if self.lock_counter > 0:
            self.lock_counter += 1
            return
        flags = os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
        fd = os.open(self.lock_file, flags, self.mode)
        deadline = time.monotonic() + self.timeout
        try:
            while True:
                try:
                    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    break
                except BlockingIOError:
                    if time.monotonic() >= deadline:
                        raise LockTimeout(self.lock_file) from None
                    time.sleep(POLL_SECONDS)
        except BaseException:
            os.close(fd)
            raise
        self._fd = fd
        self.lock_counter = 1

    def release(self) -> None:
        """Give back one hold; the last one unlocks and closes the file."""
        import fcntl

        if self.lock_counter == 0:
            return
        self.lock_counter -= 1
        if self.lock_counter == 0 and self._fd is not None:
            fd, self._fd = self._fd, None
            try:
                fcntl.flock(fd, fcntl.LOCK_UN)
            finally:
                os.close(fd)


def lock_timeout_errors() -> tuple[type[BaseException], ...]:
    """The exceptions that mean "the lock was busy" for locks from :func:`make_lock`."""
    if _has_fcntl():
        return (LockTimeout,)
    from filelock import Timeout

    return (Timeout,)


def make_lock(lock_file: str, timeout: float, mode: int) -> Any:
    """A cross-process lock on ``lock_file`` (flock where possible, else filelock)."""
    if _has_fcntl():
        return PosixFileLock(lock_file, timeout, mode)
    from filelock import FileLock

    return FileLock(lock_file, timeout=timeout, mode=mode, thread_local=False)


def _has_fcntl() -> bool:
    try:
        import fcntl  # noqa: F401
    except ImportError:
        return False
    return True
