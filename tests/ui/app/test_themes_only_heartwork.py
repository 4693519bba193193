"""The palette's theme picker, Settings and `heartwork themes` offer only Heartwork's own themes."""

from __future__ import annotations

from pathlib import Path

from textual.command import CommandList
from textual.widgets import OptionList


async def test_item10_6_palette_theme_picker_lists_only_heartwork_themes_and_settings_highlights_the_pick(
    make_app, store
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert sorted(app.available_themes) == sorted(app.heartwork_themes)
        app.action_change_theme()
        await pilot.pause(0.5)
        options = app.screen.query_one(CommandList)
        offered = sorted(str(options.get_option_at_index(i).prompt) for i in range(options.option_count))
        assert offered == sorted(app.heartwork_themes)
        assert not any(name.startswith("textual") or name in ("nord", "gruvbox", "dracula") for name in offered)

        picked = next(name for name in sorted(app.heartwork_themes) if name != app.theme)
        index = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)].index(picked)
        options.highlighted = index
        await pilot.press("enter")
        await pilot.pause()
        assert app.theme == picked
        assert store.settings.load().theme == picked

        await pilot.press("comma")
        await pilot.pause()
        listed = app.screen.query_one("#settings-theme", OptionList)
        highlighted = listed.get_option_at_index(listed.highlighted).id  # type: ignore[arg-type]
        assert highlighted == picked


async def test_item10_6_a_saved_textual_theme_falls_back_to_heartworks_default(store, clock, tmp_path: Path) -> None:
    from tui.ui.app import create_app

    store.settings.save(store.settings.load().with_changes(theme="nord"))
    app = create_app(store, clock, themes_dir=tmp_path / "none")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert app.theme in app.heartwork_themes
