"""``heartwork themes``: list the theme names, one per line."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from tui.cli.commands.common import EXIT_OK
from tui.paths import user_themes_dir


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser("themes", parents=[common], help="list theme names")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from tui.content.themes import (
        load_theme_specs,  # imported here so other commands start fast
    )

    specs, failures = load_theme_specs(user_themes_dir())
    for spec in specs:
        print(spec.name)
    for failure in failures:
        print(f"heartwork: skipped theme file {failure.path}: {failure.reason}", file=sys.stderr)
    return EXIT_OK
