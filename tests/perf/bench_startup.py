"""Time to first frame and peak memory of `heartwork` vs a bare Textual app, in tmux.

Run by hand:  python tests/perf/bench_startup.py [--runs 7]
Prints medians and the ratios against the targets (first frame <= 1.25x,
peak memory on an empty database <= 1.3x the bare app). Not a timed test.
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


def first_frame(command: str, marker: str, cwd: Path) -> tuple[float, int]:
    """Seconds from launch until `marker` is on screen, and peak memory (KiB) then."""
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
        deadline = started + 20
        while time.perf_counter() < deadline:
            if marker in tmux("capture-pane", "-p", "-t", name):
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
    args = parser.parse_args()
    if not shutil.which("tmux"):
        sys.exit("tmux is needed")
    python = sys.executable
    folder = Path(tempfile.mkdtemp())
    # A session that lives for the whole run, so the tmux server never shuts down
    # (and restarts) between measurements.
    keeper = f"bench-keeper-{os.getpid()}"
    tmux("new-session", "-d", "-s", keeper, "sleep 600")
    try:
        run_all(args.runs, python, folder)
    finally:
        tmux("kill-session", "-t", keeper)


def run_all(runs: int, python: str, folder: Path) -> None:
    bare_times, bare_mem, hw_times, hw_mem = [], [], [], []
    first_frame(f"{python} {ROOT / 'tests/perf/bare_app.py'}", "Bare baseline", ROOT)  # warm up: bytecode, disk cache
    first_frame(f"{python} -m tui --db {folder / 'warm.json'}", "Today is", ROOT)
    for _run in range(runs):
        db = folder / "warm.json"  # an empty database that already exists (created by the warm-up run)
        elapsed, memory = first_frame(f"{python} {ROOT / 'tests/perf/bare_app.py'}", "Bare baseline", ROOT)
        bare_times.append(elapsed)
        bare_mem.append(memory)
        elapsed, memory = first_frame(f"{python} -m tui --db {db}", "Today is", ROOT)
        hw_times.append(elapsed)
        hw_mem.append(memory)
    bt, ht = statistics.median(bare_times), statistics.median(hw_times)
    bm, hm = statistics.median(bare_mem), statistics.median(hw_mem)
    print(f"first frame: bare {bt * 1000:.0f} ms, heartwork {ht * 1000:.0f} ms, ratio {ht / bt:.2f}x (target <= 1.25x)")
    print(
        f"peak memory: bare {bm / 1024:.1f} MiB, heartwork {hm / 1024:.1f} MiB, ratio {hm / bm:.2f}x (target <= 1.3x)"
    )


if __name__ == "__main__":
    main()
