"""Which kind of file this is, decided by its content (never its name), and its plan.

Recognised: a Heartwork JSON export, a jrnl JSON export and a Daylio CSV
export. Anything else is refused in one line that names what is read.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import orjson

from tui.core.daylio import looks_like_daylio, parse_daylio
from tui.core.heartwork_backup import looks_like_backup, read_backup
from tui.core.import_plan import ImportPlan, ImportRefused
from tui.core.jrnl import looks_like_jrnl, parse_jrnl

KNOWN_FORMATS = "a Heartwork JSON backup, a Daylio CSV export or a jrnl JSON export"


def recognise(text: str, *, newest_schema: int, custom_moods: Mapping[str, int] | None = None) -> ImportPlan:
    """The import plan for ``text``; ImportRefused if it is not a format Heartwork reads, or is malformed."""
    stripped = text.lstrip("\ufeff \t\r\n")
    if not stripped:
        raise ImportRefused("the file is empty; nothing was imported")
    if stripped[0] in "{[":
        parsed = _parse_json(stripped)
        if looks_like_backup(parsed):
            plan = read_backup(parsed, newest_schema=newest_schema)
        elif looks_like_jrnl(parsed):
            plan = parse_jrnl(parsed)
        else:
            raise ImportRefused(f"this JSON file is not a format Heartwork can import (it reads {KNOWN_FORMATS})")
        plan.from_strict_json = True  # orjson refuses NaN, infinities and lone surrogates
        return plan
    if looks_like_daylio(stripped):
        return parse_daylio(stripped, custom_moods)
    raise ImportRefused(f"this file is not a format Heartwork can import (it reads {KNOWN_FORMATS})")


def _parse_json(text: str) -> Any:
    try:
        return orjson.loads(text)
    except orjson.JSONDecodeError as error:
        line = text.count("\n", 0, error.pos) + 1
        raise ImportRefused(f"line {line}: the JSON cannot be read ({error.msg}); nothing was imported") from None
