"""The mood dashboard: daily mood over a chosen range, patterns, a year in pixels, latest check-ins.

Keys 1-4 switch the range (7, 30, 90, 365 days); a one-line sparkline of the
range stands above the bar chart. Days without a check-in are
gaps, never zeros. On an empty database it shows a kind first-run message
instead of empty charts. Other parts of the mood section (homework effects,
reflections, questionnaires) are mounted into ``#mood-extras`` at the end.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Header, OptionList, Static
from textual.widgets.option_list import Option

from tui import content
from tui.core.mood_overview import RANGES, MoodOverview, overview_of, weekday_names
from tui.core.mood_stats import MIN_DAYS_PER_WEEK, range_start, shade_level
from tui.store.checkin_repository import CheckinPoint, CheckinRepository
from tui.ui.base import HeartworkScreen
from tui.ui.messages import DataChanged
from tui.ui.screens.mood.mood_extras_controller import MoodExtrasController
from tui.ui.widgets.calm_footer import CalmFooter
from tui.ui.widgets.day_sparkline import DaySparkline
from tui.ui.widgets.mood_extras import MoodExtras
from tui.ui.widgets.mood_sparkline import MoodSparkline
from tui.ui.widgets.year_in_pixels import GLYPHS, YearInPixels

LATEST_COUNT = 10


def _number(value: float | None) -> str:
    return "-" if value is None else f"{value:.1f}"


class MoodScreen(HeartworkScreen[None]):
    """How mood has moved: chart, figures, patterns and the latest check-ins."""

    CSS_PATH = "../../styles/mood.tcss"
    BINDINGS = [
        Binding("1", "range(7)", "Week"),
        Binding("2", "range(30)", "Month"),
        Binding("3", "range(90)", "90 days"),
        Binding("4", "range(365)", "Year"),
        Binding("d,delete", "delete_checkin", "Delete", show=False),
        Binding("r", "reflect", "Reflect", tooltip="Answer the reflection questions for today"),
        Binding("q", "questionnaire", "Questionnaire", tooltip="Answer a short questionnaire"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.range_days = 30
        self.texts = content.load("mood_dashboard")["dashboard"]
        self.mood_texts = content.load("mood")
        self.overview: MoodOverview | None = None
        self._latest: list[CheckinPoint] = []
        self._drawn_for: tuple[object, ...] | None = None
        self.extras = MoodExtrasController(self)

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="mood-body"):
            yield Static(self.mood_texts["empty_dashboard"].strip(), id="mood-empty")
            with Vertical(id="mood-content"):
                yield Static(id="mood-range-heading", classes="mood-heading")
                yield DaySparkline(content.sparkline_words(), id="mood-line")
                yield MoodSparkline(id="mood-sparkline")
                yield Static(id="mood-range-stats")
                yield Static(id="mood-week")
                yield Static(self.texts["weekday_heading"], classes="mood-heading")
                yield Static(id="mood-weekdays")
                yield Static(self.texts["year_heading"], classes="mood-heading")
                yield YearInPixels(id="mood-year")
                yield Static(self.texts["frequent_heading"], classes="mood-heading")
                yield Static(id="mood-frequent")
                yield Static(self.texts["latest_heading"], classes="mood-heading")
                yield OptionList(id="mood-latest")
            yield MoodExtras(id="mood-extras")
        yield CalmFooter()

    # -- redraw --------------------------------------------------------------------

    def on_mount(self) -> None:
        self.refresh_from_store()

    def on_screen_resume(self) -> None:
        self.refresh_from_store(only_if_changed=True)
        self.extras.refresh()

    def on_data_changed(self, _: DataChanged) -> None:
        self.refresh_from_store()
        self.extras.refresh()

    def on_mood_extras_wants_data(self, _: MoodExtras.WantsData) -> None:
        self.extras.refresh()

    def action_reflect(self) -> None:
        self.extras.open_reflection()

    def action_questionnaire(self) -> None:
        self.extras.open_questionnaire()

    def refresh_from_store(self, only_if_changed: bool = False) -> None:
        """Redraw the dashboard from the per-day aggregate (built once per data version, not per view).

        With ``only_if_changed`` nothing happens when the data, the day, the
        range and the week start are all as they were at the last redraw.
        """
        app: Any = self.app
        repository = app.store.repo(CheckinRepository)
        today = app.clock.now().date()
        week_start = app.settings.week_start
        drawn_for = (repository.version(), today, self.range_days, week_start)
        if only_if_changed and drawn_for == self._drawn_for:
            return
        self._drawn_for = drawn_for
        overview = overview_of(repository.mood_days(), today, self.range_days, week_start)
        self.overview = overview
        self._latest = repository.latest_points(LATEST_COUNT)
        self.query_one("#mood-empty").display = overview.empty
        self.query_one("#mood-content").display = not overview.empty
        if overview.empty:
            return
        self._show_range(overview)
        self._show_week(overview)
        self._show_weekdays(overview)
        self.query_one("#mood-year", YearInPixels).set_data(overview.pixels, weekday_names(week_start))
        self._show_frequent(overview)
        self._show_latest()

    def _show_range(self, overview: MoodOverview) -> None:
        days = overview.range_days
        heading = self.texts["range_heading_year"] if days == 365 else self.texts["range_heading"].format(days=days)
        self.query_one("#mood-range-heading", Static).update(
            Text.assemble((heading, "bold"), "   ", (self.texts["range_keys"], "dim"))
        )
        self.query_one("#mood-line", DaySparkline).set_data(overview.daily)
        first_day = range_start(overview.today, days)
        self.query_one("#mood-sparkline", MoodSparkline).set_data(overview.daily, overview.rolling, first_day)
        summary = overview.summary
        if summary.days_with_data == 0:
            stats = self.texts["range_no_data"].format(days=days)
        else:
            stats = self.texts["range_stats"].format(
                minimum=_number(summary.minimum),
                mean=_number(summary.mean),
                maximum=_number(summary.maximum),
                with_data=summary.days_with_data,
                days=summary.days,
            )
        self.query_one("#mood-range-stats", Static).update(stats + "\n" + self.texts["average_note"])

    def _show_week(self, overview: MoodOverview) -> None:
        weeks = overview.weeks
        if weeks.verdict is None and weeks.last_week_days >= MIN_DAYS_PER_WEEK:
            words = self.texts["week_just_started"].format(last=_number(weeks.last_week))
        elif weeks.verdict is None:
            words = self.texts["week_not_enough"]
        else:
            words = self.mood_texts["week_compare"][weeks.verdict].format(
                this=_number(weeks.this_week), last=_number(weeks.last_week)
            )
        self.query_one("#mood-week", Static).update(words)

    def _show_weekdays(self, overview: MoodOverview) -> None:
        target = self.query_one("#mood-weekdays", Static)
        if overview.weekdays is None:
            target.update(self.mood_texts["not_enough_data"])
            return
        cells = []
        for weekday in overview.weekdays:
            if weekday.mean is None:
                cells.append(f"{weekday.name} {GLYPHS[0]}  - ")
            else:
                cells.append(f"{weekday.name} {GLYPHS[shade_level(weekday.mean)]} {weekday.mean:.1f}")
        target.update("   ".join(cells))

    def _show_frequent(self, overview: MoodOverview) -> None:
        lines = []
        if overview.top_emotions:
            lines.append("Feelings: " + ", ".join(f"{word} ({count})" for word, count in overview.top_emotions))
        if overview.top_tags:
            lines.append("Tags: " + ", ".join(f"{word} ({count})" for word, count in overview.top_tags))
        shown = Content("\n".join(lines)) if lines else self.texts["frequent_none"]  # stored words: never markup
        self.query_one("#mood-frequent", Static).update(shown)

    def _show_latest(self) -> None:
        labels = content.pleasantness_labels()
        option_list = self.query_one("#mood-latest", OptionList)
        highlighted = option_list.highlighted
        option_list.clear_options()
        for point in self._latest:
            words = ", ".join(point.emotions)
            tags = " ".join(f"#{tag}" for tag in point.tags)
            line = (
                f"{point.day:%a %-d %b %Y} {point.at[11:16]}  {point.pleasantness:>2} {labels[point.pleasantness - 1]}"
            )
            extra = "  ".join(part for part in (words, tags) if part)
            option_list.add_option(Option(Content(line + (f"  ·  {extra}" if extra else "")), id=point.checkin_id))
        if self._latest:
            option_list.highlighted = min(highlighted or 0, len(self._latest) - 1)

    # -- actions -------------------------------------------------------------------

    def action_range(self, days: int) -> None:
        if days in RANGES and days != self.range_days:
            self.range_days = days
            self.refresh_from_store()

    def _highlighted_id(self) -> str | None:
        option_list = self.query_one("#mood-latest", OptionList)
        if option_list.highlighted is None or option_list.option_count == 0:
            return None
        return option_list.get_option_at_index(option_list.highlighted).id

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option_list.id != "mood-latest" or event.option.id is None:
            return
        from tui.ui.screens.mood.checkin import CheckinScreen

        checkin = self.store.repo(CheckinRepository).get(event.option.id)
        if checkin is not None:
            self.app.push_screen(CheckinScreen(checkin))

    def action_delete_checkin(self) -> None:
        option_list = self.query_one("#mood-latest", OptionList)
        checkin_id = self._highlighted_id()
        if checkin_id is None or self.focused is not option_list:
            return
        from tui.ui.dialogs.delete_confirm import confirm_delete

        repository = self.store.repo(CheckinRepository)
        checkin = repository.get(checkin_id)
        if checkin is None:
            return
        when = f"{checkin.at:%A %-d %B %Y, %H:%M}"
        detail = checkin.note or ", ".join(checkin.emotions)

        def delete() -> Callable[[], object]:
            repository.delete(checkin_id)
            return lambda: repository.save(checkin)

        confirm_delete(
            self,
            "check-in",
            detail,
            delete,
            note=f"{when}: feeling {checkin.pleasantness} of 10.",
            after=self.refresh_from_store,
        )
