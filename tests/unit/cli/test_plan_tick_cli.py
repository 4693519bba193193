"""``heartwork plan tick NAME [--date D]``: tick one of your own homework tasks from the shell."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from tui.cli.main import main
from tui.core.homework.assignment import KIND_BREATHING, KIND_FREE_TEXT, Assignment
from tui.store.homework_repository import HomeworkRepository
from tui.store.store import Store

TODAY = date.today()


def _database(tmp_path: Path, *assignments: Assignment) -> Path:
    db = tmp_path / "heartwork.json"
    store = Store.open(db)
    try:
        store.repo(HomeworkRepository).save_many(list(assignments))
    finally:
        store.close()
    return db


def _ticked_days(db: Path) -> dict[str, set[str]]:
    store = Store.open(db)
    try:
        ticks = store.repo(HomeworkRepository).ticks.all()
    finally:
        store.close()
    days: dict[str, set[str]] = {}
    for tick in ticks:
        days.setdefault(tick.assignment_id, set()).add(tick.day)
    return days


WALK = Assignment(id="walk", kind=KIND_FREE_TEXT, title="Walk after lunch")
CALL = Assignment(id="call", kind=KIND_FREE_TEXT, title="Call a friend", start=(TODAY - timedelta(days=3)).isoformat())
BOX = Assignment(id="box", kind=KIND_BREATHING, title="Box breathing", target="box")
OLD = Assignment(id="old", kind=KIND_FREE_TEXT, title="Stretch", status="ended")


def test_a_task_is_ticked_once_by_any_part_of_its_name_and_again_changes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = _database(tmp_path, WALK, CALL, BOX)
    assert main(["plan", "tick", "WALK", "--db", str(db)]) == 0
    assert capsys.readouterr().out.startswith("Ticked “Walk after lunch” today.")
    assert _ticked_days(db) == {"walk": {TODAY.isoformat()}}
    before = db.read_bytes()
    assert main(["plan", "tick", "walk after lunch", "--db", str(db)]) == 0
    assert capsys.readouterr().out == "“Walk after lunch” was already ticked today.\n"
    assert db.read_bytes() == before


def test_an_earlier_day_is_ticked_with_date(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = _database(tmp_path, WALK, CALL)
    day = TODAY - timedelta(days=1)
    assert main(["plan", "tick", "call", "--date", day.isoformat(), "--db", str(db)]) == 0
    assert f"for {day:%A %-d %B %Y}" in capsys.readouterr().out
    assert _ticked_days(db) == {"call": {day.isoformat()}}


@pytest.mark.parametrize(
    ("words", "message"),
    [
        (["box"], "“Box breathing” is noticed from what you do in Breathing; there is nothing to tick by hand."),
        (["wlak after lunch"], "no homework is called “wlak after lunch”. Did you mean: “Walk after lunch”?"),
        (["a"], "more than one task fits “a”."),
        (["stretch"], "“Stretch” has ended; its history stays. Nothing was saved."),
        (["nap"], "no homework is called “nap”; the app's Homework section lists it."),
        (["  "], "'plan tick' needs the task's name"),
        (["walk", "--date", "2026-02-30"], "is not a day on the calendar"),
        (["walk", "--date", "yesterday"], "Write the date as"),
        (["walk", "--date", (TODAY + timedelta(days=1)).isoformat()], "has not happened yet"),
        (["call", "--date", (TODAY - timedelta(days=4)).isoformat()], "“Call a friend” starts on"),
    ],
)
def test_what_cannot_be_ticked_says_why_and_saves_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], words: list[str], message: str
) -> None:
    db = _database(tmp_path, WALK, CALL, BOX, OLD)
    before = db.read_bytes()
    assert main(["plan", "tick", *words, "--db", str(db)]) == 2
    captured = capsys.readouterr()
    assert captured.out == "" and message in captured.err
    assert db.read_bytes() == before


def test_with_no_homework_it_says_where_homework_comes_from(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "heartwork.json"
    assert main(["plan", "tick", "walk", "--db", str(db)]) == 2
    assert "there is no homework yet" in capsys.readouterr().err


def test_date_belongs_to_tick_only(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    plan = tmp_path / "plan.toml"
    plan.write_text('[[assignment]]\nkind = "free-text"\ntitle = "Walk"\n', encoding="utf-8")
    assert main(["plan", "import", str(plan), "--date", "2026-01-01", "--db", str(tmp_path / "hw.json")]) == 2
    assert "--date is for 'plan tick'" in capsys.readouterr().err


def test_a_title_with_control_characters_is_shown_never_obeyed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = _database(tmp_path, Assignment(id="odd", kind=KIND_FREE_TEXT, title="Rest \x1b[31m well"))
    assert main(["plan", "tick", "rest", "--db", str(db)]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "Rest \u241b[31m well" in out
