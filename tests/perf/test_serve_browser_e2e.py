"""Issue 20, end to end in a real headless Chromium: open the link, check in, find it saved.

Slow (a browser and an app process), so it lives in tests/perf and runs only
when asked: ``pytest tests/perf/test_serve_browser_e2e.py``. Skipped with the
reason when Playwright, Debian's Chromium or textual-serve is missing.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from serve_browser import HOME_MARKER, ScreenStream, browser_missing, launch_chromium

from serve_helpers import alive, children_of, served

pytestmark = pytest.mark.skipif(browser_missing() is not None, reason=browser_missing() or "")


def saved_checkins(db: Path) -> list[dict[str, object]]:
    try:
        tables = json.loads(db.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    return [record for record in tables.get("checkins", {}).values() if isinstance(record, dict)]


def test_item20_e2e_check_in_from_a_browser_tab_is_saved(tmp_path: Path) -> None:
    from playwright.sync_api import sync_playwright

    db = tmp_path / "heartwork.json"
    with served(db) as server, sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        try:
            page = browser.new_page(viewport={"width": 1200, "height": 800})
            outside: list[str] = []
            page.on("request", lambda request: outside.append(request.url) if "127.0.0.1" not in request.url else None)
            screen = ScreenStream()
            screen.attach(page)
            page.goto(server.url)
            screen.wait_for(page, HOME_MARKER)
            assert "token=" not in page.url  # taken out of the address
            assert not outside  # nothing fetched from anywhere else
            cookies = page.context.cookies()
            assert [(c["httpOnly"], c["sameSite"]) for c in cookies] == [(True, "Strict")]
            page.focus(".xterm-helper-textarea")
            since = screen.mark()
            page.keyboard.press("c")
            screen.wait_for(page, "How are you feeling?", since)
            since = screen.mark()
            page.keyboard.press("7")
            screen.wait_for(page, "Pretty good", since)  # the label for 7: the dialog has it
            page.keyboard.press("Control+s")
            deadline = time.monotonic() + 20
            while not saved_checkins(db) and time.monotonic() < deadline:
                time.sleep(0.1)
            assert [record.get("pleasantness") for record in saved_checkins(db)] == [7]
            apps = children_of(server.process.pid)
            assert len(apps) == 1
        finally:
            browser.close()
    assert not [pid for pid in apps if alive(pid)]


def test_item20_e2e_open_page_from_a_file_keeps_the_strict_cookie(tmp_path: Path) -> None:
    """What --open does: the browser starts from a private file, yet the SameSite=Strict cookie works."""
    from playwright.sync_api import sync_playwright

    from tui.cli.commands.serve import remove_open_page, write_open_page

    with served(tmp_path / "heartwork.json") as server, sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        opened = write_open_page(server.url)
        try:
            page = browser.new_page()
            screen = ScreenStream()
            screen.attach(page)
            page.goto(opened.as_uri())
            screen.wait_for(page, HOME_MARKER)
            assert page.url == f"http://127.0.0.1:{server.port}/"
        finally:
            browser.close()
            remove_open_page(opened.parent)
