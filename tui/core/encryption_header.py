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
import struct
from dataclasses import dataclass

MAGIC = b"HWENC"
VERSION = 2
KNOWN_VERSIONS = (1, 2)
_PREFIX = struct.Struct(">5sBI")
MAX_HEADER_BYTES = 1 << 16


class HeaderError(ValueError):
    """The header is truncated, damaged or of a version this Heartwork does not know."""


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


def is_encrypted(payload: bytes) -> bool:
    """True if ``payload`` starts like an encrypted Heartwork file."""
    return payload[: len(MAGIC)] == MAGIC


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
    return _PREFIX.pack(MAGIC, VERSION, len(body)) + body


def decode_header(payload: bytes) -> tuple[Header, bytes, bytes]:
    """(header, the header's own bytes, the body after it); HeaderError if it cannot be read."""
    if len(payload) < _PREFIX.size:
        raise HeaderError("the encryption header is cut short")
    magic, version, length = _PREFIX.unpack_from(payload)
    if magic != MAGIC:
        raise HeaderError("the file is not an encrypted Heartwork file")
    if version not in KNOWN_VERSIONS:
        raise HeaderError(
            f"the file uses encryption format {version}, which this Heartwork does not know (a newer version may open it)"
        )
    end = _PREFIX.size + length
    if length > MAX_HEADER_BYTES or len(payload) < end:
        raise HeaderError("the encryption header is cut short")
    try:
        raw = json.loads(payload[_PREFIX.size : end])
        header = Header(
            opslimit=int(raw["opslimit"]),
            memlimit=int(raw["memlimit"]),
            salt=base64.b64decode(raw["salt"], validate=True),
            passphrase_wrap=base64.b64decode(raw["passphrase_wrap"], validate=True),
            recovery_salt=base64.b64decode(raw["recovery_salt"], validate=True),
            recovery_wrap=base64.b64decode(raw["recovery_wrap"], validate=True),
            public_key=base64.b64decode(raw["public_key"], validate=True),
            sealed_private_key=base64.b64decode(raw["sealed_private_key"], validate=True),
        )
    except (ValueError, KeyError, TypeError) as error:
        raise HeaderError("the encryption header is damaged") from error
    return header, payload[:end], payload[end:]


def read_prefix_length(prefix: bytes) -> int | None:
    """How many bytes the whole header takes, from its first bytes (None if not encrypted)."""
    if len(prefix) < _PREFIX.size or prefix[: len(MAGIC)] != MAGIC:
        return None
    return _PREFIX.size + int(_PREFIX.unpack_from(prefix)[2])


def format_version(header_bytes: bytes) -> int:
    """The format version of a header already read by :func:`decode_header`."""
    return int(_PREFIX.unpack_from(header_bytes)[1])


PREFIX_SIZE = _PREFIX.size
