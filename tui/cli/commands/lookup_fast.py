"""What the quick shell commands that look something up share: ``selfcare done NAME`` and ``plan tick NAME``.

Both run from :mod:`tui.cli.entry` before argparse, read one small table
(:func:`tui.store.table_peek.peek_table_line`) and queue one record in the
inbox, as the quick captures do (:mod:`tui.cli.commands.capture_fast`). Each
step here answers None (or False) whenever anything is unusual, so the
command steps back, with nothing written, and the full CLI answers.
"""

from __future__ import annotations

import os
import sys

TYPE_CHECKING = False  # importing typing would cost a good part of the time budget; annotations only
if TYPE_CHECKING:
    from collections.abc import Callable
    from datetime import date
    from typing import Any

COMMAND_OPTIONS = frozenset({"--date"})
GLOBAL_OPTIONS = frozenset({"--db", "--theme"})
EARLIEST_YEAR = 1900  # as tui.core.dates (a test checks they agree)
SYNCTHING_COPY = r"(?:\.sync-conflict-\d{8}-\d{6}-[A-Z0-9]{7})+"  # as tui.store.conflict_copies
CONFLICTED_COPY = r" \([^()/]*conflicted copy[^()/]*\)"

Prepared = tuple[str, bytes, str]
"""(database file, the inbox line, the confirmation to print)."""


def answer_quickly(prepare: Callable[[list[str]], Prepared | None], argv: list[str], what: str) -> int | None:
    """Queue what ``prepare`` made of ``argv`` and print its line (exit code 0), or None to let the full CLI answer."""
    try:
        prepared = prepare(argv)
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
        return say_not_saved(database, refused, what)  # never a second try: it could queue it twice
    try:
        sys.stdout.buffer.write((line + "\n").encode("utf-8", "replace"))
        sys.stdout.flush()
    except BrokenPipeError:
        pass  # saved; the reader went away, as the full command allows
    return 0


def parse_lookup_command(
    argv: list[str], command: str, action: str, flags: frozenset[str] = frozenset()
) -> dict[str, Any] | None:
    """``argv`` as {"db", "name", "date", each flag} when it is plainly ``COMMAND ACTION NAME``; else None.

    Only ``--db``, ``--theme``, ``--date`` and ``flags`` (``--partly``) may come
    with it, as argparse would read them; anything else (``--help``, an
    abbreviation, ``--``) is for the full CLI.
    """
    values: dict[str, Any] = {"db": "", "date": None, **dict.fromkeys(flags, False)}
    words: list[str] = []
    seen_command = together = last_word = False
    tokens = iter(argv)
    for token in tokens:
        was_word, last_word = last_word, False
        if token.startswith("-"):
            name, value = token.split("=", 1) if token.startswith("--") and "=" in token else (token, None)
            if name in flags and value is None and seen_command:
                values[name] = True
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
            if token != command:
                return None
            seen_command = together = last_word = True
        else:
            if words:  # argparse reads ACTION and NAME apart when an option comes between them
                together = together and was_word
            words.append(token)
            last_word = True
    if not seen_command or not together or len(words) != 2 or words[0] != action:
        return None
    values["name"] = words[1]
    return values


def look_up(parsed: dict[str, Any] | None, table: str) -> tuple[str, date, date, str, list[dict[str, Any]]] | None:
    """(name, today, the day, database file, every record of ``table``) for a parsed command line, or None.

    None whenever the full command must answer: no command line it can read,
    an empty name, a day that is not plainly one that has happened, a folder or
    database that needs anything done (:func:`plainly_current`), or a table it
    cannot read with certainty (:func:`readable_table`).
    """
    if parsed is None:
        return None
    from tui.cli.commands.utf8_streams import shell_text

    name = shell_text(parsed["name"])
    days = day_asked(parsed["date"])
    if not name.strip() or days is None:
        return None  # the full command gives the message
    from tui.cli.commands.capture_fast import _database_ready

    database = _database_ready(parsed["db"])
    if database is None or not plainly_current(database):
        return None
    records = readable_table(database, table)
    if records is None:
        return None
    return name, days[0], days[1], database, records


def day_asked(date_text: str | None) -> tuple[date, date] | None:
    """(today, the day to tick) for ``--date`` (None: today), or None when the full command must explain."""
    from datetime import datetime

    today = datetime.now().astimezone().date()
    day = today if date_text is None else plain_day(date_text)
    if day is None or day > today:
        return None
    return today, day


def readable_table(database: str, table: str) -> list[dict[str, Any]] | None:
    """Every record of ``table`` in the file, if all can be read and none waits in the inbox; else None."""
    from tui.store.inbox_append import inbox_file_for
    from tui.store.plain_record_checks import readable
    from tui.store.table_peek import peek_table_line

    if mentions(inbox_file_for(database), table.encode()):
        return None  # a record (or a change to one) not merged yet: the full command reads the inbox
    records = peek_table_line(database, table)
    if records is None or not all(readable(table, document) for document in records.values()):
        return None
    return list(records.values())


def plain_day(text: str) -> date | None:
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


def plainly_current(database: str) -> bool:
    """True if ``database`` is plain (not encrypted), at the current version, with no conflict copy beside it."""
    from tui.cli.commands.affirm_today_fast import SCHEMA_VERSION
    from tui.core.encryption_header_fields import MAGIC
    from tui.store.table_peek import peek_table_line

    try:
        with open(database, "rb") as handle:
            if handle.read(len(MAGIC)) == MAGIC:
                return False  # sealed: the full command asks for the passphrase
    except OSError:
        return False
    meta = peek_table_line(database, "_meta")
    if meta is None or meta.get("1", {}).get("schema_version") != SCHEMA_VERSION:
        return False  # an older file to migrate, or a newer one to refuse: the full command
    return not conflict_copy_beside(database)


def conflict_copy_beside(database: str) -> bool:
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


def mentions(path: str, word: bytes) -> bool:
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
