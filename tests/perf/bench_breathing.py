"""Benchmark (run by hand): does a real breathing session keep exact time, cheaply?

    /work/venv/bin/python tests/perf/bench_breathing.py [--minutes 2] [--pattern box] [--reduced-motion]

Runs ``heartwork breathe --pattern box --minutes 2`` in a detached tmux pane
(on a new file, or with ``--years N`` on N years of realistic data from
tests/perf/datagen.py, which the app reads in the background meanwhile),
skips the "how do you feel" question, then polls ``tmux capture-pane`` every
~10 ms and notes when each phase's plain word ("Inhale · 4 s", ...) first
appears. The first phase's appearance fixes the session start (the end of
"get ready"); every later phase is compared with its scheduled time.

The app is the installed ``heartwork`` command (this venv's script, or with
``--fresh-install`` a ``pip install .`` copy), not the source tree. Its
baseline, tests/perf/breathing_baseline.py (the same words on the same
schedule from a bare sleep loop), runs at the same time in a second pane and
is polled in the same loop, so both meet the same machine load; the report
gives the app's figures, the baseline's, and their difference and ratio.

Prints: worst lateness (target <= 100 ms), drift (lateness at the end minus at
the start), the CPU share of the app while breathing (target <= 8% of one
core), and while idling on the home screen after the session (target < 1%).
Figures and ratios only; this is not a pass/fail test.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO_ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from tui.content.breathing_patterns import builtin_pattern  # noqa: E402
from tui.core.breathing import Schedule  # noqa: E402

PHASE_LINE = re.compile(r"(Inhale|Hold|Exhale|Top up) · (\d+) s")
CYCLE_LINE = re.compile(r"Cycle (\d+) of (\d+)")
POLL_SECONDS = 0.01
TICKS = os.sysconf("SC_CLK_TCK")


def tmux(*args: str) -> str:
    return subprocess.run(["tmux", *args], capture_output=True, text=True, check=False).stdout


def screen(session: str) -> str:
    return tmux("capture-pane", "-p", "-t", session)


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICKS  # utime + stime


def breathing_ids(database: Path) -> set[str]:
    """The ids of the breathing sessions already in ``database`` (none if it does not exist yet)."""
    if not database.exists():
        return set()
    from tui.store.breathing_repository import BreathingSessionRepository
    from tui.store.store import Store

    store = Store.open(database)
    try:
        return {record.id for record in store.repo(BreathingSessionRepository).all()}
    finally:
        store.close()


def wait_for(session: str, text: str, timeout: float) -> float:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if text in screen(session):
            return time.monotonic()
        time.sleep(0.02)
    raise SystemExit(f"timed out waiting for {text!r}; screen was:\n{screen(session)}")


class PhaseWatcher:
    """Notes when each phase first shows in one pane (a new word or cycle, or the countdown jumping up)."""

    def __init__(self) -> None:
        self.seen: list[tuple[float, int, str]] = []
        self.previous: tuple[int, str, int] | None = None
        self.finished = False

    def look(self, text: str, moment: float) -> None:
        if "How do you feel now" in text:
            self.finished = True
            return
        phase, cycle = PHASE_LINE.search(text), CYCLE_LINE.search(text)
        if phase and cycle:
            current = (int(cycle.group(1)), phase.group(1), int(phase.group(2)))
            if self.previous is None or current[:2] != self.previous[:2] or current[2] > self.previous[2]:
                self.seen.append((moment, current[0], current[1]))  # shown no later than we asked
            self.previous = current


def lateness_ms(seen: list[tuple[float, int, str]], expected: list[tuple[float, int, str]]) -> list[float]:
    """How late each phase showed, against the first phase's appearance (ms)."""
    pairs = list(zip(seen, expected, strict=False))
    if not pairs:
        return [0.0]
    origin = pairs[0][0][0] - pairs[0][1][0]
    return [(moment - origin - start) * 1000 for (moment, _, _), (start, _, _) in pairs]


