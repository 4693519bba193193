"""Issue 12.2: package data is read from the package's own folder, the same files importlib.resources gives."""

from __future__ import annotations

from importlib.resources import files as resource_files
from pathlib import Path

from tui import content
from tui.content.themes import bundled_themes_dir


def test_item12_2_files_is_the_package_folder_with_the_same_entries() -> None:
    folder = content.files("tui.content")
    assert isinstance(folder, Path)
    assert folder == Path(content.__file__).parent
    expected = sorted(entry.name for entry in resource_files("tui.content").iterdir())
    assert sorted(entry.name for entry in folder.iterdir()) == expected
    assert folder.joinpath("home.toml").read_text(encoding="utf-8") == (
        resource_files("tui.content").joinpath("home.toml").read_text(encoding="utf-8")
    )


def test_item12_2_files_of_no_package_means_this_one() -> None:
    assert content.files(None) == content.files("tui.content")


def test_item12_2_bundled_themes_are_found_without_importlib_resources() -> None:
    folder = bundled_themes_dir()
    assert folder.is_dir()
    assert {path.stem for path in folder.glob("*.toml")} >= {"dusk", "linen"}
