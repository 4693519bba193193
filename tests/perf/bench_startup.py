"""Time to first frame and peak memory of `heartwork` vs a bare Textual app, in tmux.

Run by hand:  python tests/perf/bench_startup.py [--runs 7] [--years 0 1 10 30]
Times the installed ``heartwork`` command (the one beside this Python), on an
empty database and on 1, 10 and 30 years of realistic data (tests/perf/datagen.py),
each run interleaved with the bare app. Prints medians and ratios against the
targets (first frame <= 1.25x the bare app at any size, issue 12.2; peak memory
on an empty database <= 1.3x), and, for information, when the data is filled
in (the "opening" line gone). Not a timed test.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def tmux(*args: str) -> str:
    return subprocess.run(["tmux", *args], capture_output=True, text=True, check=False).stdout


def peak_kib(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


OPENING = "Opening your saved days"


def first_frame(command: str, marker: str, cwd: Path, filled: bool = False) -> tuple[float, int]:
    """Seconds from launch until `marker` is on screen (with ``filled``: and the opening line gone), and peak memory (KiB)."""
    name = f"bench-{os.getpid()}-{time.monotonic_ns()}"
    started = time.perf_counter()
    # Installed packages run from compiled bytecode; so must we (PYTHONDONTWRITEBYTECODE would
    # make every run compile Heartwork's sources again, which no installed copy does).
    tmux(
        "new-session",
        "-d",
        "-s",
        name,
        "-x",
        "100",
        "-y",
        "32",
        "-c",
        str(cwd),
        f"exec env -u PYTHONDONTWRITEBYTECODE {command}",
    )
    try:
        pid = int(tmux("display-message", "-p", "-t", name, "#{pane_pid}").strip() or 0)
        deadline = started + 60
        while time.perf_counter() < deadline:
            screen = tmux("capture-pane", "-p", "-t", name)
            if marker in screen and not (filled and OPENING in screen):
                elapsed = time.perf_counter() - started
                time.sleep(0.3)
                return elapsed, peak_kib(pid)
            time.sleep(0.005)
        raise RuntimeError(f"{marker!r} never appeared for {command}")
    finally:
        tmux("kill-session", "-t", name)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--years", type=int, nargs="*", default=[0, 1, 10, 30])
    parser.add_argument("--frame-only", action="store_true", help="skip timing when the data is filled in")
    args = parser.parse_args()
    if not shutil.which("tmux"):
        sys.exit("tmux is needed")
    heartwork = Path(sys.executable).with_name("heartwork")
    if not heartwork.exists():
        sys.exit(f"install heartwork into this venv first (pip install .): {heartwork} is missing")
    folder = Path(tempfile.mkdtemp())
    # A session that lives for the whole run, so the tmux server never shuts down
    # (and restarts) between measurements.
    keeper = f"bench-keeper-{os.getpid()}"
    tmux("new-session", "-d", "-s", keeper, "sleep 600")
    try:
        run_all(args.runs, sys.executable, str(heartwork), folder, args.years, not args.frame_only)
    finally:
        tmux("kill-session", "-t", keeper)


def database_for(folder: Path, years: int) -> Path:
    """An empty database (0 years: created by a warm-up run) or years of realistic data."""
    path = folder / f"{years}y.json"
    if years:
        sys.path.insert(0, str(ROOT / "tests/perf"))
        from datagen import write_database

        write_database(path, 365 * years)
    return path


def quartiles(values: list[float]) -> str:
    """The middle half of ``values`` as "low-high" (how much the machine's load moved the runs)."""
    if len(values) < 4:
        return "n/a"
    low, _, high = statistics.quantiles(values, n=4)
    return f"{low:.2f}-{high:.2f}x"


def run_all(runs: int, python: str, heartwork: str, folder: Path, years: list[int], time_filled: bool = True) -> None:
    bare = f"{python} {ROOT / 'tests/perf/bare_app.py'}"
    databases = {size: database_for(folder, size) for size in years}
    first_frame(bare, "Bare baseline", ROOT)  # warm up: bytecode, disk cache
    for db in databases.values():
        first_frame(f"{heartwork} --db {db}", "Today is", ROOT, filled=True)
    bare_times: list[float] = []
    bare_mem: list[int] = []
    paired: dict[int, list[float]] = {size: [] for size in years}  # each run over the bare run just before it
    frame: dict[int, list[float]] = {size: [] for size in years}
    filled: dict[int, list[float]] = {size: [] for size in years}
    memory: dict[int, list[int]] = {size: [] for size in years}
    for _run in range(runs):
        for size, db in databases.items():
            elapsed, peak = first_frame(bare, "Bare baseline", ROOT)
            bare_times.append(elapsed)
            bare_mem.append(peak)
            elapsed, peak = first_frame(f"{heartwork} --db {db}", "Today is", ROOT)
            frame[size].append(elapsed)
            paired[size].append(elapsed / bare_times[-1])
            memory[size].append(peak)
            if time_filled:
                elapsed, _peak = first_frame(f"{heartwork} --db {db}", "Today is", ROOT, filled=True)
                filled[size].append(elapsed)
    bt, bm = statistics.median(bare_times), statistics.median(bare_mem)
    print(f"bare Textual app: first frame {bt * 1000:.0f} ms, peak memory {bm / 1024:.1f} MiB")
    for size in years:
        ht, hm = statistics.median(frame[size]), statistics.median(memory[size])
        hf = statistics.median(filled[size]) if filled[size] else float("nan")
        label = f"{size} years" if size else "empty"
        print(
            f"{label:>9}: first frame {ht * 1000:.0f} ms, ratio {ht / bt:.2f}x (target <= 1.25x; "
            f"paired runs: median {statistics.median(paired[size]):.2f}x, "
            f"middle half {quartiles(paired[size])}); "
            f"data filled in {hf * 1000:.0f} ms ({hf / bt:.2f}x); peak memory {hm / 1024:.1f} MiB ({hm / bm:.2f}x"
            f"{', target <= 1.3x' if not size else ''})"
        )


if __name__ == "__main__":
    main()
