"""Issue 9, items 5, 8, 9 and 11: private folder levels, strict schema versions, symlinks, a crash log without values."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path
from typing import Any

import orjson
import pytest
from param_ids import stable_repr

from tui.cli.main import main
from tui.crash import CrashLogRefusedError, write_crash_log
from tui.store.database import Database, lock_path_for
from tui.store.errors import CorruptDatabaseError, UnsafeFolderError
from tui.store.migrations import CURRENT_VERSION, META_TABLE
from tui.store.permissions import ensure_private_dir

REPO_ROOT = Path(__file__).resolve().parents[3]
MISSING = object()


def mode_of(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def fingerprint(path: Path) -> tuple[bytes, int, int, int]:
    """What must not change on a read-only command: bytes, mtime, mode, inode."""
    info = os.stat(path)
    return path.read_bytes(), info.st_mtime_ns, stat.S_IMODE(info.st_mode), info.st_ino


def heartwork(*args: str, home: Path, umask: int | None = None, **env: str) -> subprocess.CompletedProcess[str]:
    """Run ``heartwork ARGS`` in a fresh process with ``home`` as the home folder (XDG folders unset)."""
    environ = {key: value for key, value in os.environ.items() if not key.startswith(("XDG_", "HEARTWORK_"))}
    environ.update(HOME=str(home), **env)
    prefix = f"import os; os.umask({umask}); " if umask is not None else ""
    script = prefix + "import sys; from tui.cli.main import main; sys.exit(main(sys.argv[1:]))"
    return subprocess.run(
        [sys.executable, "-c", script, *args],
        cwd=REPO_ROOT,
        env=environ,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=30,
    )


# -- 9.5: every folder level private; an unsafe data folder refused ----------------------------------------


def test_item9_5_every_missing_folder_level_is_0700_under_umask_000(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir(mode=0o700)
    done = heartwork("checkin", "5", home=home, umask=0o000)
    assert done.returncode == 0, done.stderr
    levels = [home / ".local", home / ".local" / "share", home / ".local" / "share" / "heartwork"]
    assert [oct(mode_of(level)) for level in levels] == [oct(0o700)] * 3
    assert mode_of(levels[-1] / "heartwork.json.inbox") == 0o600  # the quick capture's queue (issue 12.1)
    from tui.store.database import Database

    old = os.umask(0o000)
    try:
        Database.open(levels[-1] / "heartwork.json").close()  # the next writer merges it
    finally:
        os.umask(old)
    assert mode_of(levels[-1] / "heartwork.json") == 0o600
    assert mode_of(levels[-1] / "backups") == 0o700


def test_item9_5_the_one_folder_helper_makes_each_level_0700_with_a_permissive_umask(tmp_path: Path) -> None:
    old = os.umask(0o000)
    try:
        ensure_private_dir(tmp_path / "a" / "b" / "c")
        write_crash_log(RuntimeError("x"), tmp_path / "state" / "deeper" / "crash.log")
    finally:
        os.umask(old)
    for level in (
        tmp_path / "a",
        tmp_path / "a" / "b",
        tmp_path / "a" / "b" / "c",
        tmp_path / "state",
        tmp_path / "state" / "deeper",
    ):
        assert mode_of(level) == 0o700, level
    assert mode_of(tmp_path / "state" / "deeper" / "crash.log") == 0o600


@pytest.mark.parametrize("command", [["checkin", "5"], ["export"], ["journal", "add", "a line"], []])
def test_item9_5_a_data_folder_others_can_write_to_is_refused_with_exit_2(tmp_path: Path, command: list[str]) -> None:
    home = tmp_path / "home"
    folder = home / ".local" / "share" / "heartwork"
    folder.mkdir(parents=True)
    folder.chmod(0o777)
    done = heartwork(*command, home=home)
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr and done.stdout == ""
    assert f"did not use its folder {folder}" in done.stderr and "chmod 700" in done.stderr
    assert mode_of(folder) == 0o777, "refused, not silently changed"
    assert list(folder.iterdir()) == []


def test_item9_5_a_data_folder_owned_by_someone_else_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "data"
    folder.mkdir(mode=0o700)
    monkeypatch.setattr(os, "getuid", lambda: folder.stat().st_uid + 4242)
    with pytest.raises(UnsafeFolderError, match="belongs to another user account"):
        Database.open(folder / "heartwork.json", own_folder=True)
    with pytest.raises(UnsafeFolderError):
        Database.open_read_only(folder / "heartwork.json", own_folder=True)
    assert list(folder.iterdir()) == []


def test_item9_5_a_folder_chosen_with_db_keeps_its_mode_and_is_used(tmp_path: Path) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o775)
    Database.open(shared / "heartwork.json").table("things").insert({"id": "a"})
    assert mode_of(shared) == 0o775
    assert mode_of(shared / "heartwork.json") == 0o600


# -- 9.8: only a known whole-number version is migrated; read-only commands never write ---------------------

ODD_VERSIONS: list[Any] = [3.0, "3", 0, True, -1, None, MISSING]


def odd_version_file(tmp_path: Path, version: Any) -> Path:
    path = tmp_path / "heartwork.json"
    meta: dict[str, Any] = {"written_by": "somebody else"}
    if version is not MISSING:
        meta["schema_version"] = version
    data = {
        META_TABLE: {"1": meta},
        "checkins": {"1": {"id": "c1", "at": "2026-03-02T09:30:00+01:00", "pleasantness": 6}},
    }
    path.write_bytes(orjson.dumps(data))
    path.chmod(0o644)
    os.utime(path, ns=(1_600_000_000_000_000_000, 1_600_000_000_000_000_000))
    return path


@pytest.mark.parametrize("version", ODD_VERSIONS, ids=stable_repr)
@pytest.mark.parametrize("command", [["export"], ["restore", "--list"], ["where"]])
def test_item9_8_read_only_commands_leave_an_odd_version_file_untouched(
    tmp_path: Path, version: Any, command: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    path = odd_version_file(tmp_path, version)
    before = fingerprint(path)
    code = main([*command, "--db", str(path)])
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err
    if command == ["export"]:
        assert code == 1 and captured.out == ""
        assert "format version" in captured.err and "has not been changed" in captured.err
    assert fingerprint(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["heartwork.json"], "no lock, temp or backup file either"


@pytest.mark.parametrize("version", ODD_VERSIONS, ids=stable_repr)
def test_item9_8_opening_the_app_on_an_odd_version_shows_recovery_and_keeps_the_file(
    tmp_path: Path, version: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = odd_version_file(tmp_path, version)
    before = fingerprint(path)
    shown: list[CorruptDatabaseError] = []

    def recovery(error: CorruptDatabaseError) -> bool:
        shown.append(error)
        return False

    def no_app(*args: object, **kwargs: object) -> None:
        raise AssertionError("the app must not open on this file")

    monkeypatch.setattr("tui.cli.recovery.run_recovery", recovery)
    monkeypatch.setattr("tui.ui.app.create_app", no_app)
    monkeypatch.setattr("tui.crash.crash_log_path", lambda: tmp_path / "state" / "crash.log")
    assert main(["--db", str(path)]) == 1
    assert len(shown) == 1 and shown[0].path == path
    assert "format version" in shown[0].reason
    assert ("not one Heartwork knows" in shown[0].reason) or ("missing" in shown[0].reason)
    assert fingerprint(path) == before


def test_item9_8_the_recovery_message_names_the_odd_version_plainly(tmp_path: Path) -> None:
    path = odd_version_file(tmp_path, "3\x1b]0;X\x07")
    with pytest.raises(CorruptDatabaseError) as caught:
        Database.open(path)
    assert "\x1b" not in str(caught.value) and "is not one Heartwork knows" in str(caught.value)


def test_item9_8_export_of_an_older_file_migrates_in_memory_only(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "heartwork.json"
    path.write_bytes(orjson.dumps({"checkins": {"1": {"at": "2026-03-02T09:30:00+01:00", "pleasantness": 6}}}))
    path.chmod(0o644)
    before = fingerprint(path)
    assert main(["export", "--db", str(path)]) == 0
    export = orjson.loads(capsys.readouterr().out)
    assert export["schema_version"] == CURRENT_VERSION
    assert isinstance(export["tables"]["checkins"][0]["id"], str)
    assert fingerprint(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["heartwork.json"]
    Database.open(path).close()  # opening for writing still migrates a known older version
    assert orjson.loads(path.read_bytes())[META_TABLE]["1"]["schema_version"] == CURRENT_VERSION


def test_item9_8_export_of_a_missing_database_creates_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["export", "--db", str(tmp_path / "not-yet" / "heartwork.json")]) == 0
    assert orjson.loads(capsys.readouterr().out)["tables"] == {}
    assert list(tmp_path.iterdir()) == []


# -- 9.9: a symlinked database stays a link; a symlinked crash log is refused --------------------------------


@pytest.fixture
def linked_db(tmp_path: Path) -> tuple[Path, Path]:
    synced = tmp_path / "synced"
    synced.mkdir()
    real = synced / "heartwork.json"
    here = tmp_path / "here"
    here.mkdir()
    link = here / "heartwork.json"
    link.symlink_to(real)
    return link, real


def test_item9_9_a_symlinked_database_written_twice_stays_a_link(linked_db: tuple[Path, Path]) -> None:
    link, real = linked_db
    assert main(["checkin", "5", "--db", str(link)]) == 0
    assert main(["checkin", "7", "--db", str(link)]) == 0
    assert link.is_symlink() and link.resolve() == real
    assert real.with_name("heartwork.json.inbox").exists()  # quick captures queue beside the real file
    from tui.store.database import Database

    Database.open(link).close()  # merged into the real file, written beside it
    assert link.is_symlink() and link.resolve() == real
    checkins = orjson.loads(real.read_bytes())["checkins"]
    assert sorted(doc["pleasantness"] for doc in checkins.values()) == [5, 7]
    assert list(link.parent.iterdir()) == [link], "no lock, temp or backup file beside the link"
    assert lock_path_for(real).exists() and (real.parent / "backups").is_dir()
    assert mode_of(real) == 0o600


def test_item9_9_the_store_itself_writes_beside_the_real_file(linked_db: tuple[Path, Path]) -> None:
    link, real = linked_db
    db = Database.open(link)
    db.table("things").insert({"id": "a"})
    db.table("things").insert({"id": "b"})
    db.close()
    assert link.is_symlink()
    assert sorted(doc["id"] for doc in orjson.loads(real.read_bytes())["things"].values()) == ["a", "b"]


def test_item9_9_export_through_a_link_leaves_the_target_untouched(
    linked_db: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    link, real = linked_db
    assert main(["checkin", "5", "--db", str(link)]) == 0
    from tui.store.database import Database

    Database.open(link).close()  # the capture is merged into the real file
    assert main(["checkin", "6", "--db", str(link)]) == 0  # and this one waits in the inbox
    real.chmod(0o644)
    queued = real.with_name(real.name + ".inbox")
    before = (fingerprint(real), fingerprint(queued))
    capsys.readouterr()
    assert main(["export", "--db", str(link)]) == 0
    assert [doc["pleasantness"] for doc in orjson.loads(capsys.readouterr().out)["tables"]["checkins"]] == [5, 6]
    assert (fingerprint(real), fingerprint(queued)) == before
    assert link.is_symlink()


def test_item9_9_where_names_the_real_file(linked_db: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    link, real = linked_db
    assert main(["where", "--db", str(link)]) == 0
    assert capsys.readouterr().out.strip() == str(real)


def test_item9_9_a_symlinked_crash_log_is_not_followed(tmp_path: Path) -> None:
    target = tmp_path / "elsewhere.txt"
    target.write_text("someone else's file\n")
    target.chmod(0o644)
    log = tmp_path / "state" / "crash.log"
    log.parent.mkdir(mode=0o700)
    log.symlink_to(target)
    with pytest.raises(CrashLogRefusedError, match="symbolic link") as caught:
        write_crash_log(RuntimeError("boom"), log)
    assert str(log) in str(caught.value)
    assert target.read_text() == "someone else's file\n" and mode_of(target) == 0o644
    assert log.is_symlink()


def test_item9_9_the_shell_says_why_a_symlinked_crash_log_got_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "elsewhere.txt"
    target.write_text("")
    log = tmp_path / "crash.log"
    log.symlink_to(target)
    monkeypatch.setattr("tui.crash.crash_log_path", lambda: log)

    def explode(args: object) -> int:
        raise RuntimeError("boom")

    monkeypatch.setattr("tui.cli.commands.where.run", explode)
    assert main(["where", "--db", str(tmp_path / "db.json")]) == 1
    err = capsys.readouterr().err
    assert "unexpected error" in err and "symbolic link" in err and "Traceback" not in err
    assert target.read_text() == ""


# -- 9.11: the crash log names types and places, never messages or values ------------------------------------


class EntryProblem(ValueError):
    """An error whose message quotes a person's words, as a careless check might."""


def save_entry_carelessly(body: str) -> None:
    raise EntryProblem(f"could not save {body!r}")


def caller_of_the_careless_code() -> None:
    words = "I finally told my sister how lonely I felt"
    try:
        save_entry_carelessly(words)
    except EntryProblem as error:
        raise RuntimeError("while saving: 'I finally told my sister how lonely I felt'") from error


def test_item9_11_the_crash_log_holds_types_and_frames_but_no_secret(tmp_path: Path) -> None:
    log = tmp_path / "crash.log"
    try:
        caller_of_the_careless_code()
    except RuntimeError as error:
        write_crash_log(error, log)
    text = log.read_text()
    assert "lonely" not in text and "sister" not in text and "could not save" not in text and "while saving" not in text
    assert "EntryProblem" in text and f"{__name__}.EntryProblem" in text
    assert "RuntimeError" in text
    assert "save_entry_carelessly" in text and "caller_of_the_careless_code" in text
    assert __file__ in text and "line " in text
    assert "words" not in text, "no local variables, no source lines"
