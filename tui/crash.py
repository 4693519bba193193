"""Unexpected errors: details go to a private log file, never to the screen.

An exception's message and a traceback's source lines or local variables can
hold journal text (a ValueError quoting an entry, say), so the log keeps only
what locates the fault: each exception's type and, for every frame, the file,
line number and function name. The log is opened without following a symbolic
link (a link could point the log anywhere), and a linked log is refused.
"""

from __future__ import annotations

import errno
import os
import traceback
from datetime import datetime
from pathlib import Path

from tui.paths import crash_log_path
from tui.store.errors import UnsafeFolderError
from tui.store.permissions import PRIVATE_FILE_MODE, ensure_private_dir


class CrashLogRefusedError(OSError):
    """The crash log could not be used safely, so nothing was written to it."""

    def __init__(self, log_path: Path, reason: str) -> None:
        super().__init__(errno.EPERM, f"no details were written to {log_path}: {reason}")
        self.log_path = log_path

    def __str__(self) -> str:
        return str(self.strerror)


def write_crash_log(error: BaseException, log_path: Path | None = None) -> Path:
    """Append where ``error`` happened (types and frames only) to the crash log; return its path.

    Raises CrashLogRefusedError if the log is a symbolic link or its folder is
    not private, and OSError if the disk refuses.
    """
    log_path = log_path or crash_log_path()
    try:
        ensure_private_dir(log_path.parent, refuse_unsafe=True)
    except UnsafeFolderError as unsafe:
        raise CrashLogRefusedError(log_path, f"its folder is not private ({unsafe.reason})") from None
    flags = os.O_WRONLY | os.O_CREAT | os.O_APPEND | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(log_path, flags, PRIVATE_FILE_MODE)
    except OSError as refused:
        if refused.errno == errno.ELOOP or log_path.is_symlink():
            raise CrashLogRefusedError(
                log_path, "it is a symbolic link; remove the link and Heartwork will make a private file there"
            ) from None
        raise
    try:
        os.fchmod(fd, PRIVATE_FILE_MODE)
        text = f"--- {datetime.now().isoformat(timespec='seconds')}\n{describe_without_values(error)}\n"
        os.write(fd, text.encode("utf-8", "replace"))
    finally:
        os.close(fd)
    return log_path


def describe_without_values(error: BaseException) -> str:
    """The traceback of ``error`` (and the errors it came from) with no messages, values or source lines."""
    chain: list[BaseException] = []
    current: BaseException | None = error
    while current is not None and current not in chain:
        chain.append(current)
        current = current.__cause__ or (None if current.__suppress_context__ else current.__context__)
    blocks = []
    for link in reversed(chain):  # the first error first, as Python prints them
        frames = "".join(
            f'  File "{frame.filename}", line {frame.lineno}, in {frame.name}\n'
            for frame in traceback.extract_tb(link.__traceback__)
        )
        blocks.append(f"Traceback (most recent call last):\n{frames}{_type_name(type(link))}\n")
    return "\nwhich led to:\n\n".join(blocks)


def _type_name(kind: type[BaseException]) -> str:
    module = kind.__module__
    return kind.__qualname__ if module == "builtins" else f"{module}.{kind.__qualname__}"


def crash_message(log_path: Path) -> str:
    return (
        "Heartwork stopped because of an unexpected error. Everything saved before "
        f"this moment is safe. Details (no journal text is shown here) are in {log_path}."
    )


def crash_message_without_log(refused: CrashLogRefusedError) -> str:
    return (
        f"Heartwork stopped because of an unexpected error. Everything saved before this moment is safe, but {refused}."
    )
