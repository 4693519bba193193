"""Reading one small table without parsing the whole database (for quick shell commands).

``heartwork checkin 2`` needs one setting (the day the care line was last
shown); parsing thirty years of journal for it would make the quick capture
as slow as opening the app. The file is written one table to a line, the
small tables first (:func:`tui.store.codec.encode`), and JSON never writes a
raw newline inside a value, so a line starting with the table's key is the
table: one byte search finds it near the file's start, and only its own bytes
are parsed. (Older files, all on one line, are searched for the key, which
must then be unique.) Anything unexpected (the key twice, another layout,
a table that does not look like one) answers None: the caller reads the whole
file instead, so a peek is never wrong, only sometimes not possible.
"""

from __future__ import annotations

import json
import mmap
import os

TYPE_CHECKING = False  # the quick ``selfcare done`` imports this: no typing, pathlib or orjson at run time
if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path
    from typing import Any, TypeVar

    T = TypeVar("T")

MAX_TABLE_BYTES = 1 << 20
LINE_SEARCH_BYTES = 8 << 20  # how far into the file a small table is looked for by :func:`peek_table_line`
INT_RANGE = (-(1 << 63), (1 << 64) - 1)  # the whole numbers orjson reads (the full read refuses others)


def peek_table(database: Path, name: str) -> dict[str, Any] | None:
    """Table ``name`` of ``database`` with its inbox laid over it, or None if it cannot be peeked."""
    from tui.store.inbox import apply_records, read_pending

    table = _table_in_file(database, name)
    if table is None:
        return None
    records = [(table_name, document) for table_name, document in read_pending(database).records if table_name == name]
    return apply_records({name: table}, records).get(name, {})


def _table_in_file(database: Path, name: str) -> dict[str, Any] | None:
    absent: dict[str, Any] = {}  # no file yet: no table either
    return _in_view(database, lambda view: _find_table(view, name), missing=absent)


def _in_view(database: str | Path, use: Callable[[mmap.mmap], T | None], missing: T | None = None) -> T | None:
    """``use`` of the file mapped read-only; ``missing`` if there is no file, None if it is empty or unreadable."""
    try:
        fd = os.open(database, os.O_RDONLY | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        return missing
    except OSError:
        return None
    try:
        if os.fstat(fd).st_size == 0:
            return None
        with mmap.mmap(fd, 0, access=mmap.ACCESS_READ) as view:
            return use(view)
    except (OSError, ValueError):
        return None
    finally:
        os.close(fd)


def _line_of(view: mmap.mmap, key: bytes, within: int | None = None) -> int:
    """Where the line of the table whose ``key`` (``"name":{``) starts it begins (1 for the first table), or -1.

    One table to a line (codec.encode): only a table starts a line, or follows the file's own ``{``.
    """
    if view[: len(key) + 1] == b"{" + key:
        return 1
    found = view.find(b"\n" + key, 0, len(view) if within is None else within)
    return -1 if found < 0 else found + 1


def _find_table(view: mmap.mmap, name: str) -> dict[str, Any] | None:
    quoted = json.dumps(name).encode()
    key = quoted + b":{"
    first = _line_of(view, key)
    if first < 0:
        first = view.find(key)
        if first < 0:
            return {} if view.find(quoted) < 0 else None  # absent, or written in another layout
        if first != 1 and (view.find(key, first + 1) >= 0 or view[first - 1 : first] != b","):
            return None  # an older file all on one line: the key must be unique there
    start = first + len(key) - 1
    size = 1 << 14
    decoder = json.JSONDecoder()
    while True:
        chunk = view[start : start + size].decode("utf-8", errors="replace")
        try:
            value, _ = decoder.raw_decode(chunk)
            break
        except json.JSONDecodeError:
            if start + size >= len(view) or size >= MAX_TABLE_BYTES:
                return None
            size *= 4
    if not isinstance(value, dict) or not all(
        key.isdigit() and isinstance(document, dict) for key, document in value.items()
    ):
        return None
    return value


def peek_table_line(database: str, name: str) -> dict[str, Any] | None:
    """Table ``name`` as it is in the file (no inbox), read strictly; None unless it is certainly that.

    Only the one-table-to-a-line layout, within the file's first
    :data:`LINE_SEARCH_BYTES`; the JSON is read as strictly as the full read
    (orjson) reads it: no NaN or infinity, no number it cannot hold, strict
    UTF-8, no lone surrogate. A missing file, an absent or distant table, an
    older layout or anything odd: None (the caller reads the whole file instead).
    """
    return _in_view(database, lambda view: _find_table_line(view, name))


def _find_table_line(view: mmap.mmap, name: str) -> dict[str, Any] | None:
    key = json.dumps(name).encode() + b":{"
    line = _line_of(view, key, LINE_SEARCH_BYTES)
    if line < 0 or (line > 1 and view[line - 2 : line - 1] != b","):
        return None
    start = line + len(key) - 1
    end = view.find(b"\n", start, start + MAX_TABLE_BYTES)
    if end < 0:
        end = len(view)  # the last table ends the file
        if end - start > MAX_TABLE_BYTES:
            return None
    text = view[start:end].decode("utf-8")  # strict, as the full read: a bad byte means None
    try:
        value, stop = json.JSONDecoder(
            parse_constant=_refuse, parse_float=_finite, parse_int=_whole, strict=True
        ).raw_decode(text)
    except (ValueError, OverflowError):
        return None
    if text[stop:] not in (",", "}"):
        return None  # not the table's end (a value this reader does not see as orjson does)
    if not isinstance(value, dict) or not all(
        key.isdigit() and isinstance(document, dict) for key, document in value.items()
    ):
        return None
    json.dumps(value, ensure_ascii=False).encode("utf-8")  # lone surrogates (orjson refuses them): ValueError
    return value


def _refuse(constant: str) -> Any:
    raise ValueError(f"{constant} is not JSON")


def _finite(text: str) -> float:
    number = float(text)
    if number in (float("inf"), float("-inf")):
        raise ValueError("a number too large")
    return number


def _whole(text: str) -> int:
    number = int(text)
    if not INT_RANGE[0] <= number <= INT_RANGE[1]:
        raise ValueError("a whole number too large")
    return number


def table_line_holds(database: str, name: str, needle: bytes) -> bool | None:
    """Whether the line of table ``name`` holds the bytes ``needle`` (False if there is no such table).

    Only for a file already known to be laid out one table to a line (a
    :func:`peek_table_line` of another table succeeded): the table's line is
    found anywhere in the file, and only that line is searched, nothing parsed.
    None if the file cannot be read.
    """
    key = json.dumps(name).encode() + b":{"

    def holds(view: mmap.mmap) -> bool:
        start = _line_of(view, key)
        if start < 0:
            return False  # no such table
        end = view.find(b"\n", start)
        return view.find(needle, start, len(view) if end < 0 else end) >= 0

    return _in_view(database, holds)
