"""Theme loading: bundled themes are valid and readable, bad user files fail gently."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tui.content import themes
from tui.content.themes import (
    DEFAULT_THEME,
    REQUIRED_COLORS,
    ThemeLoadFailure,
    ThemeSpec,
    bundled_themes_dir,
    load_theme_specs,
    theme_names,
)
from tui.ui.textual_theme import to_textual_theme

REPO = Path(__file__).resolve().parents[3]

# The 16 standard ANSI colours as Rich reduces to them (rich._palettes.STANDARD_PALETTE).
ANSI_16 = {
    "#000000", "#AA0000", "#00AA00", "#AA5500", "#0000AA", "#AA00AA", "#00AAAA", "#AAAAAA",
    "#555555", "#FF5555", "#55FF55", "#FFFF55", "#5555FF", "#FF55FF", "#55FFFF", "#FFFFFF",
}  # fmt: skip

VALID_THEME = """\
name = "{name}"
dark = true
primary = "#8EA4D2"
secondary = "#A898C8"
accent = "#D9B08C"
foreground = "{foreground}"
background = "#1D2130"
surface = "#252A3A"
panel = "#2F3548"
success = "#8CC2A0"
warning = "#DDBF7E"
error = "#D98C8C"
"""


def _valid(name: str, foreground: str = "#DAD6E4") -> str:
    return VALID_THEME.format(name=name, foreground=foreground)


def _rgb(hex_color: str) -> tuple[float, float, float]:
    digits = hex_color.lstrip("#")
    if len(digits) == 3:
        digits = "".join(ch * 2 for ch in digits)
    red, green, blue = (int(digits[i : i + 2], 16) / 255 for i in (0, 2, 4))
    return red, green, blue


def _relative_luminance(hex_color: str) -> float:
    """WCAG 2.x relative luminance of an sRGB colour."""

    def linear(channel: float) -> float:
        if channel <= 0.04045:
            return channel / 12.92
        return float(((channel + 0.055) / 1.055) ** 2.4)

    red, green, blue = (linear(c) for c in _rgb(hex_color))
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def _contrast_ratio(first: str, second: str) -> float:
    lighter, darker = sorted((_relative_luminance(first), _relative_luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


@pytest.fixture(scope="module")
def bundled() -> list[ThemeSpec]:
    specs, failures = load_theme_specs(None)
    assert failures == []
    return specs


def test_bundled_themes_are_the_repository_themes() -> None:
    """From a checkout they are read from themes/; from an installed wheel, from tui/_themes.

    CI runs the tests against a non-editable install, so there this proves the
    theme files ship inside the wheel, byte for byte.
    """
    import tui

    folder = bundled_themes_dir()
    installed = Path(tui.__file__).resolve().parent / "_themes"
    assert folder in (REPO / "themes", installed)
    shipped = {path.name: path.read_bytes() for path in folder.glob("*.toml")}
    source = {path.name: path.read_bytes() for path in (REPO / "themes").glob("*.toml")}
    assert shipped == source


def test_bundled_themes_all_load(bundled: list[ThemeSpec]) -> None:
    names = [spec.name for spec in bundled]
    assert len(names) >= 5
    assert names == sorted(names)
    assert DEFAULT_THEME in names
    assert {"dusk", "linen", "ember", "contrast", "sixteen", "moss"} <= set(names)
    assert any(not spec.dark for spec in bundled), "at least one light theme"
    for spec in bundled:
        assert spec.source.stem == spec.name
        assert set(REQUIRED_COLORS) <= set(spec.colors)


def test_bundled_themes_build_textual_themes(bundled: list[ThemeSpec]) -> None:
    from textual.theme import Theme

    for spec in bundled:
        theme = to_textual_theme(spec)
        assert isinstance(theme, Theme)
        assert theme.name == spec.name
        assert theme.dark is spec.dark
        assert theme.primary == spec.colors["primary"]
        # Generating the colour system parses every colour for real.
        generated = theme.to_color_system().generate()
        for key, value in spec.variables.items():
            assert generated[key] == value


def test_bundled_foreground_contrast_is_at_least_4_5(bundled: list[ThemeSpec]) -> None:
    for spec in bundled:
        ratio = _contrast_ratio(spec.colors["foreground"], spec.colors["background"])
        assert ratio >= 4.5, f"{spec.name}: foreground contrast {ratio:.2f}:1"


def test_contrast_theme_is_strong(bundled: list[ThemeSpec]) -> None:
    spec = next(s for s in bundled if s.name == "contrast")
    background = spec.colors["background"]
    assert _contrast_ratio(spec.colors["foreground"], background) >= 15
    for key in ("primary", "secondary", "accent", "success", "warning", "error"):
        assert _contrast_ratio(spec.colors[key], background) >= 7, key


def test_sixteen_uses_only_standard_ansi_colors(bundled: list[ThemeSpec]) -> None:
    spec = next(s for s in bundled if s.name == "sixteen")
    for key, value in spec.colors.items():
        assert value.upper() in ANSI_16, f"{key} = {value}"


def test_calm_themes_avoid_pure_red(bundled: list[ThemeSpec]) -> None:
    for spec in bundled:
        if spec.name in ("contrast", "sixteen"):
            continue
        for value in [*spec.colors.values(), *spec.variables.values()]:
            assert "#FF0000" not in value.upper(), spec.name


def test_user_dir_bad_files_fail_and_valid_one_is_added(tmp_path: Path) -> None:
    (tmp_path / "broken.toml").write_text('name = "broken"\ndark = tru\n[[[', "utf-8")
    missing = _valid("missing").replace('panel = "#2F3548"\n', "")
    (tmp_path / "missing.toml").write_text(missing, "utf-8")
    (tmp_path / "badhex.toml").write_text(_valid("badhex", "#GG0000"), "utf-8")
    (tmp_path / "calm-lake.toml").write_text(_valid("calm-lake"), "utf-8")
    (tmp_path / "notes.txt").write_text("not a theme", "utf-8")

    bundled_names = theme_names(None)
    specs, failures = load_theme_specs(tmp_path)

    names = [spec.name for spec in specs]
    assert sorted(set(names) - set(bundled_names)) == ["calm-lake"]
    assert names == sorted(names)
    assert len(names) == len(bundled_names) + 1

    assert all(isinstance(f, ThemeLoadFailure) for f in failures)
    by_file = {failure.path.name: failure.reason for failure in failures}
    assert set(by_file) == {"broken.toml", "missing.toml", "badhex.toml"}
    assert len(failures) == 3
    assert "TOML" in by_file["broken.toml"]
    assert "panel" in by_file["missing.toml"]
    assert "foreground" in by_file["badhex.toml"]
    assert "#GG0000" in by_file["badhex.toml"]


def test_user_theme_overrides_bundled_name(tmp_path: Path) -> None:
    (tmp_path / "dusk.toml").write_text(_valid("dusk", "#EEEEEE"), "utf-8")

    specs, failures = load_theme_specs(tmp_path)

    assert failures == []
    assert [s.name for s in specs] == theme_names(None)
    dusk = next(s for s in specs if s.name == "dusk")
    assert dusk.source == tmp_path / "dusk.toml"
    assert dusk.colors["foreground"] == "#EEEEEE"


@pytest.mark.parametrize(
    ("stem", "text", "fragment"),
    [
        ("upper", _valid("Upper"), "name"),
        ("other", _valid("elsewhere"), "file name"),
        ("nodark", _valid("nodark").replace("dark = true", 'dark = "yes"'), "dark"),
        ("word", _valid("word", "white"), "foreground"),
        ("short", _valid("short", "#12345"), "foreground"),
        ("number", _valid("number").replace('"#8EA4D2"', "123"), "primary"),
        ("extra", _valid("extra") + 'sparkle = "#FFFFFF"\n', "sparkle"),
        ("vars", _valid("vars") + "[variables]\nborder = 3\n", "border"),
        ("notable", _valid("notable").replace("dark", 'variables = "x"\ndark'), "table"),
        ("noname", _valid("x").replace('name = "x"\n', ""), "name"),
    ],
)
def test_invalid_user_theme_is_a_failure_not_an_exception(tmp_path: Path, stem: str, text: str, fragment: str) -> None:
    (tmp_path / f"{stem}.toml").write_text(text, "utf-8")

    specs, failures = load_theme_specs(tmp_path)

    assert stem not in [s.name for s in specs]
    assert [f.path.name for f in failures] == [f"{stem}.toml"]
    assert fragment in failures[0].reason


def test_short_hex_boost_and_variables_are_accepted(tmp_path: Path) -> None:
    text = _valid("tiny", "#EEE") + 'boost = "#FFFFFF10"\n' + '[variables]\n"footer-key-foreground" = "#8EA4D2"\n'
    (tmp_path / "tiny.toml").write_text(text, "utf-8")

    specs, failures = load_theme_specs(tmp_path)

    assert failures == []
    tiny = next(s for s in specs if s.name == "tiny")
    assert tiny.colors["boost"] == "#FFFFFF10"
    assert tiny.variables == {"footer-key-foreground": "#8EA4D2"}
    assert to_textual_theme(tiny).boost == "#FFFFFF10"


def test_missing_or_absent_user_dir_is_fine(tmp_path: Path) -> None:
    assert load_theme_specs(tmp_path / "nowhere") == load_theme_specs(None)
    assert theme_names(tmp_path / "nowhere") == theme_names(None)


def test_non_utf8_file_is_a_failure(tmp_path: Path) -> None:
    (tmp_path / "latin.toml").write_bytes(b'name = "latin"\n# caf\xe9\n')

    _specs, failures = load_theme_specs(tmp_path)

    assert [f.path.name for f in failures] == ["latin.toml"]


def test_importing_themes_does_not_import_textual() -> None:
    code = (
        "import tui.content.themes, sys; assert not any(m=='textual' or m.startswith('textual.') for m in sys.modules)"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_listing_names_does_not_import_textual() -> None:
    code = (
        "import sys; from tui.content.themes import theme_names; names = theme_names(None); "
        "assert 'dusk' in names, names; "
        "assert not any(m=='textual' or m.startswith('textual.') for m in sys.modules)"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_module_exports() -> None:
    assert DEFAULT_THEME == "dusk"
    assert set(themes.__all__) >= {
        "ThemeSpec",
        "ThemeLoadFailure",
        "bundled_themes_dir",
        "load_theme_specs",
        "theme_names",
        "DEFAULT_THEME",
    }
    assert to_textual_theme.__module__ == "tui.ui.textual_theme"
