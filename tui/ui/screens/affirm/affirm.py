"""Affirm: one affirmation at a time, large; the person's own words first, practised daily.

Left/right move, ``t`` filters (all, favourites, your own, hidden, each tag),
``r`` shuffles (a seeded shuffle that shows every one before any repeats),
Enter marks "said it", ``f`` stars any affirmation, ``x`` hides or unhides a
built-in one, ``o`` opens the journal entry a reframe came from. Auto-advance
(Settings, off by default) moves on every N seconds measured on the injected
clock; any key pauses it and Space starts it again.
"""

from __future__ import annotations

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.timer import Timer
from textual.widgets import Header, Static

from tui.core.affirmation_practice import practice_line
from tui.core.affirmations import (
    ALL,
    FAVOURITES,
    HIDDEN,
    MINE,
    Affirmation,
    Carousel,
    affirmation_of_the_day,
    filter_label,
    source_label,
)
from tui.store.affirmation_library import affirmation_library, set_favourite, set_hidden
from tui.store.affirmation_practice_repository import AffirmationPracticeRepository
from tui.ui.base import HeartworkScreen
from tui.ui.messages import DataChanged
from tui.ui.screens.affirm.own_affirmations import add_own, delete_own, edit_own
from tui.ui.store_errors import store_write
from tui.ui.widgets.affirmation_card import AffirmationCard
from tui.ui.widgets.calm_footer import CalmFooter

AUTO_TICK_SECONDS = 0.5
EMPTY_TEXTS = {
    FAVOURITES: "No favourites yet. Press f on any affirmation to keep it here.",
    MINE: "Nothing of your own yet. Press + to write a sentence you would like to hear.",
    HIDDEN: "Nothing is hidden. Press x on a built-in affirmation that does not fit you.",
}


