"""Running one shell command through the quick path and through the full CLI, on two copies of a database.

Shared by the tests of the quick lookups (``selfcare done NAME``, ``plan tick
NAME``): exit codes, what is printed and the queued records must be the same,
apart from fresh ids and the moment of saving.
"""

from __future__ import annotations

import io
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tui.cli import entry
from tui.cli.main import main as full_main
from tui.store import inbox

REPO_ROOT = Path(__file__).resolve().parents[2]
Outcome = tuple[object, str, str]


def copy_database(base: Path, folder: Path) -> Path:
    """A copy of ``base`` in ``folder`` (made, private), named hw.json."""
    folder.mkdir(mode=0o700)
    db = folder / "hw.json"
    shutil.copy2(base, db)
    return db


def with_database(argv: list[str], db: Path) -> list[str]:
    """``argv`` with "DB" as the database, or ``--db`` first if it names none."""
    return [str(db) if word == "DB" else word for word in argv] if "DB" in argv else ["--db", str(db), *argv]


def run_once(
    quick_first: bool, argv: list[str], db: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> Outcome:
    """(exit code, stdout, stderr) of one run, the database's folder masked."""
    full_argv = with_database(argv, db)
    monkeypatch.setattr(sys, "argv", ["heartwork", *full_argv])
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    try:
        code: object = entry.main() if quick_first else full_main(full_argv)
    except SystemExit as done:
        code = done.code
    out, err = (text.replace(str(db.parent), "<folder>") for text in capsys.readouterr())
    return code, out, err


def queued(db: Path) -> list[tuple[str, dict[str, object]]]:
    """The records waiting in the inbox of ``db``, with what varies from run to run masked."""
    records = inbox.read_pending(db).records
    for _, document in records:
        for key in ("id", "updated_at", "at"):
            if key in document:
                document[key] = "<varies>"
    return records


def same_as_full_cli(
    base: Path, argv: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> tuple[Outcome, Path]:
    """Run ``argv`` quick-path-first and full-CLI-only on two copies of ``base``; both must agree."""
    quick_db, full_db = copy_database(base, tmp_path / "quick"), copy_database(base, tmp_path / "full")
    quick = run_once(True, argv, quick_db, capsys, monkeypatch)
    full = run_once(False, argv, full_db, capsys, monkeypatch)
    assert quick == full
    assert queued(quick_db) == queued(full_db)
    return quick, quick_db


def modules_imported(db: Path, argv: list[str], families: tuple[str, ...]) -> tuple[str, list[str]]:
    """Run ``heartwork --db DB ARGV`` through the entry point in a fresh process.

    Returns its exit code (as printed) and which modules of ``families``
    (top-level package names) it imported.
    """
    probe = (
        "import sys\n"
        f"sys.argv = ['heartwork', '--db', {str(db)!r}, *{argv!r}]\n"
        "from tui.cli.entry import main\n"
        "code = main()\n"
        f"print(code, '|'.join(sorted(name for name in sys.modules if name.split('.')[0] in {families!r})))\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], cwd=REPO_ROOT, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    code, _, names = done.stdout.splitlines()[-1].partition(" ")
    return code, [name for name in names.split("|") if name]
