"""Issue 17 item 5: the HTML session report opened in a real headless Chromium, its text content checked.

Uses Debian's chromium (``--headless --dump-dom``: the page as the browser
built it, after parsing and styling) with no network: the report needs none.
Skipped with the reason when no Chromium is installed. Run it with
``pytest tests/perf/test_item17_5_report_browser.py``.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from html import unescape
from pathlib import Path

import pytest

from tui.cli.main import main
from tui.store.database import Database

CHROMIUM = next((found for name in ("chromium", "chromium-browser") if (found := shutil.which(name))), None)

pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="no Chromium installed (apt-get install chromium)")


def _dom(page: Path, profile: Path) -> str:
    assert CHROMIUM is not None
    done = subprocess.run(
        [
            CHROMIUM,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            f"--user-data-dir={profile}",
            "--dump-dom",
            page.as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return done.stdout


def test_item17_5_html_report_in_a_real_browser(tmp_path: Path) -> None:
    db = tmp_path / "heartwork.json"
    database = Database.open(db)
    database.table("checkins").save_records(
        [
            {"id": "c1", "at": "2026-03-02T09:30:00+01:00", "pleasantness": 6},
            {"id": "c2", "at": "2026-03-04T19:30:00+01:00", "pleasantness": 8},
        ]
    )
    database.table("journal_entries").save_records(
        [
            {
                "id": "j1",
                "created_at": "2026-03-03T10:00:00+01:00",
                "updated_at": "2026-03-03T10:00:00+01:00",
                "entry_date": "2026-03-03",
                "title": "<script>document.title='owned'</script>",
                "body": "Dear me,\n<b>not bold</b>",
            }
        ]
    )
    database.close()
    page = tmp_path / "report.html"
    args = ["report", "--db", str(db), "--from", "2026-03-01", "--to", "2026-03-05", "--format", "html"]
    assert main([*args, "--include-journal", "--out", str(page)]) == 0

    dom = _dom(page, tmp_path / "profile")
    assert "<script" not in dom.lower()  # the stored script stayed text, so the browser built no element
    assert "<svg" in dom and 'class="bar"' in dom
    assert "<title>Heartwork session report: 2026-03-01 to 2026-03-05</title>" in dom
    text = unescape(re.sub(r"<style>.*?</style>|<[^>]+>", " ", dom, flags=re.S))
    words = " ".join(text.split())
    assert "Heartwork session report: 2026-03-01 to 2026-03-05" in words
    assert "Average 7 out of 10, from 6 to 8, on 2 of 5 days." in words
    assert "No homework plan recorded." in words
    assert "<script>document.title='owned'</script>" in words
    assert "<b>not bold</b>" in words
