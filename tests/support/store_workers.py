"""Programs the store tests run in other processes: killed writers, concurrent writers, locale checks.

Run as ``python tests/support/store_workers.py COMMAND ...`` with the repository
root on PYTHONPATH. Not a test module (pytest does not collect it).

* ``forkserver DB ACKS``: imports the store once, then for every line "go SEED"
  on stdin forks a writer (so each writer is a fresh process that costs a fork,
  not a Python start-up), prints the writer's pid, waits for it to end (the
  test SIGKILLs it) and prints "ended". Each writer opens the database and
  saves in a loop: inserts (some large) and edits that shrink a record. After
  each save returns it appends an acknowledgement line to ACKS with a single
  ``os.write`` ("I id" for an insert, "E id version" for an edit).
* ``forkserver DB ACKS inbox``: the same, but each writer mostly appends quick
  captures to the inbox (``tui.store.inbox.append``) and sometimes opens the
  database for writing (which merges the inbox) and saves, so kills land during
  appends and during merges. Every acknowledgement is "I id".
* ``concurrent DB TAG COUNT``: inserts COUNT records, one save each.
* ``inbox-append DB TAG COUNT``: appends COUNT records to the inbox, one append each.
* ``merge-loop DB COUNT``: opens the database for writing and saves COUNT times
  (each save merges whatever the inbox holds).
* ``die-after-merge DB MODE``: opens the database, appends n1, n2, n3 to the inbox
  (a shell capture while the app is open), then SIGKILLs itself right after the
  save that merges them and before the inbox is emptied. MODE says what that
  save also holds: ``merge`` (nothing else), ``edit`` (n2 changed) or ``delete`` (n3 deleted).
* ``die-after-tick-merge DB``: the app ticks routine "walk" done today, the shell
  queues "partly" for it in the inbox, then the app marks it "rest": the process
  SIGKILLs itself right after that save (which merges the inbox) and before emptying.
* ``locale-write DB JSON`` / ``locale-read DB``: save or print texts (ASCII-escaped JSON).
"""

from __future__ import annotations

import json
import os
import random
import sys
from pathlib import Path


