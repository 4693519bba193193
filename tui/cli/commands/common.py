"""Helpers shared by shell subcommands: opening the store, printing errors."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from tui.paths import database_location

if TYPE_CHECKING:
    from tui.store.store import Store

EXIT_OK = 0
EXIT_FAILURE = 1
EXIT_USAGE = 2


def database_path(args: argparse.Namespace) -> Path:
    return database_location(getattr(args, "db", None)).path


def open_store(args: argparse.Namespace) -> Store:
    """Open the database named by --db / HEARTWORK_DB / the default."""
    from tui.store.store import Store

    location = database_location(getattr(args, "db", None))
    return Store.open(location.path, own_folder=location.own_folder)


def fail(message: str, code: int = EXIT_FAILURE) -> int:
    """Print a one-line message to stderr and return ``code``."""
    print(f"heartwork: {message}", file=sys.stderr)
    return code

