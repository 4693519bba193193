"""``heartwork checkin SCORE``: note how you feel from the shell, without opening the app.

Every value is checked before the database is opened, so a bad value prints
one line, exits with code 2 and writes nothing. Imports stay light (no textual,
no pyfiglet): this command should feel instant.
"""

from __future__ import annotations

import argparse
from datetime import datetime
from pathlib import Path
from typing import Any

from tui.cli.commands.checkin_confirmation import confirmation_line
from tui.cli.commands.common import EXIT_OK, EXIT_USAGE, fail, fail_store, warn_if_backups_will_be_refused
from tui.cli.commands.utf8_streams import shell_text
from tui.core.checkin import DATE_TIME_HINT, Checkin, CheckinError, check_score, make_checkin, parse_moment
from tui.paths import database_location


def _score(text: str) -> int:
    try:
        value = check_score(text, "pleasantness")
    except CheckinError as error:
        raise argparse.ArgumentTypeError(error.message) from None
    assert value is not None
    return value


def _energy(text: str) -> int:
    try:
        value = check_score(text, "energy")
    except CheckinError as error:
        raise argparse.ArgumentTypeError(error.message) from None
    assert value is not None
    return value


def _moment(text: str) -> datetime:
    try:
        return parse_moment(text, datetime.now().astimezone())
    except CheckinError as error:
        raise argparse.ArgumentTypeError(error.message) from None


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "checkin",
        parents=[common],
        help="note how you feel right now, from 1 (really rough) to 10 (wonderful)",
        description="Save a mood check-in without opening the app.",
    )
    parser.add_argument("score", type=_score, metavar="SCORE", help="how pleasant you feel, 1 to 10")
    parser.add_argument("--energy", type=_energy, metavar="N", help="your energy, 1 to 10")
    parser.add_argument(
        "--emotion", action="append", type=shell_text, default=[], metavar="WORD", help="a feeling word (repeatable)"
    )
    parser.add_argument(
        "--tag", action="append", type=shell_text, default=[], metavar="TAG", help="an event or trigger (repeatable)"
    )
    parser.add_argument("--note", type=shell_text, default="", metavar="TEXT", help="a short note")
    parser.add_argument("--at", type=_moment, metavar=f'"{DATE_TIME_HINT}"', help="when, if not now (back-dating)")
    parser.set_defaults(func=run)


def _split(values: list[str]) -> list[str]:
    return [part for value in values for part in value.split(",")]


def run(args: argparse.Namespace) -> int:
    now = datetime.now().astimezone()
    try:
        checkin = make_checkin(
            pleasantness=args.score,
            now=now,
            at=args.at,
            energy=args.energy,
            emotions=_split(args.emotion),
            tags=_split(args.tag),
            note=args.note,
        )
    except CheckinError as error:
        return fail(error.message, EXIT_USAGE)
    from tui.store.checkin_repository import CheckinRepository
    from tui.store.errors import StoreError, UnsafeFolderError

    location = database_location(getattr(args, "db", None))
    try:
        # Quick capture: appended to the inbox beside the database, never loading it.
        CheckinRepository.add_to_inbox(location.path, checkin, own_folder=location.own_folder)
    except UnsafeFolderError as error:
        return fail(str(error), EXIT_USAGE)
    except StoreError as error:
        return fail_store(error, "your check-in")
    warn_if_backups_will_be_refused(location.path)
    care = _care_line(location.path, checkin, now)
    print(confirmation(checkin))
    if care:
        print(care)
    return EXIT_OK


def _care_line(database: Path, checkin: Checkin, now: datetime) -> str:
    """The gentle support line after a check-in of 1 or 2, once a day; "" otherwise.

    The day it was shown is saved in the settings, shared with the app. Only a
    low score looks at the settings, and then only the settings table is read
    (:meth:`SettingsRepository.peek`; the whole file only if that cannot be
    done), and the day is remembered through the inbox. A failure to remember
    it costs nothing but perhaps one more kind line.
    """
    from tui.core.care import care_due

    if not care_due(checkin.pleasantness, now.date(), ""):
        return ""  # a score that never gets the line: no need to read anything
    from tui.store.errors import StoreError
    from tui.store.settings_repository import SettingsRepository

    settings = SettingsRepository.peek(database)
    try:
        if settings is None:
            from tui.store.store import Store

            store = Store.open_read_only(database)
            try:
                settings = store.settings.load()
            finally:
                store.close()
    except StoreError:
        return ""
    if not care_due(checkin.pleasantness, now.date(), settings.care_shown_on):
        return ""
    try:
        SettingsRepository.add_to_inbox(database, settings.with_changes(care_shown_on=now.date().isoformat()))
    except StoreError:
        pass
    from tui import content

    return str(content.load_json("care")["shell"])


def confirmation(checkin: Checkin) -> str:
    """One line saying what was saved."""
    return confirmation_line(
        at=checkin.at,
        pleasantness=checkin.pleasantness,
        energy=checkin.energy,
        emotions=checkin.emotions,
        tags=checkin.tags,
        note=checkin.note,
    )
