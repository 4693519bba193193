"""The inbox: a small write-ahead queue beside the database for quick shell captures.

``heartwork checkin 7`` must not cost more with thirty years of data than with
one day, so it never parses the database: it appends its record to
``<name>.inbox`` beside it, one self-delimiting line per record::

    <crc32 of the JSON, 8 hex digits> <JSON {"table": ..., "document": ...}>\\n

Appends are made under the database's lock file, flushed and fsynced before
the command reports success. Every reader overlays the inbox on the database
(:func:`read_pending`, see :mod:`tui.store.file_storage`), and the next process
that saves merges it into that same atomic save, then empties it. Records carry
their stable ``id``, so a merge that is interrupted after the save but before
the inbox is emptied is harmless: the next merge finds them already there.

A line that does not end in a newline or whose checksum does not match (a
capture killed mid-append) is never applied and never a reason to refuse the
file: a writer copies it aside to ``<name>.inbox.torn-DATE`` and drops it.
"""

from __future__ import annotations

import base64
import os
import struct
import zlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from itertools import repeat
from pathlib import Path
from typing import Any

import orjson

from tui.store import codec
from tui.store.inbox_append import LOCK_TIMEOUT_SECONDS, append_locked, framed, record_body, sealed_body
from tui.store.inbox_append import keep_torn_aside as keep_torn_aside_beside
from tui.store.inbox_replacing import SLOT_FIELDS, SlotReplacer
from tui.store.permissions import PRIVATE_FILE_MODE, ensure_private_dir

Tables = dict[str, dict[str, Any]]


@dataclass
class Pending:
    """What the inbox holds now: complete records in order, and any torn bytes."""

    records: list[tuple[str, dict[str, Any]]] = field(default_factory=list)
    torn: bytes = b""
    size: int = 0  # bytes read (the whole file)
    identity: tuple[int, int] | None = None  # (device, inode) of the file read


def inbox_path_for(database: Path) -> Path:
    """Where the inbox for ``database`` lives."""
    return database.with_name(database.name + ".inbox")


def encode_line(table: str, document: Mapping[str, Any], recipient: bytes | None = None) -> bytes:
    """One inbox line for ``document`` of ``table`` (raises InvalidValueError for non-JSON values).

    With ``recipient`` (the public key in an encrypted database's header) the
    record is sealed: ``{"sealed": "<base64>"}``, readable only after unlocking.
    """
    codec.check_document(document)
    if not isinstance(document.get("id"), str) or not document["id"]:
        raise ValueError("A record needs a non-empty string id.")
    try:
        body = record_body(table, document)
    except (ValueError, TypeError) as error:  # UnicodeEncodeError is a ValueError
        from tui.store.errors import InvalidValueError

        raise InvalidValueError(f"This value cannot be saved: {error}") from error
    if recipient is not None:
        body = sealed_body(recipient, body)
    return framed(body)


def parse_lines(payload: bytes) -> tuple[list[tuple[str, dict[str, Any]]], bytes]:
    """The records in ``payload`` in order, and the bytes of every line that is not whole."""
    lines = payload.split(b"\n")
    tail = lines.pop()  # after the last newline: empty, or a torn append
    whole = _parse_all_whole(lines)
    if whole is not None:
        return whole, tail
    records: list[tuple[str, dict[str, Any]]] = []
    torn: list[bytes] = []
    for line in lines:
        record = _parse_line(line)
        if record is None:
            torn.append(line + b"\n")
        else:
            records.append(record)
    if tail:
        torn.append(tail)
    return records, b"".join(torn)


