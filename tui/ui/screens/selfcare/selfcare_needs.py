"""The "what do I need?" page: a few gentle questions, the needs named so far, and a line to name one."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Input, Select, Static

from tui.content.selfcare_needs import needs_intro, needs_questions
from tui.core.selfcare import CATEGORIES, MAX_NEED_CHARS, SelfCareNeed, clean_need_text
from tui.store.selfcare_need_repository import SelfCareNeedRepository
from tui.ui.base import HeartworkModal
from tui.ui.store_errors import store_write
from tui.ui.widgets.calm_footer import CalmFooter


def questions_text() -> Text:
    """The reflection questions, grouped under their category."""
    text = Text()
    current = ""
    for category, question in needs_questions():
        if category != current:
            text.append(("\n" if current else "") + category.capitalize() + "\n", style="bold")
            current = category
        text.append(f"  {question}\n")
    return text


def needs_text(needs: list[SelfCareNeed]) -> Text:
    """The needs named so far, as plain text (the person's words, never markup)."""
    if not needs:
        return Text("No needs named yet. One is plenty to start with.", style="dim")
    text = Text()
    for need in needs:
        text.append(f"• {need.text}")
        text.append(f"  ({need.category})\n", style="dim")
    return text


class SelfCareNeedsScreen(HeartworkModal[None]):
    """Read the questions, name a need (Enter saves it at once), Esc closes."""

    BINDINGS = [Binding("escape", "close", "Close")]

    DEFAULT_CSS = """
    SelfCareNeedsScreen { align: center middle; }
    SelfCareNeedsScreen #needs-sheet {
        width: 94%; max-width: 80; height: 90%; padding: 0 1;
        border: round $primary; background: $surface;
    }
    SelfCareNeedsScreen #needs-title { text-style: bold; padding-top: 1; }
    SelfCareNeedsScreen #needs-scroll { height: 1fr; }
    SelfCareNeedsScreen #needs-intro { color: $text-muted; margin-bottom: 1; }
    SelfCareNeedsScreen #needs-mine { margin-bottom: 1; }
    SelfCareNeedsScreen #needs-entry { height: auto; margin-top: 1; }
    SelfCareNeedsScreen #needs-text { width: 1fr; }
    SelfCareNeedsScreen #needs-category { width: 20; margin-left: 1; }
    SelfCareNeedsScreen #needs-message { color: $text-muted; }
    """

    def compose(self) -> ComposeResult:
        with Vertical(id="needs-sheet"):
            yield Static("What do I need?", id="needs-title")
            with VerticalScroll(id="needs-scroll"):
                yield Static(needs_intro(), id="needs-intro")
                yield Static(Text("Needs you have named", style="bold"), id="needs-mine-title")
                yield Static(id="needs-mine")
                yield Static(questions_text(), id="needs-questions")
            with Horizontal(id="needs-entry"):
                yield Input(
                    placeholder="A need in your own words, e.g. quiet mornings",
                    max_length=MAX_NEED_CHARS,
                    compact=True,
                    id="needs-text",
                )
                yield Select(
                    [(c, c) for c in CATEGORIES], value="rest", allow_blank=False, compact=True, id="needs-category"
                )
            yield Static("Enter saves the need · Tab to its category · Esc closes", id="needs-message")
        yield CalmFooter()

    @property
    def needs_repository(self) -> SelfCareNeedRepository:
        return self.store.repo(SelfCareNeedRepository)

    def on_mount(self) -> None:
        self._show_needs()
        self.query_one("#needs-text", Input).focus()

    def _show_needs(self) -> None:
        self.query_one("#needs-mine", Static).update(needs_text(self.needs_repository.needs()))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        field = self.query_one("#needs-text", Input)
        message = self.query_one("#needs-message", Static)
        try:
            text = clean_need_text(field.value)
        except ValueError as problem:
            message.update(str(problem))
            return
        category = self.query_one("#needs-category", Select).value
        with store_write(self.app, "Not saved") as attempt:
            self.needs_repository.add(text, category if isinstance(category, str) else "rest", self.clock.now())
        if attempt.failed:
            return
        field.value = ""
        message.update("Saved. A routine can be linked to it when you add or edit one.")
        self._show_needs()

    def action_close(self) -> None:
        self.dismiss(None)
