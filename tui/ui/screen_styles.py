"""The screens' style sheets, read once after the first frame, and screens built already up to date.

Textual reads a screen's ``CSS_PATH`` the first time such a screen is shown,
then parses every style source of the app again from scratch (no cache) and
restyles every widget; and a freshly built mode screen, never styled yet,
asks for two more such full refreshes. Together that was 50-200 ms of each
first open. All of Heartwork's sheets scope every rule to its own screen
class (``tui/ui/styles/*.tcss``), so reading them all early changes nothing on
the screens already shown; read once they are never parsed again.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.app import App
from textual.screen import Screen

STYLES_DIR = Path(__file__).resolve().parent / "styles"


def preload_screen_styles(app: App[object]) -> None:
    """Read every screen style sheet not read yet, and parse only those (the rest come from the cache)."""
    stylesheet = app.stylesheet
    added = False
    for path in sorted(STYLES_DIR.glob("*.tcss")):
        if not stylesheet.has_source(str(path)):
            stylesheet.read(path)
            added = True
    if added:
        stylesheet.parse()


def read_home_styles(app: App[Any]) -> None:
    """Read Home's sheet just before Home is built, so the first frame parses the style sheets once less.

    Read when Home is built (its ``CSS_PATH``), it re-parsed every sheet once
    more before the first frame (issue 12.2). Read here, at the same point in the
    order of sources (after the app's own, before any screen's), Home finds it read.
    """
    path = STYLES_DIR / "home.tcss"
    if not app.stylesheet.has_source(str(path)):
        app.stylesheet.read(path)


def built_up_to_date(screen: Screen[object]) -> Screen[object]:
    """Mark a screen built just now as styled by the current style sheet, which it is when it mounts.

    Without this Textual treats a new mode screen like one that missed a
    theme change and refreshes all CSS twice before showing it.
    """
    screen._css_update_count = screen.app._css_update_count
    return screen
