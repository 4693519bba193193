"""Time to first frame and peak memory of `heartwork` vs a bare Textual app, in tmux.

Run by hand:  python tests/perf/bench_startup.py [--runs 15] [--years 0 1 10 30] [--frame-only]
Times the installed ``heartwork`` command (the one beside this Python), on an
empty database and on 1, 10 and 30 years of realistic data (tests/perf/datagen.py).
Every round runs the sizes in a shuffled order with a bare-app run before and
after each one (B H B H B ...), and each heartwork run is compared with the
bare runs on either side of it (their geometric mean), so a burst of load on a
shared machine falls on both. Each run is killed once its frame is seen and the
next starts only when it has ended (a heartwork quit during a load finishes
reading first: a second of a busy CPU at 30 years that used to land on the run
after it). Per size it prints the median of those paired
ratios with their middle half and full range (target: first frame <= 1.25x the
bare app, issue 12.2; peak memory on an empty database <= 1.3x), and, where
/proc has schedstat, two figures the machine's load hardly moves: the CPU time
the main thread used until the frame was seen (heartwork over bare) and how
long it waited for a CPU (the load itself). For information it also times when
the data is filled in (the "opening" line gone). Not a timed test.
"""

from __future__ import annotations

import argparse
import math
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
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


@dataclass(frozen=True)
class Frame:
    """One launch: wall seconds until the marker was on screen, and what the process had done by then."""

    seconds: float
    peak_kib: int
    cpu_seconds: float | None  # the main thread's CPU time until then (None without /proc schedstat)
    waited_seconds: float | None  # the main thread's time runnable but waiting for a CPU (the machine's load)


def main_thread_schedstat(pid: int) -> tuple[float, float] | None:
    """(CPU seconds, run-queue wait seconds) of ``pid``'s main thread, from /proc/PID/task/PID/schedstat."""
    try:
        ran, waited, _slices = Path(f"/proc/{pid}/task/{pid}/schedstat").read_text().split()
    except (OSError, ValueError):
        return None
    return int(ran) / 1e9, int(waited) / 1e9


def first_frame(command: str, marker: str, cwd: Path, filled: bool = False) -> tuple[float, int]:
    """Seconds from launch until `marker` is on screen (with ``filled``: and the opening line gone), and peak memory (KiB)."""
    frame = first_frame_detail(command, marker, cwd, filled)
    return frame.seconds, frame.peak_kib


def first_frame_detail(command: str, marker: str, cwd: Path, filled: bool = False) -> Frame:
    """:func:`first_frame`, with the main thread's CPU and run-queue wait at that moment."""
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
    pid = 0
    try:
        pid = int(tmux("display-message", "-p", "-t", name, "#{pane_pid}").strip() or 0)
        deadline = started + 60
        while time.perf_counter() < deadline:
            screen = tmux("capture-pane", "-p", "-t", name)
            if marker in screen and not (filled and OPENING in screen):
                elapsed = time.perf_counter() - started
                sched = main_thread_schedstat(pid)
                time.sleep(0.3)
                cpu, waited = sched if sched is not None else (None, None)
                return Frame(elapsed, peak_kib(pid), cpu, waited)
            time.sleep(0.005)
        raise RuntimeError(f"{marker!r} never appeared for {command}")
    finally:
        tmux("kill-session", "-t", name)
        wait_until_gone(pid)


def wait_until_gone(pid: int, timeout: float = 30.0) -> None:
    """Wait for a killed run to end: quit during a load, heartwork finishes reading first (about a
    second at 30 years, a CPU kept busy), and the next run measured must not share the machine with it."""
    deadline = time.perf_counter() + timeout
    while pid and time.perf_counter() < deadline:
        try:
            state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        except (OSError, IndexError):
            return
        if state in ("Z", "X"):
            return
        time.sleep(0.005)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=15, help="rounds; each runs every size once, between bare runs")
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


