"""Issue 19: two computers sharing one synced database, simulated deterministically.

Random interleavings of edits on two replicas, with the sync tool played by
copying each file into the other's folder under a conflict-copy name. After
both have merged everything, they hold exactly the union: every record once,
the latest edit of each, and nothing deleted brought back. A second property:
merging two replicas gives the same records in either order, and merging the
result with either side again changes nothing (commutative, idempotent).
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from tui.core.journal import JournalEntry
from tui.core.record_merge import content_view, merge_copies
from tui.store import tombstones
from tui.store.database import Database
from tui.store.journal_repository import JournalRepository
from tui.store.store import Store

START = datetime(2026, 12, 3, 9, 0).astimezone()
USER_TABLES = ("journal_entries",)

operation = st.tuples(
    st.sampled_from(["add", "edit", "delete", "ship", "merge", "sync"]),
    st.integers(0, 1),  # which computer
    st.integers(0, 30),  # which of its entries
)


class SimClock:
    """One clock for both computers, one second per step (so "later" is well defined)."""

    def __init__(self) -> None:
        self.now = START

    def tick(self) -> datetime:
        self.now += timedelta(seconds=1)
        return self.now


@contextmanager
def simulated_time(clock: SimClock) -> Iterator[None]:
    saved = tombstones.clock
    tombstones.clock = lambda: clock.now
    try:
        yield
    finally:
        tombstones.clock = saved


class Model:
    """What both computers should end up with: per id, its latest edit and latest deletion."""

    def __init__(self) -> None:
        self.edits: dict[str, tuple[datetime, str]] = {}
        self.deletions: dict[str, datetime] = {}

    def edit(self, entry_id: str, at: datetime, body: str) -> None:
        self.edits[entry_id] = max(self.edits.get(entry_id, (at, body)), (at, body))

    def delete(self, entry_id: str, at: datetime) -> None:
        self.deletions[entry_id] = max(self.deletions.get(entry_id, at), at)

    def expected(self) -> dict[str, str]:
        return {
            entry_id: body
            for entry_id, (at, body) in self.edits.items()
            if entry_id not in self.deletions or self.deletions[entry_id] < at
        }


def _live(store: Store) -> list[JournalEntry]:
    return sorted(store.repo(JournalRepository).all(), key=lambda entry: entry.id)


def _ship(source: Store, target_folder: Path, serial: int) -> None:
    """The sync tool keeps the other computer's version beside the target's file."""
    assert source.path is not None
    name = f"heartwork.sync-conflict-20261203-{serial:06d}-DEVICE{serial % 10}.json"
    (target_folder / name).write_bytes(source.path.read_bytes())


def run_two_computers(steps: list[tuple[str, int, int]]) -> tuple[Store, Store, Model]:
    clock, model = SimClock(), Model()
    folder = Path(tempfile.mkdtemp(prefix="hw-sim-"))
    stores = [Store.open(folder / name / "heartwork.json") for name in ("laptop", "desktop")]
    with simulated_time(clock):
        for serial, (action, side, pick) in enumerate(steps):
            at = clock.tick()
            store, other = stores[side], stores[1 - side]
            journal = store.repo(JournalRepository)
            live = _live(store)
            if action == "add":
                entry = JournalEntry.new(at, body=f"new {serial}")
                entry.updated_at = at.isoformat()
                journal.save(entry)
                model.edit(entry.id, at, entry.body)
            elif action == "edit" and live:
                chosen = live[pick % len(live)]
                journal.save(replace(chosen, body=f"edit {serial}", updated_at=at.isoformat()))
                model.edit(chosen.id, at, f"edit {serial}")
            elif action == "delete" and live:
                chosen = live[pick % len(live)]
                journal.delete(chosen.id)
                model.delete(chosen.id, at)
            elif action in ("ship", "sync"):
                assert other.path is not None
                _ship(store, other.path.parent, serial)
                if action == "sync":
                    other.merge_conflict_copies()
            elif action == "merge":
                store.merge_conflict_copies()
        for side in (0, 1, 0):  # the link is up again: each gets the other's version and merges it
            clock.tick()
            target = stores[1 - side]
            assert target.path is not None
            _ship(stores[side], target.path.parent, 900000 + side)
            target.merge_conflict_copies()
    return stores[0], stores[1], model


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(operation, max_size=25))
@example([("add", 0, 0), ("sync", 0, 0), ("delete", 0, 0), ("edit", 1, 0)])  # deleted here, stale edit there
@example([("add", 0, 0), ("sync", 0, 0), ("edit", 1, 0), ("delete", 0, 0)])  # edited there, deleted here later
@example([("add", 0, 0), ("sync", 0, 0), ("edit", 0, 0), ("edit", 1, 0), ("ship", 0, 0)])  # both edited
def test_item19_4_simulated_sync_converges_to_exactly_the_union(steps: list[tuple[str, int, int]]) -> None:
    laptop, desktop, model = run_two_computers(steps)
    assert laptop.path is not None
    try:
        for store in (laptop, desktop):
            live = _live(store)
            assert {entry.id: entry.body for entry in live} == model.expected()
            assert len({entry.id for entry in live}) == len(live), "nothing duplicated"
            assert store.path is not None
            assert not list(store.path.parent.glob("*sync-conflict*")), "every copy was put away"
        data = [store.database.storage.read() or {} for store in (laptop, desktop)]
        views = [{name: content_view(d).get(name) for name in USER_TABLES} for d in data]
        assert views[0] == views[1]
    finally:
        laptop.close()
        desktop.close()
        shutil.rmtree(laptop.path.parent.parent)


# -- merging in either order ---------------------------------------------------------


def _replica_after(base: dict[str, Any], steps: list[tuple[str, int]], clock: SimClock, tag: str) -> dict[str, Any]:
    store = Store(Database.in_memory(_deep_copy(base)))
    journal = store.repo(JournalRepository)
    for number, (action, pick) in enumerate(steps):
        at = clock.tick()
        live = _live(store)
        if action == "add" or not live:
            entry = JournalEntry.new(at, body=f"{tag} new {number}")
            entry.updated_at = at.isoformat()
            journal.save(entry)
        elif action == "edit":
            journal.save(replace(live[pick % len(live)], body=f"{tag} edit {number}", updated_at=at.isoformat()))
        else:
            journal.delete(live[pick % len(live)].id)
    return _deep_copy(store.database.storage.read() or {})


def _deep_copy(data: dict[str, Any]) -> dict[str, Any]:
    return {name: {key: dict(doc) for key, doc in table.items()} for name, table in data.items()}


edits = st.lists(st.tuples(st.sampled_from(["add", "edit", "delete"]), st.integers(0, 10)), max_size=12)


@settings(max_examples=50, deadline=None)
@given(shared=edits, first=edits, second=edits, interleave=st.randoms(use_true_random=False))
def test_item19_4_merging_two_replicas_is_commutative_and_idempotent(
    shared: list[tuple[str, int]], first: list[tuple[str, int]], second: list[tuple[str, int]], interleave: Any
) -> None:
    clock = SimClock()
    with simulated_time(clock):
        base = _replica_after({}, shared, clock, "base")
        # the two computers' edits happen interleaved in time: split the ticks between them at random
        order = [0] * len(first) + [1] * len(second)
        interleave.shuffle(order)
        offsets = {0: [], 1: []}  # type: dict[int, list[int]]
        for position, side in enumerate(order):
            offsets[side].append(position)
        first_clock, second_clock = _OffsetClock(clock, offsets[0]), _OffsetClock(clock, offsets[1])
        a = _replica_after(base, first, first_clock, "a")
        b = _replica_after(base, second, second_clock, "b")
    now = START + timedelta(days=1)
    ab, _ = merge_copies(a, b, now=now)
    ba, _ = merge_copies(b, a, now=now)
    assert content_view(ab) == content_view(ba)
    for again in (a, b, ab):
        merged, summary = merge_copies(ab, again, now=now)
        assert content_view(merged) == content_view(ab)
        assert not summary.changed_records


class _OffsetClock(SimClock):
    """Ticks to the given positions of a shared timeline (so two replicas' edits interleave).

    It moves the shared clock too, so deletions are stamped at the same moments.
    """

    def __init__(self, shared: SimClock, positions: list[int]) -> None:
        super().__init__()
        self._start, self._positions = shared.now, list(positions)
        self.shared = shared

    def tick(self) -> datetime:
        position = self._positions.pop(0) if self._positions else 0
        self.now = self._start + timedelta(seconds=position + 1)
        self.shared.now = self.now
        return self.now
