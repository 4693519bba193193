"""Shell commands say true things: a full disk, a missing folder, a date out of range; limits; UTF-8 always."""

from __future__ import annotations

import errno
import os
import subprocess
import sys
from pathlib import Path

import orjson
import pytest

from tui.cli.main import main
from tui.core.journal import MAX_TAG_CHARS, MAX_TAGS, MAX_TITLE_CHARS
from tui.store.database import Database

REPO_ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    path = tmp_path / "heartwork.json"
    Database.open(path).close()
    return path


def on_disk(path: Path) -> dict:  # type: ignore[type-arg]
    """The file's bytes once quick captures waiting in its inbox are merged (issue 12.1)."""
    Database.open(path).close()
    return orjson.loads(path.read_bytes())


def heartwork(*args: str, env: dict[str, str], stdin: str | bytes = b"") -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "tui", *args],
        cwd=REPO_ROOT,
        input=stdin.encode() if isinstance(stdin, str) else stdin,
        capture_output=True,
        env=env,
        timeout=60,
    )


def plain_locale(tmp_path: Path, **extra: str) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if not key.startswith(("LC_", "LANG", "PYTHON"))}
    env.update(
        HOME=str(tmp_path / "home"), XDG_STATE_HOME=str(tmp_path / "state"), XDG_DATA_HOME=str(tmp_path / "data")
    )
    env.update(extra)
    return env


# -- item 9.10: wrong messages ------------------------------------------------------------------


