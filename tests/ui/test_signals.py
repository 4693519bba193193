"""SIGTERM and SIGHUP end a real running app cleanly and give the terminal back."""

from __future__ import annotations

import os
import pty
import select
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def read_until(fd: int, marker: bytes, timeout: float) -> bytes:
    seen = b""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        ready, _, _ = select.select([fd], [], [], 0.1)
        if ready:
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                break
            if not chunk:
                break
            seen += chunk
            if marker in seen:
                return seen
    return seen


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP])
def test_signal_exits_cleanly_and_restores_the_terminal(tmp_path: Path, signum: int) -> None:
    primary, secondary = pty.openpty()
    env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": "100", "LINES": "32"}
    process = subprocess.Popen(
        [sys.executable, "-m", "tui", "--db", str(tmp_path / "hw.json")],
        cwd=ROOT,
        stdin=secondary,
        stdout=secondary,
        stderr=secondary,
        env=env,
        start_new_session=True,
    )
    os.close(secondary)
    try:
        output = read_until(primary, b"Heartwork", timeout=30)
        assert b"Heartwork" in output
        time.sleep(0.5)
        process.send_signal(signum)
        rest = read_until(primary, b"\x1b[?1049l", timeout=15)
        code = process.wait(timeout=15)
    finally:
        if process.poll() is None:
            process.kill()
        os.close(primary)
    assert code == 0
    assert b"\x1b[?1049l" in rest, "the alternate screen was not left"
    assert b"Traceback" not in rest
