"""``heartwork checkin ...`` run as a real process from the repository (shared by the CLI and store tests)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]


def run_cli(*args: str, db: Path) -> subprocess.CompletedProcess[str]:
    """``python -m tui --db DB checkin ARGS`` with its output captured as text."""
    return subprocess.run(
        [sys.executable, "-m", "tui", "--db", str(db), "checkin", *args],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=30,
    )
