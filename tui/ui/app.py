"""HeartworkApp: the sections (modes), global keys, themes and safe shutdown.

Build it with :func:`create_app`, which takes its dependencies (store, clock,
settings) so tests can pass an in-memory store and a fake clock. The launcher
passes a loader instead of a store: Home (or the asked-for section's stand-in)
paints at once, the database is read in a thread worker, and keys pressed
meanwhile are held and replayed once it is open (tui.ui.held_input).
"""

from __future__ import annotations

import asyncio
import gc
import importlib
import signal
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from textual import events
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.driver import Driver
from textual.screen import Screen

from tui.content import themes
from tui.core.clock import Clock, SystemClock
from tui.core.keys import key_display
from tui.core.safe_text import visible_text
from tui.core.settings import Settings
from tui.core.unreadable_records import unreadable_summary
from tui.crash import CrashLogRefusedError, crash_message, crash_message_without_log, write_crash_log
from tui.paths import crash_log_path, user_themes_dir
from tui.sections import SECTIONS, Section
from tui.store.store import Store
from tui.ui.held_input import IMMEDIATE_ACTIONS, HeldInput
from tui.ui.messages import DataChanged
from tui.ui.pending_undo import PendingUndo
from tui.ui.screen_styles import built_up_to_date, preload_screen_styles
from tui.ui.store_errors import store_write
from tui.ui.store_loading import NotOpened, Opened, StoreLoader, StoreOutcome
from tui.ui.textual_theme import to_textual_theme
from tui.ui.warm_up import WARM_UP_DELAY_SECONDS, warm_up_steps

MIN_WIDTH = 60
MIN_HEIGHT = 20
EXTERNAL_CHANGE_POLL_SECONDS = 2.0
OPENING_MODE = "opening"
"""The mode that shows the asked-for section's stand-in while the database opens."""


@dataclass(frozen=True)
class Launch:
    """What the command line asked for: a section and options for its screen."""

    section: str = "home"
    options: dict[str, Any] = field(default_factory=dict)


def _lazy_screen(section: Section) -> Callable[[], Screen[Any]]:
    def build() -> Screen[Any]:
        module_name, class_name = section.screen.split(":")
        screen_class: type[Screen[Any]] = getattr(importlib.import_module(module_name), class_name)
        return built_up_to_date(screen_class())

    return build


