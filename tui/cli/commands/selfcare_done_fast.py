"""``heartwork selfcare done NAME`` in a few milliseconds, before argparse: read the routines, queue the tick.

Run from :mod:`tui.cli.entry` ahead of the full CLI, like the quick captures
(:mod:`tui.cli.commands.capture_fast`). It handles only what it can answer
with certainty: the command line is plainly ``selfcare done NAME`` (with
``--partly``, ``--date``, ``--db``, ``--theme``); the date, if given, is a
real day that has happened; the folder needs nothing done; the database is
not encrypted, is at the current schema version, laid out one table to a line
(so ``_meta`` and ``selfcare_items`` are read without the rest: see
:func:`tui.store.table_peek.peek_table_line`), every routine in it can be
read, no routine waits in the inbox and no sync tool left a conflict copy;
and NAME means exactly one active routine (:func:`tui.core.typed_names.only_match`,
the full command's rule). Then the same tick the full command queues is
appended to the inbox (the next save makes it replace that day's tick, see
:mod:`tui.store.inbox_replacing`) and the same line is printed. Anything else
returns None before anything is written, and the full CLI answers.
"""

from __future__ import annotations

from tui.cli.commands.lookup_fast import (
    Prepared,
    answer_quickly,
    look_up,
    parse_lookup_command,
)

TYPE_CHECKING = False  # importing typing would cost a good part of the time budget; annotations only
if TYPE_CHECKING:
    from datetime import date
    from typing import Any

ROUTINES_TABLE = "selfcare_items"


def fast_selfcare_done(argv: list[str]) -> int | None:
    """Queue the tick and return its exit code, or None (nothing written) to let the full CLI answer."""
    return answer_quickly(_prepare, argv, "your tick")


def parse_done_command(argv: list[str]) -> dict[str, Any] | None:
    """``argv`` as {"db", "name", "date", "--partly"} when it is plainly ``selfcare done NAME``; else None."""
    return parse_lookup_command(argv, "selfcare", "done", frozenset({"--partly"}))


def _prepare(argv: list[str]) -> Prepared | None:
    """(database file, inbox bytes, confirmation) for a tick the full command would queue alike; else None."""
    parsed = parse_done_command(argv)
    looked = look_up(parsed, ROUTINES_TABLE)
    if looked is None:
        return None
    name, today, day, database, routines = looked
    from tui.core.safe_text import visible_values
    from tui.core.typed_names import only_match

    active = [visible_values(document) for document in routines if document.get("active", True)]
    found = only_match(name, [str(document.get("text", "")) for document in active])
    if found is None:
        return None  # no routine, or several: the full command says which come close
    item_id, text = str(active[found]["id"]), str(active[found].get("text", ""))
    state = "partly" if parsed is not None and parsed["--partly"] else "done"
    payload = _tick_line(item_id, day, state)
    if payload is None:
        return None
    when = "today" if day == today else f"on {day:%A %-d %B %Y}"
    return database, payload, f"Marked “{text}” {'partly done' if state == 'partly' else 'done'} {when}."


def _tick_line(item_id: str, day: date, state: str) -> bytes | None:
    """The inbox line of the tick, as SelfCareTickRepository.add_to_inbox makes it (None if it cannot be written)."""
    from datetime import datetime

    from tui.core.ids import new_id
    from tui.core.safe_text import visible_values
    from tui.store.inbox_append import framed, record_body
    from tui.store.selfcare_tick_document import TICKS_TABLE, tick_document

    document = visible_values(tick_document(tick_id=new_id(), day=day.isoformat(), item_id=item_id, state=state))
    document["updated_at"] = datetime.now().astimezone().isoformat(timespec="microseconds")  # tombstones.now_stamp
    try:
        return framed(record_body(TICKS_TABLE, document))
    except ValueError:  # text the store refuses (lone surrogates): the full command explains
        return None
