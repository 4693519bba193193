"""Export json and import of that export at 10 years, against opening that database (run by hand).

    python tests/perf/bench_portability.py [--runs 5] [--days 3650]

Issue 13's targets: ``heartwork export --format json`` and ``heartwork import``
of that export (into an empty database) each take <= 3x the time to open
that database, with peak memory <= 2x the open's. Data: ``datagen.py`` (two
check-ins and one ~1,500-character journal entry a day, plus breathing and
self-care). Each measurement is a fresh process of the INSTALLED ``heartwork``
command (the venv's script); the baseline, interleaved with them in the same
run, is a fresh process of the same interpreter that opens the database the
way the app does (``Store.open``) and reads every table. Wall-clock time and
peak memory (ru_maxrss of that child, via ``os.wait4``) are reported as medians
and ratios. Not a timed test: it prints figures.

Issue 13, 2 shared cores under other engineers' tests, ``--runs 5``, 10 years
(11.7 MB database, 14.8 MB export), at load ~3: open 241 ms / 78 MiB; export
359 ms (1.49x) / 100 MiB (1.28x); import 568 ms (2.36x) / 130 MiB (1.66x).
At load ~9, with the import's record checks added: open 771 ms; export 1.47x;
import 2.46x; memory as before. Before ``save_records`` looked the table up
once per batch instead of once per record, the import took about 3.7x.
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
sys.path[:0] = [str(ROOT), str(ROOT / "tests" / "perf")]

import datagen  # noqa: E402

OPEN_SCRIPT = """
import sys
from pathlib import Path
from tui.store.store import Store
store = Store.open(Path(sys.argv[1]))
for name in list(store.database.snapshot()):
    store.database.readable_table(name)
store.close()
"""


def run_child(command: list[str]) -> tuple[float, float]:
    """Wall seconds and peak MiB of one child process (which must succeed)."""
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    assert process.stderr is not None
    errors = process.stderr.read().decode(errors="replace")
    process.stderr.close()
    if process.returncode != 0:
        raise SystemExit(f"{command} failed ({process.returncode}): {errors}")
    return elapsed, usage.ru_maxrss / 1024  # Linux: KiB


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--days", type=int, default=3650)
    options = parser.parse_args()
    heartwork = shutil.which("heartwork", path=str(Path(sys.executable).parent))
    if heartwork is None:
        raise SystemExit("no installed heartwork next to this python: pip install . into this venv first")
    folder = Path(tempfile.mkdtemp(prefix="hw-bench-portability-"))
    try:
        source = datagen.write_database(folder / "ten-years.json", options.days)
        print(f"{options.days} days of data: {source.stat().st_size / 1e6:.1f} MB; {options.runs} interleaved runs")
        times: dict[str, list[float]] = {"open": [], "export": [], "import": []}
        memory: dict[str, list[float]] = {"open": [], "export": [], "import": []}
        for run in range(options.runs):
            work = folder / f"run{run}"
            work.mkdir()
            database = work / "heartwork.json"
            shutil.copy2(source, database)
            export = work / "export.json"
            steps = {
                "open": [sys.executable, "-c", OPEN_SCRIPT, str(database)],
                "export": [heartwork, "--db", str(database), "export", "--format", "json", "--out", str(export)],
                "import": [heartwork, "--db", str(work / "empty.json"), "import", str(export), "--yes"],
            }
            for name, command in steps.items():
                seconds, mib = run_child(command)
                times[name].append(seconds)
                memory[name].append(mib)
            shutil.rmtree(work)
        base_time, base_memory = statistics.median(times["open"]), statistics.median(memory["open"])
        print(f"{'':8} {'median':>9} {'best':>9} {'x open':>7} {'peak MiB':>9} {'x open':>7}")
        for name in times:
            median, best = statistics.median(times[name]), min(times[name])
            peak = statistics.median(memory[name])
            print(
                f"{name:8} {median * 1000:7.0f}ms {best * 1000:7.0f}ms {median / base_time:6.2f}x "
                f"{peak:9.1f} {peak / base_memory:6.2f}x"
            )
        print("targets: export and import each <= 3x open in time, <= 2x open in peak memory")
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
