"""What an import would bring in, and why a file is refused: shared by every import format.

A parser (:mod:`tui.core.heartwork_backup`, :mod:`tui.core.daylio`,
:mod:`tui.core.jrnl`) turns the text of a file into an :class:`ImportPlan`:
records per table, each with a stable ``id`` that comes from the source, so
importing the same file again finds them already there. Anything it cannot
read raises :class:`ImportRefused` with one line that names where (row,
line, field), and nothing at all is imported from that file.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from tui.core.portable_export import record_day

_SOURCE_NAMESPACE = uuid.UUID("6b1f3c52-8d2e-4f7a-9a41-5e0c7d9b2a10")


class ImportRefused(ValueError):
    """The file cannot be imported; ``str()`` is one line a person can act on."""


@dataclass
class ImportPlan:
    """Records to bring in, per table, in the order they should be stored."""

    source: str
    tables: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    from_strict_json: bool = False
    """True when every value was parsed from strict JSON or UTF-8 text (no NaN, no lone surrogates)."""

    def counts(self) -> dict[str, int]:
        return {name: len(records) for name, records in self.tables.items() if records}

    def date_range(self) -> tuple[date, date] | None:
        """The first and last day among the dated records, or None if none is dated."""
        days = [day for records in self.tables.values() for record in records if (day := record_day(record))]
        return (min(days), max(days)) if days else None


def source_id(kind: str, *parts: str) -> str:
    """A stable id for a record from another app: the same source record gives the same id."""
    return str(uuid.uuid5(_SOURCE_NAMESPACE, "\x1f".join((kind, *parts))))


class SourceIds:
    """Stable ids for one file's records; identical records in one file still get distinct ids."""

    def __init__(self, kind: str) -> None:
        self.kind = kind
        self._seen: dict[str, int] = {}

    def next(self, *parts: str) -> str:
        base = source_id(self.kind, *parts)
        occurrence = self._seen.get(base, 0)
        self._seen[base] = occurrence + 1
        return base if occurrence == 0 else source_id(self.kind, *parts, str(occurrence))
