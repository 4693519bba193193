"""Issue 17 item 5 in the app: "Session report" from the palette writes a private report, asks before replacing."""

from __future__ import annotations

import stat
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from textual.widgets import Button, Checkbox, Input, RadioButton, Static

from tui.core.checkin import Checkin
from tui.core.clock import FakeClock
from tui.store.checkin_repository import CheckinRepository
from tui.store.store import Store
from tui.ui.dialogs.confirm import ConfirmScreen
from tui.ui.screens.report import ReportDialog


async def _wait_for_report(pilot: Any, path: Path) -> None:
    for _ in range(50):
        await pilot.pause(0.05)
        if path.exists() and not isinstance(pilot.app.screen, ReportDialog):
            return


def _open_from_palette(app: Any) -> None:
    command = next(c for c in app.get_system_commands(app.screen) if c.title == "Session report")
    command.callback()


async def test_item17_5_report_dialog_writes_a_private_html_report(
    make_app: Callable[..., Any], store: Store, clock: FakeClock, tmp_path: Path
) -> None:
    store.repo(CheckinRepository).add(Checkin(at=datetime(2026, 3, 1, 9).astimezone(), pleasantness=7))
    app = make_app()
    out = tmp_path / "session.html"
    async with app.run_test(size=(100, 32)) as pilot:
        _open_from_palette(app)
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ReportDialog)
        assert dialog.query_one("#report-from", Input).value == "2026-02-17"
        assert dialog.query_one("#report-to", Input).value == "2026-03-02"
        assert dialog.query_one("#report-path", Input).value.endswith("heartwork-report-2026-03-02.html")
        dialog.query_one("#report-path", Input).value = str(out)
        dialog.query_one("#report-go", Button).press()
        await _wait_for_report(pilot, out)
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    page = out.read_text(encoding="utf-8")
    assert "2026-02-17 to 2026-03-02" in page and "<svg" in page and "<script" not in page


async def test_item17_5_report_dialog_markdown_bad_date_and_keeps_an_existing_file(
    make_app: Callable[..., Any], store: Store, clock: FakeClock, tmp_path: Path
) -> None:
    out = tmp_path / "session.md"
    out.write_text("keep me", encoding="utf-8")
    app = make_app()
    async with app.run_test(size=(100, 32)) as pilot:
        _open_from_palette(app)
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ReportDialog)
        dialog.query_one("#report-md", RadioButton).value = True
        await pilot.pause()
        assert dialog.query_one("#report-path", Input).value.endswith(".md")
        dialog.query_one("#report-journal", Checkbox).value = True
        dialog.query_one("#report-path", Input).value = str(out)
        dialog.query_one("#report-from", Input).value = "2026-02-30"
        dialog.query_one("#report-go", Button).press()
        await pilot.pause()
        assert app.screen is dialog
        assert "2026-02-30" in str(dialog.query_one("#report-message", Static).render())
        dialog.query_one("#report-from", Input).value = "2026-02-20"
        dialog.query_one("#report-go", Button).press()
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        clock.advance(1)
        await pilot.press("escape")  # the safe answer: keep the file
        await pilot.pause()
        assert out.read_text(encoding="utf-8") == "keep me"
        dialog.query_one("#report-go", Button).press()
        await pilot.pause()
        clock.advance(1)
        await pilot.press("tab", "enter")  # deliberately: move to "Replace", then Enter
        await _wait_for_report(pilot, out)
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# Heartwork session report: 2026-02-20 to 2026-03-02")
    assert "## Journal" in text
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
