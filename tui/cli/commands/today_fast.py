"""``heartwork today`` in a few milliseconds: the database read as plain JSON, nothing written.

Like :mod:`tui.cli.commands.affirm_today_fast` (whose reading and choosing it
shares), it answers None whenever anything is unusual (other arguments,
quick captures waiting in the inbox, another format, a field of a different
type) and the full command answers instead. The rules here are those of
:mod:`tui.core.homework.detection` and :mod:`tui.core.homework.progress`,
written over plain documents because importing dataclasses would cost the
time saved; a test checks both give the same answer.
"""

from __future__ import annotations

import os
import sys

TYPE_CHECKING = False  # importing typing would cost a fifth of the time budget; annotations only
if TYPE_CHECKING:
    from typing import Any

SCORE_RANGE = range(1, 11)
COUNTED_SELFCARE = ("done", "partly")


def today_line(done: int, total: int, affirmation: str) -> str:
    """The one line: "2 of 3 homework done today · affirmation: ..."."""
    head = f"{done} of {total} homework done today" if total else "No homework for today"
    return f"{head} · affirmation: {affirmation}" if affirmation else head


def fast_today(argv: list[str]) -> int | None:
    """Print the line and return 0, or None to let the full command answer."""
    from tui.cli.commands.affirm_today_fast import _db_argument

    db = _db_argument(argv, ["today"])
    if db is None:
        return None
    try:
        return _answer(db)
    except Exception:  # anything unexpected: the full command answers and explains
        return None


def _answer(db: str) -> int | None:
    import json
    from datetime import date, datetime, timedelta

    from tui.cli.commands.affirm_today_fast import SCHEMA_VERSION, _database_file, affirmation_text
    from tui.core.safe_text import visible_text

    path = _database_file(db)
    try:
        if os.path.getsize(path + ".inbox") > 0:
            return None  # records waiting in the inbox: the full command reads them too
    except OSError:
        pass
    data: dict[str, Any] = {}
    if os.path.exists(path):
        with open(path, "rb") as handle:
            data = json.loads(handle.read().decode("utf-8"))
        if data.get("_meta", {}).get("1", {}).get("schema_version") != SCHEMA_VERSION:
            return None
    affirmation = affirmation_text(data)
    if affirmation is None:
        return None
    today = date.today()
    settings = _table(data, "settings")
    week_start = next((d.get("week_start") for d in settings), "monday")
    first = 6 if week_start == "sunday" else 0
    monday = today - timedelta(days=(today.weekday() - first) % 7)
    week = {(monday + timedelta(days=n)).isoformat() for n in range(7)}

    def local(text: Any) -> str:
        moment = datetime.fromisoformat(text)
        return (moment.astimezone() if moment.tzinfo else moment).date().isoformat()

    done = total = 0
    key = today.isoformat()
    for a in _table(data, "homework_assignments"):
        if a.get("status", "active") != "active" or not (a.get("start") or "") <= key:
            continue
        days = {day for day in _days(a, data, local) if day >= (a.get("start") or "")}
        frequency = a.get("frequency") or {}
        how, times = frequency.get("how", "daily"), frequency.get("times", 1)
        per_week = max(1, min(7, times)) if type(times) is int else 1
        if key in days:
            asked = True
        elif how == "weekdays":
            asked = today.weekday() in (frequency.get("weekdays") or [])
        elif how == "times-a-week":
            asked = len(days & week) < per_week
        else:
            asked = True
        total += asked
        done += asked and key in days
    line = today_line(done, total, visible_text(" ".join(affirmation.split())))
    sys.stdout.buffer.write((line + "\n").encode("utf-8"))
    sys.stdout.flush()
    return 0


def _table(data: dict[str, Any], name: str) -> list[dict[str, Any]]:
    documents = data.get(name, {})
    if not isinstance(documents, dict) or not all(isinstance(d, dict) for d in documents.values()):
        raise ValueError(name)
    return list(documents.values())


def _number(value: Any) -> float:
    if type(value) not in (int, float):
        raise ValueError(value)
    return float(value)


def _feelings_fit(document: dict[str, Any]) -> bool:
    return all(document.get(k) is None or document.get(k) in SCORE_RANGE for k in ("feeling_before", "feeling_after"))


def _days(a: dict[str, Any], data: dict[str, Any], local: Any) -> set[str]:
    """The ISO days fulfilling assignment ``a`` (ValueError for anything the store might read otherwise)."""
    kind, target, minutes = a["kind"], a.get("target", ""), a.get("minutes", 0)
    if type(minutes) is not int or not isinstance(target, str):
        raise ValueError("assignment")
    if kind in ("breathing", "meditation"):
        table, field = (
            ("breathing_sessions", "pattern_key") if kind == "breathing" else ("meditation_sessions", "guide_id")
        )
        found = set()
        for s in _table(data, table):
            if not _feelings_fit(s):
                raise ValueError("feelings")
            seconds = _number(s.get("actual_seconds", 0))
            if (not target or s.get(field) == target) and seconds > 0 and seconds + 0.5 >= minutes * 60:
                found.add(local(s["started_at"]))
        return found
    if kind == "journal":
        found = set()
        for e in _table(data, "journal_entries"):
            prompt = e.get("prompt_id") or ""
            fits = (
                not target
                or target in (e.get("kind", "free"), prompt)
                or prompt.startswith((f"{target}-", f"{target}:"))
            )
            if fits and isinstance(e.get("entry_date"), str):
                found.add(e["entry_date"][:10])
        return found
    if kind == "selfcare":
        return {
            t["day"]
            for t in _table(data, "selfcare_ticks")
            if t.get("item_id") == target and t.get("state", "done") in COUNTED_SELFCARE
        }
    if kind == "affirmation":
        return {
            d["day"] for d in _table(data, "affirmation_practice") if type(d.get("count")) is int and d["count"] > 0
        }
    if kind == "questionnaire":
        results = _table(data, "questionnaire_results")
        return {local(r["at"]) for r in results if (not target or r.get("questionnaire_id") == target) and r.get("at")}
    if kind == "free-text":
        return {t["day"] for t in _table(data, "homework_ticks") if t.get("assignment_id") == a["id"]}
    raise ValueError(kind)
