"""Backups and restore safety copies brought in line with the database's encryption (set, change, remove).

``heartwork passphrase set|change|remove`` writes the database first, then each
backup. A kill in between leaves backups that are plain beside an encrypted
database, or wrapped under the old passphrase. Every unlocked open of an
encrypted database calls :func:`seal_backups_left_behind` so those are sealed with
the database's own header (one small read per backup when nothing is left to do).
"""

from __future__ import annotations

import glob
import os
from pathlib import Path

from nacl.exceptions import CryptoError

from tui.core.encryption_header import PREFIX_SIZE, HeaderError, is_encrypted, read_prefix_length
from tui.store.backups import BackupRotator, read_backup
from tui.store.encryption import Envelope, decrypt
from tui.store.errors import BackupRefusedError, DatabaseLockedError
from tui.store.permissions import sweep_stale_temp_files_in, write_private_file


def _header_bytes_of(backup: Path) -> bytes | None:
    """The header at the front of ``backup`` (b"" if plain), or None if it cannot be read."""
    try:
        fd = os.open(backup, os.O_RDONLY | os.O_NOFOLLOW | getattr(os, "O_CLOEXEC", 0))
    except OSError:
        return None
    try:
        prefix = os.pread(fd, PREFIX_SIZE, 0)
        total = read_prefix_length(prefix)
        return b"" if total is None else os.pread(fd, total, 0)
    except OSError:
        return None
    finally:
        os.close(fd)


def safety_copies_beside(database: Path) -> list[Path]:
    """The ``<name>.before-restore-*`` copies a restore kept beside ``database`` (they parse, so they are data).

    ``<name>.unreadable-*`` copies are left as they are: they are kept byte-for-byte for recovery.
    """
    return sorted(database.parent.glob(f"{glob.escape(database.name)}.before-restore-*"))


def seal_backups_like(rotator: BackupRotator, envelope: Envelope | None) -> int:
    """Re-seal every backup (and restore safety copy) not written under ``envelope``'s header; return how many were.

    With ``envelope`` None (the database is plain) encrypted backups this
    process can open are stored plain. A backup that cannot be opened (another
    key, damaged) is left exactly as it is. Stale temp files of a killed
    rewrite are swept. OSError if a backup cannot be written.
    """
    try:
        backups = rotator.backups()
    except BackupRefusedError:
        backups = []
    if backups:
        sweep_stale_temp_files_in(rotator.folder)
    backups += safety_copies_beside(rotator.database)
    wanted = envelope.header_bytes if envelope is not None else b""
    rewritten = 0
    for backup in backups:
        found = _header_bytes_of(backup)
        if found is None or found == wanted:
            continue
        try:
            payload = read_backup(backup)
            plain = decrypt(backup, payload) if is_encrypted(payload) else payload
        except (BackupRefusedError, DatabaseLockedError, HeaderError, CryptoError, OSError):
            continue  # another key, or damaged: kept as it is
        write_private_file(backup, envelope.seal(plain) if envelope is not None else plain)
        rewritten += 1
    return rewritten


def seal_backups_left_behind(rotator: BackupRotator, envelope: Envelope) -> None:
    """:func:`seal_backups_like` on opening: a backup that cannot be written now is tried on the next open."""
    try:
        seal_backups_like(rotator, envelope)
    except OSError:
        pass  # a read-only disk, say
