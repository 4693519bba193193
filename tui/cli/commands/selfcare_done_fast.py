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

import os
import sys

TYPE_CHECKING = False  # importing typing would cost a good part of the time budget; annotations only
if TYPE_CHECKING:
    from datetime import date
    from typing import Any

COMMAND_OPTIONS = frozenset({"--date"})
GLOBAL_OPTIONS = frozenset({"--db", "--theme"})
ROUTINES_TABLE = "selfcare_items"
EARLIEST_YEAR = 1900  # as tui.core.dates (a test checks they agree)
SYNCTHING_COPY = r"(?:\.sync-conflict-\d{8}-\d{6}-[A-Z0-9]{7})+"  # as tui.store.conflict_copies
CONFLICTED_COPY = r" \([^()/]*conflicted copy[^()/]*\)"


def fast_selfcare_done(argv: list[str]) -> int | None:
    """Queue the tick and return its exit code, or None (nothing written) to let the full CLI answer."""
    try:
        prepared = _prepare(argv)
    except Exception:  # anything unexpected: the full command answers and explains
        return None
    if prepared is None:
        return None
    database, payload, line = prepared
    from tui.cli.commands.capture_fast import say_not_saved
    from tui.store.inbox_append import AppendFailedError, LockRefusedError, append_under_lock

    try:
        append_under_lock(database, payload)
    except (LockRefusedError, AppendFailedError) as refused:
        return say_not_saved(database, refused, "your tick")  # never a second try: it could queue it twice
    try:
        sys.stdout.buffer.write((line + "\n").encode("utf-8", "replace"))
        sys.stdout.flush()
    except BrokenPipeError:
        pass  # saved; the reader went away, as the full command allows
    return 0


def parse_done_command(argv: list[str]) -> dict[str, Any] | None:
    """``argv`` as {"db", "name", "date", "partly"} when it is plainly ``selfcare done NAME``; else None."""
    values: dict[str, Any] = {"db": "", "date": None, "partly": False}
    words: list[str] = []
    seen_command = together = last_word = False
    tokens = iter(argv)
    for token in tokens:
        was_word, last_word = last_word, False
        if token.startswith("-"):
            name, value = token.split("=", 1) if token.startswith("--") and "=" in token else (token, None)
            if name == "--partly" and value is None and seen_command:
                values["partly"] = True
                continue
            if name not in GLOBAL_OPTIONS and (name not in COMMAND_OPTIONS or not seen_command):
                return None  # --help, an abbreviation, "--", a command's option too early
            if value is None:
                value = next(tokens, None)
                if value is None or value.startswith("-"):
                    return None
            if name == "--db":
                values["db"] = value  # argparse keeps the last
            elif name == "--date":
                values["date"] = value
        elif not seen_command:
            if token != "selfcare":
                return None
            seen_command = together = last_word = True
        else:
            if words:  # argparse reads "done" and NAME apart when an option comes between them
                together = together and was_word
            words.append(token)
            last_word = True
    if not seen_command or not together or len(words) != 2 or words[0] != "done":
        return None
    values["name"] = words[1]
    return values


def _prepare(argv: list[str]) -> tuple[str, bytes, str] | None:
    """(database file, inbox bytes, confirmation) for a tick the full command would queue alike; else None."""
    parsed = parse_done_command(argv)
    if parsed is None:
        return None
    from datetime import datetime

    from tui.cli.commands.utf8_streams import shell_text

    name = shell_text(parsed["name"])
    if not name.strip():
        return None
    today = datetime.now().astimezone().date()
    day = today if parsed["date"] is None else _plain_day(parsed["date"])
    if day is None or day > today:
        return None  # the full command gives the message
    from tui.cli.commands.capture_fast import _database_ready

    database = _database_ready(parsed["db"])
    if database is None or not _plainly_current(database):
        return None
    routines = _readable_routines(database)
    if routines is None:
        return None
    from tui.core.safe_text import visible_values
    from tui.core.typed_names import only_match

    active = [visible_values(document) for document in routines if document.get("active", True)]
    found = only_match(name, [str(document.get("text", "")) for document in active])
    if found is None:
        return None  # no routine, or several: the full command says which come close
    item_id, text = str(active[found]["id"]), str(active[found].get("text", ""))
    state = "partly" if parsed["partly"] else "done"
    payload = _tick_line(item_id, day, state)
    if payload is None:
        return None
    when = "today" if day == today else f"on {day:%A %-d %B %Y}"
    return database, payload, f"Marked “{text}” {'partly done' if state == 'partly' else 'done'} {when}."


def _plain_day(text: str) -> date | None:
    """``--date`` when :func:`tui.core.dates.parse_user_date` reads it as a day (None: its message is needed)."""
    import re
    from datetime import date

    found = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", text.strip())
    if found is None:
        return None
    year, month, day = (int(part) for part in found.groups())
    if year < EARLIEST_YEAR:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _plainly_current(database: str) -> bool:
    """True if ``database`` is plain (not encrypted), at the current version, with no conflict copy beside it."""
    from tui.cli.commands.affirm_today_fast import SCHEMA_VERSION
    from tui.core.encryption_header_fields import MAGIC
    from tui.store.table_peek import peek_table_line

    try:
        with open(database, "rb") as handle:
            if handle.read(len(MAGIC)) == MAGIC:
                return False  # the routines are sealed: the full command asks for the passphrase
    except OSError:
        return False
    meta = peek_table_line(database, "_meta")
    if meta is None or meta.get("1", {}).get("schema_version") != SCHEMA_VERSION:
        return False  # an older file to migrate, or a newer one to refuse: the full command
    return not _conflict_copy_beside(database)


def _conflict_copy_beside(database: str) -> bool:
    """True if a sync tool's conflict copy of ``database`` lies beside it (the full command merges those).

    The names of :func:`tui.store.conflict_copies.conflict_name_pattern` (a test
    checks they agree), without importing the store; anything that looks like one counts.
    """
    import re

    folder, own = os.path.split(database)
    stem, suffix = os.path.splitext(own)
    pattern = re.compile(rf"{re.escape(stem)}(?:{SYNCTHING_COPY}|{CONFLICTED_COPY}){re.escape(suffix)}", re.IGNORECASE)
    try:
        with os.scandir(folder or ".") as entries:
            return any(pattern.fullmatch(entry.name) for entry in entries)
    except OSError:
        return True


def _readable_routines(database: str) -> list[dict[str, Any]] | None:
    """Every routine in the file, if all can be read and none waits in the inbox; else None."""
    from tui.store.inbox_append import inbox_file_for
    from tui.store.routine_record_check import routine_readable
    from tui.store.table_peek import peek_table_line

    if _mentions(inbox_file_for(database), ROUTINES_TABLE.encode()):
        return None  # a routine (or a change to one) not merged yet: the full command reads the inbox
    table = peek_table_line(database, ROUTINES_TABLE)
    if table is None or not all(routine_readable(document) for document in table.values()):
        return None
    return list(table.values())


def _mentions(path: str, word: bytes) -> bool:
    """True if the file at ``path`` holds ``word`` anywhere (or cannot be read); False if it is missing or empty."""
    import mmap

    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_NOFOLLOW", 0))
    except FileNotFoundError:
        return False
    except OSError:
        return True
    try:
        if os.fstat(fd).st_size == 0:
            return False
        with mmap.mmap(fd, 0, access=mmap.ACCESS_READ) as view:
            return view.find(word) >= 0
    except (OSError, ValueError):
        return True
    finally:
        os.close(fd)


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
