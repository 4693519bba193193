"""``heartwork journal add [TEXT] [--title T] [--tag TAG]...``: save an entry from the shell.

Reads standard input when TEXT is "-" or missing. Never imports textual.
The arguments are added to the ``journal`` section's parser (see tui/cli.py),
because ``heartwork journal`` alone opens the app on the journal.
"""

from __future__ import annotations

import argparse
import sys
from datetime import datetime

from tui.cli.commands.common import EXIT_OK, EXIT_USAGE, fail, fail_store, warn_if_backups_will_be_refused
from tui.cli.commands.utf8_streams import shell_text
from tui.paths import database_location

ACTIONS = ("add",)


def add_journal_options(parser: argparse.ArgumentParser) -> None:
    """The journal section's optional shell action: ``heartwork journal add ...``."""
    parser.add_argument("journal_action", nargs="?", choices=ACTIONS, metavar="add", help="add an entry from the shell")
    parser.add_argument(
        "journal_text",
        nargs="?",
        type=shell_text,
        metavar="TEXT",
        help="the entry text ('-' or none: read standard input)",
    )
    parser.add_argument(
        "--title", dest="journal_title", type=shell_text, metavar="T", default=None, help="a title for the entry"
    )
    parser.add_argument(
        "--tag",
        dest="journal_tags",
        metavar="TAG",
        action="append",
        type=shell_text,
        default=None,
        help="a tag (repeat for more)",
    )


def wants_shell_action(args: argparse.Namespace) -> bool:
    return getattr(args, "journal_action", None) == "add"


def run(args: argparse.Namespace) -> int:
    """Save the entry and print one confirming line."""
    from tui.cli.commands.journal_add_rules import entry_problem, saved_line
    from tui.core.journal import JournalEntry, normalize_tags
    from tui.store.errors import StoreError, UnsafeFolderError
    from tui.store.journal_repository import JournalRepository

    text = args.journal_text
    if text is None or text == "-":
        text = sys.stdin.read()
    title = (args.journal_title or "").strip()
    tags = normalize_tags(args.journal_tags or [])
    problem = entry_problem(text, title, tags)
    if problem is not None:
        return fail(problem, EXIT_USAGE)
    entry = JournalEntry.new(datetime.now().astimezone(), body=text, title=title, tags=tags)
    location = database_location(getattr(args, "db", None))
    try:
        # Quick capture: appended to the inbox beside the database, never loading it.
        JournalRepository.add_to_inbox(location.path, entry, own_folder=location.own_folder)
    except UnsafeFolderError as error:
        return fail(str(error), EXIT_USAGE)
    except StoreError as error:
        return fail_store(error, "your journal entry")
    warn_if_backups_will_be_refused(location.path)
    print(saved_line(entry.entry_date, text, tags))
    return EXIT_OK