def _parse_all_whole(lines: list[bytes]) -> list[tuple[str, dict[str, Any]]] | None:
    """The records of ``lines`` if every one is whole and plain (the common case), else None.

    A merge parses the whole inbox inside a save, so this checks all lines at
    C speed (``map``): each must carry its checksum exactly as a writer frames
    it, parse as JSON on its own, and be a plain record. Anything else (a torn
    or damaged line, a sealed record, an odd value) returns None and the caller
    looks line by line (:func:`_parse_line`), which gives the same records and
    also the torn bytes. So this only ever answers where the slow path agrees.
    """
    if not lines:
        return []
    bodies = [line[9:] for line in lines]
    checksums = struct.pack(f">{len(bodies)}I", *map(zlib.crc32, bodies))
    if b"".join(map(bytes.__getitem__, lines, repeat(_HEAD))) != checksums.hex(" ", 4).encode() + b" ":
        return None  # "<8 hex digits> " heads every line, as framed() writes it
    try:
        values = list(map(orjson.loads, bodies))
        # JSON gives no mapping but dict, and indexing any other value by a string
        # raises TypeError: past these two lines every value and document is a dict.
        records = [(value["table"], value["document"]) for value in values]
        ids = [document["id"] for _, document in records]
    except (ValueError, TypeError, KeyError):  # orjson's JSONDecodeError is a ValueError
        return None
    if (
        any(map(dict.__contains__, values, repeat("sealed")))
        or not all(map(str.__instancecheck__, [table for table, _ in records]))
        or not all(map(str.__instancecheck__, ids))
    ):
        return None
    return records


_HEAD = slice(0, 9)  # "<8 hex digits> " before each record's JSON


def _parse_line(line: bytes) -> tuple[str, dict[str, Any]] | None:
    if len(line) < 10 or line[8:9] != b" ":
        return None
    body = line[9:]
    try:
        if int(line[:8], 16) != zlib.crc32(body):
            return None
        value = orjson.loads(body)
    except ValueError:
        return None
    if isinstance(value, dict) and isinstance(value.get("sealed"), str):
        value = _opened(value["sealed"])
    if not isinstance(value, dict):
        return None
    table, document = value.get("table"), value.get("document")
    if not isinstance(table, str) or not isinstance(document, dict) or not isinstance(document.get("id"), str):
        return None
    return table, document


def _opened(sealed: str) -> Any:
    """A sealed record opened with the key this process unlocked (None if it cannot be)."""
    from tui.store.encryption import open_sealed

    try:
        opened = open_sealed(base64.b64decode(sealed, validate=True))
        return None if opened is None else orjson.loads(opened)
    except ValueError:
        return None


