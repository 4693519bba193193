"""HeartworkApp: the sections (modes), global keys, themes and safe shutdown.

Build it with :func:`create_app`, which takes its dependencies (store, clock,
settings) so tests can pass an in-memory store and a fake clock.
"""

from __future__ import annotations

import asyncio
import gc
import importlib
import signal
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from textual import events
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.driver import Driver
from textual.screen import Screen

from tui import themes
from tui.core.clock import Clock, SystemClock
from tui.core.settings import Settings
from tui.crash import crash_message, write_crash_log
from tui.messages import DataChanged
from tui.paths import crash_log_path, user_themes_dir
from tui.screen_styles import built_up_to_date, preload_screen_styles
from tui.sections import SECTIONS, Section
from tui.store.errors import StoreError
from tui.store.store import Store
from tui.warm_up import WARM_UP_DELAY_SECONDS, warm_up_steps

MIN_WIDTH = 60
MIN_HEIGHT = 20
EXTERNAL_CHANGE_POLL_SECONDS = 2.0


@dataclass(frozen=True)
class Launch:
    """What the command line asked for: a section and options for its screen."""

    section: str = "home"
    options: dict[str, Any] = field(default_factory=dict)


def _lazy_screen(section: Section) -> Callable[[], Screen]:
    def build() -> Screen:
        module_name, class_name = section.screen.split(":")
        screen_class = getattr(importlib.import_module(module_name), class_name)
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
    ]

    def __init__(
        self,
        store: Store,
        clock: Clock,
        settings: Settings,
        launch: Launch,
        theme_override: str | None = None,
        themes_dir: Path | None = None,
    ) -> None:
        self.store = store
        self.clock = clock
        self.settings = settings
        self.launch = launch
        self._theme_override = theme_override
        self._themes_dir = themes_dir
        self._warm_up_steps: list[Callable[[], object]] | None = None
        self.DEFAULT_MODE = launch.section  # open straight on the asked-for section, building no other
        super().__init__()
        self._register_themes()

    def get_driver_class(self) -> type[Driver]:
        """Textual's driver for this terminal; on Linux one that takes long pastes in one piece."""
        driver_class = super().get_driver_class()
        from textual.drivers.linux_driver import LinuxDriver

        if driver_class is LinuxDriver:
            from tui.fast_paste_input import FastPasteLinuxDriver

            return FastPasteLinuxDriver
        return driver_class

    # -- themes ------------------------------------------------------------------

    def _register_themes(self) -> None:
        specs, failures = themes.load_theme_specs(self._themes_dir)
        for spec in specs:
            self.register_theme(themes.to_textual_theme(spec))
        self._theme_failures = failures
        self.heartwork_themes = [spec.name for spec in specs]
        self._heap_frozen = False
        wanted = self._theme_override or self.settings.theme
        available = {spec.name for spec in specs} | set(self.available_themes)
        self.theme = wanted if wanted in available else themes.DEFAULT_THEME

    def _remember_theme(self, theme: Any) -> None:
        if self._theme_override is None and theme.name != self.settings.theme:
            self.update_settings(theme=theme.name)

    def update_settings(self, **changes: Any) -> None:
        """Apply and save a settings change at once."""
        self.settings = self.settings.with_changes(**changes)
        try:
            self.store.settings.save(self.settings)
        except StoreError as error:
            self.notify(str(error), title="Not saved", severity="error", timeout=10)

    # -- lifecycle -----------------------------------------------------------------

    def on_mount(self) -> None:
        self.theme_changed_signal.subscribe(self, self._remember_theme)
        for failure in self._theme_failures:
            self.notify(f"Skipped theme file {failure.path.name}: {failure.reason}", title="Theme", severity="warning")
        self._install_signal_handlers()
        self._mark_instance()
        self.set_interval(EXTERNAL_CHANGE_POLL_SECONDS, self._check_external_changes)
        if self.current_mode != self.launch.section:
            self.switch_mode(self.launch.section)
        self.call_after_refresh(preload_screen_styles, self)  # so no first open re-parses all CSS
        self.call_after_refresh(self._freeze_startup_heap)
        self.set_timer(WARM_UP_DELAY_SECONDS, self._warm_up_next)

    def _warm_up_next(self) -> None:
        """Load the next screen module or text (see tui.warm_up), then yield to input before the one after."""
        if self._warm_up_steps is None:
            self._warm_up_steps = warm_up_steps()
        if self._warm_up_steps:
            self._warm_up_steps.pop(0)()
            self.set_timer(0.01, self._warm_up_next)

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
        gc.enable()  # paused by the launcher until the first frame

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
            self.notify(
                "Heartwork is also open in another window. Both are safe to use; "
                "changes from each appear in the other within a few seconds.",
                title="Open twice",
                timeout=10,
            )

    def action_retry_save(self) -> None:
        """Try again to save changes that could not be written (full disk, read-only folder)."""
        try:
            self.store.database.retry_save()
        except StoreError as error:
            self.notify(str(error), title="Still not saved", severity="error", timeout=10)
        else:
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
        self.exit()

    def save_pending(self) -> None:
        """Ask every open screen to save what it holds (drafts, running sessions)."""
        for screen in self._open_screens():
            saver = getattr(screen, "save_pending", None)
            if callable(saver):
                try:
                    saver()
                except StoreError as error:
                    self.notify(str(error), severity="error")

    def _open_screens(self) -> Iterable[Screen]:
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
        try:
            changed = self.store.database.refresh()
        except StoreError as error:
            self.notify(str(error), severity="error", timeout=10)
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
        log_path = crash_log_path()
        try:
            if error is not None:
                log_path = write_crash_log(error)
        except OSError:
            pass
        self.save_pending_quietly()
        self._exit_renderables.append(Text(crash_message(log_path)))
        self._close_messages_no_wait()

    def _handle_exception(self, error: Exception) -> None:
        self._last_error = error
        super()._handle_exception(error)

    def save_pending_quietly(self) -> None:
        try:
            self.save_pending()
        except Exception:  # noqa: BLE001 - already crashing; saving is best effort
            pass

    # -- size --------------------------------------------------------------------

    def on_resize(self, event: events.Resize) -> None:
        self._update_too_small(event.size.width, event.size.height)

    def _update_too_small(self, width: int, height: int) -> None:
        from tui.screens.too_small import TooSmallScreen

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
        from tui.screens.checkin import CheckinScreen

        if not isinstance(self.screen, CheckinScreen):
            self.push_screen(CheckinScreen())

    def action_help(self) -> None:
        from tui.screens.help import HelpScreen, help_sheet_for

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(help_sheet_for(self, self.screen))

    def action_settings(self) -> None:
        from tui.screens.settings import SettingsScreen

        if not isinstance(self.screen, SettingsScreen):
            self.push_screen(SettingsScreen())

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        for section in SECTIONS:
            yield SystemCommand(
                f"Go to {section.title}", section.description, lambda name=section.name: self.action_section(name)
            )
        yield SystemCommand("Check in", "Record how you feel right now", self.action_checkin)
        yield SystemCommand("Settings", "Theme, reduced motion, bell, week start", self.action_settings)
        yield SystemCommand("Help and support", "Every key, and how to reach crisis support", self.action_help)
        yield SystemCommand("Retry saving", "Save again after a full disk or read-only folder", self.action_retry_save)
        yield from super().get_system_commands(screen)


def create_app(
    store: Store,
    clock: Clock | None = None,
    settings: Settings | None = None,
    *,
    launch: Launch | None = None,
    theme: str | None = None,
    themes_dir: Path | None = None,
) -> HeartworkApp:
    """Build the app from its dependencies; the CLI and the tests both call this."""
    return HeartworkApp(
        store=store,
        clock=clock or SystemClock(),
        settings=settings if settings is not None else store.settings.load(),
        launch=launch or Launch(),
        theme_override=theme,
        themes_dir=themes_dir if themes_dir is not None else user_themes_dir(),
    )
