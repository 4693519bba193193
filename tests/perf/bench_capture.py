"""Benchmark (run by hand): quick capture from the shell at 1, 10 and 30 years of data (issue 12.1, 12.5).

    python tests/perf/bench_capture.py [--rounds 15] [--use-this-venv] [--years "1 year" ...]

Installs the repository with ``pip install .`` into a fresh virtual environment
(or, with ``--use-this-venv``, uses the ``heartwork`` script of this one), writes
the realistic mix of tests/perf/datagen.py, then runs, interleaved in shuffled
order in every round so the machine's load falls on all of them alike:
``python -c pass`` (the baseline, the same interpreter), ``heartwork checkin 7``,
``heartwork journal add TEXT``, ``heartwork affirm add TEXT``, the lookups
``heartwork selfcare done NAME`` and ``heartwork plan tick NAME --date D`` (a
new day each run) (<= 5x at every size, 30 years included) and, for comparison, the
same tick answered by the full CLI (``selfcare --category mind done NAME``: an
option the quick path leaves to it; it parses the whole file, and merges the
inbox the other commands queued). Prints the median wall time of each, its
ratio to the baseline, and each command's peak memory (the child's ru_maxrss).
Targets: every capture <= 3x the baseline at every size, every quick command <= 40 MiB.
Then a process opens a copy of the database for writing (merging what the
captures queued), saves a few times, has 1,000 records appended to the inbox
and saves once more: that merge is timed against its plain saves, in
``--merge-trials`` fresh processes (median and middle half printed).
Figures only; nothing is asserted.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from datagen import SELFCARE, TASK_START, TASK_TITLE, YEARS
from installed import REPO_ROOT, installed_heartwork, run_env

CAPTURE_MIB_TARGET = 40.0
RATIO_TARGET = 3.0
LOOKUP_RATIO_TARGET = 5.0  # commands that must look something up first (self-care done by name), at 30 years
LOOKUPS = frozenset({"selfcare done", "plan tick"})
FOR_COMPARISON = frozenset({"done, full CLI"})  # no target: what the quick path saves
GNU_TIME = "/usr/bin/time"


def write_database(path: Path, days: int) -> Path:
    """datagen in its own process: this one stays small, and so do the children it forks.

    (Linux counts a child's peak memory from before its exec, so a parent holding
    thirty years of generated data would make every child look that big.)
    """
    env = dict(os.environ, PYTHONPATH=str(REPO_ROOT))
    subprocess.run(
        [sys.executable, str(Path(__file__).with_name("datagen.py")), str(path), str(days)],
        env=env,
        check=True,
        stdout=subprocess.DEVNULL,
    )
    return path


def timed(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """(wall seconds, peak MiB) of one run of ``command``.

    The peak comes from GNU time when it is there (``/usr/bin/time -f %M``): a small
    parent, so the figure is the command's own; otherwise from ``wait4`` (which on
    Linux also counts what the child held before exec: an upper bound).
    """
    wrapper: list[str] = []
    report: Path | None = None
    if Path(GNU_TIME).exists():
        handle, name = tempfile.mkstemp(prefix="heartwork-time-")
        os.close(handle)
        report = Path(name)
        wrapper = [GNU_TIME, "-q", "-f", "%M", "-o", name]
    started = time.perf_counter()
    process = subprocess.Popen([*wrapper, *command], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    assert process.stderr is not None
    problem = process.stderr.read()
    process.stderr.close()
    if process.returncode != 0:
        raise SystemExit(f"{command[1:]} failed: {problem.decode(errors='replace')}")
    peak = usage.ru_maxrss / 1024
    if report is not None:
        peak = int(report.read_text().split()[-1]) / 1024
        report.unlink()
    return elapsed, peak


def measure_size(heartwork: Path, python: Path, database: Path, rounds: int) -> dict[str, tuple[float, float]]:
    env = run_env()
    commands = {
        "python -c pass": [str(python), "-c", "pass"],
        "checkin 7": [str(heartwork), "--db", str(database), "checkin", "7"],
        "journal add": [str(heartwork), "--db", str(database), "journal", "add", "A slow, kind morning."],
        "affirm add": [str(heartwork), "--db", str(database), "affirm", "add", "I can be kind to myself."],
        "selfcare done": [str(heartwork), "--db", str(database), "selfcare", "done", SELFCARE[0]],
        # A day before the data (never ticked), a new one each run: ticking a day twice is the full CLI's to say.
        "plan tick": [str(heartwork), "--db", str(database), "plan", "tick", TASK_TITLE, "--date", "DAY"],
        "done, full CLI": [
            str(heartwork),
            "--db",
            str(database),
            "selfcare",
            "--category",
            "mind",
            "done",
            SELFCARE[0],
        ],
    }
    days = (TASK_START + timedelta(days=n) for n in range(366))

    def argv(label: str) -> list[str]:
        return [next(days).isoformat() if word == "DAY" else word for word in commands[label]]

    for label in commands:  # warm the page cache and the bytecode
        timed(argv(label), env)
    times: dict[str, list[float]] = {label: [] for label in commands}
    peaks: dict[str, float] = dict.fromkeys(commands, 0.0)
    rng = random.Random(12)
    for _ in range(rounds):
        order = list(commands)
        rng.shuffle(order)
        for label in order:
            elapsed, peak = timed(argv(label), env)
            times[label].append(elapsed)
            peaks[label] = max(peaks[label], peak)
    return {label: (statistics.median(times[label]), peaks[label]) for label in commands}


def measure_merge(python: Path, database: Path) -> tuple[float, float, int]:
    """(merge save seconds, plain save seconds, records merged) in the installed copy's Python."""
    script = r"""
import sys, time, statistics
from pathlib import Path
from tui.store import inbox
from tui.store.database import Database
path = Path(sys.argv[1])
db = Database.open(path)  # merges what the captures queued
table = db.table("bench")
plain = []
for number in range(5):
    started = time.perf_counter(); table.save_records([{"id": f"p{number}"}]); plain.append(time.perf_counter() - started)
inbox.append_many(path, [("checkins", {"id": f"m{n}", "at": "2026-03-02T09:30:00+01:00", "pleasantness": 7,
                  "energy": None, "emotions": [], "tags": [], "note": ""}) for n in range(1000)])
started = time.perf_counter(); table.save_records([{"id": "after"}]); merge = time.perf_counter() - started
assert inbox.read_pending(path).records == []
print(merge, statistics.median(plain), 1000)
"""
    done = subprocess.run(
        [str(python), "-c", script, str(database)], env=run_env(), capture_output=True, text=True, check=True
    )
    merge, plain, count = done.stdout.split()
    return float(merge), float(plain), int(count)


