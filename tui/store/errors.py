"""Errors the store raises, each with a message a person can act on."""

from __future__ import annotations

import errno
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tui.core.encryption_header import Header


class StoreError(Exception):
    """Base class: something stopped the store from reading or saving."""


class CorruptDatabaseError(StoreError):
    """The database file exists but cannot be used; it is kept untouched."""

    def __init__(self, path: Path, reason: str, newest_backup: Path | None = None) -> None:
        self.path = path
        self.reason = reason
        self.newest_backup = newest_backup
        hint = (
            f" The newest good backup is {newest_backup}; `heartwork restore` puts it back."
            if newest_backup
            else " No backup was found."
        )
        super().__init__(
            f"The Heartwork database {path} could not be read: {reason}. It has not been changed or deleted.{hint}"
        )


class EncryptionHeaderError(CorruptDatabaseError):
    """The file starts like an encrypted Heartwork file, but its header is cut short, damaged or of an unknown format.

    The same recovery path as any unreadable file (kept, backup offered); the shell exits with 2.
    """


class DatabaseTooNewError(StoreError):
    """The file was written by a newer Heartwork; it is left as it is."""

    def __init__(self, path: Path, found: int, supported: int) -> None:
        self.path = path
        self.found = found
        self.supported = supported
        super().__init__(
            f"The database {path} was written by a newer version of Heartwork "
            f"(format {found}; this version understands up to {supported}). "
            "It has not been changed. Please update Heartwork to open it."
        )


class UnsafeFolderError(StoreError):
    """Heartwork's own data folder could be changed by someone else; it is not used."""

    def __init__(self, folder: Path, reason: str, what_to_do: str) -> None:
        self.folder = folder
        self.reason = reason
        super().__init__(
            f"Heartwork did not use its folder {folder} because {reason}, so your private "
            f"data would not be safe there. Nothing in it was read or changed. {what_to_do}"
        )


class StoreWriteError(StoreError):
    """A save did not reach the disk; the old file is intact and the change is kept in memory."""

    def __init__(self, path: Path, cause: BaseException, *, change_kept: bool = True) -> None:
        self.path = path
        self.cause = cause
        self.change_kept = change_kept
        self.reason = describe_write_problem(path, cause, folder_existed=True)
        then = (
            "and your change is kept in memory so you can try again."
            if change_kept
            else "and nothing was changed; please try again when it can be written."
        )
        super().__init__(f"Could not save to {path}: {self.reason}. The file on disk is unchanged, {then}")


def describe_write_problem(path: Path, cause: BaseException, *, folder_existed: bool = False) -> str:
    """A plain sentence for why writing beside ``path`` failed.

    ``folder_existed`` says the folder was there before (the database's own
    folder, since it was opened): then a missing folder "no longer exists".
    """
    number = getattr(cause, "errno", None)
    if number in (errno.ENOSPC, errno.EDQUOT):
        return "the disk is full"
    if number == errno.EROFS:
        return "the disk or folder is read-only"
    if number in (errno.EACCES, errno.EPERM):
        return f"Heartwork is not allowed to write in the folder {path.parent}"
    if number == errno.ENOENT:
        return f"the folder {path.parent} {'no longer exists' if folder_existed else 'does not exist'}"
    return getattr(cause, "strerror", None) or str(cause) or type(cause).__name__


def write_problem_advice(cause: BaseException) -> str:
    """What a person can do about a failed write, as the start of a sentence ("Free some space")."""
    number = getattr(cause, "errno", None)
    if number in (errno.ENOSPC, errno.EDQUOT):
        return "Free some space on the disk"
    if number == errno.EROFS:
        return "Make the disk or folder writable"
    if number in (errno.EACCES, errno.EPERM):
        return "Check that you may write in that folder"
    if number == errno.ENOENT:
        return "Make sure the folder is there (a drive that was removed, say)"
    return "Check the disk"


class StoreBusyError(StoreError):
    """Another process has held the database lock for too long."""

    def __init__(self, lock_path: Path, seconds: float) -> None:
        self.lock_path = lock_path
        super().__init__(
            f"Another Heartwork process has been saving for over {seconds:.0f} s "
            f"(lock {lock_path}). Nothing was changed; please try again."
        )


class BackupRefusedError(StoreError):
    """A backup folder or file that is a symbolic link (or not a plain file) is never followed."""

    def __init__(self, path: Path, reason: str) -> None:
        self.path = path
        self.reason = reason
        super().__init__(
            f"{reason} ({path}), so Heartwork does not use it: a link could send your private data "
            "somewhere else. Replace it with a real folder (or file) to have backups again."
        )


class LockUnavailableError(StoreError):
    """The lock file beside the database cannot be opened or created; nothing was changed."""

    def __init__(self, lock_path: Path, cause: BaseException) -> None:
        self.lock_path = lock_path
        self.cause = cause
        super().__init__(
            f"Could not open the lock file {lock_path}: {describe_write_problem(lock_path, cause)}. "
            "Nothing was changed."
        )


class InvalidValueError(StoreError, ValueError):
    """A value that cannot be stored as JSON (NaN, infinity, bytes, ...) was refused."""


class DatabaseLockedError(StoreError):
    """The database is encrypted and this process has not unlocked it yet."""

    def __init__(self, path: Path, header: Header, header_bytes: bytes) -> None:
        self.path = path
        self.header = header
        self.header_bytes = header_bytes
        super().__init__(f"The Heartwork database {path} is locked with a passphrase.")


class WrongSecretError(StoreError):
    """Neither the passphrase nor the recovery code opened the data key."""

    def __init__(self) -> None:
        super().__init__("That passphrase or recovery code did not open the data.")
