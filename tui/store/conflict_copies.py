"""Conflict copies a sync tool leaves beside the database: found, merged record by record, put away.

When two computers change the synced database before they have talked,
Syncthing keeps one version under the real name and the other as
``heartwork.sync-conflict-20261203-174501-ABCDEF7.json``; Dropbox, Nextcloud
and similar clients write ``heartwork (conflicted copy 2026-12-03).json``.
Each copy found is merged into the database, record by record
(:func:`tui.core.record_merge.merge_copies`), in one save, and then moved
into ``backups/`` (never deleted), so the next look finds nothing more to do.

Only names built from the database's own name match: temp files
(``.heartwork.json.*.tmp``), the lock file and another program's files are
never taken for a copy. A copy that cannot be read, or comes from a newer
Heartwork, is left where it is and reported once.

An encrypted database's conflict copies are encrypted with the same data key:
:func:`_read_copy` reads them through the same path as the database, so they
are decrypted only once this process has unlocked it (never before), and a
copy locked with a key this process does not hold is left alone and reported.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from tui.core.record_merge import DEFAULT_KEEP_TOMBSTONE_DAYS, MergeSummary, content_view, merge_copies
from tui.store.database import Database
from tui.store.errors import CorruptDatabaseError, DatabaseLockedError
from tui.store.file_storage import parse_database
from tui.store.migrations import CURRENT_VERSION, migrate, version_of
from tui.store.permissions import ensure_private_dir

_SYNCTHING = r"(?:\.sync-conflict-\d{8}-\d{6}-[A-Z0-9]{7})+"
_CONFLICTED_COPY = r" \([^()/]*conflicted copy[^()/]*\)"


@dataclass
class ConflictReport:
    """What one look for conflict copies did."""

    merged: list[Path] = field(default_factory=list)  # where each merged copy was put away
    summary: MergeSummary = field(default_factory=MergeSummary)
    left_alone: list[tuple[Path, str]] = field(default_factory=list)  # (copy, why it was not merged)

    @property
    def anything(self) -> bool:
        return bool(self.merged or self.left_alone)

    def describe(self) -> str:
        """One calm line for the person."""
        parts = []
        if self.merged:
            copies = "a copy" if len(self.merged) == 1 else f"{len(self.merged)} copies"
            parts.append(f"Merged {copies} from your sync folder: {self.summary.describe()}.")
        if self.left_alone:
            path, why = self.left_alone[0]
            more = f" (and {len(self.left_alone) - 1} more)" if len(self.left_alone) > 1 else ""
            parts.append(f"Left {path.name}{more} as it is: {why}.")
        return " ".join(parts)


def conflict_name_pattern(database: Path) -> re.Pattern[str]:
    """The names a sync tool gives conflict copies of ``database``."""
    stem, suffix = re.escape(database.stem), re.escape(database.suffix)
    return re.compile(rf"{stem}(?:{_SYNCTHING}|{_CONFLICTED_COPY}){suffix}", re.IGNORECASE)


def is_conflict_copy(database: Path, candidate: str) -> bool:
    """True if the file name ``candidate`` is a sync tool's conflict copy of ``database``."""
    return conflict_name_pattern(database).fullmatch(candidate) is not None


def find_conflict_copies(database: Path) -> list[Path]:
    """Conflict copies beside ``database`` (plain files only), oldest name first."""
    pattern = conflict_name_pattern(database)
    try:
        with os.scandir(database.parent) as entries:
            found = [
                Path(entry.path)
                for entry in entries
                if pattern.fullmatch(entry.name) and entry.is_file(follow_symlinks=False)
            ]
    except OSError:
        return []
    return sorted(found)


def merge_conflict_copies(
    database: Database,
    *,
    now: datetime | None = None,
    keep_days: int = DEFAULT_KEEP_TOMBSTONE_DAYS,
    already_reported: set[Path] | None = None,
) -> ConflictReport:
    """Merge every conflict copy beside the database into it, then move the copies into ``backups/``.

    ``already_reported`` (kept by the caller between looks) stops a copy that
    cannot be merged from being reported again and again. Raises StoreError
    if the merged database cannot be saved (the copies then stay where they are).
    """
    report = ConflictReport()
    if database.path is None or database.read_only:
        return report
    copies = find_conflict_copies(database.path)
    if not copies:
        return report
    now = now or datetime.now().astimezone()
    with database.transaction():
        ours = database.storage.read() or {}
        merged: dict[str, Any] = ours
        done: list[Path] = []
        for copy in copies:
            theirs, why = _read_copy(copy)
            if theirs is None:
                if already_reported is None or copy not in already_reported:
                    report.left_alone.append((copy, why))
                if already_reported is not None:
                    already_reported.add(copy)
                continue
            merged, summary = merge_copies(merged, theirs, now=now, keep_tombstone_days=keep_days)
            report.summary = report.summary.plus(summary)
            done.append(copy)
        if done and content_view(merged) != content_view(ours):
            database.replace_data(merged)
    report.merged = [_put_away(copy, database.path.parent / "backups") for copy in done]
    return report


def _read_copy(copy: Path) -> tuple[dict[str, Any] | None, str]:
    try:
        data = parse_database(copy, copy.read_bytes())
    except CorruptDatabaseError as error:
        return None, f"it could not be read ({error.reason})"
    except DatabaseLockedError:
        return None, "it is locked with a passphrase this Heartwork has not unlocked"
    except OSError as error:
        return None, f"it could not be opened ({error.strerror or error})"
    if version_of(data) > CURRENT_VERSION:
        return None, "a newer Heartwork wrote it; update Heartwork to merge it"
    migrate(data)
    return data, ""


def _put_away(copy: Path, folder: Path) -> Path:
    """Move a merged copy into the backups folder, under a name not taken yet."""
    ensure_private_dir(folder)
    target = folder / copy.name
    number = 1
    while target.exists():
        number += 1
        target = folder / f"{copy.stem}.{number}{copy.suffix}"
    os.replace(copy, target)
    return target
