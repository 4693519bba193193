"""``heartwork plan import FILE [--yes]`` and ``plan tick NAME``: homework from the shell.

``plan import`` adds the homework in a plan file from a therapist;
``plan tick`` ticks one of your own tasks (see :mod:`plan_tick`).

The file is TOML (see :mod:`tui.core.plan_file` and the README). A preview
lists each assignment and whether it is already there; then, asked (or with
``--yes``), the new ones are added in one save. Importing the same file again
adds nothing. A problem names the line and the field, and nothing is added.
No textual import.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from tui.cli.commands.common import EXIT_OK, EXIT_USAGE, fail, fail_store, open_store
from tui.store.errors import StoreError

MAX_PLAN_BYTES = 1_000_000


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "plan",
        parents=[common],
        help="add the homework in a plan file from your therapist, or tick a task",
        description=(
            "plan import FILE: preview a homework plan file (TOML) and add its assignments. "
            "plan tick NAME: tick one of your own tasks for today (or --date)."
        ),
    )
    parser.add_argument("plan_action", choices=["import", "tick"], metavar="import|tick", help="what to do")
    parser.add_argument("plan_target", metavar="FILE|NAME", help="the plan file (TOML), or the task to tick")
    parser.add_argument("--yes", action="store_true", dest="plan_yes", help="do not ask for confirmation (import)")
    parser.add_argument("--date", dest="plan_date", metavar="YYYY-MM-DD", default=None, help="tick an earlier day")
    parser.set_defaults(func=run)


def _read(path: Path) -> str:
    with path.open("rb") as handle:
        data = handle.read(MAX_PLAN_BYTES + 1)
    if len(data) > MAX_PLAN_BYTES:
        raise ValueError("is larger than a plan file can be (1 MB)")
    return data.decode("utf-8")


def _confirm(count: int) -> bool:
    try:
        answer = input(f"Add {'this assignment' if count == 1 else f'these {count} assignments'}? [y/N] ")
    except EOFError:
        return False
    return answer.strip().lower() in ("y", "yes")


def run(args: argparse.Namespace) -> int:
    if args.plan_action == "tick":
        from tui.cli.commands.plan_tick import run_tick

        return run_tick(args)
    if args.plan_date is not None:
        return fail("--date is for 'plan tick'; nothing was added", EXIT_USAGE)
    return _import(args)


def _import(args: argparse.Namespace) -> int:
    from tui.core.plan_file import PlanProblem, describe, parse_plan
    from tui.core.safe_text import visible_text

    source = Path(args.plan_target).expanduser()
    try:
        planned = parse_plan(_read(source))
    except FileNotFoundError:
        return fail(f"there is no file {source}; nothing was added", EXIT_USAGE)
    except UnicodeDecodeError:
        return fail(f"{source} is not UTF-8 text; nothing was added", EXIT_USAGE)
    except (OSError, ValueError) as problem:
        if isinstance(problem, PlanProblem):
            return fail(f"{source}: {problem}; nothing was added", EXIT_USAGE)
        return fail(f"could not read {source}: {problem}; nothing was added", EXIT_USAGE)
    from tui.store.homework_repository import HomeworkRepository
    from tui.store.importer import deleted_here

    try:
        preview = open_store(args, read_only=True)
    except StoreError as error:
        return fail_store(error, "the plan")
    try:
        known = {assignment.id for assignment in preview.repo(HomeworkRepository).all()}
        deleted = deleted_here(preview.database.storage.read() or {}).get(HomeworkRepository.table_name, set())
    finally:
        preview.close()
    new = [item.assignment for item in planned if item.assignment.id not in known | deleted]
    print(f"The plan in {visible_text(str(source))}:")
    for item in planned:
        note = ""
        if item.assignment.id in known:
            note = "  (already added)"
        elif item.assignment.id in deleted:
            note = "  (you deleted it here; it stays deleted)"
        print(f"  - {visible_text(describe(item.assignment))}{note}")
    if not new:
        print("Nothing new to add.")
        return EXIT_OK
    if not args.plan_yes:
        if not sys.stdin.isatty():
            return fail("adding a plan changes the database; add --yes to confirm when not in a terminal", EXIT_USAGE)
        if not _confirm(len(new)):
            print("Nothing was added.")
            return EXIT_OK
    from datetime import datetime

    from tui.core.timefmt import to_text
    from tui.store.backups import back_up_before

    stamp = to_text(datetime.now().astimezone())
    try:
        store = open_store(args)
    except StoreError as error:
        return fail_store(error, "the plan")
    try:
        backup = back_up_before(store.path, "import") if store.path is not None else None
        repository = store.repo(HomeworkRepository)
        already = {assignment.id for assignment in repository.all()}
        added = [
            item.with_change(stamp, "created", "from a plan file", created_at=stamp)
            for item in new
            if item.id not in already
        ]
        repository.save_many(added)
    except StoreError as error:
        return fail_store(error, "the plan")
    finally:
        store.close()
    print(f"Added {len(added)} assignment{'' if len(added) == 1 else 's'}. They are in the Homework section.")
    if backup is not None:
        print(f"A copy of your data from before the import is in {visible_text(str(backup))}.")
    return EXIT_OK
