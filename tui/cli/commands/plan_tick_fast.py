"""``heartwork plan tick NAME`` in a few milliseconds, before argparse: read the homework, queue the tick.

Like :mod:`tui.cli.commands.selfcare_done_fast` (whose steps it shares, see
:mod:`tui.cli.commands.lookup_fast`), it answers only what it can answer
with certainty: the command line is plainly ``plan tick NAME`` (with
``--date``, ``--db``, ``--theme``); the database is plain, current, laid out
one table to a line, every assignment in it readable and none waiting in the
inbox; NAME means exactly one assignment that has not ended
(:func:`tui.core.typed_names.only_match`, the full command's rule), it is one
of your own tasks, it has started by that day, and that day is not ticked yet
(the file's ``homework_ticks`` line and the inbox are searched for the tick's
id, nothing parsed). Then the tick :meth:`HomeworkTickRepository.set_done`
would save is queued in the inbox (its id is ``assignment:day``, so merging it
twice keeps one) and the full command's line is printed. Anything else
returns None before anything is written, and the full CLI answers.
"""

from __future__ import annotations

from tui.cli.commands.lookup_fast import (
    Prepared,
    answer_quickly,
    look_up,
    mentions,
    parse_lookup_command,
)

TYPE_CHECKING = False  # importing typing would cost a good part of the time budget; annotations only
if TYPE_CHECKING:
    from datetime import date
    from typing import Any

ASSIGNMENTS_TABLE = "homework_assignments"
FREE_TEXT = "free-text"  # as tui.core.homework.assignment (a test checks they agree)
STATUSES = ("active", "paused", "ended")
SAFE_ID_CHARACTERS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.:")


def fast_plan_tick(argv: list[str]) -> int | None:
    """Queue the tick and return its exit code, or None (nothing written) to let the full CLI answer."""
    return answer_quickly(_prepare, argv, "your tick")


def ticked_line(title: str, day: date, today: date, already: bool) -> str:
    """What the shell says after a tick (the full command says the same)."""
    from tui.core.safe_text import visible_text

    when = "today" if day == today else f"for {day:%A %-d %B %Y}"
    if already:
        return f"“{visible_text(title)}” was already ticked {when}."
    return f"Ticked “{visible_text(title)}” {when}. Well done for making time for it."


def _text(document: dict[str, Any], name: str) -> str:
    value = document.get(name, "")
    return value if isinstance(value, str) else ""


def _status(document: dict[str, Any]) -> str:
    status = _text(document, "status")
    return status if status in STATUSES else "active"


def _started_by(document: dict[str, Any], day: date) -> bool:
    from datetime import date

    try:
        return day >= date.fromisoformat(_text(document, "start"))
    except ValueError:
        return True  # no start day (or one that is not a day): it runs, as Assignment.runs_on says


def _prepare(argv: list[str]) -> Prepared | None:
    """(database file, inbox bytes, confirmation) for a tick the full command would save alike; else None."""
    looked = look_up(parse_lookup_command(argv, "plan", "tick"), ASSIGNMENTS_TABLE)
    if looked is None:
        return None
    name, today, day, database, assignments = looked
    from tui.core.safe_text import visible_values
    from tui.core.typed_names import only_match

    open_ones = [visible_values(document) for document in assignments if _status(document) != "ended"]
    found = only_match(name, [_text(document, "title") for document in open_ones])
    if found is None:
        return None  # none, several, or an ended one: the full command says so
    task = open_ones[found]
    if str(task["kind"]) != FREE_TEXT or not _started_by(task, day):
        return None  # noticed by itself, or not started yet: the full command explains
    payload = _queued_tick(database, str(task["id"]), day)
    if payload is None:
        return None
    return database, payload, ticked_line(_text(task, "title"), day, today, already=False)


def _queued_tick(database: str, assignment_id: str, day: date) -> bytes | None:
    """The inbox line of a new tick, or None if that day may be ticked already (the full command looks)."""
    from datetime import datetime

    from tui.store.homework_tick_document import HOMEWORK_TICKS_TABLE, homework_tick_document, homework_tick_id
    from tui.store.inbox_append import framed, inbox_file_for, record_body
    from tui.store.table_peek import table_line_holds

    tick_id = homework_tick_id(assignment_id, day.isoformat())
    if not set(tick_id) <= SAFE_ID_CHARACTERS:
        return None  # an id JSON might write another way: not searched for by its bytes
    quoted = b'"' + tick_id.encode("ascii") + b'"'
    if (
        mentions(inbox_file_for(database), quoted)
        or table_line_holds(database, HOMEWORK_TICKS_TABLE, quoted) is not False
    ):
        return None
    now = datetime.now().astimezone()
    document = homework_tick_document(
        assignment_id=assignment_id, day=day.isoformat(), at=now.isoformat(timespec="seconds")
    )
    document["updated_at"] = now.isoformat(timespec="microseconds")  # tombstones.now_stamp
    try:
        return framed(record_body(HOMEWORK_TICKS_TABLE, document))
    except ValueError:  # text the store refuses: the full command explains
        return None
