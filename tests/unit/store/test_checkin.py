"""Check-in validation and the check-in repository."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tui.core.checkin import (
    MAX_NOTE_LENGTH,
    MAX_WORD_LENGTH,
    MAX_WORDS,
    CheckinError,
    check_score,
    make_checkin,
    normalize_words,
    parse_moment,
)
from tui.store.checkin_repository import CheckinRepository
from tui.store.store import Store

NOW = datetime(2026, 3, 2, 9, 30).astimezone()


@pytest.mark.parametrize("value", [1, 10, "7", " 3 ", 5.0])
def test_scores_from_one_to_ten_are_accepted(value: object) -> None:
    assert check_score(value) in range(1, 11)


@pytest.mark.parametrize("value", [0, 11, -1, "abc", "7.5", 7.5, True, "", None])
def test_bad_scores_are_refused_with_a_message(value: object) -> None:
    with pytest.raises(CheckinError) as caught:
        check_score(value)
    assert caught.value.field == "pleasantness"
    assert "1 to 10" in caught.value.message


def test_energy_is_optional() -> None:
    assert check_score(None, "energy", optional=True) is None
    assert check_score("", "energy", optional=True) is None
    with pytest.raises(CheckinError, match="Energy"):
        check_score(12, "energy", optional=True)


def test_words_are_trimmed_lowercased_and_deduplicated() -> None:
    assert normalize_words([" Work ", "#work", "family  time", "", "WORK", "Family Time"], "tags") == (
        "work",
        "family time",
    )


def test_too_many_or_too_long_words_are_refused() -> None:
    with pytest.raises(CheckinError, match=str(MAX_WORDS)):
        normalize_words([f"w{i}" for i in range(MAX_WORDS + 1)], "tags")
    with pytest.raises(CheckinError) as caught:
        normalize_words(["x" * (MAX_WORD_LENGTH + 1)], "emotions")
    assert caught.value.field == "emotions"


@settings(deadline=None)
@given(st.lists(st.text(max_size=12), max_size=10))
def test_normalizing_twice_changes_nothing(words: list[str]) -> None:
    once = normalize_words(words, "tags")
    assert normalize_words(once, "tags") == once
    assert all(word == word.strip().lower() and word for word in once)
    assert len(set(once)) == len(once)


def test_note_length_is_capped() -> None:
    assert make_checkin(pleasantness=5, now=NOW, note="  hi  ").note == "hi"
    with pytest.raises(CheckinError) as caught:
        make_checkin(pleasantness=5, now=NOW, note="x" * (MAX_NOTE_LENGTH + 1))
    assert caught.value.field == "note"


def test_checkin_defaults_to_now_and_refuses_the_future() -> None:
    assert make_checkin(pleasantness=7, now=NOW).at == NOW
    assert make_checkin(pleasantness=7, now=NOW, at=NOW - timedelta(days=3)).at == NOW - timedelta(days=3)
    with pytest.raises(CheckinError) as caught:
        make_checkin(pleasantness=7, now=NOW, at=NOW + timedelta(hours=1))
    assert caught.value.field == "at" and "future" in caught.value.message


def test_parse_moment() -> None:
    assert parse_moment("2026-03-01 21:05", NOW) == datetime(2026, 3, 1, 21, 5).astimezone()
    assert parse_moment("2026-02-28", NOW) == datetime(2026, 2, 28, 12, 0).astimezone()
    assert parse_moment("2026-03-02", NOW) == NOW  # today without a time means now


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("2026-02-30 10:00", "not a real date"),
        ("2026-03-01 25:00", "not a real date"),
        ("2026-03-02 10:00", "future"),
        ("yesterday", "YYYY-MM-DD HH:MM"),
        ("", "needed"),
    ],
)
def test_bad_moments_are_explained(text: str, words: str) -> None:
    with pytest.raises(CheckinError) as caught:
        parse_moment(text, NOW)
    assert words in caught.value.message and caught.value.field == "at"


def test_repository_round_trip_and_queries(store: Store) -> None:
    repository = store.repo(CheckinRepository)
    first = repository.add(
        make_checkin(pleasantness=4, now=NOW, at=NOW - timedelta(days=2), tags=["work"], emotions=["tired"])
    )
    second = repository.add(make_checkin(pleasantness=8, now=NOW, energy=6, tags=["family", "work"], note="walk"))
    third = repository.add(make_checkin(pleasantness=6, now=NOW, at=NOW - timedelta(days=1), tags=["sleep"]))
    assert repository.get(second.id) == second
    assert [c.id for c in repository.latest(2)] == [second.id, third.id]
    assert [c.id for c in repository.between(date(2026, 2, 28), date(2026, 3, 1))] == [first.id, third.id]
    assert repository.tags_used() == ["work", "family", "sleep"]
    assert [p.pleasantness for p in repository.points()] == [4, 6, 8]
    edited = make_checkin(pleasantness=9, now=NOW, checkin_id=first.id, at=first.at)
    repository.save(edited)
    assert repository.get(first.id) == edited and repository.count() == 3
    assert repository.delete(third.id) and repository.count() == 2


def test_repository_skips_documents_it_cannot_read(store: Store) -> None:
    with store.database.transaction():
        store.database.table("checkins").insert({"id": "x", "at": "garbage", "pleasantness": 5})
        store.database.table("checkins").insert({"id": "y", "at": "2026-03-01T10:00:00+01:00", "pleasantness": "5"})
    assert store.repo(CheckinRepository).points() == []
