"""``heartwork meditate [GUIDE] [--list]``: open the app straight into a guided meditation.

``--list`` prints each guide's id, length and title. An unknown GUIDE lists the
known ones and exits 2, before the app starts. A broken guide file in the config
folder is named (file, line, problem) on standard error and skipped. The app
itself is opened through ``args.open_app`` (set by ``tui.cli.main``), so this
module never imports textual.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from tui.cli.commands.common import EXIT_OK, EXIT_USAGE, fail
from tui.cli.commands.utf8_streams import shell_text
from tui.paths import user_guides_dir


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "meditate", parents=[common], help="open a guided meditation (GUIDE), or --list the guides"
    )
    parser.add_argument(
        "guide", nargs="?", type=shell_text, metavar="GUIDE", default=None, help="a guide's id or title"
    )
    parser.add_argument("--list", action="store_true", dest="list_guides", help="print the guides and their lengths")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from tui.content.guides import load_guides  # imported here so other commands start fast
    from tui.core.meditation import find_guide

    guides, problems = load_guides(user_guides_dir())
    for problem in problems:
        print(f"heartwork: skipped guide {problem}", file=sys.stderr)
    if args.list_guides:
        width = max(len(each.id) for each in guides)
        for each in guides:
            print(f"{each.id:<{width}}  {each.minutes_text:>6}  {each.title}")
        return EXIT_OK
    name = args.guide
    guide = find_guide(name, guides) if name else None
    if name and guide is None:
        known = ", ".join(g.id for g in guides)
        return fail(f"unknown guide {name!r}; known guides: {known}", EXIT_USAGE)
    args.section = "breathe"
    args.breathe_guide = guide.id if guide is not None else ""
    return int(args.open_app(args))
