"""``heartwork affirm add TEXT [--tag TAG]``, ``affirm list [--mine] [--tag TAG]``, ``affirm today``.

Shell actions of the ``affirm`` section (``heartwork affirm`` alone opens the
app there), in the way ``journal add`` is one of the journal's. Never imports
textual. ``today`` is quick enough for a shell start-up file: it opens the
database read-only and imports only what the day's choice needs.
"""

from __future__ import annotations

import argparse
import sys

from tui.cli.commands.affirm_saved_line import saved_affirmation_line
from tui.cli.commands.common import (
    EXIT_OK,
    EXIT_USAGE,
    fail,
    fail_store,
    open_store,
    warn_if_backups_will_be_refused,
)
from tui.cli.commands.utf8_streams import shell_text

ACTIONS = ("add", "list", "today")


def add_affirm_options(parser: argparse.ArgumentParser) -> None:
    """The affirm section's optional shell actions."""
    parser.add_argument(
        "affirm_action", nargs="?", choices=ACTIONS, metavar="add|list|today", help="answer from the shell"
    )
    parser.add_argument(
        "affirm_text", nargs="?", type=shell_text, metavar="TEXT", help="the words, for add ('-': read standard input)"
    )
    parser.add_argument("--tag", dest="affirm_tag", type=shell_text, metavar="TAG", default=None, help="a tag")
    parser.add_argument("--mine", dest="affirm_mine", action="store_true", help="list only your own")


def wants_shell_action(args: argparse.Namespace) -> bool:
    return getattr(args, "affirm_action", None) in ACTIONS


def run(args: argparse.Namespace) -> int:
    action = args.affirm_action
    if action != "add" and args.affirm_text is not None:
        return fail(f"'affirm {action}' takes no text; to add one: heartwork affirm add TEXT", EXIT_USAGE)
    if action == "add":
        return run_add(args)
    if action == "list":
        return run_list(args)
    return run_today(args)


def run_add(args: argparse.Namespace) -> int:
    """Check the words and tag, save, and print one confirming line."""
    from tui.core.affirmations import clean_affirmation_text, tag_problem

    text = args.affirm_text
    if text is None or text == "-":
        text = sys.stdin.read()
    tag = (args.affirm_tag or "").strip()
    problem = tag_problem(tag)
    if problem is not None:
        return fail(f"{problem} Nothing was saved.", EXIT_USAGE)
    try:
        cleaned = clean_affirmation_text(text)
    except ValueError as error:
        return fail(f"{error} Nothing was saved.", EXIT_USAGE)
    from tui.store.errors import StoreError, UnsafeFolderError

    try:
        save_own_affirmation(args, cleaned, tag)
    except UnsafeFolderError as error:
        return fail(str(error), EXIT_USAGE)
    except StoreError as error:
        return fail_store(error, "your affirmation")
    print(saved_affirmation_line(cleaned, tag))
    return EXIT_OK


def save_own_affirmation(args: argparse.Namespace, text: str, tag: str) -> None:
    """The one place ``affirm add`` writes: quick capture through the inbox, never loading the database."""
    from datetime import datetime

    from tui.core.affirmations import Affirmation
    from tui.core.timefmt import to_text
    from tui.paths import database_location
    from tui.store.affirmation_repository import AffirmationRepository

    location = database_location(getattr(args, "db", None))
    mine = Affirmation(text=text, tag=tag, created_at=to_text(datetime.now().astimezone()), source="own")
    AffirmationRepository.add_to_inbox(location.path, mine, own_folder=location.own_folder)
    warn_if_backups_will_be_refused(location.path)


def run_list(args: argparse.Namespace) -> int:
    """One affirmation a line: tag and where it came from, then the words (hidden ones left out)."""
    from tui.core.affirmations import MINE, TAGS, apply_filter, source_label, tag_problem
    from tui.store.affirmation_library import affirmation_library
    from tui.store.errors import StoreError

    try:
        store = open_store(args, read_only=True)
    except StoreError as error:
        return fail_store(error, "the list")
    try:
        library = affirmation_library(store)
    finally:
        store.close()
    tag = (args.affirm_tag or "").strip()
    problem = tag_problem(tag, list(dict.fromkeys([*TAGS, *(a.tag for a in library if a.tag)])))
    if problem is not None:
        return fail(problem, EXIT_USAGE)
    shown = apply_filter(library, MINE if args.affirm_mine else "all")
    if tag:
        shown = [a for a in shown if a.tag == tag]
    if not shown:
        print("Nothing of your own yet. Add one: heartwork affirm add TEXT" if args.affirm_mine else "None to show.")
        return EXIT_OK
    for affirmation in shown:
        star = "★ " if affirmation.favourite else ""
        print(f"{star}[{affirmation.tag or 'no tag'} · {source_label(affirmation)}] {affirmation.text}")
    return EXIT_OK


def run_today(args: argparse.Namespace) -> int:
    """Print the affirmation of the day (the same one Home shows)."""
    from datetime import date

    from tui.core.affirmations import affirmation_of_the_day
    from tui.store.affirmation_library import affirmation_library
    from tui.store.errors import StoreError

    try:
        store = open_store(args, read_only=True)
    except StoreError as error:
        return fail_store(error, "today's affirmation")
    try:
        chosen = affirmation_of_the_day(affirmation_library(store), date.today())
    finally:
        store.close()
    print(chosen.text if chosen is not None else "Every affirmation is hidden; unhide one in the app (a, then t).")
    return EXIT_OK
