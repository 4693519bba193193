"""The encrypted body of a database file: libsodium AEAD in fixed-size chunks.

Format 2 (written now) cuts the JSON into chunks of ``CHUNK_BYTES`` and seals
each with XChaCha20-Poly1305 (``nacl.bindings``, libsodium)::

    nonce prefix (16 random bytes) | chunk size (4 bytes, big endian) | chunk 0 | chunk 1 | ...

Chunk ``i`` uses the nonce ``prefix + i`` (8 bytes, big endian) and, as
associated data, the whole file header, the body prefix above, ``i`` and a
final flag (1 on the last chunk only). So a chunk that is changed, moved,
dropped, repeated or taken from another file fails authentication, and a file
cut at a chunk boundary fails too (its new last chunk was not sealed as final).

Why chunks: sealing 12 MB in one call makes libsodium's wrapper allocate, zero
and copy the whole ciphertext twice more (fresh memory, page faults included),
which cost as much again as the cipher itself; chunks of 1 MiB reuse memory
and are written to the file one after another, never joined.

Format 1 (one AEAD call over the whole body after a 24-byte random nonce) is
still read, so files written before open as they always did.
"""

from __future__ import annotations

import struct

import nacl.exceptions
import nacl.utils
from nacl.bindings import crypto_aead_xchacha20poly1305_ietf_ABYTES as TAG_BYTES
from nacl.bindings import crypto_aead_xchacha20poly1305_ietf_decrypt as aead_decrypt
from nacl.bindings import crypto_aead_xchacha20poly1305_ietf_encrypt as aead_encrypt
from nacl.bindings import crypto_aead_xchacha20poly1305_ietf_NPUBBYTES as NONCE_BYTES

CHUNK_BYTES = 1 << 20
MAX_CHUNK_BYTES = 1 << 26  # a larger chunk size in a file means it was damaged
PREFIX_BYTES = 16
_CHUNK_SIZE = struct.Struct(">I")
BODY_START_BYTES = PREFIX_BYTES + _CHUNK_SIZE.size


def _chunk_nonce(prefix: bytes, index: int) -> bytes:
    return prefix + index.to_bytes(NONCE_BYTES - PREFIX_BYTES, "big")


def _chunk_data(associated: bytes, index: int, final: bool) -> bytes:
    return associated + index.to_bytes(8, "big") + (b"\x01" if final else b"\x00")


def seal_chunked(payload: bytes, header_bytes: bytes, key: bytes, chunk_bytes: int = CHUNK_BYTES) -> list[bytes]:
    """The format 2 body for ``payload``, as parts to write one after another (the body prefix first)."""
    start = nacl.utils.random(PREFIX_BYTES) + _CHUNK_SIZE.pack(chunk_bytes)
    associated = header_bytes + start
    prefix = start[:PREFIX_BYTES]
    count = max(1, -(-len(payload) // chunk_bytes))
    parts = [start]
    for index in range(count):
        chunk = payload[index * chunk_bytes : (index + 1) * chunk_bytes]
        final = index == count - 1
        parts.append(aead_encrypt(chunk, _chunk_data(associated, index, final), _chunk_nonce(prefix, index), key))
    return parts


def open_chunked(body: bytes, header_bytes: bytes, key: bytes) -> bytes:
    """The plain bytes of a format 2 body; nacl's CryptoError if anything was changed or cut."""
    if len(body) < BODY_START_BYTES + TAG_BYTES:
        raise nacl.exceptions.CryptoError("the body is cut short")
    start = body[:BODY_START_BYTES]
    (chunk_bytes,) = _CHUNK_SIZE.unpack_from(start, PREFIX_BYTES)
    if not 0 < chunk_bytes <= MAX_CHUNK_BYTES:
        raise nacl.exceptions.CryptoError("the body's chunk size is damaged")
    associated = header_bytes + start
    prefix = start[:PREFIX_BYTES]
    sealed_bytes = chunk_bytes + TAG_BYTES
    view = memoryview(body)
    position, index, parts = BODY_START_BYTES, 0, []
    while True:
        end = position + sealed_bytes
        final = end >= len(body)
        sealed = bytes(view[position:end])
        if len(sealed) < TAG_BYTES:
            raise nacl.exceptions.CryptoError("the body is cut short")
        parts.append(aead_decrypt(sealed, _chunk_data(associated, index, final), _chunk_nonce(prefix, index), key))
        if final:
            return parts[0] if len(parts) == 1 else b"".join(parts)
        position, index = end, index + 1


def seal_one_shot(payload: bytes, header_bytes: bytes, key: bytes) -> bytes:
    """The format 1 body (nonce, then one AEAD over everything): kept for tests of old files."""
    nonce = nacl.utils.random(NONCE_BYTES)
    return nonce + aead_encrypt(payload, header_bytes, nonce, key)


def open_one_shot(body: bytes, header_bytes: bytes, key: bytes) -> bytes:
    """The plain bytes of a format 1 body; nacl's CryptoError if it fails authentication."""
    if len(body) < NONCE_BYTES:
        raise nacl.exceptions.CryptoError("the body is cut short")
    return bytes(aead_decrypt(body[NONCE_BYTES:], header_bytes, body[:NONCE_BYTES], key))
