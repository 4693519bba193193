"""``heartwork journal add``: saves from the shell, reads stdin, refuses empty or huge text, no textual."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tui.core.journal import MAX_ENTRY_CHARS
from tui.store.journal_repository import JournalRepository
from tui.store.store import Store

REPO_ROOT = Path(__file__).resolve().parents[3]


def heartwork(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "tui", *args], cwd=REPO_ROOT, input=stdin, capture_output=True, text=True, timeout=60
    )


def entries(db: Path) -> list:  # type: ignore[type-arg]
    store = Store.open(db)
    try:
        return store.repo(JournalRepository).all()
    finally:
        store.close()


def test_add_with_text_title_and_tags(tmp_path: Path) -> None:
    db = tmp_path / "db.json"
    text = "Today I rested 🌱 今日は שלום cafe\u0301"
    result = heartwork("--db", str(db), "journal", "add", text, "--title", "Rest", "--tag", "Body", "--tag", "rest")
    assert result.returncode == 0, result.stderr
    assert result.stdout.count("\n") == 1 and "Saved a journal entry" in result.stdout and "#body" in result.stdout
    [entry] = entries(db)
    assert entry.body == text and entry.title == "Rest" and entry.tags == ["body", "rest"] and entry.kind == "free"


def test_add_reads_standard_input_for_dash_or_no_text(tmp_path: Path) -> None:
    db = tmp_path / "db.json"
    assert heartwork("--db", str(db), "journal", "add", "-", stdin="from a pipe\nsecond line\n").returncode == 0
    assert heartwork("--db", str(db), "journal", "add", stdin="no text argument").returncode == 0
    assert sorted(entry.body for entry in entries(db)) == ["from a pipe\nsecond line\n", "no text argument"]


def test_empty_and_too_long_are_refused_with_one_line(tmp_path: Path) -> None:
    db = tmp_path / "db.json"
    empty = heartwork("--db", str(db), "journal", "add", stdin="  \n ")
    assert empty.returncode == 2 and empty.stderr.count("\n") == 1 and "empty" in empty.stderr
    huge = heartwork("--db", str(db), "journal", "add", "-", stdin="x" * (MAX_ENTRY_CHARS + 1))
    assert huge.returncode == 2 and huge.stderr.count("\n") == 1 and "limit" in huge.stderr
    assert not db.exists() or entries(db) == []


def test_journal_add_does_not_import_textual(tmp_path: Path) -> None:
    code = (
        "import sys\n"
        "from tui.cli.main import main\n"
        f"rc = main(['--db', {str(tmp_path / 'db.json')!r}, 'journal', 'add', 'a quiet note'])\n"
        "print('TEXTUAL' if any(m == 'textual' or m.startswith('textual.') for m in sys.modules) else 'CLEAN', rc)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=REPO_ROOT, capture_output=True, text=True, timeout=60)
    assert result.stdout.strip().splitlines()[-1] == "CLEAN 0", result.stderr


def test_journal_without_action_still_opens_the_app() -> None:
    from tui.cli.main import build_parser, run_app

    args = build_parser().parse_args(["journal"])
    assert args.func is run_app and args.section == "journal" and args.journal_action is None


def test_journal_core_and_store_never_import_textual() -> None:
    modules = [
        "tui.core.journal",
        "tui.core.journal_prompts",
        "tui.core.journal_search",
        "tui.core.journal_exercises",
        "tui.store.journal_repository",
        "tui.store.journal_draft_repository",
        "tui.store.affirmation_repository",
        "tui.cli.commands.journal_add",
    ]
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}: importlib.import_module(name)\n"
        "print(sorted(m for m in sys.modules if m == 'textual' or m.startswith('textual.')))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=REPO_ROOT, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"
