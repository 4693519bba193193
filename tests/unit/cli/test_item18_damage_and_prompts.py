"""Issue 18, item 6: tampered and damaged encrypted files, wrong recovery codes, passphrase files.

A file whose authentication fails is never overwritten and gets the corrupt-file
path (kept, backup named); a cut-short, damaged or unknown-format header, a
wrong recovery code and a missing, unreadable or empty passphrase file each get
a clear message and exit 2. A passphrase is never taken from the command line.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from encrypted_db import passphrase_file

from tui.cli.main import main
from tui.core.encryption_header import PREFIX_SIZE, decode_header, is_encrypted
from tui.store import encryption
from tui.store.database import Database
from tui.store.encryption import TEST_MEMLIMIT, TEST_OPSLIMIT
from tui.store.inbox import inbox_path_for
from tui.store.passphrase import set_passphrase

REPO_ROOT = Path(__file__).resolve().parents[3]
SENTENCE = "I sat by the window and let the afternoon be slow"


pytestmark = pytest.mark.usefixtures("no_keys_in_memory")


def _locked_db(folder: Path, passphrase: str = "pw") -> tuple[Path, str]:
    """An encrypted database holding SENTENCE, with one backup; (path, recovery code)."""
    path = folder / "hw.json"
    database = Database.open(path)
    database.table("journal").insert({"id": "j1", "text": SENTENCE, "updated_at": "2026-01-01T00:00:00"})
    database.backups.make(path.read_bytes())  # type: ignore[union-attr]
    code = set_passphrase(database, passphrase, opslimit=TEST_OPSLIMIT, memlimit=TEST_MEMLIMIT)
    database.close()
    encryption.forget_all()
    return path, code


def _plain_db(folder: Path) -> Path:
    """A database not yet encrypted, holding SENTENCE."""
    path = folder / "hw.json"
    database = Database.open(path)
    database.table("journal").insert({"id": "j1", "text": SENTENCE, "updated_at": "2026-01-01T00:00:00"})
    database.close()
    return path


def _run(*args: str, secret: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "HEARTWORK_PASSPHRASE_FILE": str(secret)}
    return subprocess.run(
        [sys.executable, "-m", "tui", *args], cwd=REPO_ROOT, env=env, capture_output=True, text=True, timeout=60
    )


def test_item18_tampered_file_is_kept_by_a_fresh_process(tmp_path: Path) -> None:
    path, _ = _locked_db(tmp_path)
    payload = bytearray(path.read_bytes())
    payload[len(decode_header(bytes(payload))[1]) + 40] ^= 0x20  # one bit of the body
    path.write_bytes(bytes(payload))
    secret = passphrase_file(tmp_path, "pw\n")
    for args in (["--db", str(path), "export"], ["--db", str(path)]):  # a command, and the app (no terminal)
        result = _run(*args, secret=secret)
        assert result.returncode == 1, result.stderr
        assert "integrity check" in result.stderr and "has not been changed" in result.stderr
        assert "heartwork restore" in result.stderr  # the backup is offered
        assert SENTENCE not in result.stdout + result.stderr
        assert path.read_bytes() == bytes(payload), "the tampered file was overwritten"


def _damage(payload: bytes, how: str) -> bytes:
    header_length = len(decode_header(payload)[1])
    if how == "cut in the prefix":
        return payload[: PREFIX_SIZE - 3]
    if how == "cut in the header":
        return payload[: header_length - 10]
    if how == "unknown version":
        return payload[:5] + bytes([99]) + payload[6:]
    assert how == "damaged header"
    return payload[: PREFIX_SIZE + 2] + b"!" + payload[PREFIX_SIZE + 3 :]


@pytest.mark.parametrize("how", ["cut in the prefix", "cut in the header", "unknown version", "damaged header"])
def test_item18_unreadable_header_exits_2_and_keeps_the_file(
    tmp_path: Path, how: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    path, _ = _locked_db(tmp_path)
    damaged = _damage(path.read_bytes(), how)
    path.write_bytes(damaged)
    monkeypatch.setenv("HEARTWORK_PASSPHRASE_FILE", str(passphrase_file(tmp_path, "pw\n")))
    assert main(["--db", str(path), "export"]) == 2
    err = capsys.readouterr().err
    assert "could not be read" in err and "has not been changed" in err
    if how == "unknown version":
        assert "encryption format 99" in err
    # A quick capture must not write its words in the clear beside a file it cannot read.
    assert main(["--db", str(path), "checkin", "6", "--note", "a private note"]) == 2
    err = capsys.readouterr().err
    assert "your check-in could not go ahead" in err and "could not be read" in err
    assert "heartwork restore" in err  # the encrypted backup is offered, even though nothing is unlocked
    assert not inbox_path_for(path).exists()
    assert main(["--db", str(path)]) == 2  # the app without a terminal: the recovery message, then 2
    assert "could not be read" in capsys.readouterr().err
    assert path.read_bytes() == damaged


def test_item18_wrong_recovery_code_is_said_plainly(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    path, code = _locked_db(tmp_path)
    before = path.read_bytes()
    wrong = ("B" if code[0] != "B" else "C") + code[1:]
    monkeypatch.setenv("HEARTWORK_PASSPHRASE_FILE", str(passphrase_file(tmp_path, wrong + "\n")))
    with pytest.raises(SystemExit) as exited:
        main(["--db", str(path), "export"])
    assert exited.value.code == 2
    err = capsys.readouterr().err
    assert "that recovery code did not open the data" in err and "Nothing was changed" in err
    assert path.read_bytes() == before
    encryption.forget_all()
    monkeypatch.setenv("HEARTWORK_PASSPHRASE_FILE", str(passphrase_file(tmp_path, code.lower() + "\n")))
    assert main(["--db", str(path), "export"]) == 0
    assert SENTENCE in capsys.readouterr().out


@pytest.mark.parametrize("problem", ["missing", "empty", "blank first line", "unreadable", "a folder", "not text"])
@pytest.mark.parametrize("command", [["export"], ["passphrase", "change"], ["passphrase", "set"]])
def test_item18_passphrase_file_problems_exit_2_and_change_nothing(
    tmp_path: Path,
    problem: str,
    command: list[str],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    if command[-1] == "set":
        path = _plain_db(tmp_path)
        variable = "HEARTWORK_PASSPHRASE_FILE"
    else:
        path, _ = _locked_db(tmp_path)
        variable = "HEARTWORK_PASSPHRASE_FILE" if command == ["export"] else "HEARTWORK_NEW_PASSPHRASE_FILE"
        if variable != "HEARTWORK_PASSPHRASE_FILE":
            monkeypatch.setenv("HEARTWORK_PASSPHRASE_FILE", str(passphrase_file(tmp_path, "pw\n")))
    named = tmp_path / "the-secret"
    if problem == "empty":
        named.write_text("")
    elif problem == "blank first line":
        named.write_text("\nsecond line\n")
    elif problem == "unreadable":
        if os.geteuid() == 0:
            pytest.skip("root reads any file")
        named.write_text("pw\n")
        named.chmod(0)
    elif problem == "a folder":
        named.mkdir()
    elif problem == "not text":
        named.write_bytes(b"\xff\xfe\xfa\n")
    monkeypatch.setenv(variable, str(named))
    before = {file: file.read_bytes() for file in tmp_path.rglob("*") if file.is_file() and file != named}
    try:
        code = main(["--db", str(path), *command])
    except SystemExit as exited:
        code = int(exited.code or 0)
    assert code == 2
    err = capsys.readouterr().err
    assert "passphrase file" in err and str(named) in err and variable in err
    assert "Traceback" not in err
    after = {file: file.read_bytes() for file in tmp_path.rglob("*") if file.is_file() and file != named}
    assert {f: b for f, b in after.items() if not f.name.endswith(".lock")} == {
        f: b for f, b in before.items() if not f.name.endswith(".lock")
    }
    assert is_encrypted(path.read_bytes()) == (command[-1] != "set")


@pytest.mark.parametrize(
    "argv",
    [
        ["passphrase", "set", "hunter2"],
        ["passphrase", "set", "--passphrase", "hunter2"],
        ["passphrase", "set", "--passphrase=hunter2"],
        ["passphrase", "change", "hunter2"],
        ["export", "--passphrase", "hunter2"],
        ["--passphrase", "hunter2", "export"],
    ],
)
def test_item18_a_passphrase_is_never_taken_from_the_command_line(
    tmp_path: Path, argv: list[str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _plain_db(tmp_path)
    before = path.read_bytes()
    monkeypatch.delenv("HEARTWORK_PASSPHRASE_FILE", raising=False)
    try:
        code = main(["--db", str(path), *argv])
    except SystemExit as exited:
        code = int(exited.code or 0)
    assert code == 2
    assert path.read_bytes() == before and not is_encrypted(path.read_bytes())
    assert "hunter2" not in capsys.readouterr().out


def test_item18_no_passphrase_option_in_any_command() -> None:
    from tui.cli.main import build_parser

    parser = build_parser()
    seen = []

    def walk(node: object) -> None:
        for action in getattr(node, "_actions", []):
            seen.extend(action.option_strings)
            choices = getattr(action, "choices", None)
            for sub in choices.values() if isinstance(choices, dict) else ():
                walk(sub)

    walk(parser)
    assert "--db" in seen and "--note" in seen  # the walk reached the subcommands' options
    assert not [option for option in seen if "pass" in option or "secret" in option or "code" in option]


@pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pseudo-terminal")
def test_item18_passphrase_typed_at_the_terminal_is_not_echoed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from pty_app import AppInPty

    path, _ = _locked_db(tmp_path, passphrase="velvet-otter-42")
    monkeypatch.delenv("HEARTWORK_PASSPHRASE_FILE", raising=False)
    exported = tmp_path / "export.json"
    with AppInPty("--db", str(path), "export", "--out", str(exported)) as terminal:
        assert terminal.read_until(b"Passphrase (or recovery code):", timeout=20)
        terminal.type("velvet-otter-42\r")
        assert terminal.wait(timeout=20) == 0
    assert SENTENCE in exported.read_text(encoding="utf-8")
    assert b"this export is not" in terminal.output
    assert b"velvet-otter-42" not in terminal.output  # getpass: nothing typed is shown


@pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pseudo-terminal")
def test_item18_set_at_the_terminal_asks_twice_and_a_mismatch_changes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pty_app import AppInPty

    path = _plain_db(tmp_path)
    before = path.read_bytes()
    monkeypatch.delenv("HEARTWORK_PASSPHRASE_FILE", raising=False)
    with AppInPty("--db", str(path), "passphrase", "set") as terminal:
        assert terminal.read_until(b"New passphrase:", timeout=20)
        terminal.type("first try\r")
        assert terminal.read_until(b"The same passphrase again:", timeout=10)
        terminal.type("second try\r")
        assert terminal.wait(timeout=20) == 2
    assert b"not the same; nothing was changed" in terminal.output
    assert b"first try" not in terminal.output and b"second try" not in terminal.output
    assert path.read_bytes() == before


@pytest.mark.parametrize("command", [["passphrase", "set"], ["passphrase", "change"]])
def test_item18_a_new_passphrase_shorter_than_settings_allows_is_refused_and_changes_nothing(
    tmp_path: Path, command: list[str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from tui.core.passphrase_rules import MIN_PASSPHRASE_LENGTH

    if command[-1] == "set":
        path = _plain_db(tmp_path)
        monkeypatch.setenv("HEARTWORK_PASSPHRASE_FILE", str(passphrase_file(tmp_path, "short\n")))
    else:
        path, _ = _locked_db(tmp_path)
        monkeypatch.setenv("HEARTWORK_PASSPHRASE_FILE", str(passphrase_file(tmp_path, "pw\n")))
        short = tmp_path / "new-secret.txt"
        short.write_text("x" * (MIN_PASSPHRASE_LENGTH - 1) + "\n", encoding="utf-8")
        monkeypatch.setenv("HEARTWORK_NEW_PASSPHRASE_FILE", str(short))
    before = path.read_bytes()
    assert main(["--db", str(path), *command]) == 2
    err = capsys.readouterr().err
    assert f"at least {MIN_PASSPHRASE_LENGTH} characters" in err and "nothing was changed" in err
    assert path.read_bytes() == before
