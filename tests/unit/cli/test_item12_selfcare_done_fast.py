"""Issue 12: ``selfcare done NAME`` before argparse queues and says exactly what the full CLI does.

Each case runs the same command line twice, on two copies of one database:
once through :func:`tui.cli.entry.main` (the quick path first) and once
through :func:`tui.cli.main.main` (the full CLI alone). Exit codes, what is
printed and the queued records must be the same, apart from fresh ids and the
moment of saving. Bad input, and any database the quick path cannot read with
certainty, must leave it without writing anything, so the message is the full CLI's.
"""

from __future__ import annotations

import errno
import shutil
from datetime import datetime, timedelta
from pathlib import Path

import orjson
import pytest
from quick_cli import copy_database, modules_imported, run_once, same_as_full_cli, with_database

from tui.cli.commands import lookup_fast, selfcare_done_fast
from tui.core.selfcare import SelfCareItem
from tui.store import inbox
from tui.store.database import Database
from tui.store.selfcare_repository import SelfCareRepository, SelfCareTickRepository

REPO_ROOT = Path(__file__).resolve().parents[3]
ESCAPE = "\x1b]0;PWNED\x07"
ROUTINES = [
    "Walk outside",
    "Drink water",
    "Café au lait",
    "🌿 Water the plants",
    "שלום עליך 👋",
    "Read",
    "Read a book",
    "Tea.",
    f"Call {ESCAPE} Sam",
]
TODAY = datetime.now().astimezone().date()
YESTERDAY = (TODAY - timedelta(days=1)).isoformat()


@pytest.fixture(scope="module")
def base_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("base") / "hw.json"
    database = Database.open(path)
    routines = SelfCareRepository(database)
    now = datetime.now().astimezone()
    for text in ROUTINES:
        routines.add(text, now)
    routines.remove(routines.add("Old habit", now).id)
    database.close()
    return path


GOOD = [
    ["selfcare", "done", "Walk outside"],
    ["selfcare", "done", "walk"],
    ["selfcare", "done", "  CAFE   AU LAIT  "],
    ["selfcare", "done", "café"],
    ["selfcare", "done", "🌿"],
    ["selfcare", "done", "שלום"],
    ["selfcare", "done", "read"],
    ["selfcare", "done", "read a"],
    ["selfcare", "done", "tea!"],
    ["selfcare", "done", "call"],
    ["selfcare", "done", "walk", "--partly"],
    ["selfcare", "done", "water the", "--date", YESTERDAY],
    ["selfcare", "done", "drink", f"--date=  {YESTERDAY} ", "--partly", "--theme", "dusk"],
    ["selfcare", "done", "drink", "--date", TODAY.isoformat()],
    ["selfcare", "done", "walk", "--db", "DB"],
    ["--theme", "dusk", "selfcare", "--db", "DB", "done", "walk"],
    ["selfcare", "--partly", "--date", YESTERDAY, "done", "walk"],
]


