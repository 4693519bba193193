"""Journal core: entries, word counts, dates, tags, prompts and guided exercises."""

from __future__ import annotations

import random
from datetime import date, datetime

import pytest

from tui.content import exercises as content_exercises
from tui.content.journal_prompts import load_prompts
from tui.core import journal_exercises as exercises
from tui.core.journal import (
    KIND_COMPASSION_BREAK,
    KIND_INNER_CRITIC,
    KIND_KIND_LETTER,
    JournalEntry,
    count_words,
    parse_entry_date,
    parse_tags,
)
from tui.core.journal_prompts import TAG_TITLES, draw, prompt_tags

NOW = datetime(2026, 3, 2, 9, 30).astimezone()


def test_word_count_spaced_and_unspaced_scripts() -> None:
    assert count_words("Hello there, kind  world!") == 4
    assert count_words("  ") == 0
    assert count_words("— … !!") == 0
    assert count_words("今日は雨") == 4
    assert count_words("I felt 平和 today") == 5
    assert count_words("שלום עולם") == 2
    assert count_words("café") == 1


def test_entry_date_parsing_messages() -> None:
    assert parse_entry_date(" 2026-02-28 ") == date(2026, 2, 28)
    with pytest.raises(ValueError, match="YYYY-MM-DD"):
        parse_entry_date("28/02/2026")
    with pytest.raises(ValueError, match="not a day"):
        parse_entry_date("2026-02-30")


def test_tags_are_trimmed_folded_and_unique() -> None:
    assert parse_tags(" Work, #family ,work,, big   day ") == ["work", "family", "big day"]


def test_empty_entry_detection() -> None:
    assert JournalEntry.new(NOW, body=" \n\t ").is_empty()
    assert JournalEntry.new(NOW, title="Only a title").is_empty()
    assert JournalEntry.new(NOW, fields={"soothing-touch": False, "x": ""}).is_empty()
    assert not JournalEntry.new(NOW, body="a").is_empty()
    entry = JournalEntry.new(NOW, entry_date=date(2026, 1, 5))
    assert entry.entry_date == "2026-01-05" and entry.created_at.startswith("2026-03-02T09:30:00")


def test_at_least_thirty_prompts_each_tagged_with_known_tags() -> None:
    prompts = load_prompts()
    assert len(prompts) >= 30
    assert len({prompt.id for prompt in prompts}) == len(prompts)
    assert set(prompt_tags(prompts)) == set(TAG_TITLES)
    assert all(prompt.text.strip() for prompt in prompts)


def test_draw_is_seeded_filters_by_tag_and_avoids_excluded() -> None:
    first = draw(random.Random(7), prompts=load_prompts())
    assert draw(random.Random(7), prompts=load_prompts()) == first
    for _ in range(30):
        assert draw(random.Random(), tag="mindfulness", prompts=load_prompts()).tag == "mindfulness"
    rng = random.Random(1)
    pool = [p for p in load_prompts() if p.tag == "creativity"]
    keep = pool[0]
    excluded = [p.id for p in pool[1:]]
    assert draw(rng, tag="creativity", exclude=excluded, prompts=load_prompts()) == keep
    every = [p.id for p in pool]
    assert (
        draw(rng, tag="creativity", exclude=every, prompts=load_prompts()).tag == "creativity"
    )  # falls back to the whole pool
    with pytest.raises(ValueError):
        draw(rng, tag="no-such-tag", prompts=load_prompts())


def test_inner_critic_becomes_an_entry_with_fields_and_readable_body() -> None:
    exercise = content_exercises.inner_critic()
    assert [f.kind for f in exercise.fields].count("belief") == 2
    answers = {
        "critical-thought": "I always mess things up.",
        "belief-before": "80",
        "friend-response": "You had a hard week.",
        "common-humanity": "Everyone slips sometimes.",
        "kind-reframe": "I made one mistake and I am learning.",
        "belief-after": "45%",
    }
    entry = exercises.to_entry(exercise, answers, NOW, tags=["work"])
    assert entry.kind == KIND_INNER_CRITIC
    assert entry.fields["belief-before"] == 80 and entry.fields["belief-after"] == 45
    assert entry.fields["kind-reframe"] == "I made one mistake and I am learning."
    assert "I always mess things up." in entry.body and "80 / 100" in entry.body
    assert entry.tags == ["work"] and entry.title == exercise.title
    assert exercises.answers_from_entry(exercise, entry)["belief-after"] == "45"


@pytest.mark.parametrize("bad", ["101", "-1", "lots", "4.5"])
def test_belief_out_of_range_is_refused(bad: str) -> None:
    exercise = content_exercises.inner_critic()
    problems = exercises.validate_answers(exercise, {"belief-before": bad})
    assert set(problems) == {"belief-before"}
    with pytest.raises(ValueError):
        exercises.to_entry(exercise, {"belief-before": bad}, NOW)


def test_belief_bounds_and_blank() -> None:
    assert exercises.parse_belief("0") == 0
    assert exercises.parse_belief("100") == 100
    assert exercises.parse_belief("  ") is None


def test_compassion_break_and_kind_letter_entries() -> None:
    brk = content_exercises.compassion_break()
    assert len(brk.fields) == 3 and brk.extra
    entry = exercises.to_entry(
        brk, {"this-is-hard": "Tired.", "kind-phrase": "Rest is allowed.", "soothing-touch": "yes"}, NOW
    )
    assert entry.kind == KIND_COMPASSION_BREAK and entry.fields["soothing-touch"] is True
    assert "Tired." in entry.body and "soothing touch" in entry.body
    assert entry.fields["others-too"] == ""
    letter = content_exercises.kind_letter()
    entry = exercises.to_entry(letter, {"letter": "  Dear me,\nyou are doing fine.  "}, NOW)
    assert entry.kind == KIND_KIND_LETTER and entry.body == "Dear me,\nyou are doing fine."
    assert exercises.to_entry(letter, {"letter": "   "}, NOW).is_empty()
