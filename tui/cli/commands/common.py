"""Helpers shared by shell subcommands: opening the store, printing errors."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from tui.paths import database_location

if TYPE_CHECKING:
    from tui.store.errors import StoreError
    from tui.store.store import Store

EXIT_OK = 0
EXIT_FAILURE = 1
EXIT_USAGE = 2


def database_path(args: argparse.Namespace) -> Path:
    return database_location(getattr(args, "db", None)).path


def open_store(args: argparse.Namespace, *, read_only: bool = False, say_merged: bool = True) -> Store:
    """Open the database named by --db / HEARTWORK_DB / the default.

    With ``read_only`` nothing on disk is written, chmodded or migrated.
    Otherwise conflict copies a sync tool left beside the database are merged
    (one line on stderr says what, unless ``say_merged`` is off). If
    Heartwork's own folder is not safe to use, the command ends here with a
    plain message and exit code 2 (nothing was read or written).
    """
    from tui.cli.commands.passphrase_prompt import NoPassphraseError, unlock_locked
    from tui.store.errors import DatabaseLockedError, UnsafeFolderError

    location = database_location(getattr(args, "db", None))
    try:
        try:
            return _open(location.path, location.own_folder, read_only, say_merged)
        except DatabaseLockedError as locked:
            unlock_locked(locked)  # asks once, then the key is in memory for this command
            return _open(location.path, location.own_folder, read_only, say_merged)
    except NoPassphraseError as error:
        raise SystemExit(fail(str(error), EXIT_USAGE)) from None
    except UnsafeFolderError as error:
        raise SystemExit(fail(str(error), EXIT_USAGE)) from None


def _open(path: Path, own_folder: bool, read_only: bool, say_merged: bool) -> Store:
    from tui.store.store import Store

    if read_only:
        return Store.open_read_only(path, own_folder=own_folder)
    store = Store.open(path, own_folder=own_folder)
    if say_merged and store.opening_conflicts is not None and store.opening_conflicts.anything:
        print(f"heartwork: {store.opening_conflicts.describe()}", file=sys.stderr)
    return store


def fail(message: str, code: int = EXIT_FAILURE) -> int:
    """Print a one-line message to stderr and return ``code``."""
    print(f"heartwork: {message}", file=sys.stderr)
    return code


def fail_store(error: StoreError, what: str = "your change") -> int:
    """Print why the store refused, truly for a command that ends now, and return EXIT_FAILURE.

    A damaged or unknown encryption header returns EXIT_USAGE (2), as a wrong passphrase does.

    The app keeps a change that could not be saved in memory for a retry; a
    shell command exits, so the change is gone: say that it was not saved and
    what to do before running the command again.
    """
    from tui.store.errors import EncryptionHeaderError, StoreWriteError, write_problem_advice

    if isinstance(error, EncryptionHeaderError):  # the data is there but cannot be unlocked by this Heartwork
        return fail(f"{what} could not go ahead. {error}", EXIT_USAGE)

    if isinstance(error, StoreWriteError):
        return fail(
            f"{what} was not saved: could not write to {error.path}: {error.reason}. "
            f"The file on disk is unchanged. {write_problem_advice(error.cause)}, then run the command again.",
            EXIT_FAILURE,
        )
    return fail(str(error), EXIT_FAILURE)


def warn_if_backups_refused(store: Store) -> None:
    """After a save: say so if no backup could be made because ``backups/`` is a link."""
    backups = store.database.backups
    if backups is not None and backups.refused is not None:
        print(f"heartwork: saved, but no backup was made: {backups.refused}", file=sys.stderr)


def warn_if_backups_will_be_refused(database: Path) -> None:
    """After a quick capture (no save, so no backup yet): say so if ``backups/`` is a link.

    The same warning a save gives (:func:`warn_if_backups_refused`), from one ``lstat``.
    """
    from tui.store.backups import BackupRotator
    from tui.store.errors import BackupRefusedError

    try:
        BackupRotator(database).check_folder()
    except BackupRefusedError as refused:
        print(f"heartwork: saved, but no backup was made: {refused}", file=sys.stderr)
