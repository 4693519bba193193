"""``heartwork selfcare add|list|done``: keep self-care routines from the shell, without textual.

The arguments are added to the ``selfcare`` section's parser (see
section_hooks.py), because ``heartwork selfcare`` alone opens the app there.
"""

from __future__ import annotations

import argparse
from datetime import date, datetime

from tui.cli.commands.common import (
    EXIT_OK,
    EXIT_USAGE,
    fail,
    fail_store,
    open_store,
    warn_if_backups_refused,
)
from tui.cli.commands.utf8_streams import shell_text

ACTIONS = ("add", "list", "done")


def add_selfcare_options(parser: argparse.ArgumentParser) -> None:
    """The section's optional shell actions."""
    parser.add_argument("selfcare_action", nargs="?", choices=ACTIONS, metavar="add|list|done", help="a shell action")
    parser.add_argument("selfcare_name", nargs="?", type=shell_text, metavar="NAME", help="the routine's name")
    parser.add_argument(
        "--category",
        dest="selfcare_category",
        metavar="C",
        default=None,
        help="body, mind, connection, rest, creativity or surroundings",
    )
    how_often = parser.add_mutually_exclusive_group()
    how_often.add_argument("--every-day", dest="selfcare_every_day", action="store_true", help="every day (default)")
    how_often.add_argument("--days", dest="selfcare_days", metavar="mon,wed,fri", default=None, help="chosen weekdays")
    how_often.add_argument("--per-week", dest="selfcare_per_week", metavar="N", default=None, help="N times a week")
    parser.add_argument(
        "--time", dest="selfcare_time", choices=("morning", "afternoon", "evening"), default=None, help="time of day"
    )
    parser.add_argument("--date", dest="selfcare_date", metavar="YYYY-MM-DD", default=None, help="tick an earlier day")
    parser.add_argument("--partly", dest="selfcare_partly", action="store_true", help="mark it partly done")


def wants_shell_action(args: argparse.Namespace) -> bool:
    return getattr(args, "selfcare_action", None) in ACTIONS


def run(args: argparse.Namespace) -> int:
    """Run add, list or done; bad input is one line and exit code 2, and nothing is saved."""
    action = args.selfcare_action
    if action in ("add", "done") and not (args.selfcare_name or "").strip():
        return fail(
            f"'selfcare {action}' needs the routine's name, for example: heartwork selfcare {action} \"Walk\"", 2
        )
    if action == "add":
        return _add(args)
    if action == "done":
        return _done(args)
    return _list(args)


def _schedule(args: argparse.Namespace) -> object:
    from tui.core.selfcare_schedule import EVERY_DAY, on_weekdays, parse_weekdays, times_a_week

    if args.selfcare_days is not None:
        return on_weekdays(parse_weekdays(args.selfcare_days))
    if args.selfcare_per_week is not None:
        try:
            count = int(args.selfcare_per_week)
        except ValueError:
            raise ValueError("--per-week takes a number from 1 to 7.") from None
        return times_a_week(count)
    return EVERY_DAY


def _add(args: argparse.Namespace) -> int:
    from tui.core.selfcare import OWN_CATEGORY, category_named, clean_item_text
    from tui.core.selfcare_schedule import Schedule
    from tui.store.errors import StoreError
    from tui.store.selfcare_repository import SelfCareRepository

    try:
        text = clean_item_text(args.selfcare_name)
        category = category_named(args.selfcare_category) if args.selfcare_category else OWN_CATEGORY
        schedule = _schedule(args)
    except ValueError as problem:
        return fail(f"{problem} Nothing was saved.", EXIT_USAGE)
    assert isinstance(schedule, Schedule)
    try:
        store = open_store(args)
    except StoreError as error:
        return fail_store(error, "your routine")
    try:
        item = store.repo(SelfCareRepository).add(
            text,
            datetime.now().astimezone(),
            category,
            schedule=schedule,
            time_of_day=args.selfcare_time or "",
        )
        warn_if_backups_refused(store)
    except StoreError as error:
        return fail_store(error, "your routine")
    finally:
        store.close()
    when = f", in the {item.time_of_day}" if item.time_of_day else ""
    print(f"Added “{item.text}” ({item.category}, {item.schedule.describe()}{when}).")
    return EXIT_OK


def _done(args: argparse.Namespace) -> int:
    from tui.cli.commands.shell_tick import queue_tick, tick_day
    from tui.core.selfcare import SelfCareTick
    from tui.core.selfcare_names import match_routine
    from tui.store.errors import StoreError
    from tui.store.selfcare_repository import SelfCareRepository, SelfCareTickRepository

    days = tick_day(args.selfcare_date)
    if isinstance(days, str):
        return fail(days, EXIT_USAGE)
    today, day = days
    try:
        store = open_store(args)
    except StoreError as error:
        return fail_store(error, "your tick")
    try:
        items = store.repo(SelfCareRepository).active_items()
    except StoreError as error:
        return fail_store(error, "your tick")
    finally:
        store.close()
    found = match_routine(args.selfcare_name, items)
    if found.item is None:
        return fail(_no_match(args.selfcare_name, [item.text for item in found.close], found.ambiguous), 2)
    state = "partly" if args.selfcare_partly else "done"
    # The next save makes a queued tick replace that day's tick, as set_state would (tui.store.inbox_replacing).
    refused = queue_tick(
        args, SelfCareTickRepository, SelfCareTick(day=day.isoformat(), item_id=found.item.id, state=state)
    )
    if refused is not None:
        return refused
    when = "today" if day == today else f"on {day:%A %-d %B %Y}"
    print(f"Marked “{found.item.text}” {'partly done' if state == 'partly' else 'done'} {when}.")
    return EXIT_OK


def _no_match(name: str, close: list[str], ambiguous: bool) -> str:
    """One line: which routines come close to ``name`` (or how to see them all)."""
    if not close:
        return f"no routine is called “{name}”; 'heartwork selfcare list' shows them. Nothing was saved."
    names = "; ".join(f"“{text}”" for text in close)
    lead = "more than one routine fits" if ambiguous else "no routine is called"
    return f"{lead} “{name}”. Did you mean: {names}? Nothing was saved."


def _list(args: argparse.Namespace) -> int:
    from tui.core.selfcare_listing import listing_lines
    from tui.store.errors import StoreError
    from tui.store.selfcare_repository import SelfCareRepository, SelfCareTickRepository
    from tui.store.settings_repository import SettingsRepository

    try:
        store = open_store(args, read_only=True)
    except StoreError as error:
        return fail(str(error))
    try:
        items = store.repo(SelfCareRepository).active_items()
        ticks = store.repo(SelfCareTickRepository).all()
        week_start = store.repo(SettingsRepository).load().week_start
    finally:
        store.close()
    today: date = datetime.now().astimezone().date()
    for line in listing_lines(items, ticks, today, week_start):
        print(line)
    return EXIT_OK
