"""The journal: a calm page to write on, under a self-compassion prompt, that never loses a word.

What the person writes is mirrored into this screen's own attributes on
every change (title, date, tags, text), so saving a draft never depends on
widgets that may already be gone: the draft is written about a second after
the last keystroke (and, while typing goes on, never more than two seconds
after the first unsaved one), when the screen is left, when the app quits and
when a termination signal arrives.
"""

from __future__ import annotations

import random
from collections.abc import Callable

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.timer import Timer
from textual.widgets import Header, Input, Static, TextArea

from tui.content.journal_prompts import load_prompts
from tui.core.journal import (
    KIND_FREE,
    MAX_ENTRY_CHARS,
    MAX_TAGS_TEXT_CHARS,
    MAX_TITLE_CHARS,
    JournalEntry,
    entry_date_problem,
    page_status,
    parse_entry_date,
    parse_tags,
    title_and_tags_problem,
)
from tui.core.journal_prompts import TAG_TITLES, Prompt, draw, prompt_tags
from tui.core.timefmt import friendly_day, to_text
from tui.store.journal_keeping import save_entry
from tui.store.journal_repository import JournalRepository
from tui.ui.dialogs.confirm import ConfirmScreen
from tui.ui.screens.journal.journal_drafts import DraftKeepingScreen
from tui.ui.widgets.calm_footer import CalmFooter
from tui.ui.widgets.capped_text_area import CappedTextArea
from tui.ui.widgets.tag_suggester import TagSuggester

LIVE_WORD_COUNT_LIMIT = 20_000  # longer texts recount words after a short pause


