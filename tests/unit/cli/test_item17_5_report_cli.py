"""Issue 17 item 5 from the shell: ``heartwork report`` ranges, bad dates, --out/--force, 0600, stdout."""

from __future__ import annotations

import stat
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from tui.cli.commands.report import report_range
from tui.cli.main import main
from tui.core.breathing.patterns import Phase
from tui.core.breathing.session import BreathingRecord
from tui.store.breathing_repository import BreathingSessionRepository
from tui.store.database import Database
from tui.store.store import Store

TZ = timezone(timedelta(hours=1))


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    path = tmp_path / "heartwork.json"
    db = Database.open(path)
    db.table("checkins").save_records(
        [
            {"id": "c1", "at": "2026-03-02T09:30:00+01:00", "pleasantness": 6, "note": "private note"},
            {"id": "c2", "at": "2026-03-04T19:30:00+01:00", "pleasantness": 8},
            {"id": "c3", "at": "2026-02-01T19:30:00+01:00", "pleasantness": 1},
        ]
    )
    db.table("journal_entries").save_records(
        [
            {
                "id": "j1",
                "created_at": "2026-03-03T10:00:00+01:00",
                "updated_at": "2026-03-03T10:00:00+01:00",
                "entry_date": "2026-03-03",
                "title": "A <kind> letter",
                "body": "Dear me,\nwell done.",
            }
        ]
    )
    db.close()
    store = Store.open(path)
    store.repo(BreathingSessionRepository).save(
        BreathingRecord(
            id="b1",
            started_at=datetime(2026, 3, 3, 8, 0, tzinfo=TZ),
            pattern_key="box",
            pattern_name="Box",
            phases=(Phase("in", 4.0),),
            planned_seconds=300.0,
            planned_cycles=None,
            actual_seconds=600.0,
            cycles_completed=10,
            finished=True,
        )
    )
    store.close()
    return path


def _run(db: Path, *args: str) -> int:
    return main(["report", "--db", str(db), *args])


def test_item17_5_cli_range_and_markdown_to_stdout(db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _run(db_path, "--from", "2026-03-01", "--to", "2026-03-05") == 0
    out = capsys.readouterr().out
    assert out.startswith("# Heartwork session report: 2026-03-01 to 2026-03-05")
    assert "Average 7 out of 10, from 6 to 8, on 2 of 5 days." in out
    assert "Breathing: 10 minutes in 1 session" in out
    assert "No homework plan recorded." in out
    assert "Dear me" not in out and "private note" not in out


def test_item17_5_cli_include_journal(db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _run(db_path, "--from", "2026-03-01", "--to", "2026-03-05", "--include-journal") == 0
    out = capsys.readouterr().out
    assert "### 2026-03-03 A \\<kind\\> letter" in out and "> Dear me," in out


def test_item17_5_cli_default_range_is_the_last_14_days() -> None:
    today = date(2026, 3, 20)
    assert report_range(None, None, today) == (date(2026, 3, 7), today)
    assert report_range(date(2026, 3, 1), None, today) == (date(2026, 3, 1), date(2026, 3, 14))
    assert report_range(None, date(2026, 3, 10), today) == (date(2026, 2, 25), date(2026, 3, 10))


@pytest.mark.parametrize("args", [("--from", "2026-13-01"), ("--to", "yesterdayish")])
def test_item17_5_cli_bad_dates_one_line_exit_2(
    db_path: Path, tmp_path: Path, args: tuple[str, ...], capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "r.md"
    with pytest.raises(SystemExit) as raised:
        _run(db_path, *args, "--out", str(out))
    assert raised.value.code == 2
    assert len(capsys.readouterr().err.strip().splitlines()) == 1
    assert not out.exists()


def test_item17_5_cli_from_after_to_exit_2(db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "r.md"
    assert _run(db_path, "--from", "2026-03-05", "--to", "2026-03-01", "--out", str(out)) == 2
    assert "comes after" in capsys.readouterr().err
    assert not out.exists()


def test_item17_5_cli_bad_format(db_path: Path) -> None:
    with pytest.raises(SystemExit) as raised:
        _run(db_path, "--format", "pdf")
    assert raised.value.code == 2


def test_item17_5_cli_out_is_0600_and_not_overwritten_without_force(db_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    assert _run(db_path, "--from", "2026-03-01", "--to", "2026-03-05", "--format", "html", "--out", str(out)) == 0
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    first = out.read_text(encoding="utf-8")
    assert first.startswith("<!DOCTYPE html>") and "<svg" in first and "<script" not in first
    assert _run(db_path, "--from", "2026-03-02", "--format", "html", "--out", str(out)) == 1
    assert out.read_text(encoding="utf-8") == first
    assert (
        _run(db_path, "--from", "2026-03-02", "--to", "2026-03-03", "--format", "html", "--out", str(out), "--force")
        == 0
    )
    assert "2026-03-02 to 2026-03-03" in out.read_text(encoding="utf-8")
    assert stat.S_IMODE(out.stat().st_mode) == 0o600


def test_item17_5_cli_refuses_a_terminal_without_out(
    db_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("sys.stdout.isatty", lambda: True)
    assert _run(db_path) == 2
    assert "--out FILE" in capsys.readouterr().err


def test_item17_5_cli_report_never_writes_the_database(db_path: Path, tmp_path: Path) -> None:
    before = db_path.read_bytes()
    assert _run(db_path, "--out", str(tmp_path / "r.md")) == 0
    assert db_path.read_bytes() == before
    missing = tmp_path / "none.json"
    assert _run(missing, "--out", str(tmp_path / "r2.md")) == 0
    assert not missing.exists()


def test_item17_5_cli_homework_adherence_and_review_answers(db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from tui.core.homework.assignment import Assignment
    from tui.core.homework.review import HomeworkReview
    from tui.store.homework_repository import HomeworkRepository

    store = Store.open(db_path)
    homework = store.repo(HomeworkRepository)
    homework.add(Assignment(id="h1", kind="breathing", title="Box <breathing>", target="box", minutes=5))
    homework.reviews.save(HomeworkReview("r1", "h1", "2026-03-04", helped="Slower mornings"))
    store.close()
    assert _run(db_path, "--from", "2026-03-02", "--to", "2026-03-05") == 0
    out = capsys.readouterr().out
    assert "No homework plan recorded." not in out
    assert "- Box \\<breathing\\> (every day, 5 minutes): 1 of 4" in out
    assert "### Box \\<breathing\\> (every day, 5 minutes): 2026-03-04 What did this practice give you" in out
    assert "> Slower mornings" in out
