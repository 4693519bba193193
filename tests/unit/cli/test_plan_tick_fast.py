"""``plan tick NAME`` before argparse queues and says exactly what the full CLI does (issue 12's lookups).

Each case runs the same command line on two copies of one database: through
:func:`tui.cli.entry.main` (the quick path first) and through the full CLI
alone. Exit codes, output and queued records must agree; whatever the quick
path cannot answer with certainty must leave it, with nothing written.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import orjson
import pytest
from quick_cli import copy_database, modules_imported, same_as_full_cli, with_database

from tui.cli.commands import plan_tick_fast
from tui.core.homework.assignment import KIND_FREE_TEXT, STATUSES, Assignment
from tui.store import inbox
from tui.store.database import Database
from tui.store.homework_repository import HomeworkRepository, HomeworkTickRepository
from tui.store.homework_tick_document import HOMEWORK_TICKS_TABLE
from tui.store.table_peek import table_line_holds

REPO_ROOT = Path(__file__).resolve().parents[3]
TODAY = datetime.now().astimezone().date()
YESTERDAY = (TODAY - timedelta(days=1)).isoformat()
ESCAPE = "\x1b]0;PWNED\x07"


@pytest.fixture(scope="module")
def base_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("base") / "hw.json"
    database = Database.open(path)
    HomeworkRepository(database).save_many(
        [
            Assignment(id="walk", kind=KIND_FREE_TEXT, title="Walk after lunch"),
            Assignment(id="call", kind=KIND_FREE_TEXT, title=f"Call {ESCAPE} Sam", status="paused"),
            Assignment(id="garden", kind=KIND_FREE_TEXT, title="🌿 Water the plants"),
            Assignment(id="hebrew", kind=KIND_FREE_TEXT, title="שלום עליך"),
            Assignment(id="later", kind=KIND_FREE_TEXT, title="Swim", start=(TODAY + timedelta(days=3)).isoformat()),
            Assignment(id="box", kind="breathing", title="Box breathing", target="box"),
            Assignment(id="old", kind=KIND_FREE_TEXT, title="Stretch", status="ended"),
            Assignment(id="read1", kind=KIND_FREE_TEXT, title="Read"),
            Assignment(id="read2", kind=KIND_FREE_TEXT, title="Read a book"),
        ]
    )
    HomeworkTickRepository(database).set_done("walk", TODAY - timedelta(days=2), True)
    database.close()
    return path


GOOD = [
    ["plan", "tick", "walk"],
    ["plan", "tick", "  WALK   after LUNCH "],
    ["plan", "tick", "call"],
    ["plan", "tick", "🌿"],
    ["plan", "tick", "שלום"],
    ["plan", "tick", "read"],
    ["plan", "tick", "walk", "--date", YESTERDAY],
    ["plan", "tick", "walk", f"--date={YESTERDAY}", "--theme", "dusk"],
    ["--theme", "dusk", "plan", "--db", "DB", "tick", "walk"],
]


@pytest.mark.parametrize("argv", GOOD, ids=lambda argv: " ".join(argv)[:40])
def test_good_input_is_queued_by_the_quick_path_exactly_as_by_the_full_cli(
    argv: list[str], base_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    (code, out, err), db = same_as_full_cli(base_db, argv, tmp_path, capsys, monkeypatch)
    assert (code, err) == (0, "")
    assert out.startswith("Ticked “") and ESCAPE not in out
    assert [table for table, _ in inbox.read_pending(db).records] == [HOMEWORK_TICKS_TABLE]


@pytest.mark.parametrize("argv", GOOD, ids=lambda argv: " ".join(argv)[:40])
def test_good_input_never_reaches_the_full_cli(argv: list[str], base_db: Path, tmp_path: Path) -> None:
    db = copy_database(base_db, tmp_path / "one")
    assert plan_tick_fast.fast_plan_tick(with_database(argv, db)) == 0
    assert len(inbox.read_pending(db).records) == 1


BAD_OR_ODD = [
    ["plan", "tick", "zzz"],
    ["plan", "tick", "wlak after lunch"],
    ["plan", "tick", "a"],
    ["plan", "tick", "stretch"],
    ["plan", "tick", "box"],
    ["plan", "tick", "swim"],
    ["plan", "tick", "walk", "--date", (TODAY - timedelta(days=2)).isoformat()],  # ticked already
    ["plan", "tick", ""],
    ["plan", "tick", "walk", "--date", "2999-01-01"],
    ["plan", "tick", "walk", "--date", "2026-02-30"],
    ["plan", "tick", "walk", "--date", "yesterday"],
    ["plan", "tick", "walk", "--date"],
    ["plan", "tick", "walk", "--yes"],
    ["plan", "tick", "walk", "-h"],
    ["plan", "tick", "walk", "water"],
    ["plan", "import", "walk"],
]


@pytest.mark.parametrize("argv", BAD_OR_ODD, ids=lambda argv: " ".join(argv)[:40])
def test_bad_or_odd_input_gets_the_full_clis_message_and_exit_code(
    argv: list[str], base_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    db = copy_database(base_db, tmp_path / "one")
    assert plan_tick_fast.fast_plan_tick(with_database(argv, db)) is None
    assert not inbox.inbox_path_for(db).exists()
    same_as_full_cli(base_db, argv, tmp_path, capsys, monkeypatch)


def test_a_second_tick_the_same_day_is_left_to_the_full_cli_which_says_it_is_there(
    base_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from tui.cli.main import main as full_main

    db = copy_database(base_db, tmp_path / "one")
    assert plan_tick_fast.fast_plan_tick(["--db", str(db), "plan", "tick", "walk"]) == 0
    assert plan_tick_fast.fast_plan_tick(["--db", str(db), "plan", "tick", "walk"]) is None  # the inbox holds it
    capsys.readouterr()
    assert full_main(["--db", str(db), "plan", "tick", "walk"]) == 0
    assert capsys.readouterr().out == "“Walk after lunch” was already ticked today.\n"
    database = Database.open(db)
    database.merge_inbox()
    assert HomeworkTickRepository(database).days_for("walk") == {
        TODAY.isoformat(),
        (TODAY - timedelta(days=2)).isoformat(),
    }
    database.close()
    merged = copy_database(db, tmp_path / "merged")  # merged into the file now: found on the ticks line
    assert plan_tick_fast.fast_plan_tick(["--db", str(merged), "plan", "tick", "walk"]) is None


@pytest.mark.parametrize(
    "change", ["one line", "older version", "unreadable assignment", "task in the inbox", "encrypted"]
)
def test_a_database_it_cannot_read_with_certainty_is_left_to_the_full_cli(
    change: str, base_db: Path, tmp_path: Path
) -> None:
    db = copy_database(base_db, tmp_path / "made")
    payload = db.read_bytes()
    if change == "one line":
        db.write_bytes(orjson.dumps(orjson.loads(payload)))
    elif change == "older version":
        db.write_bytes(payload.replace(b'"schema_version":3', b'"schema_version":2'))
    elif change == "unreadable assignment":
        db.write_bytes(payload.replace(b'"minutes":0', b'"minutes":"none"', 1))
    elif change == "task in the inbox":
        HomeworkRepository.add_to_inbox(db, Assignment(id="nap", kind=KIND_FREE_TEXT, title="Nap"))
    else:
        from encrypted_db import sealed_database

        db.unlink()
        sealed_database(db, "words", "a long passphrase").close()
    before = (db.read_bytes(), inbox.inbox_path_for(db).exists() and inbox.inbox_path_for(db).read_bytes())
    assert plan_tick_fast.fast_plan_tick(["--db", str(db), "plan", "tick", "walk"]) is None
    assert (db.read_bytes(), inbox.inbox_path_for(db).exists() and inbox.inbox_path_for(db).read_bytes()) == before


def test_the_ticks_line_is_searched_alone(tmp_path: Path) -> None:
    db = tmp_path / "hw.json"
    database = Database.open(db)
    database.table("journal").insert({"id": "j", "body": '"walk:2026-01-01"', "updated_at": "2026-01-01T00:00:00"})
    database.table(HOMEWORK_TICKS_TABLE).insert({"id": "walk:2026-01-02", "assignment_id": "walk", "day": "2026-01-02"})
    database.close()
    assert table_line_holds(str(db), HOMEWORK_TICKS_TABLE, b'"walk:2026-01-02"') is True
    assert table_line_holds(str(db), HOMEWORK_TICKS_TABLE, b'"walk:2026-01-01"') is False  # only in a journal entry
    assert table_line_holds(str(db), "homework_reviews", b'"walk:2026-01-02"') is False  # no such table
    assert table_line_holds(str(tmp_path / "missing.json"), HOMEWORK_TICKS_TABLE, b"x") is None


def test_its_constants_are_the_stores() -> None:
    assert plan_tick_fast.FREE_TEXT == KIND_FREE_TEXT
    assert plan_tick_fast.STATUSES == STATUSES
    assert HomeworkRepository.table_name == plan_tick_fast.ASSIGNMENTS_TABLE
    assert HomeworkTickRepository.table_name == HOMEWORK_TICKS_TABLE


def test_the_quick_path_imports_no_argparse_tinydb_textual_orjson_or_dataclasses(base_db: Path, tmp_path: Path) -> None:
    db = copy_database(base_db, tmp_path / "one")
    heavy = ("argparse", "tinydb", "textual", "orjson", "dataclasses", "difflib", "typing", "pathlib", "nacl")
    assert modules_imported(db, ["plan", "tick", "walk"], heavy) == ("0", [])
    assert len(inbox.read_pending(db).records) == 1
