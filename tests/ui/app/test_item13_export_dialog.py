"""Issue 13 in the app: the export dialog from the palette and Settings, private files, never overwriting unasked."""

from __future__ import annotations

import stat
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

import orjson
from textual.widgets import Button, Input, RadioButton

from tui.core.checkin import Checkin
from tui.core.clock import FakeClock
from tui.store.checkin_repository import CheckinRepository
from tui.store.store import Store
from tui.ui.dialogs.confirm import ConfirmScreen
from tui.ui.screens.settings.export_dialog import ExportDialog
from tui.ui.screens.settings.settings import SettingsScreen


async def _wait_for_export(pilot: Any, path: Path) -> None:
    for _ in range(50):
        await pilot.pause(0.05)
        if path.exists() and not isinstance(pilot.app.screen, ExportDialog):
            return


async def test_item13_export_dialog_from_settings_writes_a_private_json_backup(
    make_app: Callable[..., Any], store: Store, clock: FakeClock, tmp_path: Path
) -> None:
    store.repo(CheckinRepository).add(Checkin(at=datetime(2026, 3, 1, 9).astimezone(), pleasantness=7, note="שלום 😊"))
    app = make_app()
    out = tmp_path / "backup.json"
    async with app.run_test(size=(100, 32)) as pilot:
        app.action_settings()
        await pilot.pause()
        assert isinstance(app.screen, SettingsScreen)
        app.screen.query_one("#settings-export", Button).press()
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ExportDialog)
        assert dialog.query_one("#export-path", Input).value.endswith("heartwork-export-2026-03-02.json")
        dialog.query_one("#export-path", Input).value = str(out)
        dialog.query_one("#export-go", Button).press()
        await _wait_for_export(pilot, out)
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    export = orjson.loads(out.read_bytes())
    assert export["format"] == "heartwork-export" and export["tables"]["checkins"][0]["note"] == "שלום 😊"


async def test_item13_export_dialog_csv_from_the_palette_action_and_asks_before_replacing(
    make_app: Callable[..., Any], store: Store, clock: FakeClock, tmp_path: Path
) -> None:
    store.repo(CheckinRepository).add(Checkin(at=datetime(2026, 3, 1, 9).astimezone(), pleasantness=4))
    out = tmp_path / "mood.csv"
    out.write_text("keep me", encoding="utf-8")
    app = make_app()
    async with app.run_test(size=(100, 32)) as pilot:
        assert any(command.title == "Export my data" for command in app.get_system_commands(app.screen))
        app.action_export()
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ExportDialog)
        dialog.query_one("#export-csv", RadioButton).value = True
        await pilot.pause()
        assert dialog.query_one("#export-path", Input).value.endswith(".csv")
        dialog.query_one("#export-path", Input).value = str(out)
        dialog.query_one("#export-go", Button).press()
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        clock.advance(1)
        await pilot.press("escape")  # the safe answer: keep the file
        await pilot.pause()
        assert out.read_text(encoding="utf-8") == "keep me"
        assert app.screen is dialog
        dialog.query_one("#export-go", Button).press()
        await pilot.pause()
        clock.advance(1)
        await pilot.press("tab", "enter")  # deliberately: move to "Replace", then Enter
        await _wait_for_export(pilot, out)
    assert out.read_text(encoding="utf-8").splitlines()[0] == "id,at,pleasantness,energy,emotions,tags,note"
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
