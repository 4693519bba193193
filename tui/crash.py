"""Unexpected errors: details go to a private log file, never to the screen.

Tracebacks with local variables could show journal text, so the screen only
says that something went wrong and where the details are.
"""

from __future__ import annotations

import os
import traceback
from datetime import datetime
from pathlib import Path

from tui.paths import crash_log_path
from tui.store.permissions import PRIVATE_FILE_MODE, ensure_private_dir


def write_crash_log(error: BaseException, log_path: Path | None = None) -> Path:
    """Append the traceback (no local variables) to the crash log; return its path."""
    log_path = log_path or crash_log_path()
    ensure_private_dir(log_path.parent)
    text = "".join(traceback.format_exception(type(error), error, error.__traceback__))
    fd = os.open(log_path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, PRIVATE_FILE_MODE)
    try:
        os.fchmod(fd, PRIVATE_FILE_MODE)
        os.write(fd, f"--- {datetime.now().isoformat(timespec='seconds')}\n{text}\n".encode("utf-8", "replace"))
    finally:
        os.close(fd)
    return log_path


def crash_message(log_path: Path) -> str:
    return (
        "Heartwork stopped because of an unexpected error. Everything saved before "
        f"this moment is safe. Details (no journal text is shown here) are in {log_path}."
    )
