"""Realistic Heartwork data for benchmarks: years of check-ins, journal entries, breathing and self-care.

``generate(days, seed)`` returns plain tables (``{table: [document, ...]}``) with
the field names of CONTRACT.md; ``write_database(path, days)`` writes them as a
Heartwork database file (TinyDB layout, current schema stamp, laid out as
the store writes it: one table to a line) that both the
project's store and stock TinyDB can open. Deterministic for a given seed.

Per day: 2 check-ins, 1 journal entry of about 1,500 characters, 1 breathing
session and 5 self-care ticks; a homework plan of two assignments, the
person's own task ticked on about 3 days in 5 (from :data:`TASK_START`, a
year before the data, so earlier days can still be ticked). ``YEARS`` names the sizes the benchmarks use
(1, 10 and 30 years); ``python tests/perf/datagen.py PATH DAYS`` writes one.
"""

from __future__ import annotations

import random
import uuid
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

Tables = dict[str, list[dict[str, Any]]]

YEARS = {"1 year": 365, "10 years": 3650, "30 years": 10950}

START = datetime(2016, 1, 4, 8, 0, tzinfo=timezone(timedelta(hours=1)))
TASK_TITLE = "Walk after lunch"
TASK_START = (START - timedelta(days=365)).date()
EMOTIONS = ["calm", "tired", "hopeful", "anxious", "content", "sad", "grateful", "restless", "tender", "proud"]
TAGS = ["work", "family", "sleep", "friends", "health", "weekend", "therapy"]
KINDS = ["free", "inner-critic", "compassion-break", "kind-letter"]
WORDS = [
    "today",
    "I",
    "noticed",
    "how",
    "often",
    "I",
    "speak",
    "to",
    "myself",
    "more",
    "harshly",
    "than",
    "I",
    "would",
    "to",
    "a",
    "friend",
    "and",
    "I",
    "tried",
    "to",
    "pause",
    "and",
    "breathe",
    "and",
    "offer",
    "a",
    "kinder",
    "word",
    "the",
    "morning",
    "was",
    "slow",
    "the",
    "walk",
    "helped",
    "I",
    "felt",
    "the",
    "tension",
    "in",
    "my",
    "shoulders",
    "soften",
    "a",
    "little",
    "it",
    "is",
    "okay",
    "to",
    "find",
    "this",
    "hard",
    "everyone",
    "struggles",
    "sometimes",
    "I",
    "am",
    "doing",
    "my",
    "best",
    "tomorrow",
    "I",
    "want",
    "to",
    "remember",
    "the",
    "small",
    "things",
    "that",
    "went",
    "well",
    "tea",
    "sunlight",
    "a",
    "message",
]
SELFCARE = [
    "Drink a glass of water",
    "Step outside",
    "Stretch",
    "Message a friend",
    "Rest my eyes",
    "Eat something warm",
]
PHASES = [{"kind": "inhale", "seconds": 4}, {"kind": "hold", "seconds": 7}, {"kind": "exhale", "seconds": 8}]


def _id(rng: random.Random) -> str:
    return uuid.UUID(int=rng.getrandbits(128), version=4).hex


def _text(rng: random.Random, length: int) -> str:
    words: list[str] = []
    size = 0
    while size < length:
        word = rng.choice(WORDS)
        words.append(word)
        size += len(word) + 1
    return " ".join(words)[:length]


