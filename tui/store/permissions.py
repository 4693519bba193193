"""Private folders and files: folders 0700, files 0600, whatever the umask."""

from __future__ import annotations

import os
import re
import stat
import time
from collections.abc import Iterable
from functools import cache
from pathlib import Path

from tui.store.durable import fsync_folder
from tui.store.errors import UnsafeFolderError

PRIVATE_DIR_MODE = 0o700
PRIVATE_FILE_MODE = 0o600
# A temp file another computer left (a synced folder that does not ignore them) is
# only swept once it is this old: its process id means nothing here.
FOREIGN_TEMP_MAX_AGE_SECONDS = 24 * 3600.0


def ensure_private_dir(folder: Path, *, ours: bool = True, refuse_unsafe: bool = False) -> None:
    """Create ``folder`` if needed, every missing level 0700 whatever the umask.

    ``mkdir(parents=True, mode=...)`` gives the mode to the last level only and
    leaves the parents to the umask (0777 under umask 000), so each missing
    level is made and set 0700 here, from the top down. An existing folder is
    made 0700 only when it is ``ours`` (the app's own data or backup folder);
    a folder the person chose with ``--db`` keeps its mode, and the files
    inside are 0600 regardless. With ``refuse_unsafe`` (the data and log
    folders) an existing folder owned by someone else or writable by others
    raises UnsafeFolderError instead of being used.
    """
    missing = []
    level = folder
    while not level.is_dir():
        missing.append(level)
        if level.parent == level:
            break
        level = level.parent
    for new_level in reversed(missing):
        try:
            new_level.mkdir(mode=PRIVATE_DIR_MODE)
        except FileExistsError:
            if not new_level.is_dir():
                raise
            continue  # made meanwhile by another process: checked below if it is ours
        os.chmod(new_level, PRIVATE_DIR_MODE)
    if folder in missing:
        return
    if refuse_unsafe:
        check_private_dir(folder)
    if ours and stat.S_IMODE(folder.stat().st_mode) != PRIVATE_DIR_MODE:
        os.chmod(folder, PRIVATE_DIR_MODE)


def check_private_dir(folder: Path) -> None:
    """Raise UnsafeFolderError if ``folder`` belongs to someone else or others may write in it.

    Such a folder could have its files swapped or read by another account, so
    Heartwork refuses it rather than tightening it silently. A folder that does
    not exist is fine (it will be made private).
    """
    try:
        info = folder.stat()
    except FileNotFoundError:
        return
    owner = getattr(os, "getuid", lambda: info.st_uid)()
    if info.st_uid != owner:
        raise UnsafeFolderError(
            folder, "it belongs to another user account", "Please move it aside; Heartwork will make a new private one."
        )
    if stat.S_IMODE(info.st_mode) & (stat.S_IWGRP | stat.S_IWOTH):
        raise UnsafeFolderError(
            folder,
            "other accounts on this computer can change what is in it",
            f"If it is yours, `chmod 700 {folder}` makes it private again.",
        )


def make_private(path: Path) -> None:
    """Make an existing file readable and writable by its owner only."""
    if stat.S_IMODE(path.stat().st_mode) != PRIVATE_FILE_MODE:
        os.chmod(path, PRIVATE_FILE_MODE)


def write_private_file(
    path: Path, payload: bytes | Iterable[bytes], *, keep_open: bool = False, overwrite: bool = True
) -> int | None:
    """Write ``payload`` (bytes, or parts written one after another) to ``path`` atomically and durably, created 0600.

    A temporary file in the same folder is written, fsynced and renamed over
    ``path``; then the folder is fsynced, so when this returns the new content
    has reached the disk. Parts may come from a generator: each is written as
    it comes, so the whole content need never be in memory. On any error (the
    disk's, or one the parts raise) the temporary file is removed and
    ``path`` is left as it was. With ``keep_open`` the new file's descriptor
    (read-only use) is returned open; the caller closes it. With
    ``overwrite=False`` an existing ``path`` is never replaced (FileExistsError),
    even if it appears while the file is being written.
    """
    folder = path.parent
    temp = folder / temp_name_for(path)
    fd = os.open(temp, os.O_RDWR | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0), PRIVATE_FILE_MODE)
    try:
        try:
            os.fchmod(fd, PRIVATE_FILE_MODE)
            for part in (payload,) if isinstance(payload, bytes) else payload:
                view = memoryview(part)
                while view:
                    written = os.write(fd, view)
                    view = view[written:]
                del part, view  # freed before a generator makes the next part
            os.fsync(fd)
            if overwrite:
                os.replace(temp, path)
            else:
                os.link(temp, path)
                temp.unlink()
        except BaseException:
            os.close(fd)
            raise
    except BaseException:
        try:
            temp.unlink()
        except OSError:
            pass
        raise
    try:
        fsync_folder(folder)
    except BaseException:
        os.close(fd)
        raise
    if keep_open:
        return fd
    os.close(fd)
    return None


def temp_name_for(path: Path) -> str:
    """A fresh temporary name beside ``path``, naming this process and computer (for the stale-file sweep).

    ``.heartwork.json.4242-laptop.9f3a01bc.tmp``: hidden, ending ``.tmp`` and
    never ending like the database, so a sync tool can be told to ignore it
    (``.stignore``) and no Heartwork ever takes it, or a conflict copy of it,
    for a database.
    """
    return f".{path.name}.{os.getpid()}-{this_computer()}.{os.urandom(4).hex()}.tmp"


@cache
def this_computer() -> str:
    """This computer's name, letters and digits only (temp files made elsewhere are told apart by it)."""
    name = os.uname().nodename if hasattr(os, "uname") else os.environ.get("COMPUTERNAME", "")
    return re.sub(r"[^A-Za-z0-9]", "", name)[:24] or "here"


def sweep_stale_temp_files(path: Path) -> int:
    """Remove temp files left beside ``path`` by a killed writer; return how many."""
    return _sweep(path.parent.glob(f".{path.name}.*.tmp"))


def sweep_stale_temp_files_in(folder: Path) -> int:
    """Remove every stale temp file in ``folder`` (e.g. the backups folder)."""
    return _sweep(folder.glob(".*.tmp"))


def _sweep(candidates: Iterable[Path]) -> int:
    removed = 0
    for temp in candidates:
        parts = temp.name.rsplit(".", 3)  # ".<name>", "<pid>-<computer>" (or "<pid>"), "<random>", "tmp"
        pid_text, _, computer = parts[1].partition("-") if len(parts) == 4 else ("", "", "")
        if computer and computer != this_computer() and not _older_than(temp, FOREIGN_TEMP_MAX_AGE_SECONDS):
            continue  # being written on another computer, perhaps right now
        try:
            pid = int(pid_text) if not computer or computer == this_computer() else -1
        except ValueError:
            pid = -1
        if pid > 0 and pid != os.getpid() and _process_alive(pid):
            continue
        if pid == os.getpid():
            continue  # one of ours, being written right now by another thread
        try:
            temp.unlink()
            removed += 1
        except OSError:
            pass
    return removed


def _older_than(path: Path, seconds: float) -> bool:
    try:
        return time.time() - path.stat().st_mtime > seconds
    except OSError:
        return False


def _process_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
