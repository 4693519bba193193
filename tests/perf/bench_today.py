"""``heartwork today`` against ``python -c pass``, interleaved, with the INSTALLED command (run by hand).

    python tests/perf/bench_today.py [--runs 30] [--heartwork PATH]

Issue 17 item 6: the one-line status is for a shell prompt or start-up file,
at most 3x a bare ``python -c pass`` (the same interpreter as the installed
command). Each round runs the baseline, then ``today`` on a database with
three assignments, a few hundred sessions, entries and ticks, then ``today``
with a record waiting in the inbox (the full path); prints medians and ratios.
Not a timed test.

Issue 17, 2 shared cores (others testing), --runs 15, editable install: python -c pass 10.9 ms,
today 30.4 ms (2.78x) on the quick path; 166 ms (15x) with a record waiting in the inbox,
where it steps aside to the full command on purpose (the store merges the inbox).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import tempfile
from pathlib import Path

from bench_affirm_today import interpreter_of, run_seconds

TARGET_RATIO = 3.0

SEED = """
import sys
from datetime import datetime, timedelta
from tui.core.breathing.session import BreathingRecord
from tui.core.homework.assignment import Assignment, Frequency, HomeworkTick
from tui.store.breathing_repository import BreathingSessionRepository
from tui.store.homework_repository import HomeworkRepository, HomeworkTickRepository
from tui.store.store import Store
store = Store.open(__import__("pathlib").Path(sys.argv[1]))
now = datetime.now().astimezone()
homework = store.repo(HomeworkRepository)
homework.save(Assignment(id="b", kind="breathing", title="Box", target="box", minutes=5))
homework.save(Assignment(id="f", kind="free-text", title="Text a friend"))
homework.save(Assignment(id="j", kind="journal", target="inner-critic", frequency=Frequency("times-a-week", times=3)))
store.repo(BreathingSessionRepository).save_many(
    BreathingRecord(f"s{n}", now - timedelta(days=n), "box", "Box", (), 300, None, 300, 5, True) for n in range(400)
)
store.repo(HomeworkTickRepository).save(HomeworkTick("f:x", "f", now.date().isoformat()))
store.close()
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--heartwork", default=shutil.which("heartwork"), help="the installed command")
    args = parser.parse_args()
    if not args.heartwork:
        raise SystemExit("no installed heartwork command (pip install . into a venv first)")
    python = interpreter_of(args.heartwork)
    with tempfile.TemporaryDirectory() as folder:
        env = {**os.environ, "HOME": folder}
        env.pop("HEARTWORK_DB", None)
        db = Path(folder) / "db.json"
        subprocess.run([python, "-c", SEED, str(db)], env=env, check=True)
        inbox_db = Path(folder) / "inbox.json"
        shutil.copy(db, inbox_db)
        subprocess.run(
            [args.heartwork, "--db", str(inbox_db), "checkin", "6"], env=env, check=True, stdout=subprocess.DEVNULL
        )
        baseline, quick, inbox = [], [], []
        for _ in range(args.runs):
            baseline.append(run_seconds([python, "-c", "pass"], env))
            quick.append(run_seconds([args.heartwork, "--db", str(db), "today"], env))
            inbox.append(run_seconds([args.heartwork, "--db", str(inbox_db), "today"], env))
        print(
            subprocess.run([args.heartwork, "--db", str(db), "today"], env=env, capture_output=True, text=True).stdout
        )
    base = statistics.median(baseline)
    print(f"python -c pass              median {base * 1000:6.1f} ms")
    for name, times in (("today (quick path)", quick), ("today (inbox: full path)", inbox)):
        median = statistics.median(times)
        ratio = median / base
        verdict = "ok" if ratio <= TARGET_RATIO else "over target"
        print(f"{name:<27} median {median * 1000:6.1f} ms  ratio {ratio:4.2f}x (target <= {TARGET_RATIO}x: {verdict})")


if __name__ == "__main__":
    main()
