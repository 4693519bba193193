"""Check-ins in the ``checkins`` table, and the fast reads the dashboard needs.

The dashboard reads every check-in once per redraw, so :meth:`CheckinRepository.points`
reads the raw documents directly (no TinyDB Document objects, no dataclasses) and
leaves the statistics to :mod:`tui.core.mood_stats`.
"""

from __future__ import annotations

import threading
from collections import Counter, deque
from collections.abc import Iterator, Mapping
from datetime import date
from operator import itemgetter
from typing import TYPE_CHECKING, Any, NamedTuple

from tui.core.checkin import Checkin
from tui.core.mood_days import MoodDays, collect_days
from tui.core.safe_text import visible_text
from tui.core.timefmt import day_of, from_text
from tui.store.checkin_document import checkin_document
from tui.store.repository import Repository

if TYPE_CHECKING:  # not at run time: a quick capture (add_to_inbox) never loads TinyDB
    from tui.store.database import Database


class CheckinPoint(NamedTuple):
    """The parts of a check-in the dashboard's statistics use (a tuple: cheap to build)."""

    at: str
    day: date
    pleasantness: int
    emotions: tuple[str, ...]
    tags: tuple[str, ...]
    checkin_id: str


LATEST_KEPT = 50
"""How many of the newest check-ins the per-day summary keeps ready (the dashboard lists 10)."""


