"""Turning the database into bytes and back: UTF-8 JSON, strict, fast (orjson).

Encoding never depends on the locale. Values JSON cannot hold exactly (NaN,
infinities, bytes, sets, lone surrogates) are refused before the disk is
touched.
"""

from __future__ import annotations

import gc
import math
import os
from collections.abc import Iterator
from contextlib import contextmanager
from itertools import islice
from typing import Any

import orjson

from tui.store.errors import InvalidValueError

Tables = dict[str, dict[str, dict[str, Any]]]
# A save writes the file in pieces of about this size (see encode_parts). orjson's
# output for a piece is held at up to twice its size while it is made, so pieces
# are kept small: 256 KiB serialises as fast as 1 MiB and needs a quarter of the memory.
PIECE_BYTES = 1 << 18
# The first run of a big table; later runs are sized from the bytes per record it gave.
FIRST_RUN_RECORDS = 256


def encode(data: Tables) -> bytes:
    """Serialize the whole database; raises InvalidValueError for non-JSON values.

    The bytes are laid out one table to a line (see :func:`table_order`), so a
    shell command that needs one small table can find it without parsing the
    rest: JSON writes no raw newline inside a value, so every newline in the
    file starts a table. :func:`encode_parts` gives the same bytes in pieces.
    """
    try:
        if not data:
            return orjson.dumps(data)
        _check_table_names(data)
        lines = [orjson.dumps(name) + b":" + orjson.dumps(data[name]) for name in table_order(data)]
        return b"{" + b",\n".join(lines) + b"}"
    except (orjson.JSONEncodeError, TypeError) as error:
        raise InvalidValueError(f"This value cannot be saved: {error}") from error


def encode_parts(data: Tables, piece_bytes: int = PIECE_BYTES, first_run: int = FIRST_RUN_RECORDS) -> Iterator[bytes]:
    """:func:`encode`'s bytes in pieces of about ``piece_bytes``, made one after another as they are asked for.

    A save writes each piece as it comes, so the whole file is never held in
    memory beside the records. A big table is serialised a run of records at a
    time: orjson's bytes for a dict of the run, without its braces, joined by
    commas, which is exactly what orjson writes for the whole table.
    ``b"".join(encode_parts(data)) == encode(data)``, always. Raises
    InvalidValueError (from the piece that holds it) for a value JSON cannot hold.
    """
    try:
        if not data:
            yield orjson.dumps(data)
            return
        _check_table_names(data)
        for position, name in enumerate(table_order(data)):
            key = (b"{" if position == 0 else b",\n") + orjson.dumps(name) + b":"
            yield from _table_parts(key, data[name], piece_bytes, first_run)
        yield b"}"
    except (orjson.JSONEncodeError, TypeError) as error:
        raise InvalidValueError(f"This value cannot be saved: {error}") from error


def _table_parts(key: bytes, table: Any, piece_bytes: int, first_run: int) -> Iterator[bytes]:
    """One table's line (``key`` first) in pieces: runs of records sized from the run before."""
    if not isinstance(table, dict) or len(table) <= first_run:
        yield key + orjson.dumps(table)
        return
    records = iter(table.items())
    left, run, opening = len(table), first_run, key + b"{"
    while left:
        count = min(run, left)
        body = orjson.dumps(dict(islice(records, count)))
        left -= count
        run = max(1, count * piece_bytes // max(len(body), 1))
        piece = opening + body[1:-1]
        del body  # not kept while the next run is serialised
        yield piece
        del piece
        opening = b","
    yield b"}"


def _check_table_names(data: Tables) -> None:
    if not all(isinstance(name, str) for name in data):
        raise TypeError("table names must be text")


def table_order(data: Tables) -> list[str]:
    """The tables in the order they are written: fewest records first (ties as they come).

    The small tables (``_meta``, settings, routines) then sit in the file's
    first few kilobytes, ahead of the years of check-ins and journal entries.
    """
    return sorted(data, key=lambda name: len(data[name]) if isinstance(data[name], dict) else 0)


def decode(payload: bytes) -> Any:
    """Parse bytes as strict UTF-8 JSON; raises ValueError on anything else."""
    return orjson.loads(payload)


def decode_large(payload: bytes) -> Any:
    """:func:`decode` for a whole database, parsed a run of records at a time (see :mod:`chunked_decode`).

    Gives what :func:`decode` gives (and raises the same errors), with no parse
    tree of the whole file beside the records, and repeated values shared
    (:mod:`tui.store.shared_values`).
    """
    from tui.store.chunked_decode import decode_bytes_chunked
    from tui.store.shared_values import ValueSharer, share_repeated_values

    with collector_paused():
        data = decode_bytes_chunked(payload, ValueSharer())
        if data is None:
            data = orjson.loads(payload)
            if isinstance(data, dict):
                share_repeated_values(data)
        return data


def decode_large_file(fd: int, size: int) -> Any | None:
    """The database in the open file ``fd`` (``size`` bytes), read and parsed in pieces.

    None if it is not laid out as a set of tables of records (or is not valid
    JSON): the caller then reads it whole and parses it with :func:`decode_large`,
    which says what is wrong.
    """
    from tui.store.chunked_decode import decode_chunked
    from tui.store.shared_values import ValueSharer

    with collector_paused():
        return decode_chunked(lambda offset, count: os.pread(fd, count, offset), size, ValueSharer())


_first_load_frozen = False


@contextmanager
def collector_paused() -> Iterator[None]:
    """The cyclic garbage collector is paused while a whole database is parsed.

    Parsing creates tens of thousands of dicts and lists, none of them cyclic
    garbage; left running, the collector would walk them again and again.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
        global _first_load_frozen
        if not _first_load_frozen:
            # The first load happens at start-up, before any screen exists: what is
            # in memory now (modules, classes, the records) lives until the process
            # ends, so the collector can stop walking it. Records hold no cycles and
            # are still freed by reference counting when replaced. Later loads are
            # not frozen, so nothing made by the UI is ever hidden from the collector.
            _first_load_frozen = True
            gc.freeze()
    finally:
        if was_enabled:
            gc.enable()


def check_document(document: Any) -> None:
    """Refuse a document that would not survive a JSON round trip unchanged.

    orjson silently writes NaN as null, so numbers are checked here, one
    document at a time, as it enters a table.
    """
    _check_value(document, depth=0)


def _check_value(value: Any, depth: int) -> None:
    if depth > 32:
        raise InvalidValueError("This value is nested too deeply to be saved.")
    if value is None or isinstance(value, (bool, int, str)):
        if type(value) is int and not -(1 << 63) <= value < 1 << 64:
            raise InvalidValueError(f"The number {value} is too large to be saved.")
        if isinstance(value, str):
            try:
                value.encode("utf-8")
            except UnicodeEncodeError as error:
                raise InvalidValueError("This text holds characters that cannot be saved.") from error
        return
    if isinstance(value, float):
        if not math.isfinite(value):
            raise InvalidValueError(f"The number {value!r} cannot be saved.")
        return
    if isinstance(value, dict):
        for key, item in value.items():
            if not isinstance(key, str):
                raise InvalidValueError(f"The key {key!r} is not text and cannot be saved.")
            _check_value(item, depth + 1)
        return
    if isinstance(value, (list, tuple)):
        for item in value:
            _check_value(item, depth + 1)
        return
    raise InvalidValueError(f"A {type(value).__name__} cannot be saved.")


def pretty(data: Any) -> str:
    """Human-readable JSON for exports (keeps every character as itself)."""
    import json

    return json.dumps(data, ensure_ascii=False, allow_nan=False, indent=2, sort_keys=False)
