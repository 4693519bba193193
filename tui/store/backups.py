"""Backups of the database: a spread over hours, days and weeks, never of an empty file.

A backup is a private copy (0600, in ``backups/`` beside the database, 0700)
of bytes that were saved successfully, itself written atomically, so it can
never be half-written. It is a real copy, not a hard link: a hard link shares
the file's contents, so anything that later changed the database in place
would damage the backup too.

After a save, a backup is made at most every ``min_interval`` seconds (across
processes: the newest backup's time stamp counts), and only when the database
holds at least one record. Before a migration, a restore or an import one is
taken at once (:func:`back_up_before`). Which backups are kept is decided by
:func:`tui.core.backup_retention.backups_to_keep`, from the moments in the
file names and an injected clock.

A ``backups`` folder or backup file that is a symbolic link is refused, never
followed: files are opened with ``O_NOFOLLOW`` and the folder is checked with
``lstat`` before anything is written, listed or made private in it.
"""

from __future__ import annotations

import errno
import os
import re
import stat
from collections.abc import Callable, Iterable
from datetime import datetime
from pathlib import Path

from tui.core.backup_contents import holds_records
from tui.core.backup_retention import DEFAULT_POLICY, RetentionPolicy, backups_to_keep
from tui.store import codec
from tui.store.errors import BackupRefusedError
from tui.store.permissions import ensure_private_dir, sweep_stale_temp_files_in, write_private_file

MIN_SECONDS_BETWEEN = 600.0
STAMP_FORMAT = "%Y%m%d-%H%M%S-%f"
# Why a backup was taken outside the regular rhythm; shown by ``heartwork restore --list``.
REASONS = ("migration", "restore", "import")


