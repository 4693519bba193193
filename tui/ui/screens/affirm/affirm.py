"""Affirm: a calm carousel of the built-in affirmations and the person's own."""

from __future__ import annotations

from collections.abc import Callable

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Center, Vertical
from textual.widgets import Header, Static

from tui.content.affirmations import built_in_affirmations, built_in_tags
from tui.core.affirmations import (
    ALL,
    BUILT_IN,
    FAVOURITES,
    MINE,
    Affirmation,
    Carousel,
    clean_affirmation_text,
    filter_label,
)
from tui.store.affirmation_repository import AffirmationRepository
from tui.ui.base import HeartworkScreen
from tui.ui.dialogs.text_entry import TextEntryResult, TextEntryScreen
from tui.ui.messages import DataChanged
from tui.ui.store_errors import store_write
from tui.ui.widgets.calm_footer import CalmFooter

NO_TAG = "none"


class AffirmScreen(HeartworkScreen[None]):
    """One affirmation at a time, large and quiet; move, filter, add, star."""

    BINDINGS = [
        Binding("left", "move(-1)", "Back", key_display="←"),
        Binding("right", "move(1)", "Next", key_display="→"),
        Binding("p", "move(-1)", "Back", show=False),
        Binding("n", "move(1)", "Next", show=False),
        Binding("t", "next_filter", "Filter"),
        Binding("plus,insert", "add", "Add your own", key_display="+"),
        Binding("f", "favourite", "Favourite"),
        Binding("e", "edit", "Edit", show=False),
        Binding("d,delete", "delete", "Delete", show=False),
    ]

    DEFAULT_CSS = """
    AffirmScreen #affirm-body { align: center middle; height: 1fr; padding: 0 2; }
    AffirmScreen #affirm-filter { width: 100%; text-align: center; color: $text-muted; }
    AffirmScreen #affirm-card {
        width: 100%; max-width: 72; height: auto; min-height: 7; padding: 2 4; margin: 1 0;
        border: round $primary 40%; text-align: center; content-align: center middle;
        text-style: bold; color: $text;
    }
    AffirmScreen #affirm-meta { width: 100%; text-align: center; color: $secondary; }
    AffirmScreen #affirm-hint { width: 100%; text-align: center; color: $text-muted; margin-top: 1; }
    """

    def __init__(self) -> None:
        super().__init__()
        self.carousel = Carousel([])

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="affirm-body"):
            yield Static(id="affirm-filter")
            with Center():
                yield Static(id="affirm-card", markup=False)
            yield Static(id="affirm-meta")
            yield Static("←/→ move · t filter · + add your own · f star, e edit, d delete (your own)", id="affirm-hint")
        yield CalmFooter()

    @property
    def repository(self) -> AffirmationRepository:
        return self.store.repo(AffirmationRepository)

    def on_mount(self) -> None:
        built_in = built_in_affirmations()
        self.carousel = Carousel([*built_in, *self.repository.own()])
        if built_in:  # a different built-in affirmation greets each day
            self.carousel.index = self.clock.now().date().toordinal() % len(built_in)
        self.show_current()

    def on_screen_resume(self) -> None:
        if self.carousel.affirmations:  # own affirmations may have come from a journal reframe
            self.reload()

    def on_data_changed(self, _: DataChanged) -> None:
        self.reload()

    def reload(self, keep_id: str | None = None) -> None:
        current = self.carousel.current
        self.carousel.replace_all(
            [*built_in_affirmations(), *self.repository.own()],
            keep_id=keep_id or (current.id if current else None),
        )
        self.show_current()

    def show_current(self) -> None:
        shown = self.carousel.shown
        current = self.carousel.current
        label = filter_label(self.carousel.filter_name)
        if current is None:
            position = f"Showing {label}"
            if self.carousel.filter_name == FAVOURITES:
                card = "No favourites yet. Press f on one of your own affirmations to keep it here."
            elif self.carousel.filter_name == MINE:
                card = "Nothing of your own yet. Press + to write a sentence you would like to hear."
            else:
                card = "Nothing here yet."
            meta = "t shows another filter"
        else:
            position = f"Showing {label} · {self.carousel.index + 1} of {len(shown)}"
            card = current.text
            where = (
                "built-in"
                if current.source == BUILT_IN
                else "from a reframe"
                if current.source == "reframe"
                else "your own"
            )
            star = "★ favourite · " if current.favourite else ""
            meta = f"{star}{current.tag.replace('-', ' ') if current.tag else 'no tag'} · {where}"
        self.query_one("#affirm-filter", Static).update(position)
        self.query_one("#affirm-card", Static).update(card)
        self.query_one("#affirm-meta", Static).update(meta)

    # -- actions -----------------------------------------------------------------

    def action_move(self, step: int) -> None:
        self.carousel.move(step)
        self.show_current()

    def action_next_filter(self) -> None:
        self.carousel.next_filter()
        self.show_current()

    def _tag_choices(self) -> list[tuple[str, str]]:
        return [("No tag", NO_TAG), *((tag.replace("-", " ").capitalize(), tag) for tag in built_in_tags())]

    def _check_text(self, text: str) -> str:
        return clean_affirmation_text(text)

    def action_add(self) -> None:
        current = self.carousel.current
        tag = self.carousel.filter_name if self.carousel.filter_name not in (ALL, FAVOURITES, MINE) else ""
        self.app.push_screen(
            TextEntryScreen(
                "Add your own affirmation: a sentence you would like to hear",
                placeholder="For example: I can take this one step at a time.",
                choices=self._tag_choices(),
                initial_choice=tag or (current.tag if current and current.is_own else NO_TAG),
                check=self._check_text,
            ),
            self._added,
        )

    def _added(self, result: TextEntryResult | None) -> None:
        if result is None:
            return
        text, tag = result
        with store_write(self.app, "Not saved") as attempt:
            saved = self.repository.add_own(text, "" if tag == NO_TAG else tag, "own", at=self.clock.now())
        if attempt.failed:
            return
        if self.carousel.filter_name == FAVOURITES:
            self.carousel.filter_name = ALL
        self.reload(keep_id=saved.id)
        self.notify("Saved with your own affirmations.", timeout=3)

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
        current = self._own_current("star")
        if current is None:
            return
        with store_write(self.app, "Not saved") as attempt:
            self.repository.set_favourite(current.id, not current.favourite)
        if attempt.failed:
            return
        self.reload(keep_id=current.id)

    def action_edit(self) -> None:
        current = self._own_current("edit")
        if current is None:
            return
        item_id = current.id

        def edited(result: TextEntryResult | None) -> None:
            if result is None:
                return
            with store_write(self.app, "Not saved") as attempt:
                self.repository.edit(item_id, result[0], "" if result[1] == NO_TAG else result[1])
            if attempt.failed:
                return
            self.reload(keep_id=item_id)

        self.app.push_screen(
            TextEntryScreen(
                "Edit your affirmation",
                initial=current.text,
                choices=self._tag_choices(),
                initial_choice=current.tag or NO_TAG,
                check=self._check_text,
            ),
            edited,
        )

    def action_delete(self) -> None:
        current = self._own_current("delete")
        if current is None:
            return
        from tui.ui.dialogs.delete_confirm import confirm_delete

        repository = self.repository
        item = current

        def delete() -> Callable[[], object]:
            repository.delete(item.id)
            return lambda: repository.save(item)

        confirm_delete(self, "affirmation", item.text, delete, after=self.reload)
