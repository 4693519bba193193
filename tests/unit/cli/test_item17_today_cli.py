"""Issue 17 item 6: ``heartwork today``: the quick path and the full command give the same line."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from tui.cli.commands.today_fast import fast_today
from tui.cli.main import main
from tui.core.breathing.session import BreathingRecord
from tui.core.homework.assignment import Assignment, Frequency, HomeworkTick
from tui.core.journal import KIND_INNER_CRITIC, JournalEntry
from tui.store.breathing_repository import BreathingSessionRepository
from tui.store.homework_repository import HomeworkRepository, HomeworkTickRepository
from tui.store.journal_repository import JournalRepository
from tui.store.store import Store


def seed(path: Path) -> None:
    now = datetime.now().astimezone()
    today = date.today()
    store = Store.open(path)
    homework = store.repo(HomeworkRepository)
    homework.save(Assignment(id="b", kind="breathing", title="Box", target="box", minutes=5))
    homework.save(Assignment(id="f", kind="free-text", title="Text a friend"))
    homework.save(
        Assignment(id="j", kind="journal", target=KIND_INNER_CRITIC, frequency=Frequency("times-a-week", times=3))
    )
    homework.save(Assignment(id="p", kind="affirmation", status="paused"))
    homework.save(Assignment(id="later", kind="affirmation", start=(today + timedelta(days=3)).isoformat()))
    sessions = store.repo(BreathingSessionRepository)
    sessions.save(BreathingRecord("s1", now - timedelta(minutes=1), "box", "Box", (), 300, None, 200, 3, False))
    sessions.save(BreathingRecord("s2", now - timedelta(minutes=2), "box", "Box", (), 600, None, 310, 5, False))
    store.repo(HomeworkTickRepository).save(HomeworkTick("f:x", "f", (today - timedelta(days=1)).isoformat()))
    store.repo(JournalRepository).save(JournalEntry.new(now, kind=KIND_INNER_CRITIC))
    store.close()


def full_answer(path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    assert main(["today", "--db", str(path)]) == 0
    return capsys.readouterr().out


def test_item17_6_quick_and_full_answers_match(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "heartwork.json"
    seed(path)
    full = full_answer(path, capsys)
    assert full.startswith("2 of 3 homework done today · affirmation: ")
    assert fast_today(["today", "--db", str(path)]) == 0
    assert capsys.readouterr().out == full


def test_item17_6_inbox_waiting_steps_aside_to_full_path(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "heartwork.json"
    seed(path)
    HomeworkTickRepository.add_to_inbox(path, HomeworkTick(f"f:{date.today()}", "f", date.today().isoformat()))
    assert fast_today(["today", "--db", str(path)]) is None
    assert full_answer(path, capsys).startswith("3 of 3 homework done today")


def test_item17_6_odd_records_and_other_arguments_step_aside(tmp_path: Path) -> None:
    path = tmp_path / "heartwork.json"
    seed(path)
    assert fast_today(["today", "extra", "--db", str(path)]) is None
    text, found = re.subn(r'"actual_seconds": ?310(\.0)?', '"actual_seconds": "310"', path.read_text())
    assert found == 1
    path.write_text(text)
    assert fast_today(["today", "--db", str(path)]) is None
