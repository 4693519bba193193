"""Checks shared by the layout tests: whole keys in the footer, named things inside the visible region."""

from __future__ import annotations

from typing import NamedTuple

from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

from tui.ui.widgets.footer_keys import FooterKeys


class DrawnKey(NamedTuple):
    """One key as a footer draws it: its words, where it starts and ends on screen, and whether it is whole."""

    key: str
    key_display: str
    description: str
    x: int
    right: int
    whole: bool
    palette: bool


def drawn_keys(footer: Footer, screen: Screen) -> list[DrawnKey]:
    """Every key ``footer`` draws, left to right: Textual's FooterKey widgets and Heartwork's one-line FooterKeys."""
    keys: list[DrawnKey] = []
    for key in footer.query(FooterKey):
        whole = key.region.width >= key.get_content_width(screen.size, screen.size)
        keys.append(
            DrawnKey(
                key.key,
                key.key_display,
                key.description,
                key.region.x,
                key.region.right,
                whole,
                key.has_class("-command-palette"),
            )
        )
    for row in footer.query(FooterKeys):
        whole = row.region.width >= row.get_content_width(screen.size, screen.size)
        for entry, (start, end) in zip(row.entries, row.spans, strict=True):
            x, right = row.region.x + start, row.region.x + end
            keys.append(
                DrawnKey(
                    entry.key,
                    entry.key_display,
                    entry.description,
                    x,
                    right,
                    whole and right <= row.region.right,
                    False,
                )
            )
    return sorted(keys, key=lambda key: key.x)


def footer_problems(screen: Screen) -> list[str]:
    """Why the footer of ``screen`` cuts a key short (hidden under the palette key or past the edge), if it does."""
    problems: list[str] = []
    footers = list(screen.query(Footer))
    if not footers:
        return [f"{type(screen).__name__} has no footer of its own"]
    footer = footers[0]
    keys = drawn_keys(footer, screen)
    palette = [key for key in keys if key.palette]
    right = palette[0].x if palette else footer.region.right
    for key in keys:
        if key.palette:
            if key.right > footer.region.right or key.x < footer.region.x:
                problems.append(f"palette key {key.key_display!r} does not fit")
            continue
        if key.right > right or not key.whole:
            problems.append(f"{key.key_display} {key.description!r} is cut (x {key.x}-{key.right} against {right})")
    return problems


def footer_words(screen: Screen) -> list[tuple[str, str]]:
    """(key display, description) of each key the footer of ``screen`` shows, left to right."""
    footer = screen.query(Footer).first()
    return [(key.key_display, key.description) for key in drawn_keys(footer, screen)]


def footer_key_names(screen: Screen) -> list[str]:
    """The keys (``"h"``, ``"question_mark"``) the footer of ``screen`` shows, left to right."""
    footer = screen.query(Footer).first()
    return [key.key for key in drawn_keys(footer, screen)]


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
