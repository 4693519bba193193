"""Checks shared by the layout tests: whole keys in the footer, named things inside the visible region."""

from __future__ import annotations

from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Footer
from textual.widgets._footer import FooterKey


def footer_problems(screen: Screen) -> list[str]:
    """Why the footer of ``screen`` cuts a key short (hidden under the palette key or past the edge), if it does."""
    problems: list[str] = []
    footers = list(screen.query(Footer))
    if not footers:
        return [f"{type(screen).__name__} has no footer of its own"]
    footer = footers[0]
    keys = list(footer.query(FooterKey))
    palette = [key for key in keys if key.has_class("-command-palette")]
    right = palette[0].region.x if palette else footer.region.right
    for key in keys:
        if key in palette:
            if key.region.right > footer.region.right or key.region.x < footer.region.x:
                problems.append(f"palette key {key.key_display!r} does not fit")
            continue
        if key.region.right > right or key.region.width < key.get_content_width(screen.size, screen.size):
            problems.append(f"{key.key_display} {key.description!r} is cut ({key.region} against {right})")
    return problems


def footer_words(screen: Screen) -> list[tuple[str, str]]:
    """(key display, description) of each key the footer of ``screen`` shows, left to right."""
    footer = screen.query(Footer).first()
    keys = sorted(footer.query(FooterKey), key=lambda key: key.region.x)
    return [(key.key_display, key.description) for key in keys]


def outside_view(widget: Widget) -> str | None:
    """Why ``widget`` cannot be seen without scrolling (None when all of it is in view)."""
    screen = widget.screen
    region = widget.region
    if not widget.display or region.area == 0:
        return f"{widget!r} is not drawn"
    view = screen.region
    footer = next(iter(screen.query(Footer)), None)
    if footer is not None and footer.region.area:
        view = view.intersection(view.__class__(view.x, view.y, view.width, footer.region.y - view.y))
    for ancestor in widget.ancestors:
        if isinstance(ancestor, Widget) and ancestor is not screen and ancestor.is_scrollable:
            view = view.intersection(ancestor.content_region)
    if region.height < widget.outer_size.height or view.intersection(region) != region:
        return f"{widget!r} at {region} is outside the visible {view}"
    return None
