"""Issue 12.5: the merge of a big inbox is cheap, and its shortcuts give exactly what the careful paths give.

The save that merges a thousand captures reads them all at C speed
(``inbox._parse_all_whole``) and checks that it holds them by identity
(``inbox_overlay._placed_as_read``); whatever those shortcuts are not sure of
goes the careful way, line by line and id by id. These tests hold both paths
to the same answers, and show why emptying the inbox needs no fsync of its own.
"""

from __future__ import annotations

import gc
import zlib
from pathlib import Path
from typing import Any

import pytest

from tui.store import inbox
from tui.store.database import Database
from tui.store.file_storage import parse_database
from tui.store.inbox_overlay import InboxOverlay, _holds_all


def note(number: int, body: str = "hello") -> dict[str, Any]:
    return {"id": f"n{number}", "number": number, "body": body}


def careful(payload: bytes) -> tuple[list[tuple[str, dict[str, Any]]], bytes]:
    """parse_lines as it is line by line: the answer the shortcut must agree with."""
    lines = payload.split(b"\n")
    tail = lines.pop()
    records, torn = [], []
    for line in lines:
        record = inbox._parse_line(line)
        if record is None:
            torn.append(line + b"\n")
        else:
            records.append(record)
    if tail:
        torn.append(tail)
    return records, b"".join(torn)


def framed(body: bytes, head: bytes | None = None) -> bytes:
    return (head if head is not None else b"%08x " % zlib.crc32(body)) + body + b"\n"


GOOD = b"".join(inbox.encode_line("notes", note(number)) for number in range(3))
ODD_LINES = {
    "upper-case checksum": framed(
        b'{"table":"notes","document":{"id":"u"}}', b"%08X " % zlib.crc32(b'{"table":"notes","document":{"id":"u"}}')
    ),
    "wrong checksum": GOOD.splitlines(keepends=True)[0].replace(b"hello", b"jello"),
    "empty body": b"00000000 \n",
    "short line": b"abc\n",
    "two values on one line": framed(
        b'{"table":"notes","document":{"id":"a"}},{"table":"notes","document":{"id":"b"}}'
    ),
    "not an object": framed(b"[1, 2]"),
    "no table": framed(b'{"document":{"id":"x"}}'),
    "table not text": framed(b'{"table":7,"document":{"id":"x"}}'),
    "document not an object": framed(b'{"table":"notes","document":"x"}'),
    "document a list": framed(b'{"table":"notes","document":[1]}'),
    "a bare string": framed(b'"notes"'),
    "null": framed(b"null"),
    "id not text": framed(b'{"table":"notes","document":{"id":3}}'),
    "sealed but not text": framed(b'{"sealed":1,"table":"notes","document":{"id":"s"}}'),
    "not UTF-8": framed(b'{"table":"notes","document":{"id":"\xff"}}'),
    "torn tail": GOOD.splitlines(keepends=True)[1][:20],
}


@pytest.mark.parametrize("odd", sorted(ODD_LINES))
def test_item12_5_the_fast_read_of_the_inbox_gives_what_the_line_by_line_read_gives(odd: str) -> None:
    payload = GOOD + ODD_LINES[odd] + (b"" if odd == "torn tail" else GOOD)
    shortcut = inbox._parse_all_whole(payload.split(b"\n")[:-1])
    assert (shortcut is not None) == (odd == "torn tail")  # a torn tail is set aside before the shortcut
    assert inbox.parse_lines(payload) == careful(payload)
    records, _ = inbox.parse_lines(payload)
    assert [document["id"] for _, document in records][:3] == ["n0", "n1", "n2"]


def test_item12_5_a_whole_inbox_is_read_by_the_fast_path_in_order_with_nothing_torn() -> None:
    payload = b"".join(inbox.encode_line("notes" if n % 2 else "checkins", note(n)) for n in range(500))
    assert inbox._parse_all_whole(payload.split(b"\n")[:-1]) is not None  # the shortcut answered
    records, torn = inbox.parse_lines(payload)
    assert torn == b""
    assert records == careful(payload)[0]
    assert [(table, document["number"]) for table, document in records][:3] == [
        ("checkins", 0),
        ("notes", 1),
        ("checkins", 2),
    ]
    assert inbox.parse_lines(b"") == ([], b"")


