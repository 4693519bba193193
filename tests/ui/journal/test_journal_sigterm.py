"""A real Heartwork process in a pseudo-terminal keeps the journal draft when it gets SIGTERM."""

from __future__ import annotations

import signal
import sys
from pathlib import Path

import pytest
from pty_app import AppInPty

from tui.store.journal_draft_repository import JournalDraftRepository
from tui.store.store import Store


@pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pseudo-terminal")
def test_sigterm_mid_entry_keeps_the_draft(tmp_path: Path) -> None:
    db = tmp_path / "db.json"
    with AppInPty("--db", str(db), "journal") as app:
        assert app.read_until(b"Prompt", timeout=20), "the journal did not start"  # its footer is drawn
        app.type("words before the signal 🌱")
        app.read_for(0.3)
        app.send_signal(signal.SIGTERM)
        assert app.wait(timeout=15) is not None, "the app did not stop on SIGTERM"
    store = Store.open(db)
    try:
        draft = store.repo(JournalDraftRepository).current()
    finally:
        store.close()
    assert draft is not None
    assert draft.entry.body == "words before the signal 🌱"
