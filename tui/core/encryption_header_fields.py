"""The first bytes of an encrypted Heartwork file, read into plain values: no dataclass, cheap to import.

:mod:`tui.core.encryption_header` builds its :class:`~tui.core.encryption_header.Header`
from :func:`decode_header_fields`; a sealed quick capture (``heartwork checkin 7``
on an encrypted database) needs only the public key, and importing
``dataclasses`` would cost it a third of its time. Layout::

    b"HWENC" | version (1 byte) | header length (4 bytes, big endian) | header JSON | body
"""

from __future__ import annotations

import struct

MAGIC = b"HWENC"
VERSION = 2
"""The format written now (2: the body sealed in chunks, see tui.store.sealed_body)."""
KNOWN_VERSIONS = (1, 2)
PREFIX = struct.Struct(">5sBI")
MAX_HEADER_BYTES = 1 << 16


class HeaderError(ValueError):
    """The header is truncated, damaged or of a version this Heartwork does not know."""


HEADER_INTS = ("opslimit", "memlimit")
HEADER_BYTES = ("salt", "passphrase_wrap", "recovery_salt", "recovery_wrap", "public_key", "sealed_private_key")


def is_encrypted(payload: bytes) -> bool:
    """True if ``payload`` starts like an encrypted Heartwork file."""
    return payload[: len(MAGIC)] == MAGIC


def decode_header_fields(payload: bytes) -> tuple[dict[str, int | bytes], bytes, bytes]:
    """(the header's values by name, the header's own bytes, the body after it); HeaderError if unreadable."""
    if len(payload) < PREFIX.size:
        raise HeaderError("the encryption header is cut short")
    magic, version, length = PREFIX.unpack_from(payload)
    if magic != MAGIC:
        raise HeaderError("the file is not an encrypted Heartwork file")
    if version not in KNOWN_VERSIONS:
        raise HeaderError(
            f"the file uses encryption format {version}, which this Heartwork does not know (a newer version may open it)"
        )
    end = PREFIX.size + length
    if length > MAX_HEADER_BYTES or len(payload) < end:
        raise HeaderError("the encryption header is cut short")
    import base64  # here: a plain database's quick capture only compares the magic bytes
    import json

    try:
        raw = json.loads(payload[PREFIX.size : end])
        fields: dict[str, int | bytes] = {name: int(raw[name]) for name in HEADER_INTS}
        fields.update((name, base64.b64decode(raw[name], validate=True)) for name in HEADER_BYTES)
    except (ValueError, KeyError, TypeError) as error:
        raise HeaderError("the encryption header is damaged") from error
    return fields, payload[:end], payload[end:]


def read_prefix_length(prefix: bytes) -> int | None:
    """How many bytes the whole header takes, from its first bytes (None if not encrypted)."""
    if len(prefix) < PREFIX.size or prefix[: len(MAGIC)] != MAGIC:
        return None
    return PREFIX.size + int(PREFIX.unpack_from(prefix)[2])


def format_version(header_bytes: bytes) -> int:
    """The format version of a header already read by :func:`decode_header_fields`."""
    return int(PREFIX.unpack_from(header_bytes)[1])


PREFIX_SIZE = PREFIX.size
