"""Reading the encryption header of a database from its first bytes, without loading any cryptography.

Quick captures call this on every run to learn whether to seal their record
(and to whom), so it stays cheap: one small read, no libsodium import, and
(for :func:`read_header_fields`) not even the header dataclass.
"""

from __future__ import annotations

from tui.core.encryption_header_fields import PREFIX_SIZE, HeaderError, decode_header_fields, read_prefix_length

TYPE_CHECKING = False  # importing typing or pathlib would slow the sealed quick capture; annotations only
if TYPE_CHECKING:
    from os import PathLike

    from tui.core.encryption_header import Header


def read_header(database: str | PathLike[str]) -> Header | None:
    """The header of ``database`` read from its first bytes only (None if plain or missing)."""
    fields = read_header_fields(database)
    if fields is None:
        return None
    from tui.core.encryption_header import Header

    return Header(**fields)  # type: ignore[arg-type]  # decode_header_fields names exactly Header's fields


def read_header_fields(database: str | PathLike[str]) -> dict[str, int | bytes] | None:
    """The header's values by name (as :func:`read_header`, without building a Header), or None."""
    try:
        with open(database, "rb") as handle:
            prefix = handle.read(PREFIX_SIZE)
            total = read_prefix_length(prefix)
            if total is None:
                return None
            return decode_header_fields(prefix + handle.read(total - PREFIX_SIZE))[0]
    except (OSError, HeaderError):
        return None