def overlaid(tmp_path: Path, count: int) -> tuple[InboxOverlay, dict[str, Any]]:
    database = tmp_path / "hw.json"
    inbox.append_many(database, [("notes", note(number)) for number in range(count)])
    overlay = InboxOverlay(database)
    data = overlay.catch_up({"notes": {"1": {"id": "old"}}})
    return overlay, data


def test_item12_5_the_save_holds_the_inbox_when_each_record_is_still_where_it_was_placed(tmp_path: Path) -> None:
    overlay, data = overlaid(tmp_path, 4)
    assert overlay.pending is not None
    assert [key for _, key, _ in overlay.applied] == ["2", "3", "4", "5"]
    assert _holds_all(data, overlay.pending, overlay.applied)


def test_item12_5_a_record_changed_or_deleted_since_it_was_placed_is_still_checked_by_id(tmp_path: Path) -> None:
    overlay, data = overlaid(tmp_path, 3)
    assert overlay.pending is not None
    edited = {**data, "notes": {**data["notes"], "3": {**data["notes"]["3"], "body": "changed"}}}
    assert _holds_all(edited, overlay.pending, overlay.applied)  # a new object, the same id: held
    moved = {
        **data,
        "notes": {key: doc for key, doc in data["notes"].items() if key != "2"} | {"9": data["notes"]["2"]},
    }
    assert _holds_all(moved, overlay.pending, overlay.applied)  # somewhere else in its table: held
    stone = {"id": "notes/n0", "table": "notes", "record_id": "n0", "deleted_at": "2026-01-03T09:00:00+00:00"}
    deleted = {**moved, "notes": {k: d for k, d in moved["notes"].items() if k != "9"}, "_tombstones": {"1": stone}}
    assert _holds_all(deleted, overlay.pending, overlay.applied)  # deleted, with its tombstone: held
    lost = {**data, "notes": {k: d for k, d in data["notes"].items() if k != "4"}}
    assert not _holds_all(lost, overlay.pending, overlay.applied)  # gone without a trace: not held
    assert not _holds_all({}, overlay.pending, overlay.applied)


def test_item12_5_records_placed_by_an_earlier_read_are_checked_by_id(tmp_path: Path) -> None:
    overlay, data = overlaid(tmp_path, 2)
    inbox.append(overlay.database, "notes", note(7))  # a capture while the app is open
    data = overlay.catch_up(data)
    assert overlay.pending is not None and len(overlay.pending.records) == 3
    assert _holds_all(data, overlay.pending, overlay.applied)
    assert not _holds_all({"notes": {"1": data["notes"]["2"]}}, overlay.pending, overlay.applied)


