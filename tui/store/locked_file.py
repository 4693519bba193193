"""Reading the encryption header of a database from its first bytes, without loading any cryptography.

Quick captures call this on every run to learn whether to seal their record
(and to whom), so it stays cheap: one small read, and no libsodium import.
"""

from __future__ import annotations

from pathlib import Path

from tui.core.encryption_header import (
    PREFIX_SIZE,
    Header,
    HeaderError,
    decode_header,
    is_encrypted,
    read_prefix_length,
)
from tui.store.errors import EncryptionHeaderError


def read_header(database: Path) -> Header | None:
    """The header of ``database`` read from its first bytes only (None if plain, missing or unreadable).

    EncryptionHeaderError if the file starts like an encrypted one but its
    header is cut short, damaged or of an unknown format: a quick capture must
    then refuse, never write its words in the clear beside an encrypted file.
    """
    try:
        with open(database, "rb") as handle:
            prefix = handle.read(PREFIX_SIZE)
            if not is_encrypted(prefix):
                return None
            total = read_prefix_length(prefix) if len(prefix) == PREFIX_SIZE else None
            return decode_header(prefix + handle.read(total - PREFIX_SIZE) if total else prefix)[0]
    except OSError:
        return None
    except HeaderError as error:
        from tui.store.backups import BackupRotator

        raise EncryptionHeaderError(database, str(error), BackupRotator(database).newest()) from error
