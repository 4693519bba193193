"""Issue 15: ``heartwork selfcare add|list|done`` from the shell: matching, bad names and dates, no textual."""

from __future__ import annotations

import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest

from tui.cli.main import main
from tui.store.selfcare_repository import SelfCareRepository, SelfCareTickRepository
from tui.store.store import Store

REPO_ROOT = Path(__file__).resolve().parents[3]


def ticks(db: Path) -> set[tuple[str, str, str]]:
    store = Store.open(db)
    try:
        names = {item.id: item.text for item in store.repo(SelfCareRepository).all()}
        return {(names[t.item_id], t.day, t.state) for t in store.repo(SelfCareTickRepository).all()}
    finally:
        store.close()


@pytest.fixture
def db(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    path = tmp_path / "heartwork.json"
    assert main(["selfcare", "--db", str(path), "add", "Café walk", "--category", "body", "--days", "mon,wed,fri"]) == 0
    assert main(["selfcare", "--db", str(path), "add", "Call Sam", "--per-week", "2", "--time", "evening"]) == 0
    assert main(["selfcare", "--db", str(path), "add", "Call Mum", "--every-day", "--time", "morning"]) == 0
    capsys.readouterr()
    return path


def test_item15_cli_add_describes_what_it_saved(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "h.json"
    assert main(["selfcare", "--db", str(path), "add", "Stretch", "--per-week", "3", "--time", "morning"]) == 0
    assert capsys.readouterr().out.strip() == "Added “Stretch” (mind, 3 times a week, in the morning)."


def test_item15_cli_done_matches_without_case_or_accents(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    yesterday = (date.today() - timedelta(days=1)).isoformat()
    assert main(["selfcare", "--db", str(db), "done", "CAFE WALK", "--date", yesterday]) == 0
    assert main(["selfcare", "--db", str(db), "done", "call mum", "--partly"]) == 0
    assert ticks(db) == {("Café walk", yesterday, "done"), ("Call Mum", date.today().isoformat(), "partly")}
    assert "partly done today" in capsys.readouterr().out


def test_item15_cli_unknown_or_ambiguous_names_list_close_matches_and_exit_2(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["selfcare", "--db", str(db), "done", "call"]) == 2
    err = capsys.readouterr().err
    assert "more than one routine fits" in err and "“Call Sam”" in err and "“Call Mum”" in err
    assert main(["selfcare", "--db", str(db), "done", "cal sm"]) == 2
    assert "Did you mean: “Call Sam”" in capsys.readouterr().err
    assert main(["selfcare", "--db", str(db), "done", "zzzzzz"]) == 2
    assert "'heartwork selfcare list'" in capsys.readouterr().err
    assert ticks(db) == set()


def test_item15_cli_refuses_future_and_impossible_dates(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    tomorrow = (date.today() + timedelta(days=1)).isoformat()
    assert main(["selfcare", "--db", str(db), "done", "Call Sam", "--date", tomorrow]) == 2
    assert "has not happened yet" in capsys.readouterr().err
    assert main(["selfcare", "--db", str(db), "done", "Call Sam", "--date", "2026-02-30"]) == 2
    assert "February 2026 has 28 days" in capsys.readouterr().err
    assert main(["selfcare", "--db", str(db), "done", "Call Sam", "--date", "next week"]) == 2
    assert ticks(db) == set()


def test_item15_cli_bad_add_options_exit_2_and_save_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "h.json"
    assert main(["selfcare", "--db", str(path), "add", "Walk", "--days", "mon,someday"]) == 2
    assert main(["selfcare", "--db", str(path), "add", "Walk", "--per-week", "9"]) == 2
    assert main(["selfcare", "--db", str(path), "add", "Walk", "--category", "spa"]) == 2
    assert main(["selfcare", "--db", str(path), "add"]) == 2
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 4 and all(line.startswith("heartwork: ") for line in err)
    assert not path.exists()


def test_item15_cli_list_shows_todays_routines_by_time_of_day(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["selfcare", "--db", str(db), "done", "call sam"]) == 0
    capsys.readouterr()
    assert main(["selfcare", "--db", str(db), "list"]) == 0
    out = capsys.readouterr().out
    assert out.index("Morning") < out.index("Call Mum") < out.index("Evening") < out.index("[✓] Call Sam (done)")
    assert "1 of 2 this week" in out and "All routines:" in out


def test_item15_selfcare_shell_actions_do_not_import_textual(tmp_path: Path) -> None:
    code = (
        "import sys\n"
        "from tui.cli.main import main\n"
        f"rc = main(['selfcare', '--db', {str(tmp_path / 'h.json')!r}, 'add', 'Tea'])\n"
        f"rc += main(['selfcare', '--db', {str(tmp_path / 'h.json')!r}, 'list'])\n"
        "print('TEXTUAL' if any(m == 'textual' or m.startswith('textual.') for m in sys.modules) else 'CLEAN', rc)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=REPO_ROOT, capture_output=True, text=True, timeout=60)
    assert result.stdout.strip().splitlines()[-1] == "CLEAN 0"
