"""The entry list: newest first, grouped by month, with search, filters, open, delete and undo.

A deleted entry goes to Recently deleted (kept 30 days), reached from here with ``r``.

Only a page of rows is built at a time (more on request), from light
summaries with their folded text already in memory, so ten years of entries
open and search at once.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import date
from typing import Any

from textual import on
from textual.actions import SkipAction
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Header, Input, Label, OptionList, Select, Static
from textual.widgets.option_list import Option

from tui.core.journal import KIND_TITLES, KINDS, parse_entry_date
from tui.core.journal_search import (
    EntrySummary,
    SearchFilter,
    filter_entries,
    fold,
    fold_with_origins,
    match_spans,
    narrows,
    query_terms,
    snippet_around,
)
from tui.store.journal_keeping import delete_entry, restore_deleted
from tui.store.journal_repository import JournalRepository
from tui.ui.base import HeartworkScreen
from tui.ui.messages import DataChanged
from tui.ui.widgets.calm_footer import CalmFooter

PAGE_SIZE = 50
MORE_ID = "__more__"
HIGHLIGHT = "bold reverse $accent"


class JournalListScreen(HeartworkScreen[str | None]):
    """Every entry; dismisses with the id of the entry to open (or None)."""

    CSS_PATH = "../../styles/journal.tcss"
    SUB_TITLE = "Journal entries"
    BINDINGS = [
        Binding("escape", "back", "Back"),
        Binding("slash", "focus_search", "Search"),
        Binding("d,delete", "delete_entry", "Delete"),
        Binding("r", "recently_deleted", "Recently deleted"),
        Binding("v", "earlier_versions", "Earlier versions", show=False),
        Binding("down", "into_list", "To the list", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.wanted = SearchFilter()
        self.limit = PAGE_SIZE
        self.shown: list[EntrySummary] = []
        self.matching = 0
        self._date_problem: str | None = None
        # (the summaries searched, the filter, what it found): the next keystroke may search only those
        self._last_search: tuple[list[EntrySummary], SearchFilter, list[EntrySummary]] | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="list-body"):
            with Horizontal(id="list-filters"):
                yield Input(placeholder="Search your entries", id="list-search")
                yield Select[str]([], prompt="Any tag", id="list-tag")
                yield Select[str]([(KIND_TITLES[k], k) for k in KINDS], prompt="Any kind", id="list-kind")
            with Horizontal(id="list-dates"):
                yield Label("Between")
                yield Input(placeholder="YYYY-MM-DD", id="list-from", max_length=10)
                yield Label("and")
                yield Input(placeholder="YYYY-MM-DD", id="list-to", max_length=10)
            yield Static(id="list-summary")
            yield OptionList(id="list-entries")
        yield CalmFooter()

    @property
    def repo(self) -> JournalRepository:
        return self.store.repo(JournalRepository)

    def on_mount(self) -> None:
        self._fill_tags()
        self.refresh_list()
        self.query_one("#list-entries", OptionList).focus()

    def on_data_changed(self, _: DataChanged) -> None:
        self._fill_tags()
        self.refresh_list(keep_position=True)

    def _fill_tags(self) -> None:
        select = self.query_one("#list-tag", Select)
        current = select.value
        tags = self.repo.all_tags()
        with self.prevent(Select.Changed):
            select.set_options([(f"#{tag}", tag) for tag in tags])
            if isinstance(current, str) and current in tags:
                select.value = current

    # -- showing -----------------------------------------------------------------

    def refresh_list(self, *, keep_position: bool = False) -> None:
        option_list = self.query_one("#list-entries", OptionList)
        previous = option_list.highlighted
        summaries = self.repo.summaries()
        found = self._filtered(summaries)
        self.matching = len(found)
        self.shown = found[: self.limit]
        options: list[Option] = []
        month = None
        for summary in self.shown:
            if summary.month != month:
                month = summary.month
                options.append(Option(Content.styled(_month_title(month), "bold $secondary"), disabled=True))
            options.append(Option(self._row(summary), id=summary.id))
        if len(found) > len(self.shown):
            left = len(found) - len(self.shown)
            options.append(Option(Content.styled(f"Show more ({left:,} more)", "italic $text-muted"), id=MORE_ID))
        option_list.set_options(options)
        self._update_summary(len(summaries))
        if options:
            target = previous if keep_position and previous is not None else 0
            target = min(target, len(options) - 1)
            option_list.highlighted = target
            if option_list.highlighted_option is not None and option_list.highlighted_option.disabled:
                option_list.action_cursor_down()

    def _filtered(self, summaries: list[EntrySummary]) -> list[EntrySummary]:
        """The entries that match, looking only through the last results while the query grows as typed."""
        if self.wanted.is_empty():
            found = summaries
        else:
            last = self._last_search
            narrowing = last is not None and last[0] is summaries and narrows(last[1], self.wanted)
            found = filter_entries(last[2] if last is not None and narrowing else summaries, self.wanted)
        self._last_search = (summaries, self.wanted, found)
        return found

    def _row(self, summary: EntrySummary) -> Content:
        query = self.wanted.query
        try:
            day = f"{date.fromisoformat(summary.entry_date):%a %-d %b}"
        except ValueError:
            day = summary.entry_date
        title = summary.title or ""
        if query.strip():
            stored_title, body = self.repo.text_of(summary.id)
            title_content = _highlighted(stored_title, match_spans(stored_title, query))
            window = _window_around_match(body, summary.folded, stored_title, query)
            snippet, spans = snippet_around(window, match_spans(window, query), width=110)
            line2 = _highlighted(snippet, spans)
        else:
            title_content = Content(title)
            line2 = Content(summary.excerpt)
        head = Content.assemble((f"{day:<11}", "$text-muted"), title_content)
        if not title:
            head = Content.assemble((f"{day:<11}", "$text-muted"))
        extras = []
        if summary.kind != "free":
            extras.append(KIND_TITLES.get(summary.kind, summary.kind))
        extras += [f"#{tag}" for tag in summary.tags]
        if extras:
            head = head + Content.styled("  " + "  ".join(extras), "$secondary")
        return Content.assemble(
            head, "\n", (" " * 11, ""), line2.stylize("$text-muted") if not query.strip() else line2
        )

    def _update_summary(self, total: int) -> None:
        if total == 0:
            text = "Nothing here yet. Your entries will gather here, newest first."
        elif self.wanted.is_empty():
            text = f"{total:,} entr{'y' if total == 1 else 'ies'}, newest first"
        elif self.matching == 0:
            text = "No entries match. Try fewer words or another filter."
        else:
            text = f"{self.matching:,} of {total:,} entries match"
        if self._date_problem:
            text = f"{text}  ·  [b]{self._date_problem}[/b]"
        self.query_one("#list-summary", Static).update(text)

    # -- filters -----------------------------------------------------------------

    @on(Input.Changed, "#list-search")
    def _search_changed(self, event: Input.Changed) -> None:
        self._apply(query=event.value)

    @on(Input.Submitted, "#list-search")
    def _search_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.query_one("#list-entries", OptionList).focus()

    @on(Select.Changed, "#list-tag")
    def _tag_changed(self, event: Select.Changed) -> None:
        self._apply(tag=event.value if isinstance(event.value, str) else None)

    @on(Select.Changed, "#list-kind")
    def _kind_changed(self, event: Select.Changed) -> None:
        self._apply(kind=event.value if isinstance(event.value, str) else None)

    @on(Input.Changed, "#list-from, #list-to")
    def _dates_changed(self, _: Input.Changed) -> None:
        problems: list[str] = []
        bounds: list[date | None] = []
        for widget_id, name in (("#list-from", "From"), ("#list-to", "To")):
            widget = self.query_one(widget_id, Input)
            value = widget.value.strip()
            if not value:
                bounds.append(None)
                widget.remove_class("-invalid")
                continue
            try:
                bounds.append(parse_entry_date(value))
                widget.remove_class("-invalid")
            except ValueError as problem:
                bounds.append(None)
                widget.add_class("-invalid")
                problems.append(f"{name}: {problem}")
        self._date_problem = "  ".join(problems) if problems else None
        self._apply(date_from=bounds[0], date_to=bounds[1])

    def _apply(self, **changes: Any) -> None:
        self.wanted = dataclasses.replace(self.wanted, **changes)
        self.limit = PAGE_SIZE
        self.refresh_list()

    # -- actions -------------------------------------------------------------------

    @on(OptionList.OptionSelected, "#list-entries")
    def _open(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id == MORE_ID:
            self.limit += PAGE_SIZE
            self.refresh_list(keep_position=True)
            return
        if event.option.id:
            self.dismiss(event.option.id)

    def action_back(self) -> None:
        self.dismiss(None)

    def action_into_list(self) -> None:
        """Down from the search box or a date field moves into the list of entries."""
        if not isinstance(self.focused, Input):
            raise SkipAction()
        self.query_one("#list-entries", OptionList).focus()

    def action_focus_search(self) -> None:
        self.query_one("#list-search", Input).focus()

    def _highlighted_summary(self) -> EntrySummary | None:
        option = self.query_one("#list-entries", OptionList).highlighted_option
        if option is None or not option.id or option.id == MORE_ID:
            return None
        return next((s for s in self.shown if s.id == option.id), None)

    def action_delete_entry(self) -> None:
        summary = self._highlighted_summary()
        if summary is None:
            self.notify("Choose an entry first.")
            return
        from tui.ui.dialogs.delete_confirm import confirm_delete

        def delete() -> Callable[[], object] | None:
            store, clock = self.store, self.clock
            deleted = delete_entry(store, summary.id, clock.now())
            if deleted is None:
                return None
            return lambda: restore_deleted(store, deleted.id, clock.now())

        confirm_delete(
            self,
            "journal entry",
            summary.title or summary.excerpt or "",
            delete,
            note=f"Written on {_day_text(summary.entry_date)}. It also waits in Recently deleted (r) for 30 days.",
            after=self._after_change,
        )

    def _after_change(self) -> None:
        self._fill_tags()
        self.refresh_list(keep_position=True)

    def action_earlier_versions(self) -> None:
        """Versions of the highlighted entry kept when a synced copy changed it too (issue 19)."""
        summary = self._highlighted_summary()
        if summary is None:
            self.notify("Choose an entry first.")
            return
        from tui.ui.screens.journal.earlier_versions import EarlierVersionsScreen

        self.app.push_screen(EarlierVersionsScreen(summary.id))

    def action_recently_deleted(self) -> None:
        from tui.ui.screens.journal.recently_deleted import RecentlyDeletedScreen

        def back(_: None) -> None:
            self._fill_tags()
            self.refresh_list(keep_position=True)

        self.app.push_screen(RecentlyDeletedScreen(), back)


def _window_around_match(body: str, folded: str, title: str, query: str, reach: int = 400) -> str:
    """A stretch of ``body`` around its first match, so highlighting never folds a whole long entry.

    The folded text starts with the title and a newline; folding keeps most
    characters one-for-one, so the folded position is a close guess for the
    original one, and the window is wide enough to hold the match.
    """
    terms = query_terms(query)
    if len(body) <= 2 * reach or not terms:
        return body
    offset = len(fold(title)) + 1
    positions = [folded.find(term, offset) for term in terms]
    found = [position - offset for position in positions if position >= offset]
    if not found:
        return body[: 2 * reach]
    guess = min(found)
    start = max(0, guess - reach)
    window = body[start : guess + reach]
    if not any(term in fold(window) for term in terms):
        # Folding changed the length before the match (e.g. "ß" -> "ss"): map exactly.
        _, origins = fold_with_origins(body)
        guess = origins[min(guess, len(origins) - 1)]
        start = max(0, guess - reach)
        window = body[start : guess + reach]
    return ("…" if start else "") + window


def _highlighted(text: str, spans: list[tuple[int, int]]) -> Content:
    content = Content(text)
    for start, end in spans:
        content = content.stylize(HIGHLIGHT, start, end)
    return content


def _month_title(month: str) -> str:
    try:
        return f"{date.fromisoformat(month + '-01'):%B %Y}"
    except ValueError:
        return month


def _day_text(day: str) -> str:
    try:
        return f"{date.fromisoformat(day):%A %-d %B %Y}"
    except ValueError:
        return day
