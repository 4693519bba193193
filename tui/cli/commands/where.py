"""``heartwork where``: print the database path."""

from __future__ import annotations

import argparse
from typing import Any

from tui.cli.commands.common import EXIT_OK, database_path


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser("where", parents=[common], help="print where the database lives")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    print(database_path(args))
    return EXIT_OK
