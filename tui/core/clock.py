"""The clock the app reads time from, injected so tests can control time.

``monotonic()`` measures durations (breathing timers); ``now()`` gives the
local wall-clock time (what day a check-in belongs to).
"""

from __future__ import annotations

import time
from datetime import datetime, timedelta
from typing import Protocol


class Clock(Protocol):
    """Anything that can tell elapsed time and the local date and time."""

    def monotonic(self) -> float:
        """Seconds from an arbitrary origin; never goes backwards."""
        ...

    def now(self) -> datetime:
        """The current local time, timezone-aware."""
        ...


class SystemClock:
    """The real clock."""

    def monotonic(self) -> float:
        return time.monotonic()

    def now(self) -> datetime:
        return datetime.now().astimezone()


class FakeClock:
    """A clock that only moves when told to; for tests."""

    def __init__(self, start: datetime | None = None, monotonic_start: float = 1000.0) -> None:
        self._now = start or datetime(2026, 3, 2, 9, 30).astimezone()
        self._mono = monotonic_start

    def monotonic(self) -> float:
        return self._mono

    def now(self) -> datetime:
        return self._now

    def advance(self, seconds: float) -> None:
        """Move both clocks forward by ``seconds``."""
        self._mono += seconds
        self._now = self._now + timedelta(seconds=seconds)

    def set_now(self, when: datetime) -> None:
        """Jump the wall clock (the monotonic clock is unaffected)."""
        self._now = when
