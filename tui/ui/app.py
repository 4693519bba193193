"""HeartworkApp: the sections (modes), global keys, themes and safe shutdown.

Build it with :func:`create_app`, which takes its dependencies (store, clock,
settings) so tests can pass an in-memory store and a fake clock. The launcher
passes a loader instead of a store: Home (or the asked-for section's stand-in)
paints at once and the database is read in a thread worker (tui.ui.app_loading).
"""

from __future__ import annotations

import gc
import importlib
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual import events
from textual.binding import Binding
from textual.driver import Driver
from textual.screen import Screen
from textual.theme import Theme

from tui.content import themes
from tui.core.clock import Clock, SystemClock
from tui.core.keys import key_display
from tui.core.safe_text import visible_text
from tui.core.settings import Settings
from tui.paths import user_themes_dir
from tui.sections import SECTIONS, Section
from tui.ui.app_commands import CommandsApp
from tui.ui.app_loading import OPENING_MODE, LoadingApp, opening_screen
from tui.ui.app_lock import LockingApp
from tui.ui.app_safety import CarefulApp
from tui.ui.app_undo import UndoingApp
from tui.ui.messages import DataChanged
from tui.ui.pending_undo import PendingUndo
from tui.ui.screen_styles import built_up_to_date, preload_screen_styles, read_home_styles
from tui.ui.store_errors import store_write
from tui.ui.store_loading import StoreLoader
from tui.ui.store_writer import StoreWriter, WriteFinished
from tui.ui.textual_theme import apply_theme_before_start, style_app_before_its_screens, to_textual_theme
from tui.ui.warm_up import WARM_UP_DELAY_SECONDS, warm_up_steps

if TYPE_CHECKING:
    from tui.store.conflict_copies import ConflictReport
    from tui.store.store import Store

MIN_WIDTH = 60
_TOO_SMALL_MODULE = "tui.ui.screens.shell.too_small"
MIN_HEIGHT = 20
EXTERNAL_CHANGE_POLL_SECONDS = 2.0


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


