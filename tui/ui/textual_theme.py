"""Turn a validated theme file (a ``ThemeSpec``) into a ``textual.theme.Theme``."""

from __future__ import annotations

from textual.theme import Theme

from tui.content.themes import ThemeSpec


def to_textual_theme(spec: ThemeSpec) -> Theme:
    """Build a ``textual.theme.Theme`` from a validated spec."""
    return Theme(
        name=spec.name,
        dark=spec.dark,
        variables=dict(spec.variables),
        **spec.colors,
    )
