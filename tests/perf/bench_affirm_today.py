"""``heartwork affirm today`` against ``python -c pass``, interleaved, with the INSTALLED command (run by hand).

    python tests/perf/bench_affirm_today.py [--runs 30] [--heartwork PATH]

Issue 14: the day's affirmation must be quick enough for a shell start-up
file, at most 3x a bare ``python -c pass`` (the same interpreter as the
installed command). Each round runs the baseline, then ``affirm today`` on a
database with a few own affirmations and marks, then ``affirm today`` on a
missing database; prints medians and ratios. Not a timed test.

Issue 14, 2 shared cores (load about 2), --runs 30: python -c pass 13.8 ms,
affirm today 29.1 ms (2.11x) with own data, 28.6 ms (2.07x) with no file.
Before the quick path (through argparse and the store) it was about 80 ms (8x).
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

TARGET_RATIO = 3.0


def run_seconds(command: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, check=True)
    return time.perf_counter() - started


def interpreter_of(script: str) -> str:
    first = Path(script).read_text(encoding="utf-8", errors="replace").splitlines()[0]
    return first[2:].strip() if first.startswith("#!") else sys.executable


def seed(command: str, db: Path, env: dict[str, str]) -> None:
    for text, tag in (("I am learning, and that is enough.", "growth"), ("Rest is part of the work.", "rest")):
        subprocess.run(
            [command, "--db", str(db), "affirm", "add", text, "--tag", tag],
            env=env,
            check=True,
            stdout=subprocess.DEVNULL,
        )


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
        seed(args.heartwork, db, env)
        baseline, seeded, missing = [], [], []
        for _ in range(args.runs):
            baseline.append(run_seconds([python, "-c", "pass"], env))
            seeded.append(run_seconds([args.heartwork, "--db", str(db), "affirm", "today"], env))
            missing.append(
                run_seconds([args.heartwork, "--db", str(Path(folder) / "none.json"), "affirm", "today"], env)
            )
    base = statistics.median(baseline)
    print(f"python -c pass            median {base * 1000:6.1f} ms")
    for name, times in (("affirm today (own data)", seeded), ("affirm today (no file)", missing)):
        median = statistics.median(times)
        ratio = median / base
        verdict = "ok" if ratio <= TARGET_RATIO else "over target"
        print(f"{name:<25} median {median * 1000:6.1f} ms  ratio {ratio:4.2f}x (target <= {TARGET_RATIO}x: {verdict})")


if __name__ == "__main__":
    main()
