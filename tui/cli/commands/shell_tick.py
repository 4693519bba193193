"""What the shell's tick commands share (``selfcare done`` and ``plan tick``): the day, and queuing the tick.

A tick is queued in the inbox, as the quick paths queue it
(:mod:`tui.cli.commands.lookup_fast`): no rewrite of the whole file.
"""

from __future__ import annotations

import argparse
from datetime import date, datetime
from typing import TYPE_CHECKING, TypeVar

from tui.cli.commands.common import EXIT_USAGE, fail, fail_store, warn_if_backups_will_be_refused

if TYPE_CHECKING:
    from tui.store.repository import HasId, Repository

T = TypeVar("T", bound="HasId")


def tick_day(date_text: str | None) -> tuple[date, date] | str:
    """(today, the day to tick) for ``--date`` (None: today), or the one line saying why it cannot be."""
    from tui.core.dates import DateProblem, parse_user_date

    today = datetime.now().astimezone().date()
    if date_text is None:
        return today, today
    try:
        day = parse_user_date(date_text)
    except DateProblem as problem:
        return f"{problem} Nothing was saved."
    if day > today:
        return f"{day.isoformat()} has not happened yet; tick today or an earlier day."
    return today, day


def queue_tick(args: argparse.Namespace, repository: type[Repository[T]], tick: T) -> int | None:
    """Queue ``tick`` through ``repository``'s inbox for the database of ``args``; None when queued, else the exit code."""
    from tui.paths import database_location
    from tui.store.errors import StoreError, UnsafeFolderError

    location = database_location(getattr(args, "db", None))
    try:
        repository.add_to_inbox(location.path, tick, own_folder=location.own_folder)
    except UnsafeFolderError as error:
        return fail(str(error), EXIT_USAGE)
    except StoreError as error:
        return fail_store(error, "your tick")
    warn_if_backups_will_be_refused(location.path)
    return None
