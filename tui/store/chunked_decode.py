"""Parsing a database file a slice of records at a time, so parsing never needs a second copy of it.

``orjson.loads`` of a whole file holds the file's bytes, its own parse tree
of them (about 1.7x the file) and the records it builds, all at once: the
peak of every process that opens a database was 5.7x the file size. Here the
file is read and parsed in pieces of about :data:`CHUNK_BYTES`: the tables'
framing (``{"name": {`` ... ``}``) is read by hand, and the records between
are parsed by orjson in runs of whole records, so the peak is the records
themselves plus one piece.

Where one run of records ends is only *proposed* by a pattern (``}`` then
``,"<digits>":{`` or the table's closing ``}``); orjson then parses the run
as an object of its own. A run parses only if it is a balanced sequence of
complete records, so a proposal that falls inside a record (in a string, in
a nested object) fails and the next one is tried: the result is exactly what
parsing the whole file gives. Anything unusual (not a set of tables of
records, bad JSON, many failed proposals) returns None, and the caller parses
the whole file as before, so errors and their messages are unchanged.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from typing import Any

import orjson

from tui.store.free_memory import give_back_memory as _give_back

CHUNK_BYTES = 1 << 16
"""How much is read and parsed at a time (records longer than this are read whole)."""

MAX_FAILED_PROPOSALS = 64
"""Proposed ends that may fall inside records before giving up on this way of parsing."""

ReadAt = Callable[[int, int], bytes]
OnRecords = Callable[[str, dict[str, Any]], object]

_WS = rb"[ \t\n\r]*"
_START = re.compile(_WS + rb"\{" + _WS)
_TABLE_HEAD = re.compile(rb'"((?:[^"\\]|\\.)*)"' + _WS + rb":" + _WS + rb"\{" + _WS)
_AFTER_TABLE = re.compile(_WS + rb"([,}])" + _WS)
_ONLY_WS = re.compile(_WS + rb"\Z")
# Where a record may end: a closing brace, then a comma (another record) or its table's closing brace.
_RECORD_END = re.compile(rb"\}(?=" + _WS + rb"(\}|," + _WS + rb'"[0-9]+"' + _WS + rb":" + _WS + rb"\{))")


class _NotChunkable(Exception):
    """The file is not laid out as expected: parse it whole instead."""


class _Source:
    """The file's bytes from ``offset`` on, read on demand and dropped once parsed."""

    def __init__(self, read_at: ReadAt, size: int) -> None:
        self._read_at = read_at
        self._size = size
        self.buffer = b""
        self.offset = 0  # where ``buffer`` starts in the file

    @property
    def at_end(self) -> bool:
        return self.offset + len(self.buffer) >= self._size

    def drop(self, upto: int) -> None:
        """Forget ``buffer[:upto]`` (parsed)."""
        self.buffer = self.buffer[upto:]
        self.offset += upto

    def more(self, at_least: int = CHUNK_BYTES) -> bool:
        """Read at least ``at_least`` more bytes (fewer at the end); False if nothing was left."""
        start = self.offset + len(self.buffer)
        wanted = max(at_least, CHUNK_BYTES)
        piece = self._read_at(start, wanted) if start < self._size else b""
        if not piece:
            return False
        self.buffer += piece
        return True

    def match(self, pattern: re.Pattern[bytes], pos: int) -> re.Match[bytes]:
        """``pattern`` at ``pos``, reading more if the buffer ends too soon; _NotChunkable if absent."""
        while True:
            found = pattern.match(self.buffer, pos)
            if found is not None and (found.end() < len(self.buffer) or self.at_end):
                return found
            if not self.more():
                if found is not None:
                    return found
                raise _NotChunkable