def read_pending(database: Path) -> Pending:
    """The inbox of ``database`` as it is now (never writes; a missing inbox is empty)."""
    try:
        fd = os.open(inbox_path_for(database), os.O_RDONLY | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_NOFOLLOW", 0))
    except (FileNotFoundError, NotADirectoryError):
        return Pending()
    except OSError:
        return Pending()  # a link or an unreadable inbox is never followed; the database is still read
    try:
        info = os.fstat(fd)
        chunks = []
        while chunk := os.read(fd, max(info.st_size, 1 << 16)):
            chunks.append(chunk)
    finally:
        os.close(fd)
    payload = b"".join(chunks)
    records, torn = parse_lines(payload)
    return Pending(records, torn, len(payload), (info.st_dev, info.st_ino))


def inbox_identity(database: Path) -> tuple[int, int, int, int] | None:
    """(device, inode, size, mtime) of the inbox, or None if there is none: cheap change detection."""
    try:
        info = os.stat(inbox_path_for(database), follow_symlinks=False)
    except OSError:
        return None
    return (info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns)


def apply_records(
    data: Tables,
    records: list[tuple[str, dict[str, Any]]],
    applied: list[tuple[str, str, dict[str, Any] | None]] | None = None,
) -> Tables:
    """``data`` with ``records`` merged in order, as a new top-level dict (``data`` is not changed).

    A record whose ``id`` is already in its table replaces that record (so a
    record merged twice is still there once) unless the one there is newer
    (``updated_at``); a new one gets the next number unless a later deletion
    left a tombstone for it. So replaying an inbox whose merge was cut off
    before it was emptied never undoes an edit or a deletion saved with (or
    after) that merge. A self-care tick replaces that day's other tick of the
    same routine, as the app's ``set_state`` does (:mod:`tui.store.inbox_replacing`).
    Each (table, key, document) placed is added to ``applied`` (document None: removed).
    """
    if not records:
        return data
    deleted = _deletions(data)
    in_bulk = _placed_in_bulk(data, records, deleted, applied)
    if in_bulk is not None:
        return in_bulk
    merged = dict(data)
    indexes: dict[str, dict[str, str]] = {}
    next_keys: dict[str, int] = {}
    replacer: SlotReplacer | None = None
    for table_name, document in records:
        table = merged.get(table_name)
        if table_name not in indexes:
            table = merged[table_name] = dict(table or {})
            incoming = {doc["id"] for name, doc in records if name == table_name}
            indexes[table_name] = _index_of(table, incoming)
            next_keys[table_name] = _next_key_of(table)
        assert table is not None
        index = indexes[table_name]
        key = index.get(document["id"])
        if key is not None and _is_older(document, table[key].get("updated_at")):
            continue  # already merged, then changed: the change stands
        if key is None and _is_older(document, deleted.get((table_name, document["id"]))):
            continue  # already merged, then deleted: it stays deleted
        if table_name in SLOT_FIELDS:
            replacer = replacer or SlotReplacer(merged, deleted, applied)
            if not replacer.make_room(table_name, document, index):
                continue  # a newer tick for the same day and routine stands
        if key is None:
            key = str(next_keys[table_name])
            next_keys[table_name] += 1
            index[document["id"]] = key
        table[key] = document
        if applied is not None:
            applied.append((table_name, key, document))
    return merged


# Tables whose records the loop in apply_records may weigh by more than their id
# (a rule of their own): always placed one by one, so no such rule is stepped over.
PLACED_ONE_BY_ONE = frozenset({"selfcare_ticks"})


def _placed_in_bulk(
    data: Tables,
    records: list[tuple[str, dict[str, Any]]],
    deleted: dict[tuple[str, str], Any],
    applied: list[tuple[str, str, dict[str, Any] | None]] | None,
) -> Tables | None:
    """What :func:`apply_records` gives when every record is simply new, placed at C speed; else None.

    The common merge (a thousand captures, none merged before) gives each
    record the next key of its table, in order. That is the loop's answer
    exactly when no record's id is in its table already, none was deleted
    (no tombstone), no id comes twice and no table has rules of its own; if
    any of that does not hold, None, and the loop weighs record by record.
    """
    names = list(dict.fromkeys(table_name for table_name, _ in records))
    if not PLACED_ONE_BY_ONE.isdisjoint(names):
        return None
    merged = dict(data)
    keys_of: dict[str, list[str]] = {}
    for name in names:
        documents = [document for table_name, document in records if table_name == name]
        ids = [document["id"] for document in documents]
        incoming = set(ids)
        if len(incoming) != len(ids):
            return None  # one record given twice: the loop keeps the later at one key
        if deleted and not incoming.isdisjoint({record_id for table, record_id in deleted if table == name}):
            return None
        table = dict(data.get(name) or {})
        if _index_of(table, incoming):
            return None  # merged before (a merge cut off before the inbox was emptied)
        first = _next_key_of(table)
        keys = keys_of[name] = list(map(str, range(first, first + len(documents))))
        table.update(zip(keys, documents, strict=True))
        merged[name] = table
    if applied is not None:
        if len(names) == 1:
            applied.extend(
                zip([names[0]] * len(records), keys_of[names[0]], [document for _, document in records], strict=True)
            )
        else:
            next_of = {name: iter(keys).__next__ for name, keys in keys_of.items()}
            applied.extend((name, next_of[name](), document) for name, document in records)
    return merged


def _deletions(data: Tables) -> dict[tuple[str, str], Any]:
    """(table, record id) -> when it was deleted, from the tombstones in ``data``."""
    from tui.core.record_merge import TOMBSTONES_TABLE

    stones = data.get(TOMBSTONES_TABLE) or {}
    return {
        (stone["table"], stone["record_id"]): stone.get("deleted_at")
        for stone in stones.values()
        if isinstance(stone, dict) and isinstance(stone.get("table"), str) and isinstance(stone.get("record_id"), str)
    }


def _is_older(document: Mapping[str, Any], moment: Any) -> bool:
    """True if ``document`` was stamped before ``moment`` (a stored timestamp; None: never older)."""
    if moment is None:
        return False
    from tui.core.record_merge import moment_order

    return moment_order(document.get("updated_at")) < moment_order(moment)


def _index_of(table: dict[str, Any], incoming: set[str]) -> dict[str, str]:
    """Storage key by record id, for the ids in ``incoming`` that ``table`` already holds.

    Merging runs inside a save: the ids are gathered at C speed (``map``) and
    only the few already there (a merge repeated after a crash) are indexed.
    """
    try:
        if incoming.isdisjoint(map(dict.get, table.values(), repeat("id"))):
            return {}  # the common case: every record is new
        ids = list(map(dict.get, table.values(), repeat("id")))
    except TypeError:  # a value that is not a record: look one by one
        ids = [doc.get("id") if isinstance(doc, dict) else None for doc in table.values()]
    return {record_id: key for record_id, key in zip(ids, table, strict=True) if record_id in incoming}


def _next_key_of(table: dict[str, Any]) -> int:
    """The next free numeric storage key of ``table``."""
    try:
        return max(map(int, table), default=0) + 1  # TinyDB keys are numbers: checked at C speed
    except ValueError:
        return max((int(key) for key in table if key.isdigit()), default=0) + 1


def append(database: Path, table: str, document: Mapping[str, Any], *, own_folder: bool = False) -> None:
    """Add ``document`` to ``table`` through the inbox; on the disk when this returns.

    Raises StoreBusyError if the lock stays taken, StoreWriteError if the disk
    refuses (nothing was added), InvalidValueError for a value JSON cannot hold.
    """
    append_many(database, [(table, document)], own_folder=own_folder)


def append_many(database: Path, records: list[tuple[str, Mapping[str, Any]]], *, own_folder: bool = False) -> None:
    """:func:`append` for several records at once (one lock, one fsync)."""
    from tui.paths import real_path
    from tui.store.errors import StoreBusyError, StoreWriteError
    from tui.store.file_lock import lock_timeout_errors, make_lock
    from tui.store.locked_file import read_header

    database = real_path(Path(database))  # beside the real file, as the database itself writes
    header = read_header(database)  # only the file's first bytes: still constant time
    recipient = header.public_key if header is not None else None
    payload = b"".join(encode_line(table, document, recipient) for table, document in records)
    try:
        ensure_private_dir(database.parent, ours=own_folder, refuse_unsafe=own_folder)
    except OSError as error:
        if not database.parent.is_dir():
            raise StoreWriteError(database, error, change_kept=False) from error
        # an existing folder whose mode cannot be changed: writing says if it cannot be used
    lock_file = database.with_name(database.name + ".lock")  # as tui.store.database.lock_path_for
    lock = make_lock(str(lock_file), LOCK_TIMEOUT_SECONDS, PRIVATE_FILE_MODE)
    try:
        lock.acquire()
    except lock_timeout_errors() as error:
        raise StoreBusyError(Path(lock.lock_file), LOCK_TIMEOUT_SECONDS) from error
    except OSError as error:
        raise StoreWriteError(database, error, change_kept=False) from error
    try:
        _append_locked(database, payload)
    except OSError as error:
        raise StoreWriteError(inbox_path_for(database), error, change_kept=False) from error
    finally:
        lock.release()


def _append_locked(database: Path, payload: bytes) -> None:
    append_locked(str(database), payload)


def keep_torn_aside(database: Path, torn: bytes) -> Path | None:
    """Copy torn inbox bytes to ``<name>.inbox.torn-DATE`` (0600), never overwriting one."""
    kept = keep_torn_aside_beside(str(database), torn)
    return None if kept is None else Path(kept)


def empty_after_merge(database: Path, pending: Pending) -> None:
    """After a save that holds ``pending``'s records: empty the inbox (call holding the lock).

    Only if the inbox is still the one that was read (same file, same size):
    anything else is left for the next merge, which is safe because merging is
    idempotent. Torn bytes are kept aside first.
    """
    path = inbox_path_for(database)
    try:
        fd = os.open(path, os.O_RDWR | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0))
    except OSError:
        return
    try:
        info = os.fstat(fd)
        if (info.st_dev, info.st_ino) != pending.identity or info.st_size != pending.size:
            return
        if pending.torn:
            keep_torn_aside(database, pending.torn)
        # No fsync: the save holding these records is already durable. If this is
        # lost in a crash, the inbox comes back as it was read and merging it again
        # finds each record saved (by id; a newer edit or a tombstone wins), and the
        # next capture's fsync makes the emptying durable with it, so no more can
        # come back (test_item12_5_merge_cost). One fsync saved per merge.
        os.ftruncate(fd, 0)
    finally:
        os.close(fd)
