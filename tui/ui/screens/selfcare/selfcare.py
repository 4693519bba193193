"""Self-care: the day's routines grouped by time of day, ticked, partly done or resting, kindly counted."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date, timedelta

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Header, OptionList, Static

from tui.content.selfcare_ideas import selfcare_ideas
from tui.core.selfcare import SelfCareIdea, SelfCareItem, SelfCareTick, added_on, day_summary, ideas_not_on_list
from tui.core.selfcare_listing import DayRow, day_groups, week_overall
from tui.core.selfcare_progress import states_by_item, wants_gentle_suggestion
from tui.core.selfcare_schedule import less_often
from tui.store.selfcare_need_repository import SelfCareNeedRepository
from tui.store.selfcare_repository import SelfCareRepository, SelfCareTickRepository
from tui.ui.base import HeartworkScreen
from tui.ui.messages import DataChanged
from tui.ui.screens.selfcare.day_options import day_options
from tui.ui.screens.selfcare.routine_form import RoutineDraft, RoutineFormScreen
from tui.ui.screens.selfcare.selfcare_archived import SelfCareArchivedScreen
from tui.ui.screens.selfcare.selfcare_history import SelfCareHistoryScreen
from tui.ui.screens.selfcare.selfcare_ideas import SelfCareIdeasScreen
from tui.ui.screens.selfcare.selfcare_needs import SelfCareNeedsScreen
from tui.ui.screens.selfcare.selfcare_suggestion import SelfCareSuggestionScreen, SuggestionChoice, suggestion_line
from tui.ui.store_errors import store_write
from tui.ui.widgets.calm_footer import CalmFooter

DAYS_BACK = 7  # how far back the day picker goes (people forget)
HINT = (
    "Space done · p partly · r resting today · ←/→ another day · Shift+↑/↓ move\n"
    "+ add · e edit · i ideas · n needs · g four weeks · d archive · v archived"
)


class SelfCareScreen(HeartworkScreen[None]):
    """Tick what you did for yourself today (or a recent day); add, edit, move, archive and pick routines."""

    BINDINGS = [
        Binding("space", "tick", "Done"),
        Binding("p", "mark('partly')", "Partly"),
        Binding("r", "mark('rest')", "Resting"),
        Binding("plus,insert", "add", "Add", key_display="+"),
        Binding("e", "edit", "Edit"),
        Binding("i", "ideas", "Ideas"),
        Binding("left,left_square_bracket", "day(-1)", "Earlier", key_display="←", show=False),
        Binding("right,right_square_bracket", "day(1)", "Later", key_display="→", show=False),
        Binding("shift+up", "move(-1)", "Move up", show=False),
        Binding("shift+down", "move(1)", "Move down", show=False),
        Binding("n", "needs", "Needs", show=False),
        Binding("g", "history", "Four weeks", show=False),
        Binding("d,delete", "remove", "Archive", show=False),
        Binding("v", "archived", "Archived", show=False),
        Binding("o", "suggestion", "A gentler shape", show=False),
    ]

    DEFAULT_CSS = """
    SelfCareScreen #selfcare-body { align-horizontal: center; padding: 0 2; height: 1fr; }
    SelfCareScreen #selfcare-body > Static { width: 100%; max-width: 76; }
    SelfCareScreen #selfcare-heading { text-style: bold; padding-top: 1; }
    SelfCareScreen #selfcare-today { color: $secondary; }
    SelfCareScreen #selfcare-list {
        width: 100%; max-width: 76; height: auto; max-height: 1fr; margin: 0;
        border: round $primary 40%; background: transparent; padding: 0 1;
    }
    SelfCareScreen #selfcare-list:focus { border: round $primary; }
    SelfCareScreen #selfcare-week { color: $text-muted; }
    SelfCareScreen #selfcare-suggestion { color: $secondary; }
    SelfCareScreen #selfcare-hint { color: $text-muted; }
    """

    def __init__(self) -> None:
        super().__init__()
        self._rows: dict[str, DayRow] = {}
        self._today: date | None = None
        self._days_back = 0
        self._suggested: SelfCareItem | None = None
        self._not_now: set[str] = set()

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="selfcare-body"):
            yield Static(id="selfcare-heading")
            yield Static(id="selfcare-today")
            yield OptionList(id="selfcare-list", markup=False)
            yield Static(id="selfcare-week")
            yield Static(id="selfcare-suggestion", markup=False)
            yield Static(HINT, id="selfcare-hint")
        yield CalmFooter()

    @property
    def items_repository(self) -> SelfCareRepository:
        return self.store.repo(SelfCareRepository)

    @property
    def ticks_repository(self) -> SelfCareTickRepository:
        return self.store.repo(SelfCareTickRepository)

    @property
    def day(self) -> date:
        """The day being looked at: today, or up to a week back."""
        today = self._today or self.clock.now().date()
        return today - timedelta(days=self._days_back)

    def on_mount(self) -> None:
        with store_write(self.app, "Not saved"):
            self.items_repository.ensure_started(self.clock.now())
        self.refresh_from_store()
        self.query_one("#selfcare-list", OptionList).focus()

    def on_screen_resume(self) -> None:
        self.refresh_from_store()

    def on_data_changed(self, _: DataChanged) -> None:
        self.refresh_from_store()

    def refresh_from_store(self, keep: str | None = None) -> None:
        """Rebuild the list for the chosen day, keeping the highlighted routine where it can."""
        self._today = self.clock.now().date()
        week_start = self.settings.week_start
        items = self.items_repository.active_items()
        ticks = self.ticks_repository.all()
        groups = day_groups(items, ticks, self.day, week_start)
        self._rows = {row.item.id: row for _, rows in groups for row in rows}
        option_list = self.query_one("#selfcare-list", OptionList)
        if keep is None and option_list.highlighted is not None and option_list.option_count:
            keep = option_list.get_option_at_index(option_list.highlighted).id
        option_list.clear_options()
        option_list.add_options(day_options(groups, today=self._days_back == 0))
        self._highlight(keep)
        self._update_words(items, ticks)

    def _highlight(self, item_id: str | None) -> None:
        option_list = self.query_one("#selfcare-list", OptionList)
        if item_id is not None and item_id in self._rows:
            option_list.highlighted = option_list.get_option_index(item_id)
            return
        enabled = [i for i in range(option_list.option_count) if not option_list.get_option_at_index(i).disabled]
        option_list.highlighted = enabled[0] if enabled else None

    def _update_words(self, items: list[SelfCareItem], all_ticks: list[SelfCareTick]) -> None:
        day = self.day
        when = "Today" if self._days_back == 0 else "Yesterday" if self._days_back == 1 else f"{day:%A}"
        self.query_one("#selfcare-heading", Static).update(f"Looking after yourself · {when}, {day:%-d %B}")
        summary = day_summary(items, all_ticks, day).sentence()
        if self._days_back:
            summary = summary.replace("today", "that day").replace(" so far", "")
        self.query_one("#selfcare-today", Static).update(summary)
        overall = week_overall(items, all_ticks, day, self.settings.week_start)
        self.query_one("#selfcare-week", Static).update(f"All routines: {overall.sentence()}.")
        states = states_by_item((t.item_id, t.day, t.state) for t in all_ticks)
        today = self._today or day
        self._suggested = next(
            (
                item
                for item in items
                if item.id not in self._not_now
                and wants_gentle_suggestion(
                    item.schedule, states.get(item.id, {}), today, added_on(item), dismissed=item.suggestion_dismissed
                )
            ),
            None,
        )
        line = suggestion_line(self._suggested) if self._suggested is not None else ""
        self.query_one("#selfcare-suggestion", Static).update(line)

    def _highlighted_item(self) -> SelfCareItem | None:
        option_list = self.query_one("#selfcare-list", OptionList)
        index = option_list.highlighted
        if index is None or not (0 <= index < option_list.option_count):
            return None
        row = self._rows.get(option_list.get_option_at_index(index).id or "")
        return row.item if row is not None else None

    # -- ticking -----------------------------------------------------------------

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_tick()

    def action_tick(self) -> None:
        """Space: the highlighted routine done on the chosen day, or not done again."""
        self.action_mark("done")

    def action_mark(self, state: str) -> None:
        """Set ``state`` (done, partly, rest) for the highlighted routine on the chosen day; again clears it."""
        if self._today != self.clock.now().date():
            self._days_back = 0
            self.refresh_from_store()
            self.notify("A new day has begun, so here is today's list.", timeout=4)
            return
        item = self._highlighted_item()
        if item is None:
            return
        row = self._rows[item.id]
        new_state = None if row.state == state else state
        with store_write(self.app, "Not saved") as attempt:
            self.ticks_repository.set_state(item.id, self.day, new_state)
        if attempt.failed:
            return
        self.refresh_from_store(keep=item.id)

    def action_day(self, step: int) -> None:
        """←/→: look at an earlier or later day, from a week back up to today."""
        days_back = min(DAYS_BACK, max(0, self._days_back - step))
        if days_back == self._days_back:
            return
        self._days_back = days_back
        self.refresh_from_store()

    def action_move(self, step: int) -> None:
        """Shift+↑/↓: move the highlighted routine in the list."""
        item = self._highlighted_item()
        if item is None:
            return
        with store_write(self.app, "Not saved") as attempt:
            moved = self.items_repository.move(item.id, step)
        if not attempt.failed and moved:
            self.refresh_from_store(keep=item.id)

    # -- changing the list -------------------------------------------------------

    def action_add(self) -> None:
        def added(draft: RoutineDraft | None) -> None:
            if draft is None:
                return
            with store_write(self.app, "Not saved") as attempt:
                item = self.items_repository.add(
                    draft.text,
                    self.clock.now(),
                    draft.category,
                    schedule=draft.schedule,
                    time_of_day=draft.time_of_day,
                    need_id=draft.need_id,
                )
            if not attempt.failed:
                self.refresh_from_store(keep=item.id)

        needs = self.store.repo(SelfCareNeedRepository).needs()
        self.app.push_screen(RoutineFormScreen("Add a routine that looks after you", needs), added)

    def action_edit(self) -> None:
        item = self._highlighted_item()
        if item is not None:
            self._edit(item, "Edit this routine")

    def _edit(self, item: SelfCareItem, title: str) -> None:
        """Open the form on ``item`` (which need not be on the day's list) and save what comes back."""
        item_id = item.id

        def edited(draft: RoutineDraft | None) -> None:
            if draft is None:
                return
            with store_write(self.app, "Not saved") as attempt:
                self.items_repository.update(
                    item_id,
                    text=draft.text,
                    category=draft.category,
                    schedule=draft.schedule,
                    time_of_day=draft.time_of_day,
                    need_id=draft.need_id,
                    suggestion_dismissed=item.suggestion_dismissed,  # made smaller: no more asking
                )
            if not attempt.failed:
                self.refresh_from_store(keep=item_id)

        needs = self.store.repo(SelfCareNeedRepository).needs()
        self.app.push_screen(RoutineFormScreen(title, needs, item), edited)

    def action_ideas(self) -> None:
        ideas = ideas_not_on_list(selfcare_ideas(), self.items_repository.all())

        def picked(idea: SelfCareIdea | None) -> None:
            if idea is None:
                return
            with store_write(self.app, "Not saved") as attempt:
                item = self.items_repository.add_idea(idea, self.clock.now())
            if attempt.failed:
                return
            self.refresh_from_store(keep=item.id)
            self.notify(f"Added: {idea.text}", timeout=3, markup=False)

        self.app.push_screen(SelfCareIdeasScreen(ideas), picked)

    def action_remove(self) -> None:
        """d: archive the highlighted routine (asked first, undo right after); its days stay."""
        item = self._highlighted_item()
        if item is None:
            return
        from tui.ui.dialogs.delete_confirm import confirm_delete

        repository = self.items_repository
        kept = replace(item)

        def archive() -> Callable[[], object]:
            repository.remove(kept.id)
            return lambda: repository.save(replace(kept))

        confirm_delete(
            self,
            "routine",
            kept.text,
            archive,
            note="It goes to the archive (v) with all its days, ready to come back.",
            after=self.refresh_from_store,
        )

    def action_archived(self) -> None:
        def chosen(item_id: str | None) -> None:
            if item_id is None:
                return
            with store_write(self.app, "Not restored") as attempt:
                item = self.items_repository.restore(item_id)
            if attempt.failed or item is None:
                return
            self.refresh_from_store(keep=item.id)
            self.notify(f"Back on your list: {item.text}", timeout=3, markup=False)

        self.app.push_screen(SelfCareArchivedScreen(self.items_repository.archived_items()), chosen)

    def action_needs(self) -> None:
        self.app.push_screen(SelfCareNeedsScreen())

    def action_history(self) -> None:
        items = self.items_repository.active_items()
        states = states_by_item((t.item_id, t.day, t.state) for t in self.ticks_repository.all())
        today = self._today or self.clock.now().date()
        self.app.push_screen(SelfCareHistoryScreen(items, states, today, self.settings.week_start))

    def action_suggestion(self) -> None:
        """o: the gentle offer for a routine that has been quiet for two weeks."""
        item = self._suggested
        if item is None:
            self.notify("Nothing to suggest right now. Your list looks fine as it is.", timeout=3)
            return

        def answered(choice: SuggestionChoice | None) -> None:
            self._answer_suggestion(item, choice)

        self.app.push_screen(SelfCareSuggestionScreen(item), answered)

    def _answer_suggestion(self, item: SelfCareItem, choice: SuggestionChoice | None) -> None:
        if choice is None:
            self._not_now.add(item.id)
            self.refresh_from_store()
            return
        if choice == "smaller":
            self._edit(replace(item, suggestion_dismissed=True), "Make it smaller: a tiny version still counts")
            return
        changes: dict[str, object] = {"suggestion_dismissed": True}
        if choice == "less":
            changes["schedule"] = less_often(item.schedule)
        elif choice == "rest":
            changes["active"] = False
        with store_write(self.app, "Not saved") as attempt:
            self.items_repository.update(item.id, **changes)
        if attempt.failed:
            return
        if choice == "rest":
            self.notify(f"Resting for now: {item.text}. It waits under v.", timeout=4, markup=False)
        self.refresh_from_store()
