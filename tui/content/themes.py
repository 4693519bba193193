"""Theme files: find, parse and validate them, then turn them into Textual themes.

Themes are data. Each theme is one TOML file whose stem is the theme's name.
Bundled themes ship inside the wheel at ``tui/_themes/`` (a source checkout
reads ``<repo>/themes/``); a person may add their own ``*.toml`` files in a
user folder, and a user theme with a bundled theme's name replaces it.

Schema of a theme file::

    name = "dusk"          # required, [a-z0-9-]+, equal to the file stem
    dark = true            # required, bool
    primary = "#8EA4D2"    # required colours: primary, secondary, accent,
    ...                    # foreground, background, surface, panel,
                           # success, warning, error
    boost = "#FFFFFF10"    # optional colour
    [variables]            # optional: Textual design variables, string values,
    "footer-key-foreground" = "#8EA4D2"   # passed to Theme(variables=...)

Colours are hex only: ``#RGB``, ``#RRGGBB`` or ``#RRGGBBAA``.

Loading never raises: every file that cannot be used becomes a
``ThemeLoadFailure`` naming the file and the reason, so the app can tell the
person and fall back to ``DEFAULT_THEME``. Parsing and validation do not
import Textual (the CLI lists theme names without paying for it);
``tui.ui.textual_theme`` turns a spec into a Textual theme.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

__all__ = [
    "DEFAULT_THEME",
    "OPTIONAL_COLORS",
    "REQUIRED_COLORS",
    "ThemeLoadFailure",
    "ThemeSpec",
    "bundled_themes_dir",
    "load_theme_specs",
    "theme_names",
]

DEFAULT_THEME = "dusk"
"""The theme used when none is chosen or the chosen one cannot be loaded."""

REQUIRED_COLORS: tuple[str, ...] = (
    "primary",
    "secondary",
    "accent",
    "foreground",
    "background",
    "surface",
    "panel",
    "success",
    "warning",
    "error",
)
OPTIONAL_COLORS: tuple[str, ...] = ("boost",)

_KNOWN_KEYS = frozenset({"name", "dark", "variables", *REQUIRED_COLORS, *OPTIONAL_COLORS})
_NAME_RE = re.compile(r"[a-z0-9-]+")
_HEX_RE = re.compile(r"#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})")
_VARIABLE_NAME_RE = re.compile(r"[a-z0-9-]+")
_MAX_FILE_BYTES = 64 * 1024
"""Theme files are a few hundred bytes; anything far larger is not a theme."""


@dataclass(frozen=True)
class ThemeSpec:
    """A validated theme file, ready to become a Textual theme."""

    name: str
    dark: bool
    colors: dict[str, str]
    variables: dict[str, str]
    source: Path


@dataclass(frozen=True)
class ThemeLoadFailure:
    """A theme file that could not be used, and why (in words for a person)."""

    path: Path
    reason: str


class _InvalidTheme(Exception):
    """Internal: carries the reason a theme file was rejected."""


def bundled_themes_dir() -> Path:
    """Return the folder of themes shipped with Heartwork.

    An installed wheel carries them at ``tui/_themes/``; a source checkout or
    editable install keeps them at ``<repo>/themes/``.
    """
    # The package is a plain folder (importlib.resources would cost the first frame its zipfile import).
    packaged = Path(__file__).resolve().parents[1] / "_themes"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "themes"


def load_theme_specs(
    user_dir: Path | None,
    only: str | None = None,
) -> tuple[list[ThemeSpec], list[ThemeLoadFailure]]:
    """Load bundled themes, then user themes from ``user_dir`` (if it exists).

    A user theme with the same name as a bundled one replaces it. Returns the
    usable themes sorted by name and the failures in the order met.

    With ``only``, just the files that could hold the theme of that name (its
    stem) are read, the person's own first: the same spec, or none, that the
    full load would give for it, and the failures met on the way there.
    """
    by_name: dict[str, ThemeSpec] = {}
    failures: list[ThemeLoadFailure] = []

    if only is not None and user_dir is not None and user_dir.is_dir():
        _load_folder(user_dir, by_name, failures, only)
        if only in by_name:
            return [by_name[only]], failures

    bundled = bundled_themes_dir()
    if bundled.is_dir():
        _load_folder(bundled, by_name, failures, only)
    else:
        failures.append(ThemeLoadFailure(bundled, "bundled themes folder not found"))

    if only is None and user_dir is not None and user_dir.is_dir():
        _load_folder(user_dir, by_name, failures)

    specs = [by_name[name] for name in sorted(by_name)]
    return specs, failures


def theme_names(user_dir: Path | None) -> list[str]:
    """Names of every usable theme, sorted; files that fail are left out."""
    specs, _failures = load_theme_specs(user_dir)
    return [spec.name for spec in specs]


def _load_folder(
    folder: Path,
    by_name: dict[str, ThemeSpec],
    failures: list[ThemeLoadFailure],
    only: str | None = None,
) -> None:
    """Load every ``*.toml`` in ``folder`` (or only the one named ``only``) into ``by_name`` (later wins)."""
    try:
        paths = sorted(folder.glob("*.toml"))
    except OSError as error:
        failures.append(ThemeLoadFailure(folder, f"cannot list folder: {error}"))
        return
    for path in paths:
        if only is not None and path.stem != only:
            continue
        try:
            spec = _load_file(path)
        except _InvalidTheme as error:
            failures.append(ThemeLoadFailure(path, str(error)))
        else:
            by_name[spec.name] = spec


def _load_file(path: Path) -> ThemeSpec:
    """Read and validate one theme file, raising ``_InvalidTheme`` on any fault."""
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise _InvalidTheme(f"cannot read file: {error.strerror or error}") from None
    if len(raw) > _MAX_FILE_BYTES:
        raise _InvalidTheme(f"file is too large for a theme ({len(raw)} bytes)")
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise _InvalidTheme("file is not UTF-8 text") from None
    except tomllib.TOMLDecodeError as error:
        raise _InvalidTheme(f"not valid TOML: {error}") from None
    return _spec_from_table(data, path)


def _spec_from_table(data: dict[str, Any], path: Path) -> ThemeSpec:
    """Validate a parsed theme table and build its spec."""
    unknown = sorted(set(data) - _KNOWN_KEYS)
    if unknown:
        raise _InvalidTheme(f"unknown key(s): {', '.join(unknown)}")

    name = data.get("name")
    if not isinstance(name, str) or not name:
        raise _InvalidTheme("'name' must be a non-empty string")
    if not _NAME_RE.fullmatch(name):
        raise _InvalidTheme(f"'name' {name!r} may use only lowercase letters, digits and '-'")
    if name != path.stem:
        raise _InvalidTheme(f"'name' {name!r} must match the file name {path.stem!r}")

    dark = data.get("dark")
    if not isinstance(dark, bool):
        raise _InvalidTheme("'dark' must be true or false")

    colors: dict[str, str] = {}
    for key in REQUIRED_COLORS:
        if key not in data:
            raise _InvalidTheme(f"missing colour {key!r}")
        colors[key] = _checked_color(key, data[key])
    for key in OPTIONAL_COLORS:
        if key in data:
            colors[key] = _checked_color(key, data[key])

    return ThemeSpec(
        name=name,
        dark=dark,
        colors=colors,
        variables=_checked_variables(data.get("variables", {})),
        source=path,
    )


def _checked_color(key: str, value: object) -> str:
    """Return ``value`` if it is a hex colour, else raise ``_InvalidTheme``."""
    if not isinstance(value, str) or not _HEX_RE.fullmatch(value):
        raise _InvalidTheme(f"colour {key!r} must be hex like #88AACC (#RGB, #RRGGBB or #RRGGBBAA), got {value!r}")
    return value


def _checked_variables(value: object) -> dict[str, str]:
    """Return the ``[variables]`` table as str -> str, else raise ``_InvalidTheme``."""
    if not isinstance(value, dict):
        raise _InvalidTheme("'variables' must be a table")
    variables: dict[str, str] = {}
    for key, item in value.items():
        if not _VARIABLE_NAME_RE.fullmatch(key):
            raise _InvalidTheme(f"variable name {key!r} may use only lowercase letters, digits and '-'")
        if not isinstance(item, str) or not item.strip():
            raise _InvalidTheme(f"variable {key!r} must be a non-empty string")
        variables[key] = item
    return variables