def writer(database: Path, acks: Path, seed: int) -> None:
    from tui.store.database import Database

    rng = random.Random(seed)
    db = Database.open(database)
    table = db.table("notes")
    ack_fd = os.open(acks, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
    number = 0
    while True:
        number += 1
        records = table.all()
        if records and (len(records) > 150 or rng.random() < 0.45):
            target = rng.choice(records)
            version = target["version"] + 1
            body = "e" * (len(target["body"]) // 3)
            table.save_records([{**target, "version": version, "body": body}])
            os.write(ack_fd, f"E {target['id']} {version}\n".encode())
        else:
            record_id = f"{seed}-{number}"
            body = "x" * rng.choice((10, 200, 3000))
            table.save_records([{"id": record_id, "version": 0, "body": body, "text": "héllo ✓"}])
            os.write(ack_fd, f"I {record_id}\n".encode())


def inbox_writer(database: Path, acks: Path, seed: int) -> None:
    from tui.store import inbox
    from tui.store.database import Database

    rng = random.Random(seed)
    ack_fd = os.open(acks, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
    number = 0
    while True:
        number += 1
        record_id = f"{seed}-{number}"
        if rng.random() < 0.75:
            body = "x" * rng.choice((10, 200, 3000))
            inbox.append(database, "notes", {"id": record_id, "version": 0, "body": body, "via": "inbox"})
        else:
            db = Database.open(database)  # merges the inbox in the first save
            db.table("notes").save_records([{"id": record_id, "version": 0, "body": "m", "via": "save"}])
            db.close()
        os.write(ack_fd, f"I {record_id}\n".encode())


def forkserver(database: Path, acks: Path, mode: str = "saves") -> None:
    import tui.store.database
    import tui.store.inbox  # noqa: F401

    for line in sys.stdin:
        seed = int(line.split()[1])
        pid = os.fork()
        if pid == 0:
            try:
                (inbox_writer if mode == "inbox" else writer)(database, acks, seed)
            finally:
                os._exit(0)
        print(pid, flush=True)
        os.waitpid(pid, 0)
        print("ended", flush=True)


def concurrent(database: Path, tag: str, count: int) -> None:
    from tui.store.database import Database

    db = Database.open(database)
    table = db.table("records")
    for number in range(count):
        table.save_records([{"id": f"{tag}-{number}", "writer": tag, "number": number}])


def inbox_append(database: Path, tag: str, count: int) -> None:
    from tui.store import inbox

    for number in range(count):
        inbox.append(database, "records", {"id": f"{tag}-{number}", "writer": tag, "number": number})


def merge_loop(database: Path, count: int) -> None:
    from tui.store.database import Database

    db = Database.open(database)
    table = db.table("records")
    for number in range(count):
        table.save_records([{"id": f"merger-{number}", "writer": "merger", "number": number}])


def die_after_merge(database: Path, mode: str) -> None:
    import signal

    from tui.store import inbox, inbox_overlay
    from tui.store.database import Database

    db = Database.open(database)
    for number in (1, 2, 3):
        inbox.append(
            database, "notes", {"id": f"n{number}", "body": "captured", "updated_at": "2026-01-01T09:00:00+00:00"}
        )
    assert db.refresh()

    def killed_before_emptying(*args: object) -> None:
        os.kill(os.getpid(), signal.SIGKILL)

    inbox_overlay.empty_after_merge = killed_before_emptying  # type: ignore[assignment]
    table = db.table("notes")
    if mode == "merge":
        db.merge_inbox()
    elif mode == "edit":
        table.save_records([{"id": "n2", "body": "changed", "updated_at": "2026-01-02T09:00:00+00:00"}])
    else:
        table.delete_record("n3")
    raise SystemExit("the save never reached the point between merging and emptying the inbox")


def die_after_tick_merge(database: Path) -> None:
    import signal
    from datetime import date

    from tui.core.selfcare import SelfCareTick
    from tui.store import inbox_overlay
    from tui.store.database import Database
    from tui.store.selfcare_repository import SelfCareTickRepository

    db = Database.open(database)
    ticks = SelfCareTickRepository(db)
    ticks.set_state("walk", date.today(), "done")
    SelfCareTickRepository.add_to_inbox(
        database, SelfCareTick(day=date.today().isoformat(), item_id="walk", state="partly")
    )
    assert db.refresh()

    def killed_before_emptying(*args: object) -> None:
        os.kill(os.getpid(), signal.SIGKILL)

    inbox_overlay.empty_after_merge = killed_before_emptying  # type: ignore[assignment]
    ticks.set_state("walk", date.today(), "rest")
    raise SystemExit("the save never reached the point between merging and emptying the inbox")


def locale_write(database: Path, texts_json: str) -> None:
    from tui.store.database import Database

    db = Database.open(database)
    db.table("texts").save_records([{"id": "texts", "values": json.loads(texts_json)}])


def locale_read(database: Path) -> None:
    from tui.store.database import Database

    document = Database.open(database).table("texts").get_record("texts")
    assert document is not None
    print(json.dumps(document["values"], ensure_ascii=True))


if __name__ == "__main__":
    command, *arguments = sys.argv[1:]
    if command == "forkserver":
        forkserver(Path(arguments[0]), Path(arguments[1]), *arguments[2:])
    elif command == "concurrent":
        concurrent(Path(arguments[0]), arguments[1], int(arguments[2]))
    elif command == "inbox-append":
        inbox_append(Path(arguments[0]), arguments[1], int(arguments[2]))
    elif command == "merge-loop":
        merge_loop(Path(arguments[0]), int(arguments[1]))
    elif command == "die-after-merge":
        die_after_merge(Path(arguments[0]), arguments[1])
    elif command == "die-after-tick-merge":
        die_after_tick_merge(Path(arguments[0]))
    elif command == "locale-write":
        locale_write(Path(arguments[0]), arguments[1])
    elif command == "locale-read":
        locale_read(Path(arguments[0]))
    else:
        raise SystemExit(f"unknown command {command}")
