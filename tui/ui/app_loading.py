"""Opening the database after the first frame: the app paints at once, keys wait for the data.

The launcher passes a loader instead of a store. Home (or the asked-for
section's stand-in) paints at once; the database is read in a thread worker
after the first frame; keys, pastes and actions that come meanwhile are held
(:mod:`tui.ui.held_input`) and replayed, in order, once it is open.
"""

from __future__ import annotations

import gc
import threading
from typing import TYPE_CHECKING, Any

from textual import events
from textual.app import App
from textual.screen import Screen

from tui.ui.held_input import IMMEDIATE_ACTIONS, HeldInput
from tui.ui.store_loading import NotOpened, Opened, StoreLoader, StoreOutcome

if TYPE_CHECKING:
    from tui.core.settings import Settings
    from tui.store.store import Store
    from tui.ui.app import Launch

OPENING_MODE = "opening"
"""The mode that shows the asked-for section's stand-in while the database opens."""


class LoadingApp(App[None]):
    """The store, once it is open; what waits for it; and how it is opened in the background."""

    settings: Settings
    launch: Launch
    _theme_override: str | None
    _heap_frozen: bool

    def _start_opening(self, store: Store | None, loader: StoreLoader | None) -> None:
        """Called from ``__init__``: an open store, or a loader to run after the first frame."""
        self._store = store
        self._loader = loader
        self.store_outcome: StoreOutcome | None = Opened(store) if store is not None else None
        self._outcome_arrived = threading.Event()
        self._loading = False  # a load asked for (none if the person quit before it was)
        # Whether the loader began, and whether an app that has ended gave it up before it did:
        # decided under one lock, so a worker thread that starts late never opens a store nobody closes.
        self._load_lock = threading.Lock()
        self._load_began = False
        self._load_abandoned = False
        self._held_input = HeldInput()

    @property
    def heartwork_themes(self) -> list[str]:
        """Every Heartwork theme's name (the app fills this in)."""
        return []

    def _when_store_ready(self) -> None:
        """What start-up does once the data is there (the app fills this in)."""

    def data_changed(self) -> None:
        """Tell the showing screen that saved data changed (the app fills this in)."""

    @property
    def ready(self) -> bool:
        """True once the database is open (at once when the app was given a store)."""
        return self._store is not None

    @property
    def store(self) -> Store:
        """The open database; screens that need it are only built once :attr:`ready`."""
        if self._store is None:
            raise RuntimeError("the database is still opening")
        return self._store

    def _start_loading(self) -> None:
        if self._loader is not None and self._store is None and self.is_running:
            self._loading = True
            self.run_worker(self._load_in_thread, thread=True, group="open-database", exit_on_error=False)

    def _load_in_thread(self) -> None:
        assert self._loader is not None
        with self._load_lock:
            if self._load_abandoned:
                return  # the app ended before this thread ran: nothing is opened
            self._load_began = True
        try:
            outcome = self._loader()
        except Exception as error:  # an unexpected failure is said in one line, never a traceback
            outcome = NotOpened(f"your data could not be opened: {error}", 1)
        self.store_outcome = outcome
        self._outcome_arrived.set()
        try:
            self.call_from_thread(self._store_arrived, outcome)
        except RuntimeError:
            return  # the app closed while opening; the launcher closes the store
        if isinstance(outcome, Opened) and outcome.warm_up is not None:
            try:
                outcome.warm_up()  # what can wait until the data is showing (the journal's index)
            finally:
                self._settle_heap()

    def _settle_heap(self) -> None:
        """Freeze what the warm-up built too, then let the collector run again.

        The journal's index and the homework effects live as long as the data;
        left in the collector's generations, a full pass walked them all (about
        100 ms at 30 years) and now and then landed in a breathing session.
        """
        if self._heap_frozen:
            gc.freeze()
            gc.enable()

    def wait_for_store_outcome(self) -> StoreOutcome | None:
        """How opening ended, once the app has ended (waiting for a load still under way after an early quit).

        A load whose worker thread had not begun when the app ended (quit at
        once, on a busy machine) is given up: its thread, if it runs at all,
        opens nothing, and None is returned instead of waiting for ever.
        """
        if not self._loading or self.store_outcome is not None:
            return self.store_outcome
        with self._load_lock:
            if not self._load_began:
                self._load_abandoned = True
                return self.store_outcome
        self._outcome_arrived.wait()
        return self.store_outcome

    def _store_arrived(self, outcome: StoreOutcome) -> None:
        if not isinstance(outcome, Opened):
            self.exit(return_code=outcome.exit_code if isinstance(outcome, NotOpened) else 1)
            return
        self._store = outcome.store
        self.settings = outcome.store.settings.load()
        wanted = self._theme_override or self.settings.theme
        if wanted in self.heartwork_themes and wanted != self.theme:
            self.theme = wanted
        if self._heap_frozen:
            gc.freeze()  # the loaded data lives as long as the app, like the start-up heap
            if outcome.warm_up is None:
                gc.enable()  # kept off while parsing (and warming up, see _settle_heap): a pass per thousand new objects
        self._when_store_ready()
        self.call_later(self._show_loaded_screens)

    async def _show_loaded_screens(self) -> None:
        """Put the asked-for section in place of its stand-in, redraw, then replay what was held."""
        if self.current_mode == OPENING_MODE:
            await self.switch_mode(self.launch.section)
            self.call_after_refresh(self._forget_opening_mode)
        self.data_changed()
        self.call_after_refresh(self._held_input.release, self.post_message)

    async def _forget_opening_mode(self) -> None:
        if OPENING_MODE in self._screen_stacks and self.current_mode != OPENING_MODE:
            await self.remove_mode(OPENING_MODE)

    async def run_action(
        self,
        action: str | Any,
        default_namespace: Any = None,
        namespaces: Any = None,
    ) -> bool:
        """Actions (clicks, the palette) that come before the data wait for it, in order with held keys."""
        if not self.ready:
            name = action if isinstance(action, str) else ""
            if name.split("(")[0].rsplit(".", 1)[-1] not in IMMEDIATE_ACTIONS:
                self._held_input.hold_action(
                    lambda: self.call_later(self.run_action, action, default_namespace, namespaces)
                )
                return True
        return await super().run_action(action, default_namespace, namespaces)

    def held_before_ready(self, event: events.Event) -> bool:
        """Keep a key or paste that came before the data, to replay it once the data is in."""
        if self.ready or getattr(event, "is_forwarded", False):
            return False
        if isinstance(event, events.Key) and self._held_input.hold_key(event):
            event.stop()
            return True
        if isinstance(event, events.Paste):
            self._held_input.hold_paste(event)  # already made visible
            event.stop()
            return True
        return False


def opening_screen(title: str) -> Screen[Any]:
    from tui.ui.screens.opening.opening import OpeningScreen

    return OpeningScreen(title)
