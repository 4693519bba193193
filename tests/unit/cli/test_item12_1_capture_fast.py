"""Issue 12.1: the quick capture before argparse saves and says exactly what the full CLI does.

Each case runs the same command line twice, on two fresh databases: once
through :func:`tui.cli.entry.main` (the quick path first) and once through
:func:`tui.cli.main.main` (the full CLI alone). Exit codes, what is printed and
the inbox records must be the same, apart from what differs between any two
runs (fresh ids and the moment of saving). Bad or odd input must leave the
quick path without writing anything, so its message is the full CLI's.
"""

from __future__ import annotations

import errno
import io
import re
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from quick_cli import modules_imported

from tui.cli import entry
from tui.cli.commands import capture_fast
from tui.cli.main import main as full_main
from tui.store import inbox, inbox_append
from tui.store.database import Database

REPO_ROOT = Path(__file__).resolve().parents[3]
TIMES = re.compile(r"\d{2}:\d{2}")
RUN_VARYING = ("id", "updated_at", "created_at")
ESCAPE = "\x1b]0;PWNED\x07\x1b[2J"
RTL_AND_EMOJI = "שלום עליך 🌿 مرحبا 👩🏽‍💻"


Outcome = tuple[object, str, str]


def _run(
    quick_first: bool, argv: list[str], db: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> Outcome:
    """(exit code, stdout, stderr) of one run, the time of saving and the database's folder masked."""
    monkeypatch.setattr(sys, "argv", ["heartwork", "--db", str(db), *argv])
    monkeypatch.setattr(sys, "stdin", io.StringIO("from standard input"))
    try:
        code: object = entry.main() if quick_first else full_main(["--db", str(db), *argv])
    except SystemExit as done:  # --help and argparse's errors exit from inside
        code = done.code
    out, err = (TIMES.sub("HH:MM", text).replace(str(db.parent), "<folder>") for text in capsys.readouterr())
    return code, out, err


def _records(db: Path, *, backdated: bool) -> list[tuple[str, dict[str, object]]]:
    records = inbox.read_pending(db).records
    for _, document in records:
        for key in RUN_VARYING:
            if key in document:
                document[key] = "<varies>"
        if not backdated and "at" in document:
            document["at"] = "<now>"
    return records


def _same_as_full_cli(
    argv: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> tuple[Outcome, Path]:
    quick_db, full_db = tmp_path / "quick" / "hw.json", tmp_path / "full" / "hw.json"
    quick_db.parent.mkdir()
    full_db.parent.mkdir()
    quick = _run(True, argv, quick_db, capsys, monkeypatch)
    full = _run(False, argv, full_db, capsys, monkeypatch)
    assert quick == full
    backdated = "--at" in argv
    assert _records(quick_db, backdated=backdated) == _records(full_db, backdated=backdated)
    return quick, quick_db


GOOD = [
    ["checkin", "7"],
    ["checkin", " 10 ", "--energy", "3", "--emotion", "Calm, HAPPY", "--emotion", "calm", "--tag", "#work"],
    ["checkin", "6", f"--note=  {RTL_AND_EMOJI}  ", "--theme", "dusk"],
    ["checkin", "8", "--note", f"escape {ESCAPE} here", "--tag", f"t{ESCAPE}"],
    ["checkin", "--energy=9", "5", "--energy", "4"],
    ["checkin", "9", "--at", "2026-01-05 08:30"],
    ["checkin", "9", "--at", "2024-02-29"],
    ["journal", "add", f"{RTL_AND_EMOJI}\nsecond line\tand a tab {ESCAPE}", "--title", " A title ", "--tag", "Rest"],
    ["journal", "add", "一二三 four", "--tag", "#a", "--tag", "b,c", "--tag", "A"],
    ["journal", "add", "x" * 200_000],
    ["affirm", "add", f"  I am   allowed {RTL_AND_EMOJI} to rest  ", "--tag", "rest"],
    ["affirm", "add", f"kind {ESCAPE}"],
]


@pytest.mark.parametrize("argv", GOOD, ids=lambda argv: " ".join(argv)[:40])
def test_good_input_is_saved_by_the_quick_path_exactly_as_by_the_full_cli(
    argv: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    (code, out, err), db = _same_as_full_cli(argv, tmp_path, capsys, monkeypatch)
    assert (code, err) == (0, "")
    assert out.startswith("Saved")
    assert len(inbox.read_pending(db).records) == 1
    assert "argparse" not in out + err


@pytest.mark.parametrize("argv", GOOD, ids=lambda argv: " ".join(argv)[:40])
def test_good_input_never_reaches_the_full_cli(argv: list[str], tmp_path: Path) -> None:
    db = tmp_path / "hw.json"
    assert capture_fast.fast_capture(["--db", str(db), *argv]) == 0
    assert len(inbox.read_pending(db).records) == 1


BAD_OR_ODD = [
    ["checkin", "0"],
    ["checkin", "11"],
    ["checkin", "-3"],
    ["checkin", "seven"],
    ["checkin", "7.5"],
    ["checkin", ""],
    ["checkin", "7", "8"],
    ["checkin"],
    ["checkin", "7", "--energy", "0"],
    ["checkin", "7", "--energy"],
    ["checkin", "7", "--ene", "3"],
    ["checkin", "7", "--bogus"],
    ["checkin", "--help"],
    ["checkin", "7", "-h"],
    ["checkin", "7", "--", "8"],
    ["checkin", "7", "--at", "2026-02-30"],
    ["checkin", "7", "--at", "2026-13-01 10:00"],
    ["checkin", "7", "--at", "1899-12-31"],
    ["checkin", "7", "--at", "2999-01-01 10:00"],
    ["checkin", "7", "--at", "next tuesday"],
    ["checkin", "7", "--note", "n" * 1001],
    ["checkin", "7", *[arg for n in range(13) for arg in ("--emotion", f"e{n}")]],
    ["checkin", "7", "--tag", "t" * 33],
    ["checkin", "7", "--note", "lone \udcff surrogate"],
    ["checkin", "2"],  # a low score may get the care line: the full command
    ["--energy", "3", "checkin", "7"],
    ["journal", "add"],
    ["journal", "add", "-"],
    ["journal", "add", ""],
    ["journal", "add", " \n\t "],
    ["journal", "add", "y" * 200_001],
    ["journal", "add", "ok", "--title", "t" * 201],
    ["journal", "add", "ok", *[arg for n in range(21) for arg in ("--tag", f"t{n}")]],
    ["journal", "add", "ok", "--tag", "t" * 41],
    ["journal", "add", "--title", "T", "text after an option"],
    ["journal", "add", "one", "two"],
    ["journal", "add", "ok", "--help"],
    ["affirm", "add", ""],
    ["affirm", "add", "a" * 501],
    ["affirm", "add", "ok", "--tag", "nope"],
    ["affirm", "add", "ok", "--mine"],
    ["affirm", "add"],
]


@pytest.mark.parametrize("argv", BAD_OR_ODD, ids=lambda argv: " ".join(argv)[:40])
def test_bad_or_odd_input_gets_the_full_clis_message_and_exit_code(
    argv: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    quick_db = tmp_path / "alone" / "hw.json"
    quick_db.parent.mkdir()
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    assert capture_fast.fast_capture(["--db", str(quick_db), *argv]) is None
    assert sorted(path.name for path in quick_db.parent.iterdir()) == [], "the quick path wrote before stepping aside"
    (code, out, err), _ = _same_as_full_cli(argv, tmp_path, capsys, monkeypatch)
    assert code in (0, 1, 2), (code, err)
    assert out or err


def test_a_missing_folder_a_linked_backups_folder_or_a_loose_own_folder_go_to_the_full_cli(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert capture_fast.fast_capture(["--db", str(tmp_path / "new" / "hw.json"), "checkin", "7"]) is None
    assert not (tmp_path / "new").exists()
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "backups").symlink_to(tmp_path / "elsewhere")
    assert capture_fast.fast_capture(["--db", str(tmp_path / "hw.json"), "checkin", "7"]) is None
    own = tmp_path / "data" / "heartwork"
    own.mkdir(parents=True, mode=0o755)
    own.chmod(0o755)
    monkeypatch.delenv("HEARTWORK_DB", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    assert capture_fast.fast_capture(["checkin", "7"]) is None
    assert sorted(path.name for path in own.iterdir()) == []
    own.chmod(0o700)
    assert capture_fast.fast_capture(["checkin", "7"]) == 0
    assert len(inbox.read_pending(own / "heartwork.json").records) == 1


def test_the_quick_path_sets_a_torn_tail_aside_and_keeps_the_inbox_private(tmp_path: Path) -> None:
    db = tmp_path / "hw.json"
    inbox.append(db, "checkins", {"id": "first", "at": "2026-01-01T10:00:00+00:00", "pleasantness": 5})
    inbox_file = inbox.inbox_path_for(db)
    with inbox_file.open("ab") as handle:
        handle.write(b'1234abcd {"table":"checkins","docu')  # a capture killed mid-append
    inbox_file.chmod(0o644)
    assert capture_fast.fast_capture(["--db", str(db), "checkin", "7"]) == 0
    pending = inbox.read_pending(db)
    assert pending.records[0][1]["id"] == "first"
    assert len(pending.records) == 2 and pending.torn == b""
    assert inbox_file.stat().st_mode & 0o777 == 0o600
    (kept,) = tmp_path.glob("hw.json.inbox.torn-*")
    assert kept.read_bytes() == b'1234abcd {"table":"checkins","docu'
    assert kept.stat().st_mode & 0o777 == 0o600


def test_what_the_quick_path_saves_is_merged_into_the_database_once(tmp_path: Path) -> None:
    db = tmp_path / "hw.json"
    for argv in (["checkin", "7"], ["journal", "add", RTL_AND_EMOJI], ["affirm", "add", "enough"]):
        assert capture_fast.fast_capture(["--db", str(db), *argv]) == 0
    database = Database.open(db)
    database.merge_inbox()
    tables = {name: database.table(name).all() for name in ("checkins", "journal_entries", "affirmations")}
    database.close()
    assert [len(rows) for rows in tables.values()] == [1, 1, 1]
    assert tables["journal_entries"][0]["body"] == RTL_AND_EMOJI
    assert inbox.read_pending(db).records == []


def test_the_constants_copied_to_spare_imports_agree_with_their_sources() -> None:
    from tui.store.permissions import PRIVATE_FILE_MODE

    assert inbox_append.PRIVATE_FILE_MODE == PRIVATE_FILE_MODE
    assert inbox_append.lock_file_for("/x/hw.json") == str(_lock_path(Path("/x/hw.json")))


def _lock_path(database: Path) -> Path:
    from tui.store.database import lock_path_for

    return lock_path_for(database)


@pytest.fixture
def sealed_db(tmp_path: Path) -> Iterator[Path]:
    from tui.store import encryption
    from tui.store.encryption import TEST_MEMLIMIT, TEST_OPSLIMIT
    from tui.store.passphrase import set_passphrase

    encryption.forget_all()
    db = tmp_path / "hw.json"
    database = Database.open(db)
    set_passphrase(database, "pw", opslimit=TEST_OPSLIMIT, memlimit=TEST_MEMLIMIT)
    database.close()
    encryption.forget_all()
    yield db
    encryption.forget_all()


def test_an_encrypted_database_gets_a_sealed_capture_that_opens_after_unlocking(sealed_db: Path) -> None:
    from tui.store import encryption

    secret = "a quiet line nobody else may read"
    assert capture_fast.fast_capture(["--db", str(sealed_db), "journal", "add", secret]) == 0
    raw = inbox.inbox_path_for(sealed_db).read_bytes()
    assert secret.encode() not in raw and b'"sealed"' in raw
    header, header_bytes, _ = encryption.decode_header(sealed_db.read_bytes())
    encryption.remember(encryption.unlock(header, header_bytes, "pw"))
    ((table, document),) = inbox.read_pending(sealed_db).records
    assert (table, document["body"]) == ("journal_entries", secret)


HEAVY = ("argparse", "tinydb", "textual", "orjson", "dataclasses", "inspect", "pathlib", "typing", "nacl")


@pytest.mark.parametrize(
    "argv",
    [
        ["checkin", "7", "--note", "n", "--tag", "t"],
        ["journal", "add", "words", "--tag", "t"],
        ["affirm", "add", "enough"],
    ],
    ids=lambda argv: argv[0],
)
def test_the_quick_path_imports_no_argparse_tinydb_textual_or_dataclasses(argv: list[str], tmp_path: Path) -> None:
    db = tmp_path / "hw.json"
    assert modules_imported(db, argv, HEAVY) == ("0", [])
    assert len(inbox.read_pending(db).records) == 1


def test_a_sealed_capture_imports_only_pynacls_sealed_box_besides(sealed_db: Path) -> None:
    assert modules_imported(sealed_db, ["checkin", "7"], ("argparse", "tinydb", "textual", "orjson")) == ("0", [])
    assert b'"sealed"' in inbox.inbox_path_for(sealed_db).read_bytes()


def _disk_full(*args: object, **kwargs: object) -> None:
    raise OSError(errno.ENOSPC, "No space left on device")


@pytest.mark.parametrize("argv", [GOOD[0], GOOD[7], GOOD[10]], ids=lambda argv: argv[0])
def test_a_full_disk_gets_the_full_clis_message_and_no_second_try(
    argv: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("tui.store.inbox._append_locked", _disk_full)  # the full CLI's append
    tries: list[object] = []

    def quick_disk_full(*args: object) -> None:
        tries.append(args)
        _disk_full()

    monkeypatch.setattr("tui.store.inbox_append.append_locked", quick_disk_full)
    (code, out, err), _ = _same_as_full_cli(argv, tmp_path, capsys, monkeypatch)
    assert (code, out) == (1, "")
    assert "was not saved" in err and "the disk is full" in err
    assert len(tries) == 1, "the quick path must not hand a failed append to the full CLI to try again"


def test_a_busy_lock_gets_the_full_clis_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from tui.store.file_lock import make_lock

    monkeypatch.setattr("tui.store.inbox.LOCK_TIMEOUT_SECONDS", 0.2)
    monkeypatch.setattr("tui.store.inbox_append.LOCK_TIMEOUT_SECONDS", 0.2)
    holders = []
    for folder in ("quick", "full"):
        (tmp_path / folder).mkdir()
        holder = make_lock(str(tmp_path / folder / "hw.json.lock"), 1.0, 0o600)
        holder.acquire()
        holders.append(holder)
    quick = _run(True, ["checkin", "7"], tmp_path / "quick" / "hw.json", capsys, monkeypatch)
    full = _run(False, ["checkin", "7"], tmp_path / "full" / "hw.json", capsys, monkeypatch)
    for holder in holders:
        holder.release()
    assert quick[0] == full[0] == 1
    assert quick == full
    assert "busy" in full[2] or "lock" in full[2]
    assert inbox.read_pending(tmp_path / "quick" / "hw.json").records == []


def test_sealing_through_pynacls_compiled_module_opens_with_sealed_box_and_refuses_a_bad_key() -> None:
    from nacl.public import PrivateKey, SealedBox

    from tui.store.sealing import seal_for

    key = PrivateKey.generate()
    sealed = seal_for(bytes(key.public_key), b"a quiet line")
    assert SealedBox(key).decrypt(sealed) == b"a quiet line"
    assert seal_for(bytes(key.public_key), b"a quiet line") != sealed  # a fresh ephemeral key each time
    with pytest.raises(ValueError):
        seal_for(b"short", b"x")
