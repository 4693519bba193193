"""A Footer that redraws its keys only when the keys actually change.

Textual's Footer rebuilds every key widget whenever focus moves, even when the
keys on offer are the same. With a dozen section keys that rebuild is most of
the cost of opening a screen and of moving between fields, so this footer
compares what it would show with what it shows and skips identical rebuilds.
"""

from __future__ import annotations

from typing import Any

from textual.screen import Screen
from textual.widgets import Footer


def shown_bindings(screen: Screen[Any]) -> tuple[tuple[str, str, str, bool], ...]:
    """What a footer on ``screen`` would show: (key, action, description, enabled) per key."""
    return tuple(
        (binding.key, binding.action, binding.description, enabled)
        for (_, binding, enabled, _tooltip) in screen.active_bindings.values()
        if binding.show
    )


class CalmFooter(Footer):
    """The keys of the current screen, rebuilt only when they change."""

    _shown: tuple[tuple[str, str, str, bool], ...] | None = None

    def bindings_changed(self, screen: Screen[Any]) -> None:
        wanted = shown_bindings(screen)
        if self._bindings_ready and wanted == self._shown:
            return
        super().bindings_changed(screen)
        if screen.app.app_focus and self.is_attached and screen is self.screen:
            self._shown = wanted
