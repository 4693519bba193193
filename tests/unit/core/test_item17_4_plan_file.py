"""Issue 17 item 4: the plan file parser: assignments with stable ids, and an error per field naming its line."""

from __future__ import annotations

import pytest

from tui.core.homework.assignment import TIMES_A_WEEK, WEEKDAYS
from tui.core.plan_file import PlanProblem, describe, parse_plan

PLAN = """\
agreed = "Agreed on 2 March"

[[assignment]]
id = "box"
kind = "breathing"
title = "Box breathing"
target = "box"
frequency = "daily"
minutes = 5
focus = "Slow out-breath"
start = 2026-03-02
review = 2026-03-16

[[assignment]]
kind = "journal"
target = "inner-critic"
frequency = "times-a-week"
times = 3

[[assignment]]
kind = "free-text"
title = "Call a friend"
frequency = "weekdays"
days = ["sat", "Sunday"]
agreed = "Own words"
"""


def test_item17_4_plan_reads_every_field() -> None:
    box, journal, call = (item.assignment for item in parse_plan(PLAN))
    assert (box.kind, box.title, box.target, box.minutes, box.focus) == (
        "breathing",
        "Box breathing",
        "box",
        5,
        "Slow out-breath",
    )
    assert (box.start, box.review, box.agreed) == ("2026-03-02", "2026-03-16", "Agreed on 2 March")
    assert journal.frequency.how == TIMES_A_WEEK and journal.frequency.times == 3
    assert call.frequency.how == WEEKDAYS and call.frequency.weekdays == (5, 6) and call.agreed == "Own words"
    assert describe(box) == "Box breathing: Breathing, every day, 5 minutes, from 2026-03-02, review 2026-03-16"


def test_item17_4_plan_ids_are_stable_from_the_file() -> None:
    first = [item.assignment.id for item in parse_plan(PLAN)]
    assert first == [item.assignment.id for item in parse_plan(PLAN)]
    assert len(set(first)) == 3
    # An assignment with an id keeps it when its words change; one without changes with its content.
    edited = PLAN.replace('title = "Box breathing"', 'title = "Box breathing, gently"').replace(
        "times = 3", "times = 4"
    )
    second = [item.assignment.id for item in parse_plan(edited)]
    assert second[0] == first[0] and second[1] != first[1] and second[2] == first[2]


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (('kind = "breathing"', 'kind = "running"'), "line 5, field 'kind': should be one of"),
        (("minutes = 5", "minutes = 0"), "line 9, field 'minutes': should be a whole number from 1 to 180"),
        (("minutes = 5", 'minutes = "five"'), "line 9, field 'minutes'"),
        (('frequency = "daily"', 'frequency = "hourly"'), "line 8, field 'frequency': should be one of"),
        (("times = 3", "times = 8"), "line 18, field 'times': should be a whole number from 1 to 7"),
        (('days = ["sat", "Sunday"]', 'days = ["someday"]'), "line 24, field 'days': 'someday' is not a day"),
        (('days = ["sat", "Sunday"]', "days = []"), "line 24, field 'days': should list the days"),
        (("start = 2026-03-02", 'start = "2 March"'), "line 11, field 'start': should be a date"),
        (("review = 2026-03-16", "review = 2026-03-01"), "line 12, field 'review': comes before the start"),
        (('title = "Call a friend"', 'title = ""'), "line 22, field 'title': is empty"),
        (('title = "Box breathing"', "title = 3"), "line 6, field 'title': should be text in quotes"),
        (('focus = "Slow out-breath"', f'focus = "{"x" * 501}"'), "line 10, field 'focus': is longer than 500"),
        (('target = "box"', 'tagret = "box"'), "line 7, field 'tagret': is not a known field"),
        (('agreed = "Agreed on 2 March"', 'agree = "x"'), "line 1, field 'agree': is not a known field"),
        (('id = "box"', "id = 7"), "line 4, field 'id': should be text in quotes"),
        (('kind = "journal"', 'kind = "journal"\nminutes = 5'), "line 16, field 'minutes': applies only to"),
        (('kind = "breathing"', "kind = breathing"), "line 5: this is not valid TOML"),
    ],
)
def test_item17_4_plan_errors_name_the_line_and_the_field(change: tuple[str, str], expected: str) -> None:
    old, new = change
    assert old in PLAN
    with pytest.raises(PlanProblem) as raised:
        parse_plan(PLAN.replace(old, new, 1))
    assert expected in str(raised.value)
    assert "\n" not in str(raised.value)


def test_item17_4_plan_without_assignments_or_with_a_repeated_one() -> None:
    with pytest.raises(PlanProblem, match="no \\[\\[assignment\\]\\]"):
        parse_plan('agreed = "x"\n')
    twice = PLAN + '\n[[assignment]]\nid = "box"\nkind = "breathing"\n'
    with pytest.raises(PlanProblem, match="line 28, field 'id': the same assignment as on line 3"):
        parse_plan(twice)


def test_item17_4_free_text_needs_a_title() -> None:
    with pytest.raises(PlanProblem, match="line 1, field 'title': is missing"):
        parse_plan('[[assignment]]\nkind = "free-text"\n')


def test_item17_4_the_readme_example_is_a_valid_plan() -> None:
    from pathlib import Path

    readme = (Path(__file__).resolve().parents[3] / "README.md").read_text(encoding="utf-8")
    example = readme.split("A full example, with every field:\n\n```toml\n", 1)[1].split("```", 1)[0]
    planned = parse_plan(example)
    assert [item.assignment.kind for item in planned] == ["breathing", "journal", "free-text"]
    assert planned[0].assignment.agreed == "We said mornings suit me best"
    assert planned[1].assignment.agreed == "Agreed with my therapist on 2 March"