class BackupRotator:
    """Makes, lists and thins out the backups of one database."""

    def __init__(
        self,
        database: Path,
        *,
        min_interval: float = MIN_SECONDS_BETWEEN,
        policy: RetentionPolicy = DEFAULT_POLICY,
        clock: Callable[[], datetime] = datetime.now,
    ) -> None:
        self.database = database
        self.folder = database.parent / "backups"
        self.min_interval = min_interval
        self.policy = policy
        self.clock = clock
        self._last_made: datetime | None = None
        self._pattern = re.compile(
            re.escape(database.stem) + r"-(\d{8}-\d{6}-\d{6})(?:-before-(" + "|".join(REASONS) + r"))?\.json"
        )
        # Why the last backup could not be made (e.g. the folder is a symbolic link), or None.
        self.refused: BackupRefusedError | None = None

    # -- looking ----------------------------------------------------------------

    def check_folder(self) -> bool:
        """True if the backups folder exists; BackupRefusedError if it is a link or not a folder."""
        try:
            info = os.lstat(self.folder)
        except FileNotFoundError:
            return False
        if stat.S_ISLNK(info.st_mode):
            raise BackupRefusedError(self.folder, "the backups folder is a symbolic link")
        if not stat.S_ISDIR(info.st_mode):
            raise BackupRefusedError(self.folder, "there is a file where the backups folder should be")
        return True

    def backups(self) -> list[Path]:
        """Backups of this database, newest first (BackupRefusedError if the folder is a link)."""
        if not self.check_folder():
            return []
        try:
            names = os.listdir(self.folder)
        except OSError:
            return []
        return [self.folder / name for name in sorted(names, reverse=True) if self._pattern.fullmatch(name)]

    def moment_of(self, backup: Path) -> datetime | None:
        """When ``backup`` was made, from its name."""
        match = self._pattern.fullmatch(backup.name)
        if match is None:
            return None
        try:
            return datetime.strptime(match.group(1), STAMP_FORMAT)
        except ValueError:
            return None

    def reason_of(self, backup: Path) -> str | None:
        """ "migration", "restore" or "import" for a backup taken before one, else None."""
        match = self._pattern.fullmatch(backup.name)
        return match.group(2) if match else None

    def newest(self) -> Path | None:
        """The newest backup that parses as a database, or None (never raises)."""
        from tui.store.errors import CorruptDatabaseError, DatabaseLockedError
        from tui.store.file_storage import parse_database

        try:
            candidates = self.backups()
        except BackupRefusedError:
            return None
        for candidate in candidates:
            try:
                parse_database(candidate, read_backup(candidate))
            except DatabaseLockedError:
                return candidate  # encrypted and not unlocked here: checked when it is restored
            except (CorruptDatabaseError, BackupRefusedError, OSError):
                continue
            return candidate
        return None

    # -- making -----------------------------------------------------------------

    def after_successful_write(
        self, written: Path, payload: bytes | Iterable[bytes], has_records: bool | None = None
    ) -> Path | None:
        """Back up ``payload`` (just saved to ``written``) if it holds records and the last backup is old enough.

        ``payload`` may be pieces read as they are asked for (the saver passes
        the file it just wrote, copied a piece at a time): nothing is read when no
        backup is due. The saver passes ``has_records`` (it has the data in hand):
        parsing the payload again to find out would hold a second copy of the whole database.
        """
        now = self.clock()
        try:
            if self._last_made is None:
                newest = self.backups()[:1]
                self._last_made = self.moment_of(newest[0]) if newest else None
            if self._last_made is not None and 0 <= (now - self._last_made).total_seconds() < self.min_interval:
                return None
            if has_records is None:
                has_records = _holds_records(payload if isinstance(payload, bytes) else b"".join(payload))
            if not has_records:
                return None
            made = self.make(payload)
        except BackupRefusedError as error:
            self.refused = error
            return None
        self._last_made = now
        return made

    def back_up_now(self, reason: str) -> Path | None:
        """Copy the database as it is on disk now, before a ``reason`` ("migration", "restore", "import").

        Nothing is made when there is no file, when it does not parse or holds
        no records (there is nothing a backup could bring back). Raises
        BackupRefusedError for a linked folder and OSError if the copy cannot
        be written: the caller decides whether to go on without it.
        """
        assert reason in REASONS, reason
        try:
            payload = self.database.read_bytes()
        except FileNotFoundError:
            return None
        try:
            if not _holds_records(payload):
                return None
        except ValueError:
            return None
        return self.make(payload, reason=reason)

    def before_migration(self) -> Path | None:
        """A backup of the file as it is, before it is migrated; a backup that fails never stops the migration."""
        try:
            return self.back_up_now("migration")
        except BackupRefusedError as error:
            self.refused = error
        except OSError:
            pass
        return None

    def make(self, payload: bytes | Iterable[bytes], *, reason: str | None = None) -> Path:
        """Write ``payload`` (bytes, or parts in order, written as they come) as a new backup now, then thin out the old ones."""
        self.check_folder()  # a link is refused before anything is created, swept or chmodded
        ensure_private_dir(self.folder)
        sweep_stale_temp_files_in(self.folder)
        now = self.clock()
        suffix = f"-before-{reason}" if reason else ""
        target = self.folder / f"{self.database.stem}-{now.strftime(STAMP_FORMAT)}{suffix}.json"
        write_private_file(target, payload, overwrite=False)
        self.refused = None
        self.thin_out(now)
        return target

    def thin_out(self, now: datetime) -> list[Path]:
        """Remove the backups the retention policy no longer keeps; return them."""
        dated = [(path, self.moment_of(path)) for path in self.backups()]
        keep = backups_to_keep([moment for _, moment in dated if moment is not None], now, self.policy)
        removed = []
        for path, moment in dated:
            if moment is None or moment in keep:
                continue
            try:
                path.unlink()
            except OSError:
                continue
            removed.append(path)
        return removed


def back_up_before(database: Path, reason: str) -> Path | None:
    """Take a backup of ``database`` before a migration, restore or import (see :meth:`BackupRotator.back_up_now`)."""
    return BackupRotator(database).back_up_now(reason)


def read_backup(path: Path) -> bytes:
    """The bytes of one backup file, never through a symbolic link (BackupRefusedError then)."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | getattr(os, "O_CLOEXEC", 0))
    except OSError as error:
        if error.errno == errno.ELOOP:
            raise BackupRefusedError(path, "this backup is a symbolic link") from error
        raise
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise BackupRefusedError(path, "this backup is not a regular file")
        chunks = []
        while chunk := os.read(fd, 1 << 20):
            chunks.append(chunk)
        return b"".join(chunks)
    finally:
        os.close(fd)


def _holds_records(payload: bytes) -> bool:
    from tui.core.encryption_header import is_encrypted

    if is_encrypted(payload):
        from tui.store.encryption import decrypt

        try:
            payload = decrypt(Path("backup"), payload)
        except Exception:
            return True  # sealed and not readable here: keep it, it may well hold records
    data = codec.decode(payload)
    return isinstance(data, dict) and holds_records(data)
