"""``heartwork sync``: merge the conflict copies a sync tool left beside the database, now.

The app does this by itself when it starts and every few seconds while it
runs, and so does every shell command that saves; this command is for a
computer where the app is not open (or a script). It prints one line.
"""

from __future__ import annotations

import argparse
from typing import Any

from tui.cli.commands.common import EXIT_OK, database_path, fail_store, open_store


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "sync", parents=[common], help="merge the conflict copies a sync tool left beside the database"
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from tui.store.errors import StoreError

    if not database_path(args).exists():  # nothing to merge into; never create a database just to look
        print(f"Nothing to merge: there is no database at {database_path(args)} yet.")
        return EXIT_OK
    try:
        store = open_store(args, say_merged=False)
    except StoreError as error:
        return fail_store(error, "the merge")
    try:
        report = store.opening_conflicts
        if report is None:  # the database was busy when it opened: try once more now
            report = store.merge_conflict_copies()
    except StoreError as error:
        return fail_store(error, "the merge")
    finally:
        store.close()
    print(report.describe() if report.anything else "Nothing to merge: no conflict copies beside your database.")
    return EXIT_OK
