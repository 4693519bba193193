"""Issue 12: the quick ``selfcare done`` reads a routine exactly when the store would.

:func:`tui.store.routine_record_check.routine_readable` (standard library
only) must agree with ``record_problem("selfcare_items", ...)``, the rules every
read applies: a routine either would set aside must make the quick path step back.
"""

from __future__ import annotations

from typing import Any

import pytest

from tui.store.record_checks import record_problem
from tui.store.routine_record_check import routine_readable

GOOD: dict[str, Any] = {
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
}
ODD_VALUES = [None, 0, 1, -1, 10**9, 10**9 + 1, -(10**9) - 1, 1.5, True, False, "", "x", [], {}, {"a": 1}, ["x"]]


def _variants() -> list[Any]:
    variants: list[Any] = [GOOD, {"id": "r", "text": ""}, {"id": "", "text": "x"}, {"text": "x"}, {"id": "r"}]
    variants += [None, [], "routine", 3]
    for name in GOOD:
        without = dict(GOOD)
        del without[name]
        variants.append(without)
        for value in ODD_VALUES:
            variants.append({**GOOD, name: value})
    variants.append({**GOOD, "extra": {"kept": [1, None]}})
    return variants


@pytest.mark.parametrize("document", _variants(), ids=lambda document: repr(document)[-40:])
def test_the_quick_check_agrees_with_the_stores_rules(document: Any) -> None:
    assert routine_readable(document) == (record_problem("selfcare_items", document) is None)


def test_the_cases_that_matter_are_among_those_compared() -> None:
    assert routine_readable(GOOD)
    assert not routine_readable({**GOOD, "position": "first"})
    assert not routine_readable({**GOOD, "active": 1})
    assert not routine_readable({**GOOD, "id": ""})
