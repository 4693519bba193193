"""Memory of opening a database (issue 12.3): parsed in runs of records, never two copies of the file.

The chunked parse must give exactly what parsing the whole file gives, for
every layout (compact, indented, non-ASCII, braces and digits inside text,
nested objects), and hand anything unusual back to the whole-file parse.
Opening a multi-year database must stay within a stated multiple of the
file's size (traced Python allocations, so the figure is stable).
"""

from __future__ import annotations

import json
import os
import random
import sys
import tracemalloc
from pathlib import Path
from typing import Any

import orjson
import pytest

from tui.store import chunked_decode
from tui.store.chunked_decode import decode_bytes_chunked, decode_chunked
from tui.store.database import Database
from tui.store.errors import CorruptDatabaseError

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "perf"))
from datagen import write_database

OPEN_PEAK_LIMIT = 3.0
"""Traced peak of opening, as a multiple of the file size (it was 5.8x, and 15x traced, before)."""

TRICKY_TEXT = ["a}, b", "}}", '"},{', 'x\\"}', "é},\u2603", "", "\U0001f600}", '},"7":{', "\\", "1"]


def _value(rng: random.Random, depth: int) -> Any:
    roll = rng.random()
    if depth > 3 or roll < 0.35:
        return rng.choice([*TRICKY_TEXT, 1, -2, 2.5, None, True, False])
    if roll < 0.6:
        return [_value(rng, depth + 1) for _ in range(rng.randint(0, 3))]
    return {rng.choice(["a", "1", "22", "}", "f"]): _value(rng, depth + 1) for _ in range(rng.randint(0, 3))}


def _tables(rng: random.Random) -> dict[str, Any]:
    return {
        rng.choice(["checkins", "journal_entries", "_meta", 'x"y', "é"]): {
            str(number): {}
            if rng.random() < 0.1
            else {"id": str(number), "body": _value(rng, 0), "fields": _value(rng, 0)}
            for number in range(1, rng.randint(1, 7))
        }
        for _ in range(rng.randint(0, 4))
    }


@pytest.mark.parametrize("chunk", [16, 64, 1 << 16])
def test_item12_3_chunked_parse_gives_exactly_what_the_whole_file_gives(
    chunk: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(chunked_decode, "CHUNK_BYTES", chunk)
    rng = random.Random(chunk)
    for _ in range(300):
        data = _tables(rng)
        for payload in (
            orjson.dumps(data),
            json.dumps(data, indent=1).encode(),
            json.dumps(data, ensure_ascii=False, separators=(" ,\n", " :\t")).encode(),
        ):
            expected = orjson.loads(payload)
            got = decode_bytes_chunked(payload)
            assert got == expected
            assert got is not None and list(got) == list(expected)
            assert all(list(got[name]) == list(expected[name]) for name in expected)


@pytest.mark.parametrize(
    "payload",
    [
        b"",
        b"   ",
        b"[]",
        b'{"t": []}',
        b'{"t": {"1": {"a": 1}}',  # cut short
        b'{"t": {"1": {"a": 1}}} trailing',
        b'{"t": {"1": {"a": 1},}}',
        b'{"t": {"1": {"a": NaN}}}',
        b'{"t": {"1": {"a": "\xff"}}}',
        b'{"t": {"x": {"a": 1}}}',  # a key that is not a number: whole-file parse and shape check
    ],
)
def test_item12_3_what_is_not_a_set_of_tables_of_records_is_handed_back(payload: bytes) -> None:
    got = decode_chunked(lambda offset, count: payload[offset : offset + count], len(payload))
    if got is not None:  # only a valid layout may come back, and then exactly as parsed whole
        assert got == orjson.loads(payload)
    assert payload.startswith(b'{"t": {"x"') or got is None


def test_item12_3_a_damaged_file_is_still_refused_with_its_reason_and_kept(tmp_path: Path) -> None:
    database = write_database(tmp_path / "hw.json", 20)
    payload = database.read_bytes()
    damaged = payload[: len(payload) // 2] + b"\x00" + payload[len(payload) // 2 :]
    database.write_bytes(damaged)
    with pytest.raises(CorruptDatabaseError, match="not valid JSON"):
        Database.open(database)
    assert database.read_bytes() == damaged


def test_item12_3_opening_years_of_data_stays_within_three_times_the_file(tmp_path: Path) -> None:
    database = write_database(tmp_path / "hw.json", 2 * 365)
    expected = orjson.loads(database.read_bytes())
    size = os.path.getsize(database)
    Database.open(tmp_path / "warm.json").close()  # imports and first-use caches are not the data
    tracemalloc.start()
    try:
        db = Database.open(database)
        held, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    try:
        assert db.storage.read() == expected  # the same records, nothing lost
        assert peak <= OPEN_PEAK_LIMIT * size, f"peak {peak / size:.2f}x the file"
        assert held <= 2.6 * size, f"held {held / size:.2f}x the file"
    finally:
        db.close()


def test_item12_3_repeated_values_are_one_object(tmp_path: Path) -> None:
    database = write_database(tmp_path / "hw.json", 30)
    db = Database.open(database)
    try:
        ticks = list((db.storage.read() or {})["selfcare_ticks"].values())
        same_item = [tick["item_id"] for tick in ticks if tick["item_id"] == ticks[0]["item_id"]]
        assert len(same_item) > 1 and all(item is same_item[0] for item in same_item)
        db.table("selfcare_ticks").save_records([{**ticks[0], "day": "2030-01-01"}])
        assert orjson.loads(database.read_bytes())["selfcare_ticks"]["1"]["day"] == "2030-01-01"
    finally:
        db.close()
