"""Time what a person sees in a real terminal: the installed `heartwork` in tmux, a key, a marker on screen.

Shared by bench_mood.py and bench_journal.py (issue 12.4): open the app on a
database of 1, 10 or 30 years (tests/perf/datagen.py), wait until the data is
in (the "opening" line gone), press a key, and time until the screen shows a
marker. Runs are interleaved across sizes so machine load hits all alike.
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OPENING = "Opening your saved days"


def tmux(*args: str) -> str:
    return subprocess.run(["tmux", *args], capture_output=True, text=True, check=False).stdout


def installed_heartwork() -> str:
    command = Path(sys.executable).with_name("heartwork")
    if not command.exists():
        sys.exit(f"install heartwork into this venv first (pip install .): {command} is missing")
    if not shutil.which("tmux"):
        sys.exit("tmux is needed")
    return str(command)


def database_of(folder: Path, years: int) -> Path:
    sys.path.insert(0, str(ROOT / "tests/perf"))
    from datagen import write_database

    return write_database(folder / f"{years}y.json", 365 * years)


def _wait_for(name: str, ready: str, deadline: float) -> float:
    while time.perf_counter() < deadline:
        screen = tmux("capture-pane", "-p", "-t", name)
        if ready in screen and OPENING not in screen:
            return time.perf_counter()
        time.sleep(0.003)
    raise RuntimeError(f"{ready!r} never appeared")


def key_to_marker(command: str, ready: str, key: str, marker: str) -> float:
    """Seconds from pressing ``key`` (once ``ready`` shows and the data is in) until ``marker`` shows."""
    name = f"bench-{os.getpid()}-{time.monotonic_ns()}"
    tmux("new-session", "-d", "-s", name, "-x", "110", "-y", "34", f"exec env -u PYTHONDONTWRITEBYTECODE {command}")
    try:
        _wait_for(name, ready, time.perf_counter() + 90)
        time.sleep(1.0)  # let the after-work of start-up (warm-up, the journal index) finish first
        started = time.perf_counter()
        tmux("send-keys", "-t", name, key)
        return _wait_for(name, marker, started + 30) - started
    finally:
        tmux("kill-session", "-t", name)


def compare_sizes(
    label: str, args: Sequence[str], ready: str, key: str, marker: str, years: Sequence[int], runs: int
) -> None:
    """Print the median key-to-marker time at each size and its ratio to the smallest (target <= 1.5x)."""
    heartwork = installed_heartwork()
    folder = Path(tempfile.mkdtemp(prefix="hw-bench-"))
    keeper = f"bench-keeper-{os.getpid()}"
    tmux("new-session", "-d", "-s", keeper, "sleep 900")
    try:
        databases = {size: database_of(folder, size) for size in years}
        commands = {size: f"{heartwork} --db {db} {' '.join(args)}" for size, db in databases.items()}
        for command in commands.values():
            key_to_marker(command, ready, key, marker)  # warm up: bytecode, disk cache
        times: dict[int, list[float]] = {size: [] for size in years}
        for _ in range(runs):
            for size, command in commands.items():
                times[size].append(key_to_marker(command, ready, key, marker))
        base = statistics.median(times[years[0]])
        for size in years:
            median = statistics.median(times[size])
            print(
                f"{label} at {size:>2} years ({databases[size].stat().st_size / 1e6:.1f} MB): {median * 1000:.0f} ms, "
                f"{median / base:.2f}x {years[0]} year (target <= 1.5x at 30)"
            )
    finally:
        tmux("kill-session", "-t", keeper)
        shutil.rmtree(folder, ignore_errors=True)
