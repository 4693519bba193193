"""Reading a jrnl JSON export (``jrnl --export json``) into journal entries.

jrnl writes ``{"tags": {...}, "entries": [{"date", "time", "title", "body",
"tags", "starred"}, ...]}``. Each entry becomes a free-writing journal entry
on its day and time, with its title, body and tags (without jrnl's ``@``) and
its starred flag kept as ``starred``. Pure: takes the parsed JSON.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

from tui.core.daylio import parse_time
from tui.core.import_plan import ImportPlan, ImportRefused, SourceIds
from tui.core.safe_text import visible_text
from tui.core.timefmt import to_text


def looks_like_jrnl(parsed: Any) -> bool:
    return isinstance(parsed, Mapping) and isinstance(parsed.get("entries"), list) and "format" not in parsed


def parse_jrnl(parsed: Mapping[str, Any]) -> ImportPlan:
    """The journal entries of a jrnl export; ImportRefused naming the entry and field."""
    ids = SourceIds("jrnl")
    entries: list[dict[str, Any]] = []
    for number, entry in enumerate(parsed["entries"], start=1):
        where = f"entry {number}"
        if not isinstance(entry, Mapping):
            raise ImportRefused(f"{where}: not an entry")
        day_text = _text(entry, "date", where)
        time_text = _text(entry, "time", where)
        title = _text(entry, "title", where, required=False)
        body = _text(entry, "body", where, required=False)
        try:
            day = date.fromisoformat(day_text.strip())
        except ValueError:
            raise ImportRefused(f"{where}, field date: {day_text!r} is not a date like 2024-05-01") from None
        try:
            hour, minute = parse_time(time_text)
        except ValueError as error:
            raise ImportRefused(f"{where}, field time: {error}") from None
        raw_tags = entry.get("tags", [])
        if not isinstance(raw_tags, list) or not all(isinstance(tag, str) for tag in raw_tags):
            raise ImportRefused(f"{where}, field tags: expected a list of words")
        starred = entry.get("starred", False)
        if not isinstance(starred, bool):
            raise ImportRefused(f"{where}, field starred: expected true or false")
        moment = to_text(datetime(day.year, day.month, day.day, hour, minute))
        tags: list[str] = []
        for tag in raw_tags:
            word = visible_text(tag.strip().lstrip("@").strip().lower())
            if word and word not in tags:
                tags.append(word)
        entries.append(
            {
                "id": ids.next(day.isoformat(), f"{hour:02}:{minute:02}", title, body),
                "created_at": moment,
                "updated_at": moment,
                "entry_date": day.isoformat(),
                "kind": "free",
                "title": visible_text(title.strip(), keep_newlines=True),
                "body": visible_text(body, keep_newlines=True),
                "tags": tags,
                "prompt_id": None,
                "prompt_text": None,
                "fields": {},
                "starred": starred,
                "source": "jrnl",
            }
        )
    return ImportPlan("jrnl export", {"journal_entries": entries} if entries else {})


def _text(entry: Mapping[str, Any], name: str, where: str, *, required: bool = True) -> str:
    value = entry.get(name)
    if value is None and not required:
        return ""
    if not isinstance(value, str):
        raise ImportRefused(f"{where}, field {name}: {'missing' if value is None else 'expected text'}")
    return value
