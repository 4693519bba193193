"""Settings: turning the passphrase on when an older backup cannot be rewritten still shows the recovery code."""

from __future__ import annotations

from pathlib import Path

import pytest
from encrypted_db import refuse_backup_rewrites

from tui.store.database import Database
from tui.store.encryption import TEST_MEMLIMIT, TEST_OPSLIMIT
from tui.ui.screens.settings.passphrase_work import KeyCost, turn_on

pytestmark = pytest.mark.usefixtures("no_keys_in_memory")


@pytest.fixture
def refusing_backups(monkeypatch: pytest.MonkeyPatch) -> None:
    refuse_backup_rewrites(monkeypatch)


@pytest.mark.usefixtures("refusing_backups")
def test_settings_shows_the_code_and_says_the_backup_is_still_readable(tmp_path: Path) -> None:
    database = Database.open(tmp_path / "hw.json")
    database.table("journal").insert({"id": "j1", "text": "kept", "updated_at": "2026-01-01T00:00:00"})
    outcome = turn_on(database, "a long passphrase", KeyCost(TEST_OPSLIMIT, TEST_MEMLIMIT))
    database.close()
    assert outcome.problem is None and outcome.recovery_code
    assert outcome.note is not None and "can still be read without it" in outcome.note
