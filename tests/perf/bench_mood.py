"""Benchmark the mood dashboard and ``heartwork checkin`` at ten years of data (run by hand).

    python tests/perf/bench_mood.py [--repeat 5]

Prints medians and ratios (issue 12.4, in a real terminal with the installed
``heartwork``: the first switch to Mood at 1, 10 and 30 years of realistic
data, 30 years <= 1.5x 1 year; ``--years`` picks the sizes, ``--years`` with
no sizes skips it), then the targets from issue 5:
- dashboard first frame with 10 years of check-ins (7,300) vs one month: <= 1.5x;
- ``heartwork checkin 7`` as a whole process on a 10-year database vs
  ``python -c pass`` in the same run: <= 7x.

The data is generated here (seeded), two check-ins a day.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO_ROOT))
sys.path.insert(0, str(REPO_ROOT / "tests/perf"))

from tui.core.checkin import Checkin  # noqa: E402
from tui.core.clock import FakeClock  # noqa: E402
from tui.store.checkin_repository import CheckinRepository  # noqa: E402
from tui.store.store import Store  # noqa: E402

NOW = datetime(2026, 3, 2, 21, 0).astimezone()
EMOTIONS = ("calm", "tired", "anxious", "hopeful", "content", "stressed", "sad", "proud")
TAGS = ("work", "family", "sleep", "walk", "therapy", "friends", "rain")


def make_database(path: Path, days: int, per_day: int = 2, seed: int = 5) -> int:
    """A database file holding ``per_day`` check-ins on each of ``days`` days ending today."""
    rng = random.Random(seed)
    items = []
    for offset in range(days):
        for number in range(per_day):
            at = (NOW - timedelta(days=offset)).replace(hour=8 + 10 * number, minute=rng.randrange(60))
            items.append(
                Checkin(
                    at=at,
                    pleasantness=rng.randint(1, 10),
                    energy=rng.randint(1, 10),
                    emotions=tuple(rng.sample(EMOTIONS, 2)),
                    tags=tuple(rng.sample(TAGS, 2)),
                    note=rng.choice(("", "a short note about the day")),
                )
            )
    store = Store.open(path)
    store.repo(CheckinRepository).save_many(items)
    store.close()
    return len(items)


async def _first_frame(path: Path) -> float:
    from tui.ui.app import Launch, create_app
    from tui.ui.screens.mood.mood import MoodScreen

    started = time.perf_counter()
    store = Store.open(path)
    app = create_app(store, FakeClock(NOW), launch=Launch("mood"), themes_dir=path.parent / "no-themes")
    async with app.run_test(size=(120, 50)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, MoodScreen) and app.screen.overview is not None
        app.screen._compositor.render_update(full=True)  # make sure the frame is really drawn
        elapsed = time.perf_counter() - started
    store.close()
    return elapsed


def first_frame_medians(paths: list[Path], repeat: int) -> list[float]:
    """Median first-frame seconds per database, runs interleaved so machine load hits all alike."""
    for path in paths:
        asyncio.run(_first_frame(path))  # warm imports and caches once
    times: list[list[float]] = [[] for _ in paths]
    for _ in range(repeat):
        for index, path in enumerate(paths):
            times[index].append(asyncio.run(_first_frame(path)))
    return [statistics.median(column) for column in times]


def process_median(command: list[str], repeat: int) -> tuple[float, float]:
    """Median wall-clock and median CPU (user + system) seconds of ``command``.

    CPU time is printed too because it barely moves when other programs load
    the machine, while wall-clock time can double.
    """
    walls, cpus = [], []
    for _ in range(repeat):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        subprocess.run(command, cwd=REPO_ROOT, check=True, capture_output=True)
        walls.append(time.perf_counter() - started)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append((after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime))
    return statistics.median(walls), statistics.median(cpus)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--years", type=int, nargs="*", default=[1, 10, 30])
    parser.add_argument("--sizes-only", action="store_true", help="only the 1/10/30-year comparison")
    args = parser.parse_args()
    if args.years:
        from terminal_timing import compare_sizes

        compare_sizes("first switch to Mood", [], "Today is", "m", "Your mood, the last", args.years, args.repeat)
    if args.sizes_only:
        return
    folder = Path(tempfile.mkdtemp(prefix="hw-bench-"))
    try:
        month_db, decade_db = folder / "month.json", folder / "decade.json"
        month_count = make_database(month_db, 30)
        decade_count = make_database(decade_db, 3650)
        print(
            f"data: one month = {month_count} check-ins, ten years = {decade_count} check-ins "
            f"({decade_db.stat().st_size / 1e6:.1f} MB)"
        )

        month, decade = first_frame_medians([month_db, decade_db], args.repeat)
        ratio = decade / month
        print(
            f"dashboard first frame: month {month * 1000:.0f} ms, ten years {decade * 1000:.0f} ms, "
            f"ratio {ratio:.2f}x (target <= 1.5x) {'OK' if ratio <= 1.5 else 'OVER'}"
        )

        checkin_db = folder / "checkin.json"
        shutil.copy(decade_db, checkin_db)
        command = [sys.executable, "-m", "tui", "--db", str(checkin_db), "checkin", "7"]
        subprocess.run(command, cwd=REPO_ROOT, check=True, capture_output=True)  # warm the OS caches
        rounds = args.repeat * 2
        baseline, baseline_cpu = process_median([sys.executable, "-c", "pass"], rounds)
        checkin, checkin_cpu = process_median(command, rounds)
        ratio = checkin / baseline
        print(
            f"heartwork checkin 7 (ten years): {checkin * 1000:.0f} ms, python -c pass {baseline * 1000:.0f} ms, "
            f"ratio {ratio:.1f}x (target <= 7x) {'OK' if ratio <= 7 else 'OVER'}"
        )
        print(
            f"  CPU time: checkin {checkin_cpu * 1000:.0f} ms, python -c pass {baseline_cpu * 1000:.0f} ms, "
            f"ratio {checkin_cpu / max(baseline_cpu, 1e-6):.1f}x"
        )
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
