"""Home: the title, today's date, a calm overview of today, the affirmation of the day and a 30-day sparkline.

The affirmation of the day is the one ``heartwork affirm today`` prints; ``t``
opens it in the Affirm carousel.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from rich.markup import escape
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Center, VerticalScroll
from textual.widget import Widget
from textual.widgets import Header, Static

from tui import content
from tui.core.shorten import shorten_at_word
from tui.sections import SECTIONS
from tui.ui.base import HeartworkScreen
from tui.ui.messages import DataChanged
from tui.ui.store_loading import OPENING_LINE
from tui.ui.widgets.calm_footer import CalmFooter
from tui.ui.widgets.day_sparkline import DaySparkline
from tui.ui.widgets.figlet_text import FigletText


def greeting_for(hour: int, rng: random.Random) -> str:
    texts = content.load("home")["greeting"]
    part = (
        "night"
        if hour < 5
        else "morning"
        if hour < 12
        else "afternoon"
        if hour < 18
        else "evening"
        if hour < 23
        else "night"
    )
    return str(rng.choice(texts[part]))


def title_height(terminal_height: int) -> int:
    """How many rows the big title may take at most: less on short terminals, one line on the smallest."""
    return 6 if terminal_height >= 28 else 4 if terminal_height >= 24 else 1


SPARKLINE_DAYS = 30
TITLE_CHOICES: tuple[int, ...] = (6, 4, 1, 0)
"""Title heights to try, biggest first (0: no big title; the header still names the app)."""


@dataclass(frozen=True)
class HomeLayout:
    """How much room Home's parts take: a bigger title, the full menu and the note when they fit."""

    title_rows: int
    full_menu: bool
    note: bool


def layouts_by_preference(max_title: int) -> list[HomeLayout]:
    """Every layout, richest first: the title shrinks (the header still names the app), then the menu folds up, then the note goes."""
    titles = [rows for rows in TITLE_CHOICES if rows <= max_title]
    layouts = [HomeLayout(rows, True, True) for rows in titles]
    layouts += [HomeLayout(rows, False, True) for rows in titles]
    layouts.append(HomeLayout(0, False, False))
    return layouts


def choose_layout(room: int, others: int, menu_rows: tuple[int, int], note_rows: int, max_title: int) -> HomeLayout:
    """The richest layout whose rows fit in ``room`` (the most compact one when none does).

    ``others`` is what always shows (date, today's overview); ``menu_rows`` is
    (full menu, folded menu); a title of ``n`` rows takes ``n + 1`` with its margin.
    """
    layouts = layouts_by_preference(max_title)
    for layout in layouts:
        rows = others + (layout.title_rows + 1 if layout.title_rows else 0)
        rows += menu_rows[0] if layout.full_menu else menu_rows[1]
        rows += note_rows if layout.note else 0
        if rows <= room:
            return layout
    return layouts[-1]


def folded_menu_rows(items: list[tuple[str, str]], width: int) -> list[str]:
    """The menu as key and name only, as many to a row as fit in ``width``."""
    rows: list[str] = []
    line, used = "", 0
    for key, title in items:
        cell = f"[b]{key}[/b] {title}"
        cell_width = len(key) + 1 + len(title)
        gap = 3 if line else 0
        if line and used + gap + cell_width > width:
            rows.append(line)
            line, used, gap = "", 0, 0
        line += " " * gap + cell
        used += gap + cell_width
    if line:
        rows.append(line)
    return rows