def spread(values: list[float]) -> str:
    """The middle half and the full range of ``values``: how much the machine's load moved the runs."""
    if len(values) < 4:
        return f"range {min(values):.2f}-{max(values):.2f}x"
    low, _, high = statistics.quantiles(values, n=4)
    return f"middle half {low:.2f}-{high:.2f}x, range {min(values):.2f}-{max(values):.2f}x"


def run_all(runs: int, python: str, heartwork: str, folder: Path, years: list[int], time_filled: bool = True) -> None:
    bare = f"{python} {ROOT / 'tests/perf/bare_app.py'}"
    databases = {size: database_for(folder, size) for size in years}
    first_frame(bare, "Bare baseline", ROOT)  # warm up: bytecode, disk cache
    for db in databases.values():
        first_frame(f"{heartwork} --db {db}", "Today is", ROOT, filled=True)
    bare_runs: list[Frame] = []
    paired: dict[int, list[float]] = {size: [] for size in years}  # each run over the bare runs either side
    frames: dict[int, list[Frame]] = {size: [] for size in years}
    filled: dict[int, list[float]] = {size: [] for size in years}
    rng = random.Random(12)
    for _run in range(runs):
        order = list(databases)
        rng.shuffle(order)
        before = first_frame_detail(bare, "Bare baseline", ROOT)
        bare_runs.append(before)
        for size in order:
            frame = first_frame_detail(f"{heartwork} --db {databases[size]}", "Today is", ROOT)
            after = first_frame_detail(bare, "Bare baseline", ROOT)
            bare_runs.append(after)
            frames[size].append(frame)
            paired[size].append(frame.seconds / math.sqrt(before.seconds * after.seconds))
            before = after
            if time_filled:
                elapsed, _peak = first_frame(f"{heartwork} --db {databases[size]}", "Today is", ROOT, filled=True)
                filled[size].append(elapsed)
    bt = statistics.median(run.seconds for run in bare_runs)
    bm = statistics.median(run.peak_kib for run in bare_runs)
    bare_cpu = [run.cpu_seconds for run in bare_runs if run.cpu_seconds is not None]
    bc = statistics.median(bare_cpu) if bare_cpu else None
    print(
        f"{runs} rounds; bare Textual app: first frame {bt * 1000:.0f} ms (median of {len(bare_runs)}), peak memory {bm / 1024:.1f} MiB"
    )
    if bc is not None:
        waits = [run.waited_seconds or 0.0 for run in bare_runs]
        print(
            f"  bare app's main thread: {bc * 1000:.0f} ms of CPU, {statistics.median(waits) * 1000:.0f} ms waiting for a CPU (median)"
        )
    for size in years:
        runs_here = frames[size]
        ht = statistics.median(run.seconds for run in runs_here)
        hm = statistics.median(run.peak_kib for run in runs_here)
        ratio = statistics.median(paired[size])
        label = f"{size} years" if size else "empty"
        print(
            f"{label:>9}: first frame {ht * 1000:.0f} ms; paired ratio median {ratio:.2f}x "
            f"({'met' if ratio <= 1.25 else 'MISSED'}, target <= 1.25x; {spread(paired[size])}, n={len(paired[size])}); "
            f"peak memory {hm / 1024:.1f} MiB ({hm / bm:.2f}x{', target <= 1.3x' if not size else ''})"
        )
        cpu = [run.cpu_seconds for run in runs_here if run.cpu_seconds is not None]
        if cpu and bc:
            waits = [run.waited_seconds or 0.0 for run in runs_here]
            print(
                f"{'':>11}main thread until the frame: {statistics.median(cpu) * 1000:.0f} ms of CPU "
                f"({statistics.median(cpu) / bc:.2f}x the bare app's), {statistics.median(waits) * 1000:.0f} ms waiting for a CPU"
            )
        if filled[size]:
            hf = statistics.median(filled[size])
            print(f"{'':>11}data filled in: {hf * 1000:.0f} ms ({hf / bt:.2f}x the bare app's first frame)")


if __name__ == "__main__":
    main()
