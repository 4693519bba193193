"""The encrypted body of a database file: libsodium AEAD in fixed-size chunks.

Format 2 (written now) cuts the JSON into chunks of ``CHUNK_BYTES`` and seals
each with AEGIS-256 (``nacl.bindings``, libsodium 1.0.19+: 256-bit key, nonce
and tag), under a key derived from the data key for this purpose only::

    nonce prefix (24 random bytes) | chunk size (4 bytes, big endian) | chunk 0 | chunk 1 | ...

Chunk ``i`` uses the nonce ``prefix + i`` (8 bytes, big endian) and, as
associated data, the whole file header, the body prefix above, ``i`` and a
final flag (1 on the last chunk only). So a chunk that is changed, moved,
dropped, repeated or taken from another file fails authentication, and a file
cut at a chunk boundary fails too (its new last chunk was not sealed as final).

Why: format 1 sealed the 12 MB of ten years in one XChaCha20-Poly1305 call,
and PyNaCl's wrapper allocates, zeroes and copies a whole-size buffer for it
(fresh memory, page faults and all), which cost as much again as the cipher;
chunks of 1 MiB reuse memory. AEGIS-256 is then about twice as fast as
XChaCha20-Poly1305 here (AES instructions), so an encrypted save costs about
1.2x a plain one instead of 2.2x.

Format 1 (a 24-byte random nonce, then one XChaCha20-Poly1305 AEAD over the
whole body, the data key itself as key) is still read, so files written
before open as they always did; the next save writes format 2.
"""

from __future__ import annotations

import struct
from collections.abc import Iterable, Iterator

import nacl.exceptions
import nacl.hash
import nacl.utils
from nacl.bindings import crypto_aead_aegis256_ABYTES as TAG_BYTES
from nacl.bindings import crypto_aead_aegis256_decrypt as aead_decrypt
from nacl.bindings import crypto_aead_aegis256_encrypt as aead_encrypt
from nacl.bindings import crypto_aead_aegis256_KEYBYTES as KEY_BYTES
from nacl.bindings import crypto_aead_aegis256_NPUBBYTES as NONCE_BYTES
from nacl.bindings import crypto_aead_xchacha20poly1305_ietf_decrypt as one_shot_decrypt
from nacl.bindings import crypto_aead_xchacha20poly1305_ietf_encrypt as one_shot_encrypt
from nacl.bindings import crypto_aead_xchacha20poly1305_ietf_NPUBBYTES as ONE_SHOT_NONCE_BYTES
from nacl.encoding import RawEncoder

CHUNK_BYTES = 1 << 20
MAX_CHUNK_BYTES = 1 << 26  # a larger chunk size in a file means it was damaged
PREFIX_BYTES = NONCE_BYTES - 8
_BODY_KEY_PERSON = b"hw-body-v2"
_CHUNK_SIZE = struct.Struct(">I")
BODY_START_BYTES = PREFIX_BYTES + _CHUNK_SIZE.size


def body_key(data_key: bytes) -> bytes:
    """The key format 2 bodies are sealed with: keyed BLAKE2b of the data key, used for nothing else."""
    return bytes(
        nacl.hash.blake2b(b"", digest_size=KEY_BYTES, key=data_key, person=_BODY_KEY_PERSON, encoder=RawEncoder)
    )


def _chunk_nonce(prefix: bytes, index: int) -> bytes:
    return prefix + index.to_bytes(NONCE_BYTES - PREFIX_BYTES, "big")


def _chunk_data(associated: bytes, index: int, final: bool) -> bytes:
    return associated + index.to_bytes(8, "big") + (b"\x01" if final else b"\x00")


def seal_chunked(payload: bytes, header_bytes: bytes, data_key: bytes, chunk_bytes: int = CHUNK_BYTES) -> list[bytes]:
    """The format 2 body for ``payload``, as parts to write one after another (the body prefix first)."""
    return list(seal_stream((payload,), header_bytes, data_key, chunk_bytes))


def seal_stream(
    parts: Iterable[bytes], header_bytes: bytes, data_key: bytes, chunk_bytes: int = CHUNK_BYTES
) -> Iterator[bytes]:
    """The format 2 body for the bytes of ``parts`` (in order), sealed a chunk at a time as they come.

    The same body :func:`seal_chunked` gives for ``b"".join(parts)``, holding
    one chunk of plain text and its sealed copy at a time, never the whole.
    """
    key = body_key(data_key)
    start = nacl.utils.random(PREFIX_BYTES) + _CHUNK_SIZE.pack(chunk_bytes)
    associated = header_bytes + start
    prefix = start[:PREFIX_BYTES]
    yield start
    for index, (chunk, final) in enumerate(_chunks_of(parts, chunk_bytes)):
        sealed = aead_encrypt(chunk, _chunk_data(associated, index, final), _chunk_nonce(prefix, index), key)
        del chunk  # neither is kept while the next chunk is gathered
        yield sealed
        del sealed


def _chunks_of(parts: Iterable[bytes], chunk_bytes: int) -> Iterator[tuple[bytes, bool]]:
    """The bytes of ``parts`` cut into chunks of ``chunk_bytes``, each with whether it is the last.

    The last chunk may be shorter (or empty, if there are no bytes at all). To
    know a full chunk is not the last, the next part is looked at, never the
    next chunk: only one chunk is held at a time.
    """
    views = (memoryview(part) for part in parts if part)
    view = next(views, None)
    filling = bytearray()
    while view is not None:
        if not filling and len(view) > chunk_bytes:  # a big part: its chunks are copied once
            yield bytes(view[:chunk_bytes]), False
            view = view[chunk_bytes:]
            continue
        take = chunk_bytes - len(filling)
        filling += view[:take]
        view = view[take:] or next(views, None)
        if len(filling) == chunk_bytes and view is not None:  # more follows: not the last
            chunk = bytes(filling)
            filling.clear()
            yield chunk, False
            del chunk
    yield bytes(filling), True


def open_chunked(body: bytes, header_bytes: bytes, data_key: bytes) -> bytes:
    """The plain bytes of a format 2 body; nacl's CryptoError if anything was changed or cut."""
    key = body_key(data_key)
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
    nonce = nacl.utils.random(ONE_SHOT_NONCE_BYTES)
    return nonce + one_shot_encrypt(payload, header_bytes, nonce, key)


def open_one_shot(body: bytes, header_bytes: bytes, key: bytes) -> bytes:
    """The plain bytes of a format 1 body; nacl's CryptoError if it fails authentication."""
    if len(body) < ONE_SHOT_NONCE_BYTES:
        raise nacl.exceptions.CryptoError("the body is cut short")
    nonce = body[:ONE_SHOT_NONCE_BYTES]
    return bytes(one_shot_decrypt(body[ONE_SHOT_NONCE_BYTES:], header_bytes, nonce, key))
