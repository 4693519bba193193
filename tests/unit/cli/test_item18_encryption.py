"""Issue 18: encryption at rest (PyNaCl), passphrase set/change/remove, sealed inbox captures."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tui.core.encryption_header import PREFIX_SIZE, is_encrypted
from tui.store import encryption, inbox
from tui.store.database import Database
from tui.store.encryption import TEST_MEMLIMIT, TEST_OPSLIMIT, WrongSecretError
from tui.store.errors import CorruptDatabaseError
from tui.store.passphrase import change_passphrase, remove_passphrase, set_passphrase

SENTENCE = "I was gentle with myself after the long meeting"
CHEAP = {"opslimit": TEST_OPSLIMIT, "memlimit": TEST_MEMLIMIT}


@pytest.fixture(autouse=True)
def _locked_after() -> Iterator[None]:
    encryption.forget_all()
    yield
    encryption.forget_all()


def _db_with_sentence(path: Path) -> Database:
    database = Database.open(path)
    with database.transaction():
        database.table("journal").insert({"id": "j1", "text": SENTENCE, "updated_at": "2026-01-01T00:00:00"})
    return database


def _unlock_file(path: Path, secret: str) -> None:
    payload = path.read_bytes()
    header, header_bytes, _ = encryption.decode_header(payload)
    encryption.remember(encryption.unlock(header, header_bytes, secret))


def test_item18_round_trip_and_no_plaintext_on_disk(tmp_path: Path) -> None:
    path = tmp_path / "hw.json"
    database = _db_with_sentence(path)
    database.backups.make(path.read_bytes())  # type: ignore[union-attr]  # a plain backup exists
    database.close()
    inbox.append(path, "journal", {"id": "j9", "text": SENTENCE + " again", "updated_at": "2026-01-09T00:00:00"})
    database = Database.open(path)
    code = set_passphrase(database, "correct horse", **CHEAP)
    database.close()
    assert len(encryption.normalise_recovery_code(code)) == 32
    assert is_encrypted(path.read_bytes())
    for file in tmp_path.rglob("*"):
        if file.is_file():
            assert SENTENCE.encode() not in file.read_bytes(), file
    encryption.forget_all()
    with pytest.raises(encryption.DatabaseLockedError):
        Database.open(path)
    _unlock_file(path, "correct horse")
    reopened = Database.open(path)
    assert reopened.table("journal").all()[0]["text"] == SENTENCE
    assert reopened.backups is not None and reopened.backups.newest() is not None  # backups still open


def test_item18_wrong_passphrase_and_recovery_code(tmp_path: Path) -> None:
    path = tmp_path / "hw.json"
    database = _db_with_sentence(path)
    code = set_passphrase(database, "correct horse", **CHEAP)
    database.close()
    encryption.forget_all()
    header, header_bytes, _ = encryption.decode_header(path.read_bytes())
    with pytest.raises(WrongSecretError):
        encryption.unlock(header, header_bytes, "wrong")
    with pytest.raises(WrongSecretError):
        encryption.unlock(header, header_bytes, "A" * 32)
    encryption.remember(encryption.unlock(header, header_bytes, code.lower().replace("-", " ")))
    assert Database.open(path).table("journal").all()[0]["text"] == SENTENCE


@pytest.mark.parametrize("where", ["magic", "header", "nonce", "body", "tag", "truncated"])
def test_item18_tampered_bytes_are_corrupt_and_kept(tmp_path: Path, where: str) -> None:
    path = tmp_path / "hw.json"
    database = _db_with_sentence(path)
    set_passphrase(database, "pw", **CHEAP)
    database.close()
    payload = bytearray(path.read_bytes())
    header_end = len(encryption.decode_header(bytes(payload))[1])
    if where == "truncated":
        payload = payload[: PREFIX_SIZE - 2]
    else:
        position = {
            "magic": 0,
            "header": header_end - 5,
            "nonce": header_end + 3,
            "body": header_end + 24 + 40,
            "tag": len(payload) - 3,  # the Poly1305 tag is the last 16 bytes
        }[where]
        payload[position] ^= 0x01
    path.write_bytes(bytes(payload))
    with pytest.raises(CorruptDatabaseError):
        Database.open(path)
    assert path.read_bytes() == bytes(payload)  # never overwritten


def test_item18_change_rewraps_only_and_recovery_code_still_works(tmp_path: Path) -> None:
    path = tmp_path / "hw.json"
    database = _db_with_sentence(path)
    code = set_passphrase(database, "old", **CHEAP)
    key_before = database.storage.envelope.data_key  # type: ignore[union-attr]
    change_passphrase(database, "new")
    assert database.storage.envelope.data_key == key_before  # type: ignore[union-attr]
    database.close()
    header, header_bytes, _ = encryption.decode_header(path.read_bytes())
    with pytest.raises(WrongSecretError):
        encryption.unlock(header, header_bytes, "old")
    assert encryption.unlock(header, header_bytes, "new").data_key == key_before
    assert encryption.unlock(header, header_bytes, code).data_key == key_before


def test_item18_remove_stores_plain_again(tmp_path: Path) -> None:
    path = tmp_path / "hw.json"
    database = _db_with_sentence(path)
    set_passphrase(database, "pw", **CHEAP)
    remove_passphrase(database)
    database.close()
    assert not is_encrypted(path.read_bytes())
    encryption.forget_all()
    assert Database.open(path).table("journal").all()[0]["text"] == SENTENCE


def test_item18_inbox_sealed_and_merged_exactly_once(tmp_path: Path) -> None:
    path = tmp_path / "hw.json"
    database = _db_with_sentence(path)
    set_passphrase(database, "pw", **CHEAP)
    database.close()
    encryption.forget_all()
    secret = "a quiet capture nobody else may read"
    inbox.append(path, "journal", {"id": "j2", "text": secret, "updated_at": "2026-01-02T00:00:00"})
    inbox.append(path, "journal", {"id": "j3", "text": "second", "updated_at": "2026-01-03T00:00:00"})
    assert secret.encode() not in inbox.inbox_path_for(path).read_bytes()
    _unlock_file(path, "pw")
    reopened = Database.open(path)
    reopened.merge_inbox()
    texts = [doc["text"] for doc in reopened.table("journal").all()]
    assert texts == [SENTENCE, secret, "second"]
    reopened.close()
    again = Database.open(path)
    again.merge_inbox()
    assert [doc["text"] for doc in again.table("journal").all()] == texts
    assert secret.encode() not in path.read_bytes()


def test_item18_passphrase_command_set_change_remove(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from tui.cli.main import main
    from tui.store import encryption as enc

    monkeypatch.setattr(enc, "DEFAULT_OPSLIMIT", TEST_OPSLIMIT)
    monkeypatch.setattr(enc, "DEFAULT_MEMLIMIT", TEST_MEMLIMIT)
    path = tmp_path / "hw.json"
    _db_with_sentence(path).close()
    old, new = tmp_path / "old.txt", tmp_path / "new.txt"
    old.write_text("first secret\n")
    new.write_text("second secret\n")
    monkeypatch.setenv("HEARTWORK_PASSPHRASE_FILE", str(old))
    assert main(["--db", str(path), "passphrase", "set"]) == 0
    out = capsys.readouterr().out
    assert "Recovery code" in out and "nobody can recover" in out
    assert is_encrypted(path.read_bytes())
    encryption.forget_all()
    monkeypatch.setenv("HEARTWORK_NEW_PASSPHRASE_FILE", str(new))
    assert main(["--db", str(path), "passphrase", "change"]) == 0
    encryption.forget_all()
    with pytest.raises(SystemExit) as exited:  # the old passphrase no longer opens it
        main(["--db", str(path), "export"])
    assert exited.value.code == 2
    assert "did not open" in capsys.readouterr().err
    monkeypatch.setenv("HEARTWORK_PASSPHRASE_FILE", str(new))
    assert main(["--db", str(path), "export"]) == 0
    captured = capsys.readouterr()
    assert SENTENCE in captured.out and "this export is not" in captured.err
    encryption.forget_all()
    assert main(["--db", str(path), "passphrase", "remove"]) == 0
    assert not is_encrypted(path.read_bytes())


def test_item18_restore_list_asks_for_the_passphrase(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from tui.cli.main import main

    path = tmp_path / "hw.json"
    database = _db_with_sentence(path)
    database.backups.make(path.read_bytes())  # type: ignore[union-attr]
    set_passphrase(database, "pw", **CHEAP)
    database.close()
    encryption.forget_all()
    secret_file = tmp_path / "pw.txt"
    secret_file.write_text("pw\n")
    monkeypatch.setenv("HEARTWORK_PASSPHRASE_FILE", str(secret_file))
    assert main(["--db", str(path), "restore", "--list"]) == 0
    assert "hw-" in capsys.readouterr().out
    encryption.forget_all()
    secret_file.write_text("not it\n")
    assert main(["--db", str(path), "restore", "--list"]) == 2
