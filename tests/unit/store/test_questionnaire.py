"""Questionnaire definitions: validation with clear messages, reversing, totals, loading from a folder."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tui.content.questionnaires import (
    built_in_questionnaire,
    load_questionnaire_file,
    load_questionnaires,
)
from tui.core.questionnaire import QuestionnaireError, block_line, parse_questionnaire
from tui.store.questionnaire_repository import QuestionnaireRepository
from tui.store.store import Store

GOOD = """
id = "weekly"
title = "Weekly reflection"
scale_min = 1
scale_max = 5
scale_labels = ["Never", "Rarely", "Sometimes", "Often", "Always"]

[[item]]
id = "kind"
text = "I was kind to myself."

[[item]]
id = "harsh"
text = "I was harsh with myself."
reverse = true
"""


def definition(**changes: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": "q",
        "title": "Q",
        "scale_min": 1,
        "scale_max": 5,
        "item": [{"id": "a", "text": "A"}, {"id": "b", "text": "B", "reverse": True}],
    }
    data.update(changes)
    return data


def test_total_is_the_mean_after_reversing() -> None:
    questionnaire = parse_questionnaire(definition(), "test.toml")
    # b answered 2 is reversed to 1 + 5 - 2 = 4; mean of 5 and 4
    assert questionnaire.total({"a": 5, "b": 2}) == pytest.approx(4.5)


def test_reverse_uses_min_plus_max_on_a_shorter_scale() -> None:
    questionnaire = parse_questionnaire(definition(scale_min=1, scale_max=4), "test.toml")
    assert questionnaire.total({"a": 1, "b": 1}) == pytest.approx((1 + 4) / 2)


def test_incomplete_or_out_of_range_answers_are_refused() -> None:
    questionnaire = parse_questionnaire(definition(), "test.toml")
    with pytest.raises(ValueError, match="not answered yet: b"):
        questionnaire.total({"a": 3})
    with pytest.raises(ValueError, match="outside 1-5"):
        questionnaire.total({"a": 6, "b": 3})


@pytest.mark.parametrize(
    ("changes", "problem"),
    [
        ({"item": []}, "no items"),
        ({"scale_min": 0}, "within 1-5"),
        ({"scale_max": 7}, "within 1-5"),
        ({"scale_min": 4, "scale_max": 2}, "scale_min < scale_max"),
        ({"scale_max": "5"}, "'scale_max' must be a whole number"),
        ({"scale_labels": ["a", "b"]}, "needs 5 labels"),
        ({"title": ""}, "'title' must be non-empty text"),
        ({"item": [{"id": "a", "text": "A"}, {"id": "a", "text": "B"}]}, "item 2: the id 'a' is used twice"),
        ({"item": [{"id": "a", "text": "A", "reverse": "yes"}]}, "item 1: 'reverse' must be true or false"),
        ({"item": [{"id": "a"}]}, "item 1: 'text' must be non-empty text"),
    ],
)
def test_validation_names_the_file_and_the_problem(changes: dict[str, Any], problem: str) -> None:
    with pytest.raises(QuestionnaireError) as caught:
        parse_questionnaire(definition(**changes), "/home/x/mine.toml")
    assert str(caught.value).startswith("/home/x/mine.toml: ")
    assert problem in str(caught.value)


def test_file_that_is_not_toml_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "broken.toml"
    path.write_text("id = \n", encoding="utf-8")
    with pytest.raises(QuestionnaireError, match=r"broken\.toml: not valid TOML"):
        load_questionnaire_file(path)


def test_folder_loading_keeps_good_files_and_reports_bad_ones(tmp_path: Path) -> None:
    (tmp_path / "good.toml").write_text(GOOD, encoding="utf-8")
    (tmp_path / "bad.toml").write_text('id = "x"\ntitle = "X"\n', encoding="utf-8")
    found, problems = load_questionnaires(tmp_path)
    assert [q.id for q in found] == ["self-compassion-checkin", "weekly"]
    assert found[1].label_for(5) == "Always"
    assert len(problems) == 1 and "bad.toml" in str(problems[0]) and "no items" in str(problems[0])


def test_missing_folder_gives_just_the_built_in() -> None:
    found, problems = load_questionnaires(Path("/nonexistent/heartwork-questionnaires"))
    assert [q.id for q in found] == ["self-compassion-checkin"] and problems == []


def test_built_in_is_labelled_as_a_personal_reflection() -> None:
    questionnaire = built_in_questionnaire()
    assert "not a validated measure" in questionnaire.note
    assert any(item.reverse for item in questionnaire.items)
    assert len(questionnaire.scale_labels) == 5


def test_block_line_is_taller_for_higher_totals() -> None:
    assert block_line([1.0, 3.0, 5.0], 1, 5) == "▁▅█"


def test_repository_saves_total_and_groups_results(store: Store, clock: Any) -> None:
    repository = store.repo(QuestionnaireRepository)
    questionnaire = parse_questionnaire(definition(), "test.toml")
    repository.record(questionnaire, {"a": 4, "b": 2}, clock.now())
    clock.advance(86400)
    repository.record(questionnaire, {"a": 5, "b": 1}, clock.now())
    with pytest.raises(ValueError):
        repository.record(questionnaire, {"a": 5}, clock.now())
    grouped = repository.by_questionnaire()
    assert [r.total for r in grouped["q"]] == [4.0, 5.0]
    assert store.database.table("questionnaire_results").all()[0]["answers"] == {"a": 4, "b": 2}


def test_element_means_use_reversed_scores() -> None:
    questionnaire = built_in_questionnaire()
    answers = {item.id: 4 for item in questionnaire.items}
    means = questionnaire.element_means(answers)
    # each element has one plain item (4) and one reversed item (1 + 5 - 4 = 2)
    assert means == {"self-kindness": 3.0, "common-humanity": 3.0, "mindfulness": 3.0}
