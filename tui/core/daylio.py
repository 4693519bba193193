"""Reading a Daylio CSV export into check-ins.

Daylio writes one row per entry, in either of two layouts (the newer adds a
``scales`` column, which Heartwork does not use)::

    full_date,date,weekday,time,mood,activities,note_title,note
    full_date,date,weekday,time,mood,activities,note_title,note,scales

Times come in 24-hour (``20:05``) or 12-hour (``8:05 PM``) form. The five
standard moods map onto the 1-10 pleasantness scale as :data:`STANDARD_MOODS`
says (in any letter case); a custom mood name needs ``--map NAME=SCORE``,
otherwise the file is refused with a message that lists every unknown name.
Activities (separated by `` | ``) become tags; the note title and note are
kept, joined by a blank line, exactly as written (control characters made
visible). Pure: takes the text, returns the plan.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Mapping
from datetime import date, datetime

from tui.core.import_plan import ImportPlan, ImportRefused, SourceIds
from tui.core.safe_text import visible_text
from tui.core.timefmt import to_text

STANDARD_MOODS: dict[str, int] = {"rad": 9, "good": 7, "meh": 5, "bad": 3, "awful": 1}
"""Daylio's five moods on Heartwork's 1-10 pleasantness scale."""

REQUIRED_COLUMNS = ("full_date", "date", "weekday", "time", "mood", "activities", "note_title", "note")
OPTIONAL_COLUMNS = ("scales",)
ACTIVITY_SEPARATOR = " | "

_TIME = re.compile(r"^(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(?:([ap])\.?\s*m\.?)?$", re.IGNORECASE)


def looks_like_daylio(text: str) -> bool:
    """True if the first line is a Daylio header (whatever else the file holds)."""
    first = text.lstrip("\ufeff").split("\n", 1)[0].strip().lower()
    columns = [part.strip().strip('"') for part in first.split(",")]
    return columns[:5] == list(REQUIRED_COLUMNS[:5])


def parse_time(text: str) -> tuple[int, int]:
    """``20:05`` or ``8:05 PM`` as (hour, minute); ValueError otherwise."""
    found = _TIME.match(text.strip())
    if found is None:
        raise ValueError(f"{text!r} is not a time like 20:05 or 8:05 PM")
    hour, minute = int(found.group(1)), int(found.group(2))
    half = (found.group(4) or "").lower()
    if half:
        if not 1 <= hour <= 12:
            raise ValueError(f"{text!r}: a 12-hour time runs from 1 to 12")
        hour = hour % 12 + (12 if half == "p" else 0)
    if hour > 23 or minute > 59:
        raise ValueError(f"{text!r} is not a time of day")
    return hour, minute


def mood_scores(custom: Mapping[str, int] | None = None) -> dict[str, int]:
    """The standard mapping with ``custom`` names (any case) added or overriding."""
    scores = dict(STANDARD_MOODS)
    scores.update({name.strip().lower(): score for name, score in (custom or {}).items()})
    return scores


def parse_daylio(text: str, custom_moods: Mapping[str, int] | None = None) -> ImportPlan:
    """The check-ins in a Daylio CSV export; ImportRefused naming the row, line and field."""
    reader = csv.reader(io.StringIO(text.lstrip("\ufeff"), newline=""))
    try:
        header = [column.strip().lower() for column in next(reader)]
    except StopIteration:
        raise ImportRefused("the Daylio file is empty") from None
    except csv.Error as error:
        raise ImportRefused(f"line 1: the header cannot be read ({error})") from None
    known = list(REQUIRED_COLUMNS)
    if header not in (known, known + list(OPTIONAL_COLUMNS)):
        raise ImportRefused(
            f"line 1: this Daylio header is not one Heartwork knows (expected {','.join(REQUIRED_COLUMNS)}[,scales])"
        )
    scores = mood_scores(custom_moods)
    rows: list[tuple[int, int, list[str]]] = []
    next_line = 2
    number = 0
    try:
        for row in reader:
            line, next_line = next_line, reader.line_num + 1
            if not row or row == [""]:
                continue
            number += 1
            rows.append((number, line, row))
    except csv.Error as error:
        raise ImportRefused(f"row {number + 1} (line {next_line}): it cannot be read ({error})") from None
    unknown = sorted(
        {row[4].strip().lower() for _, _, row in rows if len(row) > 4 and row[4].strip().lower() not in scores}
    )
    ids = SourceIds("daylio")
    checkins = []
    for number, line, row in rows:
        where = f"row {number} (line {line})"
        if len(row) != len(header):
            raise ImportRefused(f"{where}: has {len(row)} fields, the header has {len(header)}")
        fields = dict(zip(header, row, strict=True))
        try:
            day = date.fromisoformat(fields["full_date"].strip())
        except ValueError:
            raise ImportRefused(
                f"{where}, field full_date: {fields['full_date']!r} is not a date like 2024-05-01"
            ) from None
        try:
            hour, minute = parse_time(fields["time"])
        except ValueError as error:
            raise ImportRefused(f"{where}, field time: {error}") from None
        mood = fields["mood"].strip().lower()
        if not mood:
            raise ImportRefused(f"{where}, field mood: empty")
        if unknown:
            continue  # reported below, all together, once every row's shape is known good
        moment = datetime(day.year, day.month, day.day, hour, minute)
        at = to_text(moment)
        tags = _tags(fields["activities"])
        title = visible_text(fields["note_title"].strip(), keep_newlines=True)
        note = visible_text(fields["note"].strip(), keep_newlines=True)
        checkins.append(
            {
                "id": ids.next(
                    fields["full_date"].strip(),
                    f"{hour:02}:{minute:02}",
                    mood,
                    fields["activities"],
                    fields["note_title"],
                    fields["note"],
                ),
                "at": at,
                "pleasantness": scores[mood],
                "energy": None,
                "emotions": [],
                "tags": tags,
                "note": "\n\n".join(part for part in (title, note) if part),
                "source": "daylio",
            }
        )
    if unknown:
        names = ", ".join(repr(name) for name in unknown)
        example = f"{unknown[0]}=6" if " " not in unknown[0] else f'"{unknown[0]}=6"'
        raise ImportRefused(
            f"this Daylio file uses moods Heartwork does not know: {names}. "
            f"Give each a score from 1 to 10 with --map, for example --map {example}; nothing was imported"
        )
    if _newest_first(checkins):
        checkins.reverse()  # Daylio lists the newest first; Heartwork keeps them oldest first
    return ImportPlan("Daylio export", {"checkins": checkins} if checkins else {})


def _newest_first(checkins: list[dict[str, object]]) -> bool:
    return len(checkins) > 1 and str(checkins[0]["at"]) > str(checkins[-1]["at"])


def _tags(activities: str) -> list[str]:
    seen: list[str] = []
    for part in activities.split(ACTIVITY_SEPARATOR.strip()):
        word = visible_text(" ".join(part.split()).lower())
        if word and word not in seen:
            seen.append(word)
    return seen
