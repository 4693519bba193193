"""Whether a stored routine or homework assignment can be read, over plain documents with the standard library.

The same rules as ``TABLE_RULES`` in :mod:`tui.store.record_checks` for
``selfcare_items`` and ``homework_assignments`` (a test checks they agree),
without that module's dataclasses, so the quick ``heartwork selfcare done
NAME`` and ``plan tick NAME`` can tell a record the full command would set
aside (and then leave the answer to it).
"""

from __future__ import annotations

TYPE_CHECKING = False  # importing typing costs the quick command time; annotations only
if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any

POSITION_LIMIT = 10**9
MINUTES_LIMIT = 24 * 60


def _optional_text(value: Any) -> bool:
    return value is None or isinstance(value, str)


def _mapping(value: Any) -> bool:
    return isinstance(value, dict) and all(isinstance(key, str) for key in value)


def _optional_mapping(value: Any) -> bool:
    return value is None or _mapping(value)


def _position(value: Any) -> bool:
    return type(value) is int and -POSITION_LIMIT <= value <= POSITION_LIMIT


def _minutes(value: Any) -> bool:
    return type(value) is int and 0 <= value <= MINUTES_LIMIT


def _text(value: Any) -> bool:
    return isinstance(value, str)


def _id(value: Any) -> bool:
    return isinstance(value, str) and bool(value)


def _flag(value: Any) -> bool:
    return isinstance(value, bool)


def _history(value: Any) -> bool:
    return isinstance(value, list) and all(
        isinstance(line, dict) and all(isinstance(v, str) for v in line.values()) for line in value
    )


RULES: dict[str, tuple[dict[str, Callable[[Any], bool]], dict[str, Callable[[Any], bool]]]] = {
    "selfcare_items": (
        {"id": _id, "text": _text},
        {
            "category": _text,
            "active": _flag,
            "created_at": _optional_text,
            "need_id": _optional_text,
            "schedule": _optional_mapping,
            "time_of_day": _text,
            "position": _position,
            "suggestion_dismissed": _flag,
        },
    ),
    "homework_assignments": (
        {"id": _id, "kind": _id},
        {
            "title": _text,
            "target": _text,
            "frequency": _mapping,
            "minutes": _minutes,
            "focus": _text,
            "start": _optional_text,
            "review": _optional_text,
            "agreed": _text,
            "status": _text,
            "created_at": _optional_text,
            "history": _history,
            "source": _text,
        },
    ),
}
"""(required fields, optional fields) with their checks, for the tables the quick commands read."""


def readable(table: str, document: Any) -> bool:
    """True if the full store would read ``document`` as a record of ``table`` (not set it aside)."""
    required, optional = RULES[table]
    if not isinstance(document, dict):
        return False
    if not all(name in document and check(document[name]) for name, check in required.items()):
        return False
    return all(check(document[name]) for name, check in optional.items() if name in document)


def routine_readable(document: Any) -> bool:
    """True if the full store would read ``document`` as a routine (not set it aside)."""
    return readable("selfcare_items", document)
