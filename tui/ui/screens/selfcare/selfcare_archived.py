"""Archived routines, their history kept: Enter brings one back to the list."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from tui.core.selfcare import SelfCareItem
from tui.ui.base import HeartworkModal
from tui.ui.widgets.calm_footer import CalmFooter


class SelfCareArchivedScreen(HeartworkModal[str | None]):
    """Pick an archived routine to restore (returns its id), or Esc."""

    BINDINGS = [Binding("escape", "close", "Close")]

    DEFAULT_CSS = """
    SelfCareArchivedScreen { align: center middle; }
    SelfCareArchivedScreen #archived-sheet {
        width: 90%; max-width: 76; height: auto; max-height: 80%; padding: 0 1;
        border: round $primary; background: $surface;
    }
    SelfCareArchivedScreen #archived-title { text-style: bold; padding: 1 1 0 1; }
    SelfCareArchivedScreen #archived-hint { color: $text-muted; padding: 0 1 1 1; }
    SelfCareArchivedScreen #archived-list { height: auto; max-height: 14; border: none; }
    """

    def __init__(self, items: list[SelfCareItem]) -> None:
        super().__init__()
        self._items = items

    def compose(self) -> ComposeResult:
        with Vertical(id="archived-sheet"):
            yield Static("Archived routines", id="archived-title")
            yield Static("Their days stay as they were · Enter brings one back · Esc closes", id="archived-hint")
            if self._items:
                yield OptionList(
                    *(Option(f"{item.text}  ·  {item.schedule.describe()}", id=item.id) for item in self._items),
                    id="archived-list",
                    markup=False,
                )
            else:
                yield Static("Nothing is archived. Routines you archive wait here, with their history.")
        yield CalmFooter()

    def on_mount(self) -> None:
        for option_list in self.query("#archived-list").results(OptionList):
            option_list.highlighted = 0
            option_list.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option.id)

    def action_close(self) -> None:
        self.dismiss(None)