class AffirmScreen(HeartworkScreen[None]):
    """One affirmation at a time, large and quiet; move, filter, add, star, hide, practise."""

    BINDINGS = [
        Binding("left", "move(-1)", "Back", key_display="←"),
        Binding("right", "move(1)", "Next", key_display="→"),
        Binding("p", "move(-1)", "Back", show=False),
        Binding("n", "move(1)", "Next", show=False),
        Binding("enter", "said_it", "Said it"),
        Binding("t", "next_filter", "Filter"),
        Binding("plus,insert", "add", "Add your own", key_display="+"),
        Binding("f", "favourite", "Favourite"),
        Binding("r", "shuffle", "Shuffle", show=False),
        Binding("x", "hide", "Hide", show=False),
        Binding("o", "open_entry", "Open entry", show=False),
        Binding("space", "resume", "Play", show=False),
        Binding("e", "edit", "Edit", show=False),
        Binding("d,delete", "delete", "Delete", show=False),
    ]

    DEFAULT_CSS = """
    AffirmScreen #affirm-body { align: center middle; height: 1fr; padding: 0 1; }
    AffirmScreen #affirm-filter { width: 100%; text-align: center; color: $text-muted; }
    AffirmScreen #affirm-frame {
        width: 100%; height: auto; padding: 1 2; margin: 1 0;
        border: round $primary 40%;
    }
    AffirmScreen.-small #affirm-frame { padding: 0 1; margin: 0; }
    AffirmScreen #affirm-meta, AffirmScreen #affirm-practice { width: 100%; text-align: center; color: $secondary; }
    AffirmScreen #affirm-hint { width: 100%; text-align: center; color: $text-muted; margin-top: 1; }
    AffirmScreen.-small #affirm-hint { display: none; }
    """

    def __init__(self) -> None:
        super().__init__()
        self.carousel = Carousel([])
        self.auto_running = False
        self._shown_at = 0.0
        self._auto_timer: Timer | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="affirm-body"):
            yield Static(id="affirm-filter", markup=False)
            with Vertical(id="affirm-frame"):
                yield AffirmationCard(id="affirm-large")
            yield Static(id="affirm-meta", markup=False)
            yield Static(id="affirm-practice", markup=False)
            yield Static(
                "←/→ move · Enter said it · t filter · r shuffle · f star · x hide · + add · e edit",
                id="affirm-hint",
                markup=False,
            )
        yield CalmFooter()

    def on_mount(self) -> None:
        library = affirmation_library(self.store)
        self.carousel = Carousel(library)
        today = affirmation_of_the_day(library, self.clock.now().date())
        if today is not None:  # open on the day's affirmation
            self.carousel.replace_all(library, keep_id=today.id)
        self.auto_running = self.settings.affirm_advance_seconds > 0
        self._shown_at = self.clock.monotonic()
        self._auto_timer = self.set_interval(AUTO_TICK_SECONDS, self.auto_tick)
        self.show_current()

    def on_screen_suspend(self) -> None:
        if self._auto_timer is not None:
            self._auto_timer.pause()  # a mode screen's timer keeps firing when another section shows

    def on_screen_resume(self) -> None:
        self._shown_at = self.clock.monotonic()
        if self._auto_timer is not None:
            self._auto_timer.resume()
        if self.carousel.affirmations:  # own affirmations may have come from a journal reframe
            self.reload()

    def on_data_changed(self, _: DataChanged) -> None:
        self.reload()

    def on_resize(self, _: events.Resize) -> None:
        self.show_current()

    def reload(self, keep_id: str | None = None) -> None:
        current = self.carousel.current
        self.carousel.replace_all(affirmation_library(self.store), keep_id=keep_id or (current.id if current else None))
        self.show_current()

    def show_affirmation(self, affirmation_id: str) -> None:
        """Show one affirmation (from Home's "affirmation of the day"), under "all"."""
        self.carousel.filter_name = ALL
        self.reload(keep_id=affirmation_id)

    def show_current(self) -> None:
        width, height = self.app.size
        self.set_class(height < 24 or width < 70, "-small")
        shown = self.carousel.shown
        current = self.carousel.current
        label = filter_label(self.carousel.filter_name)
        order = " · shuffled" if self.carousel.shuffle_seed is not None else ""
        if current is None:
            position = f"Showing {label}{order}"
            text = EMPTY_TEXTS.get(self.carousel.filter_name, "Nothing here yet.")
            meta = "t shows another filter"
        else:
            position = f"Showing {label}{order} · {self.carousel.index + 1} of {len(shown)}"
            text = current.text
            star = "★ favourite · " if current.favourite else ""
            hidden = " · hidden (x shows it again)" if current.hidden else ""
            link = " · o opens the entry" if current.entry_id else ""
            meta = f"{star}{current.tag.replace('-', ' ') if current.tag else 'no tag'} · {source_label(current)}"
            meta += hidden + link
        if self.auto_running:
            position += " · moving on by itself (any key pauses)"
        self.query_one("#affirm-filter", Static).update(position)
        self.query_one(AffirmationCard).show(text, max_art_height=max(3, height - 14))
        self.query_one("#affirm-meta", Static).update(meta)
        self.query_one("#affirm-practice", Static).update(
            practice_line(
                self.store.repo(AffirmationPracticeRepository).counts(),
                self.clock.now().date(),
                self.settings.week_start,
            )
        )

    # -- auto-advance ------------------------------------------------------------

    def auto_tick(self) -> None:
        """Move on once N seconds have passed on the clock since this one was shown."""
        seconds = self.settings.affirm_advance_seconds
        if not self.auto_running or seconds <= 0:
            return
        if self.clock.monotonic() - self._shown_at >= seconds:
            self.carousel.move(1)
            self._shown_at = self.clock.monotonic()
            self.show_current()

    def on_key(self, event: events.Key) -> None:
        if self.auto_running and event.key != "space":
            self.auto_running = False  # any key pauses; Space plays again
            self.show_current()

    def action_resume(self) -> None:
        if self.settings.affirm_advance_seconds <= 0:
            self.notify("Moving on by itself is off; it can be turned on in Settings (,).", timeout=4)
            return
        self.auto_running = not self.auto_running
        self._shown_at = self.clock.monotonic()
        self.show_current()

    # -- actions -----------------------------------------------------------------

    def action_move(self, step: int) -> None:
        self.carousel.move(step)
        self._shown_at = self.clock.monotonic()
        self.show_current()

    def action_next_filter(self) -> None:
        self.carousel.next_filter()
        self.show_current()

    def action_shuffle(self) -> None:
        shuffling = self.carousel.shuffle_seed is None
        self.carousel.set_shuffle(self.clock.now().toordinal() if shuffling else None)
        self.notify("Shuffled: each one shows once before any repeats." if shuffling else "In order.", timeout=2)
        self.show_current()

    def action_said_it(self) -> None:
        if self.carousel.current is None:
            return
        with store_write(self.app, "Not saved") as attempt:
            count = self.store.repo(AffirmationPracticeRepository).said_it(self.clock.now().date())
        if attempt.failed:
            return
        self.notify("Thank you for saying it." if count == 1 else "Said again. Thank you.", timeout=2)
        self.show_current()

    def action_add(self) -> None:
        add_own(self)

    def _own_current(self, doing: str) -> Affirmation | None:
        current = self.carousel.current
        if current is None:
            return None
        if not current.is_own:
            self.notify(
                f"Built-in affirmations stay as they are; you can {doing} your own. Press + to write one.", timeout=4
            )
            return None
        return current

    def action_favourite(self) -> None:
        current = self.carousel.current
        if current is None:
            return
        with store_write(self.app, "Not saved") as attempt:
            set_favourite(self.store, current, not current.favourite)
        if attempt.failed:
            return
        self.reload(keep_id=current.id)

    def action_hide(self) -> None:
        current = self.carousel.current
        if current is None:
            return
        if current.is_own:
            self.notify("Your own affirmations are not hidden; e edits one and d deletes it.", timeout=4)
            return
        with store_write(self.app, "Not saved") as attempt:
            set_hidden(self.store, current, not current.hidden)
        if attempt.failed:
            return
        self.notify(
            "Shown again." if current.hidden else "Hidden. It stays under the hidden filter (t) if you want it back.",
            timeout=3,
        )
        self.reload()

    def action_open_entry(self) -> None:
        current = self.carousel.current
        if current is None or not current.entry_id:
            self.notify("This one was not kept from a journal entry.", timeout=3)
            return
        from tui.ui.screens.affirm.open_entry import open_journal_entry

        open_journal_entry(self, current.entry_id)

    def action_edit(self) -> None:
        current = self._own_current("edit")
        if current is not None:
            edit_own(self, current)

    def action_delete(self) -> None:
        current = self._own_current("delete")
        if current is not None:
            delete_own(self, current)
