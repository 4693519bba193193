"""Issue 12: the quick ``selfcare done`` and ``plan tick`` read a record exactly when the store would.

:func:`tui.store.plain_record_checks.readable` (standard library only) must
agree with ``record_problem(table, ...)``, the rules every read applies: a
record either would set aside must make the quick path step back.
"""

from __future__ import annotations

from typing import Any

import pytest

from tui.store.plain_record_checks import RULES, readable, routine_readable
from tui.store.record_checks import record_problem

GOOD: dict[str, dict[str, Any]] = {
    "selfcare_items": {
        "id": "r1",
        "text": "Walk",
        "category": "body",
        "active": True,
        "created_at": "2026-01-01T08:00:00+00:00",
        "need_id": "",
        "schedule": {"kind": "every_day"},
        "time_of_day": "morning",
        "position": 3,
        "suggestion_dismissed": False,
        "updated_at": "2026-01-01T08:00:00.000000+00:00",
    },
    "homework_assignments": {
        "id": "walk",
        "kind": "free-text",
        "title": "Walk after lunch",
        "target": "",
        "frequency": {"how": "daily", "weekdays": [], "times": 1},
        "minutes": 0,
        "focus": "",
        "start": "2026-01-01",
        "review": "",
        "agreed": "",
        "status": "active",
        "created_at": "2026-01-01T08:00:00+00:00",
        "history": [{"at": "2026-01-01T08:00:00+00:00", "what": "created", "detail": ""}],
        "source": "",
        "updated_at": "2026-01-01T08:00:00.000000+00:00",
    },
}
ODD_VALUES = [None, 0, 1, -1, 10**9, 10**9 + 1, -(10**9) - 1, 1440, 1441, 1.5, True, False, "", "x", [], {}]
ODD_VALUES += [{"a": 1}, ["x"], [{"at": 1}], [{"at": "x"}], [None]]


def _variants(table: str) -> list[Any]:
    good = GOOD[table]
    required = list(RULES[table][0])
    variants: list[Any] = [good, None, [], "record", 3, dict.fromkeys(required, "x")]
    variants += [dict.fromkeys(required, ""), {required[0]: "x"}]
    for name in good:
        without = dict(good)
        del without[name]
        variants.append(without)
        for value in ODD_VALUES:
            variants.append({**good, name: value})
    variants.append({**good, "extra": {"kept": [1, None]}})
    return variants


CASES = [(table, document) for table in GOOD for document in _variants(table)]


@pytest.mark.parametrize(("table", "document"), CASES, ids=lambda value: repr(value)[-40:])
def test_the_quick_check_agrees_with_the_stores_rules(table: str, document: Any) -> None:
    assert readable(table, document) == (record_problem(table, document) is None)


def test_the_cases_that_matter_are_among_those_compared() -> None:
    routine = GOOD["selfcare_items"]
    assert routine_readable(routine)
    assert not routine_readable({**routine, "position": "first"})
    assert not routine_readable({**routine, "active": 1})
    assert not routine_readable({**routine, "id": ""})
    task = GOOD["homework_assignments"]
    assert readable("homework_assignments", task)
    assert not readable("homework_assignments", {**task, "title": 5})
    assert not readable("homework_assignments", {**task, "minutes": 2000})
    assert not readable("homework_assignments", {**task, "history": [{"at": 1}]})
