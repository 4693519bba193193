"""Sealing one quick capture to an encrypted database's public key (libsodium's ``crypto_box_seal``).

Apart from :mod:`tui.store.encryption` (which loads the whole of PyNaCl's key
handling and the header dataclass) so a sealed ``heartwork checkin 7`` stays
within 1.3x of a plain one. ``nacl.bindings`` alone costs more than the rest
of the capture (its Python wrappers import every binding and ``typing``), so
the same libsodium call is made through PyNaCl's compiled module
``nacl._sodium`` exactly as ``nacl.bindings.crypto_box_seal`` makes it (the
same checks, the same ``sodium_init`` guard). Should a PyNaCl release move that
module, the public binding is used instead. Either way
``SealedBox(PrivateKey(...)).decrypt`` opens the result on unlocking (a test checks).
"""

from __future__ import annotations

PUBLIC_KEY_BYTES = 32  # crypto_box_PUBLICKEYBYTES


def seal_for(public_key: bytes, data: bytes) -> bytes:
    """``data`` sealed so only the holder of the header's private key can read it."""
    if not isinstance(public_key, bytes) or not isinstance(data, bytes):
        raise TypeError("public key and data must be bytes")
    if len(public_key) != PUBLIC_KEY_BYTES:
        raise ValueError("Invalid public key")
    try:
        from nacl._sodium import ffi, lib
    except ImportError:
        from nacl.bindings import crypto_box_seal

        return bytes(crypto_box_seal(data, public_key))
    ffi.init_once(_sodium_init, "libsodium")  # the tag PyNaCl's own sodium_init uses: once per process
    sealed_length = lib.crypto_box_sealbytes() + len(data)
    sealed = ffi.new("unsigned char[]", sealed_length)
    if lib.crypto_box_seal(sealed, data, len(data), public_key) != 0:
        raise RuntimeError("Unexpected library error")
    return bytes(ffi.buffer(sealed, sealed_length))


def _sodium_init() -> None:
    from nacl._sodium import lib

    if lib.sodium_init() == -1:
        raise RuntimeError("Could not initialize sodium")