class JournalScreen(DraftKeepingScreen):
    """Write a new entry or edit one; reach the entry list and the guided exercises."""

    CSS_PATH = "../../styles/journal.tcss"
    SUB_TITLE = "Journal"
    AUTO_FOCUS = "#journal-text"  # the page opens ready to write: keys typed at once land in the body, never the title
    BINDINGS = [
        Binding("ctrl+s", "save", "Save", priority=True),
        Binding("ctrl+r", "next_prompt", "Prompt"),
        Binding("ctrl+t", "prompt_theme", "Topic"),
        Binding("ctrl+l", "open_list", "Entries"),
        Binding("ctrl+n", "new_page", "New"),
        Binding("f2", "exercise('inner-critic')", "Critic"),
        Binding("f3", "exercise('compassion-break')", "Break"),
        Binding("f4", "exercise('kind-letter')", "Letter"),
        Binding("escape", "leave_text", "Leave text", show=False),
        Binding("i,enter", "focus_text", "Write", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self._prompts: list[Prompt] = load_prompts()
        self._rng: random.Random | None = None
        self._prompt: Prompt | None = None
        self._prompt_text: str | None = None
        self._prompt_tag: str | None = None
        # The model: what is on the page, kept in sync with the widgets.
        self._title = ""
        self._date_text = ""
        self._tags_text = ""
        self._body = ""
        self._kind = KIND_FREE
        self._fields: dict[str, object] = {}
        self._unsaved = False  # changes not yet saved as an entry
        self._loading = False
        self._word_timer: Timer | None = None

    # -- building ----------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="journal-body"):
            yield Static(id="journal-prompt")
            with Horizontal(id="journal-meta"):
                yield Input(placeholder="Title (optional)", id="journal-title", max_length=MAX_TITLE_CHARS)
                yield Input(placeholder="YYYY-MM-DD", id="journal-date", max_length=10)
                yield Input(
                    placeholder="tags, separated by commas",
                    id="journal-tags",
                    max_length=MAX_TAGS_TEXT_CHARS,
                    suggester=TagSuggester(self._known_tags),
                )
            yield Static(id="journal-date-message")
            yield CappedTextArea(id="journal-text", max_length=MAX_ENTRY_CHARS)
            yield Static(id="journal-status")
        yield CalmFooter()

    def _known_tags(self) -> list[str]:
        return self.store.repo(JournalRepository).all_tags()

    def on_mount(self) -> None:
        self._rng = random.Random(int(self.clock.now().timestamp()))
        self._start_page()
        self.start_autosave()
        self.query_one("#journal-text", CappedTextArea).focus()
        self.call_after_refresh(self._offer_draft)
        self.run_worker(self.store.repo(JournalRepository).warm_up, thread=True, exclusive=True, group="journal-index")

    # -- the page model ------------------------------------------------------------

    def _start_page(self, prompt_tag: str | None = None) -> None:
        """A fresh page for a new entry with a fresh prompt."""
        now = self.clock.now()
        self._entry_id = None
        self._page = JournalEntry.new(now)
        self._kind, self._fields = KIND_FREE, {}
        self._draw_prompt(prompt_tag)
        self._fill_widgets(title="", date_text=now.date().isoformat(), tags_text="", body="")
        self._draft_dirty = self._unsaved = False
        self._first_unsaved_at = None

    def _draw_prompt(self, tag: str | None) -> None:
        assert self._rng is not None
        exclude = [self._prompt.id] if self._prompt else []
        self._prompt = draw(self._rng, tag=tag, exclude=exclude, prompts=self._prompts)
        self._prompt_text = self._prompt.text
        self._show_prompt()

    def _show_prompt(self) -> None:
        widget = self.query_one("#journal-prompt", Static)
        if not self._prompt_text:
            widget.update("[dim]No prompt: write whatever is on your mind.[/dim]")
            return
        tag = self._prompt.tag if self._prompt else None
        label = TAG_TITLES.get(tag or "", "A prompt")
        chosen = f" · prompts about {TAG_TITLES[self._prompt_tag].lower()}" if self._prompt_tag else ""
        widget.update(f"[b]{label}[/b][dim]{chosen}[/dim]\n{_escape(self._prompt_text)}")

    def _fill_widgets(self, *, title: str, date_text: str, tags_text: str, body: str) -> None:
        self._loading = True
        self._title, self._date_text, self._tags_text, self._body = title, date_text, tags_text, body
        self.query_one("#journal-title", Input).value = title
        self.query_one("#journal-date", Input).value = date_text
        self.query_one("#journal-tags", Input).value = tags_text
        text_area = self.query_one("#journal-text", CappedTextArea)
        text_area.load_text(body)
        text_area.move_cursor(text_area.document.end)
        self.query_one("#journal-date-message", Static).update("")
        self._loading = False
        self._update_status()

    def load_entry(self, entry: JournalEntry, entry_id: str | None, *, unsaved: bool = False) -> None:
        """Show ``entry`` on the page (a saved one to edit, or a restored draft)."""
        self._entry_id = entry_id
        self._page = entry
        self._kind, self._fields = entry.kind, dict(entry.fields)
        self._prompt = next((p for p in self._prompts if p.id == entry.prompt_id), None)
        self._prompt_text = entry.prompt_text
        self._show_prompt()
        self._fill_widgets(
            title=entry.title, date_text=entry.entry_date, tags_text=", ".join(entry.tags), body=entry.body
        )
        self._draft_dirty = False
        self._unsaved = unsaved
        self._first_unsaved_at = None
        self.query_one("#journal-text", CappedTextArea).focus()

    def current_entry(self) -> JournalEntry:
        """The page as an entry, from the model (never from widgets)."""
        assert self._page is not None
        try:
            entry_date = parse_entry_date(self._date_text).isoformat()
        except ValueError:
            entry_date = self._page.entry_date
        return JournalEntry(
            id=self._page.id,
            created_at=self._page.created_at,
            updated_at=to_text(self.clock.now()),
            entry_date=entry_date,
            kind=self._kind,
            title=self._title.strip(),
            body=self._body,
            tags=parse_tags(self._tags_text),
            prompt_id=self._prompt.id if self._prompt and self._prompt_text == self._prompt.text else None,
            prompt_text=self._prompt_text,
            fields=dict(self._fields),
        )

    def _changed(self) -> None:
        if self._loading:
            return
        now = self.clock.monotonic()
        self._changes += 1
        self._last_change_at = now
        if not self._draft_dirty:
            self._first_unsaved_at = now
        self._draft_dirty = True
        self._unsaved = True

    # -- widget events keep the model in sync -------------------------------------------

    @on(TextArea.Changed, "#journal-text")
    def _text_changed(self, event: TextArea.Changed) -> None:
        text = event.text_area.text
        if text == self._body:
            return  # our own load_text, already in the model
        self._body = text
        self._changed()
        if len(self._body) <= LIVE_WORD_COUNT_LIMIT:
            self._update_status()
        else:
            if self._word_timer is not None:
                self._word_timer.stop()
            self._word_timer = self.set_timer(0.4, self._update_status)

    @on(Input.Changed, "#journal-title")
    def _title_changed(self, event: Input.Changed) -> None:
        if event.value == self._title:
            return
        self._title = event.value
        self._changed()

    @on(Input.Changed, "#journal-tags")
    def _tags_changed(self, event: Input.Changed) -> None:
        if event.value == self._tags_text:
            return
        self._tags_text = event.value
        self._changed()

    @on(Input.Changed, "#journal-date")
    def _date_changed(self, event: Input.Changed) -> None:
        if event.value == self._date_text:
            return
        self._date_text = event.value
        self._show_date_problem(self._date_problem())
        self._changed()

    @on(Input.Submitted)
    def _field_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.query_one("#journal-text", CappedTextArea).focus()

    @on(CappedTextArea.Refused)
    def _paste_refused(self, event: CappedTextArea.Refused) -> None:
        self.notify(
            event.explanation("entry"),
            title="Too long to add",
            severity="warning",
            timeout=8,
        )

    def _date_problem(self) -> str | None:
        return entry_date_problem(self._date_text, self.clock.now().date())

    def _show_date_problem(self, problem: str | None) -> None:
        self.query_one("#journal-date-message", Static).update(_escape(problem) if problem else "")
        self.query_one("#journal-date", Input).set_class(problem is not None, "-invalid")

    def _update_status(self) -> None:
        status = page_status(
            self._body, editing=self._entry_id is not None, changed=self._unsaved, draft_kept_at=self._last_draft_saved
        )
        self.query_one("#journal-status", Static).update(status)

    # -- actions -------------------------------------------------------------------

    def action_save(self) -> None:
        self.save_entry()

    def save_entry(self, then: Callable[[], object] | None = None) -> None:
        """Save the page as an entry (``then`` runs once it is on the disk)."""
        problem = self._date_problem()
        if problem:
            self._show_date_problem(problem)
            self.query_one("#journal-date", Input).focus()
            self.notify(problem, title="Not saved yet", severity="warning")
            return
        limits_problem = title_and_tags_problem(self._title.strip(), parse_tags(self._tags_text))
        if limits_problem:
            self.query_one("#journal-tags", Input).focus()
            self.notify(limits_problem[0].upper() + limits_problem[1:] + ".", title="Not saved yet", severity="warning")
            return
        entry = self.current_entry()
        if entry.is_empty():
            self.notify("There is nothing to save yet. Take your time.", title="Nothing saved")
            return
        store, now, changes_then = self.store, self.clock.now(), self._changes
        # The entry and the cleared draft reach the disk together, after any draft still queued.
        self.write(
            lambda: save_entry(store, entry, now=now), done=lambda _: self._entry_saved(entry, changes_then, then)
        )

    def _entry_saved(self, entry: JournalEntry, changes_then: int, then: Callable[[], object] | None) -> None:
        self._entry_id = entry.id
        self._page = entry
        if self._changes == changes_then:  # nothing typed while it was saving
            self._draft_dirty = self._unsaved = False
            self._first_unsaved_at = None
        self._last_draft_saved = None
        self._update_status()
        self.notify(f"Saved to your journal for {friendly_day(entry.entry_date)}.", title="Saved")
        self.heartwork.data_changed()
        if then is not None:
            then()

    def action_next_prompt(self) -> None:
        self._draw_prompt(self._prompt_tag)
        self._changed_prompt()

    def action_prompt_theme(self) -> None:
        tags = prompt_tags(self._prompts)
        position = -1 if self._prompt_tag is None else tags.index(self._prompt_tag)
        self._prompt_tag = tags[position + 1] if position + 1 < len(tags) else None
        self._draw_prompt(self._prompt_tag)
        self._changed_prompt()

    def _changed_prompt(self) -> None:
        if self._body.strip() or self._title.strip():
            self._changed()

    @work(group="journal-questions")
    async def action_new_page(self) -> None:
        if not self._unsaved or self.current_entry().is_empty():
            self._start_page(self._prompt_tag)
            self._discard_stored_draft(quietly=True)
            self.query_one("#journal-text", CappedTextArea).focus()
            return
        question = "Save what you wrote as an entry, then start a new page?"
        if await self.app.push_screen_wait(
            ConfirmScreen(question, "Save and start new", "Keep writing", destructive=None, yes_is_default=True)
        ):
            self.save_entry(then=self.action_new_page)

    def action_open_list(self) -> None:
        from tui.ui.screens.journal.journal_list import JournalListScreen

        self.app.push_screen(JournalListScreen(), self._open_from_list)

    def _open_from_list(self, entry_id: str | None) -> None:
        if not entry_id:
            return
        entry = self.store.repo(JournalRepository).get(entry_id)
        if entry is None:
            self.notify("That entry is no longer there.")
            return
        if entry.kind != KIND_FREE:
            self._open_exercise(entry.kind, entry)
            return
        if entry.id == (self._page.id if self._page else None):
            self.query_one("#journal-text", CappedTextArea).focus()
            return
        if self._unsaved and not self.current_entry().is_empty():
            self._save_then_open(entry)
            return
        self.load_entry(entry, entry.id)

    @work(group="journal-questions")
    async def _save_then_open(self, entry: JournalEntry) -> None:
        question = "The page you are writing is not saved as an entry yet. Save it, then open the other one?"
        if await self.app.push_screen_wait(
            ConfirmScreen(question, "Save and open", "Stay here", destructive=None, yes_is_default=True)
        ):
            self.save_entry(then=lambda: self.load_entry(entry, entry.id))

    def action_exercise(self, kind: str) -> None:
        self._open_exercise(kind, None)

    def _open_exercise(self, kind: str, entry: JournalEntry | None) -> None:
        from tui.ui.screens.journal.exercise_compassion_break import (
            CompassionBreakScreen,
        )
        from tui.ui.screens.journal.exercise_inner_critic import InnerCriticScreen
        from tui.ui.screens.journal.exercise_kind_letter import KindLetterScreen

        screens = {
            "inner-critic": InnerCriticScreen,
            "compassion-break": CompassionBreakScreen,
            "kind-letter": KindLetterScreen,
        }
        self.app.push_screen(screens[kind](entry))

    def action_leave_text(self) -> None:
        """Step out of the text so the app's one-letter keys (h, b, a, ...) work."""
        self.set_focus(None)

    def action_focus_text(self) -> None:
        self.query_one("#journal-text", CappedTextArea).focus()


def _escape(text: str) -> str:
    return text.replace("[", r"\[")
