"""Choose a guided meditation from anywhere (the command palette): its length and purpose, then start.

Dismisses with the chosen guide (or None); the caller opens the player, so the
picker never stays underneath a running guide.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Static

from tui.core.meditation import Guide
from tui.ui.base import HeartworkModal
from tui.ui.widgets.calm_footer import CalmFooter
from tui.ui.widgets.guided_list import GuidedList, guide_detail


class GuidePickerScreen(HeartworkModal[Guide | None]):
    """The guides in a list; the highlighted one's length, purpose and safety note below."""

    CSS_PATH = "../../styles/meditate.tcss"
    BINDINGS = [Binding("escape", "close", "Close")]

    def __init__(self, guides: list[Guide]) -> None:
        super().__init__()
        self.guides = guides

    def compose(self) -> ComposeResult:
        with Vertical(id="guide-picker-sheet"):
            guided = GuidedList(self.guides, id="guide-picker-list")
            guided.border_title = "Guided meditation"
            yield guided
            yield Static("", id="guide-picker-detail", markup=False)
            yield Static("", id="guide-picker-safety", markup=False)
            yield Static("Enter starts · ↑/↓ choose · Esc closes", id="guide-picker-keys", markup=False)
        yield CalmFooter()

    def on_mount(self) -> None:
        guided = self.query_one(GuidedList)
        guided.focus()
        if self.guides:
            self._show(self.guides[guided.highlighted or 0])

    def _show(self, guide: Guide) -> None:
        self.query_one("#guide-picker-detail", Static).update(guide_detail(guide))
        self.query_one("#guide-picker-safety", Static).update(Text(guide.safety))

    def on_guided_list_highlighted(self, event: GuidedList.Highlighted) -> None:
        self._show(event.guide)

    def on_guided_list_chosen(self, event: GuidedList.Chosen) -> None:
        self.dismiss(event.guide)

    def action_close(self) -> None:
        self.dismiss(None)
