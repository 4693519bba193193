"""Snapshots at 80x24: Affirm, Self-care, the questionnaire screen and MoodExtras (seeded, fake clock)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from extras_support import ExtrasHostScreen, seed_extras
from textual.pilot import Pilot

from tui.store.affirmation_repository import AffirmationRepository
from tui.store.store import Store

SIZE = (80, 24)


def test_affirm_snapshot(snap_compare: Any, make_app: Callable[..., Any], store: Store, clock: Any) -> None:
    store.repo(AffirmationRepository).add_own("I can go slowly and still arrive.", "rest", "own", at=clock.now())
    assert snap_compare(make_app("affirm"), terminal_size=SIZE, press=["right", "t", "t"])


def test_selfcare_snapshot(snap_compare: Any, make_app: Callable[..., Any]) -> None:
    assert snap_compare(make_app("selfcare"), terminal_size=SIZE, press=["space", "down", "down", "space"])


def test_questionnaire_snapshot(snap_compare: Any, make_app: Callable[..., Any], tmp_path: Path) -> None:
    async def open_questionnaire(pilot: Pilot[Any]) -> None:
        await pilot.app.push_screen(ExtrasHostScreen(tmp_path))
        await pilot.pause()
        await pilot.press("q", "4")
        await pilot.pause()

    assert snap_compare(make_app(), terminal_size=SIZE, run_before=open_questionnaire)


def test_mood_extras_snapshot(
    snap_compare: Any, make_app: Callable[..., Any], store: Store, clock: Any, tmp_path: Path
) -> None:
    seed_extras(store, clock.now())

    async def show_extras(pilot: Pilot[Any]) -> None:
        await pilot.app.push_screen(ExtrasHostScreen(tmp_path))
        await pilot.pause()

    assert snap_compare(make_app(), terminal_size=SIZE, run_before=show_extras)


def test_mood_extras_first_run_snapshot(snap_compare: Any, make_app: Callable[..., Any], tmp_path: Path) -> None:
    async def show_extras(pilot: Pilot[Any]) -> None:
        await pilot.app.push_screen(ExtrasHostScreen(tmp_path))
        await pilot.pause()

    assert snap_compare(make_app(), terminal_size=SIZE, run_before=show_extras)
