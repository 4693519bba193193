"""``heartwork plan tick NAME [--date D]``: tick one of your own homework tasks from the shell.

Only tasks of your own (free text) are ticked by hand; the rest is noticed
from what you do in their sections, as in the app. A tick is one record per
task and day (``assignment_id:day``), queued in the inbox, so ticking twice
changes nothing. No textual import.
"""

from __future__ import annotations

import argparse
from datetime import date, datetime

from tui.cli.commands.common import EXIT_OK, EXIT_USAGE, fail, fail_store, open_store
from tui.cli.commands.plan_tick_fast import ticked_line
from tui.core.homework.assignment import ENDED, KIND_FREE_TEXT, KIND_TITLES, Assignment


def run_tick(args: argparse.Namespace) -> int:
    """Tick the task named by ``args.plan_target`` for today (or ``--date``); bad input saves nothing.

    The tick goes through the inbox, as the quick path queues it
    (:mod:`tui.cli.commands.plan_tick_fast`): no rewrite of the whole file.
    """
    from tui.cli.commands.shell_tick import queue_tick, tick_day
    from tui.cli.commands.utf8_streams import shell_text
    from tui.core.homework.assignment import HomeworkTick
    from tui.store.errors import StoreError
    from tui.store.homework_repository import HomeworkRepository, HomeworkTickRepository
    from tui.store.homework_tick_document import homework_tick_id

    name = shell_text(args.plan_target or "")  # a path is opened as typed; a name is text
    if not name.strip():
        return fail("'plan tick' needs the task's name, for example: heartwork plan tick \"Walk after lunch\"", 2)
    days = tick_day(args.plan_date)
    if isinstance(days, str):
        return fail(days, EXIT_USAGE)
    today, day = days
    try:
        store = open_store(args)
    except StoreError as error:
        return fail_store(error, "your tick")
    try:
        repository = store.repo(HomeworkRepository)
        chosen = choose_task(name, repository.ordered(), day)
        key = "" if isinstance(chosen, str) else homework_tick_id(chosen.id, day.isoformat())
        already = isinstance(chosen, Assignment) and repository.ticks.get(key) is not None
    except StoreError as error:
        return fail_store(error, "your tick")
    finally:
        store.close()
    if isinstance(chosen, str):
        return fail(chosen, EXIT_USAGE)
    if not already:
        tick = HomeworkTick(key, chosen.id, day.isoformat(), datetime.now().astimezone().isoformat(timespec="seconds"))
        refused = queue_tick(args, HomeworkTickRepository, tick)
        if refused is not None:
            return refused
    print(ticked_line(chosen.title, day, today, already))
    return EXIT_OK


def choose_task(name: str, every: list[Assignment], day: date) -> Assignment | str:
    """The task ``name`` means among the assignments not ended, or the one line that says why not."""
    from tui.core.name_match import match_name
    from tui.core.safe_text import visible_text

    assignments = [item for item in every if item.status != ENDED]
    found = match_name(name, assignments, lambda item: item.title)
    shown = visible_text(name)
    if found.item is None:
        ended = match_name(name, [item for item in every if item.status == ENDED], lambda item: item.title).item
        if ended is not None and not found.close:
            return f"“{visible_text(ended.title)}” has ended; its history stays. Nothing was saved."
        if not assignments:
            return "there is no homework yet; add it in the app's Homework section or with 'heartwork plan import'."
        names = "; ".join(f"“{visible_text(item.title)}”" for item in found.close)
        if not names:
            return f"no homework is called “{shown}”; the app's Homework section lists it. Nothing was saved."
        lead = "more than one task fits" if found.ambiguous else "no homework is called"
        return f"{lead} “{shown}”. Did you mean: {names}? Nothing was saved."
    task = found.item
    title = visible_text(task.title)
    if task.kind != KIND_FREE_TEXT:
        section = KIND_TITLES.get(task.kind, task.kind)
        return f"“{title}” is noticed from what you do in {section}; there is nothing to tick by hand."
    if not task.runs_on(day):
        return f"“{title}” starts on {task.start}; tick a day from then on. Nothing was saved."
    return task
