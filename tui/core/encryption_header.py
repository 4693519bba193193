"""The header at the front of an encrypted Heartwork file: a pure byte codec.

Layout::

    b"HWENC" | version (1 byte) | header length (4 bytes, big endian) | header JSON | body

The header JSON holds everything needed to unwrap the data key (Argon2id
parameters and salt, the key wrapped by the passphrase and by the recovery
code) and the public key that quick captures are sealed to. The body is the
encrypted database. Nothing here does cryptography or touches a file.

The version says how the body is sealed (tui.store.sealed_body): 1, one AEAD
call over the whole body; 2 (written now), fixed-size chunks. Both are read.
"""

from __future__ import annotations

import base64
import json
from dataclasses import dataclass
from typing import Any, cast

from tui.core.encryption_header_fields import KNOWN_VERSIONS as KNOWN_VERSIONS
from tui.core.encryption_header_fields import MAGIC as MAGIC
from tui.core.encryption_header_fields import MAX_HEADER_BYTES as MAX_HEADER_BYTES
from tui.core.encryption_header_fields import PREFIX, decode_header_fields
from tui.core.encryption_header_fields import PREFIX_SIZE as PREFIX_SIZE
from tui.core.encryption_header_fields import VERSION as VERSION
from tui.core.encryption_header_fields import HeaderError as HeaderError
from tui.core.encryption_header_fields import format_version as format_version
from tui.core.encryption_header_fields import is_encrypted as is_encrypted
from tui.core.encryption_header_fields import read_prefix_length as read_prefix_length


@dataclass(frozen=True)
class Header:
    """What unlocks one encrypted file (no secret in clear)."""

    opslimit: int
    memlimit: int
    salt: bytes
    passphrase_wrap: bytes
    recovery_salt: bytes
    recovery_wrap: bytes
    public_key: bytes
    sealed_private_key: bytes  # the inbox private key, encrypted with the data key


def _b64(value: bytes) -> str:
    return base64.b64encode(value).decode("ascii")


def encode_header(header: Header) -> bytes:
    """The header bytes that go in front of the body."""
    body = json.dumps(
        {
            "opslimit": header.opslimit,
            "memlimit": header.memlimit,
            "salt": _b64(header.salt),
            "passphrase_wrap": _b64(header.passphrase_wrap),
            "recovery_salt": _b64(header.recovery_salt),
            "recovery_wrap": _b64(header.recovery_wrap),
            "public_key": _b64(header.public_key),
            "sealed_private_key": _b64(header.sealed_private_key),
        },
        separators=(",", ":"),
        sort_keys=True,
    ).encode("ascii")
    return PREFIX.pack(MAGIC, VERSION, len(body)) + body


def decode_header(payload: bytes) -> tuple[Header, bytes, bytes]:
    """(header, the header's own bytes, the body after it); HeaderError if it cannot be read."""
    fields, header_bytes, body = decode_header_fields(payload)
    return Header(**cast("dict[str, Any]", fields)), header_bytes, body
