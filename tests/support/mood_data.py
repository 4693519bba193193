"""Deterministic check-in data for the mood UI tests (seeded, relative to the fake clock)."""

from __future__ import annotations

import random
from datetime import datetime, timedelta

from tui.core.checkin import Checkin
from tui.store.checkin_repository import CheckinRepository
from tui.store.store import Store

EMOTIONS = ("calm", "tired", "anxious", "hopeful", "content", "stressed")
TAGS = ("work", "family", "sleep", "walk", "therapy")


def add_days_of_checkins(store: Store, now: datetime, days: int, seed: int = 7) -> int:
    """Check-ins on ``days`` days ending today (some days skipped, some with two); returns how many."""
    rng = random.Random(seed)
    items = []
    for offset in range(days):
        if days > 3 and rng.random() < 0.15:
            continue
        for number in range(rng.choice((1, 1, 2))):
            at = (now - timedelta(days=offset)).replace(
                hour=8 + 5 * number, minute=rng.randrange(60), second=0, microsecond=0
            )
            if at > now:
                at = now
            items.append(
                Checkin(
                    at=at,
                    pleasantness=rng.randint(2, 9),
                    energy=rng.choice((None, rng.randint(1, 10))),
                    emotions=tuple(rng.sample(EMOTIONS, rng.randint(0, 2))),
                    tags=tuple(rng.sample(TAGS, rng.randint(0, 2))),
                    note="",
                    id=f"c{offset:04d}{number}",
                )
            )
    store.repo(CheckinRepository).save_many(items)
    return len(items)
