"""A real Heartwork process in a pseudo-terminal keeps the journal draft when it gets SIGTERM."""

from __future__ import annotations

import fcntl
import os
import select
import signal
import struct
import subprocess
import sys
import termios
import time
from pathlib import Path

import pytest

from tui.store.journal_draft_repository import JournalDraftRepository
from tui.store.store import Store

REPO_ROOT = Path(__file__).resolve().parents[2]


def _read_available(fd: int, seconds: float) -> bytes:
    """Drain the terminal output for ``seconds`` (the app blocks if nobody reads it)."""
    collected = b""
    deadline = time.monotonic() + seconds
    while (left := deadline - time.monotonic()) > 0:
        ready, _, _ = select.select([fd], [], [], left)
        if ready:
            try:
                collected += os.read(fd, 65536)
            except OSError:
                break
    return collected


@pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pseudo-terminal")
def test_sigterm_mid_entry_keeps_the_draft(tmp_path: Path) -> None:
    db = tmp_path / "db.json"
    controller, terminal = os.openpty()
    fcntl.ioctl(terminal, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    env = {**os.environ, "TERM": "xterm-256color", "TEXTUAL_ANIMATIONS": "none", "HEARTWORK_DB": str(db)}
    process = subprocess.Popen(
        [sys.executable, "-m", "tui", "--db", str(db), "journal"],
        cwd=REPO_ROOT,
        stdin=terminal,
        stdout=terminal,
        stderr=terminal,
        env=env,
        start_new_session=True,
    )
    os.close(terminal)
    try:
        screen = b""
        deadline = time.monotonic() + 20
        while b"Prompt" not in screen and time.monotonic() < deadline:  # the journal's footer is drawn
            screen += _read_available(controller, 0.2)
        assert b"Prompt" in screen, "the journal did not start"
        os.write(controller, "words before the signal 🌱".encode())
        _read_available(controller, 0.3)
        process.send_signal(signal.SIGTERM)
        deadline = time.monotonic() + 15
        while process.poll() is None and time.monotonic() < deadline:
            _read_available(controller, 0.1)
        assert process.poll() is not None, "the app did not stop on SIGTERM"
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
        os.close(controller)
    store = Store.open(db)
    try:
        draft = store.repo(JournalDraftRepository).current()
    finally:
        store.close()
    assert draft is not None
    assert draft.entry.body == "words before the signal 🌱"
