"""``heartwork export --format json [--out FILE]``: a complete, readable backup of every table.

The export is plain JSON with plainly named fields::

    {"format": "heartwork-export", "version": 1, "exported_at": "...",
     "schema_version": 2, "tables": {"checkins": [{"id": "...", ...}, ...], ...}}

Records keep their stable string ``id``; TinyDB's internal document numbers
are dropped. It goes to standard output, or to a new private file (0600,
written atomically); an existing file is only replaced with ``--force``.
No textual import: this answers fast from the shell.
"""

from __future__ import annotations

import argparse
import re
import sys
from datetime import datetime
from pathlib import Path
from typing import Any

import orjson

from tui.cli.commands.common import EXIT_FAILURE, EXIT_OK, fail, fail_store, open_store
from tui.core.timefmt import to_text
from tui.store.database import Database
from tui.store.errors import StoreError, describe_write_problem
from tui.store.migrations import META_TABLE, version_of
from tui.store.permissions import write_private_file

EXPORT_FORMAT = "heartwork-export"
EXPORT_VERSION = 1
FORMATS = ("json",)


def export_format(value: str) -> str:
    """argparse type: a known export format (one-line error otherwise)."""
    if value not in FORMATS:
        raise argparse.ArgumentTypeError(f"unknown format {value!r}; known formats: {', '.join(FORMATS)}")
    return value


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "export",
        parents=[common],
        help="write a complete backup of your data as JSON",
        description="Write every table as JSON to standard output or to a new private file.",
    )
    parser.add_argument("--format", type=export_format, default="json", dest="export_format", help="json")
    parser.add_argument("--out", metavar="FILE", dest="export_out", help="write to FILE (created private, 0600)")
    parser.add_argument("--force", action="store_true", dest="export_force", help="replace FILE if it exists")
    parser.set_defaults(func=run)


def build_export(database: Database, exported_at: datetime | None = None) -> dict[str, Any]:
    """Every table of ``database`` as lists of documents, ready to write as JSON."""
    data = database.snapshot()
    tables = {
        name: [dict(document) for document in table.values()]
        for name, table in sorted(data.items())
        if name != META_TABLE
    }
    return {
        "format": EXPORT_FORMAT,
        "version": EXPORT_VERSION,
        "exported_at": to_text(exported_at or datetime.now().astimezone()),
        "schema_version": version_of(data),
        "tables": tables,
    }


_C1_AND_SEPARATORS = re.compile(rb"\xc2[\x80-\x9f]|\xe2\x80[\xa8\xa9]")


def encode_export(export: dict[str, Any]) -> bytes:
    """UTF-8 JSON, indented, every character kept as itself (whatever the locale).

    orjson escapes C0 controls itself; C1 controls and the line/paragraph
    separators are written as ``\\uXXXX`` escapes too (the same JSON value), so an
    export printed to a terminal can never drive it.
    """
    payload = orjson.dumps(export, option=orjson.OPT_INDENT_2 | orjson.OPT_APPEND_NEWLINE)
    return _C1_AND_SEPARATORS.sub(lambda found: b"\\u%04x" % ord(found.group().decode("utf-8")), payload)


def run(args: argparse.Namespace) -> int:
    out = Path(args.export_out).expanduser().absolute() if args.export_out else None
    if out is not None and out.exists() and not args.export_force:
        return fail(f"{out} already exists; add --force to replace it", EXIT_FAILURE)
    try:
        store = open_store(args, read_only=True)
    except StoreError as error:
        return fail_store(error, "the export")
    try:
        payload = encode_export(build_export(store.database))
        unreadable = store.database.unreadable_records()
    finally:
        store.close()
    if unreadable:
        from tui.core.unreadable_records import unreadable_summary

        print(f"Note: {unreadable_summary(unreadable)} The export holds them too.", file=sys.stderr)
    if out is None:
        sys.stdout.buffer.write(payload)
        sys.stdout.buffer.flush()
        return EXIT_OK
    try:
        write_private_file(out, payload, overwrite=bool(args.export_force))
    except FileExistsError:
        return fail(f"{out} already exists; add --force to replace it", EXIT_FAILURE)
    except OSError as error:
        return fail(f"could not write {out}: {describe_write_problem(out, error)}", EXIT_FAILURE)
    print(f"Exported to {out}", file=sys.stderr)
    return EXIT_OK
