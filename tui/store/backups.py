"""Rotating backups of the database, made only after a successful write.

A backup is a private copy (0600, in ``backups/`` beside the database, 0700)
of the bytes that were just written successfully, itself written atomically,
so it can never be half-written. It is a real copy, not a hard link: a hard
link shares the file's contents, so anything that later changed the database
in place (an editor, another program, a bad sector) would damage the backup
too. To keep saves fast, at most one backup is made every ``min_interval``
seconds per process, and only ``keep`` are kept.
"""

from __future__ import annotations

import os
import re
import time
from datetime import datetime
from pathlib import Path

from tui.store.permissions import (
    ensure_private_dir,
    sweep_stale_temp_files_in,
    write_private_file,
)

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
        from tui.store.errors import CorruptDatabaseError
        from tui.store.file_storage import parse_database

        for candidate in self.backups():
            try:
                parse_database(candidate, candidate.read_bytes())
            except (CorruptDatabaseError, OSError):
                continue
            return candidate
        return None

    def after_successful_write(self, written: Path, payload: bytes) -> Path | None:
        """Back up ``payload`` (just saved to ``written``) if the last backup is old enough; rotate."""
        now = time.monotonic()
        if self._last_made is None:
            self._last_made = self._last_backup_moment(now)
        if self._last_made is not None and now - self._last_made < self.min_interval:
            return None
        made = self.make(payload)
        self._last_made = now
        return made

    def _last_backup_moment(self, now: float) -> float | None:
        """When the newest backup on disk was made, on the monotonic clock (any process's).

        Short-lived processes such as ``heartwork checkin`` would otherwise each
        write a full backup; the interval holds across processes instead.
        """
        newest = self.backups()[:1]
        if not newest:
            return None
        try:
            age = time.time() - newest[0].stat().st_mtime
        except OSError:
            return None
        return now - age if 0 <= age < self.min_interval else None

    def make(self, payload: bytes) -> Path:
        """Write ``payload`` as a new backup now and drop the oldest beyond ``keep``."""
        ensure_private_dir(self.folder)
        sweep_stale_temp_files_in(self.folder)
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
        target = self.folder / f"{self.database.stem}-{stamp}.json"
        write_private_file(target, payload, overwrite=False)
        for old in self.backups()[self.keep :]:
            try:
                old.unlink()
            except OSError:
                pass
        return target