def idle_cpu_share(pid: int, seconds: float) -> float:
    cpu_before, wall_before = cpu_seconds(pid), time.monotonic()
    time.sleep(seconds)
    return (cpu_seconds(pid) - cpu_before) / (time.monotonic() - wall_before)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=int, default=2)
    parser.add_argument("--pattern", default="box")
    parser.add_argument("--idle-seconds", type=float, default=10.0)
    parser.add_argument("--reduced-motion", action="store_true", help="run with TEXTUAL_ANIMATIONS=none")
    parser.add_argument("--fresh-install", action="store_true", help="time a `pip install .` copy")
    parser.add_argument(
        "--years", type=int, default=0, help="breathe on this many years of realistic data (datagen.py); 0: a new file"
    )
    options = parser.parse_args()
    from installed import installed_heartwork

    heartwork, _ = installed_heartwork(fresh=options.fresh_install)
    if shutil.which("tmux") is None:
        print("tmux is needed for this benchmark")
        return 1

    schedule = Schedule.for_minutes(builtin_pattern(options.pattern), options.minutes)
    expected = [
        (start, cycle + 1, schedule.pattern.phases[index].kind) for start, cycle, index in schedule.boundaries()
    ]
    folder = Path(tempfile.mkdtemp(prefix="heartwork-bench-"))
    database = folder / "bench.json"
    if options.years:
        from datagen import write_database

        write_database(database, 365 * options.years)
    generated = breathing_ids(database)
    session = f"hw-bench-{os.getpid()}"
    base_session = f"hw-bench-base-{os.getpid()}"
    command = (
        f"cd {folder} && {'TEXTUAL_ANIMATIONS=none ' if options.reduced_motion else ''}exec {heartwork} --db {database} breathe "
        f"--pattern {options.pattern} --minutes {options.minutes}"
    )
    base_command = (
        f"exec {sys.executable} {Path(__file__).with_name('breathing_baseline.py')} "
        f"--pattern {options.pattern} --minutes {options.minutes}"
    )
    tmux("new-session", "-d", "-s", session, "-x", "100", "-y", "30", command)
    tmux("new-session", "-d", "-s", base_session, "-x", "100", "-y", "30", base_command)
    try:
        pid = int(tmux("display-message", "-p", "-t", session, "#{pane_pid}").strip())
        base_pid = int(tmux("display-message", "-p", "-t", base_session, "#{pane_pid}").strip())
        wait_for(session, "how do you feel", 20)
        wait_for(base_session, "how do you feel", 20)
        tmux("send-keys", "-t", session, "Enter")
        tmux("send-keys", "-t", base_session, "Enter")
        baseline = PhaseWatcher()
        base_cpu_before, base_wall_before = cpu_seconds(base_pid), time.monotonic()

        seen: list[tuple[float, int, str]] = []  # (time, cycle, plain word) when a phase first showed
        previous: tuple[int, str, int] | None = None  # (cycle, word, seconds left) last seen
        cpu_at_first = wall_at_first = 0.0
        polls, poll_costs = 0, []
        end_by = time.monotonic() + schedule.total_seconds + 30
        while time.monotonic() < end_by:
            if not baseline.finished:  # polled in the same loop: the same load on both
                baseline.look(screen(base_session), time.monotonic())
            before = time.monotonic()
            text = screen(session)
            poll_costs.append(time.monotonic() - before)
            polls += 1
            if "How do you feel now" in text:
                break
            phase, cycle = PHASE_LINE.search(text), CYCLE_LINE.search(text)
            if phase and cycle:
                current = (int(cycle.group(1)), phase.group(1), int(phase.group(2)))
                # A new phase: another word or cycle, or the countdown jumping back up.
                if previous is None or current[:2] != previous[:2] or current[2] > previous[2]:
                    seen.append((before, current[0], current[1]))  # shown no later than we asked
                    if len(seen) == 1:
                        cpu_at_first, wall_at_first = cpu_seconds(pid), before
                previous = current
            time.sleep(POLL_SECONDS)
        cpu_breathing = (cpu_seconds(pid) - cpu_at_first) / max(1e-9, time.monotonic() - wall_at_first)
        cpu_baseline = (cpu_seconds(base_pid) - base_cpu_before) / max(1e-9, time.monotonic() - base_wall_before)

        if len(seen) != len(expected):
            print(f"saw {len(seen)} phase starts, expected {len(expected)}")
        pairs = list(zip(seen, expected, strict=False))
        origin = pairs[0][0][0] - pairs[0][1][0]
        lateness = [(moment - origin - start) for (moment, _, _), (start, _, _) in pairs]
        mismatched = [
            (cycle, word, exp_cycle, exp_kind)
            for (_, cycle, word), (_, exp_cycle, exp_kind) in pairs
            if cycle != exp_cycle
        ]
        tight_origin = min(moment - start for (moment, _, _), (start, _, _) in pairs)
        tight = [(moment - tight_origin - start) for (moment, _, _), (start, _, _) in pairs]

        # Idle: back to the list, then to home, and sit still.
        tmux("send-keys", "-t", session, "Enter")  # skip "how do you feel now"
        wait_for(session, "Saved:", 10)
        tmux("send-keys", "-t", session, "Enter")  # back to the list
        wait_for(session, "Recent sessions", 10)
        tmux("send-keys", "-t", session, "h")
        time.sleep(1.0)
        cpu_idle = idle_cpu_share(pid, options.idle_seconds)
        tmux("send-keys", "-t", session, "C-q")
        time.sleep(1.0)
    finally:
        tmux("kill-session", "-t", session)
        tmux("kill-session", "-t", base_session)

    from tui.store.breathing_repository import BreathingSessionRepository
    from tui.store.store import Store

    store = Store.open(database)
    records = [record for record in store.repo(BreathingSessionRepository).all() if record.id not in generated]
    store.close()
    shutil.rmtree(folder, ignore_errors=True)

    ms = [value * 1000 for value in lateness]
    motion = "reduced motion" if options.reduced_motion else "full motion"
    print(
        f"{options.years} years of data; {motion}; pattern {options.pattern}, {options.minutes} min -> {schedule.cycles} cycles, {len(expected)} phase starts"
    )
    print(f"phase starts seen: {len(seen)}; cycle mismatches: {len(mismatched)}")
    print(f"poll: {polls} captures, median {statistics.median(poll_costs) * 1000:.1f} ms each")
    print(
        f"lateness vs first phase (ms): worst {max(ms):.0f}, median {statistics.median(ms):.0f}, "
        f"earliest {min(ms):.0f}   (target: worst <= 100)"
    )
    print(
        f"lateness vs tightest origin (ms): worst {max(tight) * 1000:.0f}, median {statistics.median(tight) * 1000:.0f}"
    )
    worst_three = sorted(range(len(ms)), key=lambda i: ms[i], reverse=True)[:3]
    print(
        "latest phases: "
        + ", ".join(f"#{i + 1} {pairs[i][0][2]} (cycle {pairs[i][0][1]}) {ms[i]:.0f} ms" for i in worst_three)
    )
    head, tail = statistics.mean(ms[1:5]), statistics.mean(ms[-4:])
    print(
        f"drift: first phases {head:.0f} ms late, last phases {tail:.0f} ms late -> drift {tail - head:+.0f} ms "
        f"over {schedule.total_seconds:.0f} s"
    )
    base_ms = lateness_ms(baseline.seen, expected)
    print(
        f"baseline (bare loop, same poller, same time): {len(baseline.seen)} phase starts seen, worst "
        f"{max(base_ms):.0f} ms, median {statistics.median(base_ms):.0f} ms late"
    )
    print(
        f"app vs baseline: worst {max(ms):.0f} vs {max(base_ms):.0f} ms (the app adds {max(ms) - max(base_ms):+.0f} ms, "
        f"{max(ms) / max(1.0, max(base_ms)):.2f}x), median {statistics.median(ms):.0f} vs "
        f"{statistics.median(base_ms):.0f} ms"
    )
    print(f"CPU while breathing: {cpu_breathing * 100:.1f}% of one core (target <= 8%)")
    print(
        f"CPU of the baseline meanwhile: {cpu_baseline * 100:.2f}% "
        f"(the app uses {cpu_breathing / max(cpu_baseline, 1e-4):.0f}x)"
    )
    print(f"CPU idling on home after the session: {cpu_idle * 100:.2f}% of one core (target < 1%)")
    if records:
        record = records[0]
        print(
            f"saved record: finished={record.finished} actual={record.actual_seconds:.1f}s "
            f"cycles={record.cycles_completed}/{schedule.cycles}"
        )
    else:
        print("no record saved!")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
