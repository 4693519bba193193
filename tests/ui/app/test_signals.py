"""SIGTERM and SIGHUP end a real running app cleanly and give the terminal back."""

from __future__ import annotations

import signal
from pathlib import Path

import pytest
from pty_app import AppInPty


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP])
def test_signal_exits_cleanly_and_restores_the_terminal(tmp_path: Path, signum: int) -> None:
    with AppInPty("--db", str(tmp_path / "hw.json"), columns=100, rows=32) as app:
        assert app.read_until(b"Heartwork", timeout=30)
        app.read_for(0.5)
        drawn_before = len(app.output)
        app.send_signal(signum)
        code = app.wait(timeout=15)
        rest = app.output[drawn_before:]
    assert code == 0
    assert b"\x1b[?1049l" in rest, "the alternate screen was not left"
    assert b"Traceback" not in rest