def decode_chunked(
    read_at: ReadAt, size: int, on_records: OnRecords = lambda name, records: None
) -> dict[str, Any] | None:
    """The database read through ``read_at(offset, count)`` (``size`` bytes), or None to parse it whole.

    ``on_records(table name, records)`` sees each run of records as it is parsed,
    before it joins its table (to make it smaller while it is still fresh).
    """
    try:
        return _decode(_Source(read_at, size), on_records)
    except (_NotChunkable, orjson.JSONDecodeError, RecursionError):
        return None


def decode_bytes_chunked(payload: bytes, on_records: OnRecords = lambda name, records: None) -> dict[str, Any] | None:
    """:func:`decode_chunked` of bytes already in memory (an encrypted file, decrypted)."""
    view = memoryview(payload)
    return decode_chunked(lambda offset, count: bytes(view[offset : offset + count]), len(payload), on_records)


def _decode(source: _Source, on_records: OnRecords) -> dict[str, Any]:
    data: dict[str, Any] = {}
    pos = source.match(_START, 0).end()
    if source.buffer[pos : pos + 1] == b"}":
        pos = _ends(source, pos + 1)
        return data
    while True:
        head = source.match(_TABLE_HEAD, pos)
        name = orjson.loads(b'"' + head.group(1) + b'"')
        pos = head.end()
        table, pos = _table(source, pos, functools.partial(on_records, name))
        data[name] = table
        after = source.match(_AFTER_TABLE, pos)
        pos = after.end()
        if after.group(1) == b"}":
            _ends(source, pos)
            return data


def _ends(source: _Source, pos: int) -> int:
    """Only whitespace may follow the last table."""
    while not source.at_end:
        source.more()
    if _ONLY_WS.match(source.buffer, pos) is None:
        raise _NotChunkable
    return len(source.buffer)


def _table(source: _Source, pos: int, on_records: Callable[[dict[str, Any]], object]) -> tuple[dict[str, Any], int]:
    """The records of the table whose ``{`` ends before ``pos``, and where its ``}`` ends."""
    table: dict[str, Any] = {}
    source.drop(pos)
    while not source.buffer and source.more():
        pass
    if source.buffer[:1] == b"}":
        return table, 1
    failures = 0
    limit: int | None = None  # after a failed proposal: try only those before it
    while True:
        if limit is None and len(source.buffer) < CHUNK_BYTES and not source.at_end:
            source.more()
        chosen = _last_proposal(source.buffer, len(source.buffer) if limit is None else limit)
        if chosen is None:
            if not source.more(len(source.buffer)):
                raise _NotChunkable
            limit = None
            continue
        run = b"{" + source.buffer[: chosen.start() + 1] + b"}"
        try:
            records = orjson.loads(run)
        except orjson.JSONDecodeError as error:
            if error.msg == "unexpected content after document":
                # The table ended inside this run: its first object is the rest of the table.
                # (orjson counts characters, and points past any whitespace after the object.)
                end = len(run[: len(error.doc[: error.pos].encode("utf-8"))].rstrip(b" \t\n\r"))
                if run[end - 1 : end] != b"}":
                    raise _NotChunkable from None
                records = orjson.loads(run[:end])
                on_records(records)
                table.update(records)
                return table, end - 1
            failures += 1
            if failures > MAX_FAILED_PROPOSALS:
                raise _NotChunkable from None
            limit = chosen.start()  # it fell inside a record: try the one before it
            continue
        del run
        on_records(records)
        table.update(records)
        del records
        _give_back()
        failures, limit = 0, None
        follows = chosen.start(1)
        if chosen.group(1) == b"}":  # the table's own closing brace
            return table, follows + 1
        source.drop(follows + 1)


def _last_proposal(buffer: bytes, before: int) -> re.Match[bytes] | None:
    """The last place before ``before`` where a record may end (looking back from the end first)."""
    window = 1 << 16
    while True:
        start = max(0, before - window)
        last = None
        for found in _RECORD_END.finditer(buffer, start):
            if found.start() >= before:
                break
            last = found
        if last is not None or start == 0:
            return last
        window *= 8
