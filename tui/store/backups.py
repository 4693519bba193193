"""Rotating backups of the database, made only after a successful write.

Because every save renames a brand-new file into place, the file on disk is
never modified after it is written. A backup is therefore a hard link to the
current file: instant, no extra disk space until the next save, and it can
never be half-written. Where hard links are impossible, a private copy is made.
"""

from __future__ import annotations

import os
import re
import time
from datetime import datetime
from pathlib import Path

from tui.store.permissions import ensure_private_dir, fsync_dir, write_private_file

KEEP = 5
MIN_SECONDS_BETWEEN = 600.0


class BackupRotator:
    """Keeps up to ``keep`` backups of one database in a private folder."""

    def __init__(self, database: Path, keep: int = KEEP, min_interval: float = MIN_SECONDS_BETWEEN) -> None:
        self.database = database
        self.folder = database.parent / "backups"
        self.keep = keep
        self.min_interval = min_interval
        self._last_made: float | None = None

    def backups(self) -> list[Path]:
        """Backups of this database, newest first."""
        try:
            names = os.listdir(self.folder)
        except OSError:
            return []
        pattern = re.compile(re.escape(self.database.stem) + r"-\d{8}-\d{6}-\d{6}\.json")
        return [self.folder / name for name in sorted(names, reverse=True) if pattern.fullmatch(name)]

    def newest(self) -> Path | None:
        """The newest backup that parses as a database, or None."""
        from tui.store.file_storage import parse_database
        from tui.store.errors import CorruptDatabaseError

        for candidate in self.backups():
            try:
                parse_database(candidate, candidate.read_bytes())
            except (CorruptDatabaseError, OSError):
                continue
            return candidate
        return None

    def after_successful_write(self, written: Path) -> Path | None:
        """Make a backup of ``written`` if the last one is old enough; rotate."""
        now = time.monotonic()
        if self._last_made is not None and now - self._last_made < self.min_interval:
            return None
        made = self.make(written)
        self._last_made = now
        return made

    def make(self, source: Path) -> Path:
        """Snapshot ``source`` into the backup folder now and drop the oldest extras."""
        ensure_private_dir(self.folder)
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
        target = self.folder / f"{self.database.stem}-{stamp}.json"
        if target.exists():
            return target
        try:
            os.link(source, target)
        except OSError:
            write_private_file(target, source.read_bytes())
        fsync_dir(self.folder)
        for old in self.backups()[self.keep :]:
            try:
                old.unlink()
            except OSError:
                pass
        return target
