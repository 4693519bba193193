"""``heartwork today``: one line for a shell prompt: today's homework done, and the affirmation of the day.

The quick path (:mod:`tui.cli.commands.today_fast`) answers before argparse
and the store load; this is the full, always-correct answer it steps aside to.
"""

from __future__ import annotations

import argparse
from typing import Any

from tui.cli.commands.common import EXIT_OK, fail_store, open_store
from tui.cli.commands.today_fast import today_line


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "today", parents=[common], help="one line: today's homework done and the affirmation of the day"
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from datetime import datetime

    from tui.core.affirmations import affirmation_of_the_day
    from tui.store.affirmation_library import affirmation_library
    from tui.store.errors import StoreError
    from tui.store.homework_queries import homework_today

    try:
        store = open_store(args, read_only=True)
    except StoreError as error:
        return fail_store(error, "today's homework")
    try:
        now = datetime.now().astimezone()
        summary = homework_today(store, now, store.settings.load().week_start)
        chosen = affirmation_of_the_day(affirmation_library(store), now.date())
    finally:
        store.close()
    print(today_line(summary.done, summary.total, chosen.text if chosen is not None else ""))
    return EXIT_OK
