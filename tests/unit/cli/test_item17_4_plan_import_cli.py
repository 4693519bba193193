"""Issue 17 item 4 from the shell: ``heartwork plan import FILE [--yes]``: preview, add once, errors add nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui.cli.main import main
from tui.store.homework_repository import HomeworkRepository
from tui.store.store import Store

PLAN = """\
[[assignment]]
id = "box"
kind = "breathing"
title = "Box breathing"
target = "box"
minutes = 5
start = 2026-03-02
review = 2026-03-16

[[assignment]]
kind = "free-text"
title = "Call a <b>friend</b>\\u001b[31m"
frequency = "times-a-week"
times = 2
"""


def _assignments(db: Path) -> list[tuple[str, str, str]]:
    store = Store.open(db)
    try:
        return sorted((a.title, a.status, a.history[0].what) for a in store.repo(HomeworkRepository).all())
    finally:
        store.close()


def test_item17_4_plan_import_previews_adds_and_adds_nothing_the_second_time(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db, plan = tmp_path / "heartwork.json", tmp_path / "plan.toml"
    plan.write_text(PLAN, encoding="utf-8")
    assert main(["plan", "import", str(plan), "--db", str(db), "--yes"]) == 0
    out = capsys.readouterr().out
    assert "Box breathing: Breathing, every day, 5 minutes, from 2026-03-02, review 2026-03-16" in out
    assert "\x1b" not in out and "Added 2 assignments." in out
    assert _assignments(db) == [
        ("Box breathing", "active", "created"),
        ("Call a <b>friend</b>\u241b[31m", "active", "created"),  # shown, never obeyed
    ]
    before = db.read_bytes()
    assert main(["plan", "import", str(plan), "--db", str(db), "--yes"]) == 0
    out = capsys.readouterr().out
    assert out.count("(already added)") == 2 and "Nothing new to add." in out
    assert db.read_bytes() == before


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (PLAN.replace("minutes = 5", "minutes = 500"), "line 6, field 'minutes'"),
        (PLAN.replace("times = 2", "times = two"), "line 14: this is not valid TOML"),
        (PLAN + '\n[[assignment]]\nkind = "walk"\n', "line 17, field 'kind'"),
    ],
)
def test_item17_4_plan_import_error_names_line_and_field_and_adds_nothing(
    tmp_path: Path, text: str, expected: str, capsys: pytest.CaptureFixture[str]
) -> None:
    db, plan = tmp_path / "heartwork.json", tmp_path / "plan.toml"
    plan.write_text(text, encoding="utf-8")
    assert main(["plan", "import", str(plan), "--db", str(db), "--yes"]) == 2
    err = capsys.readouterr().err.strip()
    assert expected in err and len(err.splitlines()) == 1 and "nothing was added" in err
    assert not db.exists()


def test_item17_4_plan_import_missing_file_and_no_terminal_without_yes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db, plan = tmp_path / "heartwork.json", tmp_path / "plan.toml"
    assert main(["plan", "import", str(plan), "--db", str(db)]) == 2
    assert "there is no file" in capsys.readouterr().err
    plan.write_text(PLAN, encoding="utf-8")
    assert main(["plan", "import", str(plan), "--db", str(db)]) == 2  # stdin is not a terminal under pytest
    assert "add --yes" in capsys.readouterr().err
    assert not db.exists()


def test_item17_4_plan_import_asks_and_a_no_adds_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    db, plan = tmp_path / "heartwork.json", tmp_path / "plan.toml"
    plan.write_text(PLAN, encoding="utf-8")
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    monkeypatch.setattr("builtins.input", lambda prompt: "n")
    assert main(["plan", "import", str(plan), "--db", str(db)]) == 0
    assert "Nothing was added." in capsys.readouterr().out
    monkeypatch.setattr("builtins.input", lambda prompt: "y")
    assert main(["plan", "import", str(plan), "--db", str(db)]) == 0
    assert len(_assignments(db)) == 2


def test_plan_import_backs_up_first_and_leaves_an_assignment_deleted_here_deleted(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db, plan, other = tmp_path / "heartwork.json", tmp_path / "plan.toml", tmp_path / "other.toml"
    box_only = PLAN.split("[[assignment]]\nkind")[0]
    plan.write_text(box_only, encoding="utf-8")
    other.write_text(box_only.replace('id = "box"', 'id = "box-again"'), encoding="utf-8")
    assert main(["plan", "import", str(plan), "--db", str(db), "--yes"]) == 0
    assert "Added 1 assignment." in capsys.readouterr().out
    store = Store.open(db)
    try:
        (first,) = store.repo(HomeworkRepository).all()
    finally:
        store.close()
    before = db.read_bytes()
    assert main(["plan", "import", str(other), "--db", str(db), "--yes"]) == 0
    out = capsys.readouterr().out
    assert "Added 1 assignment." in out and "A copy of your data from before the import is in" in out
    backups = sorted((tmp_path / "backups").glob("*-before-import.json"))
    assert len(backups) == 1 and backups[0].read_bytes() == before

    store = Store.open(db)
    try:
        repository = store.repo(HomeworkRepository)
        assert repository.delete(first.id)
    finally:
        store.close()
    before = db.read_bytes()
    assert main(["plan", "import", str(plan), "--db", str(db), "--yes"]) == 0
    out = capsys.readouterr().out
    assert "(you deleted it here; it stays deleted)" in out and "Nothing new to add." in out
    assert db.read_bytes() == before and len(_assignments(db)) == 1
