"""Reading a database file: parsed in pieces when plain, else decrypted and parsed whole; shape and version checked.

A file that cannot be used raises CorruptDatabaseError (naming what is wrong
and the newest good backup) and is never changed here: this module only reads.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any, cast

from tui.core.encryption_header import HeaderError, is_encrypted
from tui.store import codec
from tui.store.errors import CorruptDatabaseError, EncryptionHeaderError
from tui.store.migrations import version_problem


def read_database_fd(path: Path, fd: int, newest_backup: Callable[[], Path | None] = lambda: None) -> dict[str, Any]:
    """The database in the open file ``fd``: streamed when plain, else read whole (decrypted) and parsed."""
    size = os.fstat(fd).st_size
    data = parse_plain_file(path, fd, size, newest_backup)
    return parse_database(path, read_whole(fd, size), newest_backup) if data is None else data


def read_whole(fd: int, size_hint: int) -> bytes:
    """The rest of the open file ``fd``, read in one call when ``size_hint`` is right."""
    chunks = []
    wanted = size_hint + 1  # one read for the whole file; the +1 notices a file that grew
    while chunk := os.read(fd, wanted):
        chunks.append(chunk)
        wanted = 1 << 20
    return chunks[0] if len(chunks) == 1 else b"".join(chunks)


def parse_plain_file(path: Path, fd: int, size: int, newest_backup: Callable[[], Path | None]) -> dict[str, Any] | None:
    """A plain database file parsed straight from ``fd`` in pieces (no copy of the file in memory).

    None for an encrypted file and for one that does not parse this way: the
    caller reads it whole (:func:`parse_database`), which also names what is
    wrong. A file that parses but is not a database raises CorruptDatabaseError.
    """
    if is_encrypted(os.pread(fd, 64, 0)):
        return None
    data = codec.decode_large_file(fd, size)
    if data is None:
        return None
    problem = shape_problem(data) or version_problem(data)
    if problem:
        raise CorruptDatabaseError(path, problem, newest_backup())
    return cast(dict[str, Any], data)


def parse_database(
    path: Path, payload: bytes, newest_backup: Callable[[], Path | None] = lambda: None
) -> dict[str, Any]:
    """Parse, shape-check and version-check a database file, or raise CorruptDatabaseError.

    An encrypted file is decrypted first (DatabaseLockedError if this process
    has not unlocked it); one that fails authentication is corrupt, and kept.
    """
    if is_encrypted(payload):
        payload = _decrypted(path, payload, newest_backup)
    if not payload.strip():
        raise CorruptDatabaseError(path, "the file is empty", newest_backup())
    try:
        data = codec.decode_large(payload)
    except ValueError as error:
        try:
            payload.decode("utf-8")
        except UnicodeDecodeError:
            reason = "the file holds bytes that are not UTF-8 text"
        else:
            where = getattr(error, "lineno", None), getattr(error, "colno", None)
            at = f" (problem at line {where[0]}, column {where[1]})" if None not in where else ""
            reason = f"the file is not valid JSON{at}"
        raise CorruptDatabaseError(path, reason, newest_backup()) from error
    problem = shape_problem(data) or version_problem(data)
    if problem:
        raise CorruptDatabaseError(path, problem, newest_backup())
    return cast(dict[str, Any], data)  # shape_problem checked it is a dict of tables


def _decrypted(path: Path, payload: bytes, newest_backup: Callable[[], Path | None]) -> bytes:
    from nacl.exceptions import CryptoError

    from tui.store.encryption import decrypt

    try:
        return decrypt(path, payload)
    except HeaderError as error:
        raise EncryptionHeaderError(path, str(error), newest_backup()) from error
    except CryptoError as error:
        reason = "the encrypted file did not pass its integrity check (it was changed or damaged)"
        raise CorruptDatabaseError(path, reason, newest_backup()) from error


def shape_problem(data: Any) -> str | None:
    """Describe why ``data`` is not a TinyDB database, or None if it is one.

    Runs on every load, so the common case is checked at C speed (``map``)
    and records are looked at one by one only to name a problem.
    """
    if not isinstance(data, dict):
        return "the file does not hold a set of tables"
    for name, table in data.items():
        if not isinstance(table, dict):
            return f"the table {name!r} is not a set of records"
        if all(map(str.isdigit, table)) and all(map(dict.__instancecheck__, table.values())):
            continue
        for doc_id, document in table.items():
            if not isinstance(document, dict):
                return f"record {doc_id} in table {name!r} is not a record"
            if not doc_id.isdigit():
                return f"table {name!r} has a record key {doc_id!r} that is not a number"
    return None
