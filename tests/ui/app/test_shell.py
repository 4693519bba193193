"""The app shell: home, help, settings, themes, size limits and crashes."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from layout_checks import footer_key_names
from textual.widgets import OptionList

from tui.core.clock import FakeClock
from tui.store.store import Store
from tui.ui.app import create_app
from tui.ui.screens.help.help import HelpScreen
from tui.ui.screens.home.home import HomeScreen
from tui.ui.screens.settings.settings import SettingsScreen
from tui.ui.screens.shell.too_small import TooSmallScreen


async def test_home_shows_date_and_a_kind_first_run_message(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        date_text = str(app.screen.query_one("#home-date").render())
        assert "Monday, 2 March 2026" in date_text
        summary = str(app.screen.query_one("#home-summary").render())
        assert "Welcome to Heartwork" in summary


async def test_home_summarises_what_today_holds(store: Store, make_app) -> None:
    with store.database.transaction():
        store.database.table("checkins").insert(
            {"id": "a", "at": "2026-03-02T08:00:00+00:00", "pleasantness": 6, "emotions": [], "tags": [], "note": ""}
        )
        store.database.table("checkins").insert(
            {"id": "b", "at": "2026-03-02T09:00:00+00:00", "pleasantness": 8, "emotions": [], "tags": [], "note": ""}
        )
        store.database.table("breathing_sessions").insert(
            {"id": "c", "started_at": "2026-03-02T08:10:00+00:00", "actual_seconds": 150.0}
        )
    app = make_app()
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        summary = str(app.screen.query_one("#home-summary").render())
        assert "2 check-ins, feeling 7.0 of 10 on average" in summary
        assert "2.5 min of breathing (1 session)" in summary


async def test_help_names_every_key_and_crisis_support(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        text = app.screen.query_one("#help-text").source
        for key in ("`h`", "`b`", "`j`", "`a`", "`s`", "`m`", "`c`", "Ctrl+Q", "Ctrl+P"):
            assert key in text
        assert "988" in text and "116 123" in text and "emergency number" in text
        assert "not a replacement" in text
        await pilot.press("escape")
        assert isinstance(app.screen, HomeScreen)


async def test_choosing_a_theme_applies_and_remembers_it(store: Store, make_app) -> None:
    app = make_app()
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.press("comma")
        await pilot.pause()
        assert isinstance(app.screen, SettingsScreen)
        options = app.screen.query_one("#settings-theme", OptionList)
        names = [options.get_option_at_index(i).id for i in range(options.option_count)]
        options.focus()
        options.highlighted = names.index("linen")
        await pilot.press("enter")
        await pilot.pause()
        assert app.theme == "linen"
    assert store.settings.load().theme == "linen"


async def test_settings_switches_save_at_once(store: Store, make_app) -> None:
    app = make_app()
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.press("comma")
        await pilot.pause()
        await pilot.click("#settings-bell")
        await pilot.pause()
        assert store.settings.load().bell is True


async def test_theme_option_wins_for_this_run_without_being_saved(
    store: Store, clock: FakeClock, tmp_path: Path
) -> None:
    app = create_app(store, clock, theme="contrast", themes_dir=tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.theme == "contrast"
    assert store.settings.load().theme == "dusk"


async def test_a_broken_user_theme_is_skipped_with_a_notification(
    store: Store, clock: FakeClock, tmp_path: Path
) -> None:
    (tmp_path / "broken.toml").write_text("name = [unclosed", encoding="utf-8")
    app = create_app(store, clock, themes_dir=tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        messages = [notification.message for notification in app._notifications]
        assert any("broken.toml" in message for message in messages)
        assert app.theme == "dusk"


async def test_a_small_terminal_asks_for_more_room(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(59, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, TooSmallScreen)
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        await pilot.resize_terminal(80, 19)
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, TooSmallScreen)


async def test_a_crash_never_shows_locals_and_names_the_log(make_app, tmp_path: Path, monkeypatch, capsys) -> None:
    import tui.ui.app_safety as app_module  # where the app writes its crash log

    log = tmp_path / "crash.log"
    monkeypatch.setattr(app_module, "crash_log_path", lambda: log)
    monkeypatch.setattr("tui.crash.crash_log_path", lambda: log)
    app = make_app()

    def explode() -> None:
        private_words = "my very private journal sentence"
        raise RuntimeError("boom " + str(len(private_words)))

    with pytest.raises(RuntimeError):
        async with app.run_test(size=(80, 24)) as pilot:
            app.call_later(explode)
            await pilot.pause()
    captured = capsys.readouterr()
    rendered = " ".join((captured.out + captured.err).split())
    assert "my very private journal sentence" not in rendered
    assert str(log) in "".join(rendered.split())  # a long temporary path may be wrapped at the terminal edge
    assert "unexpected error" in rendered
    assert log.exists() and (log.stat().st_mode & 0o777) == 0o600
    assert "my very private journal sentence" not in log.read_text()


def test_home_snapshot(snap_compare, make_app) -> None:
    assert snap_compare(make_app(), terminal_size=(100, 32))


def test_home_snapshot_narrow(snap_compare, make_app) -> None:
    assert snap_compare(make_app(), terminal_size=(60, 20))


async def test_footer_shows_the_screen_keys_and_rebuilds_only_when_they_change(make_app) -> None:
    from tui.ui.widgets.calm_footer import CalmFooter

    app = make_app("mood")
    # Wide enough for every key: narrower footers show fewer, whole keys (issue 10.4, tests/ui/test_footer_fit.py).
    async with app.run_test(size=(200, 32)) as pilot:
        await pilot.pause()
        footer = app.screen.query_one(CalmFooter)
        keys = footer_key_names(app.screen)
        assert {"1", "2", "3", "4", "r", "q", "h", "b", "j", "c"} <= set(keys)
        before = list(footer.children)
        app.screen.refresh_bindings()
        await pilot.pause()
        assert list(footer.children) == before, "same keys: the footer was rebuilt for nothing"
        await pilot.press("h")
        await pilot.pause()
        home_keys = footer_key_names(app.screen)
        assert "r" not in home_keys and "b" in home_keys


async def test_help_lists_the_keys_of_the_screen_it_was_opened_from(make_app) -> None:
    app = make_app("mood")
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        await pilot.press("question_mark")
        await pilot.pause()
        text = app.screen.query_one("#help-text").source
        assert "## Keys" in text.split("## Keys anywhere")[0]
        assert "`1` Week" in text and "`r` Reflect" in text


async def test_changes_from_another_process_appear_on_screen(tmp_path: Path, clock: FakeClock) -> None:
    path = tmp_path / "shared.json"
    mine = Store.open(path)
    app = create_app(mine, clock, themes_dir=tmp_path / "none")
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        assert "Welcome to Heartwork" in str(app.screen.query_one("#home-summary").render())
        other = Store.open(path)  # what `heartwork checkin` in another terminal does
        with other.database.transaction():
            other.database.table("checkins").insert(
                {
                    "id": "x",
                    "at": "2026-03-02T09:00:00+00:00",
                    "pleasantness": 9,
                    "emotions": [],
                    "tags": [],
                    "note": "",
                }
            )
        other.close()
        app._check_external_changes()  # the app polls this every two seconds
        await pilot.pause()
        assert "1 check-in, feeling 9.0 of 10" in str(app.screen.query_one("#home-summary").render())
    mine.close()


async def test_start_up_heap_is_frozen_while_running_and_released_on_exit(make_app: Callable[..., Any]) -> None:
    import gc

    app = make_app("journal")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert gc.get_freeze_count() > 0  # full GC passes skip what start-up built (issue 6)
    assert gc.get_freeze_count() == 0


async def test_collection_paused_by_the_launcher_resumes_after_the_first_frame(make_app: Callable[..., Any]) -> None:
    import gc

    gc.disable()  # what tui.cli.launch does before building the app
    try:
        app = make_app()
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            assert gc.isenabled()
    finally:
        gc.enable()


def test_the_launcher_always_turns_collection_back_on(monkeypatch) -> None:
    import argparse
    import gc

    import tui.cli.launch as launch

    def fails(args: argparse.Namespace) -> int:
        assert not gc.isenabled()
        raise RuntimeError("stopped before the first frame")

    monkeypatch.setattr(launch, "_launch", fails)
    with pytest.raises(RuntimeError):
        launch.launch_app(argparse.Namespace())
    assert gc.isenabled()


async def test_settings_offers_heartworks_own_themes_and_help_skips_textual_defaults(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.press("comma")
        await pilot.pause()
        options = app.screen.query_one("#settings-theme", OptionList)
        names = {options.get_option_at_index(i).id for i in range(options.option_count)}
        assert names == {"contrast", "dusk", "ember", "linen", "moss", "sixteen"}
        await pilot.press("escape", "question_mark")
        await pilot.pause()
        text = app.screen.query_one("#help-text").source
        assert "Focus Next" not in text and "Copy selected text" not in text


# -- issue 10 item 1: Home's sparkline of the last 30 days --------------------------


@pytest.mark.parametrize("size", [(60, 20), (80, 24), (100, 30), (200, 50)], ids=lambda size: f"{size[0]}x{size[1]}")
def test_item10_1_home_sparkline_snapshot(snap_compare, make_app, store: Store, clock: FakeClock, size) -> None:
    from mood_data import add_days_of_checkins

    add_days_of_checkins(store, clock.now(), 40)
    assert snap_compare(make_app(), terminal_size=size)


async def test_item10_1_home_sparkline_is_one_line_and_the_menu_stays_in_view(
    make_app, store: Store, clock: FakeClock
) -> None:
    from mood_data import add_days_of_checkins

    from tui.ui.widgets.day_sparkline import DaySparkline

    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        assert not app.screen.query_one("#home-sparkline").display, "first run: no empty chart"
    add_days_of_checkins(store, clock.now(), 40)
    for size in ((60, 20), (80, 24), (100, 30), (200, 50)):
        app = make_app()
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            line = app.screen.query_one("#home-sparkline", DaySparkline)
            assert line.display and len(line.values) == 30
            drawn = line.render().plain.splitlines()
            assert len(drawn) == 1 == line.size.height and len(drawn[0]) <= line.content_size.width, (size, drawn)
            assert "latest" in drawn[0]
            if size == (100, 30):
                menu = app.screen.query_one("#home-sections")
                assert menu.region.bottom <= size[1] - 1, "the menu is above the footer"