def test_item9_10_a_full_disk_in_the_shell_says_the_change_was_not_saved(
    db_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    before = db_path.read_bytes()

    def disk_full(*args: object, **kwargs: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr("tui.store.file_storage.write_private_file", disk_full)
    monkeypatch.setattr("tui.store.inbox._append_locked", disk_full)  # quick captures append (issue 12.1)
    inbox = db_path.with_name(db_path.name + ".inbox")
    assert main(["checkin", "5", "--db", str(db_path)]) == 1
    error = capsys.readouterr().err
    assert "your check-in was not saved" in error and "the disk is full" in error
    assert "Free some space on the disk, then run the command again" in error
    assert "kept in memory" not in error and "try again" not in error.replace("run the command again", "")
    assert main(["journal", "add", "words", "--db", str(db_path)]) == 1
    assert "your journal entry was not saved" in capsys.readouterr().err
    assert db_path.read_bytes() == before
    assert not inbox.exists()


def test_item9_10_export_to_a_folder_that_never_existed_says_it_does_not_exist(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "new" / "dir" / "export.json"
    assert main(["export", "--db", str(db_path), "--out", str(out)]) == 1
    error = capsys.readouterr().err
    assert f"the folder {out.parent} does not exist" in error and "no longer" not in error


@pytest.mark.parametrize(
    ("moment", "words"),
    [
        ("0001-01-01", "out of range: dates before 1900 are not accepted"),
        ("1899-12-31 23:59", "dates before 1900 are not accepted"),
        ("2026-13-45", "'2026-13-45' does not exist"),
        ("2026-02-30 10:00", "does not exist"),
    ],
)
def test_item9_10_checkin_at_a_date_out_of_range_or_that_does_not_exist(
    db_path: Path, capsys: pytest.CaptureFixture[str], moment: str, words: str
) -> None:
    before = db_path.read_bytes()
    with pytest.raises(SystemExit) as caught:
        main(["checkin", "5", "--at", moment, "--db", str(db_path)])
    assert caught.value.code == 2
    error = capsys.readouterr().err
    assert words in error and "invalid" not in error and "_moment" not in error
    assert db_path.read_bytes() == before


# -- item 9.13: the app's limits from the shell ---------------------------------------------------


@pytest.mark.parametrize(
    ("extra", "words"),
    [
        (["--title", "t" * 100_000], f"the limit is {MAX_TITLE_CHARS}"),
        ([arg for n in range(5000) for arg in ("--tag", f"tag{n}")], f"the limit is {MAX_TAGS} tags per entry"),
        (["--tag", "x" * (MAX_TAG_CHARS + 1)], f"the limit is {MAX_TAG_CHARS} per tag"),
    ],
)
def test_item9_13_journal_add_keeps_the_apps_limits_on_titles_and_tags(
    db_path: Path, capsys: pytest.CaptureFixture[str], extra: list[str], words: str
) -> None:
    before = db_path.read_bytes()
    assert main(["journal", "add", "a few words", *extra, "--db", str(db_path)]) == 2
    error = capsys.readouterr().err
    assert words in error and "Nothing was saved" in error and error.count("\n") == 1
    assert db_path.read_bytes() == before


def test_item9_13_the_limits_just_inside_are_accepted(db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    tags = [arg for n in range(MAX_TAGS) for arg in ("--tag", f"{n:0{MAX_TAG_CHARS}d}")]
    assert main(["journal", "add", "words", "--title", "t" * MAX_TITLE_CHARS, *tags, "--db", str(db_path)]) == 0
    [entry] = on_disk(db_path)["journal_entries"].values()
    assert len(entry["title"]) == MAX_TITLE_CHARS and len(entry["tags"]) == MAX_TAGS


def test_item9_13_the_journal_screen_uses_the_same_limits() -> None:
    source = (REPO_ROOT / "tui" / "ui" / "screens" / "journal" / "journal.py").read_text(encoding="utf-8")
    assert "max_length=MAX_TITLE_CHARS" in source and "max_length=MAX_TAGS_TEXT_CHARS" in source


@pytest.mark.parametrize(
    ("extra", "words"),
    [
        ([arg for n in range(5000) for arg in ("--tag", f"tag{n}")], "up to 12"),
        ([arg for n in range(5000) for arg in ("--emotion", f"feeling{n}")], "up to 12"),
        (["--tag", "x" * 100_000], "keep each to 32"),
        (["--note", "n" * 100_000], "up to 1000"),
    ],
)
def test_item9_13_checkin_keeps_its_limits_on_tags_emotions_and_notes(
    db_path: Path, capsys: pytest.CaptureFixture[str], extra: list[str], words: str
) -> None:
    before = db_path.read_bytes()
    assert main(["checkin", "5", *extra, "--db", str(db_path)]) == 2
    assert words in capsys.readouterr().err
    assert db_path.read_bytes() == before


# -- also: UTF-8 whatever the locale ---------------------------------------------------------------


def test_item9_also_the_c_locale_keeps_non_ascii_text(tmp_path: Path) -> None:
    db = tmp_path / "hw.json"
    env = plain_locale(tmp_path, LC_ALL="C", PYTHONUTF8="0")
    done = heartwork("--db", str(db), "checkin", "6", "--note", "Ça va 😊", "--tag", "thé", env=env)
    assert done.returncode == 0, done.stderr.decode("utf-8", "replace")
    assert "thé".encode() in done.stdout
    [saved] = on_disk(db)["checkins"].values()
    assert saved["note"] == "Ça va 😊" and saved["tags"] == ["thé"]
    done = heartwork("--db", str(db), "journal", "add", "Été 今日は", "--title", "Naïve", env=env)
    assert done.returncode == 0, done.stderr.decode("utf-8", "replace")
    [entry] = on_disk(db)["journal_entries"].values()
    assert entry["body"] == "Été 今日は" and entry["title"] == "Naïve"


def test_item9_also_journal_add_reads_utf8_stdin_with_an_ascii_io_encoding(tmp_path: Path) -> None:
    db = tmp_path / "hw.json"
    for extra in ({"PYTHONIOENCODING": "ascii"}, {"PYTHONIOENCODING": "ascii", "LC_ALL": "C", "PYTHONUTF8": "0"}):
        done = heartwork(
            "--db",
            str(db),
            "journal",
            "add",
            "-",
            "--tag",
            "ré",
            env=plain_locale(tmp_path, **extra),
            stdin="Dear me, ça ira ✓\n",
        )
        assert done.returncode == 0, done.stderr.decode("utf-8", "replace")
        assert "#ré".encode() in done.stdout and b"unexpected error" not in done.stderr
    bodies = [entry["body"] for entry in on_disk(db)["journal_entries"].values()]
    assert bodies == ["Dear me, ça ira ✓\n"] * 2
    assert not (tmp_path / "state").exists(), "no crash log was written"


def test_item9_also_errors_are_printed_in_utf8_with_an_ascii_io_encoding(tmp_path: Path) -> None:
    db = tmp_path / "hw.json"
    env = plain_locale(tmp_path, PYTHONIOENCODING="ascii", LC_ALL="C", PYTHONUTF8="0")
    done = heartwork("--db", str(db), "journal", "add", "x", "--tag", "é" * 50, env=env)
    assert done.returncode == 2 and "'éééééééééééééééééééé'".encode() in done.stderr
