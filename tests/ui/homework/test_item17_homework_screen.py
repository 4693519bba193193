"""Issue 17 Pilot tests: create homework, see practice detected, review it, end it; Home shows it."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from textual.widgets import Input, Select, Static

from tui.core.breathing.session import BreathingRecord
from tui.core.homework.assignment import Assignment
from tui.store.breathing_repository import BreathingSessionRepository
from tui.store.homework_repository import HomeworkRepository
from tui.store.store import Store


def box_session(at: datetime, seconds: float) -> BreathingRecord:
    return BreathingRecord(at.isoformat(), at, "box", "Box", (), 300, None, seconds, 5, seconds >= 300)


async def test_item17_1_create_detect_review_end(make_app: Callable[..., Any], store: Store, clock: Any) -> None:
    app = make_app("homework")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("plus")
        await pilot.pause()
        form = app.screen
        form.query_one("#hw-name", Input).value = "Box breathing"
        form.query_one("#hw-review", Input).value = clock.now().date().isoformat()
        await pilot.press("ctrl+s")
        await pilot.pause()
        [made] = store.repo(HomeworkRepository).all()
        assert (made.kind, made.target, made.minutes) == ("breathing", "box", 5)
        assert [c.what for c in made.history] == ["created"]
        today = app.screen.query_one("#hw-today", Static)
        assert "0 of 1" in str(today.render())

        # Detected, not re-entered: a long-enough box session today, and a too-short one yesterday.
        store.repo(BreathingSessionRepository).save(box_session(clock.now() - timedelta(hours=1), 320))
        store.repo(BreathingSessionRepository).save(box_session(clock.now() - timedelta(days=1), 90))
        app.screen.refresh_from_store()
        await pilot.pause()
        assert "1 of 1" in str(app.screen.query_one("#hw-today", Static).render())
        assert "review ready" in str(app.screen.query_one("#hw-list").get_option_at_index(0).prompt)

        # Review: answers kept, minutes changed, history shown.
        await pilot.press("r")
        await pilot.pause()
        review = app.screen
        assert "Practised on 1 day" in str(review.query(".rv-facts").first().render())
        review.query_one("#rv-helped", Input).value = "I slept better"
        review.query_one("#rv-step", Select).value = "minutes"
        review.query_one("#rv-value", Input).value = "8"
        await pilot.press("ctrl+s")
        await pilot.pause()
        changed = store.repo(HomeworkRepository).get(made.id)
        assert changed is not None and changed.minutes == 8 and changed.review > made.review
        [kept] = store.repo(HomeworkRepository).reviews.all()
        assert kept.helped == "I slept better" and kept.step == "minutes"
        assert "minutes: 5 → 8" in str(app.screen.query_one("#hw-detail", Static).render())

        # End it, with its history kept.
        await pilot.press("x")
        await pilot.pause()
        clock.advance(1)  # past the confirm dialog's type-ahead guard
        await pilot.click("#confirm-yes")
        await pilot.pause()
        ended = store.repo(HomeworkRepository).get(made.id)
        assert ended is not None and ended.status == "ended"
        assert [c.what for c in ended.history] == ["created", "reviewed", "ended"]


async def test_item17_2_free_text_ticked_by_hand_today_and_yesterday(
    make_app: Callable[..., Any], store: Store, clock: Any
) -> None:
    store.repo(HomeworkRepository).save(Assignment(id="f", kind="free-text", title="Write one kind sentence"))
    store.repo(HomeworkRepository).save(Assignment(id="g", kind="affirmation", title="Say it"))
    app = make_app("homework")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("space", "left")
        await pilot.pause()
        today = clock.now().date()
        assert store.repo(HomeworkRepository).ticks.days_for("f") == {
            today.isoformat(),
            (today - timedelta(days=1)).isoformat(),
        }
        await pilot.press("down", "space")
        await pilot.pause()
        assert store.repo(HomeworkRepository).ticks.days_for("g") == set()  # detected kinds are never ticked


async def test_item17_2_home_shows_todays_homework(make_app: Callable[..., Any], store: Store, clock: Any) -> None:
    store.repo(HomeworkRepository).save(Assignment(id="f", kind="free-text", title="Write one kind sentence"))
    store.repo(HomeworkRepository).save(Assignment(id="b", kind="breathing", title="Box", target="box", minutes=5))
    store.repo(BreathingSessionRepository).save(box_session(clock.now() - timedelta(minutes=30), 300))
    app = make_app("home")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        text = str(app.screen.query_one("#home-summary", Static).render())
        assert "Homework today: 1 of 2 done" in text and "Write one kind sentence" in text


async def test_item17_1_selfcare_homework_names_its_routine_and_a_tick_fulfils_it(
    make_app: Callable[..., Any], store: Store, clock: Any
) -> None:
    from tui.store.selfcare_repository import SelfCareRepository, SelfCareTickRepository

    walk = store.repo(SelfCareRepository).add("Walk around the block.", clock.now(), "body")
    app = make_app("homework")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("plus")
        await pilot.pause()
        app.screen.query_one("#hw-kind", Select).value = "selfcare"
        app.screen.query_one("#hw-target", Input).value = "walk"
        await pilot.press("ctrl+s")
        await pilot.pause()
        [made] = store.repo(HomeworkRepository).all()
        assert made.target == walk.id and made.title == "Self-care: Walk around the block."
        store.repo(SelfCareTickRepository).set_state(walk.id, clock.now().date(), "partly")
        app.screen.refresh_from_store()
        assert "1 of 1" in str(app.screen.query_one("#hw-today", Static).render())
