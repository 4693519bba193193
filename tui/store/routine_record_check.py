"""Whether a stored routine (``selfcare_items``) can be read, over plain documents with the standard library.

The same rules as ``TABLE_RULES["selfcare_items"]`` in :mod:`tui.store.record_checks`
(a test checks they agree), without that module's dataclasses, so the quick
``heartwork selfcare done NAME`` can tell a routine the full command would set
aside (and then leave the answer to it).
"""

from __future__ import annotations

TYPE_CHECKING = False  # importing typing costs the quick command time; annotations only
if TYPE_CHECKING:
    from typing import Any

POSITION_LIMIT = 10**9


def _optional_text(value: Any) -> bool:
    return value is None or isinstance(value, str)


def _schedule(value: Any) -> bool:
    return value is None or (isinstance(value, dict) and all(isinstance(key, str) for key in value))


def _position(value: Any) -> bool:
    return type(value) is int and -POSITION_LIMIT <= value <= POSITION_LIMIT


def _text(value: Any) -> bool:
    return isinstance(value, str)


def _flag(value: Any) -> bool:
    return isinstance(value, bool)


OPTIONAL_FIELDS = {
    "category": _text,
    "active": _flag,
    "created_at": _optional_text,
    "need_id": _optional_text,
    "schedule": _schedule,
    "time_of_day": _text,
    "position": _position,
    "suggestion_dismissed": _flag,
}


def routine_readable(document: Any) -> bool:
    """True if the full store would read ``document`` as a routine (not set it aside)."""
    if not isinstance(document, dict):
        return False
    record_id, text = document.get("id"), document.get("text")
    if not (isinstance(record_id, str) and record_id and isinstance(text, str)):
        return False
    return all(check(document[name]) for name, check in OPTIONAL_FIELDS.items() if name in document)