class CheckinRepository(Repository[Checkin]):
    """Save, edit, delete and read mood check-ins."""

    table_name = "checkins"

    def __init__(self, database: Database) -> None:
        super().__init__(database)
        self._summary_lock = threading.Lock()
        self._summary: tuple[MoodDays, list[CheckinPoint]] | None = None
        self._summary_version: tuple[object, ...] | None = None

    def to_document(self, item: Checkin) -> dict[str, Any]:
        return checkin_document(
            checkin_id=item.id,
            at=item.at,
            pleasantness=item.pleasantness,
            energy=item.energy,
            emotions=item.emotions,
            tags=item.tags,
            note=item.note,
        )

    def from_document(self, document: Mapping[str, Any]) -> Checkin:
        energy = document.get("energy")
        return Checkin(
            at=from_text(str(document["at"])),
            pleasantness=int(document["pleasantness"]),
            energy=int(energy) if isinstance(energy, (int, float)) else None,
            emotions=tuple(str(word) for word in document.get("emotions") or ()),
            tags=tuple(str(word) for word in document.get("tags") or ()),
            note=str(document.get("note") or ""),
            id=str(document["id"]),
        )

    def add(self, item: Checkin) -> Checkin:
        """Insert a new check-in (no search for an existing id: fast on big tables)."""
        document = self.to_document(item)
        with self.database.transaction():
            self.table.insert(document)
        return item

    # -- reads -------------------------------------------------------------------

    def _documents(self) -> list[Mapping[str, Any]]:
        """Every valid check-in document, straight from storage (read-only!)."""
        return [
            document
            for document in self.database.readable_table(self.table_name).values()
            if isinstance(document.get("at"), str)
            and isinstance(document.get("pleasantness"), int)
            and not isinstance(document.get("pleasantness"), bool)
            and "id" in document
        ]

    def version(self) -> tuple[object, ...]:
        """Changes whenever the stored data may have changed (cheap: no reading)."""
        storage = self.database.storage
        identity = getattr(storage, "current_identity", None)
        return (
            identity() if callable(identity) else None,
            getattr(storage, "writes", None),
            len(self.table),
        )

    def mood_days(self) -> MoodDays:
        """Every check-in folded into per-day aggregates, built once per data version (issue 12.4).

        The launcher builds it while the database opens, in the worker thread;
        Home's sparkline and the mood dashboard then read days, not check-ins.
        """
        return self._day_summary()[0]

    def latest_points(self, count: int) -> list[CheckinPoint]:
        """The ``count`` newest check-ins (at most :data:`LATEST_KEPT`), newest first."""
        return self._day_summary()[1][: max(0, min(count, LATEST_KEPT))]

    def _day_summary(self) -> tuple[MoodDays, list[CheckinPoint]]:
        with self._summary_lock:
            version = self.version()
            if self._summary is None or self._summary_version != version:
                # Points made one at a time and dropped once folded in: no list of every check-in
                # is built beside the days (issue 12.3: its memory stayed with the process).
                latest: deque[CheckinPoint] = deque(maxlen=LATEST_KEPT)
                days = collect_days(self.iter_points(latest))
                self._summary = (days, list(latest)[::-1])
                self._summary_version = version
            return self._summary

    def points(self) -> list[CheckinPoint]:
        """Every check-in as a light :class:`CheckinPoint`, oldest first."""
        return list(self.iter_points())

    def iter_points(self, latest: deque[CheckinPoint] | None = None) -> Iterator[CheckinPoint]:
        """:meth:`points` made one at a time (in the same order), for a caller that keeps few of them.

        The documents are sorted by their ``at`` text (the stored strings: nothing
        is made per check-in to sort); check-ins at the same moment are ordered as
        their points compare, which is the order sorting every point gives. Each
        point is also appended to ``latest``, if given (a deque keeping the newest few).
        """
        keep = latest.append if latest is not None else None
        documents = self._documents()
        moment_of = itemgetter("at")  # a text: _documents() checked it
        documents.sort(key=moment_of)
        moments: list[str | None] = list(map(moment_of, documents))
        moments.append(None)  # after the last: no check-in's moment
        days: dict[str, date] = {}
        words: dict[tuple[str, ...], tuple[str, ...]] = {}  # one tuple per distinct list of words
        share = words.setdefault
        count = len(documents)
        position = 0
        while position < count:
            at = str(moments[position])
            following = position + 1
            while moments[following] == at:
                following += 1
            day_text = at[:10]
            day = days.get(day_text)
            if day is None:
                try:
                    day = days[day_text] = day_of(at)
                except ValueError:
                    position = following  # every check-in of this moment has the same unreadable day
                    continue
            if following == position + 1:
                document = documents[position]
                emotions = tuple(map(visible_text, document.get("emotions") or ()))  # words: checked on load
                tags = tuple(map(visible_text, document.get("tags") or ()))
                pleasantness = document["pleasantness"]
                point = CheckinPoint(
                    at, day, pleasantness, share(emotions, emotions), share(tags, tags), str(document["id"])
                )
                if keep is not None:
                    keep(point)
                yield point
            else:
                for point in sorted(_point(same, at, day, share) for same in documents[position:following]):
                    if keep is not None:
                        keep(point)
                    yield point
            position = following

    def between(self, start_day: date, end_day: date) -> list[Checkin]:
        """Check-ins from ``start_day`` to ``end_day`` (both included), oldest first."""
        first, last = start_day.isoformat(), end_day.isoformat()
        chosen = [d for d in self._documents() if first <= d["at"][:10] <= last]
        chosen.sort(key=lambda document: document["at"])
        return [self.from_document(document) for document in chosen]

    def latest(self, count: int) -> list[Checkin]:
        """The ``count`` most recent check-ins, newest first."""
        documents = sorted(self._documents(), key=lambda document: document["at"], reverse=True)[: max(count, 0)]
        return [self.from_document(document) for document in documents]

    def tags_used(self) -> list[str]:
        """Every tag used before, most used first (then alphabetical): for completion."""
        return _ranked(document.get("tags") or () for document in self._documents())

    def emotions_used(self) -> list[str]:
        """Every emotion word used before, most used first."""
        return _ranked(document.get("emotions") or () for document in self._documents())


def _point(document: Mapping[str, Any], at: str, day: date, share: Any) -> CheckinPoint:
    emotions = tuple(map(visible_text, document.get("emotions") or ()))  # words: checked on load
    tags = tuple(map(visible_text, document.get("tags") or ()))
    return CheckinPoint(
        at, day, document["pleasantness"], share(emotions, emotions), share(tags, tags), str(document["id"])
    )


def _ranked(word_lists: Any) -> list[str]:
    counter: Counter[str] = Counter()
    for words in word_lists:
        counter.update(visible_text(str(word)) for word in words)
    return [word for word, _ in sorted(counter.items(), key=lambda item: (-item[1], item[0]))]
