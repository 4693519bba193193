"""The chunked encrypted body (format 2): round trips, and every way chunks could be moved or cut.

Also: a file written in format 1 (one AEAD call over the whole body) still
opens, and the next save writes it in format 2.
"""

from __future__ import annotations

from pathlib import Path

import nacl.exceptions
import nacl.utils
import pytest

from tui.core.encryption_header import VERSION, decode_header, format_version
from tui.store import encryption
from tui.store.database import Database
from tui.store.encryption import TEST_MEMLIMIT, TEST_OPSLIMIT
from tui.store.errors import CorruptDatabaseError
from tui.store.passphrase import set_passphrase
from tui.store.sealed_body import (
    BODY_START_BYTES,
    TAG_BYTES,
    open_chunked,
    open_one_shot,
    seal_chunked,
    seal_one_shot,
)

KEY = bytes(range(32))
HEADER = b"HWENC\x02header bytes stand-in"
CHUNK = 64
TAG = TAG_BYTES
SENTENCE = "Today I let the kettle boil twice and forgave myself"


pytestmark = pytest.mark.usefixtures("no_keys_in_memory")


def _body(payload: bytes) -> bytes:
    return b"".join(seal_chunked(payload, HEADER, KEY, chunk_bytes=CHUNK))


def _chunks(body: bytes) -> tuple[bytes, list[bytes]]:
    start, rest = body[:BODY_START_BYTES], body[BODY_START_BYTES:]
    size = CHUNK + TAG
    return start, [rest[i : i + size] for i in range(0, len(rest), size)]


@pytest.mark.parametrize("length", [0, 1, CHUNK - 1, CHUNK, CHUNK + 1, 3 * CHUNK, 3 * CHUNK + 17])
def test_round_trip_at_every_length_around_a_chunk(length: int) -> None:
    payload = nacl.utils.random(length)
    body = _body(payload)
    assert len(body) == BODY_START_BYTES + max(1, -(-length // CHUNK)) * TAG + length
    assert open_chunked(body, HEADER, KEY) == payload


def test_two_seals_of_the_same_bytes_differ() -> None:
    assert _body(b"x" * 200) != _body(b"x" * 200)  # a fresh random nonce prefix each time


def _refused(body: bytes, header: bytes = HEADER, key: bytes = KEY) -> None:
    with pytest.raises(nacl.exceptions.CryptoError):
        open_chunked(body, header, key)


def test_swapped_chunks_are_refused() -> None:
    start, chunks = _chunks(_body(nacl.utils.random(4 * CHUNK)))
    chunks[0], chunks[1] = chunks[1], chunks[0]
    _refused(start + b"".join(chunks))


def test_a_dropped_middle_chunk_or_a_repeated_one_is_refused() -> None:
    start, chunks = _chunks(_body(nacl.utils.random(4 * CHUNK)))
    _refused(start + b"".join(chunks[:1] + chunks[2:]))
    _refused(start + b"".join(chunks[:2] + chunks[1:]))


@pytest.mark.parametrize("kept", [1, 2, 3])
def test_a_body_cut_at_a_chunk_boundary_is_refused(kept: int) -> None:
    start, chunks = _chunks(_body(nacl.utils.random(4 * CHUNK)))
    _refused(start + b"".join(chunks[:kept]))  # its new last chunk was not sealed as the last


def test_a_body_cut_inside_a_chunk_or_extended_is_refused() -> None:
    body = _body(nacl.utils.random(3 * CHUNK + 5))
    _refused(body[:-1])
    _refused(body[: BODY_START_BYTES + TAG - 1])
    _refused(body[:BODY_START_BYTES])
    _refused(body + b"\x00")
    _, chunks = _chunks(body)
    _refused(body + chunks[-1])  # the last chunk twice


def test_every_flipped_byte_is_refused() -> None:
    body = _body(nacl.utils.random(2 * CHUNK + 3))
    for position in range(len(body)):
        changed = bytearray(body)
        changed[position] ^= 0x01
        with pytest.raises((nacl.exceptions.CryptoError, ValueError)):
            open_chunked(bytes(changed), HEADER, KEY)


def test_a_chunk_from_another_file_or_header_or_key_is_refused() -> None:
    payload = nacl.utils.random(2 * CHUNK)
    start, chunks = _chunks(_body(payload))
    _, other = _chunks(_body(payload))
    _refused(start + chunks[0] + other[1])
    _refused(_body(payload), header=HEADER + b"!")
    _refused(_body(payload), key=bytes(32))


def test_format_1_bodies_still_open() -> None:
    payload = nacl.utils.random(300)
    body = seal_one_shot(payload, HEADER, KEY)
    assert open_one_shot(body, HEADER, KEY) == payload
    with pytest.raises(nacl.exceptions.CryptoError):
        open_one_shot(body[:-1], HEADER, KEY)


def test_a_format_1_database_opens_and_is_saved_in_format_2(tmp_path: Path) -> None:
    path = tmp_path / "hw.json"
    database = Database.open(path)
    with database.transaction():
        database.table("journal").insert({"id": "j1", "text": SENTENCE, "updated_at": "2026-01-01T00:00:00"})
    set_passphrase(database, "pw", opslimit=TEST_OPSLIMIT, memlimit=TEST_MEMLIMIT)
    envelope = database.storage.envelope  # type: ignore[attr-defined]
    plain = encryption.decrypt(path, path.read_bytes())
    database.close()
    old_header = bytearray(envelope.header_bytes)
    old_header[5] = 1  # the version byte, as a file written before chunks were
    path.write_bytes(bytes(old_header) + seal_one_shot(plain, bytes(old_header), envelope.data_key))
    encryption.forget_all()
    header, header_bytes, _ = decode_header(path.read_bytes())
    assert format_version(header_bytes) == 1
    encryption.remember(encryption.unlock(header, header_bytes, "pw"))
    reopened = Database.open(path)
    assert reopened.table("journal").all()[0]["text"] == SENTENCE
    reopened.table("journal").insert({"id": "j2", "text": "and again", "updated_at": "2026-01-02T00:00:00"})
    reopened.close()
    assert format_version(decode_header(path.read_bytes())[1]) == VERSION == 2
    assert SENTENCE.encode() not in path.read_bytes()
    encryption.forget_all()
    header, header_bytes, _ = decode_header(path.read_bytes())
    encryption.remember(encryption.unlock(header, header_bytes, "pw"))
    assert [doc["id"] for doc in Database.open(path).table("journal").all()] == ["j1", "j2"]


def test_a_tampered_chunked_database_is_corrupt_and_kept(tmp_path: Path) -> None:
    path = tmp_path / "hw.json"
    database = Database.open(path)
    with database.transaction():
        database.table("journal").insert({"id": "j1", "text": SENTENCE * 50_000, "updated_at": "2026-01-01"})
    set_passphrase(database, "pw", opslimit=TEST_OPSLIMIT, memlimit=TEST_MEMLIMIT)
    database.close()
    payload = path.read_bytes()
    header_end = len(decode_header(payload)[1])
    sealed = (1 << 20) + TAG
    assert len(payload) > header_end + BODY_START_BYTES + 2 * sealed  # at least three chunks
    first = header_end + BODY_START_BYTES
    cut = payload[: first + sealed]  # only the first chunk left
    path.write_bytes(cut)
    with pytest.raises(CorruptDatabaseError):
        Database.open(path)
    assert path.read_bytes() == cut  # never overwritten
