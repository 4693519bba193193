"""Turn a validated theme file (a ``ThemeSpec``) into a ``textual.theme.Theme``."""

from __future__ import annotations

from textual.theme import Theme

from tui.content.themes import ThemeSpec


def to_textual_theme(spec: ThemeSpec) -> Theme:
    """Build a ``textual.theme.Theme`` from a validated spec."""
    colors = spec.colors
    return Theme(
        name=spec.name,
        dark=spec.dark,
        variables=dict(spec.variables),
        primary=colors["primary"],
        secondary=colors.get("secondary"),
        accent=colors.get("accent"),
        foreground=colors.get("foreground"),
        background=colors.get("background"),
        surface=colors.get("surface"),
        panel=colors.get("panel"),
        success=colors.get("success"),
        warning=colors.get("warning"),
        error=colors.get("error"),
        boost=colors.get("boost"),
    )
