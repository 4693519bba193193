"""Time from opening the link to Home drawn in headless Chromium, against the terminal's first frame.

Run by hand:  python tests/perf/bench_serve.py [--runs 5]
Both use the installed ``heartwork`` beside this Python (the venv's), on the
same empty database, interleaved run by run: the terminal in tmux (until
"Today is" is on screen, as bench_startup.py), the browser through a running
``heartwork serve`` (from ``page.goto`` until Home's bytes reached the page and
it painted), and the same tab's WebSocket without a browser (the server and
the app alone). Prints medians and the ratios; not a timed test.
"""

from __future__ import annotations

import argparse
import concurrent.futures
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench_startup import ROOT, first_frame, tmux
from serve_browser import HOME_MARKER, ScreenStream, browser_missing, launch_chromium

from serve_helpers import alive, children_of, served


def installed_heartwork() -> str:
    script = Path(sys.executable).parent / "heartwork"
    if not script.exists():
        sys.exit(f"no installed heartwork beside {sys.executable} (pip install '.[web]')")
    return str(script)


def browser_home(context: object, url: str, server_pid: int) -> float:
    """Seconds from opening ``url`` in a new tab until Home is drawn; the tab's app is ended after."""
    page = context.new_page()  # type: ignore[attr-defined]
    screen = ScreenStream()
    screen.attach(page)
    started = time.perf_counter()
    page.goto(url)
    screen.wait_for(page, HOME_MARKER)
    elapsed = time.perf_counter() - started
    page.close()
    deadline = time.monotonic() + 15
    while any(alive(pid) for pid in children_of(server_pid)) and time.monotonic() < deadline:
        time.sleep(0.05)
    return elapsed


def websocket_home(port: int, cookie: str, server_pid: int) -> float:
    """The same without a browser: seconds from opening the WebSocket until Home's bytes arrive."""
    import asyncio

    import aiohttp

    async def measure() -> float:
        origin = f"http://127.0.0.1:{port}"
        async with aiohttp.ClientSession() as session:
            started = time.perf_counter()
            socket = await session.ws_connect(
                f"{origin}/ws?width=150&height=40", headers={"Origin": origin, "Cookie": cookie}
            )
            received = ""
            while HOME_MARKER not in ScreenStream(chunks=[received]).text():
                message = await socket.receive(timeout=30)
                if message.type == aiohttp.WSMsgType.BINARY:
                    received += message.data.decode("utf-8", "replace")
            elapsed = time.perf_counter() - started
            await socket.close()
            return elapsed

    with concurrent.futures.ThreadPoolExecutor(1) as thread:  # Playwright's sync API owns this thread's loop
        elapsed = thread.submit(asyncio.run, measure()).result()
    deadline = time.monotonic() + 15
    while any(alive(pid) for pid in children_of(server_pid)) and time.monotonic() < deadline:
        time.sleep(0.05)
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    missing = browser_missing()
    if missing:
        sys.exit(missing)
    from playwright.sync_api import sync_playwright

    heartwork = installed_heartwork()
    folder = Path(tempfile.mkdtemp())
    db = folder / "heartwork.json"
    keeper = f"bench-keeper-{os.getpid()}"
    tmux("new-session", "-d", "-s", keeper, "sleep 600")
    terminal: list[float] = []
    browser_times: list[float] = []
    socket_times: list[float] = []
    try:
        first_frame(f"{heartwork} --db {db}", HOME_MARKER, ROOT)  # warm up: bytecode, disk cache, the database
        with served(db, command=[heartwork, "--db", str(db), "serve"]) as server, sync_playwright() as playwright:
            browser = launch_chromium(playwright)
            context = browser.new_context(viewport={"width": 1200, "height": 800})
            first = browser_home(context, server.url, server.process.pid)  # uses the token; later tabs have the cookie
            print(f"first tab (token exchange, cold browser): {first * 1000:.0f} ms")
            cookie = "; ".join(f"{c['name']}={c['value']}" for c in context.cookies())
            for _run in range(args.runs):
                terminal.append(first_frame(f"{heartwork} --db {db}", HOME_MARKER, ROOT)[0])
                browser_times.append(browser_home(context, f"http://127.0.0.1:{server.port}/", server.process.pid))
                socket_times.append(websocket_home(server.port, cookie, server.process.pid))
            browser.close()
    finally:
        tmux("kill-session", "-t", keeper)
    tt, bt = statistics.median(terminal), statistics.median(browser_times)
    print(f"terminal first frame (tmux): median {tt * 1000:.0f} ms  runs {[round(t * 1000) for t in terminal]}")
    print(f"browser Home drawn (Chromium): median {bt * 1000:.0f} ms  runs {[round(t * 1000) for t in browser_times]}")
    st = statistics.median(socket_times)
    print(
        f"WebSocket, no browser (server + app): median {st * 1000:.0f} ms  runs {[round(t * 1000) for t in socket_times]}"
    )
    print(f"ratio browser / terminal: {bt / tt:.2f}x   (server + app alone / terminal: {st / tt:.2f}x)")


if __name__ == "__main__":
    main()
