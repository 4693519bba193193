"""The "more room, please" screen is imported only once a terminal is too small (issue 12.2: not before the first frame)."""

from __future__ import annotations

import subprocess
import sys
import textwrap

SCRIPT = textwrap.dedent(
    """
    import asyncio, datetime as dt, sys
    from pathlib import Path
    from tui.core.clock import FakeClock
    from tui.store.store import Store
    from tui.ui.app import create_app

    NAME = "tui.ui.screens.shell.too_small"

    async def main():
        clock = FakeClock(dt.datetime(2026, 3, 2, 9, 30, tzinfo=dt.timezone.utc))
        app = create_app(Store.in_memory(), clock, themes_dir=Path(sys.argv[1]))
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            print("at start:", NAME in sys.modules)
            await pilot.resize_terminal(80, 19)
            await pilot.pause()
            await pilot.pause()
            print("too small:", type(app.screen).__name__)
            await pilot.resize_terminal(80, 24)
            await pilot.pause()
            await pilot.pause()
            print("room again:", type(app.screen).__name__)

    asyncio.run(main())
    """
)


def test_item12_2_too_small_screen_is_imported_only_when_a_terminal_is_too_small(tmp_path) -> None:
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(tmp_path / "no-user-themes")],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == ["at start: False", "too small: TooSmallScreen", "room again: HomeScreen"]
