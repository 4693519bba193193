"""``heartwork restore``: list backups, or put the newest good one (or a chosen file) back.

The current database is never lost: before a backup is written into place the
current file is kept beside it, byte-for-byte (``<name>.unreadable-...`` when it
does not parse, ``<name>.before-restore-...`` when it does), and a backup of it
is taken in ``backups/``. On a terminal the person is asked first; without one,
``--yes`` is required. A file that would lose records the current database
holds (say, an older backup) is refused unless ``--force`` is given, naming
how many of what would be lost.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from tui.cli.commands.common import EXIT_OK, EXIT_USAGE, database_path, fail, fail_store
from tui.core.backup_contents import describe_counts
from tui.store.errors import BackupRefusedError, CorruptDatabaseError, DatabaseTooNewError, StoreError
from tui.store.restore import (
    BackupInfo,
    current_file_state,
    is_in_backups_folder,
    list_backups,
    newest_good_backup,
    read_restorable,
    records_lost_by_restoring,
    restore_backup,
)


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "restore",
        parents=[common],
        help="put the newest good backup back (or list backups)",
        description="Restore the database from a backup. The current file is kept beside it, unchanged.",
    )
    parser.add_argument("--list", action="store_true", dest="restore_list", help="list backups, newest first")
    parser.add_argument(
        "--from", metavar="FILE", dest="restore_from", help="restore this file instead of the newest backup"
    )
    parser.add_argument("--yes", action="store_true", dest="restore_yes", help="do not ask for confirmation")
    parser.add_argument(
        "--force",
        action="store_true",
        dest="restore_force",
        help="restore even if the file holds fewer records than the current database",
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    database = database_path(args)
    if args.restore_list:
        return _print_list(database)
    if args.restore_from:
        source = Path(args.restore_from).expanduser().absolute()
        if not source.is_file():
            return fail(f"there is no file {source}", EXIT_USAGE)
        description = str(source)
    else:
        try:
            list_backups(database)  # a linked backups folder is named, not just "no backup"
        except BackupRefusedError as error:
            return fail(str(error))
        newest = newest_good_backup(database)
        if newest is None:
            return fail(f"no readable backup of {database} was found (they live in {database.parent / 'backups'})")
        source = newest.path
        description = f"the backup saved {_when(newest)} ({source})"
    try:
        _, data = read_restorable(source, from_backups=is_in_backups_folder(database, source))
    except CorruptDatabaseError as error:
        return fail(f"{source} is not a readable Heartwork database: {error.reason}; nothing was changed")
    except (DatabaseTooNewError, BackupRefusedError) as error:
        return fail(f"{error} Nothing was restored.")
    lost = records_lost_by_restoring(database, data)
    if lost and not args.restore_force:
        return fail(
            f"{source} does not hold everything the current database does: restoring it would lose "
            f"{describe_counts(lost)}. Nothing was changed; add --force to restore it anyway "
            "(the current file is kept beside it)."
        )
    state = current_file_state(database)
    if not args.restore_yes:
        if not sys.stdin.isatty():
            return fail("restore replaces the database; add --yes to confirm when not in a terminal", EXIT_USAGE)
        if not _confirm(database, description, state):
            print("Nothing was changed.")
            return EXIT_OK
    try:
        result = restore_backup(database, source)
    except CorruptDatabaseError as error:
        return fail(f"{source} is not a readable Heartwork database: {error.reason}; nothing was changed")
    except StoreError as error:
        return fail_store(error, "the restore")
    print(f"Restored {database} from {result.restored_from}.")
    if result.kept_as is not None:
        print(f"The previous file was kept, unchanged, as {result.kept_as}.")
    return EXIT_OK


def _print_list(database: Path) -> int:
    try:
        backups = list_backups(database)
    except BackupRefusedError as error:
        return fail(str(error))
    if not backups:
        print(f"No backups of {database} yet (they are made in {database.parent / 'backups'} as you save).")
        return EXIT_OK
    print(f"Backups of {database}, newest first:")
    for backup in backups:
        print(f"  {_when(backup)}  {_size(backup.size):>9}  {backup.path}  - {_holds(backup)}")
    return EXIT_OK


def _holds(backup: BackupInfo) -> str:
    """What one backup holds, in words: counts per kind, the newest day, why it was taken."""
    if not backup.readable:
        return f"cannot be used: {backup.problem or 'it does not parse'}"
    text = describe_counts(backup.counts)
    if backup.newest_day:
        text += f"; newest from {backup.newest_day}"
    if backup.reason:
        text += f"; taken just before a {backup.reason}"
    return text


def _confirm(database: Path, description: str, state: str) -> bool:
    kept = {
        "missing": "There is no current file.",
        "readable": "The current file will be kept beside it as a .before-restore copy.",
        "unreadable": "The current file cannot be read; it will be kept beside it as an .unreadable copy.",
    }[state]
    print(f"Restore {database} from {description}?")
    print(kept)
    try:
        answer = input("Restore now? [y/N] ")
    except EOFError:
        return False
    return answer.strip().lower() in ("y", "yes")


def _when(backup: BackupInfo) -> str:
    return backup.saved_at.strftime("%Y-%m-%d %H:%M:%S")


def _size(size: int) -> str:
    if size < 1024:
        return f"{size} B"
    if size < 1024 * 1024:
        return f"{size / 1024:.1f} KiB"
    return f"{size / (1024 * 1024):.1f} MiB"
