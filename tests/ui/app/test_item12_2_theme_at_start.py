"""Issue 12.2: the first theme is applied before the first parse, with no restyle, and looks exactly as setting it later does.

"Looks" is compared widget by widget (classes, computed and inherited colours,
the style each one drew with) and as the exported screen, on Home and on
screens opened later, so a widget drawn with a stale style shows up here.
"""

from __future__ import annotations

import re
import threading
from pathlib import Path
from typing import Any

import pytest
from textual.app import App
from textual.css.stylesheet import Stylesheet
from textual.widget import Widget

from tui.core.clock import FakeClock
from tui.core.settings import Settings
from tui.store.store import Store
from tui.ui.app import HeartworkApp, Launch, create_app

SIZE = (100, 30)


def screen_looks(app: HeartworkApp) -> list[object]:
    """Every widget on the screen with what styles it, and the screen as exported (its unique id taken out)."""
    widgets: list[object] = [
        (
            type(node).__name__,
            node.id,
            sorted(node.classes),
            str(node.styles.color),
            str(node.styles.background),
            str(node.visual_style.rich_style),
            str(node.rich_style),
        )
        for node in app.screen.walk_children(with_self=True)
        if isinstance(node, Widget)
    ]
    exported = re.sub(r"terminal-\d+", "terminal", app.export_screenshot())
    return [*widgets, exported]


def app_looks(app: HeartworkApp) -> tuple[object, ...]:
    """What the theme decides for the whole app: its classes, the CSS variables and the ANSI filter's palette."""
    filters = [(type(f).__name__, getattr(f, "_terminal_theme", None)) for f in app._filters]
    return (
        app.theme,
        sorted(app.classes),
        dict(app.stylesheet._variables),
        dict(app.theme_variables),
        repr(filters),
    )


async def settled(pilot: Any) -> None:
    """Past the first frames and Home's second fit (a 0.1 s timer), so both apps are compared at rest."""
    await pilot.pause()
    await pilot.pause(0.15)
    await pilot.pause()


async def looks_through(app: HeartworkApp, pilot: Any, sections: tuple[str, ...]) -> list[object]:
    """The app and each section's screen, opened one after the other."""
    seen: list[object] = [app_looks(app), screen_looks(app)]
    for section in sections:
        await app.switch_mode(section)
        await settled(pilot)
        seen.append(screen_looks(app))
    return seen


class Counted:
    """Counts the full CSS refreshes and re-parses, and how many had run by the first frame."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.refreshes = 0
        self.reparses = 0
        self.by_first_frame: tuple[int, int] | None = None
        self.themes_heard: list[str] = []
        real_refresh, real_reparse, real_display = App.refresh_css, Stylesheet.reparse, App._display
        real_remember = HeartworkApp._remember_theme

        def refresh_css(app: App[object], animate: bool = True) -> None:
            self.refreshes += 1
            real_refresh(app, animate)

        def reparse(stylesheet: Stylesheet) -> None:
            self.reparses += 1
            real_reparse(stylesheet)

        def display(app: App[object], screen: Any, renderable: Any) -> None:
            if renderable is not None and self.by_first_frame is None:
                self.by_first_frame = (self.refreshes, self.reparses)
            real_display(app, screen, renderable)

        def remember(app: HeartworkApp, theme: Any) -> None:
            self.themes_heard.append(theme.name)
            real_remember(app, theme)

        monkeypatch.setattr(App, "refresh_css", refresh_css)
        monkeypatch.setattr(Stylesheet, "reparse", reparse)
        monkeypatch.setattr(App, "_display", display)
        monkeypatch.setattr(HeartworkApp, "_remember_theme", remember)


@pytest.mark.parametrize(
    ("theme", "start", "later"),
    [
        ("linen", "home", ("selfcare", "homework")),
        ("moss", "selfcare", ("home",)),
        ("linen", "homework", ("journal",)),
    ],
)
async def test_item12_2_the_theme_at_start_looks_as_setting_it_later_does(
    theme: str,
    start: str,
    later: tuple[str, ...],
    clock: FakeClock,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    no_user_themes = tmp_path / "none"
    counted = Counted(monkeypatch)

    started = create_app(
        Store.in_memory(), clock, Settings(theme=theme), launch=Launch(section=start), themes_dir=no_user_themes
    )
    assert started.theme == theme  # before it runs, as Settings and the palette read it
    async with started.run_test(size=SIZE) as pilot:
        await settled(pilot)
        at_start = await looks_through(started, pilot, later)
    # Applied before the start, the theme needs no re-parse nor restyle: not by the first frame, not later.
    assert counted.by_first_frame == (0, 0)
    assert (counted.refreshes, counted.reparses) == (0, 0)
    assert counted.themes_heard == []  # as before: the theme at start is no change to remember

    other = "dusk" if theme != "dusk" else "linen"
    switched = create_app(
        Store.in_memory(), clock, Settings(theme=other), launch=Launch(section=start), themes_dir=no_user_themes
    )
    async with switched.run_test(size=SIZE) as pilot:
        await pilot.pause()
        switched.theme = theme
        await settled(pilot)
        set_later = await looks_through(switched, pilot, later)
    assert counted.refreshes > 0  # the counter sees the usual path
    assert counted.themes_heard == [theme]
    assert len(set_later) == len(at_start)
    for seen_later, seen_at_start in zip(set_later, at_start, strict=True):
        assert seen_at_start == seen_later


def test_item12_2_an_unregistered_theme_is_refused_before_start(clock: FakeClock, tmp_path: Path) -> None:
    from tui.ui.textual_theme import apply_theme_before_start

    app = create_app(Store.in_memory(), clock, Settings(), themes_dir=tmp_path / "none")
    with pytest.raises(ValueError, match="not registered"):
        apply_theme_before_start(app, "no-such-theme")
    assert app.theme == Settings().theme


@pytest.mark.parametrize(("theme", "section"), [("linen", "journal"), ("dusk", "selfcare"), ("moss", "home")])
async def test_item12_2_opening_while_the_data_loads_looks_as_setting_the_theme_later_does(
    theme: str, section: str, clock: FakeClock, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Opened with a stand-in while the data loads, then the section itself: no restyle, and the same looks."""
    from tui.ui.store_loading import Opened

    no_user_themes = tmp_path / "none"
    counted = Counted(monkeypatch)

    async def opened_and_loaded(start_theme: str, set_later: bool) -> list[object]:
        gate = threading.Event()

        def load() -> Opened:
            assert gate.wait(20), "the test never let the load finish"
            return Opened(Store.in_memory())

        app = create_app(
            None, clock, launch=Launch(section=section), theme=start_theme, themes_dir=no_user_themes, loader=load
        )
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            if set_later:
                app.theme = theme
            await settled(pilot)
            assert not app.ready
            seen = [app_looks(app), screen_looks(app)]  # the stand-in (Home draws its own opening line)
            gate.set()
            for _ in range(100):
                await pilot.pause()
                if app.ready and app.current_mode == section:
                    break
            if set_later:
                app.theme = theme  # again: the asked-for theme is put back once the data is in
            await settled(pilot)
            assert app.current_mode == section
            return [*seen, app_looks(app), screen_looks(app)]

    at_start = await opened_and_loaded(theme, set_later=False)
    assert counted.by_first_frame == (0, 0)
    assert (counted.refreshes, counted.reparses) == (0, 0)
    set_later = await opened_and_loaded("dusk" if theme != "dusk" else "linen", set_later=True)
    assert counted.refreshes > 0
    assert at_start == set_later
