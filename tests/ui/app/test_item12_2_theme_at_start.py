"""Issue 12.2: the theme asked for is applied before the first parse, and looks exactly as setting it later does."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.app import App
from textual.widgets import Header

from tui.core.clock import FakeClock
from tui.core.settings import Settings
from tui.store.store import Store
from tui.ui.app import HeartworkApp, create_app


def styled(app: HeartworkApp) -> tuple[object, ...]:
    """What the theme decides on Home: the app's theme classes, its CSS variables and some widgets' colours."""
    header = app.screen.query_one(Header)
    theme_classes = sorted(name for name in app.classes if name.startswith("-theme-") or name.endswith("-mode"))
    return (
        theme_classes,
        app.stylesheet._variables,
        app.screen.styles.background,
        header.styles.background,
        header.styles.color,
    )


@pytest.mark.parametrize("theme", ["linen", "dusk"])
async def test_item12_2_the_theme_at_start_looks_as_setting_it_later_does(
    theme: str, clock: FakeClock, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    no_user_themes = tmp_path / "none"
    refreshes: list[int] = []
    real_refresh = App.refresh_css

    def counted(self: App[object], animate: bool = True) -> None:
        refreshes.append(1)
        real_refresh(self, animate)

    monkeypatch.setattr(App, "refresh_css", counted)
    started = create_app(Store.in_memory(), clock, Settings(theme=theme), themes_dir=no_user_themes)
    assert started.theme == theme  # before it runs, as Settings and the palette read it
    async with started.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        at_start = styled(started)
        # Setting the theme re-parses and restyles everything; applied before the start it needs neither.
        assert refreshes == []

    other = "dusk" if theme == "linen" else "linen"
    switched = create_app(Store.in_memory(), clock, Settings(theme=other), themes_dir=no_user_themes)
    async with switched.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        switched.theme = theme
        await pilot.pause()
        assert styled(switched) == at_start
    assert refreshes  # the counter sees the usual path
