"""Reading the encryption header of a database from its first bytes, without loading any cryptography.

Quick captures call this on every run to learn whether to seal their record
(and to whom), so it stays cheap: one small read, and no libsodium import.
"""

from __future__ import annotations

from pathlib import Path

from tui.core.encryption_header import PREFIX_SIZE, Header, HeaderError, decode_header, read_prefix_length


def read_header(database: Path) -> Header | None:
    """The header of ``database`` read from its first bytes only (None if plain or missing)."""
    try:
        with open(database, "rb") as handle:
            prefix = handle.read(PREFIX_SIZE)
            total = read_prefix_length(prefix)
            if total is None:
                return None
            return decode_header(prefix + handle.read(total - PREFIX_SIZE))[0]
    except (OSError, HeaderError):
        return None
