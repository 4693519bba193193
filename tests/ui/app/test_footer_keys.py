"""The footer's keys drawn by one widget (issue 12.2): the look of Textual's FooterKey widgets, and what they did."""

from __future__ import annotations

import re
from typing import Any

import pytest
from layout_checks import drawn_keys
from textual.app import App, ComposeResult
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

from tui.ui.widgets.calm_footer import RANK_APP, FooterEntry
from tui.ui.widgets.footer_keys import FooterKeys

ENTRIES = (
    FooterEntry("h", "h", "Home", "home", True, "Where you start", RANK_APP),
    FooterEntry("c", "c", "Check in", "checkin", False, "How are you feeling?", RANK_APP),
    FooterEntry("question_mark", "?", "Help", "help", True, "", RANK_APP),
    FooterEntry("x", "x", "", "close", True, "", RANK_APP),
)


class FixedFooter(Footer):
    """A footer with fixed keys (Textual's own builds its keys from the bindings): key widgets or one row."""

    def __init__(self, one_line: bool) -> None:
        super().__init__()
        self.one_line = one_line

    def compose(self) -> ComposeResult:
        if self.one_line:
            yield FooterKeys(ENTRIES)
            return
        for entry in ENTRIES:  # as CalmFooter built them before
            yield FooterKey(
                entry.key, entry.key_display, entry.description, entry.action, disabled=not entry.enabled
            ).data_bind(compact=Footer.compact)

    def bindings_changed(self, screen: Any) -> None:
        return


class KeysApp(App[None]):
    """A footer holding either Textual's key widgets or the one-line row, for the same keys."""

    def __init__(self, one_line: bool) -> None:
        super().__init__()
        self.one_line = one_line
        self.pressed: list[str] = []
        self.bells = 0

    def compose(self) -> ComposeResult:
        yield FixedFooter(self.one_line)

    def on_key(self, event: Any) -> None:
        self.pressed.append(event.key)

    def bell(self) -> None:
        self.bells += 1


@pytest.mark.parametrize("theme", ["textual-dark", "textual-light"])
async def test_item12_2_one_row_looks_exactly_as_the_key_widgets_did(theme: str) -> None:
    shots = []
    for one_line in (False, True):
        app = KeysApp(one_line)
        app.theme = theme
        async with app.run_test(size=(60, 3)) as pilot:
            await pilot.pause()
            assert "Home" in app.export_screenshot()
            # The id rich gives the picture hashes how the text was split into pieces, not what is drawn
            # (the snapshot tests leave it out too).
            shots.append(re.sub(r"terminal-\d+", "terminal", app.export_screenshot()))
    assert shots[0] == shots[1]


async def test_item12_2_a_click_presses_the_key_and_a_disabled_key_rings_the_bell() -> None:
    app = KeysApp(one_line=True)
    async with app.run_test(size=(60, 3)) as pilot:
        await pilot.pause()
        row = app.query_one(FooterKeys)
        spans = dict(zip((entry.key for entry in row.entries), row.spans, strict=True))
        await pilot.click(FooterKeys, offset=(spans["h"][0] + 1, 0))
        await pilot.pause()
        assert app.pressed == ["h"]
        await pilot.click(FooterKeys, offset=(spans["c"][0] + 1, 0))
        await pilot.pause()
        assert app.pressed == ["h"] and app.bells == 1


async def test_item12_2_the_key_under_the_pointer_is_lit_and_says_its_tooltip() -> None:
    app = KeysApp(one_line=True)
    async with app.run_test(size=(60, 3)) as pilot:
        await pilot.pause()
        row = app.query_one(FooterKeys)
        start, _end = row.spans[0]
        plain = row.render()
        await pilot.hover(FooterKeys, offset=(start + 1, 0))
        await pilot.pause()
        assert row.tooltip == "Where you start"
        lit = row.render()
        assert lit.plain == plain.plain
        assert lit.get_style_at_offset(app.console, 1) != plain.get_style_at_offset(app.console, 1)
        assert lit.get_style_at_offset(app.console, row.spans[2][0]) == plain.get_style_at_offset(
            app.console, row.spans[2][0]
        )
        await pilot.hover(FooterKeys, offset=(row.spans[2][0] + 1, 0))
        await pilot.pause()
        assert row.tooltip is None  # "?" has no tooltip of its own here


async def test_item12_2_home_footer_draws_whole_keys_in_one_widget(make_app: Any) -> None:
    app = make_app()
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        footer = app.screen.query_one(Footer)
        assert len(footer.query(FooterKeys)) == 1
        assert [key for key in footer.query(FooterKey) if not key.has_class("-command-palette")] == []
        keys = drawn_keys(footer, app.screen)
        assert [key.key_display for key in keys][:2] == ["?", "h"] or "?" in [key.key_display for key in keys]
        assert all(key.whole for key in keys)
