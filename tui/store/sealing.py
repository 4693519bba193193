"""Sealing one quick capture to an encrypted database's public key (a libsodium sealed box).

Apart from :mod:`tui.store.encryption` (which loads the whole of PyNaCl's
key handling and the header dataclass) so a sealed ``heartwork checkin 7``
imports only PyNaCl's bindings: ``crypto_box_seal`` is what
``nacl.public.SealedBox(PublicKey(key)).encrypt`` calls, and what
:meth:`SealedBox.decrypt` opens on unlocking.
"""

from __future__ import annotations


def seal_for(public_key: bytes, data: bytes) -> bytes:
    """``data`` sealed so only the holder of the header's private key can read it."""
    from nacl.bindings import crypto_box_seal

    return bytes(crypto_box_seal(data, public_key))
