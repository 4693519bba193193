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
    style sheet for the first turn of the message loop (issue 12.2); before the
    app runs nothing has been parsed or styled yet, so the theme's classes, the
    ANSI filter and the CSS variables are all it needs, and the first parse then
    uses them. No ``theme_changed_signal``: the one setting the reactive queued
    was published before anyone could subscribe, so it reached no one anyway.
    Used only before ``run``, with :func:`style_app_before_its_screens` at its
    compose; later changes (Settings, the palette) set ``app.theme`` as usual.
    """
    if app.get_theme(name) is None:
        raise ValueError(f"theme {name!r} is not registered")
    app.set_reactive(App.theme, name)
    theme = app.current_theme
    classes = {cls: False for cls in app.classes if cls.startswith("-theme-")}
    classes[f"-theme-{theme.name}"] = True
    classes["-dark-mode"] = theme.dark
    classes["-light-mode"] = not theme.dark
    app.update_classes(classes, update=False)
    app._refresh_truecolor_filter(app.ansi_theme)
    app.stylesheet.set_variables(app.get_css_variables())


def style_app_before_its_screens(app: App[Any]) -> None:
    """Give the app its own styles (``App { color: $foreground }``) before its first screen is built.

    Textual styles the app node only after composing it, and the first screen,
    mounted meanwhile, may already have drawn: a widget that inherits its text
    colour then kept a transparent one (drawn in the background colour), since
    a widget's cached style is keyed on its own styles, not its ancestors'.
    The full restyle that setting ``app.theme`` queued used to repaint over it;
    without that restyle the app is styled first, so nothing is drawn before
    its colours are known. Textual's own styling of the app follows, unchanged.
    """
    app.stylesheet.apply(app)
