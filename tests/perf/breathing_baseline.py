"""The baseline for bench_breathing: the same phase words on the same schedule, from a bare loop.

Prints "how do you feel" and waits for Enter, then shows, alone on a cleared
screen, "Cycle N of M" and "<Word> · <seconds> s" at each phase start of the
schedule (sleeping until each start on the monotonic clock), and finally "How
do you feel now". Watched by the same tmux poller as the app, it measures what
the harness itself adds (tmux, capture-pane, a busy machine), so the app's
lateness can be read against it.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tui.content.breathing_patterns import builtin_pattern
from tui.core.breathing import Schedule


def word_for(kind: str) -> str:
    return kind.replace("_", " ").replace("-", " ").capitalize()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pattern", default="box")
    parser.add_argument("--minutes", type=int, default=2)
    options = parser.parse_args()
    schedule = Schedule.for_minutes(builtin_pattern(options.pattern), options.minutes)
    print("how do you feel (baseline)", flush=True)
    sys.stdin.readline()
    started = time.monotonic()
    for start, cycle, index in schedule.boundaries():
        delay = started + start - time.monotonic()
        if delay > 0:
            time.sleep(delay)
        phase = schedule.pattern.phases[index]
        sys.stdout.write(
            f"\033[2J\033[HCycle {cycle + 1} of {schedule.cycles}\n{word_for(phase.kind)} · {phase.seconds:g} s\n"
        )
        sys.stdout.flush()
    delay = started + schedule.total_seconds - time.monotonic()
    if delay > 0:
        time.sleep(delay)
    print("\033[2J\033[HHow do you feel now", flush=True)
    time.sleep(60)


if __name__ == "__main__":
    main()
