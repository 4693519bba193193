"""Run the real ``heartwork`` in a pseudo-terminal, type into it and read what it draws.

Shared by the tests that need a real process (signals, drafts kept at SIGTERM).
The app blocks if nobody reads its output, so every wait keeps reading.
"""

from __future__ import annotations

import fcntl
import os
import select
import struct
import subprocess
import sys
import termios
import time
from pathlib import Path
from types import TracebackType

REPO_ROOT = Path(__file__).resolve().parents[2]


class AppInPty:
    """``python -m tui ARGS`` in an 80x24 (by default) pseudo-terminal."""

    def __init__(self, *args: str, columns: int = 80, rows: int = 24) -> None:
        self.output = b""
        self._controller, terminal = os.openpty()
        fcntl.ioctl(terminal, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
        env = {**os.environ, "TERM": "xterm-256color", "TEXTUAL_ANIMATIONS": "none"}
        env.update(COLUMNS=str(columns), LINES=str(rows))  # the app sizes itself from these first
        self.process = subprocess.Popen(
            [sys.executable, "-m", "tui", *args],
            cwd=REPO_ROOT,
            stdin=terminal,
            stdout=terminal,
            stderr=terminal,
            env=env,
            start_new_session=True,
        )
        os.close(terminal)

    def read_for(self, seconds: float) -> bytes:
        """Everything drawn in the next ``seconds`` (also appended to ``output``)."""
        collected = b""
        deadline = time.monotonic() + seconds
        while (left := deadline - time.monotonic()) > 0:
            ready, _, _ = select.select([self._controller], [], [], left)
            if ready:
                try:
                    chunk = os.read(self._controller, 65536)
                except OSError:
                    break
                if not chunk:
                    break
                collected += chunk
        self.output += collected
        return collected

    def read_until(self, marker: bytes, timeout: float) -> bool:
        """Keep reading until ``marker`` has been drawn; False if it never was."""
        deadline = time.monotonic() + timeout
        start = len(self.output)
        while marker not in self.output[start:] and time.monotonic() < deadline:
            self.read_for(0.1)
        return marker in self.output[start:]

    def type(self, text: str) -> None:
        os.write(self._controller, text.encode())

    def send_signal(self, signum: int) -> None:
        self.process.send_signal(signum)

    def wait(self, timeout: float) -> int | None:
        """The exit code once the process ends (reading meanwhile), or None after ``timeout``."""
        deadline = time.monotonic() + timeout
        while self.process.poll() is None and time.monotonic() < deadline:
            self.read_for(0.1)
        self.read_for(0.05)
        return self.process.poll()

    def __enter__(self) -> AppInPty:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        os.close(self._controller)
