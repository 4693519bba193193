"""A Footer that shows whole keys only, the screen's own first, and redraws only when they change.

Textual's Footer lays every key out in a row and lets the row run off the
right edge, so a narrow terminal showed "? Hel". This footer works out how
wide each key will be and shows as many whole keys as fit: ``?`` (help) is
always kept, then the focused widget's and the screen's own keys in order,
then the palette key, then the app's keys (the sections). A dialog has its
own footer, so it shows its own keys and not those of the screen behind it.

Textual's Footer also rebuilds every key widget whenever focus moves, even
when the keys on offer are the same; with a dozen section keys that rebuild
is most of the cost of opening a screen, so this footer compares what it
would show with what it shows and skips identical rebuilds.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from rich.cells import cell_len
from textual import events
from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

from tui.ui.widgets.footer_keys import FooterKeys

ALWAYS_SHOWN_KEYS = frozenset({"question_mark"})
"""Keys kept whatever the width: help is where every other key is explained."""

RANK_ALWAYS, RANK_OWN, RANK_PALETTE, RANK_APP = 0, 1, 2, 3


@dataclass(frozen=True)
class FooterEntry:
    """One key as the footer would show it, with how wide it is and how much it matters."""

    key: str
    key_display: str
    description: str
    action: str
    enabled: bool
    tooltip: str
    rank: int
    palette: bool = False

    @property
    def width(self) -> int:
        """Cells taken: " key " then "description " (as Footer's CSS pads them); the palette key adds a border and a pad."""
        width = cell_len(self.key_display) + 2 + (cell_len(self.description) + 1 if self.description else 0)
        return width + 2 if self.palette else width


def fit_entries(entries: list[FooterEntry], width: int) -> tuple[FooterEntry, ...]:
    """The entries that fit in ``width`` cells, whole, best rank first, kept in their order.

    An entry ranked ``RANK_ALWAYS`` is kept even when nothing else fits (and
    its room is kept first). Otherwise entries are taken by rank, in order,
    until one does not fit: the ones after it are left out too, so the footer
    never shows a later key while hiding an earlier, more important one.
    """
    ordered = sorted(range(len(entries)), key=lambda i: entries[i].rank)
    chosen = {index for index in ordered if entries[index].rank == RANK_ALWAYS}
    used = sum(entries[index].width for index in chosen)
    for index in ordered:
        if index in chosen:
            continue
        if used + entries[index].width > width:
            break
        chosen.add(index)
        used += entries[index].width
    return tuple(entry for index, entry in enumerate(entries) if index in chosen)


def footer_entries(screen: Screen[Any]) -> list[FooterEntry]:
    """Every key a footer on ``screen`` could show, one per action, screen's own keys first."""
    app = screen.app
    own: list[FooterEntry] = []
    global_: list[FooterEntry] = []
    palette: list[FooterEntry] = []
    seen_actions: set[str] = set()
    active = screen.active_bindings
    for namespace, binding, enabled, tooltip in active.values():
        if not binding.show or binding.action in seen_actions:
            continue
        seen_actions.add(binding.action)
        from_app = namespace is app
        rank = RANK_ALWAYS if binding.key in ALWAYS_SHOWN_KEYS else RANK_APP if from_app else RANK_OWN
        entry = FooterEntry(
            binding.key, app.get_key_display(binding), binding.description, binding.action, enabled, tooltip, rank
        )
        (global_ if from_app else own).append(entry)
    if app.ENABLE_COMMAND_PALETTE and app.COMMAND_PALETTE_BINDING in active:
        _namespace, binding, enabled, tooltip = active[app.COMMAND_PALETTE_BINDING]
        palette.append(
            FooterEntry(
                binding.key,
                app.get_key_display(binding),
                binding.description,
                binding.action,
                enabled,
                binding.tooltip or binding.description,
                RANK_PALETTE,
                palette=True,
            )
        )
    return [*own, *global_, *palette]


def shown_bindings(screen: Screen[Any], width: int | None = None) -> tuple[FooterEntry, ...]:
    """What a footer ``width`` cells wide on ``screen`` shows (the whole screen's width by default)."""
    return fit_entries(footer_entries(screen), screen.size.width if width is None else width)


class CalmFooter(Footer):
    """The keys of the current screen, whole, rebuilt only when they change."""

    _shown: tuple[FooterEntry, ...] | None = None

    def _width(self) -> int:
        return self.size.width or self.screen.size.width or self.app.size.width

    def compose(self) -> ComposeResult:
        if not self._bindings_ready:
            return
        shown = shown_bindings(self.screen, self._width())
        # The keys in one widget (one widget each cost the first frame ~1 ms a key); the palette key,
        # docked right with its border, stays Textual's own.
        yield FooterKeys([entry for entry in shown if not entry.palette])
        for entry in shown:
            if entry.palette:
                palette_key = FooterKey(
                    entry.key,
                    entry.key_display,
                    entry.description,
                    entry.action,
                    disabled=not entry.enabled,
                    tooltip=entry.tooltip,
                    classes="-command-palette",
                )
                # FooterKey starts compact and is made plain once bound: two restyles for nothing.
                palette_key.set_reactive(FooterKey.compact, self.compact)
                yield palette_key.data_bind(compact=Footer.compact)

    def bindings_changed(self, screen: Screen[Any]) -> None:
        wanted = shown_bindings(screen, self._width())
        if self._bindings_ready and wanted == self._shown:
            return
        super().bindings_changed(screen)
        if screen.app.app_focus and self.is_attached and screen is self.screen:
            self._shown = wanted

    def on_resize(self, _: events.Resize) -> None:
        if self._bindings_ready and self.is_attached and shown_bindings(self.screen, self._width()) != self._shown:
            self._shown = None
            self.bindings_changed(self.screen)