class HeartworkApp(App[None]):
    """The whole Heartwork app."""

    TITLE = "Heartwork"
    MODES = {section.name: _lazy_screen(section) for section in SECTIONS}
    DEFAULT_MODE = "home"
    BINDINGS = [
        *(
            Binding(section.key, f"section('{section.name}')", section.title, tooltip=section.description)
            for section in SECTIONS
        ),
        Binding("c", "checkin", "Check in", tooltip="How are you feeling right now?"),
        Binding("question_mark", "help", "Help", tooltip="Every key, and where to find support"),
        Binding("comma", "settings", "Settings", show=False, tooltip="Theme, motion, bell, week start"),
        Binding("ctrl+q", "quit", "Quit", priority=True),
        # Priority so a screen's own "u" waits while a delete is fresh; outside that, or in a
        # text field, the key passes on untouched (see check_action and action_undo_delete).
        Binding("u", "undo_delete", "Undo delete", priority=True, tooltip="Bring back what you just deleted"),
    ]

    def __init__(
        self,
        store: Store | None,
        clock: Clock,
        settings: Settings,
        launch: Launch,
        theme_override: str | None = None,
        themes_dir: Path | None = None,
        loader: StoreLoader | None = None,
    ) -> None:
        self._store = store
        self._loader = loader
        self.store_outcome: StoreOutcome | None = Opened(store) if store is not None else None
        self._outcome_arrived = threading.Event()
        self._loading = False  # a load under way or done (none if the person quit before it began)
        self._held_input = HeldInput()
        self.clock = clock
        self.settings = settings
        self.launch = launch
        self._theme_override = theme_override
        self._themes_dir = themes_dir
        self.pending_undo: PendingUndo | None = None
        self._warm_up_steps: list[Callable[[], object]] | None = None
        # Open straight on the asked-for section, building no other. Textual reads DEFAULT_MODE
        # from the instance when it starts, so a per-launch value is set here, before super().__init__.
        self.DEFAULT_MODE = launch.section  # type: ignore[misc]  # a ClassVar in Textual, read per instance
        if store is None and launch.section != "home":
            self.DEFAULT_MODE = OPENING_MODE  # type: ignore[misc]  # as above; Home draws its own opening line
        super().__init__()
        if store is None:
            title = next((s.title for s in SECTIONS if s.name == launch.section), self.TITLE)
            self.add_mode(OPENING_MODE, lambda: _opening_screen(title))
        self._register_themes()

    # -- the database, opened in the background ----------------------------------------

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
            outcome.warm_up()  # what can wait until the data is showing (the journal's index)

    def wait_for_store_outcome(self) -> StoreOutcome | None:
        """How opening ended (waiting for a load still under way after an early quit)."""
        if self._loading and self.store_outcome is None:
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
            gc.enable()  # kept off while parsing: a collection pass per thousand new objects would slow it
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

    def _when_store_ready(self) -> None:
        """What start-up does that needs the data: the single-instance marker, notices, the change poll."""
        self._mark_instance()
        self._tell_about_unreadable_records()
        self.set_interval(EXTERNAL_CHANGE_POLL_SECONDS, self._check_external_changes)

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

    def get_driver_class(self) -> type[Driver]:
        """Textual's driver for this terminal; on Linux one that takes long pastes in one piece."""
        driver_class = super().get_driver_class()
        from textual.drivers.linux_driver import LinuxDriver

        if driver_class is LinuxDriver:
            from tui.ui.fast_paste_input import FastPasteLinuxDriver

            return FastPasteLinuxDriver
        return driver_class

    # -- themes ------------------------------------------------------------------

    def _register_themes(self) -> None:
        specs, failures = themes.load_theme_specs(self._themes_dir)
        for spec in specs:
            self.register_theme(to_textual_theme(spec))
        self._theme_failures = failures
        self.heartwork_themes = [spec.name for spec in specs]
        self._heap_frozen = False
        wanted = self._theme_override or self.settings.theme
        self.theme = wanted if wanted in self.heartwork_themes else themes.DEFAULT_THEME
        # Only Heartwork's themes (bundled and the person's own) anywhere: the palette's
        # theme picker lists what is registered, and Settings can highlight only these.
        for name in list(self.available_themes):
            if name not in self.heartwork_themes:
                self.unregister_theme(name)

    def _remember_theme(self, theme: Any) -> None:
        if self._theme_override is None and theme.name != self.settings.theme:
            self.update_settings(theme=theme.name)

    def update_settings(self, **changes: Any) -> None:
        """Apply and save a settings change at once."""
        self.settings = self.settings.with_changes(**changes)
        with store_write(self):
            self.store.settings.save(self.settings)

    # -- lifecycle -----------------------------------------------------------------

    def on_mount(self) -> None:
        self.theme_changed_signal.subscribe(self, self._remember_theme)
        self.screen_change_signal.subscribe(self, self._keep_focus_of_covered_screens)
        for failure in self._theme_failures:
            self.notify(
                visible_text(f"Skipped theme file {failure.path.name}: {failure.reason}"),
                title="Theme",
                severity="warning",
                markup=False,
            )
        self._install_signal_handlers()
        if self.ready:
            self._when_store_ready()
            if self.current_mode != self.launch.section:
                self.switch_mode(self.launch.section)
        else:
            self.call_after_refresh(self._start_loading)  # the first frame first: parsing holds the GIL
        self.call_after_refresh(preload_screen_styles, self)  # so no first open re-parses all CSS
        self.call_after_refresh(self._freeze_startup_heap)
        self.set_timer(WARM_UP_DELAY_SECONDS, self._warm_up_next)

    def _warm_up_next(self) -> None:
        """Load the next screen module or text (see tui.ui.warm_up), then yield to input before the one after."""
        if self._warm_up_steps is None:
            self._warm_up_steps = warm_up_steps()
        if self._warm_up_steps:
            self._warm_up_steps.pop(0)()
            self.set_timer(0.01, self._warm_up_next)

    def _tell_about_unreadable_records(self) -> None:
        """Say once, at start, that some stored records could not be read (Settings lists them)."""
        unreadable = self.store.database.unreadable_records()
        if unreadable:
            self.notify(
                f"{unreadable_summary(unreadable)} Settings (press ,) lists them.",
                title="Some records set aside",
                severity="warning",
                timeout=15,
                markup=False,
            )

    def _freeze_startup_heap(self) -> None:
        """Keep what start-up built (modules, CSS, widgets, the loaded store) out of full GC passes.

        A full collection walks every tracked object; with the start-up heap in
        it, one took 30-100 ms and now and then landed on a keystroke (issue 6,
        typing in a long journal entry). Those objects live as long as the app,
        so they are frozen after the first frame and handed back to the
        collector when the app unmounts.
        """
        gc.freeze()
        self._heap_frozen = True
        if self.ready:
            gc.enable()  # paused by the launcher until the first frame (or, when opening, until the data is in)

    def on_unmount(self) -> None:
        if self._heap_frozen:
            self._heap_frozen = False
            gc.unfreeze()

    def _mark_instance(self) -> None:
        from tui.store.instance import InstanceMarker

        if self.store.path is None:
            return
        self._instance_marker = InstanceMarker(self.store.path)
        if self._instance_marker.acquire():
            # Busy: perhaps an app whose terminal just closed and is still saving. Wait for it off the UI thread.
            self.run_worker(self._wait_for_closing_app, thread=True, exclusive=True, group="instance")

    def _wait_for_closing_app(self) -> None:
        if self._instance_marker.another_app_still_open():
            self.call_from_thread(self._say_open_twice)

    def _say_open_twice(self) -> None:
        self.notify(
            "Heartwork is also open in another window. Both are safe to use; "
            "changes from each appear in the other within a few seconds.",
            title="Open twice",
            timeout=10,
        )

    def deliver_screenshot(
        self, filename: str | None = None, path: str | None = None, time_format: str | None = None
    ) -> str | None:
        """The palette's "Screenshot": a private SVG in Heartwork's folder, and a note of where it went."""
        from tui.ui.screenshot import save_screenshot_svg

        try:
            saved = save_screenshot_svg(
                self.export_screenshot(), self.clock.now(), Path(path).expanduser() if path else None
            )
        except OSError as error:
            reason = error.strerror or str(error)
            self.notify(
                f"The screenshot could not be saved: {reason}.", title="No screenshot", severity="error", timeout=10
            )
            return None
        self.notify(f"Saved to {saved} (only you can read it).", title="Screenshot", timeout=10, markup=False)
        return str(saved)

    def action_retry_save(self) -> None:
        """Try again to save changes that could not be written (full disk, read-only folder)."""
        with store_write(self, "Still not saved") as attempt:
            self.store.database.retry_save()
        if attempt.failed:
            return
        self.notify("Saved.", timeout=3)
        self.data_changed()

    def _install_signal_handlers(self) -> None:
        try:
            loop = asyncio.get_running_loop()
            for signum in (signal.SIGTERM, signal.SIGHUP):
                loop.add_signal_handler(signum, self._on_terminate_signal)
        except (NotImplementedError, RuntimeError, ValueError):
            pass

    def _on_terminate_signal(self) -> None:
        self.save_pending()
        marker = getattr(self, "_instance_marker", None)
        if marker is not None:
            marker.release()  # saved: a restart from a new terminal is not "open twice"
        self.exit()

    def save_pending(self) -> None:
        """Ask every open screen to save what it holds (drafts, running sessions)."""
        for screen in self._open_screens():
            saver = getattr(screen, "save_pending", None)
            if callable(saver):
                with store_write(self):
                    saver()

    def _open_screens(self) -> Iterable[Screen[Any]]:
        seen: set[int] = set()
        stacks = [self.screen_stack, *self._screen_stacks.values()]
        for stack in stacks:
            for screen in stack:
                if id(screen) not in seen:
                    seen.add(id(screen))
                    yield screen

    async def action_quit(self) -> None:
        self.save_pending()
        self.exit()

    def _check_external_changes(self) -> None:
        if not self.ready:
            return
        with store_write(self, "Could not read your data") as attempt:
            changed = self.store.database.refresh()
        if attempt.failed:
            return
        if changed:
            self.screen.post_message(DataChanged())

    def data_changed(self) -> None:
        """Tell the showing screen that saved data changed."""
        self.screen.post_message(DataChanged())

    def _fatal_error(self) -> None:
        """Never print tracebacks with locals (they could hold journal text)."""
        from rich.text import Text

        error = getattr(self, "_last_error", None)
        message = crash_message(crash_log_path())
        try:
            if error is not None:
                message = crash_message(write_crash_log(error))
        except CrashLogRefusedError as refused:
            message = crash_message_without_log(refused)
        except OSError:
            pass
        self.save_pending_quietly()
        self._exit_renderables.append(Text(message))
        self._close_messages_no_wait()

    def _handle_exception(self, error: Exception) -> None:
        self._last_error = error
        super()._handle_exception(error)

    def save_pending_quietly(self) -> None:
        try:
            self.save_pending()
        except Exception:
            pass

    # -- focus -------------------------------------------------------------------

    def _keep_focus_of_covered_screens(self, showing: Screen[Any]) -> None:
        """Let Textual choose a screen's focus only the first time it is shown.

        Textual's AUTO_FOCUS runs again whenever a screen comes back with
        nothing focused, so after Help (or settings, the palette, a dialog or
        another section) the first field (the journal's Title) took the focus
        the person had deliberately left, and the next ``?`` typed into it.
        A screen that has been covered once keeps exactly the focus it had,
        including none.
        """
        for screen in self._open_screens():
            if screen is not showing:
                screen.AUTO_FOCUS = ""  # type: ignore[misc]  # empty, not None (None means the app's "*")

    def get_key_display(self, binding: Binding) -> str:
        """Keys in one notation everywhere (``Ctrl+S``, ``Esc``, ``Enter``), not Textual's ``^s``."""
        return binding.key_display or key_display(binding.key)

    # -- size --------------------------------------------------------------------

    async def on_event(self, event: events.Event) -> None:
        """Pasted text reaches every input with its control characters made visible (never raw)."""
        if isinstance(event, events.Paste) and not event.is_forwarded:
            event.text = visible_text(event.text, keep_newlines=True)
        if (
            isinstance(event, events.Key)
            and not event.is_forwarded
            and not self.ready
            and self._held_input.hold_key(event)
        ):
            event.stop()
            return
        if isinstance(event, events.Paste) and not event.is_forwarded and not self.ready:
            self._held_input.hold_paste(event)  # already made visible above
            event.stop()
            return
        await super().on_event(event)

    def on_resize(self, event: events.Resize) -> None:
        self._update_too_small(event.size.width, event.size.height)

    def _update_too_small(self, width: int, height: int) -> None:
        from tui.ui.screens.shell.too_small import TooSmallScreen

        too_small = width < MIN_WIDTH or height < MIN_HEIGHT
        if too_small and not isinstance(self.screen, TooSmallScreen):
            self.push_screen(TooSmallScreen())
        elif not too_small and isinstance(self.screen, TooSmallScreen):
            self.pop_screen()

    # -- actions -----------------------------------------------------------------

    def action_section(self, name: str) -> None:
        if self.current_mode != name:
            self.switch_mode(name)

    def action_checkin(self) -> None:
        from tui.ui.screens.mood.checkin import CheckinScreen

        if not isinstance(self.screen, CheckinScreen):
            self.push_screen(CheckinScreen())

    def action_recently_deleted(self) -> None:
        """Deleted entries and set-aside drafts of the last 30 days, to bring back."""
        from tui.ui.screens.journal.recently_deleted import RecentlyDeletedScreen

        if not isinstance(self.screen, RecentlyDeletedScreen):
            self.push_screen(RecentlyDeletedScreen())

    def action_help(self) -> None:
        from tui.ui.screens.help.help import HelpScreen, help_sheet_for

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(help_sheet_for(self, self.screen))

    def action_settings(self) -> None:
        from tui.ui.screens.settings.settings import SettingsScreen

        if not isinstance(self.screen, SettingsScreen):
            self.push_screen(SettingsScreen())

    # -- undo ------------------------------------------------------------------------

    def offer_undo(self, kind: str, restore: Callable[[], object]) -> None:
        """Remember how to bring back the ``kind`` just deleted, and say so."""
        from tui.ui.pending_undo import UNDO_SECONDS

        self.pending_undo = PendingUndo(kind, restore, self.clock.monotonic())
        self.notify(f"The {kind} is deleted. Press u to undo.", title="Deleted", timeout=10)
        self.data_changed()
        self.refresh_bindings()
        self.set_timer(UNDO_SECONDS + 0.1, self.refresh_bindings)

    def _undo_available(self) -> bool:
        pending = self.pending_undo
        return pending is not None and pending.is_fresh(self.clock.monotonic())

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """``u`` is "Undo delete" only right after a delete; otherwise the key belongs to the screen."""
        return action != "undo_delete" or self._undo_available()

    def action_undo_delete(self) -> None:
        """``u``: bring back the last delete, unless the key belongs to a text field or a dialog."""
        from textual.actions import SkipAction
        from textual.screen import ModalScreen
        from textual.widgets import Input, TextArea

        if isinstance(self.focused, (Input, TextArea)) or isinstance(self.screen, ModalScreen):
            raise SkipAction()  # the key is the person's: a letter in their text, or a dialog's
        if not self.undo_last_delete():
            raise SkipAction()

    def undo_last_delete(self) -> bool:
        """Restore the last deleted record through its repository; False if there is none to restore."""
        pending = self.pending_undo
        if pending is None or not pending.is_fresh(self.clock.monotonic()):
            return False
        with store_write(self, "Not restored") as attempt:
            pending.restore()
        if attempt.failed:
            return True
        self.pending_undo = None
        self.refresh_bindings()
        self.notify(f"The {pending.kind} is back.", title="Restored", timeout=4)
        self.data_changed()
        return True

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        for section in SECTIONS:
            yield SystemCommand(
                f"Go to {section.title}", section.description, lambda name=section.name: self.action_section(name)
            )
        yield SystemCommand("Check in", "Record how you feel right now", self.action_checkin)
        yield SystemCommand("Settings", "Theme, reduced motion, bell, week start", self.action_settings)
        yield SystemCommand("Help and support", "Every key, and how to reach crisis support", self.action_help)
        yield SystemCommand(
            "Recently deleted", "Journal entries and drafts deleted in the last 30 days", self.action_recently_deleted
        )
        if self._undo_available():
            yield SystemCommand("Undo delete", "Bring back what you just deleted", self.undo_last_delete)
        yield SystemCommand("Retry saving", "Save again after a full disk or read-only folder", self.action_retry_save)
        yield from super().get_system_commands(screen)


def _opening_screen(title: str) -> Screen[Any]:
    from tui.ui.screens.opening.opening import OpeningScreen

    return OpeningScreen(title)


def create_app(
    store: Store | None,
    clock: Clock | None = None,
    settings: Settings | None = None,
    *,
    launch: Launch | None = None,
    theme: str | None = None,
    themes_dir: Path | None = None,
    loader: StoreLoader | None = None,
) -> HeartworkApp:
    """Build the app from its dependencies; the CLI and the tests both call this.

    Give either an open ``store`` or a ``loader`` that opens it in a thread
    worker after the first frame (settings then come from the store once open).
    """
    if store is None and loader is None:
        raise ValueError("create_app needs a store or a loader")
    return HeartworkApp(
        store=store,
        clock=clock or SystemClock(),
        settings=settings if settings is not None else store.settings.load() if store is not None else Settings(),
        launch=launch or Launch(),
        theme_override=theme,
        themes_dir=themes_dir if themes_dir is not None else user_themes_dir(),
        loader=loader,
    )
