"""Keeping the journal page safe: drafts saved as the person writes, and offered back later.

The page model lives in the screen's own attributes (never read back from
widgets, which may be gone at shutdown). A draft is written about a second
after the last keystroke and, while typing goes on, never more than two
seconds after the first unsaved one; when the screen is left; and, at quit or
on a termination signal, at once. Background saves go through the app's
writer, so the screen never waits for another process's lock.
"""

from __future__ import annotations

from collections.abc import Callable

from textual import work
from textual.timer import Timer

from tui.core.journal import KIND_FREE, JournalEntry, count_words
from tui.core.timefmt import friendly_time
from tui.store.journal_draft_repository import DRAFT_ID, JournalDraftRepository
from tui.store.journal_keeping import discard_draft
from tui.ui.base import HeartworkScreen
from tui.ui.dialogs.confirm import ConfirmScreen
from tui.ui.store_errors import store_write

DRAFT_PROMISE_SECONDS = 2.0  # the README's promise: the draft on disk is never further behind than this
AUTOSAVE_IDLE_SECONDS = 1.0  # save the draft this long after the last keystroke
AUTOSAVE_CHECK_SECONDS = 0.25
# ...or, under continuous typing, this long after the first unsaved keystroke (a check may come a tick late).
AUTOSAVE_MAX_WAIT_SECONDS = DRAFT_PROMISE_SECONDS - AUTOSAVE_CHECK_SECONDS


class DraftKeepingScreen(HeartworkScreen[None]):
    """A page the person writes on whose draft is kept on the disk (the journal builds on it)."""

    def __init__(self) -> None:
        super().__init__()
        self._entry_id: str | None = None  # the saved entry being edited, if any
        self._page: JournalEntry | None = None  # id and timestamps of what is being written
        self._draft_dirty = False
        self._first_unsaved_at: float | None = None
        self._last_change_at = 0.0
        self._last_draft_saved: str | None = None
        self._offer_checked = False
        self._changes = 0  # counts edits, so a draft saved in the background knows if it is still current
        self._draft_write_waiting = False
        self._autosave_timer: Timer | None = None

    def start_autosave(self) -> None:
        """Check for a draft to keep four times a second (from the injected clock, never by counting ticks)."""
        self._autosave_timer = self.set_interval(AUTOSAVE_CHECK_SECONDS, self._autosave_tick)

    # What the page shows; the journal screen provides these.

    def current_entry(self) -> JournalEntry:
        raise NotImplementedError

    def load_entry(self, entry: JournalEntry, entry_id: str | None, *, unsaved: bool = False) -> None:
        raise NotImplementedError

    def _update_status(self) -> None:
        """Redraw the status line (nothing by default)."""

    # -- drafts -------------------------------------------------------------------

    def _autosave_tick(self) -> None:
        if not self._draft_dirty:
            return
        now = self.clock.monotonic()
        idle = now - self._last_change_at >= AUTOSAVE_IDLE_SECONDS
        overdue = self._first_unsaved_at is not None and now - self._first_unsaved_at >= AUTOSAVE_MAX_WAIT_SECONDS
        if (idle or overdue) and not self._draft_write_waiting:
            self.queue_draft()

    def _draft_work(self) -> Callable[[], None]:
        """The write that keeps the page as it is now (an empty page clears its own draft)."""
        drafts = self.store.repo(JournalDraftRepository)
        entry = self.current_entry()
        entry_id = self._entry_id

        def keep() -> None:
            if entry.is_empty():
                stored = drafts.get(DRAFT_ID)
                if stored is not None and stored.entry.id == entry.id:
                    drafts.clear()  # the person emptied this page; never clear another page's draft
            else:
                drafts.keep(entry, entry_id)

        return keep

    def _draft_kept(self, changes_then: int) -> None:
        self._draft_write_waiting = False
        if self._changes == changes_then:  # nothing typed since: the disk holds the page
            self._draft_dirty = False
            self._first_unsaved_at = None
        self._last_draft_saved = f"{self.clock.now():%H:%M}"
        if self.is_mounted:
            self._update_status()

    def _draft_not_kept(self) -> None:
        self._draft_write_waiting = False

    def queue_draft(self) -> None:
        """Keep the page as a draft through the app's writer (never waiting here for another process)."""
        if self._page is None or not self._draft_dirty:
            return
        changes_then = self._changes
        self._draft_write_waiting = True
        self.write(
            self._draft_work(),
            title="Draft not saved",
            done=lambda _: self._draft_kept(changes_then),
            failed=self._draft_not_kept,
        )

    def save_draft(self) -> None:
        """Write the page to the draft record now (at quit and on termination signals)."""
        if self._page is None or not self._draft_dirty:
            return
        changes_then = self._changes
        with store_write(self.app, "Draft not saved") as attempt:
            self._draft_work()()
        if not attempt.failed:
            self._draft_kept(changes_then)

    def save_pending(self) -> None:
        """Called by the app on quit and on termination signals (after its queued writes landed)."""
        self.save_draft()

    def on_screen_suspend(self) -> None:
        if self._autosave_timer is not None:
            self._autosave_timer.pause()
        if self._draft_dirty:
            self.queue_draft()

    def on_screen_resume(self) -> None:
        if self._autosave_timer is not None:
            self._autosave_timer.resume()

    @work(group="journal-questions")
    async def _offer_draft(self) -> None:
        """Offer a draft left from an earlier time; nothing typed ahead can throw it away."""
        if self._offer_checked:
            return
        self._offer_checked = True
        draft = self.store.repo(JournalDraftRepository).current()
        if draft is None or draft.entry.kind != KIND_FREE:
            return
        words = count_words(draft.entry.body)
        question = (
            f"You have an unfinished entry ({words:,} word{'s' if words != 1 else ''}, "
            f"last changed {friendly_time(draft.entry.updated_at)}).\n"
            "Would you like to carry on with it?"
        )
        # This question appears by itself: Discard has no letter key and focus starts on Carry on.
        if await self.app.push_screen_wait(ConfirmScreen(question, "Carry on", "Discard", destructive="no")):
            self.load_entry(draft.entry, draft.entry_id, unsaved=True)
            return
        again = "Discard this draft? It waits in Recently deleted for 30 days, in case you want it back."
        if await self.app.push_screen_wait(ConfirmScreen(again, "Discard it", "Keep it", destructive="yes")):
            self._discard_stored_draft()
        else:
            self.load_entry(draft.entry, draft.entry_id, unsaved=True)

    def _discard_stored_draft(self, *, quietly: bool = False) -> None:
        """Move the stored draft into Recently deleted (never straight to oblivion)."""
        with store_write(self.app, "Draft not moved") as attempt:
            discarded = discard_draft(self.store, self.clock.now())
        if attempt.failed:
            return
        if discarded is not None and not quietly:
            self.notify("The draft is in Recently deleted for 30 days (ctrl+l, then r). A fresh page is ready.")
