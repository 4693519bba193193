"""Helpers for the extras UI tests: seeded data and a tiny screen that hosts MoodExtras."""

from __future__ import annotations

import random
from datetime import datetime, timedelta
from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Footer

from tui.content.questionnaires import built_in_questionnaire
from tui.store.questionnaire_repository import QuestionnaireRepository
from tui.store.reflection_repository import ReflectionRepository
from tui.store.store import Store
from tui.ui.base import HeartworkScreen
from tui.ui.screens.mood.mood_extras_controller import MoodExtrasController
from tui.ui.widgets.mood_extras import MoodExtras


class ExtrasHostScreen(HeartworkScreen[None]):
    """Stands in for the mood dashboard: mounts MoodExtras and binds r and q like it will."""

    BINDINGS = [Binding("r", "reflect", "Reflect"), Binding("q", "questionnaire", "Questionnaire")]

    def __init__(self, questionnaires_dir: Path) -> None:
        super().__init__()
        self.extras = MoodExtrasController(self, questionnaires_dir)

    def compose(self) -> ComposeResult:
        yield MoodExtras(id="extras")
        yield Footer()

    def on_mood_extras_wants_data(self, _: MoodExtras.WantsData) -> None:
        self.extras.refresh()

    def action_reflect(self) -> None:
        self.extras.open_reflection()

    def action_questionnaire(self) -> None:
        self.extras.open_questionnaire()


def seed_extras(store: Store, now: datetime, days: int = 12, seed: int = 7) -> None:
    """Deterministic check-ins, breathing sessions, ticks, reflections and questionnaire results."""
    rng = random.Random(seed)
    database = store.database
    checkins, sessions, ticks = [], [], []
    for offset in range(days):
        day = now - timedelta(days=offset)
        cared = offset % 2 == 0
        checkins.append(
            {
                "id": f"c{offset}",
                "at": day.replace(hour=20).isoformat(timespec="seconds"),
                "pleasantness": rng.randint(6, 8) if cared else rng.randint(4, 6),
                "energy": None,
                "emotions": [],
                "tags": [],
                "note": "",
            }
        )
        if cared:
            ticks.append({"id": f"t{offset}", "day": day.date().isoformat(), "item_id": "water"})
        key, name = ("box", "Box breathing") if offset % 3 else ("sigh", "Cyclic sighing")
        before = rng.randint(3, 6)
        sessions.append(
            {
                "id": f"b{offset}",
                "started_at": day.isoformat(timespec="seconds"),
                "pattern_key": key,
                "pattern_name": name,
                "phases": [],
                "planned_seconds": 60.0,
                "planned_cycles": None,
                "actual_seconds": 60.0,
                "cycles_completed": 4,
                "finished": True,
                "feeling_before": before,
                "feeling_after": before + rng.randint(0, 2),
            }
        )
    with database.transaction():
        database.table("checkins").insert_multiple(checkins)
        database.table("breathing_sessions").insert_multiple(sessions)
        database.table("selfcare_ticks").insert_multiple(ticks)
    reflections = store.repo(ReflectionRepository)
    reflections.save_for_day(
        (now - timedelta(days=7)).date().isoformat(), {"helped": "Breathing before meetings took the edge off."}, now
    )
    reflections.save_for_day(
        (now - timedelta(days=1)).date().isoformat(),
        {"changed": "I notice the critic sooner and answer it more gently."},
        now,
    )
    questionnaire = built_in_questionnaire()
    results = store.repo(QuestionnaireRepository)
    for weeks_ago, base in ((4, 2), (3, 3), (2, 3), (1, 4)):
        answers = {item.id: (6 - base if item.reverse else base) for item in questionnaire.items}
        results.record(questionnaire, answers, now - timedelta(weeks=weeks_ago))
