"""A real Heartwork process: kill -9 mid-page, reopen, type "Anyway" at once, and the page survives."""

from __future__ import annotations

import signal
import sys
import time
from pathlib import Path

import pytest
from pty_app import AppInPty

from tui.store.journal_draft_repository import JournalDraftRepository
from tui.store.journal_repository import JournalRepository
from tui.store.recently_deleted_repository import RecentlyDeletedRepository
from tui.store.store import Store

PAGE = "A page about a hard day, and being kind to myself anyway"


def _where_the_page_is(db: Path) -> list[str]:
    store = Store.open(db)
    try:
        places = []
        draft = store.repo(JournalDraftRepository).current()
        if draft is not None and PAGE in draft.entry.body:
            places.append("draft")
        if any(PAGE in entry.body for entry in store.repo(JournalRepository).all()):
            places.append("journal")
        if any(
            item.entry is not None and PAGE in item.entry.body for item in store.repo(RecentlyDeletedRepository).all()
        ):
            places.append("recently deleted")
        return places
    finally:
        store.close()


@pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pseudo-terminal")
def test_item9_1_kill9_then_typing_anyway_at_once_never_destroys_the_draft(tmp_path: Path) -> None:
    db = tmp_path / "db.json"
    with AppInPty("--db", str(db), "journal") as app:
        assert app.read_until(b"Prompt", timeout=20), "the journal did not start"
        app.type(PAGE)
        app.read_for(2.5)  # the draft is written about a second after the last key
        app.process.send_signal(signal.SIGKILL)
        app.wait(timeout=10)
    assert _where_the_page_is(db) == ["draft"]
    with AppInPty("--db", str(db), "journal") as app:
        assert app.read_until(b"unfinished", timeout=20), "the draft was not offered"
        app.type("Anyway")  # typed at once, as if the question were not there
        app.read_for(1.5)
        app.type("Anyway\r")  # and again once the first moment has passed
        app.read_for(1.0)
        app.type("\x11")  # ctrl+q
        if app.wait(timeout=15) is None:
            app.send_signal(signal.SIGKILL)
            app.wait(timeout=5)
    time.sleep(0.1)
    assert _where_the_page_is(db), "the page is gone: not a draft, not in the journal, not in Recently deleted"
