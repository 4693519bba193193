"""Benchmark (run by hand): memory the store needs for 1, 10 and 30 years of data (issue 12.3).

    python tests/perf/bench_memory.py [--fresh-install] [--years "10 years" ...]

The data is ``datagen.py``'s realistic mix plus one homework assignment (so
the homework reads walk every practice record, as they do for a person who
has one).

Each size runs in a fresh process of the installed copy (this venv's Python,
or with ``--fresh-install`` a ``pip install .`` copy, never the source tree):
first the interpreter with the store's code imported (the baseline, measured
in the same process just before; the bare interpreter and a bare
``import textual.app`` are printed beside it for reference, not subtracted),
then what the app does with the data: open the database, make every read the
app's loading worker and its screens make (home, the mood dashboard and its
extras, the journal list and a search as typed, breathing history, self-care,
affirmations, homework, a report; then every table's readable records) and save once (which also makes a backup). Prints, above
the baseline and as multiples of the file size (target: <= 3x), the peak while
opening, what opening holds, what is held after the reads, the peak once a save
ran and what stays; and, with tracemalloc in a second run, how much the parsed
records of each table are when parsed alone (repeated values shared as the
store shares them).
Figures only; nothing is asserted.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from datagen import YEARS
from installed import REPO_ROOT, installed_heartwork, run_env

CHILD = r"""
import json, os, sys
def status(field):
    for line in open("/proc/self/status"):
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
bare = status("VmRSS")  # the interpreter alone
path = sys.argv[1]
if len(sys.argv) > 2 and sys.argv[2] == "textual":
    import textual.app  # the bare Textual baseline, for reference: what an app costs with no data
    print(json.dumps({"bare": bare, "textual": status("VmRSS")}))
    raise SystemExit
from datetime import date, datetime, timedelta
from tui.store.store import Store
from tui.store.affirmation_library import affirmation_library
from tui.store.affirmation_practice_repository import AffirmationPracticeRepository
from tui.store.breathing_pattern_repository import BreathingPatternRepository
from tui.store.breathing_repository import BreathingSessionRepository
from tui.store.checkin_repository import CheckinRepository
from tui.store.homework_effects_repository import load_homework_effects
from tui.store.homework_queries import homework_done_days, homework_today
from tui.store.journal_repository import JournalRepository
from tui.store.meditation_repository import MeditationSessionRepository
from tui.store.questionnaire_repository import QuestionnaireRepository
from tui.store.reflection_repository import ReflectionRepository
from tui.store.report_data import report_inputs
from tui.store.selfcare_need_repository import SelfCareNeedRepository
from tui.store.selfcare_repository import SelfCareRepository, SelfCareTickRepository
from tui.store.today_repository import summarize_day
from tui.store.view_data import prepare_first_views, warm_up_later_views
from tui.core.journal_search import SearchFilter, filter_entries
import orjson, tinydb, tui.store.backups, tui.store.record_checks, tui.store.chunked_decode  # code, not data
baseline = status("VmRSS")
store = Store.open(path)
opened, open_peak = status("VmRSS"), status("VmHWM")
now = datetime.now().astimezone()
today = now.date()
# What launch.open_for_app builds in its worker (the same functions), then what each screen reads
# (the same calls the screens make).
database = store.database
prepare_first_views(store, today)
warm_up_later_views(store)
checkins = store.repo(CheckinRepository)
journal = store.repo(JournalRepository)
week_start = store.settings.load().week_start
# Home: sparkline, "so far today", homework line, affirmation of the day.
checkins.version(); checkins.mood_days(); summarize_day(database, today)
homework_today(store, now, week_start); affirmation_library(store)
# Mood dashboard and its extras; the check-in sheet's suggestions.
checkins.latest_points(10); load_homework_effects(database)
store.repo(ReflectionRepository).latest(3); store.repo(QuestionnaireRepository).by_questionnaire()
checkins.emotions_used(); checkins.tags_used()
# Journal: the tags, the list, then a search as typed (each keystroke), with the shown rows' texts.
journal.all_tags()
summaries = journal.summaries()
for typed in ("g", "gr", "gra", "grat", "zo", "zoë", "morning walk"):
    for summary in filter_entries(summaries, SearchFilter(query=typed))[:200]:
        journal.text_of(summary.id)
# Breathe: adjustments remembered, own patterns, recent sessions (timed and guided).
sessions = store.repo(BreathingSessionRepository)
sessions.latest_for("coherent"); sessions.latest_for("sigh"); sessions.recent(30)
store.repo(BreathingPatternRepository).sorted_by_name(); store.repo(MeditationSessionRepository).recent(30)
# Self-care: routines, every tick, needs.
store.repo(SelfCareRepository).active_items(); store.repo(SelfCareTickRepository).all()
store.repo(SelfCareNeedRepository).needs()
# Affirmations: the library and the practice counts.
affirmation_library(store); store.repo(AffirmationPracticeRepository).counts()
# Homework: assignments with their done days.
homework_done_days(store, now.tzinfo)
# A report over the last year, journal included (what the report dialog builds).
report_inputs(store, today - timedelta(days=365), today, include_journal=True)
# Anything else: every table's readable records.
data = store.database.storage.read() or {}
for name in list(data):
    store.database.readable_table(name)
