"""Which stored records can be read: every field of every table checked on load.

A file may hold records another program, an older version or a damaged sync
wrote: a check-in with pleasantness 11 or 10**18, a date that is not a date,
a title that is a number. Shown as they are, such records crash a screen or
show something untrue (0 as "Wonderful"). Each table has its rules here; a
record that breaks one is *set aside*: it stays in the file byte for byte
(writes never touch it), no screen or command ever sees it, and
:class:`SetAside` lists it (table, id, what is wrong) so the person can be told.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from tui.core.checkin import SCORE_MAX, SCORE_MIN
from tui.core.unreadable_records import UnreadableRecord

Check = Callable[[Any], bool]


# -- what a field may hold ------------------------------------------------------------


def _text(value: Any) -> bool:
    return isinstance(value, str)


def _id(value: Any) -> bool:
    return isinstance(value, str) and bool(value)


def _moment(value: Any) -> bool:
    if not isinstance(value, str):
        return False
    try:
        datetime.fromisoformat(value)
        date.fromisoformat(value[:10])
    except (ValueError, OverflowError):
        return False
    return True


def _day(value: Any) -> bool:
    if not isinstance(value, str) or len(value) != 10:
        return False
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return True


def _whole(low: int, high: int | None = None) -> Check:
    def check(value: Any) -> bool:
        return type(value) is int and value >= low and (high is None or value <= high)

    return check


def _number(value: Any) -> bool:
    return type(value) in (int, float) and math.isfinite(value) and 0 <= value < 10**9


def _flag(value: Any) -> bool:
    return isinstance(value, bool)


def _words(value: Any) -> bool:
    if not isinstance(value, list):
        return False
    return all(isinstance(word, str) for word in value)


def _mapping_of(check: Check) -> Check:
    def mapping(value: Any) -> bool:
        return isinstance(value, Mapping) and all(isinstance(k, str) and check(v) for k, v in value.items())

    return mapping


def _phases(value: Any) -> bool:
    return isinstance(value, list) and all(
        isinstance(phase, Mapping) and _number(phase.get("seconds", 0)) for phase in value
    )


def _anything(value: Any) -> bool:
    return True


def _or_none(check: Check) -> Check:
    def check_or_none(value: Any) -> bool:
        return value is None or check(value)

    return check_or_none


_score = _whole(SCORE_MIN, SCORE_MAX)


def _history(value: Any) -> bool:
    """A homework assignment's history: a list of records whose values are all text."""
    if not isinstance(value, list):
        return False
    return all(isinstance(line, Mapping) and all(isinstance(v, str) for v in line.values()) for line in value)


@dataclass(frozen=True)
class Rules:
    """The fields a record of one table must have, and those it may have."""

    required: Mapping[str, Check]
    optional: Mapping[str, Check]

    def problem(self, document: Any) -> str | None:
        """What is wrong with ``document`` in a few words, or None if it can be read."""
        if not isinstance(document, Mapping):
            return "it is not a record"
        for name, check in self.required.items():
            if name not in document:
                return f"{name} is missing"
            if not check(document[name]):
                return f"{name} has a value that does not fit"
        for name, check in self.optional.items():
            if name in document and not check(document[name]):
                return f"{name} has a value that does not fit"
        return None


_ENTRY_FIELDS: dict[str, Check] = {
    "created_at": _or_none(_text),
    "updated_at": _or_none(_text),
    "entry_date": _or_none(_day),
    "kind": _or_none(_text),
    "title": _or_none(_text),
    "body": _or_none(_text),
    "tags": _or_none(_words),
    "prompt_id": _or_none(_text),
    "prompt_text": _or_none(_text),
    "fields": _or_none(_mapping_of(_anything)),
}

