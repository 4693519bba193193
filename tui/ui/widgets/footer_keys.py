"""A row of footer keys drawn by one widget: the same look as Textual's FooterKey widgets, a fraction of the cost.

Textual's Footer gives every key a widget of its own (mounted, styled, laid
out and rendered one by one). On Home that was eight widgets, about a third
of what Heartwork's first frame cost beyond a bare app (issue 12.2). This
widget draws the same keys in one line, with Textual's own FooterKey styles
(the ``footer-key--key`` and ``footer-key--description`` components, the same
padding, dim when a key is disabled), and does what the key widgets did:
a click presses the key (a bell when it is disabled), the key under the
pointer is highlighted and its tooltip shown.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from rich.style import Style
from rich.text import Text
from textual import events
from textual.widget import Widget

if TYPE_CHECKING:
    from tui.ui.widgets.calm_footer import FooterEntry


class FooterKeys(Widget):
    """The footer's keys, left to right, as one line."""

    ALLOW_SELECT = False
    COMPONENT_CLASSES = {"footer-key--key", "footer-key--description", "footer-keys--hover"}
    # The rules of Textual's FooterKey (textual/widgets/_footer.py), for this one widget.
    DEFAULT_CSS = """
    FooterKeys {
        width: auto;
        height: 1;
        text-wrap: nowrap;
        background: $footer-item-background;
        .footer-key--key {
            color: $footer-key-foreground;
            background: $footer-key-background;
            text-style: bold;
            padding: 0 1;
        }
        .footer-key--description {
            padding: 0 1 0 0;
            color: $footer-description-foreground;
            background: $footer-description-background;
        }
        .footer-keys--hover {
            background: $block-hover-background;
        }
        &:hover {
            pointer: pointer;
        }
    }
    """

    def __init__(self, entries: Sequence[FooterEntry] = ()) -> None:
        super().__init__()
        self._entries: tuple[FooterEntry, ...] = tuple(entries)
        self._spans: list[tuple[int, int]] = []
        self._hovered: int | None = None

    @property
    def entries(self) -> tuple[FooterEntry, ...]:
        """The keys shown, left to right."""
        return self._entries

    def show(self, entries: Sequence[FooterEntry]) -> None:
        """Show these keys instead (nothing is redrawn when they are the same)."""
        entries = tuple(entries)
        if entries == self._entries:
            return
        self._entries = entries
        self._hovered = None
        self.tooltip = None
        self.refresh(layout=True)

    def render(self) -> Text:
        key_style = self.get_component_rich_style("footer-key--key")
        description_style = self.get_component_rich_style("footer-key--description")
        key_padding = self.get_component_styles("footer-key--key").padding
        description_padding = self.get_component_styles("footer-key--description").padding
        base = self.rich_style
        line = Text(no_wrap=True, end="")
        spans: list[tuple[int, int]] = []
        for index, entry in enumerate(self._entries):
            if entry.description:
                text = Text.assemble(
                    (" " * key_padding.left + entry.key_display + " " * key_padding.right, key_style),
                    (
                        " " * description_padding.left + entry.description + " " * description_padding.right,
                        description_style,
                    ),
                )
            else:
                text = Text.assemble((entry.key_display, key_style))
            text.stylize_before(base + Style(dim=True) if not entry.enabled else base)
            if index == self._hovered:  # as FooterKey:hover: the whole key on the hover background
                text.stylize(Style(bgcolor=self.get_component_rich_style("footer-keys--hover").bgcolor))
            start = line.cell_len
            line.append_text(text)
            spans.append((start, line.cell_len))
        self._spans = spans
        return line

    def get_content_width(self, container: object, viewport: object) -> int:
        return self.render().cell_len

    @property
    def spans(self) -> tuple[tuple[int, int], ...]:
        """Where each key was drawn last: (first column, column after it), in this widget's cells."""
        return tuple(self._spans)

    def entry_at(self, x: int) -> FooterEntry | None:
        """The key drawn at column ``x`` of this widget, if any."""
        index = self._index_at(x)
        return None if index is None else self._entries[index]

    def _index_at(self, x: int) -> int | None:
        for index, (start, end) in enumerate(self._spans):
            if start <= x < end:
                return index
        return None

    def on_mouse_move(self, event: events.MouseMove) -> None:
        index = self._index_at(event.x)
        if index != self._hovered:
            self._hovered = index
            self.tooltip = self._entries[index].tooltip or None if index is not None else None
            self.refresh()

    def on_leave(self, _: events.Leave) -> None:
        if self._hovered is not None:
            self._hovered = None
            self.tooltip = None
            self.refresh()

    def on_mouse_down(self, event: events.MouseDown) -> None:
        entry = self.entry_at(event.x)
        if entry is None:
            return
        if entry.enabled:
            self.app.simulate_key(entry.key)
        else:
            self.app.bell()
