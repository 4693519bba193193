"""``heartwork import FILE [--dry-run] [--yes] [--map NAME=SCORE ...]``: bring data in, exactly.

The file is recognised by its content (:mod:`tui.core.import_formats`): a
Heartwork JSON backup, a Daylio CSV export or a jrnl JSON export. Everything
is checked before the database is opened: a file that cannot be read, or one
malformed row, refuses the whole file (exit 2, the database untouched). Then
what would change is shown (counts per kind, date range) and, unless
``--yes``, the person is asked. The import is one atomic save after a backup
(:mod:`tui.store.importer`). No textual import.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tui.cli.commands.common import EXIT_OK, EXIT_USAGE, fail, fail_store, open_store, warn_if_backups_refused
from tui.core.backup_contents import describe_counts
from tui.core.checkin import SCORE_MAX, SCORE_MIN
from tui.core.import_formats import recognise
from tui.core.import_plan import ImportPlan, ImportRefused
from tui.store.errors import StoreError

if TYPE_CHECKING:
    from tui.store.importer import ImportOutcome


def mood_mapping(value: str) -> tuple[str, int]:
    """argparse type: ``NAME=SCORE`` with a score from 1 to 10."""
    name, separator, score = value.rpartition("=")
    if not separator or not name.strip() or not score.strip().isdigit():
        raise argparse.ArgumentTypeError(f"{value!r}: write it as NAME=SCORE, for example sleepy=4")
    if not SCORE_MIN <= int(score) <= SCORE_MAX:
        raise argparse.ArgumentTypeError(f"{value!r}: the score is a whole number from {SCORE_MIN} to {SCORE_MAX}")
    return name.strip().lower(), int(score)


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "import",
        parents=[common],
        help="bring in a Heartwork backup, a Daylio CSV or a jrnl JSON export",
        description="Import a Heartwork JSON backup, a Daylio CSV export or a jrnl JSON export (recognised by content).",
    )
    parser.add_argument("import_file", metavar="FILE", help="the file to import")
    parser.add_argument(
        "--dry-run", action="store_true", dest="import_dry_run", help="show what would change; write nothing"
    )
    parser.add_argument("--yes", action="store_true", dest="import_yes", help="do not ask for confirmation")
    parser.add_argument(
        "--map",
        type=mood_mapping,
        action="append",
        default=[],
        dest="import_map",
        metavar="NAME=SCORE",
        help="score (1-10) for a custom Daylio mood; repeat for each",
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from tui.content.import_source import ImportSourceError, read_import_text
    from tui.store.importer import apply_import, check_plan, decide
    from tui.store.migrations import CURRENT_VERSION

    source = Path(args.import_file).expanduser().absolute()
    try:
        text = read_import_text(source)
        plan = recognise(text, newest_schema=CURRENT_VERSION, custom_moods=dict(args.import_map))
        check_plan(plan)
    except (ImportSourceError, ImportRefused) as problem:
        return fail(f"{_without_path(str(problem), source)}", EXIT_USAGE)
    del text
    print(describe_plan(plan, source))
    if not plan.counts():
        return EXIT_OK
    try:
        preview = open_store(args, read_only=True)
    except StoreError as error:
        return fail_store(error, "the import")
    try:
        _, outcome = decide(preview.database, plan)
    finally:
        preview.close()
    print(_what_changes(outcome, would=outcome.changes_anything))
    if args.import_dry_run or not (outcome.added or outcome.updated):
        if args.import_dry_run:
            print("Dry run: nothing was written.")
        return EXIT_OK
    if not args.import_yes:
        if not sys.stdin.isatty():
            return fail("import changes the database; add --yes to confirm when not in a terminal", EXIT_USAGE)
        if not _confirm():
            print("Nothing was changed.")
            return EXIT_OK
    try:
        store = open_store(args)
    except StoreError as error:
        return fail_store(error, "the import")
    try:
        outcome = apply_import(store.database, plan)
        warn_if_backups_refused(store)
    except StoreError as error:
        return fail_store(error, "the import")
    finally:
        store.close()
    print(_what_changes(outcome, would=False))
    if outcome.backup is not None:
        print(f"A backup from just before is in {outcome.backup}.")
    return EXIT_OK


def describe_plan(plan: ImportPlan, source: Path) -> str:
    """``This Daylio export holds 3 check-ins, from 2024-01-02 to 2024-03-01.``"""
    counts = plan.counts()
    if not counts:
        return f"This {plan.source} ({source.name}) holds nothing to import."
    text = f"This {plan.source} ({source.name}) holds {describe_counts(counts)}"
    span = plan.date_range()
    if span is not None:
        text += f", from {span[0]} to {span[1]}" if span[0] != span[1] else f", all on {span[0]}"
    return text + "."


def _what_changes(outcome: ImportOutcome, *, would: bool) -> str:
    added, updated, here, kept = outcome.added, outcome.updated, outcome.already_here, outcome.kept_local
    parts = []
    if added:
        parts.append(f"{'would add' if would else 'added'} {describe_counts(added)}")
    if updated:
        parts.append(
            f"{'would update' if would else 'updated'} {describe_counts(updated)} (the backup's copy is newer)"
        )
    if kept:
        parts.append(f"{'would keep' if would else 'kept'} your own newer or different copy of {describe_counts(kept)}")
    if outcome.left_deleted:
        parts.append(
            f"{'would leave' if would else 'left'} out {describe_counts(outcome.left_deleted)} you deleted here"
        )
    if here:
        parts.append(f"{describe_counts(here)} {'are' if sum(here.values()) != 1 else 'is'} already here")
    if not added and not updated:
        parts.insert(0, "nothing new to add")
    sentence = "; ".join(parts)
    if would and (added or updated):
        return f"Importing {sentence}."
    return sentence[0].upper() + sentence[1:] + "."


def _without_path(message: str, source: Path) -> str:
    return message if str(source) in message else f"{source.name}: {message}"


def _confirm() -> bool:
    try:
        answer = input("Import now? A backup is taken first. [y/N] ")
    except EOFError:
        return False
    return answer.strip().lower() in ("y", "yes")
