"""Issue 17 item 1: homework assignments, hand ticks and reviews are stored and checked on load."""

from __future__ import annotations

from datetime import date

from tui.core.homework.assignment import Assignment, Frequency
from tui.core.homework.review import HomeworkReview
from tui.store.homework_repository import HomeworkRepository
from tui.store.record_checks import record_problem
from tui.store.store import Store


def test_item17_1_assignment_round_trip_and_order() -> None:
    store = Store.in_memory()
    repo = store.repo(HomeworkRepository)
    a = Assignment(
        id="",
        kind="breathing",
        title="Box",
        target="box",
        frequency=Frequency("weekdays", weekdays=(0, 2)),
        minutes=5,
        start="2026-03-01",
        review="2026-03-15",
        agreed="Agreed with Sam on Tuesday",
    ).with_change("2026-03-01T09:00:00+00:00", "created")
    saved = repo.add(a)
    assert saved.id
    assert repo.get(saved.id) == saved
    repo.save(Assignment(id="p", kind="affirmation", status="paused"))
    assert [x.id for x in repo.ordered()] == [saved.id, "p"] and [x.id for x in repo.current()] == [saved.id]


def test_item17_1_ticks_backdated_and_cleared_reviews_kept() -> None:
    store = Store.in_memory()
    repo = store.repo(HomeworkRepository)
    repo.ticks.set_done("f", date(2026, 3, 1), True)
    repo.ticks.set_done("f", date(2026, 3, 1), True)
    repo.ticks.set_done("f", date(2026, 3, 2), True)
    repo.ticks.set_done("f", date(2026, 3, 2), False)
    assert repo.ticks.days_for("f") == {"2026-03-01"}
    repo.reviews.save(HomeworkReview(id="r", assignment_id="f", day="2026-03-15", helped="it did"))
    assert [r.helped for r in repo.reviews.for_assignment("f")] == ["it did"]


def test_item17_1_record_checks_set_aside_bad_homework() -> None:
    assert record_problem("homework_assignments", {"id": "a", "kind": "breathing", "minutes": -1}) is not None
    assert record_problem("homework_assignments", {"id": "a", "kind": "breathing", "history": [{"at": 3}]})
    assert record_problem("homework_assignments", {"id": "a", "kind": "breathing", "minutes": 5}) is None
    assert record_problem("homework_ticks", {"id": "x", "assignment_id": "a", "day": "soon"}) is not None
    assert record_problem("homework_reviews", {"id": "r", "assignment_id": "a", "day": "2026-03-01"}) is None
