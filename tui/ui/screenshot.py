"""Saving a screenshot of the app: a private SVG in Heartwork's own folder.

Textual's default saves to a Downloads folder that may not exist, and fails
with no reason given. A screenshot can show journal text, so it goes to the
user data folder (``tui.paths.screenshots_dir``), folder 0700, file 0600,
and the app says where it went, or why it could not.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from tui.paths import screenshots_dir
from tui.store.permissions import ensure_private_dir, write_private_file


def screenshot_name(moment: datetime) -> str:
    """``heartwork-2026-03-02-093000.svg``: sorts by time, no characters shells dislike."""
    return f"heartwork-{moment:%Y-%m-%d-%H%M%S}.svg"


def save_screenshot_svg(svg: str, moment: datetime, folder: Path | None = None) -> Path:
    """Write ``svg`` privately into ``folder`` (default: the screenshots folder); returns the path. Raises OSError."""
    if folder is None:
        folder = screenshots_dir()
        ensure_private_dir(folder.parent)  # Heartwork's data folder, 0700 even when it is first made here
    ensure_private_dir(folder)
    path = folder / screenshot_name(moment)
    counter = 1
    while path.exists():
        counter += 1
        path = folder / f"{path.stem.split('~')[0]}~{counter}.svg"
    write_private_file(path, svg.encode("utf-8"), overwrite=False)
    return path
