"""An app on a real database file, with a cheap Argon2id cost so passphrase tests stay fast."""

from __future__ import annotations

from pathlib import Path

from tui.core.clock import FakeClock
from tui.core.journal import JournalEntry
from tui.core.settings import Settings
from tui.store.encryption import TEST_MEMLIMIT, TEST_OPSLIMIT
from tui.store.journal_repository import JournalRepository
from tui.store.passphrase import set_passphrase
from tui.store.store import Store
from tui.ui.app import HeartworkApp, Launch, create_app

SENTENCE = "a sentence only my journal knows"
PASSPHRASE = "rain on the window"


def open_store(tmp_path: Path, clock: FakeClock, *, encrypted: bool = False, settings: Settings | None = None) -> Store:
    """A file store holding one journal entry with :data:`SENTENCE`; locked with :data:`PASSPHRASE` if asked."""
    store = Store.open(tmp_path / "data" / "heartwork.json", own_folder=True)
    store.repo(JournalRepository).save(JournalEntry.new(clock.now(), body=SENTENCE))
    if settings is not None:
        store.settings.save(settings)
    if encrypted:
        set_passphrase(store.database, PASSPHRASE, opslimit=TEST_OPSLIMIT, memlimit=TEST_MEMLIMIT)
    return store


def build_app(store: Store, clock: FakeClock, tmp_path: Path, section: str = "home") -> HeartworkApp:
    """The app as the CLI builds it, deriving keys cheaply and checking idleness often."""
    app = create_app(store, clock, launch=Launch(section=section), themes_dir=tmp_path / "no-user-themes")
    app.passphrase_cost = (TEST_OPSLIMIT, TEST_MEMLIMIT)
    app.idle_check_seconds = 0.05
    return app


def database_path(store: Store) -> Path:
    assert store.path is not None
    return store.path
