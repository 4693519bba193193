"""``heartwork report [--from DATE] [--to DATE] [--out FILE] [--format md|html] [--include-journal]``.

A session report to bring to therapy: mood, homework, breathing and
meditation minutes, self-care, reflections and questionnaires, and journal
entries only when asked. The default range is the last 14 days, today
included. It goes to standard output when that is not a terminal, or to a
new private file (0600, written atomically); an existing file is only
replaced with ``--force``. No textual import.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from tui.cli.commands.common import EXIT_FAILURE, EXIT_OK, EXIT_USAGE, fail, fail_store, open_store
from tui.cli.commands.export import export_date
from tui.store.errors import StoreError, describe_write_problem

FORMATS = ("md", "html")  # as tui.core.report.render.FORMATS (not imported: the command starts fast)


def report_format(value: str) -> str:
    """argparse type: md or html (one-line error otherwise)."""
    if value not in FORMATS:
        raise argparse.ArgumentTypeError(f"unknown format {value!r}; known formats: {', '.join(FORMATS)}")
    return value


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "report",
        parents=[common],
        help="write a report to bring to your next therapy session",
        description="Write a session report (Markdown or one self-contained HTML file) for a range of days.",
    )
    parser.add_argument("--from", type=export_date, dest="report_from", metavar="DATE", help="from this day on")
    parser.add_argument("--to", type=export_date, dest="report_to", metavar="DATE", help="up to this day (today)")
    parser.add_argument("--format", type=report_format, default="md", dest="report_format", help="md or html")
    parser.add_argument("--out", metavar="FILE", dest="report_out", help="write to FILE (created private, 0600)")
    parser.add_argument("--force", action="store_true", dest="report_force", help="replace FILE if it exists")
    parser.add_argument(
        "--include-journal", action="store_true", dest="include_journal", help="add your journal entries"
    )
    parser.set_defaults(func=run)


def report_range(start: date | None, end: date | None, today: date) -> tuple[date, date]:
    """The days to report: the last 14 days by default; one end given, 14 days from or to it."""
    from tui.core.report.model import DEFAULT_DAYS

    span = timedelta(days=DEFAULT_DAYS - 1)
    if end is None:
        end = today if start is None else max(start, min(start + span, today))
    if start is None:
        start = end - span
    return start, end


def run(args: argparse.Namespace) -> int:
    start, end = report_range(args.report_from, args.report_to, date.today())
    if start > end:
        return fail(f"--from {start} comes after --to {end}; no report was written", EXIT_USAGE)
    out = Path(args.report_out).expanduser().absolute() if args.report_out else None
    if out is None and sys.stdout.isatty():
        suffix = args.report_format
        return fail(
            f"add --out FILE to keep the report (heartwork report --format {suffix} --out report.{suffix}), "
            f"or send it on (heartwork report | less)",
            EXIT_USAGE,
        )
    if out is not None and out.exists() and not args.report_force:
        return fail(f"{out} already exists; add --force to replace it", EXIT_FAILURE)
    try:
        store = open_store(args, read_only=True)
    except StoreError as error:
        return fail_store(error, "the report")
    from tui.store.report_data import report_inputs

    try:
        inputs = report_inputs(store, start, end, include_journal=args.include_journal)
    finally:
        store.close()
    from tui.core.report.model import build_report
    from tui.core.report.render import render_report

    payload = render_report(build_report(inputs), args.report_format).encode("utf-8")
    if out is None:
        sys.stdout.buffer.write(payload)
        sys.stdout.buffer.flush()
        return EXIT_OK
    from tui.store.export_data import write_export

    try:
        write_export(out, payload, overwrite=bool(args.report_force))
    except FileExistsError:
        return fail(f"{out} already exists; add --force to replace it", EXIT_FAILURE)
    except OSError as error:
        return fail(f"could not write {out}: {describe_write_problem(out, error)}", EXIT_FAILURE)
    print(f"Report written to {out}", file=sys.stderr)
    return EXIT_OK
