"""Start ``heartwork serve`` in a subprocess and talk to it as a browser (or a stranger) would."""

from __future__ import annotations

import base64
import http.client
import os
import re
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

URL_PATTERN = re.compile(r"http://127\.0\.0\.1:(\d+)/\?token=([A-Za-z0-9_-]+)")


@dataclass
class Served:
    process: subprocess.Popen[str]
    port: int
    token: str

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/?token={self.token}"

    def ctrl_c(self) -> None:
        """What Ctrl+C in its terminal does: SIGINT to the whole foreground process group."""
        os.killpg(self.process.pid, signal.SIGINT)

    def get(self, path: str, headers: dict[str, str] | None = None) -> tuple[int, dict[str, str], str]:
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
        try:
            connection.request("GET", path, headers=headers or {})
            response = connection.getresponse()
            return response.status, {k.lower(): v for k, v in response.getheaders()}, response.read().decode()
        finally:
            connection.close()

    def sign_in(self) -> str:
        """Exchange the token for the session cookie; return the Cookie header to send."""
        status, headers, _ = self.get(f"/?token={self.token}")
        assert status == 200, status
        return headers["set-cookie"].split(";", 1)[0]

    def websocket_status(
        self, cookie: str | None, origin: str | None, host: str | None = None
    ) -> tuple[int, socket.socket]:
        """Open /ws by hand; the HTTP status of the handshake and the socket (still open)."""
        key = base64.b64encode(os.urandom(16)).decode()
        lines = [
            "GET /ws?width=100&height=32 HTTP/1.1",
            f"Host: {host or f'127.0.0.1:{self.port}'}",
            "Upgrade: websocket",
            "Connection: Upgrade",
            f"Sec-WebSocket-Key: {key}",
            "Sec-WebSocket-Version: 13",
        ]
        if origin is not None:
            lines.append(f"Origin: {origin}")
        if cookie is not None:
            lines.append(f"Cookie: {cookie}")
        sock = socket.create_connection(("127.0.0.1", self.port), timeout=10)
        sock.sendall(("\r\n".join(lines) + "\r\n\r\n").encode())
        status_line = sock.recv(4096).split(b"\r\n", 1)[0].decode()
        return int(status_line.split()[1]), sock


def children_of(pid: int) -> list[int]:
    """Processes whose parent is ``pid`` (from /proc)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
            found.append(int(entry.name))
    return found


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def serve_command(db: Path, *extra: str) -> list[str]:
    return [sys.executable, "-m", "tui", "--db", str(db), "serve", *extra]


@contextmanager
def served(
    db: Path, *extra: str, command: list[str] | None = None, env: dict[str, str] | None = None
) -> Iterator[Served]:
    """A running ``heartwork serve``; stopped with Ctrl+C (SIGINT) at the end."""
    env = {**os.environ, "TEXTUAL_ANIMATIONS": "none", **(env or {})}
    process = subprocess.Popen(
        command or serve_command(db, *extra),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        start_new_session=True,  # its own process group, as in a terminal of its own (see ctrl_c)
    )
    try:
        assert process.stdout is not None
        deadline = time.monotonic() + 30
        match = None
        while match is None and time.monotonic() < deadline:
            line = process.stdout.readline()
            if not line:
                break
            match = URL_PATTERN.search(line)
        assert match is not None, process.stderr.read() if process.stderr else "no URL printed"
        yield Served(process, int(match.group(1)), match.group(2))
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGINT)
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
