"""Homework: what was agreed with a therapist, the practice already done, and reviews when due."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Header, OptionList, Static
from textual.widgets.option_list import Option

from tui.core.homework.assignment import ACTIVE, ENDED, KIND_FREE_TEXT, PAUSED, Assignment
from tui.core.homework.form import frequency_from_words, minutes_from_form
from tui.core.homework.progress import first_weekday, grid, today_summary, week_count, week_start, weekday_header
from tui.core.homework.reviewing import adherence_words, apply_review, edit, mood_words, set_status
from tui.core.ids import new_id
from tui.core.selfcare_names import match_routine
from tui.core.timefmt import to_text
from tui.store.homework_queries import checkin_documents, homework_done_days
from tui.store.homework_repository import HomeworkRepository
from tui.store.selfcare_repository import SelfCareRepository
from tui.ui.base import HeartworkScreen
from tui.ui.messages import DataChanged
from tui.ui.screens.homework.homework_form import HomeworkDraft, HomeworkFormScreen
from tui.ui.screens.homework.homework_review import HomeworkReviewScreen, ReviewDraft
from tui.ui.store_errors import store_write
from tui.ui.widgets.calm_footer import CalmFooter

HINT = "Space your own task done today · ← done yesterday · r review\n+ add · e edit · p pause · x end"
STATUS_WORDS = {ACTIVE: "", PAUSED: " (paused)", ENDED: " (ended)"}


class HomeworkScreen(HeartworkScreen[None]):
    """The agreed practice, each with this week's count and four weeks of practice days."""

    BINDINGS = [
        Binding("plus,insert", "add", "Add", key_display="+"),
        Binding("e", "edit", "Edit"),
        Binding("space", "tick(0)", "Done today"),
        Binding("left,left_square_bracket", "tick(1)", "Done yesterday", key_display="←", show=False),
        Binding("r", "review", "Review"),
        Binding("p", "pause", "Pause", show=False),
        Binding("x", "end", "End", show=False),
    ]

    DEFAULT_CSS = """
    HomeworkScreen #hw-body { align-horizontal: center; padding: 0 2; height: 1fr; }
    HomeworkScreen #hw-body > Static { width: 100%; max-width: 76; }
    HomeworkScreen #hw-heading { text-style: bold; padding-top: 1; }
    HomeworkScreen #hw-today { color: $secondary; }
    HomeworkScreen #hw-list {
        width: 100%; max-width: 76; height: auto; max-height: 1fr;
        border: round $primary 40%; background: transparent; padding: 0 1;
    }
    HomeworkScreen #hw-list:focus { border: round $primary; }
    HomeworkScreen #hw-detail { color: $text; height: auto; }
    HomeworkScreen #hw-hint { color: $text-muted; }
    """

    def __init__(self) -> None:
        super().__init__()
        self._items: dict[str, Assignment] = {}
        self._done: dict[str, set[date]] = {}

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="hw-body"):
            yield Static("Homework · the practice you agreed", id="hw-heading")
            yield Static(id="hw-today", markup=False)
            yield OptionList(id="hw-list", markup=False)
            yield Static(id="hw-detail", markup=False)
            yield Static(HINT, id="hw-hint", markup=False)
        yield CalmFooter()

    @property
    def repository(self) -> HomeworkRepository:
        return self.store.repo(HomeworkRepository)

    @property
    def today(self) -> date:
        return self.clock.now().date()

    def on_mount(self) -> None:
        self.refresh_from_store()
        self.query_one("#hw-list", OptionList).focus()

    def on_screen_resume(self) -> None:
        self.refresh_from_store()

    def on_data_changed(self, _: DataChanged) -> None:
        self.refresh_from_store()

    def refresh_from_store(self, keep: str | None = None) -> None:
        """Rebuild the list, keeping the highlighted assignment where it can."""
        assignments, self._done = homework_done_days(self.store, self.clock.now().tzinfo)
        self._items = {a.id: a for a in assignments}
        first = first_weekday(self.settings.week_start)
        option_list = self.query_one("#hw-list", OptionList)
        if keep is None and option_list.highlighted is not None and option_list.option_count:
            keep = option_list.get_option_at_index(option_list.highlighted).id
        option_list.clear_options()
        for a in assignments:
            count = week_count(a, self._done.get(a.id, set()), self.today, first).words()
            due = " · review ready" if a.review_due(self.today) else ""
            option_list.add_option(Option(f"{a.title}{STATUS_WORDS.get(a.status, '')} · {count}{due}", id=a.id))
        if not assignments:
            option_list.add_option(
                Option("Nothing agreed yet. Press + to add what you and your therapist chose.", disabled=True)
            )
        if keep in self._items:
            option_list.highlighted = option_list.get_option_index(keep)
        elif assignments:
            option_list.highlighted = 0
        summary = today_summary(assignments, self._done, self.today, first)
        self.query_one("#hw-today", Static).update(summary.words() + ".")
        self._show_detail()

    def on_option_list_option_highlighted(self, _: OptionList.OptionHighlighted) -> None:
        self._show_detail()

    def _selected(self) -> Assignment | None:
        option_list = self.query_one("#hw-list", OptionList)
        index = option_list.highlighted
        if index is None or not 0 <= index < option_list.option_count:
            return None
        return self._items.get(option_list.get_option_at_index(index).id or "")

    def _show_detail(self) -> None:
        a = self._selected()
        detail = self.query_one("#hw-detail", Static)
        if a is None:
            detail.update("")
            return
        how = a.frequency.describe() + (f", {a.minutes} minutes" if a.timed and a.minutes else "")
        lines = [f"{how}" + (f" · focus: {a.focus}" if a.focus else "")]
        if a.agreed:
            lines.append(f"Agreed: {a.agreed}")
        first = first_weekday(self.settings.week_start)
        lines.append(f"{'Four weeks, ● practice':<24}{weekday_header(first)}")
        monday = week_start(self.today, first) - timedelta(days=21)
        rows = grid(a, self._done.get(a.id, set()), self.today, first)
        lines.extend(f"{f'week of {monday + timedelta(days=7 * n):%d %b}':<24}{row}" for n, row in enumerate(rows))
        if a.review_due(self.today):
            lines.append("A review is ready: press r to look back together.")
        elif a.review:
            lines.append(f"Review on {a.review}")
        lines.extend(f"{c.at[:10]} {c.what}" + (f": {c.detail}" if c.detail else "") for c in a.history[-3:])
        detail.update("\n".join(lines))

    # -- changes -------------------------------------------------------------------

    def _now_text(self) -> str:
        return to_text(self.clock.now())

    def _save(self, item: Assignment) -> None:
        with store_write(self.app, "Not saved") as attempt:
            self.repository.save(item)
        if not attempt.failed:
            self.refresh_from_store(keep=item.id)

    def _resolved(self, draft: HomeworkDraft) -> HomeworkDraft | None:
        """A self-care homework names its routine in words: find it (None, with a kind note, when none fits)."""
        if draft.kind != "selfcare":
            return draft
        items = self.store.repo(SelfCareRepository).active_items()
        if draft.target in {item.id for item in items}:
            return draft
        match = match_routine(draft.target, items)
        if match.item is None:
            close = ", ".join(item.text for item in match.close) or "none yet: add one in Self-care (s)"
            self.notify(f"Which routine? Close ones: {close}", title="Not saved yet", timeout=8, markup=False)
            return None
        title = draft.title if not draft.title.startswith("Self-care: ") else f"Self-care: {match.item.text}"
        return replace(draft, target=match.item.id, title=title)

    def action_add(self) -> None:
        def added(draft: HomeworkDraft | None) -> None:
            if draft is not None and (draft := self._resolved(draft)) is not None:
                item = Assignment(id=new_id(), created_at=self._now_text(), **draft.__dict__)
                self._save(item.with_change(self._now_text(), "created"))

        self.app.push_screen(HomeworkFormScreen("New homework", self.today), added)

    def action_edit(self) -> None:
        current = self._selected()
        if current is None:
            return

        def edited(draft: HomeworkDraft | None) -> None:
            if draft is not None and (draft := self._resolved(draft)) is not None:
                self._save(edit(current, self._now_text(), **draft.__dict__))

        self.app.push_screen(HomeworkFormScreen("Change this homework", self.today, current), edited)

    def action_pause(self) -> None:
        current = self._selected()
        if current is not None and current.status != ENDED:
            self._save(set_status(current, PAUSED if current.status == ACTIVE else ACTIVE, self._now_text()))

    def action_end(self) -> None:
        current = self._selected()
        if current is None or current.status == ENDED:
            return
        from tui.ui.dialogs.confirm import ConfirmScreen

        def answered(yes: bool | None) -> None:
            if yes:
                self._save(set_status(current, ENDED, self._now_text()))

        self.app.push_screen(
            ConfirmScreen(f"End “{current.title}”? Its practice and history stay.", yes="End it", no="Not now"),
            answered,
        )

    def action_tick(self, days_back: int) -> None:
        """Your own tasks only: done today (space) or yesterday (←); again clears it."""
        current = self._selected()
        if current is None:
            return
        if current.kind != KIND_FREE_TEXT:
            self.notify("This one is noticed from what you do in its section: nothing to tick here.", timeout=4)
            return
        day = self.today - timedelta(days=days_back)
        done = day not in self._done.get(current.id, set())
        with store_write(self.app, "Not saved") as attempt:
            self.repository.ticks.set_done(current.id, day, done, self._now_text())
        if not attempt.failed:
            self.refresh_from_store(keep=current.id)

    def action_review(self) -> None:
        current = self._selected()
        if current is None or current.status == ENDED:
            return
        done = self._done.get(current.id, set())
        adherence = adherence_words(current, done, self.today)
        mood = mood_words(checkin_documents(self.store), done)

        def reviewed(draft: ReviewDraft | None) -> None:
            if draft is not None:
                self._apply_review(current, draft, adherence, mood)

        self.app.push_screen(HomeworkReviewScreen(current, adherence, mood), reviewed)

    def _apply_review(self, current: Assignment, draft: ReviewDraft, adherence: str, mood: str) -> None:
        try:
            value: object = draft.value
            if draft.step == "frequency":
                value = frequency_from_words(draft.value)
            elif draft.step == "minutes":
                value = minutes_from_form(draft.value)
            updated, review = apply_review(
                current, draft.answers, draft.step, value, self.today, self._now_text(), adherence, mood
            )
        except ValueError as problem:
            self.notify(f"Review not saved: {problem}", timeout=6)
            return
        with store_write(self.app, "Not saved") as attempt:
            self.repository.save_review(updated, review)
        if not attempt.failed:
            self.refresh_from_store(keep=current.id)
