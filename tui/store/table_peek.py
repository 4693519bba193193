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
from pathlib import Path
from typing import Any

from tui.store.inbox import apply_records, read_pending

MAX_TABLE_BYTES = 1 << 20


def peek_table(database: Path, name: str) -> dict[str, Any] | None:
    """Table ``name`` of ``database`` with its inbox laid over it, or None if it cannot be peeked."""
    table = _table_in_file(database, name)
    if table is None:
        return None
    records = [(table_name, document) for table_name, document in read_pending(database).records if table_name == name]
    return apply_records({name: table}, records).get(name, {})


def _table_in_file(database: Path, name: str) -> dict[str, Any] | None:
    try:
        fd = os.open(database, os.O_RDONLY | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        return {}
    except OSError:
        return None
    try:
        if os.fstat(fd).st_size == 0:
            return None
        with mmap.mmap(fd, 0, access=mmap.ACCESS_READ) as view:
            return _find_table(view, name)
    finally:
        os.close(fd)


def _find_table(view: mmap.mmap, name: str) -> dict[str, Any] | None:
    quoted = json.dumps(name).encode()
    key = quoted + b":{"
    first = view.find(b"\n" + key) + 1  # one table to a line (codec.encode): only a table starts a line
    if first == 0:
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