def generate(days: int, seed: int = 1) -> Tables:
    """Tables for ``days`` days of use, as lists of documents with string ids."""
    rng = random.Random(seed)
    tables: Tables = {
        "checkins": [],
        "journal_entries": [],
        "breathing_sessions": [],
        "selfcare_items": [],
        "selfcare_ticks": [],
        "homework_assignments": [],
        "homework_ticks": [],
        "settings": [
            {"id": "settings", "theme": "dusk", "reduced_motion": False, "bell": False, "week_start": "monday"}
        ],
    }
    created = START.isoformat(timespec="seconds")
    items = [
        {"id": _id(rng), "text": text, "category": "body", "active": True, "created_at": created} for text in SELFCARE
    ]
    tables["selfcare_items"] = items
    task = _assignment(_id(rng), "free-text", TASK_TITLE, "", created)
    tables["homework_assignments"] = [task, _assignment(_id(rng), "breathing", "Breathe before bed", "4-7-8", created)]
    for day_number in range(days):
        morning = START + timedelta(days=day_number)
        day = morning.date().isoformat()
        for hour in (0, 12):
            at = (morning + timedelta(hours=hour, minutes=rng.randrange(60))).isoformat(timespec="seconds")
            tables["checkins"].append(
                {
                    "id": _id(rng),
                    "at": at,
                    "pleasantness": rng.randint(1, 10),
                    "energy": rng.choice([None, *range(1, 11)]),
                    "emotions": rng.sample(EMOTIONS, rng.randint(0, 3)),
                    "tags": rng.sample(TAGS, rng.randint(0, 2)),
                    "note": _text(rng, rng.randint(0, 120)),
                }
            )
        written = (morning + timedelta(hours=13)).isoformat(timespec="seconds")
        tables["journal_entries"].append(
            {
                "id": _id(rng),
                "created_at": written,
                "updated_at": written,
                "entry_date": day,
                "kind": rng.choice(KINDS),
                "title": _text(rng, rng.randint(10, 40)),
                "body": _text(rng, rng.randint(1300, 1700)),
                "tags": rng.sample(TAGS, rng.randint(0, 3)),
                "prompt_id": None,
                "prompt_text": "",
                "fields": {},
            }
        )
        started = (morning + timedelta(hours=14)).isoformat(timespec="seconds")
        cycles = rng.randint(3, 8)
        tables["breathing_sessions"].append(
            {
                "id": _id(rng),
                "started_at": started,
                "pattern_key": "4-7-8",
                "pattern_name": "4-7-8 breathing",
                "phases": PHASES,
                "planned_seconds": None,
                "planned_cycles": cycles,
                "actual_seconds": float(cycles * 19),
                "cycles_completed": cycles,
                "finished": True,
                "feeling_before": rng.randint(1, 10),
                "feeling_after": rng.randint(1, 10),
            }
        )
        for item in rng.sample(items, 5):
            tables["selfcare_ticks"].append({"id": _id(rng), "day": day, "item_id": item["id"]})
        if rng.random() < 0.6:
            at = (morning + timedelta(hours=5)).isoformat(timespec="seconds")
            tables["homework_ticks"].append(
                {"id": f"{task['id']}:{day}", "assignment_id": task["id"], "day": day, "at": at}
            )
    return tables


def _assignment(assignment_id: str, kind: str, title: str, target: str, created: str) -> dict[str, Any]:
    """A homework assignment as the store writes it (HomeworkRepository.to_document)."""
    return {
        "id": assignment_id,
        "kind": kind,
        "title": title,
        "target": target,
        "frequency": {"how": "daily", "weekdays": [], "times": 1},
        "minutes": 0,
        "focus": "",
        "start": TASK_START.isoformat(),
        "review": "",
        "agreed": "",
        "status": "active",
        "created_at": created,
        "history": [{"at": created, "what": "created", "detail": ""}],
        "source": "",
    }


def to_tinydb_layout(tables: Tables, schema_version: int | None = None) -> dict[str, dict[str, dict[str, Any]]]:
    """The TinyDB file layout: ``{table: {"1": doc, "2": doc, ...}}`` (plus the schema stamp)."""
    layout = {name: {str(number): doc for number, doc in enumerate(docs, 1)} for name, docs in tables.items()}
    if schema_version is not None:
        layout["_meta"] = {"1": {"schema_version": schema_version}}
    return layout


def write_database(path: Path, days: int, seed: int = 1) -> Path:
    """Write ``days`` days of data to ``path`` as a current-version Heartwork database."""
    from tui.store.codec import encode
    from tui.store.migrations import CURRENT_VERSION

    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(encode(to_tinydb_layout(generate(days, seed), CURRENT_VERSION)))  # laid out as the store writes
    path.chmod(0o600)
    return path


def main(argv: list[str] | None = None) -> int:
    """``datagen.py PATH [DAYS]``: write the realistic mix; a bad argument is told, and nothing is written."""
    import argparse

    parser = argparse.ArgumentParser(description="Write a database of realistic Heartwork data for benchmarks.")
    parser.add_argument("path", type=Path, help="where to write it (an existing file is replaced)")
    parser.add_argument("days", type=int, nargs="?", default=365, help="how many days of data (default 365)")
    args = parser.parse_args(argv)
    if args.days < 1:
        parser.error("days must be at least 1")
    target = write_database(args.path, args.days)
    print(f"{target}: {target.stat().st_size / 1e6:.1f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
