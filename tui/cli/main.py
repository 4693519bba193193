"""The ``heartwork`` command: open the app on a section, or answer from the shell.

``heartwork [--db PATH] [--theme NAME] [SECTION]`` opens the full-screen app.
Subcommands such as ``where``, ``themes``, ``export`` and ``checkin`` answer
without importing textual, so they are fast.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence
from typing import NoReturn

from tui import __version__
from tui.cli.commands.common import EXIT_FAILURE, EXIT_USAGE, fail
from tui.cli.commands.utf8_streams import use_utf8_streams
from tui.sections import SECTION_NAMES

# The options ``heartwork`` alone takes to open the app on Home (see plain_app_arguments).
PLAIN_APP_OPTIONS = ("--db", "--theme")

# Shell subcommands: name -> (module with ``register(subparsers, common)``, one-line help).
# Only the command being run is imported, so each answers fast.
SHELL_COMMANDS: dict[str, tuple[str, str]] = {
    "checkin": ("tui.cli.commands.checkin", "record how you feel (SCORE 1-10) without opening the app"),
    "export": ("tui.cli.commands.export", "write a complete backup of your data"),
    "import": ("tui.cli.commands.import_data", "bring in a Heartwork backup, a Daylio CSV or a jrnl export"),
    "meditate": ("tui.cli.commands.meditate", "open a guided meditation (GUIDE), or --list the guides"),
    "passphrase": ("tui.cli.commands.passphrase", "lock your data with a passphrase, change it, or remove it"),
    "plan": ("tui.cli.commands.plan", "add the homework in a plan file from your therapist"),
    "report": ("tui.cli.commands.report", "write a report to bring to your next therapy session"),
    "restore": ("tui.cli.commands.restore", "list backups, or put the newest good one back"),
    "serve": ("tui.cli.commands.serve", "open Heartwork in a browser tab on this computer (needs heartwork[web])"),
    "sync": ("tui.cli.commands.sync_merge", "merge the conflict copies a sync tool left beside the database"),
    "themes": ("tui.cli.commands.themes_list", "list theme names"),
    "today": ("tui.cli.commands.today", "one line: today's homework done and the affirmation of the day"),
    "where": ("tui.cli.commands.where", "print where the database lives"),
}


class OneLineErrorParser(argparse.ArgumentParser):
    """An ArgumentParser whose usage errors are a single line and exit code 2."""

    def error(self, message: str) -> NoReturn:
        print(f"{self.prog}: {message} (see 'heartwork --help')", file=sys.stderr)
        raise SystemExit(EXIT_USAGE)


def _common_options() -> OneLineErrorParser:
    common = OneLineErrorParser(add_help=False)
    common.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS, help="database file (or set HEARTWORK_DB)")
    common.add_argument("--theme", metavar="NAME", default=argparse.SUPPRESS, help="theme for this run")
    return common


def requested_command(argv: Sequence[str]) -> str | None:
    """The first word of ``argv`` that is not an option or an option's value."""
    skip_next = False
    for token in argv:
        if skip_next:
            skip_next = False
        elif token in ("--db", "--theme"):
            skip_next = True
        elif not token.startswith("-"):
            return token
    return None


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The whole parser; given ``argv``, only the shell command it asks for is imported."""
    from tui.cli.section_hooks import SECTION_HELP, SECTION_OPTIONS

    wanted = requested_command(argv) if argv is not None else None
    common = _common_options()
    parser = OneLineErrorParser(
        prog="heartwork",
        description="A private, calm companion for self-compassion homework. Everything stays on this computer.",
        parents=[common],
    )
    parser.add_argument("--version", action="version", version=f"heartwork {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="SECTION or COMMAND", parser_class=OneLineErrorParser)
    for name in SECTION_NAMES:
        section_parser = subparsers.add_parser(
            name, parents=[common], help=SECTION_HELP.get(name, f"open the app on {name}")
        )
        adder = SECTION_OPTIONS.get(name)
        if adder is not None:
            adder(section_parser)
        section_parser.set_defaults(func=run_app, section=name)
    for name, (module_name, summary) in SHELL_COMMANDS.items():
        if argv is None or name == wanted:
            importlib.import_module(module_name).register(subparsers, common)
        else:
            subparsers.add_parser(name, help=summary)
    # open_app: how a shell command that ends in the app opens it (``meditate``), without importing it.
    parser.set_defaults(func=run_app, section="home", open_app=run_app)
    return parser


def plain_app_arguments(argv: Sequence[str]) -> argparse.Namespace | None:
    """What the parser makes of ``heartwork [--db PATH] [--theme NAME]``, without building it; None for anything else.

    Opening the app is the common case and the first frame waits for it (issue
    12.2): building the whole parser imports every section's options. Anything
    unusual (another word, ``--db=PATH``, a value that starts with ``-``) goes
    to the parser, which gives the same answer or the usual message.
    """
    if len(argv) % 2:
        return None
    values: dict[str, str] = {}
    for option, value in zip(argv[::2], argv[1::2], strict=True):
        if option not in PLAIN_APP_OPTIONS or value.startswith("-"):
            return None
        values[option.removeprefix("--")] = value
    return argparse.Namespace(command=None, func=run_app, section="home", open_app=run_app, **values)


def run_app(args: argparse.Namespace) -> int:
    """Open the full-screen app (imports textual only now)."""
    from tui.cli.launch import launch_app

    return launch_app(args)


def main(argv: Sequence[str] | None = None) -> int:
    use_utf8_streams()  # first, so the visible wrappers below write UTF-8
    from tui.cli.commands.visible_output import visible_standard_streams

    try:
        with visible_standard_streams():
            code = _main(argv)
            sys.stdout.flush()
            return code
    except BrokenPipeError:
        # The reader went away (``heartwork affirm list | head -3``): that is fine, not a crash.
        # Point stdout at nothing so Python's last flush at exit has nowhere to fail.
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


def _run_unlocking(args: argparse.Namespace) -> int:
    """Run the command; if it meets a file locked with a passphrase, ask for it once and run it again.

    Every command reads before it writes, so one that stopped at a locked file
    changed nothing; the key is then in memory for the second run.
    """
    from tui.store.errors import DatabaseLockedError

    try:
        return int(args.func(args))
    except DatabaseLockedError as locked:
        from tui.cli.commands.passphrase_prompt import NoPassphraseError, unlock_locked

        try:
            unlock_locked(locked)
        except NoPassphraseError as error:
            return fail(str(error), EXIT_USAGE)
        return int(args.func(args))


def _main(argv: Sequence[str] | None) -> int:
    from tui.cli.commands.visible_output import make_arguments_visible

    argv = list(sys.argv[1:] if argv is None else argv)
    plain = plain_app_arguments(argv)
    args = plain if plain is not None else build_parser(argv).parse_args(argv)
    make_arguments_visible(args)
    if plain is None:
        from tui.cli.section_hooks import SECTION_SHELL_ACTIONS

        shell_action = SECTION_SHELL_ACTIONS.get(getattr(args, "section", ""))
        if getattr(args, "func", None) is run_app and shell_action is not None and shell_action[0](args):
            args.func = shell_action[1]
    try:
        return _run_unlocking(args)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        raise  # not a crash: main() ends quietly
    except Exception as error:
        from tui.crash import CrashLogRefusedError, crash_message, crash_message_without_log, write_crash_log

        try:
            log_path = write_crash_log(error)
        except CrashLogRefusedError as refused:
            return fail(crash_message_without_log(refused), EXIT_FAILURE)
        except OSError:
            return fail("stopped because of an unexpected error.", EXIT_FAILURE)
        return fail(crash_message(log_path), EXIT_FAILURE)
