"""Issue 18: a passphrase set without naming a cost gets the production Argon2id cost, and opens.

Every other encryption test uses libsodium's cheapest cost (``TEST_OPSLIMIT``) to stay fast;
this one checks, once, that the real defaults are what a person's file is written with.
"""

from __future__ import annotations

import nacl.pwhash

from tui.store import encryption


def test_item18_the_default_cost_is_the_production_one_and_it_unlocks() -> None:
    assert encryption.DEFAULT_OPSLIMIT >= nacl.pwhash.argon2id.OPSLIMIT_INTERACTIVE
    assert encryption.DEFAULT_MEMLIMIT >= nacl.pwhash.argon2id.MEMLIMIT_INTERACTIVE
    assert encryption.DEFAULT_OPSLIMIT > encryption.TEST_OPSLIMIT
    envelope, _code = encryption.create_envelope("a real passphrase")
    assert envelope.header.opslimit == encryption.DEFAULT_OPSLIMIT
    assert envelope.header.memlimit == encryption.DEFAULT_MEMLIMIT
    opened = encryption.unlock(envelope.header, envelope.header_bytes, "a real passphrase")
    assert opened.data_key == envelope.data_key
