"""Issue 12: ``peek_table_line`` reads one small table as the full read would, or says it cannot (None).

The quick ``selfcare done`` reads ``_meta`` and ``selfcare_items`` this way.
Whatever it returns must be exactly what orjson reads from the whole file; a
file or a value orjson would refuse, another layout, or a table not found near
the start gives None, and the full CLI answers.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import orjson
import pytest

from tui.store import codec, table_peek
from tui.store.table_peek import peek_table_line


def _data() -> dict[str, Any]:
    return {
        "_meta": {"1": {"schema_version": 3}},
        "settings": {"1": {"id": "s", "theme": "dusk"}},
        "selfcare_items": {str(n): {"id": f"r{n}", "text": f"Routine {n} 🌿 שלום", "position": n} for n in range(1, 6)},
        "journal_entries": {
            str(n): {"id": f"j{n}", "body": 'line\n"selfcare_items":{"1":{}}\tand more'} for n in range(1, 40)
        },
        "empty": {},
    }


def _write(tmp_path: Path, payload: bytes) -> Path:
    path = tmp_path / "hw.json"
    path.write_bytes(payload)
    return path


def test_every_table_of_a_file_written_one_table_to_a_line_reads_as_the_full_read(tmp_path: Path) -> None:
    data = _data()
    path = _write(tmp_path, codec.encode(data))
    for name in data:
        assert peek_table_line(str(path), name) == orjson.loads(path.read_bytes())[name]


def test_a_table_that_is_the_only_one_reads_too(tmp_path: Path) -> None:
    path = _write(tmp_path, codec.encode({"_meta": {"1": {"schema_version": 3}}}))
    assert peek_table_line(str(path), "_meta") == {"1": {"schema_version": 3}}


def test_an_older_one_line_file_an_absent_table_or_no_file_is_none(tmp_path: Path) -> None:
    data = _data()
    path = _write(tmp_path, orjson.dumps(data))
    assert all(peek_table_line(str(path), name) is None for name in ("settings", "selfcare_items", "_meta"))
    path = _write(tmp_path, codec.encode(data))
    assert peek_table_line(str(path), "homework_ticks") is None
    assert peek_table_line(str(tmp_path / "missing.json"), "_meta") is None
    assert peek_table_line(str(_write(tmp_path, b"")), "_meta") is None


def test_a_table_beyond_the_search_window_is_none(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _write(tmp_path, codec.encode(_data()))
    monkeypatch.setattr(table_peek, "LINE_SEARCH_BYTES", 40)
    assert peek_table_line(str(path), "_meta") == {"1": {"schema_version": 3}}  # the first: no search
    assert peek_table_line(str(path), "journal_entries") is None


ODD_VALUES = [
    b"NaN",
    b"Infinity",
    b"-Infinity",
    b"1e400",
    b"-1e400",
    b"18446744073709551616",
    b"-9223372036854775809",
    b"18446744073709551615",
    b"-9223372036854775808",
    b'"\\ud800"',
    b'"\\udc00 x"',
    b'"\\ud83c\\udf3f"',
    b'"\xff"',
    b'"\xc3"',
    b'"tab\there"',
    b'"\\u0000"',
    b"1.5e3",
    b"-0",
    b"[1, 2 ,3]",
    b"01",
    b"true",
    b'"caf\xc3\xa9"',
]


@pytest.mark.parametrize("value", ODD_VALUES, ids=lambda value: repr(value)[2:30])
def test_a_value_is_read_only_as_orjson_reads_it(value: bytes, tmp_path: Path) -> None:
    good = codec.encode(_data())
    target = b'"position":2'
    assert target in good
    path = _write(tmp_path, good.replace(target, b'"position":' + value, 1))
    peeked = peek_table_line(str(path), "selfcare_items")
    try:
        expected = orjson.loads(path.read_bytes())["selfcare_items"]
    except orjson.JSONDecodeError:
        assert peeked is None
    else:
        assert peeked is None or peeked == expected  # None: a number orjson reads as a float (the full CLI answers)
        assert peeked is not None or value.lstrip(b"-").isdigit()


def test_records_that_are_not_records_are_none(tmp_path: Path) -> None:
    for table in ({"1": "text"}, {"x": {"id": "a"}}, []):
        payload = codec.encode({"_meta": {"1": {"schema_version": 3}}, "selfcare_items": table})  # type: ignore[dict-item]
        assert peek_table_line(str(_write(tmp_path, payload)), "selfcare_items") is None
