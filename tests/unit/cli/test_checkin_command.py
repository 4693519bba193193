"""``heartwork checkin`` from the shell: saves one line, refuses bad values with exit 2, stays light."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from checkin_cli import REPO_ROOT, run_cli


def checkins_in(db: Path) -> list[dict[str, object]]:
    """What every reader sees: the file with its inbox laid over it (quick capture, issue 12.1)."""
    from tui.store.database import Database

    return list(Database.open_read_only(db).snapshot().get("checkins", {}).values())


def saved_bytes(db: Path) -> tuple[bytes | None, bytes | None]:
    """The database file and its inbox, byte for byte (None for a file that is not there)."""
    inbox = db.with_name(db.name + ".inbox")
    return (db.read_bytes() if db.exists() else None, inbox.read_bytes() if inbox.exists() else None)


def test_a_good_checkin_is_saved_and_confirmed(tmp_path: Path) -> None:
    db = tmp_path / "hw.json"
    result = run_cli(
        "7",
        "--energy",
        "4",
        "--emotion",
        "Calm",
        "--emotion",
        "tired",
        "--tag",
        " Work ",
        "--note",
        "a slow morning",
        "--at",
        "2026-03-01 21:05",
        db=db,
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.strip().splitlines()
    assert len(lines) == 1 and "7 (pretty good)" in lines[0] and "Sun 1 Mar 2026 21:05" in lines[0]
    (saved,) = checkins_in(db)
    assert saved["pleasantness"] == 7 and saved["energy"] == 4
    assert saved["emotions"] == ["calm", "tired"] and saved["tags"] == ["work"]
    assert saved["note"] == "a slow morning" and str(saved["at"]).startswith("2026-03-01T21:05:00")


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["11"], "1 to 10"),
        (["0"], "1 to 10"),
        (["abc"], "whole number"),
        (["7", "--energy", "12"], "Energy"),
        (["7", "--at", "2026-02-30 10:00"], "not a real date"),
        (["7", "--at", "2099-01-01 10:00"], "future"),
        (["7", "--at", "tomorrow"], "YYYY-MM-DD HH:MM"),
        (["7", "--note", "x" * 1001], "note"),
        (["7"] + [arg for i in range(13) for arg in ("--tag", f"t{i}")], "12"),
        ([], "SCORE"),
    ],
)
def test_bad_values_get_one_line_exit_2_and_nothing_written(tmp_path: Path, args: list[str], words: str) -> None:
    db = tmp_path / "hw.json"
    first = run_cli("5", db=db)
    assert first.returncode == 0
    before = saved_bytes(db)
    result = run_cli(*args, db=db)
    assert result.returncode == 2
    error_lines = result.stderr.strip().splitlines()
    assert len(error_lines) == 1 and words in error_lines[0]
    assert result.stdout == ""
    assert saved_bytes(db) == before


def test_a_bad_value_does_not_create_a_database(tmp_path: Path) -> None:
    db = tmp_path / "new.json"
    assert run_cli("11", db=db).returncode == 2
    assert not db.exists()


def test_checkin_command_does_not_import_textual(tmp_path: Path) -> None:
    code = (
        "import sys; from tui.cli.main import main; "
        f"code = main(['--db', {str(tmp_path / 'hw.json')!r}, 'checkin', '6']); "
        "heavy = [m for m in sys.modules if m.split('.')[0] in ('textual', 'pyfiglet', 'rich')]; "
        "print('HEAVY', heavy); sys.exit(code)"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=REPO_ROOT, capture_output=True, text=True, timeout=30)
    assert result.returncode == 0, result.stderr
    assert "HEAVY []" in result.stdout
