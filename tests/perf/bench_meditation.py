"""Benchmark (run by hand): does a guided meditation keep exact time, cheaply, beside breathing?

    .venv/bin/python tests/perf/bench_meditation.py [--guide self-compassion-pause] [--rounds 1]

Runs the INSTALLED ``heartwork`` (the one beside this Python) in a detached tmux
pane, twice per round, one after the other: first the baseline, a 3-minute box
breathing session (``heartwork breathe --pattern box --minutes 3``, measured as
``bench_breathing.py`` does), then ``heartwork meditate GUIDE`` (the shipped
3-minute self-compassion pause). Each polls ``tmux capture-pane`` every ~10 ms
and notes when each phase word or "Step N of M" first appears; the first one
fixes the start, every later one is compared with its scheduled time.

Prints, for both side by side: worst and median lateness (target <= 100 ms),
drift, and the app's CPU share while running (guide target <= 5 % of a core,
breathing <= 8 %), with the guide/breathing ratios. Figures only, not pass/fail.

Figures on the shared 2-core machine (3 Dec 2026, load average 3-10), one round each:

    run 1: breathing worst 94 ms, median 42 ms, CPU 4.12 %; guide worst 0 ms vs its first
           step (median -38: the first step shows a little late, after the check-in), CPU 0.66 %
    run 2: breathing worst 69 ms (85 vs tightest origin), CPU 3.51 %;
           guide worst 70 ms vs tightest origin, drift +4 ms, CPU 0.67 % (0.19 x breathing)
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO_ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_breathing import CYCLE_LINE, PHASE_LINE, cpu_seconds, screen, tmux, wait_for  # noqa: E402

from tui.content.breathing_patterns import builtin_pattern  # noqa: E402
from tui.content.guides import built_in_guides  # noqa: E402
from tui.core.breathing import Schedule  # noqa: E402
from tui.core.meditation import find_guide  # noqa: E402

STEP_LINE = re.compile(r"Step (\d+) of (\d+)")
POLL_SECONDS = 0.01


@dataclass(frozen=True)
class Figures:
    """What one timed run showed."""

    changes_seen: int
    changes_expected: int
    lateness_ms: list[float]  # against the first change seen
    tight_ms: list[float]  # against the tightest origin (the change that showed soonest after its time)
    cpu_share: float

    @property
    def worst(self) -> float:
        return max(self.lateness_ms)

    @property
    def median(self) -> float:
        return statistics.median(self.lateness_ms)

    @property
    def drift(self) -> float:
        ms = self.lateness_ms
        return statistics.mean(ms[-3:]) - statistics.mean(ms[1:4]) if len(ms) > 4 else 0.0


def heartwork_command() -> str:
    installed = Path(sys.executable).with_name("heartwork")
    return str(installed) if installed.exists() else f"{sys.executable} -m tui"


def timed_run(arguments: str, expected_starts: list[float], marker: re.Pattern[str], cycle: bool) -> Figures:
    """Run ``heartwork ARGUMENTS`` in tmux; when each change first shows, and the CPU share meanwhile."""
    folder = Path(tempfile.mkdtemp(prefix="heartwork-bench-"))
    session = f"hw-med-bench-{os.getpid()}"
    command = f"cd {folder} && exec {heartwork_command()} --db {folder / 'bench.json'} {arguments}"
    tmux("new-session", "-d", "-s", session, "-x", "100", "-y", "30", command)
    try:
        pid = int(tmux("display-message", "-p", "-t", session, "#{pane_pid}").strip())
        wait_for(session, "how do you feel", 20)
        tmux("send-keys", "-t", session, "Enter")
        seen: list[float] = []
        previous: tuple[str, ...] | None = None
        cpu_at_first = wall_at_first = 0.0
        end_by = time.monotonic() + expected_starts[-1] + 60
        while time.monotonic() < end_by:
            before = time.monotonic()
            text = screen(session)
            if "How do you feel now" in text:
                break
            found = marker.search(text)
            cycle_found = CYCLE_LINE.search(text) if cycle else None
            if found and (cycle_found or not cycle):
                groups = found.groups()
                current = (cycle_found.group(1) if cycle_found else "", *groups)
                if cycle:  # a breathing phase: another word or cycle, or the countdown jumping back up
                    new = previous is None or current[:2] != previous[:2] or int(current[2]) > int(previous[2])
                else:
                    new = previous is None or current != previous
                if new:
                    seen.append(before)
                    if len(seen) == 1:
                        cpu_at_first, wall_at_first = cpu_seconds(pid), before
                previous = current
            time.sleep(POLL_SECONDS)
        cpu_share = (cpu_seconds(pid) - cpu_at_first) / max(1e-9, time.monotonic() - wall_at_first)
        tmux("send-keys", "-t", session, "C-q")
        time.sleep(0.5)
    finally:
        tmux("kill-session", "-t", session)
        shutil.rmtree(folder, ignore_errors=True)
    pairs = list(zip(seen, expected_starts, strict=False))
    origin = pairs[0][0] - pairs[0][1]
    lateness = [(moment - origin - start) * 1000 for moment, start in pairs]
    tight_origin = min(moment - start for moment, start in pairs)
    tight = [(moment - tight_origin - start) * 1000 for moment, start in pairs]
    return Figures(len(seen), len(expected_starts), lateness, tight, cpu_share)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--guide", default="self-compassion-pause")
    parser.add_argument("--rounds", type=int, default=1)
    options = parser.parse_args()
    if shutil.which("tmux") is None:
        print("tmux is needed for this benchmark")
        return 1
    guide = find_guide(options.guide, built_in_guides())
    if guide is None:
        print(f"no shipped guide called {options.guide}")
        return 1
    minutes = max(1, round(guide.total_seconds / 60))
    breathing = Schedule.for_minutes(builtin_pattern("box"), minutes)
    breathing_starts = [start for start, _, _ in breathing.boundaries()]
    guide_starts = list(guide.schedule.starts)

    print(f"heartwork: {heartwork_command()}")
    print(f"baseline: box breathing {minutes} min ({len(breathing_starts)} phase starts)")
    print(f"guide: {guide.title} {guide.total_seconds:.0f} s ({len(guide_starts)} step starts)")
    for round_number in range(1, options.rounds + 1):
        base = timed_run(f"breathe --pattern box --minutes {minutes}", breathing_starts, PHASE_LINE, cycle=True)
        mine = timed_run(f"meditate {guide.id}", guide_starts, STEP_LINE, cycle=False)
        print(f"\nround {round_number}            breathing    guide     guide/breathing")
        print(
            f"changes seen            {base.changes_seen:>4}/{base.changes_expected:<4}  {mine.changes_seen:>4}/{mine.changes_expected:<4}"
        )
        print(
            f"worst lateness (ms)     {base.worst:>9.0f}  {mine.worst:>7.0f}   {mine.worst / max(1e-9, base.worst):>6.2f}   (target <= 100)"
        )
        print(
            f"median lateness (ms)    {base.median:>9.0f}  {mine.median:>7.0f}   {mine.median / max(1e-9, base.median):>6.2f}"
        )
        base_tight, mine_tight = max(base.tight_ms), max(mine.tight_ms)
        print(
            f"worst vs tightest (ms)  {base_tight:>9.0f}  {mine_tight:>7.0f}   "
            f"{mine_tight / max(1e-9, base_tight):>6.2f}   (target <= 100)"
        )
        print(f"drift (ms)              {base.drift:>+9.0f}  {mine.drift:>+7.0f}")
        print(
            f"CPU (% of one core)     {base.cpu_share * 100:>9.2f}  {mine.cpu_share * 100:>7.2f}   "
            f"{mine.cpu_share / max(1e-9, base.cpu_share):>6.2f}   (targets: breathing <= 8, guide <= 5)"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
