"""Item 9.4: Mood opens on a file with out-of-range check-ins; they are set aside and listed in Settings."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.widgets import OptionList, Static

from tui.store.store import Store
from tui.ui.screens.mood.mood import MoodScreen
from tui.ui.screens.settings.settings import SettingsScreen

MakeApp = Callable[..., Any]


def _seed_out_of_range(store: Store) -> None:
    table = store.database.table("checkins")
    table.insert({"id": "fine", "at": "2026-03-02T08:00:00+00:00", "pleasantness": 7})
    for number, value in enumerate((11, 10**18, 0, -5)):
        table.insert({"id": f"odd-{number}", "at": f"2026-03-01T0{number}:00:00+00:00", "pleasantness": value})


async def test_item9_4_mood_opens_and_shows_only_readable_checkins(make_app: MakeApp, store: Store) -> None:
    _seed_out_of_range(store)
    app = make_app("mood")
    async with app.run_test(size=(110, 60)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, MoodScreen), "Mood opens instead of crashing"
        latest = app.screen.query_one(OptionList)
        assert [latest.get_option_at_index(i).id for i in range(latest.option_count)] == ["fine"]
        shown = app.export_screenshot()
        assert "Wonderful" not in shown and "So-so" not in shown, "nothing untrue is shown for 0 or -5"
        notes = [str(n.message) for n in app._notifications if n.severity == "warning"]
        assert any("4 records in your data could not be read" in note for note in notes)
        await pilot.press("comma")
        await pilot.pause()
        assert isinstance(app.screen, SettingsScreen)
        listed = str(app.screen.query_one("#settings-unreadable", Static).render())
        for number in range(4):
            assert f"check-ins, id odd-{number}" in listed