class HomeScreen(HeartworkScreen[None]):
    """Where Heartwork opens: what today holds so far, and where to go next."""

    CSS_PATH = "../../styles/home.tcss"
    BINDINGS = [Binding("t", "open_affirmation", "Today's affirmation", show=False)]
    AFFIRMATION_CHARS = 110
    # Nothing is focused in the first frame: focusing the body restyles all of Home, a few ms
    # the first frame would wait for (issue 12.2). It is focused just after, as AUTO_FOCUS would.
    AUTO_FOCUS = ""

    def __init__(self) -> None:
        super().__init__()
        self._shown: tuple[str, str, str] | None = None
        self._sparkline_for: tuple[object, ...] | None = None  # (data version, day) last drawn
        self._layout: HomeLayout | None = None
        self._note_rows = 2
        self._affirmation_id: str | None = None

    def compose(self) -> ComposeResult:
        date_text, summary_text, note_text = self._shown = self._texts()
        yield Header()
        with VerticalScroll(id="home-body"):
            yield FigletText("Heartwork", id="home-title", max_height=title_height(self.app.size.height))
            yield Static(date_text, id="home-date")
            yield Static(self._affirmation_text(), id="home-affirmation", markup=False)
            with Center():
                yield DaySparkline(content.sparkline_words(), id="home-sparkline")
            with Center():
                yield Static(summary_text, id="home-summary")
            yield Static(note_text, id="home-note")
            with Center():
                yield Static(self._sections_text(), id="home-sections")
        yield CalmFooter()

    def on_mount(self) -> None:
        self._show_sparkline()
        self.call_after_refresh(self._fit_to_height)
        self.call_after_refresh(self._focus_as_auto_focus_would)

    def _focus_as_auto_focus_would(self) -> None:
        """Focus the first focusable widget (the body), as Textual's AUTO_FOCUS "*" does on a first show."""
        if not (self.is_current and self.focused is None and self.app.app_focus):
            return
        for widget in self.query("*"):
            if widget.focusable:
                self.set_focus(widget)
                return

    def on_resize(self, event: events.Resize) -> None:
        self.call_after_refresh(self._fit_to_height)

    def _menu_items(self) -> list[tuple[str, str]]:
        items = [(s.key, s.title) for s in SECTIONS if s.name != "home"]
        return [*items, ("c", "Check in"), ("?", "Help")]

    def _fit_after_layout(self) -> None:
        """Fit once the new texts have been laid out (their heights are known only after layout)."""
        self.call_after_refresh(self._fit_to_height)
        self.set_timer(0.1, self._fit_to_height)  # and again once a wrapped line's new height has settled

    def _fit_to_height(self) -> None:
        """Keep the menu in view: shrink the title, then fold the menu, then drop the note (issue 10.5).

        Measured after layout, so anything else Home shows counts too; only
        when even the most compact layout does not fit does the body scroll.
        """
        if not self.is_attached:
            return
        body = self.query_one("#home-body", VerticalScroll)
        title = self.query_one("#home-title", FigletText)
        note = self.query_one("#home-note", Static)
        menu = self.query_one("#home-sections", Static)
        room = body.scrollable_content_region.height
        if room <= 0:
            return
        flexible = {title, note, menu.parent}

        def rows(widget: Widget) -> int:
            return (
                widget.outer_size.height + widget.styles.margin.top + widget.styles.margin.bottom
                if widget.display
                else 0
            )

        others = sum(rows(child) for child in body.children if child not in flexible)
        if note.display:
            self._note_rows = rows(note)
        menu_width = max(1, menu.content_region.width or body.scrollable_content_region.width - 4)
        folded = folded_menu_rows(self._menu_items(), menu_width)
        layout = choose_layout(
            room, others, (len(self._menu_items()), len(folded)), self._note_rows, title_height(self.app.size.height)
        )
        if layout != self._layout:
            self._layout = layout
            title.display = layout.title_rows > 0
            if title.max_height != max(1, layout.title_rows):
                title.max_height = max(1, layout.title_rows)
                title.refresh(layout=True)
            note.display = layout.note
            menu.update(self._sections_text() if layout.full_menu else "\n".join(folded))
        elif not layout.full_menu:
            menu.update("\n".join(folded))

    def on_screen_resume(self) -> None:
        self.refresh_from_store()

    def on_data_changed(self, _: DataChanged) -> None:
        self.refresh_from_store()

    def _sections_text(self) -> str:
        rows = [f"[b]{s.key}[/b]   {s.title:<10} {s.description}" for s in SECTIONS if s.name != "home"]
        rows.append("[b]c[/b]   Check in   How are you feeling right now?")
        rows.append("[b]?[/b]   Help       Keys, and where to find support")
        return "\n".join(rows)

    def _texts(self) -> tuple[str, str, str]:
        """The date line, today's overview and the day's gentle note."""
        now = self.clock.now()
        rng = random.Random(now.toordinal())  # the same greeting and note all day
        home_text = content.load("home")
        date_text = f"{greeting_for(now.hour, rng)}\nToday is {now:%A, %-d %B %Y}."
        note_text = f"[i]{rng.choice(home_text['gentle_notes'])}[/i]"
        if not self.heartwork.ready:
            return date_text, OPENING_LINE, note_text
        # Imported once the data is in, not before the first frame (issue 12.2).
        from tui.core.homework.progress import homework_line
        from tui.store.homework_queries import homework_today
        from tui.store.today_repository import summarize_day

        summary = summarize_day(self.store.database, now.date())
        if not summary.anything_ever:
            summary_text = home_text["first_run"].strip()
        elif summary.lines():
            summary_text = "So far today: " + "; ".join(summary.lines()) + "."
        else:
            summary_text = "Nothing recorded yet today, and that is fine. Start wherever feels right."
        homework = homework_line(homework_today(self.store, now, self.settings.week_start))
        if homework:
            summary_text += "\n" + escape(homework)
        return date_text, summary_text, note_text

    def _affirmation_text(self) -> str:
        """Today's affirmation on a line or two, with the key that opens it (none while the data opens)."""
        if not self.heartwork.ready:
            self._affirmation_id = None
            return ""
        from tui.core.affirmations import affirmation_of_the_day  # once the data is in (issue 12.2)
        from tui.store.affirmation_library import affirmation_library

        chosen = affirmation_of_the_day(affirmation_library(self.store), self.clock.now().date())
        self._affirmation_id = chosen.id if chosen else None
        if chosen is None:
            return ""
        return f"“{shorten_at_word(chosen.text, self.AFFIRMATION_CHARS)}”  (t opens it)"

    async def action_open_affirmation(self) -> None:
        """Show today's affirmation in the Affirm carousel."""
        chosen = self._affirmation_id
        await self.app.switch_mode("affirm")
        show = getattr(self.app.screen, "show_affirmation", None)
        if chosen is not None and show is not None:
            show(chosen)

    def _show_sparkline(self) -> None:
        """The last 30 days of mood on one line; hidden until there is a first check-in."""
        if not self.heartwork.ready:
            self.query_one("#home-sparkline", DaySparkline).display = False
            return
        from tui.core.mood_stats import range_start, series  # once the data is in (issue 12.2)
        from tui.store.checkin_repository import CheckinRepository

        today = self.clock.now().date()
        repository = self.store.repo(CheckinRepository)
        drawn_for = (repository.version(), today)
        if drawn_for == self._sparkline_for:
            return
        self._sparkline_for = drawn_for
        days = repository.mood_days()
        values = series(days.means, range_start(today, SPARKLINE_DAYS), today)
        sparkline = self.query_one("#home-sparkline", DaySparkline)
        sparkline.display = days.total > 0
        if values != sparkline.values:
            sparkline.set_data(values)

    def refresh_from_store(self) -> None:
        """Redraw the texts if the day or the saved data changed what they say."""
        self._show_sparkline()
        affirmation = self.query_one("#home-affirmation", Static)
        affirmation_text = self._affirmation_text()
        if str(affirmation.render()) != affirmation_text:
            affirmation.update(affirmation_text)
            self._fit_after_layout()
        texts = self._texts()
        if texts == self._shown:
            return
        self._shown = texts
        date_text, summary_text, note_text = texts
        self.query_one("#home-date", Static).update(date_text)
        self.query_one("#home-summary", Static).update(summary_text)
        self.query_one("#home-note", Static).update(note_text)
        self._fit_after_layout()
