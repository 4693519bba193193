"""``heartwork export --format json|csv [--from DATE] [--to DATE] [--out FILE] [--force]``.

json is a complete, versioned backup of every table present (see the README's
"The JSON export" and :mod:`tui.core.portable_export`)::

    {"format": "heartwork-export", "version": 1, "exported_at": "...",
     "schema_version": 2, "tables": {"checkins": [{"id": "...", ...}, ...], ...}}

csv is the mood check-ins, one row each, with a header. Records keep their
stable string ``id``; TinyDB's internal document numbers are dropped. It goes
to standard output when that is not a terminal, or to a new private file
(0600, written atomically); an existing file is only replaced with ``--force``.
No textual import: this answers fast from the shell.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path
from typing import Any

from tui.cli.commands.common import EXIT_FAILURE, EXIT_OK, EXIT_USAGE, fail, fail_store, open_store
from tui.core.dates import DateProblem, parse_user_date
from tui.core.portable_export import EXPORT_FORMAT, EXPORT_VERSION
from tui.store.errors import StoreError, describe_write_problem
from tui.store.export_data import FORMATS, encode_export, export_bytes, write_export
from tui.store.export_data import export_document as build_export

__all__ = ["EXPORT_FORMAT", "EXPORT_VERSION", "FORMATS", "build_export", "encode_export", "register", "run"]


def export_format(value: str) -> str:
    """argparse type: a known export format (one-line error otherwise)."""
    if value not in FORMATS:
        raise argparse.ArgumentTypeError(f"unknown format {value!r}; known formats: {', '.join(FORMATS)}")
    return value


def export_date(value: str) -> date:
    """argparse type: a YYYY-MM-DD date (one-line error otherwise)."""
    try:
        return parse_user_date(value)
    except DateProblem as problem:
        raise argparse.ArgumentTypeError(str(problem)) from None


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "export",
        parents=[common],
        help="write a complete backup of your data (json) or your check-ins (csv)",
        description="Write every table as JSON, or the check-ins as CSV, to standard output or a new private file.",
    )
    parser.add_argument("--format", type=export_format, default="json", dest="export_format", help="json or csv")
    parser.add_argument("--from", type=export_date, dest="export_from", metavar="DATE", help="from this day on")
    parser.add_argument("--to", type=export_date, dest="export_to", metavar="DATE", help="up to this day")
    parser.add_argument("--out", metavar="FILE", dest="export_out", help="write to FILE (created private, 0600)")
    parser.add_argument("--force", action="store_true", dest="export_force", help="replace FILE if it exists")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    start, end = getattr(args, "export_from", None), getattr(args, "export_to", None)
    if start is not None and end is not None and start > end:
        return fail(f"--from {start} comes after --to {end}; nothing was exported", EXIT_USAGE)
    out = Path(args.export_out).expanduser().absolute() if args.export_out else None
    if out is None and sys.stdout.isatty():
        return fail(
            "an export is not for reading on screen: add --out FILE, or send it to a file "
            f"(heartwork export --format {args.export_format} > heartwork.{args.export_format})",
            EXIT_USAGE,
        )
    if out is not None and out.exists() and not args.export_force:
        return fail(f"{out} already exists; add --force to replace it", EXIT_FAILURE)
    from tui.store.locked_file import read_header

    try:
        store = open_store(args, read_only=True)
    except StoreError as error:
        return fail_store(error, "the export")
    try:
        payload = export_bytes(store.database, args.export_format, start, end)
        unreadable = store.database.unreadable_records()
        encrypted = store.path is not None and read_header(store.path) is not None
    finally:
        store.close()
    if encrypted:
        print(
            "Note: your data is locked with a passphrase, but this export is not: it is plain, readable text.",
            file=sys.stderr,
        )
    if unreadable and args.export_format == "json":
        from tui.core.unreadable_records import unreadable_summary

        print(f"Note: {unreadable_summary(unreadable)} The export holds them too.", file=sys.stderr)
    if out is None:
        sys.stdout.buffer.write(payload)
        sys.stdout.buffer.flush()
        return EXIT_OK
    try:
        write_export(out, payload, overwrite=bool(args.export_force))
    except FileExistsError:
        return fail(f"{out} already exists; add --force to replace it", EXIT_FAILURE)
    except OSError as error:
        return fail(f"could not write {out}: {describe_write_problem(out, error)}", EXIT_FAILURE)
    print(f"Exported to {out}", file=sys.stderr)
    return EXIT_OK
