"""Self-care: the person's small routines, ticked for today, with a kind summary."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Header, OptionList, Static
from textual.widgets.option_list import Option

from tui.content.selfcare_ideas import selfcare_ideas
from tui.core.selfcare import SelfCareIdea, SelfCareItem, clean_item_text, day_summary, ideas_not_on_list, week_summary
from tui.store.selfcare_repository import SelfCareRepository, SelfCareTickRepository
from tui.ui.base import HeartworkScreen
from tui.ui.dialogs.text_entry import TextEntryResult, TextEntryScreen
from tui.ui.messages import DataChanged
from tui.ui.screens.selfcare.selfcare_ideas import SelfCareIdeasScreen
from tui.ui.store_errors import store_write
from tui.ui.widgets.calm_footer import CalmFooter


class SelfCareScreen(HeartworkScreen[None]):
    """Tick what you did for yourself today; add, edit, remove and pick routines."""

    BINDINGS = [
        Binding("space", "tick", "Tick"),
        Binding("plus,insert", "add", "Add", key_display="+"),
        Binding("i", "ideas", "Ideas"),
        Binding("e", "edit", "Edit"),
        Binding("d,delete", "remove", "Delete"),
    ]

    DEFAULT_CSS = """
    SelfCareScreen #selfcare-body { align-horizontal: center; padding: 1 2; height: 1fr; }
    SelfCareScreen #selfcare-heading { width: 100%; max-width: 76; text-style: bold; }
    SelfCareScreen #selfcare-today { width: 100%; max-width: 76; color: $secondary; }
    SelfCareScreen #selfcare-list {
        width: 100%; max-width: 76; height: auto; max-height: 1fr; margin: 1 0;
        border: round $primary 40%; background: transparent; padding: 0 1;
    }
    SelfCareScreen #selfcare-list:focus { border: round $primary; }
    SelfCareScreen #selfcare-week { width: 100%; max-width: 76; color: $text-muted; }
    SelfCareScreen #selfcare-hint { width: 100%; max-width: 76; color: $text-muted; }
    """

    def __init__(self) -> None:
        super().__init__()
        self._items: list[SelfCareItem] = []
        self._today: date | None = None
        self._done: set[str] = set()

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="selfcare-body"):
            yield Static(id="selfcare-heading")
            yield Static(id="selfcare-today")
            yield OptionList(id="selfcare-list", markup=False)
            yield Static(id="selfcare-week")
            yield Static(
                "Space or Enter ticks and unticks · + add · i ideas · e edit · d delete (past days stay as they were)",
                id="selfcare-hint",
            )
        yield CalmFooter()

    @property
    def items_repository(self) -> SelfCareRepository:
        return self.store.repo(SelfCareRepository)

    @property
    def ticks_repository(self) -> SelfCareTickRepository:
        return self.store.repo(SelfCareTickRepository)

    def on_mount(self) -> None:
        with store_write(self.app, "Not saved"):
            self.items_repository.ensure_started(self.clock.now())
        self.refresh_from_store()
        self.query_one("#selfcare-list", OptionList).focus()

    def on_screen_resume(self) -> None:
        self.refresh_from_store()

    def on_data_changed(self, _: DataChanged) -> None:
        self.refresh_from_store()

    def refresh_from_store(self) -> None:
        now = self.clock.now()
        self._today = now.date()
        self._items = self.items_repository.active_items()
        self._done = {tick.item_id for tick in self.ticks_repository.for_day(self._today)}
        option_list = self.query_one("#selfcare-list", OptionList)
        highlighted = option_list.highlighted
        option_list.clear_options()
        option_list.add_options([Option(self._prompt(item), id=item.id) for item in self._items])
        if self._items:
            option_list.highlighted = min(highlighted or 0, len(self._items) - 1)
        self.query_one("#selfcare-heading", Static).update(f"Looking after yourself · {now:%A %-d %B}")
        self._update_summaries()

    def _update_summaries(self) -> None:
        if self._today is None:
            return
        ticks = self.ticks_repository.all()
        self.query_one("#selfcare-today", Static).update(day_summary(self._items, ticks, self._today).sentence())
        self.query_one("#selfcare-week", Static).update(week_summary(ticks, self._today).sentence())

    def _prompt(self, item: SelfCareItem) -> str:
        return f"[{'✓' if item.id in self._done else ' '}]  {item.text}"

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_tick()

    def action_tick(self) -> None:
        """Tick the highlighted routine for today, or untick it."""
        if self._today != self.clock.now().date():
            self.refresh_from_store()
            self.notify("A new day has begun, so here is today's list.", timeout=4)
            return
        item = self._highlighted_item()
        if item is None or self._today is None:
            return
        done = item.id not in self._done
        with store_write(self.app, "Not saved") as attempt:
            self.ticks_repository.set_done(item.id, self._today, done)
        if attempt.failed:
            return
        if done:
            self._done.add(item.id)
        else:
            self._done.discard(item.id)
        option_list = self.query_one("#selfcare-list", OptionList)
        option_list.replace_option_prompt(item.id, self._prompt(item))
        self._update_summaries()

    def _highlighted_item(self) -> SelfCareItem | None:
        index = self.query_one("#selfcare-list", OptionList).highlighted
        if index is None or not (0 <= index < len(self._items)):
            return None
        return self._items[index]

    # -- actions -----------------------------------------------------------------

    def action_add(self) -> None:
        def added(result: TextEntryResult | None) -> None:
            if result is None:
                return
            with store_write(self.app, "Not saved") as attempt:
                self.items_repository.add(result[0], self.clock.now())
            if attempt.failed:
                return
            self.refresh_from_store()
            self._highlight_last()

        self.app.push_screen(
            TextEntryScreen(
                "Add a routine that looks after you",
                placeholder="For example: Sit in the sun for a few minutes.",
                check=clean_item_text,
                max_length=120,
            ),
            added,
        )

    def _highlight_last(self) -> None:
        if self._items:
            self.query_one("#selfcare-list", OptionList).highlighted = len(self._items) - 1

    def action_ideas(self) -> None:
        ideas = ideas_not_on_list(selfcare_ideas(), self._items)

        def picked(idea: SelfCareIdea | None) -> None:
            if idea is None:
                return
            with store_write(self.app, "Not saved") as attempt:
                self.items_repository.add_idea(idea, self.clock.now())
            if attempt.failed:
                return
            self.refresh_from_store()
            self._highlight_last()
            self.notify(f"Added: {idea.text}", timeout=3, markup=False)

        self.app.push_screen(SelfCareIdeasScreen(ideas), picked)

    def action_edit(self) -> None:
        item = self._highlighted_item()
        if item is None:
            return
        item_id = item.id

        def edited(result: TextEntryResult | None) -> None:
            if result is None:
                return
            with store_write(self.app, "Not saved") as attempt:
                self.items_repository.rename(item_id, result[0])
            if attempt.failed:
                return
            self.refresh_from_store()

        self.app.push_screen(
            TextEntryScreen("Edit this routine", initial=item.text, check=clean_item_text, max_length=120), edited
        )

    def action_remove(self) -> None:
        item = self._highlighted_item()
        if item is None:
            return
        from tui.ui.dialogs.delete_confirm import confirm_delete

        repository = self.items_repository
        kept = replace(item)  # as it is now, on the list

        def delete() -> Callable[[], object]:
            repository.remove(kept.id)
            return lambda: repository.save(replace(kept))

        confirm_delete(
            self,
            "routine",
            kept.text,
            delete,
            note="Days you already ticked stay as they were.",
            after=self.refresh_from_store,
        )