def measure_merges(python: Path, database: Path, trials: int) -> tuple[list[tuple[float, float]], int]:
    """:func:`measure_merge` in ``trials`` fresh processes, each on a fresh copy of the database (and its inbox).

    One merge is one save, a single sample on a shared machine: the median of
    several, with their spread, is the figure to trust.
    """
    results: list[tuple[float, float]] = []
    count = 0
    for trial in range(trials):
        folder = database.parent / f"merge-{trial}"
        folder.mkdir(mode=0o700)
        copy = folder / database.name
        shutil.copyfile(database, copy)
        inbox = database.with_name(database.name + ".inbox")
        if inbox.exists():
            shutil.copyfile(inbox, copy.with_name(copy.name + ".inbox"))
        merge, plain, count = measure_merge(python, copy)
        results.append((merge, plain))
        shutil.rmtree(folder)
    return results, count


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=15, help="interleaved runs of each command per size")
    parser.add_argument("--use-this-venv", action="store_true", help="time this venv's heartwork (no fresh install)")
    parser.add_argument("--years", nargs="*", default=list(YEARS), choices=list(YEARS), help="sizes to measure")
    parser.add_argument("--merge-trials", type=int, default=9, help="fresh processes timing the merge per size")
    args = parser.parse_args()
    heartwork, python = installed_heartwork(fresh=not args.use_this_venv)
    folder = Path(tempfile.mkdtemp(prefix="heartwork-capture-"))
    print(f"{heartwork} ({'this venv' if args.use_this_venv else 'fresh pip install .'}), {os.cpu_count()} CPUs")
    header = f"{'size':>9} {'file MB':>8} {'command':>15} {'median ms':>10} {'x pass':>7} {'peak MiB':>9}"
    print(header)
    print("-" * len(header))
    verdicts: list[str] = []
    try:
        for name in args.years:
            database = write_database(folder / name.replace(" ", "-") / "heartwork.json", YEARS[name])
            size = database.stat().st_size
            figures = measure_size(heartwork, python, database, args.rounds)
            baseline = figures["python -c pass"][0]
            for label, (median, peak) in figures.items():
                print(
                    f"{name:>9} {size / 1e6:8.1f} {label:>15} {median * 1000:10.1f} {median / baseline:7.2f} {peak:9.1f}"
                )
                if label in LOOKUPS:
                    ok = median / baseline <= LOOKUP_RATIO_TARGET
                    mib_ok = peak <= CAPTURE_MIB_TARGET
                    verdicts.append(
                        f"  {name:>9} {label:<13} {median / baseline:5.2f}x pass (<= {LOOKUP_RATIO_TARGET:g}: "
                        f"{'met' if ok else 'MISSED'}), {peak:5.1f} MiB (<= {CAPTURE_MIB_TARGET:g}: "
                        f"{'met' if mib_ok else 'MISSED'})"
                    )
                elif label in FOR_COMPARISON:
                    quick = figures["selfcare done"][0]
                    verdicts.append(
                        f"  {name:>9} {label:<13} {median / baseline:5.2f}x pass, {peak:5.1f} MiB "
                        f"(the quick path takes {quick / median:.2f} of its time)"
                    )
                elif label != "python -c pass":
                    ratio_ok = median / baseline <= RATIO_TARGET
                    mib_ok = peak <= CAPTURE_MIB_TARGET
                    verdicts.append(
                        f"  {name:>9} {label:<12} {median / baseline:5.2f}x pass (<= {RATIO_TARGET:g}: "
                        f"{'met' if ratio_ok else 'MISSED'}), {peak:5.1f} MiB (<= {CAPTURE_MIB_TARGET:g}: "
                        f"{'met' if mib_ok else 'MISSED'})"
                    )
            merges, count = measure_merges(python, database, args.merge_trials)
            extras = [(merge - plain) / plain for merge, plain in merges]
            extra = statistics.median(extras)
            low, high = (statistics.quantiles(extras, n=4)[::2]) if len(extras) >= 4 else (min(extras), max(extras))
            verdicts.append(
                f"  {name:>9} the save that merges {count:,} inbox records: {statistics.median(m for m, _ in merges) * 1000:.1f} ms, "
                f"a plain save {statistics.median(p for _, p in merges) * 1000:.1f} ms (medians of {len(merges)} fresh "
                f"processes): merging adds {extra:.2f} of a save (middle half {low:.2f}-{high:.2f}; "
                f"<= 1: {'met' if extra <= 1 else 'MISSED'})"
            )
            shutil.rmtree(database.parent)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    print("\nTargets:")
    print("\n".join(verdicts))


if __name__ == "__main__":
    main()
