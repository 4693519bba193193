"""Issue 14: ``heartwork affirm add/list/today`` from the shell, bad input, and the quick ``today``."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from tui.cli.commands import affirm_today_fast
from tui.cli.main import main
from tui.core.affirmations import MAX_AFFIRMATION_CHARS, TAGS, affirmation_of_the_day
from tui.store.affirmation_library import affirmation_library, set_favourite, set_hidden
from tui.store.affirmation_repository import AffirmationRepository
from tui.store.migrations import CURRENT_VERSION
from tui.store.store import Store

REPO_ROOT = Path(__file__).resolve().parents[3]


def heartwork(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "tui", *args], cwd=REPO_ROOT, input=stdin, capture_output=True, text=True, timeout=60
    )


def own(db: Path) -> list:  # type: ignore[type-arg]
    store = Store.open(db)
    try:
        return store.repo(AffirmationRepository).own()
    finally:
        store.close()


def test_item14_affirm_add_saves_with_a_tag_and_round_trips(tmp_path: Path) -> None:
    db = tmp_path / "db.json"
    text = "I am allowed to rest 🌱 שלום cafe\u0301"
    result = heartwork("--db", str(db), "affirm", "add", text, "--tag", "rest")
    assert result.returncode == 0, result.stderr
    assert result.stdout.count("\n") == 1 and "Saved with your own affirmations" in result.stdout
    [saved] = own(db)
    assert saved.text == text and saved.tag == "rest" and saved.source == "own"
    listed = heartwork("--db", str(db), "affirm", "list", "--mine")
    assert listed.returncode == 0 and listed.stdout == f"[rest · yours] {text}\n"


def test_item14_affirm_add_reads_standard_input_for_dash(tmp_path: Path) -> None:
    db = tmp_path / "db.json"
    result = heartwork("--db", str(db), "affirm", "add", "-", stdin="I can begin again.\n")
    assert result.returncode == 0, result.stderr
    assert [a.text for a in own(db)] == ["I can begin again."]


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (("affirm", "add", "   "), "few words"),
        (("affirm", "add", "a" * (MAX_AFFIRMATION_CHARS + 1)), f"up to {MAX_AFFIRMATION_CHARS} characters"),
        (("affirm", "add", "Kind words", "--tag", "bogus"), ", ".join(TAGS)),
        (("affirm", "list", "--tag", "bogus"), ", ".join(TAGS)),
        (("affirm", "today", "extra"), "takes no text"),
    ],
)
def test_item14_affirm_bad_input_one_line_exit_2_nothing_saved(
    tmp_path: Path, args: tuple[str, ...], words: str
) -> None:
    db = tmp_path / "db.json"
    result = heartwork("--db", str(db), *args)
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and words in result.stderr and result.stdout == ""
    assert not db.exists() or own(db) == []


def test_item14_affirm_list_filters_mine_and_tag_and_leaves_out_hidden(tmp_path: Path) -> None:
    db = tmp_path / "db.json"
    store = Store.open(db)
    first = affirmation_library(store)[0]
    set_hidden(store, first, True)
    store.repo(AffirmationRepository).add_own("Mine, about worth.", "worth")
    store.close()
    everything = heartwork("--db", str(db), "affirm", "list").stdout.splitlines()
    assert first.text not in "\n".join(everything) and len(everything) == len(affirmation_library(Store.in_memory()))
    worth = heartwork("--db", str(db), "affirm", "list", "--tag", "worth").stdout.splitlines()
    assert (
        worth and all(line.startswith("[worth · ") for line in worth) and "[worth · yours] Mine, about worth." in worth
    )
    assert heartwork("--db", str(db), "affirm", "list", "--mine").stdout.splitlines() == [
        "[worth · yours] Mine, about worth."
    ]
    empty = heartwork("--db", str(tmp_path / "new.json"), "affirm", "list", "--mine")
    assert empty.returncode == 0 and "heartwork affirm add" in empty.stdout


def test_item14_affirm_today_prints_the_days_choice_without_textual(tmp_path: Path) -> None:
    db = tmp_path / "db.json"
    heartwork("--db", str(db), "affirm", "add", "Only mine.", "--tag", "growth")
    store = Store.open(db)
    expected = affirmation_of_the_day(affirmation_library(store), date.today())
    store.close()
    result = heartwork("--db", str(db), "affirm", "today")
    assert result.returncode == 0 and result.stdout == f"{expected.text}\n"  # type: ignore[union-attr]
    probe = (
        "import sys; sys.argv=['heartwork','--db',sys.argv[1],'affirm','today'];"
        "from tui.cli.entry import main; main(); print('textual' in sys.modules, 'tinydb' in sys.modules)"
    )
    loaded = subprocess.run([sys.executable, "-c", probe, str(db)], cwd=REPO_ROOT, capture_output=True, text=True)
    assert loaded.stdout.splitlines()[-1] == "False False"  # the quick path: not even the store is loaded


def _full_answer(db: Path) -> str:
    store = Store.open_read_only(db)
    try:
        chosen = affirmation_of_the_day(affirmation_library(store), date.today())
    finally:
        store.close()
    return "" if chosen is None else chosen.text + "\n"


def test_item14_quick_today_answers_like_the_app_or_steps_aside(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert affirm_today_fast.SCHEMA_VERSION == CURRENT_VERSION
    db = tmp_path / "db.json"
    store = Store.open(db)
    library = affirmation_library(store)
    for affirmation in library[:30]:
        set_hidden(store, affirmation, True)
    set_favourite(store, library[31], True)
    store.repo(AffirmationRepository).add_own("Mine \x1b[31m with control", "rest")
    store.close()
    assert affirm_today_fast.fast_affirm_today(["--db", str(db), "affirm", "today"]) == 0
    assert capsys.readouterr().out == _full_answer(db)
    # unusual files are left to the full command
    data = json.loads(db.read_text())
    data["affirmations"]["x"] = {"id": "x", "text": 5}
    db.write_text(json.dumps(data))
    assert affirm_today_fast.fast_affirm_today(["--db", str(db), "affirm", "today"]) is None
    db.write_text("not json")
    assert affirm_today_fast.fast_affirm_today(["--db", str(db), "affirm", "today"]) is None
    assert affirm_today_fast.fast_affirm_today(["affirm", "list"]) is None


@pytest.mark.parametrize(
    "args", [("affirm", "add", "Kind words."), ("affirm", "list"), ("affirm", "today", "--theme", "x")]
)
def test_item14_affirm_subcommands_never_import_textual(tmp_path: Path, args: tuple[str, ...]) -> None:
    probe = "import sys; from tui.cli.main import main; code = main(sys.argv[1:]);print(code, 'textual' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", probe, "--db", str(tmp_path / "db.json"), *args],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.stdout.splitlines()[-1] == "0 False", result.stderr


@pytest.mark.parametrize("offset_hours", [-11, -5, 0, 1, 5.5, 13])
def test_item14_quick_today_knows_the_local_date_without_datetime(offset_hours: float) -> None:
    from datetime import datetime, timedelta, timezone

    offset = int(offset_hours * 3600)
    for stamp in (0.0, 1_772_409_599.0, 1_772_409_600.0, 1_800_000_000.5):
        local = datetime.fromtimestamp(stamp, timezone(timedelta(seconds=offset)))
        assert affirm_today_fast._local_day_ordinal(stamp, offset) == local.date().toordinal()


def test_item14_affirm_today_quick_path_steps_aside_for_waiting_quick_captures(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An affirmation added from the shell waits in the inbox; the quick path leaves it to the full command."""
    db = tmp_path / "heartwork.json"
    assert main(["--db", str(db), "affirm", "add", "I can go gently today."]) == 0
    assert (tmp_path / "heartwork.json.inbox").stat().st_size > 0
    assert affirm_today_fast.fast_affirm_today(["--db", str(db), "affirm", "today"]) is None
    capsys.readouterr()
    assert main(["--db", str(db), "affirm", "list", "--mine"]) == 0
    assert "I can go gently today." in capsys.readouterr().out


def test_a_reader_that_goes_away_is_not_a_crash(tmp_path: Path) -> None:
    """``heartwork affirm list | head -1``: the pipe closes early; the command ends quietly, no crash log."""
    state = tmp_path / "state"
    env = {**os.environ, "XDG_STATE_HOME": str(state)}
    shell = f"{sys.executable} -m tui --db {tmp_path / 'db.json'} affirm list | head -1"
    done = subprocess.run(["bash", "-o", "pipefail", "-c", shell], capture_output=True, text=True, env=env)
    assert done.stdout.count("\n") == 1
    assert "unexpected error" not in done.stderr
    assert not (state / "heartwork" / "crash.log").exists()
