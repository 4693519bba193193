"""Issue 12.1: the app, loading as the launcher loads it, shows quick captures still waiting in the inbox.

The captures are appended the way ``heartwork checkin`` and ``heartwork journal
add`` append them; the app is opened with the real loader (``open_for_app``) in
its worker thread, and Home and the journal list show them as if they had been
saved in the database. Opening for writing merges them into the file exactly once.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

from textual.widgets import Static

from tui.cli.launch import open_for_app
from tui.cli.main import build_parser
from tui.core.checkin import Checkin
from tui.core.clock import FakeClock
from tui.core.journal import JournalEntry
from tui.store import inbox
from tui.store.checkin_repository import CheckinRepository
from tui.store.database import Database
from tui.store.file_storage import parse_database
from tui.store.journal_repository import JournalRepository
from tui.ui.app import Launch, create_app
from tui.ui.store_loading import Opened

SIZE = (100, 32)


async def until(pilot: Any, condition: Any) -> None:
    for _ in range(300):
        if condition():
            return
        await pilot.pause(0.01)
    raise AssertionError("the app never got there")


def shown_text(app: Any) -> str:
    return "\n".join(str(widget.render()) for widget in app.screen.query(Static))


async def test_item12_1_the_app_loads_inbox_records_as_if_they_were_saved(tmp_path: Path, clock: FakeClock) -> None:
    database = tmp_path / "heartwork.json"
    Database.open(database).close()
    CheckinRepository.add_to_inbox(database, Checkin(at=clock.now(), pleasantness=7))
    stamp = clock.now().isoformat()
    entry = JournalEntry(
        id="from-the-shell",
        created_at=stamp,
        updated_at=stamp,
        entry_date=clock.now().date().isoformat(),
        body="a quiet walk by the river",
    )
    JournalRepository.add_to_inbox(database, entry)
    assert parse_database(database, database.read_bytes()).get("checkins", {}) == {}  # only in the inbox
    args = build_parser().parse_args(["--db", str(database), "journal"])
    loader = functools.partial(open_for_app, database, False, args)
    app = create_app(None, clock, launch=Launch(section="home"), themes_dir=tmp_path / "no-themes", loader=loader)
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: app.ready and "So far today" in shown_text(app))
        summary = str(app.screen.query_one("#home-summary", Static).render())
        assert summary.startswith("So far today: 1 check-in, feeling 7.0 of 10 on average; 1 journal entry."), summary
        await pilot.press("j")
        await until(pilot, lambda: type(app.screen).__name__ == "JournalScreen")
        store = app.store
        assert [e.body for e in store.repo(JournalRepository).all()] == ["a quiet walk by the river"]
        assert [c.pleasantness for c in store.repo(CheckinRepository).all()] == [7]
    outcome = app.wait_for_store_outcome()
    assert isinstance(outcome, Opened)
    outcome.store.close()
    data = parse_database(database, database.read_bytes())
    assert len(data["checkins"]) == 1 and len(data["journal_entries"]) == 1  # merged once, on opening
    assert inbox.inbox_path_for(database).read_bytes() == b""
