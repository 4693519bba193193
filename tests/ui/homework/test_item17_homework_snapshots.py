"""Issue 17 snapshots at 80x24: the Homework section with practice detected, and Home with homework."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any

from tui.core.breathing.session import BreathingRecord
from tui.core.homework.assignment import Assignment, Frequency
from tui.core.journal import KIND_INNER_CRITIC, JournalEntry
from tui.store.breathing_repository import BreathingSessionRepository
from tui.store.homework_repository import HomeworkRepository
from tui.store.journal_repository import JournalRepository
from tui.store.store import Store

SIZE = (80, 24)


def seed(store: Store, clock: Any) -> None:
    now = clock.now()
    start = (now - timedelta(days=20)).date().isoformat()
    repo = store.repo(HomeworkRepository)
    repo.save(
        Assignment(
            id="a",
            kind="breathing",
            title="Box breathing",
            target="box",
            minutes=5,
            start=start,
            review=(now + timedelta(days=3)).date().isoformat(),
            agreed="Before bed, with Sam",
            focus="slow out-breath",
        ).with_change(start + "T09:00:00", "created")
    )
    repo.save(
        Assignment(
            id="b",
            kind="journal",
            title="One reframe",
            target=KIND_INNER_CRITIC,
            start=start,
            frequency=Frequency("times-a-week", times=3),
        )
    )
    repo.save(Assignment(id="c", kind="free-text", title="Text a friend", start=start))
    sessions = store.repo(BreathingSessionRepository)
    for back in range(0, 20, 2):
        at = now - timedelta(days=back, hours=1)
        sessions.save(BreathingRecord(f"s{back}", at, "box", "Box", (), 300, None, 300, 5, True))
    journal = store.repo(JournalRepository)
    for back in (1, 3, 8):
        journal.save(JournalEntry.new(now, entry_date=(now - timedelta(days=back)).date(), kind=KIND_INNER_CRITIC))


def test_item17_homework_section_snapshot(
    snap_compare: Any, make_app: Callable[..., Any], store: Store, clock: Any
) -> None:
    seed(store, clock)
    assert snap_compare(make_app("homework"), terminal_size=SIZE)


def test_item17_home_with_homework_snapshot(
    snap_compare: Any, make_app: Callable[..., Any], store: Store, clock: Any
) -> None:
    seed(store, clock)
    assert snap_compare(make_app("home"), terminal_size=SIZE)