@pytest.mark.parametrize("argv", GOOD, ids=lambda argv: " ".join(argv)[:40])
def test_good_input_is_queued_by_the_quick_path_exactly_as_by_the_full_cli(
    argv: list[str], base_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    (code, out, err), db = same_as_full_cli(base_db, argv, tmp_path, capsys, monkeypatch)
    assert (code, err) == (0, "")
    assert out.startswith("Marked “") and ESCAPE not in out
    assert [table for table, _ in inbox.read_pending(db).records] == ["selfcare_ticks"]


@pytest.mark.parametrize("argv", GOOD, ids=lambda argv: " ".join(argv)[:40])
def test_good_input_never_reaches_the_full_cli(argv: list[str], base_db: Path, tmp_path: Path) -> None:
    db = copy_database(base_db, tmp_path / "one")
    assert selfcare_done_fast.fast_selfcare_done(with_database(argv, db)) == 0
    assert len(inbox.read_pending(db).records) == 1


BAD_OR_ODD = [
    ["selfcare", "done", "zzz"],
    ["selfcare", "done", "w"],
    ["selfcare", "done", "wlak outside"],
    ["selfcare", "done", "old habit"],
    ["selfcare", "done", ""],
    ["selfcare", "done", "   "],
    ["selfcare", "done"],
    ["selfcare", "done", "walk", "water"],
    ["selfcare", "done", "walk", "--date", "2999-01-01"],
    ["selfcare", "done", "walk", "--date", "2026-13-01"],
    ["selfcare", "done", "walk", "--date", "1899-12-31"],
    ["selfcare", "done", "walk", "--date", "yesterday"],
    ["selfcare", "done", "walk", "--date"],
    ["selfcare", "done", "walk", "--partly=yes"],
    ["selfcare", "done", "walk", "--part"],
    ["selfcare", "done", "walk", "-h"],
    ["selfcare", "done", "walk", "--category", "mind"],
    ["selfcare", "done", "--partly", "walk"],
    ["selfcare", "done", "--date", YESTERDAY, "walk"],
    ["--date", YESTERDAY, "selfcare", "done", "walk"],
    ["selfcare", "list", "done"],
]


@pytest.mark.parametrize("argv", BAD_OR_ODD, ids=lambda argv: " ".join(argv)[:40])
def test_bad_or_odd_input_gets_the_full_clis_message_and_exit_code(
    argv: list[str], base_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    db = copy_database(base_db, tmp_path / "one")
    assert selfcare_done_fast.fast_selfcare_done(with_database(argv, db)) is None
    assert not inbox.inbox_path_for(db).exists()
    same_as_full_cli(base_db, argv, tmp_path, capsys, monkeypatch)


def _rewritten(base: Path, tmp_path: Path, change: str) -> Path:
    """A copy of ``base`` the quick path must leave to the full CLI."""
    db = copy_database(base, tmp_path / "made")
    payload = db.read_bytes()
    if change == "one line":
        db.write_bytes(orjson.dumps(orjson.loads(payload)))
    elif change == "older version":
        db.write_bytes(payload.replace(b'"schema_version":3', b'"schema_version":2'))
    elif change == "unreadable routine":
        db.write_bytes(payload.replace(b'"position":0', b'"position":"first"', 1))
    elif change in ("NaN", "lone surrogate", "bad UTF-8"):
        odd = {"NaN": b'"position":NaN', "lone surrogate": b'"text":"\\ud800"', "bad UTF-8": b'"text":"\xff"'}[change]
        target = b'"position":0' if change == "NaN" else b'"text":"Walk outside"'
        db.write_bytes(payload.replace(target, odd, 1))
    elif change == "routine in the inbox":
        SelfCareRepository.add_to_inbox(db, SelfCareItem(text="Swim", created_at="2026-01-01T08:00:00+00:00"))
    elif change == "conflict copy":
        shutil.copy2(db, db.with_name("hw.sync-conflict-20260101-120000-ABCDEFG.json"))
    elif change == "no file":
        db.unlink()
    else:
        raise AssertionError(change)
    return db


ODD_FILES = [
    "one line",
    "older version",
    "unreadable routine",
    "NaN",
    "lone surrogate",
    "bad UTF-8",
    "routine in the inbox",
    "conflict copy",
    "no file",
]


@pytest.mark.parametrize("change", ODD_FILES)
def test_a_database_the_quick_path_cannot_read_with_certainty_goes_to_the_full_cli(
    change: str, base_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    made = _rewritten(base_db, tmp_path, change)
    before = inbox.read_pending(made).records
    for name in ("walk", "swim"):
        assert selfcare_done_fast.fast_selfcare_done(["--db", str(made), "selfcare", "done", name]) is None
    assert inbox.read_pending(made).records == before
    for folder in ("quick", "full"):
        shutil.copytree(made.parent, tmp_path / folder)
    for name in ("walk", "swim"):
        quick = run_once(True, ["selfcare", "done", name], tmp_path / "quick" / "hw.json", capsys, monkeypatch)
        full = run_once(False, ["selfcare", "done", name], tmp_path / "full" / "hw.json", capsys, monkeypatch)
        assert quick == full
    assert _ticks_seen(tmp_path / "quick" / "hw.json") == _ticks_seen(tmp_path / "full" / "hw.json")


def _ticks_seen(db: Path) -> list[tuple[str, str, str]]:
    """Every tick a reader sees (file and inbox alike): a full run may have merged the inbox first."""

    try:
        database = Database.open_read_only(db)
    except Exception as refused:  # a file the store refuses: both sides alike
        return [("refused", type(refused).__name__, "")]
    return sorted((tick.item_id, tick.day, tick.state) for tick in SelfCareTickRepository(database).all())


def test_an_encrypted_database_goes_to_the_full_cli_which_queues_a_sealed_tick(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from tui.store import encryption
    from tui.store.encryption import TEST_MEMLIMIT, TEST_OPSLIMIT
    from tui.store.passphrase import set_passphrase

    encryption.forget_all()
    db = tmp_path / "hw.json"
    database = Database.open(db)
    SelfCareRepository(database).add("Walk outside", datetime.now().astimezone())
    set_passphrase(database, "pw", opslimit=TEST_OPSLIMIT, memlimit=TEST_MEMLIMIT)
    database.close()
    encryption.forget_all()
    try:
        assert selfcare_done_fast.fast_selfcare_done(["--db", str(db), "selfcare", "done", "walk"]) is None
        assert not inbox.inbox_path_for(db).exists()
        secret = tmp_path / "passphrase"
        secret.write_text("pw")
        secret.chmod(0o600)
        monkeypatch.setenv("HEARTWORK_PASSPHRASE_FILE", str(secret))
        code, out, err = run_once(True, ["selfcare", "done", "walk"], db, capsys, monkeypatch)
        assert (code, out, err) == (0, "Marked “Walk outside” done today.\n", "")
        raw = inbox.inbox_path_for(db).read_bytes()
        assert b'"sealed"' in raw and b"selfcare_ticks" not in raw
        ticks = SelfCareTickRepository(Database.open_read_only(db)).all()  # the key is still in memory
        assert [(tick.day, tick.state) for tick in ticks] == [(TODAY.isoformat(), "done")]
    finally:
        encryption.forget_all()


def _disk_full(*args: object, **kwargs: object) -> None:
    raise OSError(errno.ENOSPC, "No space left on device")


def test_a_full_disk_gets_the_full_clis_message_and_no_second_try(
    base_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("tui.store.inbox._append_locked", _disk_full)  # the full CLI's append
    tries: list[object] = []

    def quick_disk_full(*args: object) -> None:
        tries.append(args)
        _disk_full()

    monkeypatch.setattr("tui.store.inbox_append.append_locked", quick_disk_full)
    (code, out, err), _ = same_as_full_cli(base_db, ["selfcare", "done", "walk"], tmp_path, capsys, monkeypatch)
    assert (code, out) == (1, "")
    assert "was not saved" in err and "the disk is full" in err
    assert len(tries) == 1, "the quick path must not hand a failed append to the full CLI to try again"


def test_the_quick_tick_is_seen_at_once_by_selfcare_list(
    base_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    db = copy_database(base_db, tmp_path / "one")
    assert run_once(True, ["selfcare", "done", "walk"], db, capsys, monkeypatch)[0] == 0
    assert run_once(True, ["selfcare", "done", "walk", "--partly"], db, capsys, monkeypatch)[0] == 0
    code, out, _ = run_once(True, ["selfcare", "list"], db, capsys, monkeypatch)
    assert code == 0
    walk = next(line for line in out.splitlines() if "Walk outside" in line)
    days_since_added = 7 - TODAY.weekday()  # added today: the aim is today to Sunday, not the whole week
    assert "partly" in walk and f"1 of {days_since_added} this week" in walk


def test_the_constants_copied_to_spare_imports_agree_with_their_sources() -> None:
    from tui.core import dates
    from tui.store import conflict_copies

    assert lookup_fast.EARLIEST_YEAR == dates.EARLIEST_YEAR
    assert lookup_fast.SYNCTHING_COPY == conflict_copies._SYNCTHING
    assert lookup_fast.CONFLICTED_COPY == conflict_copies._CONFLICTED_COPY
    assert SelfCareRepository.table_name == selfcare_done_fast.ROUTINES_TABLE
    assert SelfCareTickRepository.table_name == "selfcare_ticks"


def test_the_conflict_copies_it_steps_back_for_are_the_ones_the_store_merges(tmp_path: Path) -> None:
    from tui.store.conflict_copies import is_conflict_copy

    database = tmp_path / "heart.work.json"
    names = [
        "heart.work.sync-conflict-20260101-120000-ABCDEFG.json",
        "HEART.WORK.sync-conflict-20260101-120000-ABCDEFG.sync-conflict-20260102-120000-XYZ1234.JSON",
        "heart.work (Sam's conflicted copy 2026-01-01).json",
        "heart.work.sync-conflict-2026-120000-ABCDEFG.json",
        "heart.work-export-2026-01-01.json",
        "heart.work.json.inbox",
        "heart.work.json.lock",
        "heart.work.json",
        "other.sync-conflict-20260101-120000-ABCDEFG.json",
    ]
    for name in names:
        folder = tmp_path / name.replace("/", "_")
        folder.mkdir()
        (folder / name).write_bytes(b"{}")
        beside = lookup_fast.conflict_copy_beside(str(folder / database.name))
        assert beside == (is_conflict_copy(database, name) and name != database.name), name
    assert any(is_conflict_copy(database, name) for name in names)


def test_the_quick_path_imports_no_argparse_tinydb_textual_orjson_or_dataclasses(base_db: Path, tmp_path: Path) -> None:
    db = copy_database(base_db, tmp_path / "one")
    heavy = (
        "argparse",
        "tinydb",
        "textual",
        "orjson",
        "dataclasses",
        "difflib",
        "typing",
        "inspect",
        "pathlib",
        "nacl",
    )
    assert modules_imported(db, ["selfcare", "done", "walk"], heavy) == ("0", [])
    assert len(inbox.read_pending(db).records) == 1