def test_item12_5_the_collector_is_paused_while_the_inbox_is_read_and_runs_again_after(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tui.store import inbox_overlay

    seen: list[bool] = []
    real_read = inbox_overlay.read_pending

    def watched(database: Path) -> inbox.Pending:
        seen.append(gc.isenabled())
        return real_read(database)

    monkeypatch.setattr(inbox_overlay, "read_pending", watched)
    assert gc.isenabled()
    _overlay, data = overlaid(tmp_path, 3)
    assert seen == [False] and len(data["notes"]) == 4
    assert gc.isenabled()
    monkeypatch.setattr(inbox_overlay, "read_pending", lambda database: 1 / 0)
    with pytest.raises(ZeroDivisionError):
        InboxOverlay(tmp_path / "hw.json").catch_up({})
    assert gc.isenabled()  # even when reading fails


def test_item12_5_an_emptying_lost_in_a_crash_only_brings_back_records_the_save_already_holds(tmp_path: Path) -> None:
    """Why the inbox is emptied without an fsync of its own (inbox.empty_after_merge).

    The save that merged is durable before the inbox is touched. If the emptying
    is then lost, the inbox comes back exactly as it was read: every record in it
    is already in the file, with its id, and merging it again replaces each by id,
    never undoing an edit or a deletion saved since (a newer ``updated_at`` or a
    tombstone wins). Any later capture fsyncs the inbox file, which makes the
    emptying durable too, so a lost emptying can never bring back more than this.
    """
    database = tmp_path / "hw.json"
    Database.open(database).close()
    stamp = "2026-01-01T09:00:00+00:00"
    inbox.append_many(database, [("notes", {**note(number), "updated_at": stamp}) for number in range(3)])
    path = inbox.inbox_path_for(database)
    as_read = path.read_bytes()
    db = Database.open(database)  # merges, saves durably, then empties the inbox
    assert path.read_bytes() == b""
    notes = db.table("notes")
    notes.save_records([{**note(1, "changed"), "updated_at": "2026-01-02T09:00:00+00:00"}])
    assert notes.delete_record("n2")
    db.close()
    path.write_bytes(as_read)  # the crash: the emptying never reached the disk
    Database.open(database).close()
    saved = parse_database(database, database.read_bytes())
    bodies = sorted((doc["id"], doc["body"]) for doc in saved["notes"].values())
    assert bodies == [("n0", "hello"), ("n1", "changed")]
    assert path.read_bytes() == b""


def one_by_one(
    data: dict[str, Any], records: list[tuple[str, dict[str, Any]]], monkeypatch: pytest.MonkeyPatch
) -> tuple[dict[str, Any], list[tuple[str, str, dict[str, Any]]]]:
    """apply_records with the bulk placement turned off: the answer it must agree with."""
    with monkeypatch.context() as patch:
        patch.setattr(inbox, "_placed_in_bulk", lambda *_args: None)
        applied: list[tuple[str, str, dict[str, Any]]] = []
        return inbox.apply_records(data, records, applied), applied


STONE = {"id": "notes/n1", "table": "notes", "record_id": "n1", "deleted_at": "2026-01-03T09:00:00+00:00"}
BASE: dict[str, Any] = {"notes": {"1": {"id": "old"}, "4": {"id": "older"}}, "moods": {}, "_tombstones": {}}
MIXES: dict[str, tuple[dict[str, Any], list[tuple[str, dict[str, Any]]], bool]] = {
    "all new, one table": (BASE, [("notes", note(n)) for n in range(5)], True),
    "all new, tables interleaved": (BASE, [("notes" if n % 3 else "moods", note(n)) for n in range(7)], True),
    "a new table": (BASE, [("journal", note(1)), ("journal", note(2))], True),
    "one given twice": (BASE, [("notes", note(1, "1st")), ("notes", note(2)), ("notes", note(1, "2nd"))], False),
    "one already there": (BASE, [("notes", note(1)), ("notes", {"id": "old", "body": "again"})], False),
    "one deleted since": (
        {**BASE, "_tombstones": {"1": STONE}},
        [("notes", note(1)), ("notes", note(2))],
        False,
    ),
    "a tombstone elsewhere": ({**BASE, "_tombstones": {"1": {**STONE, "table": "moods"}}}, [("notes", note(1))], True),
    "self-care ticks": (BASE, [("selfcare_ticks", note(1)), ("notes", note(2))], False),
}


@pytest.mark.parametrize("mix", sorted(MIXES))
def test_item12_5_records_placed_in_bulk_land_exactly_where_one_by_one_puts_them(
    mix: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    data, records, bulk = MIXES[mix]
    before = {name: dict(table) for name, table in data.items()}
    assert (inbox._placed_in_bulk(data, records, inbox._deletions(data), None) is not None) == bulk
    applied: list[tuple[str, str, dict[str, Any]]] = []
    merged = inbox.apply_records(data, records, applied)
    assert (merged, applied) == one_by_one(data, records, monkeypatch)
    assert {name: dict(table) for name, table in data.items()} == before  # the data given is never changed
    last = {(table, key): document for table, key, document in applied}  # one given twice: the later stands
    assert all(merged[table][key] is document for (table, key), document in last.items())
