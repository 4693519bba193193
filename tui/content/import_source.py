"""Reading a file someone wants to import: checked as a file before its text is trusted.

Refused in one line, before anything else is read: a path that is not a
regular file, a file larger than :data:`MAX_IMPORT_BYTES` (refused from its
size alone, never read whole), an empty file, a binary file (a NUL byte, or
bytes that are not UTF-8). What passes is returned as text for the pure
parsers in :mod:`tui.core`.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

MAX_IMPORT_BYTES = 200 * 1024 * 1024
"""The largest file an import reads (decades of data are a few tens of MB)."""


class ImportSourceError(ValueError):
    """The file cannot be read as an import; ``str()`` is one line."""


def read_import_text(path: Path, *, limit: int = MAX_IMPORT_BYTES) -> str:
    """The text of ``path``; ImportSourceError naming why it cannot be imported."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        raise ImportSourceError(f"there is no file {path}") from None
    except OSError as error:
        raise ImportSourceError(f"{path} cannot be opened: {error.strerror or error}") from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise ImportSourceError(f"{path} is not a regular file")
        if info.st_size > limit:
            raise ImportSourceError(
                f"{path} is {info.st_size // (1024 * 1024)} MB; Heartwork imports files up to "
                f"{limit // (1024 * 1024)} MB, so nothing was read"
            )
        with os.fdopen(fd, "rb", closefd=False) as stream:
            payload = stream.read(limit + 1)
    finally:
        os.close(fd)
    if len(payload) > limit:
        raise ImportSourceError(f"{path} grew past {limit // (1024 * 1024)} MB while it was read; nothing was imported")
    if not payload.strip():
        raise ImportSourceError(f"{path} is empty; nothing was imported")
    if b"\x00" in payload[:65536]:
        raise ImportSourceError(f"{path} is a binary file, not an export Heartwork can read")
    try:
        return payload.decode("utf-8")
    except UnicodeDecodeError as error:
        line = payload.count(b"\n", 0, error.start) + 1
        raise ImportSourceError(
            f"{path} is not UTF-8 text (line {line}); Heartwork reads JSON and CSV exports saved as UTF-8"
        ) from None
