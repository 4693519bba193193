"""Benchmark: the Heartwork store against stock TinyDB JSONStorage on realistic data.

Run by hand: ``python tests/perf/bench_store.py [--skip-100-years] [--saves N]``.

For 1 day, 1 year, 10 years and 100 years of data (tests/perf/datagen.py) it
measures, each in a fresh process so peak memory (ru_maxrss) is honest, and
the best of ``--repeat`` runs (the machine may be shared and busy):
open (until the first table can be read), one save (insert one check-in,
median of N), the first save of a session (it also writes the rotating
backup), one edit (change one check-in's note), file size and peak memory.
Each save is followed, in the same process, by the floor: serialising the same
data and writing, fsyncing and renaming those bytes into place (the least any
crash-safe save can do), so "save / floor" says what the store adds on top.
Then it prints the ratios against the targets at 10 years:
save <= 1.2x the floor (issue 12.5), save <= 0.25x stock, save <= 3x our own
1-day save, open <= 1.5x stock, peak memory <= 100 MiB. With ``--fresh-install``
the children run a copy installed with ``pip install .`` (not the source tree).
It asserts nothing: it prints figures.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parents[2]
if not os.environ.get("HEARTWORK_BENCH_INSTALLED"):
    sys.path.insert(0, str(REPO_ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

SIZES = {"1 day": 1, "1 year": 365, "10 years": 3650, "30 years": 10950, "100 years": 36500}


def new_checkin(number: int) -> dict[str, Any]:
    return {
        "id": f"bench-{number:08d}",
        "at": "2026-03-02T09:30:00+01:00",
        "pleasantness": 7,
        "energy": 5,
        "emotions": ["calm", "hopeful"],
        "tags": ["work"],
        "note": "A slow morning, and that is fine.",
    }


def measure_ours(path: Path, saves: int) -> dict[str, float]:
    from tui.store.database import Database

    started = time.perf_counter()
    db = Database.open(path)
    table = db.table("checkins")
    len(table)
    opened = time.perf_counter() - started
    started = time.perf_counter()
    table.save_records([new_checkin(0)])
    first_save = time.perf_counter() - started
    save_times = []
    floor_times = []
    for number in range(1, saves + 1):
        if number % 2:  # interleaved, in turn first and second: both meet the same disk and load
            floor_times.append(floor_seconds(path, db.storage.read() or {}))
        started = time.perf_counter()
        table.save_records([new_checkin(number)])
        save_times.append(time.perf_counter() - started)
        if not number % 2:
            floor_times.append(floor_seconds(path, db.storage.read() or {}))
    target = dict(table.get(doc_id=len(table) // 2) or {})
    edit_times = []
    for number in range(saves):
        started = time.perf_counter()
        table.save_records([{**target, "note": f"Edited note number {number}."}])
        edit_times.append(time.perf_counter() - started)
    return {
        "open": opened,
        "first_save": first_save,
        "save": statistics.median(save_times),
        "floor": statistics.median(floor_times),
        "edit": statistics.median(edit_times),
    }


def floor_seconds(path: Path, data: dict[str, Any]) -> float:
    """Serialise ``data`` and write + fsync + rename + fsync the folder: the least a safe save costs.

    Serialised the fastest way the codec knows, in pieces written as they are
    made (``codec.encode_parts``; one ``codec.encode`` of the whole file costs
    more: its big buffers are fresh memory, page faults and all).
    """
    from tui.store import codec

    floor_path = path.with_name("floor.json")
    started = time.perf_counter()
    fd = os.open(floor_path.with_suffix(".tmp"), os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        for piece in codec.encode_parts(data):
            os.write(fd, piece)
        os.fsync(fd)
    finally:
        os.close(fd)
    os.replace(floor_path.with_suffix(".tmp"), floor_path)
    folder = os.open(path.parent, os.O_RDONLY)
    try:
        os.fsync(folder)
    finally:
        os.close(folder)
    return time.perf_counter() - started


def measure_stock(path: Path, saves: int) -> dict[str, float]:
    from tinydb import Query, TinyDB
    from tinydb.storages import JSONStorage

    started = time.perf_counter()
    db = TinyDB(path, storage=JSONStorage)
    table = db.table("checkins")
    len(table)
    opened = time.perf_counter() - started
    started = time.perf_counter()
    table.insert(new_checkin(0))
    first_save = time.perf_counter() - started
    save_times = []
    for number in range(1, saves + 1):
        started = time.perf_counter()
        table.insert(new_checkin(number))
        save_times.append(time.perf_counter() - started)
    target = dict(table.get(doc_id=len(table) // 2) or {})
    edit_times = []
    for number in range(saves):
        started = time.perf_counter()
        table.update({"note": f"Edited note number {number}."}, Query().id == target["id"])
        edit_times.append(time.perf_counter() - started)
    db.close()
    return {
        "open": opened,
        "first_save": first_save,
        "save": statistics.median(save_times),
        "edit": statistics.median(edit_times),
    }


def child(kind: str, path: Path, saves: int) -> None:
    """Run in a fresh process: measure one store on one file, print JSON."""
    figures = measure_ours(path, saves) if kind == "ours" else measure_stock(path, saves)
    figures["peak_mib"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    figures["size"] = path.stat().st_size
    print(json.dumps(figures))


CHILD_PYTHON = sys.executable
CHILD_ENV: dict[str, str] = dict(os.environ)


def run_child(kind: str, source: Path, folder: Path, saves: int) -> dict[str, float]:
    """Measure in a fresh process on a fresh copy of ``source``."""
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(mode=0o700)
    target = folder / "heartwork.json"
    shutil.copyfile(source, target)
    os.sync()  # let earlier writes settle so they do not land on this run's fsyncs
    done = subprocess.run(
        [CHILD_PYTHON, __file__, "--child", kind, str(target), "--saves", str(saves)],
        capture_output=True,
        text=True,
        check=True,
        cwd=folder,
        env=CHILD_ENV,
    )
    return json.loads(done.stdout.splitlines()[-1])


def best_of(runs: list[dict[str, float]]) -> dict[str, float]:
    """The fastest figure of each kind over several runs (the machine may be busy)."""
    return {key: min(run[key] for run in runs) for key in runs[0]}


def baseline_mib(kind: str) -> float:
    module = "tui.store.database" if kind == "ours" else "tinydb"
    script = f"import resource, {module}; print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)"
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True, cwd=REPO_ROOT)
    return float(done.stdout)


def small_fsync_ms(folder: Path, tries: int = 20) -> float:
    """Median time to write and fsync a 2 KB file here: how busy the disk is right now."""
    times = []
    for _ in range(tries):
        started = time.perf_counter()
        fd = os.open(folder / "probe", os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        os.write(fd, b"x" * 2048)
        os.fsync(fd)
        os.close(fd)
        times.append(time.perf_counter() - started)
    os.unlink(folder / "probe")
    return statistics.median(times) * 1000


def ms(seconds: float) -> str:
    return f"{seconds * 1000:8.1f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--skip-100-years", action="store_true", help="skip the slowest size")
    parser.add_argument("--saves", type=int, default=7, help="saves and edits per measurement (median)")
    parser.add_argument("--repeat", type=int, default=3, help="runs per size and store; the best is shown")
    parser.add_argument("--fresh-install", action="store_true", help="children run a `pip install .` copy")
    parser.add_argument("--child", nargs=2, metavar=("KIND", "PATH"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child[0], Path(args.child[1]), args.saves)
        return
    from datagen import write_database

    if args.fresh_install:
        from installed import installed_heartwork, run_env

        global CHILD_PYTHON, CHILD_ENV
        CHILD_PYTHON = str(installed_heartwork(fresh=True)[1])
        CHILD_ENV = {**run_env(), "HEARTWORK_BENCH_INSTALLED": "1"}

    sizes = {name: days for name, days in SIZES.items() if not (args.skip_100_years and days > 10950)}
    results: dict[str, dict[str, dict[str, float]]] = {}
    folder = Path(tempfile.mkdtemp(prefix="heartwork-bench-"))
    print(f"Python {sys.version.split()[0]}, {os.cpu_count()} CPUs, files in {folder}")
    print(
        f"disk check: writing and fsyncing a 2 KB file takes {small_fsync_ms(folder):.2f} ms (busy disk = slower small saves)"
    )
    print(f"interpreter + imports alone: ours {baseline_mib('ours'):.0f} MiB, stock {baseline_mib('stock'):.0f} MiB")
    header = f"{'size':>10} {'store':>6} {'open ms':>8} {'save ms':>8} {'floor ms':>8} {'1st save':>8} {'edit ms':>8} {'file MB':>8} {'peak MiB':>8}"
    print(header)
    print("-" * len(header))
    try:
        for name, days in sizes.items():
            source = write_database(folder / f"source-{days}" / "heartwork.json", days)
            results[name] = {}
            runs: dict[str, list[dict[str, float]]] = {"ours": [], "stock": []}
            for _ in range(args.repeat if days <= 3650 else 1):
                for kind in ("ours", "stock"):
                    runs[kind].append(run_child(kind, source, folder / f"{kind}-{days}", args.saves))
            for kind in ("ours", "stock"):
                figures = results[name][kind] = best_of(runs[kind])
                print(
                    f"{name:>10} {kind:>6} {ms(figures['open'])} {ms(figures['save'])} "
                    f"{ms(figures['floor']) if 'floor' in figures else ' ' * 8} {ms(figures['first_save'])} "
                    f"{ms(figures['edit'])} {figures['size'] / 1e6:8.1f} {figures['peak_mib']:8.0f}"
                )
            shutil.rmtree(folder / f"stock-{days}")
            shutil.rmtree(folder / f"ours-{days}")
            shutil.rmtree(source.parent)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    ours, stock, day = results["10 years"]["ours"], results["10 years"]["stock"], results["1 day"]["ours"]
    checks = [
        ("save vs the floor", ours["save"] / ours["floor"], 1.2),
        ("save vs stock save", ours["save"] / stock["save"], 0.25),
        ("save vs our 1-day save", ours["save"] / day["save"], 3.0),
        ("edit vs stock edit", ours["edit"] / stock["edit"], 0.25),
        ("open vs stock open", ours["open"] / stock["open"], 1.5),
        ("peak memory MiB", ours["peak_mib"], 100.0),
    ]
    print("\nTargets at 10 years:")
    for label, value, limit in checks:
        verdict = "met" if value <= limit else "MISSED"
        print(f"  {label:<24} {value:8.2f}  (target <= {limit:g})  {verdict}")


if __name__ == "__main__":
    main()
