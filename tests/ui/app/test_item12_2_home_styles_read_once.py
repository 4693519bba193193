"""Issue 12.2: Home's sheet is read before Home is built, and the first theme is applied before the first parse: opening on Home re-parses no style sheet."""

from __future__ import annotations

import pytest
from textual.css.stylesheet import Stylesheet

from tui.ui.screen_styles import STYLES_DIR


async def test_item12_2_opening_on_home_reparses_no_style_sheet(make_app, monkeypatch: pytest.MonkeyPatch) -> None:
    reparses: list[int] = []
    real_reparse = Stylesheet.reparse

    def counted(self: Stylesheet) -> None:
        reparses.append(1)
        real_reparse(self)

    monkeypatch.setattr(Stylesheet, "reparse", counted)
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert app.stylesheet.has_source(str(STYLES_DIR / "home.tcss"))
        assert reparses == []  # Home's sheet adds none, and the theme's went too (test_item12_2_theme_at_start)
