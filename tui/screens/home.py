"""Home: the title, today's date, a calm overview of today and a sparkline of the last 30 days."""

from __future__ import annotations

import random

from textual import events
from textual.app import ComposeResult
from textual.containers import Center, VerticalScroll
from textual.screen import Screen
from textual.widgets import Header, Static

from tui import content
from tui.core.mood_stats import daily_means, range_start, series
from tui.messages import DataChanged
from tui.sections import SECTIONS
from tui.store.checkin_repository import CheckinRepository
from tui.store.today_repository import summarize_day
from tui.widgets.day_sparkline import DaySparkline
from tui.widgets.figlet_text import FigletText
from tui.widgets.calm_footer import CalmFooter


def greeting_for(hour: int, rng: random.Random) -> str:
    texts = content.load("home")["greeting"]
    part = "night" if hour < 5 else "morning" if hour < 12 else "afternoon" if hour < 18 else "evening" if hour < 23 else "night"
    return rng.choice(texts[part])


def title_height(terminal_height: int) -> int:
    """How many rows the big title may take: less on short terminals, one line on the smallest."""
    return 6 if terminal_height >= 28 else 4 if terminal_height >= 24 else 1


SPARKLINE_DAYS = 30


class HomeScreen(Screen[None]):
    """Where Heartwork opens: what today holds so far, and where to go next."""

    CSS_PATH = "../styles/home.tcss"

    def __init__(self) -> None:
        super().__init__()
        self._shown: tuple[str, str, str] | None = None
        self._sparkline_for: tuple[object, ...] | None = None  # (data version, day) last drawn

    def compose(self) -> ComposeResult:
        date_text, summary_text, note_text = self._shown = self._texts()
        yield Header()
        with VerticalScroll(id="home-body"):
            yield FigletText("Heartwork", id="home-title", max_height=title_height(self.app.size.height))
            yield Static(date_text, id="home-date")
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

    def on_resize(self, event: events.Resize) -> None:
        title = self.query_one("#home-title", FigletText)
        wanted = title_height(event.size.height)
        if title.max_height != wanted:
            title.max_height = wanted
            title.refresh(layout=True)

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
        now = self.app.clock.now()  # type: ignore[attr-defined]
        rng = random.Random(now.toordinal())  # the same greeting and note all day
        home_text = content.load("home")
        date_text = f"{greeting_for(now.hour, rng)}\nToday is {now:%A, %-d %B %Y}."
        summary = summarize_day(self.app.store.database, now.date())  # type: ignore[attr-defined]
        if not summary.anything_ever:
            summary_text = home_text["first_run"].strip()
        elif summary.lines():
            summary_text = "So far today: " + "; ".join(summary.lines()) + "."
        else:
            summary_text = "Nothing recorded yet today, and that is fine. Start wherever feels right."
        note_text = f"[i]{rng.choice(home_text['gentle_notes'])}[/i]"
        return date_text, summary_text, note_text

    def _show_sparkline(self) -> None:
        """The last 30 days of mood on one line; hidden until there is a first check-in."""
        today = self.app.clock.now().date()  # type: ignore[attr-defined]
        repository = self.app.store.repo(CheckinRepository)  # type: ignore[attr-defined]
        drawn_for = (repository.version(), today)
        if drawn_for == self._sparkline_for:
            return
        self._sparkline_for = drawn_for
        points = repository.points()
        means = daily_means((point.day, point.pleasantness) for point in points)
        values = series(means, range_start(today, SPARKLINE_DAYS), today)
        sparkline = self.query_one("#home-sparkline", DaySparkline)
        sparkline.display = bool(points)
        if values != sparkline.values:
            sparkline.set_data(values)

    def refresh_from_store(self) -> None:
        """Redraw the texts if the day or the saved data changed what they say."""
        self._show_sparkline()
        texts = self._texts()
        if texts == self._shown:
            return
        self._shown = texts
        date_text, summary_text, note_text = texts
        self.query_one("#home-date", Static).update(date_text)
        self.query_one("#home-summary", Static).update(summary_text)
        self.query_one("#home-note", Static).update(note_text)
