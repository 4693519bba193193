"""How the passphrase part of Settings and the recovery code dialog look (a fixed code, a fake clock)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.containers import VerticalScroll
from textual.pilot import Pilot

from tui.ui.screens.settings.passphrase_dialog import PassphraseDialog
from tui.ui.screens.settings.recovery_code_dialog import RecoveryCodeDialog

FIXED_CODE = "ABCD-EFGH-JKMN-PQRS-TVWX-YZ23-4567-89AB"


async def _settings_at_passphrase(pilot: Pilot) -> None:
    await pilot.pause()
    await pilot.press("comma")
    await pilot.pause()
    pilot.app.screen.query_one("#settings-sheet", VerticalScroll).scroll_end(animate=False)
    await pilot.pause()


async def _recovery_code(pilot: Pilot) -> None:
    await pilot.pause()
    pilot.app.push_screen(RecoveryCodeDialog(FIXED_CODE))
    await pilot.pause()


async def _turn_on_dialog(pilot: Pilot) -> None:
    await pilot.pause()
    pilot.app.push_screen(PassphraseDialog("on"))
    await pilot.pause()
    for field in pilot.app.screen.query("Input"):
        field.cursor_blink = False  # type: ignore[attr-defined]
    await pilot.pause()


def test_item18_settings_passphrase_section_snapshot(snap_compare: Any, make_app: Callable[..., Any]) -> None:
    assert snap_compare(make_app(), terminal_size=(100, 40), run_before=_settings_at_passphrase)


def test_item18_recovery_code_dialog_snapshot(snap_compare: Any, make_app: Callable[..., Any]) -> None:
    assert snap_compare(make_app(), terminal_size=(100, 32), run_before=_recovery_code)


def test_item18_turn_on_dialog_snapshot(snap_compare: Any, make_app: Callable[..., Any]) -> None:
    assert snap_compare(make_app(), terminal_size=(100, 32), run_before=_turn_on_dialog)
