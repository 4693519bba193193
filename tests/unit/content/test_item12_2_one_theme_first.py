"""Issue 12.2: the one theme shown first is read alone, to the same spec the full load gives it."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui.content.themes import DEFAULT_THEME, ThemeSpec, bundled_themes_dir, load_theme_specs, theme_names

VALID = """\
name = "{name}"
dark = true
primary = "#8EA4D2"
secondary = "#A898C8"
accent = "#D9B08C"
foreground = "{foreground}"
background = "#1D2130"
surface = "#252A3A"
panel = "#2F3548"
success = "#8FBF9F"
warning = "#D9B08C"
error = "#D98C8C"
"""


def user_folder(tmp_path: Path) -> Path:
    """A person's folder: a theme of their own, one replacing a bundled one, a broken one over a bundled one, odd files."""
    folder = tmp_path / "themes"
    folder.mkdir()
    (folder / "calm-lake.toml").write_text(VALID.format(name="calm-lake", foreground="#EEEEEE"), "utf-8")
    (folder / "dusk.toml").write_text(VALID.format(name="dusk", foreground="#DDDDDD"), "utf-8")
    (folder / "linen.toml").write_text('name = "linen"\ndark = tru\n[[[', "utf-8")
    (folder / "elsewhere.toml").write_text(VALID.format(name="other", foreground="#EEEEEE"), "utf-8")
    (folder / "moss.toml").mkdir()  # not a file: a failure, the bundled moss stays
    return folder


def full_load(folder: Path | None) -> dict[str, ThemeSpec]:
    specs, _failures = load_theme_specs(folder)
    return {spec.name: spec for spec in specs}


@pytest.mark.parametrize("with_user_folder", [False, True])
def test_item12_2_each_theme_read_alone_is_the_one_the_full_load_gives(tmp_path: Path, with_user_folder: bool) -> None:
    folder = user_folder(tmp_path) if with_user_folder else None
    everything = full_load(folder)
    _all_specs, all_failures = load_theme_specs(folder)
    names = [*theme_names(folder), "elsewhere", "other", "no-such-theme", "Dusk", "../dusk", ""]
    for name in names:
        specs, failures = load_theme_specs(folder, only=name)
        assert specs == ([everything[name]] if name in everything else []), name
        assert set(failures) <= set(all_failures), name


def test_item12_2_the_persons_own_file_comes_first_and_a_broken_one_falls_back_to_the_bundled(tmp_path: Path) -> None:
    folder = user_folder(tmp_path)

    (dusk,), failures = load_theme_specs(folder, only="dusk")
    assert dusk.source == folder / "dusk.toml" and dusk.colors["foreground"] == "#DDDDDD"
    assert failures == []

    (linen,), failures = load_theme_specs(folder, only="linen")
    assert linen.source == bundled_themes_dir() / "linen.toml"
    assert [failure.path.name for failure in failures] == ["linen.toml"]
    assert "TOML" in failures[0].reason

    (moss,), failures = load_theme_specs(folder, only="moss")
    assert moss.source == bundled_themes_dir() / "moss.toml"
    assert [failure.path for failure in failures] == [folder / "moss.toml"]


def test_item12_2_reading_one_theme_reads_only_its_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from tui.content import themes

    folder = user_folder(tmp_path)
    read: list[Path] = []
    real_load_file = themes._load_file

    def counted(path: Path) -> ThemeSpec:
        read.append(path)
        return real_load_file(path)

    monkeypatch.setattr(themes, "_load_file", counted)
    load_theme_specs(folder, only="calm-lake")
    assert read == [folder / "calm-lake.toml"]  # found in the person's folder: the bundled ones are not read
    read.clear()
    load_theme_specs(None, only=DEFAULT_THEME)
    assert read == [bundled_themes_dir() / f"{DEFAULT_THEME}.toml"]
    read.clear()
    load_theme_specs(folder, only="no-such-theme")
    assert read == []
