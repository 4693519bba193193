"""Drive ``heartwork serve`` in headless Chromium (Debian's, through Playwright).

The terminal in the page draws on a canvas, so "drawn" is read from the
WebSocket: the bytes the app sends are collected, and a screen counts as drawn
once its marker has arrived and the page has painted twice more.
"""

from __future__ import annotations

import importlib.util
import re
import shutil
import time
from dataclasses import dataclass, field
from typing import Any

CHROMIUM_PATHS = ("/usr/bin/chromium", "/usr/bin/chromium-browser")
ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]|\x1b[()][A-Za-z0-9]")
HOME_MARKER = "Today is"


def chromium_path() -> str | None:
    for path in CHROMIUM_PATHS:
        if shutil.which(path):
            return path
    return None


def browser_missing() -> str | None:
    """Why the browser tests cannot run here, or None when they can."""
    if importlib.util.find_spec("playwright") is None:
        return "Playwright is not installed (pip install playwright)"
    if chromium_path() is None:
        return "no Chromium at /usr/bin/chromium (apt-get install chromium)"
    if importlib.util.find_spec("textual_serve") is None:
        return "textual-serve is not installed (pip install '.[web]')"
    return None


def launch_chromium(playwright: Any) -> Any:
    return playwright.chromium.launch(
        executable_path=chromium_path(), headless=True, args=["--no-sandbox", "--enable-unsafe-swiftshader"]
    )


@dataclass
class ScreenStream:
    """Everything the app in one tab has sent, as plain text (escape sequences dropped)."""

    chunks: list[str] = field(default_factory=list)

    def attach(self, page: Any) -> None:
        page.on("websocket", lambda socket: socket.on("framereceived", self._received))

    def _received(self, payload: bytes | str) -> None:
        data = payload.decode("utf-8", "replace") if isinstance(payload, bytes) else payload
        self.chunks.append(ANSI.sub("", data))

    def text(self) -> str:
        return "".join(self.chunks)

    def mark(self) -> int:
        return len(self.chunks)

    def wait_for(self, page: Any, marker: str, since: int = 0, seconds: float = 30) -> None:
        """Until ``marker`` has arrived after chunk ``since`` and the page has painted it."""
        deadline = time.monotonic() + seconds
        while marker not in "".join(self.chunks[since:]).replace("\n", ""):
            if time.monotonic() > deadline:
                raise AssertionError(f"{marker!r} never reached the page")
            page.wait_for_timeout(10)
        page.evaluate("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))")
