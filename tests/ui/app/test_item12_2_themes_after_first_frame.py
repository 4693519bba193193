"""Issue 12.2: only the theme shown is read before the first frame; the rest right after, before anything lists them."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.app import App

from tui.content import themes
from tui.content.themes import DEFAULT_THEME, bundled_themes_dir, theme_names
from tui.core.clock import FakeClock
from tui.core.settings import Settings
from tui.store.store import Store
from tui.ui.app import HeartworkApp, create_app

SIZE = (100, 30)
VALID = """\
name = "{name}"
dark = false
primary = "#8EA4D2"
secondary = "#A898C8"
accent = "#D9B08C"
foreground = "#222222"
background = "#EEEEEE"
surface = "#E0E0E0"
panel = "#D0D0D0"
success = "#8FBF9F"
warning = "#D9B08C"
error = "#D98C8C"
"""


class FilesRead:
    """Which theme files were read, and which of them by the first frame."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.read: list[str] = []
        self.by_first_frame: list[str] | None = None
        real_load_file, real_display = themes._load_file, App._display

        def load_file(path: Path) -> themes.ThemeSpec:
            self.read.append(f"{path.parent.name}/{path.name}")
            return real_load_file(path)

        def display(app: App[object], screen: Any, renderable: Any) -> None:
            if renderable is not None and self.by_first_frame is None:
                self.by_first_frame = list(self.read)
            real_display(app, screen, renderable)

        monkeypatch.setattr(themes, "_load_file", load_file)
        monkeypatch.setattr(App, "_display", display)


def skipped_notices(app: HeartworkApp) -> list[str]:
    return sorted(str(note.message) for note in app._notifications if "Skipped theme file" in str(note.message))


def bundled(name: str) -> str:
    return f"{bundled_themes_dir().name}/{name}.toml"


async def test_item12_2_the_first_frame_reads_only_the_theme_it_shows(
    clock: FakeClock, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = FilesRead(monkeypatch)
    no_user_themes = tmp_path / "none"
    app = create_app(Store.in_memory(), clock, Settings(theme="linen"), themes_dir=no_user_themes)
    assert files.read == [bundled("linen")]
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert files.by_first_frame == [bundled("linen")]
        assert app.theme == "linen"
        # Right after the first frame every theme is there, for the palette, Settings and the rest.
        assert sorted(app._registered_themes) == theme_names(no_user_themes)
        assert app.heartwork_themes == theme_names(no_user_themes)
        assert sorted(app.available_themes) == theme_names(no_user_themes)


def test_item12_2_anything_that_lists_the_themes_sees_them_all_at_once(clock: FakeClock, tmp_path: Path) -> None:
    listing = create_app(Store.in_memory(), clock, Settings(theme="moss"), themes_dir=tmp_path / "none")
    assert sorted(listing._registered_themes) == ["moss"]  # not run yet: nothing else read
    assert listing.heartwork_themes == theme_names(None)
    picker = create_app(Store.in_memory(), clock, Settings(theme="moss"), themes_dir=tmp_path / "none")
    assert sorted(picker.available_themes) == theme_names(None)  # what the palette's theme picker lists


@pytest.mark.parametrize(
    ("wanted", "shown", "first_read"),
    [
        ("calm-lake", "calm-lake", ["themes/calm-lake.toml"]),  # the person's own, alone
        ("linen", "linen", ["themes/linen.toml", bundled("linen")]),  # broken: the bundled linen instead
        ("gone", DEFAULT_THEME, [bundled(DEFAULT_THEME)]),  # no such theme any more: the default
    ],
)
async def test_item12_2_the_persons_themes_come_first_and_each_skipped_file_is_told_once(
    wanted: str,
    shown: str,
    first_read: list[str],
    clock: FakeClock,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    folder = tmp_path / "themes"
    folder.mkdir()
    (folder / "calm-lake.toml").write_text(VALID.format(name="calm-lake"), "utf-8")
    (folder / "linen.toml").write_text('name = "linen"\ndark = tru\n[[[', "utf-8")
    (folder / "odd.toml").write_text(VALID.format(name="not-odd"), "utf-8")
    files = FilesRead(monkeypatch)
    app = create_app(Store.in_memory(), clock, Settings(theme=wanted), themes_dir=folder)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert files.by_first_frame == first_read
        assert app.theme == shown
        await pilot.pause()
        assert app.heartwork_themes == theme_names(folder)
        assert "calm-lake" in app.heartwork_themes
        every_failure = themes.load_theme_specs(folder)[1]
        assert skipped_notices(app) == sorted(f"Skipped theme file {f.path.name}: {f.reason}" for f in every_failure)
        assert len(skipped_notices(app)) == 2  # each once, though linen.toml was read twice
