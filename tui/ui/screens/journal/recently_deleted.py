"""Recently deleted: journal entries deleted and drafts set aside in the last 30 days.

Reached from the entry list (``r``) and the command palette. An item can be
brought back into the journal (Enter or ``r``), or, after a second look,
removed for good (``d``). After 30 days the words are removed by themselves.
"""

from __future__ import annotations

from datetime import date

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Header, OptionList, Static
from textual.widgets.option_list import Option

from tui.core.recently_deleted import KEEP_DAYS, KIND_DRAFT, DeletedItem
from tui.core.timefmt import from_text
from tui.store.journal_keeping import remove_for_good, restore_deleted
from tui.store.recently_deleted_repository import RecentlyDeletedRepository
from tui.ui.base import HeartworkScreen
from tui.ui.store_errors import store_write
from tui.ui.widgets.calm_footer import CalmFooter


class RecentlyDeletedScreen(HeartworkScreen[None]):
    """What was deleted or set aside lately, to bring back or let go of."""

    CSS_PATH = "../../styles/journal.tcss"
    SUB_TITLE = "Recently deleted"
    BINDINGS = [
        Binding("escape", "back", "Back"),
        Binding("r", "restore", "Bring back"),
        Binding("d,delete", "remove", "Remove for good"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.items: list[DeletedItem] = []

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="deleted-body"):
            yield Static(id="deleted-summary")
            yield OptionList(id="deleted-items")
        yield CalmFooter()

    @property
    def repo(self) -> RecentlyDeletedRepository:
        return self.store.repo(RecentlyDeletedRepository)

    def on_mount(self) -> None:
        self.refresh_items()
        self.query_one("#deleted-items", OptionList).focus()

    def refresh_items(self) -> None:
        now = self.clock.now()
        self.items = self.repo.listed(now)
        option_list = self.query_one("#deleted-items", OptionList)
        previous = option_list.highlighted
        option_list.set_options([Option(self._row(item, now), id=item.id) for item in self.items])
        if self.items:
            option_list.highlighted = min(previous or 0, len(self.items) - 1)
            text = (
                f"{len(self.items):,} item{'s' if len(self.items) != 1 else ''}, kept for {KEEP_DAYS} days after deleting. "
                "Enter brings one back into your journal."
            )
        else:
            text = f"Nothing here. What you delete or set aside waits here for {KEEP_DAYS} days."
        self.query_one("#deleted-summary", Static).update(text)

    def _row(self, item: DeletedItem, now: object) -> Content:
        assert item.entry is not None
        entry = item.entry
        try:
            day = f"{date.fromisoformat(entry.entry_date):%a %-d %b}"
        except ValueError:
            day = entry.entry_date
        try:
            went = f"{from_text(item.deleted_at):%-d %b}"
        except ValueError:
            went = "lately"
        what = "Unfinished draft" if item.kind == KIND_DRAFT else "Entry"
        days = item.days_left(now)  # type: ignore[arg-type]
        left = "last day" if days <= 1 else f"{days} days left"
        title = entry.title or " ".join(entry.body.split())[:60] or "(no words)"
        head = Content.assemble((f"{day:<11}", "$text-muted"), Content(title))
        line2 = Content.styled(f"{' ' * 11}{what} · deleted {went} · {left}", "$text-muted")
        return Content.assemble(head, "\n", line2)

    def _highlighted(self) -> DeletedItem | None:
        option = self.query_one("#deleted-items", OptionList).highlighted_option
        if option is None:
            return None
        return next((item for item in self.items if item.id == option.id), None)

    @on(OptionList.OptionSelected, "#deleted-items")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_restore()

    def action_restore(self) -> None:
        item = self._highlighted()
        if item is None:
            self.notify("Choose an item first.")
            return
        with store_write(self.app, "Not brought back") as attempt:
            entry = restore_deleted(self.store, item.id, self.clock.now())
        if attempt.failed:
            return
        if entry is not None:
            self.notify("It is back in your journal.", title="Brought back")
            self.heartwork.data_changed()
        self.refresh_items()

    def action_remove(self) -> None:
        item = self._highlighted()
        if item is None:
            self.notify("Choose an item first.")
            return
        from tui.ui.dialogs.confirm import ConfirmScreen

        def answered(remove: bool | None) -> None:
            if not remove:
                return
            with store_write(self.app, "Not removed") as attempt:
                remove_for_good(self.store, item.id, self.clock.now())
            if attempt.failed:
                return
            self.refresh_items()

        self.app.push_screen(
            ConfirmScreen(
                "Remove this for good? It cannot be brought back after this.",
                "Remove for good",
                "Keep it",
                destructive="yes",
            ),
            answered,
        )

    def action_back(self) -> None:
        self.dismiss(None)
