"""Encryption at rest: a data key, wrapped by the passphrase and by a recovery code.

Built on PyNaCl (libsodium) only: ``nacl.pwhash.argon2id`` derives a key
from the passphrase, ``nacl.secret.SecretBox`` (XSalsa20-Poly1305) wraps the
data key, ``nacl.public.SealedBox`` lets quick captures add records that only
the key holder can read.

The database body is libsodium's AEGIS-256 AEAD (``nacl.bindings``) over the
JSON in 1 MiB chunks, with the whole header as associated data: a changed
header (say a swapped public key) fails authentication exactly as a changed
body does (see tui.store.sealed_body, which also reads the older format: one
XChaCha20-Poly1305 call over the whole body). An AEAD is used for the body
rather than SecretBox because PyNaCl's SecretBox copies the message several
times (the zero-padded NaCl API), which made a 10-year save 3.5x slower than
a plain one; one XChaCha20-Poly1305 call made it about 2.2x, AEGIS-256 chunks
about 1.2x.

Unlocked keys live only in this process's memory (:data:`_UNLOCKED`, by the
header's public key), so every file written with that header (the database,
its backups) opens once the person has unlocked. Nothing here writes a file:
:class:`tui.store.file_storage.AtomicFileStorage` stays the only writer.
"""

from __future__ import annotations

import secrets
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path

import nacl.exceptions
import nacl.hash
import nacl.pwhash
import nacl.secret
import nacl.utils
from nacl.encoding import RawEncoder
from nacl.public import PrivateKey, SealedBox

from tui.core.encryption_header import (
    VERSION,
    Header,
    HeaderError,
    decode_header,
    encode_header,
    format_version,
    is_encrypted,
)
from tui.store.errors import DatabaseLockedError, WrongSecretError
from tui.store.locked_file import read_header
from tui.store.sealed_body import open_chunked, open_one_shot, seal_chunked, seal_stream
from tui.store.sealing import seal_for

__all__ = ["DatabaseLockedError", "WrongSecretError", "read_header", "seal_for"]

# Argon2id cost: libsodium's INTERACTIVE memory (64 MiB) with more passes, about 0.5 s here.
DEFAULT_OPSLIMIT = nacl.pwhash.argon2id.OPSLIMIT_INTERACTIVE * 9
DEFAULT_MEMLIMIT = nacl.pwhash.argon2id.MEMLIMIT_INTERACTIVE
# For tests only: the cheapest cost libsodium allows.
TEST_OPSLIMIT = nacl.pwhash.argon2id.OPSLIMIT_MIN
TEST_MEMLIMIT = nacl.pwhash.argon2id.MEMLIMIT_MIN

RECOVERY_ALPHABET = "ABCDEFGHJKMNPQRSTVWXYZ23456789"  # no 0/O, 1/I/L, U: easy to read aloud
RECOVERY_LENGTH = 32
_RECOVERY_PERSON = b"hw-recovery-v1"


@dataclass(frozen=True)
class Envelope:
    """An unlocked header: what it says, plus the data key and inbox private key (memory only)."""

    header: Header
    header_bytes: bytes
    data_key: bytes
    private_key: bytes

    def seal(self, payload: bytes) -> bytes:
        """The encrypted file for ``payload``: the header, then the sealed body."""
        return b"".join(self.seal_parts(payload))

    def seal_parts(self, payload: bytes) -> list[bytes]:
        """:meth:`seal` as parts to write one after another (a 12 MB body is never joined in memory)."""
        header_bytes = self._header_to_write()
        return [header_bytes, *seal_chunked(payload, header_bytes, self.data_key)]

    def seal_stream(self, parts: Iterable[bytes]) -> Iterator[bytes]:
        """The encrypted file for the bytes of ``parts``, sealed a chunk at a time as they come.

        What a save writes: neither the whole plain text nor the whole sealed
        file is ever in memory. Byte for byte what :meth:`seal` would give for
        ``b"".join(parts)`` (up to the random nonce prefix).
        """
        header_bytes = self._header_to_write()
        yield header_bytes
        yield from seal_stream(parts, header_bytes, self.data_key)

    def _header_to_write(self) -> bytes:
        if format_version(self.header_bytes) != VERSION:
            return encode_header(self.header)  # unlocked from an older file: written in today's format
        return self.header_bytes

    def open_sealed_line(self, sealed: bytes) -> bytes | None:
        """A quick capture sealed to this header's public key, or None if it is not one."""
        try:
            return bytes(SealedBox(PrivateKey(self.private_key)).decrypt(sealed))
        except (nacl.exceptions.CryptoError, ValueError, TypeError):
            return None


