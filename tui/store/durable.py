"""Making a new or renamed name inside a folder durable: the folder's own fsync.

Standard library only, so the quick capture (:mod:`tui.store.inbox_append`)
and :mod:`tui.store.permissions` share it.
"""

from __future__ import annotations

import os

TYPE_CHECKING = False  # importing typing would slow the quick capture; annotations only
if TYPE_CHECKING:
    from os import PathLike


def fsync_folder(folder: str | PathLike[str]) -> None:
    """Fsync ``folder`` so a file created or renamed in it survives a crash (quietly, where folders cannot be)."""
    try:
        dir_fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(dir_fd)
    except OSError:
        pass
    finally:
        os.close(dir_fd)
