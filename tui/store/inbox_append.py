"""Appending to the inbox with the standard library only: the part of :mod:`tui.store.inbox` a quick capture runs.

``heartwork checkin 7`` must answer in a few milliseconds, and importing
``orjson`` (which pulls in ``dataclasses``, ``inspect``, ``uuid``), ``pathlib``
or TinyDB would cost more than the whole command. So the line encoding, the
locked append and the torn-tail handling live here, on plain string paths,
and :mod:`tui.store.inbox` (the full CLI, the app) calls the same functions:
one inbox format, written by one piece of code.

Line format (see :mod:`tui.store.inbox`)::

    <crc32 of the JSON, 8 hex digits> <JSON>\\n
"""

from __future__ import annotations

import json
import os
import zlib

from tui.store.durable import fsync_folder

TYPE_CHECKING = False  # importing typing costs the quick capture time; annotations only
if TYPE_CHECKING:
    from collections.abc import Mapping
    from typing import Any

PRIVATE_FILE_MODE = 0o600  # as tui.store.permissions (a test checks they agree)
LOCK_TIMEOUT_SECONDS = 15.0
_NO_FOLLOW = getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)


def inbox_file_for(database: str) -> str:
    """Where the inbox of the database file ``database`` lives: ``<name>.inbox`` beside it."""
    return database + ".inbox"


def lock_file_for(database: str) -> str:
    """The lock file beside ``database`` (as :func:`tui.store.database.lock_path_for`)."""
    return database + ".lock"


def json_bytes(value: Any) -> bytes:
    """Compact UTF-8 JSON of ``value`` (ValueError for NaN, UnicodeEncodeError for lone surrogates)."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False).encode("utf-8")


def record_body(table: str, document: Mapping[str, Any]) -> bytes:
    """The JSON of one inbox record (before any sealing)."""
    return json_bytes({"table": table, "document": document})


def sealed_body(recipient: bytes, body: bytes) -> bytes:
    """``body`` sealed to ``recipient`` (an encrypted database's public key): ``{"sealed": "<base64>"}``."""
    import base64

    from tui.store.sealing import seal_for

    return json_bytes({"sealed": base64.b64encode(seal_for(recipient, body)).decode("ascii")})


def framed(body: bytes) -> bytes:
    """``body`` as one checksummed inbox line."""
    return b"%08x %s\n" % (zlib.crc32(body), body)


class LockRefusedError(Exception):
    """The lock could not be taken (busy for the whole timeout, or refused by the disk): nothing was added."""


class AppendFailedError(Exception):
    """The disk refused the append (its ``__cause__`` says how): the record is not acknowledged."""


def append_under_lock(database: str, payload: bytes) -> None:
    """Take the database's lock, append ``payload`` to the inbox, fsync, release.

    Raises LockRefusedError or AppendFailedError, the original error as ``__cause__``.
    """
    from tui.store.file_lock import make_lock

    lock = make_lock(lock_file_for(database), LOCK_TIMEOUT_SECONDS, PRIVATE_FILE_MODE)
    try:
        lock.acquire()
    except Exception as error:  # LockTimeout, filelock's Timeout or an OSError
        raise LockRefusedError(str(error)) from error
    try:
        append_locked(database, payload)
    except OSError as error:
        raise AppendFailedError(str(error)) from error
    finally:
        lock.release()


def append_locked(database: str, payload: bytes) -> None:
    """Append ``payload`` to the inbox (call holding the lock): 0600, a torn tail set aside, fsynced."""
    path = inbox_file_for(database)
    created = not os.path.lexists(path)
    fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_APPEND | _NO_FOLLOW, PRIVATE_FILE_MODE)
    try:
        os.fchmod(fd, PRIVATE_FILE_MODE)
        size = os.fstat(fd).st_size
        if size and os.pread(fd, 1, size - 1) != b"\n":
            _set_torn_tail_aside(database, fd, size)
        _write_durably(fd, payload)
    finally:
        os.close(fd)
    if created:
        fsync_folder(os.path.dirname(path) or ".")


def _set_torn_tail_aside(database: str, fd: int, size: int) -> None:
    """A capture was killed mid-append: keep its bytes aside and cut them off (under the lock)."""
    window = min(size, 1 << 20)
    data = os.pread(fd, window, size - window)
    cut = data.rfind(b"\n")
    start = size - window + cut + 1 if cut >= 0 else (0 if window == size else size - window)
    keep_torn_aside(database, os.pread(fd, size - start, start))
    os.ftruncate(fd, start)
    os.fsync(fd)


def keep_torn_aside(database: str, torn: bytes) -> str | None:
    """Copy torn inbox bytes to ``<name>.inbox.torn-DATE`` (0600, fsynced), never overwriting one."""
    if not torn:
        return None
    import time

    base = f"{inbox_file_for(database)}.torn-{time.strftime('%Y%m%d-%H%M%S')}"
    target, counter = base, 2
    while True:
        try:
            fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NO_FOLLOW, PRIVATE_FILE_MODE)
        except FileExistsError:
            target, counter = f"{base}-{counter}", counter + 1
            continue
        try:
            os.fchmod(fd, PRIVATE_FILE_MODE)
            _write_durably(fd, torn)
        finally:
            os.close(fd)
        fsync_folder(os.path.dirname(target) or ".")
        return target


def _write_durably(fd: int, payload: bytes) -> None:
    """All of ``payload`` written to ``fd`` (short writes continued), then fsynced."""
    view = memoryview(payload)
    while view:
        view = view[os.write(fd, view) :]
    os.fsync(fd)
