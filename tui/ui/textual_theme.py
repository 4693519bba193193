"""Turn a validated theme file (a ``ThemeSpec``) into a ``textual.theme.Theme``, and apply the first one cheaply."""

from __future__ import annotations

from typing import Any

from textual.app import App
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


def apply_theme_before_start(app: App[Any], name: str) -> None:
    """Make ``name`` the app's theme before it runs, as setting ``app.theme`` would, minus a CSS re-parse.

    Setting the ``theme`` reactive queues a full re-parse and restyle of every
    style sheet for the first turn of the message loop; before the app runs
    nothing has been parsed or styled yet, so new CSS variables are all the
    style sheet needs (its first parse then uses them). Used only before
    ``run``; later changes (Settings, the palette) set ``app.theme`` as usual.
    """
    app.set_reactive(App.theme, name)
    theme = app.current_theme
    classes = {cls: False for cls in app.classes if cls.startswith("-theme-")}
    classes[f"-theme-{theme.name}"] = True
    classes["-dark-mode"] = theme.dark
    classes["-light-mode"] = not theme.dark
    app.update_classes(classes, update=False)
    app._refresh_truecolor_filter(app.ansi_theme)
    app.stylesheet.set_variables(app.get_css_variables())
