"""Reflections, self-care and own affirmations: core rules and their repositories."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest

from tui.content.affirmations import built_in_affirmations
from tui.content.reflection_questions import reflection_questions
from tui.core.affirmations import ALL, FAVOURITES, MINE, Affirmation, Carousel
from tui.core.reflection import Reflection, excerpt
from tui.core.selfcare import SelfCareItem, SelfCareTick, day_summary, week_summary
from tui.store.affirmation_repository import AffirmationRepository
from tui.store.reflection_repository import ReflectionRepository
from tui.store.selfcare_repository import SelfCareRepository, SelfCareTickRepository
from tui.store.store import Store

# -- reflections -------------------------------------------------------------------


def test_one_reflection_per_day_and_editing_updates_it(store: Store, clock: Any) -> None:
    repository = store.repo(ReflectionRepository)
    first = repository.save_for_day("2026-03-02", {"helped": "  Breathing before work.  "}, clock.now())
    assert first is not None and first.answers == {"helped": "Breathing before work."}
    clock.advance(3600)
    second = repository.save_for_day("2026-03-02", {"helped": "Breathing.", "hard": "Evenings."}, clock.now())
    assert second is not None and second.id == first.id and second.created_at == first.created_at
    assert repository.count() == 1
    assert repository.for_day("2026-03-02").answers == {"helped": "Breathing.", "hard": "Evenings."}  # type: ignore[union-attr]


def test_clearing_every_answer_removes_the_days_reflection(store: Store, clock: Any) -> None:
    repository = store.repo(ReflectionRepository)
    repository.save_for_day("2026-03-02", {"helped": "Yes"}, clock.now())
    assert repository.save_for_day("2026-03-02", {"helped": "   "}, clock.now()) is None
    assert repository.count() == 0


def test_latest_is_newest_first(store: Store, clock: Any) -> None:
    repository = store.repo(ReflectionRepository)
    for day in ("2026-03-01", "2026-03-05", "2026-02-20"):
        repository.save_for_day(day, {"helped": day}, clock.now())
    assert [r.day for r in repository.latest(2)] == ["2026-03-05", "2026-03-01"]


def test_excerpt_follows_question_order_and_shortens() -> None:
    questions = reflection_questions()
    assert [q.id for q in questions] == ["helped", "changed", "hard", "more-attention"]
    reflection = Reflection(day="2026-03-02", answers={"hard": "x" * 100, "changed": "I  rest\nmore."})
    assert excerpt(reflection, questions) == "I rest more."
    long_one = excerpt(Reflection(day="2026-03-02", answers={"hard": "word " * 40}), questions, width=20)
    assert len(long_one) <= 20 and long_one.endswith("…")


# -- self-care ---------------------------------------------------------------------


def test_first_use_starts_with_a_few_ideas_only_once(store: Store, clock: Any) -> None:
    repository = store.repo(SelfCareRepository)
    assert repository.ensure_started(clock.now()) is True
    started = repository.active_items()
    assert 3 <= len(started) <= 5 and started[0].text == "Drink a glass of water."
    for item in started:
        repository.remove(item.id)
    assert repository.ensure_started(clock.now()) is False
    assert repository.active_items() == []


def test_tick_untick_and_removal_keeps_history(store: Store, clock: Any) -> None:
    repository = store.repo(SelfCareRepository)
    ticks = store.repo(SelfCareTickRepository)
    item = repository.add("Water the plants", clock.now())
    today = clock.now().date()
    ticks.set_done(item.id, today, True)
    ticks.set_done(item.id, today, True)  # ticking twice keeps one record
    assert [t.item_id for t in ticks.for_day(today)] == [item.id]
    ticks.set_done(item.id, today, False)
    assert ticks.for_day(today) == []
    ticks.set_done(item.id, today, True)
    repository.remove(item.id)
    assert repository.active_items() == [] and ticks.count() == 1
    again = repository.add("water the plants", clock.now())
    assert again.id == item.id and again.active


def test_rename_and_empty_text(store: Store, clock: Any) -> None:
    repository = store.repo(SelfCareRepository)
    item = repository.add("Stretch", clock.now())
    assert repository.rename(item.id, "  Stretch   gently ").text == "Stretch gently"  # type: ignore[union-attr]
    with pytest.raises(ValueError):
        repository.add("   ", clock.now())


def test_summaries_are_counts_never_failures() -> None:
    today = date(2026, 3, 2)
    items = [SelfCareItem(text=str(n), id=str(n)) for n in range(5)] + [
        SelfCareItem(text="old", id="old", active=False)
    ]
    ticks = [SelfCareTick(day=today.isoformat(), item_id=item_id) for item_id in ("0", "1", "2", "old")]
    assert day_summary(items, ticks, today).sentence() == "3 of 5 today."
    ticks += [SelfCareTick(day=(today - timedelta(days=d)).isoformat(), item_id="0") for d in (1, 3, 6, 7)]
    assert week_summary(ticks, today).sentence() == "4 days of the last 7 had some self-care."
    assert "0 of 5" in day_summary(items, [], today).sentence()
    for sentence in (day_summary(items, [], today).sentence(), week_summary([], today).sentence()):
        assert "fail" not in sentence.lower() and "streak" not in sentence.lower() and "missed" not in sentence.lower()


# -- affirmations ------------------------------------------------------------------


def test_own_affirmations_keep_the_contract_fields(store: Store, clock: Any) -> None:
    repository = store.repo(AffirmationRepository)
    saved = repository.add_own("  I am allowed to rest. ", "rest", "own", at=clock.now())
    repository.add_own("Mistakes are how I learn.", "growth", "reframe", at=clock.now())
    document = store.database.table("affirmations").get(lambda d: d["id"] == saved.id)
    # issue 19: every saved record carries updated_at (merging another device's copy keeps the later one)
    assert set(document) == {"id", "text", "tag", "created_at", "source", "updated_at"}
    assert document["text"] == "I am allowed to rest."
    repository.set_favourite(saved.id, True)
    assert store.database.table("affirmations").get(lambda d: d["id"] == saved.id)["favourite"] is True
    assert [a.source for a in repository.own()] == ["own", "reframe"]
    with pytest.raises(ValueError):
        repository.add_own("x", "", "robot")


def test_carousel_moves_wraps_and_filters() -> None:
    built_in = built_in_affirmations()
    own = Affirmation(text="Mine", tag="rest", favourite=True, id="mine")
    carousel = Carousel([*built_in, own])
    carousel.move(-1)
    assert carousel.current is own
    carousel.move(1)
    assert carousel.current is built_in[0]
    carousel.filter_name = FAVOURITES
    assert carousel.shown == [own]
    carousel.filter_name = MINE
    assert carousel.current is own
    carousel.filter_name = ALL
    assert carousel.next_filter() == FAVOURITES
    carousel.filter_name = "rest"
    assert all(a.tag == "rest" for a in carousel.shown) and own in carousel.shown