_UNLOCKED: dict[bytes, Envelope] = {}


def _passphrase_key(passphrase: str, header_like: Header) -> bytes:
    return bytes(
        nacl.pwhash.argon2id.kdf(
            nacl.secret.SecretBox.KEY_SIZE,
            passphrase.encode("utf-8"),
            header_like.salt,
            opslimit=header_like.opslimit,
            memlimit=header_like.memlimit,
        )
    )


def normalise_recovery_code(code: str) -> str:
    """The code as typed, without spaces or dashes, upper case (``abcd-efgh`` == ``ABCDEFGH``)."""
    return "".join(ch for ch in code.upper() if ch.isalnum())


def _recovery_key(code: str, salt: bytes) -> bytes:
    # The code carries ~157 random bits, so a keyed hash is enough (no slow KDF needed).
    return bytes(
        nacl.hash.blake2b(
            normalise_recovery_code(code).encode("ascii", "replace"),
            digest_size=32,
            salt=salt,
            person=_RECOVERY_PERSON,
            encoder=RawEncoder,
        )
    )


def new_recovery_code() -> str:
    """32 random characters in groups of four, shown once."""
    raw = "".join(secrets.choice(RECOVERY_ALPHABET) for _ in range(RECOVERY_LENGTH))
    return "-".join(raw[i : i + 4] for i in range(0, RECOVERY_LENGTH, 4))


def create_envelope(
    passphrase: str, *, opslimit: int | None = None, memlimit: int | None = None
) -> tuple[Envelope, str]:
    """A new data key wrapped by ``passphrase`` and by a new recovery code; (envelope, code).

    The cost defaults to :data:`DEFAULT_OPSLIMIT` / :data:`DEFAULT_MEMLIMIT`, read when called
    (not when this module loaded), so a test can lower it for everything that sets a passphrase.
    """
    data_key = nacl.utils.random(nacl.secret.SecretBox.KEY_SIZE)
    private = PrivateKey.generate()
    code = new_recovery_code()
    recovery_salt = nacl.utils.random(nacl.hash.BLAKE2B_SALTBYTES)
    box = nacl.secret.SecretBox(data_key)
    draft = Header(
        opslimit=DEFAULT_OPSLIMIT if opslimit is None else opslimit,
        memlimit=DEFAULT_MEMLIMIT if memlimit is None else memlimit,
        salt=nacl.utils.random(nacl.pwhash.argon2id.SALTBYTES),
        passphrase_wrap=b"",
        recovery_salt=recovery_salt,
        recovery_wrap=bytes(nacl.secret.SecretBox(_recovery_key(code, recovery_salt)).encrypt(data_key)),
        public_key=bytes(private.public_key),
        sealed_private_key=bytes(box.encrypt(bytes(private))),
    )
    envelope = _with_passphrase(draft, data_key, bytes(private), passphrase)
    return envelope, code


def _with_passphrase(draft: Header, data_key: bytes, private_key: bytes, passphrase: str) -> Envelope:
    header = replace(draft, passphrase_wrap=b"")
    wrap = bytes(nacl.secret.SecretBox(_passphrase_key(passphrase, header)).encrypt(data_key))
    header = replace(header, passphrase_wrap=wrap)
    return Envelope(header, encode_header(header), data_key, private_key)


