"""Reading the encryption header of a database from its first bytes, without loading any cryptography.

Quick captures call this on every run to learn whether to seal their record
(and to whom), so it stays cheap: one small read, no libsodium import, and
(for :func:`read_header_fields`) not even the header dataclass.
"""

from __future__ import annotations

from tui.core.encryption_header_fields import (
    MAX_HEADER_BYTES,
    PREFIX_SIZE,
    HeaderError,
    decode_header_fields,
    is_encrypted,
    read_prefix_length,
)

TYPE_CHECKING = False  # importing typing or pathlib would slow the sealed quick capture; annotations only
if TYPE_CHECKING:
    from os import PathLike

    from tui.core.encryption_header import Header


def read_header(database: str | PathLike[str]) -> Header | None:
    """The header of ``database`` read from its first bytes only (None if plain, missing or unreadable).

    EncryptionHeaderError if the file starts like an encrypted one but its
    header is cut short, damaged or of an unknown format: a quick capture must
    then refuse, never write its words in the clear beside an encrypted file.
    """
    try:
        fields = _fields(database)
    except HeaderError as error:
        from pathlib import Path

        from tui.store.backups import BackupRotator
        from tui.store.errors import EncryptionHeaderError

        path = Path(database)
        raise EncryptionHeaderError(path, str(error), BackupRotator(path).newest()) from error
    if fields is None:
        return None
    from tui.core.encryption_header import Header

    return Header(**fields)  # type: ignore[arg-type]  # decode_header_fields names exactly Header's fields


def read_header_fields(database: str | PathLike[str]) -> dict[str, int | bytes] | None:
    """The header's values by name (as :func:`read_header`, without building a Header).

    None if the file is plain or missing, and also if its header cannot be
    read: the caller (the quick capture) then steps aside to the full command,
    which refuses with :func:`read_header`'s message.
    """
    try:
        return _fields(database)
    except HeaderError:
        return None


def _fields(database: str | PathLike[str]) -> dict[str, int | bytes] | None:
    try:
        with open(database, "rb") as handle:
            prefix = handle.read(PREFIX_SIZE)
            if not is_encrypted(prefix):
                return None
            total = read_prefix_length(prefix)  # None when cut short: decoding then says so
            rest = handle.read(min(total - PREFIX_SIZE, MAX_HEADER_BYTES + 1)) if total else b""
            return decode_header_fields(prefix + rest)[0]
    except OSError:
        return None
