"""``heartwork passphrase set|change|remove``: lock the data with a passphrase, change it, or stop.

Passphrases are read from the terminal (or the files named by
``HEARTWORK_PASSPHRASE_FILE`` / ``HEARTWORK_NEW_PASSPHRASE_FILE``), never
from the command line. Setting one prints the recovery code once.
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path
from typing import Any

from tui.cli.commands.common import EXIT_FAILURE, EXIT_OK, EXIT_USAGE, fail, fail_store, open_store
from tui.cli.commands.passphrase_prompt import (
    NEW_PASSPHRASE_FILE_VARIABLE,
    PASSPHRASE_FILE_VARIABLE,
    NoPassphraseError,
    read_secret,
)
from tui.core.passphrase_rules import MIN_PASSPHRASE_LENGTH
from tui.paths import database_location

ACTIONS = ("set", "change", "remove")


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "passphrase", parents=[common], help="lock your data with a passphrase, change it, or remove it"
    )
    parser.add_argument("action", choices=ACTIONS, help="set, change or remove the passphrase")
    parser.set_defaults(func=run)


def _new_passphrase(variable: str) -> str:
    first = read_secret("New passphrase: ", variable)
    if not os.environ.get(variable) and read_secret("The same passphrase again: ", variable) != first:
        raise NoPassphraseError("the two passphrases were not the same; nothing was changed")
    if not first:
        raise NoPassphraseError("an empty passphrase would not protect anything; nothing was changed")
    if len(first) < MIN_PASSPHRASE_LENGTH:
        raise NoPassphraseError(
            f"please use at least {MIN_PASSPHRASE_LENGTH} characters (a few ordinary words with spaces work well);"
            " nothing was changed"
        )
    return first


def run(args: argparse.Namespace) -> int:
    from tui.store.errors import StoreError
    from tui.store.passphrase import (
        BackupsNotRewrittenError,
        change_passphrase,
        is_locked_with_passphrase,
        remove_passphrase,
        set_passphrase,
    )

    if _app_open_on(database_location(getattr(args, "db", None)).path):
        return fail(
            "Heartwork is open on this data in another window. Close it first (or use Settings there), "
            "then run this again. Nothing was changed.",
            EXIT_USAGE,
        )
    try:
        store = open_store(args)
        try:
            locked = is_locked_with_passphrase(store.database)
            if args.action == "set":
                if locked:
                    return fail("your data is already locked; use `heartwork passphrase change`", EXIT_USAGE)
                try:
                    code = set_passphrase(store.database, _new_passphrase(PASSPHRASE_FILE_VARIABLE))
                except BackupsNotRewrittenError as error:
                    print("Your data is now locked with your passphrase.")
                    _print_recovery_code(error.recovery_code or "")
                    return fail(
                        f"an older backup could not be locked yet ({error.strerror or error}) and can still be "
                        "read without the passphrase; it is locked the next time Heartwork opens your data",
                        EXIT_FAILURE,
                    )
                print("Your data is now locked with your passphrase, and so are its backups.")
                _print_recovery_code(code)
            elif not locked:
                return fail("your data is not locked with a passphrase", EXIT_USAGE)
            elif args.action == "change":
                change_passphrase(store.database, _new_passphrase(NEW_PASSPHRASE_FILE_VARIABLE))
                print("Your passphrase is changed. Your recovery code still works.")
            else:
                remove_passphrase(store.database)
                print("Your data is no longer locked with a passphrase.")
        finally:
            store.close()
    except NoPassphraseError as error:
        return fail(str(error), EXIT_USAGE)
    except StoreError as error:
        return fail_store(error, "the passphrase change")
    except OSError as error:
        return fail(f"could not rewrite the backups: {error}", EXIT_FAILURE)
    return EXIT_OK


def _print_recovery_code(code: str) -> None:
    print(f"Recovery code (shown only this once): {code}")
    print(
        "Keep it somewhere safe, away from this computer. Without the passphrase or this code, "
        "nobody can recover your data, not even Heartwork."
    )


def _app_open_on(database: Path) -> bool:
    """True if an app holds ``database`` open now: its unsaved work would be written under the old passphrase.

    (The app adopts a new header on its next read in any case; asking to close it
    first keeps what it shows and what is on disk the same.)
    """
    from tui.store.instance import InstanceMarker

    marker = InstanceMarker(database)
    try:
        return marker.acquire() and marker.another_app_still_open()
    finally:
        marker.release()