def rewrap(
    envelope: Envelope, passphrase: str, *, opslimit: int | None = None, memlimit: int | None = None
) -> Envelope:
    """The same data key (and recovery code) under a new passphrase with a fresh salt."""
    draft = replace(
        envelope.header,
        salt=nacl.utils.random(nacl.pwhash.argon2id.SALTBYTES),
        opslimit=opslimit or envelope.header.opslimit,
        memlimit=memlimit or envelope.header.memlimit,
    )
    return _with_passphrase(draft, envelope.data_key, envelope.private_key, passphrase)


def unlock(header: Header, header_bytes: bytes, secret: str) -> Envelope:
    """Open ``header`` with a passphrase or the recovery code; WrongSecretError if neither fits."""
    candidates = [_passphrase_key(secret, header)]
    if len(normalise_recovery_code(secret)) == RECOVERY_LENGTH:
        candidates.insert(0, _recovery_key(secret, header.recovery_salt))
    for key in candidates:
        for wrap in (header.passphrase_wrap, header.recovery_wrap):
            try:
                data_key = bytes(nacl.secret.SecretBox(key).decrypt(wrap))
            except nacl.exceptions.CryptoError:
                continue
            try:
                private_key = bytes(nacl.secret.SecretBox(data_key).decrypt(header.sealed_private_key))
            except nacl.exceptions.CryptoError as error:
                raise WrongSecretError() from error
            return Envelope(header, header_bytes, data_key, private_key)
    raise WrongSecretError()


def remember(envelope: Envelope) -> None:
    """Keep ``envelope`` in this process's memory so files with its header open."""
    _UNLOCKED[envelope.header.public_key] = envelope


def forget_all() -> None:
    """Lock again: forget every key this process holds."""
    _UNLOCKED.clear()


def envelope_for(payload: bytes) -> Envelope | None:
    """The unlocked envelope whose header starts ``payload`` (None if plain or not unlocked)."""
    if not is_encrypted(payload):
        return None
    try:
        header, _, _ = decode_header(payload)
    except HeaderError:
        return None
    return _UNLOCKED.get(header.public_key)


def adopt_header(payload: bytes) -> Envelope | None:
    """The envelope to write with after ``payload`` (an encrypted file) was decrypted: with the file's own header.

    Call it only once :func:`decrypt` has opened ``payload``: the header is part
    of what the body's authentication covers, so it was written by someone
    holding the same data key. When the passphrase was changed elsewhere (the
    shell, another window, another device) the header differs from the one this
    process unlocked; the file's one is kept from now on, so this process's next
    save never brings the old passphrase back.
    """
    envelope = envelope_for(payload)
    if envelope is None:
        return None
    header, header_bytes, _ = decode_header(payload)
    if header_bytes != envelope.header_bytes:
        envelope = replace(envelope, header=header, header_bytes=header_bytes)
        remember(envelope)
    return envelope


def decrypt(path: Path, payload: bytes) -> bytes:
    """The plain JSON of an encrypted file.

    Raises DatabaseLockedError if not unlocked, HeaderError for a header that
    cannot be read, and nacl's CryptoError if authentication fails.
    """
    header, header_bytes, body = decode_header(payload)
    envelope = _UNLOCKED.get(header.public_key)
    if envelope is None:
        raise DatabaseLockedError(path, header, header_bytes)
    if format_version(header_bytes) == 1:
        return open_one_shot(body, header_bytes, envelope.data_key)
    return open_chunked(body, header_bytes, envelope.data_key)


def open_sealed(sealed: bytes) -> bytes | None:
    """A sealed capture opened with any key this process holds (None if none fits)."""
    for envelope in _UNLOCKED.values():
        opened = envelope.open_sealed_line(sealed)
        if opened is not None:
            return opened
    return None
