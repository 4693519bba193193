"""Issue 14: the affirmation library, the day's choice, filters, the shuffle, practice counts and the store."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from tui.content import load_json
from tui.content.affirmations import built_in_affirmations, quick_copy
from tui.core.affirmation_practice import days_practised_this_week, practice_line
from tui.core.affirmations import (
    ALL,
    FAVOURITES,
    HIDDEN,
    MAX_AFFIRMATION_CHARS,
    MINE,
    TAGS,
    Affirmation,
    Carousel,
    affirmation_of_the_day,
    apply_filter,
    clean_affirmation_text,
    filter_names,
    source_label,
    tag_problem,
)
from tui.store.affirmation_library import affirmation_library, set_favourite, set_hidden
from tui.store.affirmation_practice_repository import AffirmationPracticeRepository
from tui.store.affirmation_repository import AffirmationRepository
from tui.store.store import Store

DAY = date(2026, 3, 2)


def _library(count: int = 10) -> list[Affirmation]:
    return [Affirmation(text=f"Words {n}", tag="rest", source="built-in", id=f"b{n:02}") for n in range(count)]


# -- the library ------------------------------------------------------------------


def test_item14_library_has_forty_tagged_original_affirmations() -> None:
    built_in = built_in_affirmations()
    assert len(built_in) >= 40
    assert {a.tag for a in built_in} == set(TAGS)
    assert all(sum(a.tag == tag for a in built_in) >= 5 for tag in TAGS)


def test_item14_quick_copy_for_the_shell_is_current() -> None:
    # `python -m tui.content.affirmations` rewrites it after affirmations.toml changes
    assert load_json("affirmations_quick") == quick_copy()


# -- the day's choice -------------------------------------------------------------------


def test_item14_day_choice_same_date_same_affirmation() -> None:
    library = _library()
    first = affirmation_of_the_day(library, DAY)
    assert first is not None
    assert affirmation_of_the_day(list(reversed(library)), DAY) is first  # order does not matter
    choices = {affirmation_of_the_day(library, DAY + timedelta(days=n)).id for n in range(30)}  # type: ignore[union-attr]
    assert len(choices) > 1  # but it changes from day to day


def test_item14_day_choice_weights_own_and_favourite_higher() -> None:
    library = _library(10)
    own = Affirmation(text="Mine", source="own", id="own")
    favourite = Affirmation(text="Starred", source="built-in", favourite=True, id="fav")
    days = [DAY + timedelta(days=n) for n in range(3000)]
    picks = [affirmation_of_the_day([*library, own, favourite], day).id for day in days]  # type: ignore[union-attr]
    plain_share = sum(pick == "b03" for pick in picks) / len(picks)
    assert picks.count("own") / len(picks) > 2 * plain_share
    assert picks.count("fav") / len(picks) > 2 * plain_share


def test_item14_day_choice_never_hidden_and_empty_library() -> None:
    library = [*_library(3), Affirmation(text="Set aside", source="built-in", hidden=True, id="hid")]
    assert all(affirmation_of_the_day(library, DAY + timedelta(days=n)).id != "hid" for n in range(200))  # type: ignore[union-attr]
    assert affirmation_of_the_day([], DAY) is None
    assert affirmation_of_the_day([Affirmation(text="x", source="built-in", hidden=True, id="h")], DAY) is None


# -- filters and the shuffle ------------------------------------------------------------


def test_item14_filters_favourites_mine_hidden_and_tag() -> None:
    hidden = Affirmation(text="Hidden", tag="rest", source="built-in", hidden=True, id="h")
    starred = Affirmation(text="Starred", tag="worth", source="built-in", favourite=True, id="s")
    mine = Affirmation(text="Mine", tag="growth", source="own", id="m")
    reframe = Affirmation(text="Kept", tag="self-kindness", source="reframe", id="r", entry_id="e1")
    everything = [hidden, starred, mine, reframe]
    assert apply_filter(everything, ALL) == [starred, mine, reframe]  # hidden never shows under "all"
    assert apply_filter(everything, FAVOURITES) == [starred]
    assert apply_filter(everything, MINE) == [mine, reframe]
    assert apply_filter(everything, HIDDEN) == [hidden]
    assert apply_filter(everything, "rest") == []  # the only rest one is hidden
    assert apply_filter(everything, "worth") == [starred]
    assert filter_names(everything)[:4] == [ALL, FAVOURITES, MINE, HIDDEN]
    assert [source_label(a) for a in everything] == ["built-in", "built-in", "yours", "from your journal"]


def test_item14_shuffle_shows_every_one_before_any_repeats() -> None:
    library = _library(12)
    carousel = Carousel(library)
    carousel.set_shuffle(7)
    seen = []
    for _ in range(len(library)):
        seen.append(carousel.current.id)  # type: ignore[union-attr]
        carousel.move(1)
    assert sorted(seen) == sorted(a.id for a in library)
    assert seen != [a.id for a in library]  # shuffled, not in order
    again = Carousel(library)
    again.set_shuffle(7)
    again.index = 0
    carousel.set_shuffle(7)
    carousel.index = 0
    assert [a.id for a in again.shown] == [a.id for a in carousel.shown]  # the same seed, the same order
    carousel.set_shuffle(None)
    assert carousel.shown == library


# -- text rules --------------------------------------------------------------------------


def test_item14_text_rules_empty_and_over_the_limit_refused() -> None:
    with pytest.raises(ValueError, match="few words"):
        clean_affirmation_text("   \n\t ")
    with pytest.raises(ValueError, match=str(MAX_AFFIRMATION_CHARS)):
        clean_affirmation_text("a" * (MAX_AFFIRMATION_CHARS + 1))
    assert clean_affirmation_text("a" * MAX_AFFIRMATION_CHARS) == "a" * MAX_AFFIRMATION_CHARS
    assert tag_problem("worth") is None and tag_problem("") is None
    assert "self-kindness, common-humanity" in (tag_problem("nope") or "")


# -- practice ---------------------------------------------------------------------------------


def test_item14_days_this_week_had_a_practice_never_a_streak() -> None:
    wednesday = date(2026, 3, 4)
    counts = {"2026-03-02": 2, "2026-03-04": 1, "2026-02-28": 5}  # Monday, Wednesday, and last week
    assert days_practised_this_week(counts, wednesday) == 2
    line = practice_line(counts, wednesday)
    assert line == "Said 1 time today. 2 days this week had a practice."
    assert "streak" not in line.lower()
    assert practice_line({}, wednesday) == "Press Enter when you have said one, aloud or written."


# -- the store ---------------------------------------------------------------------------------


def test_item14_favourite_and_hide_built_ins_and_count_practice(store: Store, clock: Any) -> None:
    built_in = affirmation_library(store)[0]
    set_favourite(store, built_in, True)
    assert affirmation_library(store)[0].favourite
    set_hidden(store, built_in, True)
    assert affirmation_library(store)[0].hidden and affirmation_library(store)[0].favourite
    set_hidden(store, built_in, False)
    set_favourite(store, built_in, False)
    assert store.database.table("affirmation_marks").all() == []  # nothing left to remember
    mine = store.repo(AffirmationRepository).add_own("Mine", "rest", at=clock.now())
    set_favourite(store, mine, True)
    assert [a.favourite for a in affirmation_library(store) if a.id == mine.id] == [True]
    with pytest.raises(ValueError):
        set_hidden(store, mine, True)
    practice = store.repo(AffirmationPracticeRepository)
    assert [practice.said_it(DAY), practice.said_it(DAY), practice.said_it(DAY + timedelta(days=1))] == [1, 2, 1]
    assert practice.counts() == {"2026-03-02": 2, "2026-03-03": 1}


@pytest.mark.parametrize(
    "text",
    ["I am enough 🌱🧡", "cafe\u0301 and nai\u0308ve", "أنا أستحق اللطف", "אני ראוי לחסד", "mixed עברית and English"],
)
def test_item14_emoji_combining_and_rtl_round_trip(tmp_path: Path, clock: Any, text: str) -> None:
    path = tmp_path / "db.json"
    store = Store.open(path)
    saved = store.repo(AffirmationRepository).add_own(text, "worth", at=clock.now(), entry_id="entry-1")
    store.close()
    again = Store.open(path)
    try:
        [found] = again.repo(AffirmationRepository).own()
    finally:
        again.close()
    assert found.text == text == saved.text and found.entry_id == "entry-1"
