"""Earlier versions of one journal entry: what another computer's copy had, kept when both were edited.

Reached from the entry list (``v`` on an entry). When a synced copy and this
computer both changed the same entry, the later edit became the entry and the
other was kept; here it can be read in full. Nothing here changes anything.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Header, OptionList, Static
from textual.widgets.option_list import Option

from tui.core.journal import JournalEntry
from tui.core.timefmt import from_text
from tui.store.journal_repository import JournalRepository
from tui.ui.base import HeartworkScreen
from tui.ui.widgets.calm_footer import CalmFooter


class EarlierVersionsScreen(HeartworkScreen[None]):
    """The versions of one entry set aside by a merge, newest first, each readable in full."""

    CSS_PATH = "../../styles/journal.tcss"
    SUB_TITLE = "Earlier versions"
    BINDINGS = [Binding("escape", "back", "Back")]

    def __init__(self, entry_id: str) -> None:
        super().__init__()
        self.entry_id = entry_id
        self.versions: list[JournalEntry] = []

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="versions-body"):
            yield Static(id="versions-summary")
            yield OptionList(id="versions-list")
            with VerticalScroll(id="versions-text-box"):
                yield Static(id="versions-text", markup=False)
        yield CalmFooter()

    def on_mount(self) -> None:
        self.versions = self.store.repo(JournalRepository).earlier_versions(self.entry_id)
        option_list = self.query_one("#versions-list", OptionList)
        option_list.set_options([Option(_row(version), id=str(n)) for n, version in enumerate(self.versions)])
        if self.versions:
            count = len(self.versions)
            self.query_one("#versions-summary", Static).update(
                f"{count} earlier version{'s' if count != 1 else ''}, kept when this entry was changed on two "
                "computers at once. The newest edit is the entry itself."
            )
            option_list.highlighted = 0
            self._show(0)
        else:
            self.query_one("#versions-summary", Static).update("This entry has no earlier versions.")
        option_list.focus()

    @on(OptionList.OptionHighlighted, "#versions-list")
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if event.option.id is not None:
            self._show(int(event.option.id))

    def _show(self, index: int) -> None:
        version = self.versions[index]
        title = Content.styled(version.title, "bold") if version.title else Content("")
        self.query_one("#versions-text", Static).update(
            Content.assemble(title, "\n\n" if version.title else "", version.body)
        )

    def action_back(self) -> None:
        self.dismiss(None)


def _row(version: JournalEntry) -> Content:
    try:
        when = f"{from_text(version.updated_at):%a %-d %b %Y, %H:%M}"
    except ValueError:
        when = "an earlier time"
    words = " ".join(version.body.split())[:60] or "(no words)"
    return Content.assemble((f"{when:<24}", "$text-muted"), Content(words))
