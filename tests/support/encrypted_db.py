"""Encrypted test databases and passphrase files, built the same way by every encryption test."""

from __future__ import annotations

import errno
from pathlib import Path
from typing import Any

import pytest

from tui.store.database import Database
from tui.store.encryption import TEST_MEMLIMIT, TEST_OPSLIMIT
from tui.store.passphrase import set_passphrase


def sealed_database(path: Path, text: str, passphrase: str, *, record_id: str = "j1") -> Database:
    """An open database at ``path`` holding one journal record with ``text``, locked cheaply with ``passphrase``."""
    database = Database.open(path)
    database.table("journal").insert({"id": record_id, "text": text, "updated_at": "2026-01-01T00:00:00"})
    set_passphrase(database, passphrase, opslimit=TEST_OPSLIMIT, memlimit=TEST_MEMLIMIT)
    return database


def passphrase_file(folder: Path, text: str) -> Path:
    """``secret.txt`` in ``folder`` holding ``text``, for HEARTWORK_PASSPHRASE_FILE."""
    secret = folder / "secret.txt"
    secret.write_text(text, encoding="utf-8")
    return secret


def refuse_backup_rewrites(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every rewrite of the backups after a passphrase change fails as a full disk would."""
    from tui.store import passphrase

    def refuse(*args: Any, **kwargs: Any) -> int:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(passphrase, "seal_backups_like", refuse)