class HeartworkApp(LoadingApp, LockingApp, CommandsApp, UndoingApp, CarefulApp):
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
        Binding("ctrl+o", "lock_now", "Lock now", show=False, tooltip="Lock Heartwork; your passphrase opens it again"),
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
        self._start_opening(store, loader)
        self.writes = StoreWriter(self, lambda: self.store.database)  # in order; never waits for another process
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
            self.add_mode(OPENING_MODE, lambda: built_up_to_date(opening_screen(title)))
        self._register_themes()

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
        """Register the theme shown first (the rest wait for the first frame), and apply it at no re-parse.

        Only the files that could hold it are read: the person's own first, then
        the bundled one, and the default theme if neither can be used. The other
        themes are registered just after the first frame, or as soon as anything
        lists them (:attr:`heartwork_themes`, :attr:`available_themes`).
        """
        self._theme_names: list[str] = []
        self._theme_failures: list[themes.ThemeLoadFailure] = []
        self._theme_failures_met: set[themes.ThemeLoadFailure] = set()
        self._theme_failures_shown = False
        self._other_themes_registered = False
        self._heap_frozen = False
        wanted = self._theme_override or self.settings.theme
        self._add_themes(*themes.load_theme_specs(self._themes_dir, only=wanted))
        if wanted not in self._theme_names:
            self._add_themes(*themes.load_theme_specs(self._themes_dir, only=themes.DEFAULT_THEME))
        # Applied before the first parse of the style sheets, so it costs no re-parse (issue 12.2).
        apply_theme_before_start(self, wanted if wanted in self._theme_names else themes.DEFAULT_THEME)
        # Only Heartwork's themes (bundled and the person's own) anywhere: the palette's
        # theme picker lists what is registered, and Settings can highlight only these.
        for name in list(self._registered_themes):
            if name not in self._theme_names:
                self.unregister_theme(name)

    def _add_themes(self, specs: list[themes.ThemeSpec], failures: list[themes.ThemeLoadFailure]) -> None:
        """Register ``specs`` and keep the failures not met before, to tell the person once."""
        new_specs = [spec for spec in specs if spec.name not in self._theme_names]  # the one shown stays as applied
        for spec in new_specs:
            self.register_theme(to_textual_theme(spec))
        self._theme_names = sorted({*self._theme_names, *(spec.name for spec in new_specs)})
        for failure in failures:
            if failure not in self._theme_failures_met:
                self._theme_failures_met.add(failure)
                self._theme_failures.append(failure)
        if self._theme_failures_shown:
            self._tell_about_theme_failures()

    def register_other_themes(self) -> None:
        """Register every Heartwork theme not registered yet (once; after the first frame, or when listed)."""
        if self._other_themes_registered:
            return
        self._other_themes_registered = True
        self._add_themes(*themes.load_theme_specs(self._themes_dir))

    @property
    def heartwork_themes(self) -> list[str]:
        """Every Heartwork theme's name, sorted (bundled and the person's own)."""
        self.register_other_themes()
        return list(self._theme_names)

    @property
    def available_themes(self) -> dict[str, Theme]:
        """Every registered theme, all of Heartwork's registered first (the palette's theme picker lists these)."""
        if hasattr(self, "_other_themes_registered"):
            self.register_other_themes()
        return super().available_themes

    def get_theme(self, theme_name: str) -> Theme | None:
        """A theme by name; one registered already is found without registering the rest (every frame asks)."""
        registered = self._registered_themes.get(theme_name)
        return registered if registered is not None else super().get_theme(theme_name)

    def _tell_about_theme_failures(self) -> None:
        """Say once which theme files were skipped, and why."""
        self._theme_failures_shown = True
        failures, self._theme_failures = self._theme_failures, []
        for failure in failures:
            self.notify(
                visible_text(f"Skipped theme file {failure.path.name}: {failure.reason}"),
                title="Theme",
                severity="warning",
                markup=False,
            )

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
        self._tell_about_theme_failures()
        self.call_after_refresh(self.register_other_themes)  # first, before anything that could list them
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

    def _when_store_ready(self) -> None:
        """What start-up does that needs the data: the single-instance marker, notices, the change poll."""
        self._mark_instance()
        self._tell_about_unreadable_records()
        self._tell_about_conflict_copies(self.store.opening_conflicts)
        self.set_interval(EXTERNAL_CHANGE_POLL_SECONDS, self._check_external_changes)
        self.start_idle_watch()

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
            from tui.core.unreadable_records import unreadable_summary  # only when there is something to say

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

    def on_write_finished(self, message: WriteFinished) -> None:
        message.then()

    def on_unmount(self) -> None:
        self.writes.close()
        if self._heap_frozen:
            self._heap_frozen = False
            gc.unfreeze()

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

    async def action_quit(self) -> None:
        self.save_pending()
        self.exit()

    def _check_external_changes(self) -> None:
        if not self.ready or self.locked:
            return  # while locked there is no key to read a changed file with
        with store_write(self, "Could not read your data") as attempt:
            changed = self.store.database.refresh()
        if attempt.failed:
            return
        with store_write(self, "Could not merge a synced copy") as attempt:
            conflicts = self.store.merge_conflict_copies()
        if not attempt.failed and self._tell_about_conflict_copies(conflicts):
            changed = True
        if changed:
            self.screen.post_message(DataChanged())

    def _tell_about_conflict_copies(self, report: ConflictReport | None) -> bool:
        """Say in one calm line what a sync tool's conflict copies brought in; True if records changed."""
        if report is None or not report.anything:
            return False
        self.notify(visible_text(report.describe()), title="Synced copies", timeout=10, markup=False)
        return bool(report.merged)

    def data_changed(self) -> None:
        """Tell the showing screen that saved data changed."""
        self.screen.post_message(DataChanged())

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
        """Pasted text reaches every input with its control characters made visible (never raw); styles read before the first screen."""
        if isinstance(event, events.Paste) and not event.is_forwarded:
            event.text = visible_text(event.text, keep_newlines=True)
        if isinstance(event, events.Compose):
            if self.DEFAULT_MODE == "home":
                read_home_styles(self)  # just before Home is built: no second parse of every sheet for it
            style_app_before_its_screens(self)  # the first theme costs no restyle (see textual_theme)
        self.note_activity(event)
        if self.held_before_ready(event):
            return
        await super().on_event(event)

    def on_resize(self, event: events.Resize) -> None:
        self._update_too_small(event.size.width, event.size.height)

    def _update_too_small(self, width: int, height: int) -> None:
        too_small = width < MIN_WIDTH or height < MIN_HEIGHT
        if not too_small and _TOO_SMALL_MODULE not in sys.modules:
            return  # never shown yet, so not showing now: the first frame need not import it
        from tui.ui.screens.shell.too_small import TooSmallScreen

        if too_small and not isinstance(self.screen, TooSmallScreen):
            self.push_screen(TooSmallScreen())
        elif not too_small and isinstance(self.screen, TooSmallScreen):
            self.pop_screen()


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
        loader=loader,
        launch=launch or Launch(),
        theme_override=theme,
        themes_dir=themes_dir if themes_dir is not None else user_themes_dir(),
    )