TABLE_RULES: dict[str, Rules] = {
    "checkins": Rules(
        {"id": _id, "at": _moment, "pleasantness": _score},
        {"energy": _or_none(_score), "emotions": _or_none(_words), "tags": _or_none(_words), "note": _or_none(_text)},
    ),
    "journal_entries": Rules({"id": _id}, _ENTRY_FIELDS),
    "journal_drafts": Rules({"id": _id}, {**_ENTRY_FIELDS, "draft_of": _or_none(_text), "entry_id": _or_none(_text)}),
    "breathing_sessions": Rules(
        {"id": _id},
        {
            "started_at": _moment,
            "pattern_key": _or_none(_text),
            "pattern_name": _or_none(_text),
            "phases": _or_none(_phases),
            "planned_seconds": _or_none(_number),
            "planned_cycles": _or_none(_whole(0)),
            "actual_seconds": _or_none(_number),
            "cycles_completed": _or_none(_whole(0)),
            "finished": _flag,
            "feeling_before": _or_none(_score),
            "feeling_after": _or_none(_score),
        },
    ),
    "breathing_patterns": Rules({"id": _id, "phases": _phases}, {"name": _text}),
    "meditation_sessions": Rules(
        {"id": _id, "started_at": _moment},
        {
            "guide_id": _text,
            "guide_title": _text,
            "planned_seconds": _number,
            "actual_seconds": _number,
            "finished": _flag,
            "feeling_before": _or_none(_score),
            "feeling_after": _or_none(_score),
        },
    ),
    "affirmations": Rules(
        {"id": _id, "text": _text},
        {
            "tag": _or_none(_text),
            "created_at": _or_none(_text),
            "source": _text,
            "favourite": _flag,
            "entry_id": _or_none(_text),
        },
    ),
    "affirmation_marks": Rules({"id": _id}, {"favourite": _flag, "hidden": _flag}),
    "affirmation_practice": Rules({"id": _id, "day": _day, "count": _whole(0)}, {}),
    "selfcare_items": Rules(
        {"id": _id, "text": _text},
        {
            "category": _text,
            "active": _flag,
            "created_at": _or_none(_text),
            "need_id": _or_none(_text),
            "schedule": _or_none(_mapping_of(_anything)),
            "time_of_day": _text,
            "position": _whole(-(10**9), 10**9),
            "suggestion_dismissed": _flag,
        },
    ),
    "selfcare_ticks": Rules({"id": _id, "day": _day, "item_id": _id}, {"state": _text}),
    "selfcare_needs": Rules({"id": _id, "text": _text}, {"category": _text, "created_at": _or_none(_text)}),
    "questionnaire_results": Rules(
        {"id": _id},
        {
            "questionnaire_id": _text,
            "title": _text,
            "at": _or_none(_text),
            "answers": _mapping_of(_whole(-(10**6), 10**6)),
            "total": _number,
        },
    ),
    "reflections": Rules(
        {"id": _id, "day": _day}, {"answers": _mapping_of(_or_none(_text)), "created_at": _or_none(_text)}
    ),
    "homework_assignments": Rules(
        {"id": _id, "kind": _id},
        {
            "title": _text,
            "target": _text,
            "frequency": _mapping_of(_anything),
            "minutes": _whole(0, 24 * 60),
            "focus": _text,
            "start": _or_none(_text),
            "review": _or_none(_text),
            "agreed": _text,
            "status": _text,
            "created_at": _or_none(_text),
            "history": _history,
            "source": _text,
        },
    ),
    "homework_ticks": Rules({"id": _id, "assignment_id": _id, "day": _day}, {"at": _or_none(_text)}),
    "homework_reviews": Rules(
        {"id": _id, "assignment_id": _id, "day": _day},
        dict.fromkeys(("helped", "hard", "change", "step", "detail", "adherence", "mood", "at"), _text),
    ),
    "settings": Rules(
        {"id": _id},
        {"theme": _text, "reduced_motion": _flag, "bell": _flag, "week_start": _text},
    ),
}


def record_problem(table_name: str, document: Any) -> str | None:
    """Why ``document`` in ``table_name`` cannot be read, or None (tables without rules: any record)."""
    rules = TABLE_RULES.get(table_name)
    if rules is None:
        return None if isinstance(document, Mapping) else "it is not a record"
    return rules.problem(document)


# -- the records set aside ----------------------------------------------------------------


class SetAside:
    """Remembers, per table, which stored records fail their rules.

    Each document is checked once: the verdict is kept against the document
    object itself, so re-reading a table of 30,000 records after one change
    checks only the changed record. TinyDB's ``update`` changes documents in
    place, so the table calls :meth:`forget` after one.
    """

    def __init__(self) -> None:
        # per table: (the documents last checked, by key; the problems of those that failed)
        self._verdicts: dict[str, tuple[Mapping[str, Any], dict[str, str]]] = {}
        self._readable: dict[str, tuple[Any, dict[str, Any]]] = {}
        self._last_checked: dict[str, Mapping[str, Any]] = {}  # per table: the very dict last checked

    def forget(self, table_name: str) -> None:
        """Check every record of ``table_name`` again (a write changed records in place)."""
        self._verdicts.pop(table_name, None)
        self._readable.pop(table_name, None)
        self._last_checked.pop(table_name, None)

    def problems(self, table_name: str, raw: Mapping[str, Any]) -> dict[str, str]:
        """What is wrong with each record in ``raw`` (one table) that cannot be read, by storage key."""
        checked, known = self._verdicts.get(table_name) or ({}, {})
        if self._last_checked.get(table_name) is raw:
            return dict(known)  # every write makes a new table dict, so the same dict means nothing changed
        found: dict[str, str] = {}
        for key, document in raw.items():
            # Nothing is allocated per good record: a long loop must not wake the cyclic collector.
            problem = known.get(key) if checked.get(key) is document else record_problem(table_name, document)
            if problem is not None:
                found[key] = problem
        # ``raw`` itself, not a copy: a write never changes a table dict it handed out (it saves a
        # shallow copy, and changes documents in place only with forget()), so no copy of 30 years
        # of keys is needed to remember which documents were checked (issue 12.3).
        self._verdicts[table_name] = (raw, found)
        self._last_checked[table_name] = raw
        return found

    def readable(self, table_name: str, raw: dict[str, Any]) -> dict[str, Any]:
        """``raw`` without the records that cannot be read (``raw`` itself when all can)."""
        cached = self._readable.get(table_name)
        if cached is not None and cached[0] is raw:
            return cached[1]  # every write makes a new table dict, so the same dict means nothing changed
        bad = self.problems(table_name, raw)
        readable = raw if not bad else {key: document for key, document in raw.items() if key not in bad}
        self._readable[table_name] = (raw, readable)
        return readable

    def unreadable(self, tables: Mapping[str, Any]) -> list[UnreadableRecord]:
        """Every record in ``tables`` that cannot be read, table by table."""
        found: list[UnreadableRecord] = []
        for name, raw in tables.items():
            if not isinstance(raw, Mapping):
                continue
            problems = self.problems(name, raw)
            for key in sorted(problems, key=_numeric_first):
                document = raw[key]
                record_id = document.get("id") if isinstance(document, Mapping) else None
                shown_id = record_id if isinstance(record_id, str) and record_id else f"#{key}"
                found.append(UnreadableRecord(name, shown_id, problems[key]))
        return found


def _numeric_first(key: str) -> tuple[int, str]:
    return (int(key), key) if key.isdigit() else (10**18, key)