read = status("VmRSS")
store.database.table("bench").save_records([{"id": "bench"}])
tables = {}
if len(sys.argv) > 2:
    import tracemalloc
    from tui.store.shared_values import ValueSharer
    for name, table in data.items():
        part = orjson.dumps(table)
        tracemalloc.start()
        copy = orjson.loads(part)
        ValueSharer()(name, copy)  # repeated values shared, as the store shares them when it loads
        tables[name] = [len(part), tracemalloc.get_traced_memory()[0]]
        tracemalloc.stop()
        del copy
print(json.dumps({"bare": bare, "baseline": baseline, "opened": opened, "open_peak": open_peak, "read": read,
                  "peak": status("VmHWM"), "steady": status("VmRSS"), "tables": tables}))
"""

WITH_HOMEWORK = r"""
import sys
from tui.core.homework.assignment import Assignment
from tui.store.homework_repository import HomeworkRepository
from tui.store.store import Store
store = Store.open(sys.argv[1])
store.repo(HomeworkRepository).add(
    Assignment(id="bench-homework", kind="breathing", title="Box breathing", target="box", minutes=5, start="2000-01-01")
)
store.close()
"""
"""One breathing assignment, so Home's homework line and the Homework section walk every practice record."""


def measure(python: Path, database: Path, tables: bool, textual: bool = False) -> dict[str, object]:
    env = run_env()
    extra = ["textual"] if textual else ["tables"] if tables else []
    done = subprocess.run(
        [str(python), "-c", CHILD, str(database), *extra],
        env=env,
        capture_output=True,
        text=True,
        check=True,
        cwd=database.parent,
    )
    result: dict[str, object] = json.loads(done.stdout.splitlines()[-1])
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--fresh-install", action="store_true", help="run a `pip install .` copy")
    parser.add_argument("--years", nargs="*", default=list(YEARS), choices=list(YEARS))
    args = parser.parse_args()
    _, python = installed_heartwork(fresh=args.fresh_install)
    folder = Path(tempfile.mkdtemp(prefix="heartwork-memory-"))
    env = dict(os.environ, PYTHONPATH=str(REPO_ROOT))
    print(f"{python}, files in {folder}")
    print(
        "Figures are RSS above the baseline: the interpreter with the store's code imported (no data).\n"
        "open = after Store.open (peak while parsing / held after); reads = after every screen's reads;\n"
        "save = the peak once a save (serialise + write + backup) has run. x = multiple of the file size."
    )
    print(
        f"{'size':>9} {'file MiB':>9} {'base MiB':>9} {'open peak':>10} {'x':>5} {'held':>7} {'x':>5}"
        f" {'reads':>7} {'x':>5} {'save peak':>10} {'x':>5} {'steady':>7} {'x':>5}"
    )
    try:
        for name in args.years:
            database = folder / name.replace(" ", "-") / "heartwork.json"
            subprocess.run(
                [sys.executable, str(Path(__file__).with_name("datagen.py")), str(database), str(YEARS[name])],
                env=env,
                check=True,
                stdout=subprocess.DEVNULL,
            )
            subprocess.run([sys.executable, "-c", WITH_HOMEWORK, str(database)], env=env, check=True)
            size = database.stat().st_size / 2**20
            figures = measure(python, database, tables=False)
            base = float(str(figures["baseline"]))
            row = [float(str(figures[key])) - base for key in ("open_peak", "opened", "read", "peak", "steady")]
            cells = " ".join(
                f"{value:{width}.1f} {value / size:5.2f}" for value, width in zip(row, (10, 7, 7, 10, 7), strict=True)
            )
            print(f"{name:>9} {size:9.1f} {base:9.1f} {cells}   (target <= 3x)")
            if name == "10 years":
                detail = measure(python, database, tables=True)["tables"]
                assert isinstance(detail, dict)
                for table, (json_bytes, object_bytes) in sorted(detail.items(), key=lambda item: -item[1][1]):
                    print(
                        f"{'':>9}   {table:<22} JSON {json_bytes / 2**20:6.2f} MiB -> records "
                        f"{object_bytes / 2**20:6.2f} MiB ({object_bytes / max(json_bytes, 1):.1f}x)"
                    )
            if name == args.years[-1]:
                reference = measure(python, database, tables=False, textual=True)
                bare, textual = (float(str(reference[key])) for key in ("bare", "textual"))
                print(
                    f"{'':>9} baselines: bare interpreter {bare:.1f} MiB, + store code {base:.1f} MiB,"
                    f" + textual.app imported {textual:.1f} MiB (not subtracted: the app's code, not its data)"
                )
            shutil.rmtree(database.parent)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
