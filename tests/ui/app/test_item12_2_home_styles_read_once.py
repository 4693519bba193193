"""Issue 12.2: Home's sheet is read before Home is built, so opening on Home re-parses the style sheets once (for the theme), not twice."""

from __future__ import annotations

import pytest
from textual.css.stylesheet import Stylesheet

from tui.ui.screen_styles import STYLES_DIR


async def test_item12_2_opening_on_home_reparses_the_style_sheets_once(
    make_app, monkeypatch: pytest.MonkeyPatch
) -> None:
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
        assert len(reparses) == 1  # the theme's; Home's sheet no longer adds one
